#!/usr/bin/env python3
"""Parity of tinygan with PyTorch, and their speed on the same configuration.

Not part of CI (it installs PyTorch, about 3 GB with its CUDA wheels). Run from
the repository root:

    python3 bench/parity.py            # builds tinygan in release mode first

1. Parity. For each of the four D-input modes, tinygan trains a few epochs of
   the article's configuration and logs every epoch and G's weights after
   every epoch. A PyTorch implementation of the same model, written the way
   the original script is (nn.Linear, nn.BCELoss, optim.SGD), starts from the
   same initial weights and consumes the same random draws: both take them
   from xoshiro256** and the ziggurat, reimplemented in reference_rng.py. The
   losses of every logged epoch and the weights of G (every epoch) and D
   (at the end) must agree to float32 tolerance.
2. Speed. The original program's loop, with its own random draws, on one
   thread, against `tinygan train` on the same configuration.
"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "bench" / ".venv"


def ensure_torch():
    """Re-executes this script inside bench/.venv, creating it if needed."""
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not python.exists():
        print("creating bench/.venv and installing torch, numpy ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = subprocess.run([str(python), "-c", "import torch, numpy"], capture_output=True)
    if probe.returncode != 0:
        subprocess.run([str(python), "-m", "pip", "install", "-q", "torch", "numpy"], check=True)
    os.execv(str(python), [str(python), __file__] + sys.argv[1:])


ensure_torch()
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from reference_rng import Xoshiro256StarStar, Ziggurat  # noqa: E402

torch.set_num_threads(1)
TINYGAN = ROOT / ".build" / "release" / "tinygan"
MODES = ["raw", "data-and-variances", "data-and-diffs", "moments"]


# --- The model, as the original defines it -------------------------------

def moments(d):
    mean = torch.mean(d)
    diffs = d - mean
    var = torch.mean(torch.pow(diffs, 2.0))
    std = torch.pow(var, 0.5)
    z = diffs / std
    skew = torch.mean(torch.pow(z, 3.0))
    kurt = torch.mean(torch.pow(z, 4.0)) - 3.0
    return torch.cat((mean.reshape(1,), std.reshape(1,), skew.reshape(1,), kurt.reshape(1,)))


def decorate(data, exponent):
    mean = torch.mean(data.data, 1, keepdim=True)
    mean_broadcast = torch.mul(torch.ones(data.size()), mean.tolist()[0][0])
    return torch.cat([data, torch.pow(data - mean_broadcast, exponent)], 1)


PREPROCESS = {
    "raw": (lambda x: x, lambda n: n),
    "data-and-variances": (lambda x: decorate(x, 2.0), lambda n: 2 * n),
    "data-and-diffs": (lambda x: decorate(x, 1.0), lambda n: 2 * n),
    "moments": (moments, lambda n: 4),
}


class Generator(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.map1, self.map2, self.map3 = nn.Linear(1, hidden), nn.Linear(hidden, hidden), nn.Linear(hidden, 1)

    def forward(self, x):
        return self.map3(torch.tanh(self.map2(torch.tanh(self.map1(x)))))


class Discriminator(nn.Module):
    def __init__(self, inputs, hidden):
        super().__init__()
        self.map1, self.map2, self.map3 = nn.Linear(inputs, hidden), nn.Linear(hidden, hidden), nn.Linear(hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.map3(torch.sigmoid(self.map2(torch.sigmoid(self.map1(x))))))


def initialize(module, rng):
    """tinygan's initialization: layer by layer, W then b, (2u - 1) / sqrt(fan_in)."""
    with torch.no_grad():
        for layer in (module.map1, module.map2, module.map3):
            bound = 1 / np.sqrt(layer.in_features)
            for p in (layer.weight, layer.bias):
                values = [(2 * rng.next_double() - 1) * bound for _ in range(p.numel())]
                p.copy_(torch.tensor(values, dtype=torch.float64).reshape(p.shape).float())


def flat(module):
    return torch.cat([p.detach().reshape(-1) for p in module.parameters()]).numpy()


class Draws:
    """The training stream of a seed, as tinygan consumes it."""

    def __init__(self, seed):
        self.rng = Xoshiro256StarStar(seed=seed, stream=0)
        self.zig = Ziggurat()

    def real(self, n, mean, std):
        return torch.tensor([[mean + std * self.zig.next(self.rng) for _ in range(n)]], dtype=torch.float64).float()

    def noise(self, n):
        return torch.tensor([[u] for u in self.rng.fill_floats(n)], dtype=torch.float32)


