#!/usr/bin/python3
"""PyTorch CPU reference for the kd-claims training-speed benchmark.

Trains (and runs inference with) the same WRN-d-k as org.kdclaims.models.WideResNet: a 16-channel
3x3 stem, three groups of (d-4)/6 pre-activation basic blocks of widths 16k, 32k, 64k (strides
1, 2, 2; a 1x1 projection from the pre-activation where the shape changes), BN-ReLU, global
average pooling and a linear layer; no conv bias. SGD with Nesterov momentum 0.9 and weight decay
5e-4, cross-entropy, float32, batch 128 of 32x32x3 random images (--batch, --size), 10 classes.

Inference is measured on a frozen model (requires_grad off) in eval mode, after its batch-norm
running statistics were calibrated on the batch and after one backward pass (without which PyTorch
1.13 infers ~2x slower; see the comment in main()).

Prints one line per measurement: "pytorch <arch> <train|infer> <img/s> ..." (median of repeats).
Debian's python3-torch defaults to one thread: the thread count is set explicitly.
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(cin)
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.proj = None if (cin == cout and stride == 1) else nn.Conv2d(cin, cout, 1, stride, 0, bias=False)

    def forward(self, x):
        pre = F.relu(self.bn1(x))
        y = self.conv1(pre)
        y = self.conv2(F.relu(self.bn2(y)))
        return y + (x if self.proj is None else self.proj(pre))


class WideResNet(nn.Module):
    def __init__(self, depth, k, classes=10):
        super().__init__()
        n = (depth - 4) // 6
        widths = [round(16 * k), round(32 * k), round(64 * k)]
        self.stem = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        layers, cin = [], 16
        for g, w in enumerate(widths):
            for b in range(n):
                layers.append(Block(cin, w, 2 if (b == 0 and g > 0) else 1))
                cin = w
        self.blocks = nn.Sequential(*layers)
        self.bn = nn.BatchNorm2d(cin)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x):
        x = self.blocks(self.stem(x))
        x = F.relu(self.bn(x))
        return self.fc(x.mean((2, 3)))


def measure(fn, warmup, repeats, images):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return images / statistics.median(times), times


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--arch", default="wrn-16-1", help="wrn-<depth>-<k>")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--size", type=int, default=32, help="image height and width (ci scale: 16)")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--steps", type=int, default=10, help="timed steps per repeat")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--format", choices=["channels_last", "nchw"], default="channels_last")
    p.add_argument("--mode", choices=["train", "infer", "both"], default="both")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    _, d, k = a.arch.split("-")
    model = WideResNet(int(d), float(k))
    fmt = torch.channels_last if a.format == "channels_last" else torch.contiguous_format
    model = model.to(memory_format=fmt)
    x = torch.randn(a.batch, 3, a.size, a.size).to(memory_format=fmt)
    y = torch.randint(0, 10, (a.batch,))
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=5e-4)

    def train_steps():
        for _ in range(a.steps):
            opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()

    def infer_steps():
        with torch.no_grad():
            for _ in range(a.steps):
                model(x)

    info = f"torch {torch.__version__} threads={torch.get_num_threads()} format={a.format} batch={a.batch} size={a.size}"
    if a.mode in ("train", "both"):
        model.train()
        ips, _ = measure(train_steps, 1, a.repeats, a.steps * a.batch)
        print(f"pytorch {a.arch} train {ips:.1f} img/s ({info})", flush=True)
    if a.mode in ("infer", "both"):
        # PyTorch 1.13 runs no_grad inference of a model that has never been through a backward pass
        # ~2x slower (measured, cause unknown: not denormals, not running statistics); one backward pass
        # first gives the faster (conservative) reference. The teacher is then frozen, and its
        # batch-norm running statistics calibrated on the batch as a trained teacher's would be.
        model.train()
        F.cross_entropy(model(x), y).backward()
        model.zero_grad(set_to_none=True)
        model.requires_grad_(False)
        with torch.no_grad():
            for _ in range(20):
                model(x)
        model.eval()
        ips, _ = measure(infer_steps, 1, a.repeats, a.steps * a.batch)
        print(f"pytorch {a.arch} infer {ips:.1f} img/s ({info})", flush=True)


if __name__ == "__main__":
    main()
