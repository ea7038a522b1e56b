#!/usr/bin/env python3
"""Writes the Keras models the side-by-side benchmark times, with Keras 3 (KERAS_BACKEND=jax).

    python3 make_models.py CACHE_DIR NAME...

NAME is one of
  resnet50.h5, resnet50.keras, vgg16.h5, vgg16.keras
        keras.applications.ResNet50 / VGG16 with weights=None (random initial weights), saved
        by model.save() as legacy HDF5 or as a Keras 3 archive;
  chain_N.h5
        a functional model: Input(8) then N Dense(8) layers, each feeding the next;
  dag_N.h5
        a functional model of N layers that is not a chain: Dense(8) layers alternating with Add
        layers, each Add joining the Dense before it with the tensor two layers back, so that
        half of the layers have two inbound tensors.

A file that is already in CACHE_DIR is left as it is (the cache lives outside the repository).
"""
import os
import sys
import threading

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402


def chain(n):
    inputs = keras.Input((8,), name="input")
    x = inputs
    for i in range(n):
        x = keras.layers.Dense(8, name=f"dense_{i}")(x)
    return keras.Model(inputs, x, name=f"chain_{n}")


def dag(n):
    inputs = keras.Input((8,), name="input")
    back, x = inputs, inputs
    for i in range(n):
        if i % 2 == 0:
            y = keras.layers.Dense(8, name=f"dense_{i}")(x)
        else:
            y = keras.layers.Add(name=f"add_{i}")([x, back])
        back, x = x, y
    return keras.Model(inputs, x, name=f"dag_{n}")


def model_for(stem):
    if stem == "resnet50":
        return keras.applications.ResNet50(weights=None)
    if stem == "vgg16":
        return keras.applications.VGG16(weights=None)
    kind, _, size = stem.partition("_")
    if kind == "chain" and size.isdigit():
        return chain(int(size))
    if kind == "dag" and size.isdigit():
        return dag(int(size))
    raise SystemExit(f"make_models.py: unknown model {stem!r}")


def main():
    cache = sys.argv[1]
    os.makedirs(cache, exist_ok=True)
    for name in sys.argv[2:]:
        path = os.path.join(cache, name)
        if os.path.exists(path):
            continue
        stem, ext = os.path.splitext(name)
        model = model_for(stem)
        # Written under a temporary name first: an interrupted run leaves no half file behind.
        partial = os.path.join(cache, f"{stem}.partial{ext}")
        model.save(partial)
        os.replace(partial, path)
        print(f"wrote {path} ({os.path.getsize(path) / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    # Keras walks a functional graph recursively: thousands of layers need a deep stack.
    sys.setrecursionlimit(1_000_000)
    threading.stack_size(1 << 30)
    worker = threading.Thread(target=main)
    worker.start()
    worker.join()
