#!/usr/bin/env python3
"""PyTorch eager peer for ConvLab's recipes (training.engine.Recipes): the same layers, optimizer,
rate, one-cycle schedule, batch size, epochs and augmentation, on the same Fashion-MNIST IDX files
and thread count. Trains on all 60,000 images; after each epoch measures the 10,000 test images
(not counted as training time). Prints one JSON line shaped like TimeToAccuracy's.

usage: pytorch_recipe.py DATA_DIR THREADS RECIPE TARGET
"""
import gzip, json, math, sys, time

import numpy as np
import torch
from torch import nn


def idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def images(data_dir, kind):
    x = torch.from_numpy(idx(f"{data_dir}/{kind}-images-idx3-ubyte.gz", 16).astype(np.float32) / 255).reshape(-1, 1, 28, 28)
    y = torch.from_numpy(idx(f"{data_dir}/{kind}-labels-idx1-ubyte.gz", 8).astype(np.int64))
    return x, y


def conv_bn_relu(cin, cout):
    return [nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU()]


# The recipes' models, layer for layer (model.Presets); DJL's batch norm and PyTorch's both keep
# moving statistics with momentum 0.1 and epsilon 1e-5.
MODELS = {
    "quick": lambda: nn.Sequential(
        nn.Conv2d(1, 16, 3), nn.ReLU(), nn.BatchNorm2d(16), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(13 * 13 * 16, 100), nn.ReLU(), nn.Linear(100, 10)),
    "best": lambda: nn.Sequential(
        *conv_bn_relu(1, 32), *conv_bn_relu(32, 32), nn.MaxPool2d(2), nn.Dropout(0.2),
        *conv_bn_relu(32, 64), nn.MaxPool2d(2), nn.Dropout(0.3), nn.Flatten(),
        nn.Linear(7 * 7 * 64, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.4), nn.Linear(128, 10)),
}
# epochs, batch, Adam's rate, horizontal flip (training.engine.Recipes)
SETTINGS = {"quick": (4, 128, 0.003, False), "best": (15, 128, 0.003, True)}


def one_cycle(step, total):
    """ConvLab's one-cycle (LearningRateSchedule): linear warm-up from 1/25 over the first 30% of the
    steps (DJL's WarmUpTracker), then a half cosine from 1 down to 1e-3 (DJL's CosineTracker)."""
    warmup = math.floor(total * 0.3)
    if step < warmup:
        return 1 / 25 + (1 - 1 / 25) * step / warmup
    rest = max(1, total - warmup) - 1
    t = min(step - warmup, rest) / max(1, rest)
    return 1e-3 + (1 - 1e-3) * (1 + math.cos(math.pi * t)) / 2


def main():
    data_dir, threads, recipe, target = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    x, y = images(data_dir, "train")
    tx, ty = images(data_dir, "t10k")
    epochs, batch, rate, flip = SETTINGS[recipe]
    model = MODELS[recipe]()
    opt = torch.optim.Adam(model.parameters(), lr=rate)
    batches = math.ceil(len(x) / batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(opt, lambda step: one_cycle(step, epochs * batches))
    loss_fn = nn.CrossEntropyLoss()
    seconds, curve, reached_at = 0.0, [], None
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.randperm(len(x))
        start = time.perf_counter()
        for b in range(batches):
            idxs = order[b * batch:(b + 1) * batch]
            xb, yb = x[idxs], y[idxs]
            if flip:
                mirror = torch.rand(len(idxs)) < 0.5
                xb = torch.where(mirror[:, None, None, None], xb.flip(3), xb)
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            schedule.step()
        seconds += time.perf_counter() - start
        model.eval()
        with torch.no_grad():
            correct = sum((model(tx[i:i + 500]).argmax(1) == ty[i:i + 500]).sum().item() for i in range(0, len(tx), 500))
        accuracy = correct / len(tx)
        curve.append({"epoch": epoch, "trainSeconds": round(seconds, 1), "testAccuracy": round(accuracy, 4)})
        print(f"pytorch {recipe} epoch {epoch}: {seconds:.1f} s of training, test accuracy {accuracy:.4f}", file=sys.stderr)
        if reached_at is None and accuracy >= target:
            reached_at = seconds
    print(json.dumps({"peer": "pytorch-eager", "torch": torch.__version__, "recipe": recipe, "target": target,
                      "reached": reached_at is not None, "secondsToTarget": reached_at and round(reached_at, 1),
                      "trainSeconds": round(seconds, 1), "imagesPerSecond": round(epochs * len(x) / seconds, 1),
                      "finalAccuracy": curve[-1]["testAccuracy"], "threads": threads, "curve": curve}))


if __name__ == "__main__":
    main()
