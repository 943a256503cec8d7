"""tinygan's random streams, reimplemented in Python from their papers.

xoshiro256** 1.0 (Blackman and Vigna 2018) seeded by SplitMix64, and the
ZIGNOR ziggurat (Doornik 2005) for normal variates, exactly as
Sources/TinyGANCore/Random/ documents them. The parity script uses this to
feed PyTorch the same draws tinygan makes.
"""
import math

MASK = (1 << 64) - 1


def splitmix64(state):
    """Yields SplitMix64 outputs from `state`."""
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed=None, stream=0, state=None):
        if state is None:
            sm = splitmix64(seed ^ ((stream * 0xD1B54A32D192ED03) & MASK))
            state = [next(sm) for _ in range(4)]
        self.s = list(state)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def next_double(self):
        return (self.next() >> 11) * 2.0 ** -53

    def next_float(self):
        """Exact as a float32: a multiple of 2^-24 below 1."""
        return (self.next() >> 40) * 2.0 ** -24

    def fill_floats(self, n):
        """n uniforms, two from each draw (bits 40..63, then 16..39), as tinygan's fill."""
        out = []
        while len(out) + 2 <= n:
            bits = self.next()
            out += [(bits >> 40) * 2.0 ** -24, ((bits >> 16) & 0xFFFFFF) * 2.0 ** -24]
        if len(out) < n:
            out.append(self.next_float())
        return out


class Ziggurat:
    C, R, V = 128, 3.442619855899, 9.91256303526217e-3

    def __init__(self):
        x = [0.0] * (self.C + 1)
        f = math.exp(-0.5 * self.R * self.R)
        x[0] = self.V / f
        x[1] = self.R
        for i in range(2, self.C):
            x[i] = math.sqrt(-2 * math.log(self.V / x[i - 1] + f))
            f = math.exp(-0.5 * x[i] * x[i])
        x[self.C] = 0.0
        self.x = x
        self.ratio = [x[i + 1] / x[i] for i in range(self.C)]

    def next(self, rng):
        x, ratio = self.x, self.ratio
        while True:
            bits = rng.next()
            u = 2 * ((bits >> 11) * 2.0 ** -53) - 1
            i = bits & 0x7F
            if abs(u) < ratio[i]:
                return u * x[i]
            if i == 0:
                return self.tail(u < 0, rng)
            candidate = u * x[i]
            f0 = math.exp(-0.5 * (x[i] * x[i] - candidate * candidate))
            f1 = math.exp(-0.5 * (x[i + 1] * x[i + 1] - candidate * candidate))
            if f1 + rng.next_double() * (f0 - f1) < 1:
                return candidate

    def tail(self, negative, rng):
        while True:
            x = math.log(1 - rng.next_double()) / self.R
            y = math.log(1 - rng.next_double())
            if not (-2 * y < x * x):
                break
        return x - self.R if negative else self.R - x


if __name__ == "__main__":
    ref = Xoshiro256StarStar(state=[1, 2, 3, 4])
    print("xoshiro256** from state (1, 2, 3, 4):", [ref.next() for _ in range(4)])
    print("splitmix64 from 0:", hex(next(splitmix64(0))))
    rng = Xoshiro256StarStar(seed=42)
    print("seed 42 stream 0:", [rng.next() for _ in range(3)])
    rng = Xoshiro256StarStar(seed=42, stream=1)
    print("seed 42 stream 1:", [rng.next() for _ in range(2)])
    rng = Xoshiro256StarStar(seed=7)
    z = Ziggurat()
    print("seed 7 normals:", [repr(z.next(rng)) for _ in range(5)])
