#!/usr/bin/env python3
"""Write cjk_names.h5 and record Keras' own model.summary() text for the
fixtures the text-summary tests use (NAME.keras_summary.txt).

cjk_names.h5 is a small functional model whose layer names are CJK (wide:
two terminal cells a character), Hangul, and Latin with a combining accent
(zero cells), with a shared layer; the tests check that model-audit's table
stays aligned in display cells, and compare its totals and bytes lines with
the ones Keras prints here.

Run from this directory (the Java tests never run it; its outputs are
committed):

    pip install keras==3.15.1 jax h5py
    KERAS_BACKEND=jax python3 generate_summaries.py
"""

import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
# rich, which prints Keras' summary, cuts what it captures to the console width.
os.environ["COLUMNS"] = "200"

import keras  # noqa: E402
from keras import layers  # noqa: E402

EXPECTED_KERAS = "3.15.1"
SEED = 1234
HERE = os.path.dirname(os.path.abspath(__file__))

# Recorded with these files; each is loaded back from disk, so the summary is
# of the model as stored.
SUMMARIES = ["seed_cnn.h5", "functional_nested.h5", "cjk_names.h5"]


def cjk_names():
    # Every non-ASCII name has its own UTF-8 length: model-audit matches names Keras wrote
    # into ASCII-typed HDF5 attributes by their garbled form, in which two names of one byte
    # length look alike (a limit of the importer, not of this fixture's subject).
    inp = keras.Input((6, 6, 3), name="入力")
    x = layers.Conv2D(4, 3, name="畳み込み層")(inp)
    x = layers.Flatten(name="平坦化")(x)
    shared = layers.Dense(5, name="共有の全結合層")
    a = shared(layers.Dense(8, name="밀집_층")(x))
    b = shared(layers.Dense(8, name="cafe\u0301_dense")(x))
    out = layers.Concatenate(name="連結_concat")([a, b])
    return keras.Model(inp, out, name="漢字モデル")


def record(file_name):
    model = keras.saving.load_model(os.path.join(HERE, file_name), compile=False)
    lines = []
    model.summary(line_length=120, print_fn=lambda s, line_break=True: lines.append(s))
    lines.append("--- expand_nested=True")
    model.summary(
        line_length=120,
        expand_nested=True,
        print_fn=lambda s, line_break=True: lines.append(s),
    )
    base = file_name.rsplit(".", 1)[0]
    with open(os.path.join(HERE, base + ".keras_summary.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines).rstrip("\n") + "\n")


def main():
    if keras.__version__ != EXPECTED_KERAS:
        sys.exit(f"needs Keras {EXPECTED_KERAS}, found {keras.__version__}")
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    model = cjk_names()
    model.save(os.path.join(HERE, "cjk_names.h5"))
    for name in SUMMARIES:
        record(name)


if __name__ == "__main__":
    main()
