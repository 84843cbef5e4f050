#!/usr/bin/env python3
"""PyTorch eager peer: the keras-cnn architecture, one epoch, batch 64, Adam, on the same
Fashion-MNIST IDX files and thread count as ConvLab. Prints one JSON line.

usage: pytorch_eager.py DATA_DIR THREADS [LIMIT]
"""
import gzip, json, sys, time

import numpy as np
import torch
from torch import nn


def idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def main():
    data_dir, threads = sys.argv[1], int(sys.argv[2])
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    x = torch.from_numpy(idx(f"{data_dir}/train-images-idx3-ubyte.gz", 16).astype(np.float32) / 255).reshape(-1, 1, 28, 28)
    y = torch.from_numpy(idx(f"{data_dir}/train-labels-idx1-ubyte.gz", 8).astype(np.int64))
    if limit:
        x, y = x[:limit], y[:limit]
    model = nn.Sequential(
        nn.Conv2d(1, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 128, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(3200, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    batch = 64
    order = torch.randperm(len(x))
    batches = len(x) // batch
    model.train()
    start = time.perf_counter()
    for b in range(batches):
        idxs = order[b * batch:(b + 1) * batch]
        xb, yb = x[idxs], y[idxs]
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    seconds = time.perf_counter() - start
    print(json.dumps({"peer": "pytorch-eager", "torch": torch.__version__, "images": batches * batch,
                      "seconds": round(seconds, 3), "imagesPerSecond": round(batches * batch / seconds, 1),
                      "threads": threads}))


if __name__ == "__main__":
    main()
