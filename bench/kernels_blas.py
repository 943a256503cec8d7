"""The BLAS ceiling for `tinygan bench --kernels`: the same matrix products
(one MLP's forward and backward, float32) through OpenBLAS sgemm, single-threaded.

    OPENBLAS_NUM_THREADS=1 python3 bench/kernels_blas.py

Uses numpy's own OpenBLAS (the PyPI wheel bundles it). Per layer with W of
shape (out, in), X (in, batch) and dZ (out, batch), feature-major as tinygan
stores them:
    forward   Z = W X (+ b)           2 in out batch FLOPs
    backward  dW += dZ X^T            2 in out batch
              dX = W^T dZ             2 in out batch (not for the first layer)
Activations (ReLU hidden, identity last) and bias adds are included as numpy
ops into preallocated buffers. Prints GFLOP/s of the matrix products, the median of 7
rounds of about 0.3 s each, in CPU time of the thread (as `tinygan bench --kernels`).
"""
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

SHAPES = [([2, 400, 400, 400, 400, 2], 100), ([2, 512, 512, 512, 2], 256), ([4, 200, 200, 200, 1], 100)]


def parse(arg):
    sizes, batch = arg.split("@")
    return [int(s) for s in sizes.split("-")], int(batch)


def step(ws, bs, acts, deltas, grads, dy):
    """One forward and backward, every product into a preallocated buffer."""
    last = len(ws) - 1
    for l, (w, b) in enumerate(zip(ws, bs)):
        z = acts[l + 1]
        np.matmul(w, acts[l], out=z)
        z += b
        if l < last:
            np.maximum(z, 0, out=z)
    deltas[last + 1][...] = dy
    for l in range(last, -1, -1):
        d = deltas[l + 1]
        if l < last:
            d *= acts[l + 1] > 0
        grads[l] += np.matmul(d, acts[l].T, out=scratch_for(grads[l]))
        if l > 0:
            np.matmul(ws[l].T, d, out=deltas[l])


_scratch = {}


def scratch_for(g):
    return _scratch.setdefault(g.shape, np.empty_like(g))


def main():
    shapes = [parse(a) for a in sys.argv[1:]] or SHAPES
    rng = np.random.default_rng(1)
    for sizes, batch in shapes:
        ws = [rng.uniform(-1, 1, (o, i)).astype(np.float32) / np.sqrt(i) for i, o in zip(sizes, sizes[1:])]
        bs = [rng.uniform(-0.1, 0.1, (o, 1)).astype(np.float32) for o in sizes[1:]]
        grads = [np.zeros_like(w) for w in ws]
        x = rng.uniform(-1, 1, (sizes[0], batch)).astype(np.float32)
        dy = rng.uniform(-1, 1, (sizes[-1], batch)).astype(np.float32)
        pairs = [i * o for i, o in zip(sizes, sizes[1:])]
        flops = 2 * batch * (2 * sum(pairs) + sum(pairs[1:]))
        acts = [x] + [np.empty((o, batch), np.float32) for o in sizes[1:]]
        deltas = [np.empty((n, batch), np.float32) for n in sizes]
        args = (ws, bs, acts, deltas, grads, dy)
        step(*args)
        start = time.thread_time()
        reps = 0
        while time.thread_time() - start < 0.3:
            step(*args)
            reps += 1
        rounds = []
        for _ in range(7):
            start = time.thread_time()
            for _ in range(reps):
                step(*args)
            rounds.append((time.thread_time() - start) / reps)
        t = sorted(rounds)[3]
        name = "-".join(map(str, sizes)) + f" batch {batch}"
        print(f"{name:32s} {t * 1e3:8.3f} ms per step  {flops / t / 1e9:6.1f} GFLOP/s (OpenBLAS sgemm, 1 thread)")


if __name__ == "__main__":
    main()
