"""The peer of ConvLab's image-folder import (bench/image-import.sh): the same zip read the way a
Python notebook would turn an ImageFolder zip into arrays with PIL and NumPy, doing the same work:
read every PNG from the zip, decode it, make it grayscale (or RGB), scale its longest side to SIZE
and centre it on black, hold back a stratified, seeded fifth of each class, and write the four
gzipped IDX files. Prints one JSON line like ImageFolderImportCost's.

    python3 bench/pil_import.py ZIP SIZE gray|colour
"""
import gzip
import json
import os
import random
import resource
import struct
import sys
import tempfile
import time
import zipfile

import numpy as np
from PIL import Image


def prepare(data, size, colour):
    image = Image.open(__import__("io").BytesIO(data))
    image = image.convert("RGB" if colour else "L")
    w, h = image.size
    scale = size / max(w, h)
    nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
    image = image.resize((nw, nh), Image.BICUBIC)
    canvas = Image.new(image.mode, (size, size))
    canvas.paste(image, ((size - nw) // 2, (size - nh) // 2))
    pixels = np.asarray(canvas, dtype=np.uint8)
    return pixels.transpose(2, 0, 1).copy() if colour else pixels


def write_idx(path, array, magic):
    with gzip.open(path, "wb", compresslevel=6) as out:
        out.write(struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in array.shape))
        out.write(array.tobytes())


def main(zip_path, size, mode):
    colour = mode == "colour"
    start = time.perf_counter()
    images, labels, classes = [], [], {}
    with zipfile.ZipFile(zip_path) as archive:
        for info in archive.infolist():
            if info.is_dir() or not info.filename.lower().endswith((".png", ".jpg", ".jpeg")):
                continue
            label = classes.setdefault(info.filename.split("/")[-2], len(classes))
            images.append(prepare(archive.read(info), size, colour))
            labels.append(label)
    labels = np.array(labels, dtype=np.uint8)
    stack = np.stack(images)
    rng = random.Random(42)
    test = []
    for c in range(len(classes)):
        members = [i for i in range(len(labels)) if labels[i] == c]
        rng.shuffle(members)
        test += members[: max(1, round(len(members) * 0.2))]
    is_test = np.zeros(len(labels), dtype=bool)
    is_test[test] = True
    magic = 0x804 if colour else 0x803
    with tempfile.TemporaryDirectory() as out:
        write_idx(os.path.join(out, "train-images.gz"), stack[~is_test], magic)
        write_idx(os.path.join(out, "train-labels.gz"), labels[~is_test], 0x801)
        write_idx(os.path.join(out, "test-images.gz"), stack[is_test], magic)
        write_idx(os.path.join(out, "test-labels.gz"), labels[is_test], 0x801)
        seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peer": "pil", "size": size, "colour": colour, "images": len(labels),
                      "classes": len(classes), "seconds": round(seconds, 2),
                      "imagesPerSecond": round(len(labels) / seconds), "maxRssMiB": round(rss)}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