def pytorch_run(config, seed):
    n, (pre, size) = config["batch-size"], PREPROCESS[config["d-input"]]
    draws = Draws(seed)
    G = Generator(config["g-hidden"][0])
    D = Discriminator(size(n), config["d-hidden"][0])
    initialize(G, draws.rng)
    initialize(D, draws.rng)
    criterion = nn.BCELoss()
    d_opt = torch.optim.SGD(D.parameters(), lr=config["lr-d"], momentum=config["momentum-d"])
    g_opt = torch.optim.SGD(G.parameters(), lr=config["lr-g"], momentum=config["momentum-g"])
    epochs, g_weights = [], []
    for _ in range(config["epochs"]):
        for _ in range(config["d-steps"]):
            D.zero_grad()
            real = draws.real(n, config["target-mean"], config["target-std"])
            decision = D(pre(real))
            d_real_error = criterion(decision, torch.ones_like(decision))
            d_real_error.backward()
            fake = G(draws.noise(n)).detach()
            decision = D(pre(fake.t()))
            d_fake_error = criterion(decision, torch.zeros_like(decision))
            d_fake_error.backward()
            d_opt.step()
        for _ in range(config["g-steps"]):
            G.zero_grad()
            decision = D(pre(G(draws.noise(n)).t()))
            g_error = criterion(decision, torch.ones_like(decision))
            g_error.backward()
            g_opt.step()
        epochs.append((d_real_error.item(), d_fake_error.item(), g_error.item()))
        g_weights.append(flat(G))
    return epochs, g_weights, flat(D)


def tinygan_run(flags, out):
    subprocess.run([str(TINYGAN), "train", "--quiet", "--out", str(out), "--snapshot-interval", "1"] + flags, check=True)
    lines = [json.loads(line) for line in open(out)]
    header = lines[0]["config"]
    epochs = [(r["dRealLoss"], r["dFakeLoss"], r["gLoss"]) for r in lines if r["type"] == "epoch"]
    g_weights = [np.array(r["generator"]["parameters"], dtype=np.float32) for r in lines if r["type"] == "snapshot"][1:]
    final = lines[-1]
    return header, epochs, g_weights, np.array(final["discriminator"]["parameters"], dtype=np.float32), final


def relative_error(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return float(np.max(np.abs(a - b) / np.maximum(1.0, np.abs(b))))


def parity(epochs, seed, tolerance):
    print(f"Parity: {epochs} epochs of the article's loop (20 D + 20 G steps, batch 500), seed {seed}")
    ok = True
    for mode in MODES:
        flags = ["--epochs", str(epochs), "--d-input", mode, "--seed", str(seed)]
        config, t_epochs, t_g, t_d, _ = tinygan_run(flags, Path("/tmp") / f"tinygan-parity-{mode}.jsonl")
        p_epochs, p_g, p_d = pytorch_run(config, seed)
        loss_error = relative_error(t_epochs, p_epochs)
        g_error = relative_error(t_g, p_g)
        d_error = relative_error(t_d, p_d)
        steps = epochs * 40
        good = max(loss_error, g_error, d_error) < tolerance
        ok &= good
        print(f"  {mode:20s} {steps} steps: max relative difference of losses {loss_error:.2e}, "
              f"G weights {g_error:.2e}, D weights {d_error:.2e}  {'ok' if good else 'MISMATCH'}")
    return ok


def original_loop(epochs):
    """The original program's loop with its own random draws (numpy, torch.rand)."""
    n, mean, std = 500, 4.0, 1.25
    G, D = Generator(5), Discriminator(4, 10)
    criterion = nn.BCELoss()
    d_opt = torch.optim.SGD(D.parameters(), lr=1e-3, momentum=0.9)
    g_opt = torch.optim.SGD(G.parameters(), lr=1e-3, momentum=0.9)
    start = time.process_time()
    for _ in range(epochs):
        for _ in range(20):
            D.zero_grad()
            real = torch.Tensor(np.random.normal(mean, std, (1, n)))
            criterion(D(moments(real)), torch.ones([1])).backward()
            fake = G(torch.rand(n, 1)).detach()
            criterion(D(moments(fake.t())), torch.zeros([1])).backward()
            d_opt.step()
        for _ in range(20):
            G.zero_grad()
            criterion(D(moments(G(torch.rand(n, 1)).t())), torch.ones([1])).backward()
            g_opt.step()
    return time.process_time() - start


def speed(epochs):
    print(f"Speed: the article's configuration, {epochs} epochs, one thread")
    pytorch_seconds = original_loop(epochs)
    tinygan_seconds = []
    for seed in (1, 2, 3):
        *_, final = tinygan_run(["--epochs", str(epochs), "--seed", str(seed), "--log-interval", "100"],
                                Path("/tmp/tinygan-speed.jsonl"))
        tinygan_seconds.append(final["wallSeconds"])
    best = min(tinygan_seconds)
    print(f"  PyTorch {torch.__version__}: {pytorch_seconds:.2f} s CPU "
          f"({pytorch_seconds / epochs * 5000:.0f} s per 5000 epochs)")
    print(f"  tinygan: {best:.3f} s ({best / epochs * 5000:.2f} s per 5000 epochs, best of 3)")
    print(f"  ratio: tinygan is {pytorch_seconds / best:.0f} times faster")


if __name__ == "__main__":
    subprocess.run(["swift", "build", "-c", "release", "--product", "tinygan"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    ok = parity(epochs=10, seed=7, tolerance=1e-4)
    speed(epochs=1000)
    sys.exit(0 if ok else 1)
