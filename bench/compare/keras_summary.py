#!/usr/bin/env python3
"""Keras alone, as a user would check a model: keras.saving.load_model(path, compile=False) and
model.summary(), for each file given (folders are searched for .h5 and .keras files).

    KERAS_BACKEND=jax python3 keras_summary.py PATH...

The summaries go to standard output. The last line on standard error reads
"# loaded N of M files"; a file Keras cannot load is counted, not fatal (exit 0 when every file
loaded, 1 otherwise).
"""
import os
import sys
import threading
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")
warnings.filterwarnings("ignore")
import keras  # noqa: E402

SUFFIXES = (".h5", ".hdf5", ".keras")


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    if name.endswith(SUFFIXES):
                        yield os.path.join(root, name)
        else:
            yield path


def main():
    loaded = total = 0
    for path in files(sys.argv[1:]):
        total += 1
        try:
            model = keras.saving.load_model(path, compile=False)
            model.summary()
            loaded += 1
        except Exception as e:  # any failure of Keras on this file is counted, not fatal
            print(f"{path}: {type(e).__name__}: {str(e)[:200]}", file=sys.stderr)
    print(f"# loaded {loaded} of {total} files", file=sys.stderr)
    return 0 if loaded == total else 1


if __name__ == "__main__":
    # Keras walks a functional graph recursively: thousands of layers need a deep stack.
    sys.setrecursionlimit(1_000_000)
    threading.stack_size(1 << 30)
    code = []
    worker = threading.Thread(target=lambda: code.append(main()))
    worker.start()
    worker.join()
    sys.exit(code[0] if code else 1)
