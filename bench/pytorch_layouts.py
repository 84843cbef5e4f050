#!/usr/bin/env python3
"""Does a channels-last memory layout, or turning oneDNN (mkldnn) off, speed up training on this
CPU? The recipes' models (bench/pytorch_recipe.py) trained for a number of batches each way, in
alternating rounds, on the same images and thread count; prints images per second per variant.
DJL 0.35 builds its convolutions contiguous (NCHW) with oneDNN on, so this answers whether a change
there would pay before anyone makes it.

usage: pytorch_layouts.py DATA_DIR THREADS [BATCHES] [ROUNDS]
"""
import json, statistics, sys, time

import torch
from torch import nn

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from pytorch_recipe import MODELS, SETTINGS, images  # noqa: E402


def train_speed(recipe, x, y, batches, channels_last, mkldnn):
    torch.manual_seed(42)
    torch.backends.mkldnn.enabled = mkldnn
    model = MODELS[recipe]()
    if channels_last:
        model = model.to(memory_format=torch.channels_last)
    _, batch, rate, _ = SETTINGS[recipe]
    opt = torch.optim.Adam(model.parameters(), lr=rate)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    start = None
    for b in range(batches + 5):
        if b == 5:  # the first batches warm up allocators and kernels
            start = time.perf_counter()
        xb, yb = x[b * batch:(b + 1) * batch], y[b * batch:(b + 1) * batch]
        if channels_last:
            xb = xb.contiguous(memory_format=torch.channels_last)
        opt.zero_grad()
        loss_fn(model(xb), yb).backward()
        opt.step()
    return batches * batch / (time.perf_counter() - start)


def main():
    data_dir, threads = sys.argv[1], int(sys.argv[2])
    batches = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    torch.set_num_threads(threads)
    x, y = images(data_dir, "train")
    variants = {"nchw+onednn": (False, True), "channels-last+onednn": (True, True), "nchw, onednn off": (False, False)}
    results = {}
    for recipe in ("quick", "best"):
        speeds = {v: [] for v in variants}
        for _ in range(rounds):
            for name, (cl, dnn) in variants.items():
                speeds[name].append(train_speed(recipe, x, y, batches, cl, dnn))
        results[recipe] = {v: round(statistics.median(s)) for v, s in speeds.items()}
        print(f"{recipe}: " + ", ".join(f"{v} {statistics.median(s):.0f} img/s {[round(t) for t in s]}" for v, s in speeds.items()),
              file=sys.stderr)
    print(json.dumps({"torch": torch.__version__, "threads": threads, "batches": batches, "rounds": rounds,
                      "imagesPerSecond": results}))


if __name__ == "__main__":
    main()
