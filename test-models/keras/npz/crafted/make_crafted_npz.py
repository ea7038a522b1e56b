#!/usr/bin/env python3
"""Write .keras archives whose model.weights.npz holds hand-made pickles.

Every pickle here is assembled opcode by opcode from bytes; this script never unpickles
anything, and nothing reading these files should either. The architecture (config.json,
metadata.json) is that of ../seed_cnn.keras, written by Keras 3.15.1. The weights imitate what
Keras writes (see ../generate_npz.py): per layer a .npy holding a 0-d object array whose pickle is
a dict {"0": ndarray, "1": ndarray}, in numpy's own reduce form.

- well_formed.keras: the right shapes, all zeros; must audit clean (checks the assembler).
- os_system.keras: conv2d's dict holds `os.system("touch CANARY")` (GLOBAL + REDUCE).
- stack_global_eval.keras: builtins.eval named with STACK_GLOBAL.
- reduce_non_global.keras: REDUCE applied to a str instead of a named callable.
- reduce_dtype_as_array.keras: a variable that is numpy.dtype('f4') (allowed name, not an array).
- truncated.keras: conv2d's pickle cut in the middle of the kernel bytes.
- deep_nesting.keras: a variable that is 1000 tuples nested in each other.
- huge_shape.keras: a kernel declaring shape (100000, 100000) float32 that holds 16 bytes.
- huge_memo.keras: LONG_BINPUT to memo slot 2**32-1.
- persistent_id.keras: BINPERSID, an opcode numpy never writes.

Run from this directory: python3 make_crafted_npz.py
"""

import io
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "seed_cnn.keras")
CANARY = "/tmp/model-audit-npz-canary"


# --- a tiny pickle assembler (protocol 4 opcodes, as numpy writes them) ---

def s(text):
    b = text.encode()
    return b"\x8c" + bytes([len(b)]) + b


def i(n):
    return b"K" + bytes([n]) if 0 <= n < 256 else b"J" + struct.pack("<i", n)


def tup(*items):
    return b"(" + b"".join(items) + b"t"


def global_(module, name):
    return s(module) + s(name) + b"\x93"


def raw(data):
    return b"C" + bytes([len(data)]) + data if len(data) < 256 else b"B" + struct.pack("<I", len(data)) + data


def dtype(name, order):
    return (global_("numpy", "dtype") + tup(s(name), b"\x89", b"\x88") + b"R"
            + tup(i(3), s(order), b"N", b"N", b"N", i(-1), i(-1), i(63 if name == "O8" else 0)) + b"b")


def ndarray(shape, dtype_ops, data_ops):
    return (global_("numpy._core.multiarray", "_reconstruct") + tup(global_("numpy", "ndarray"), tup(i(0)), raw(b"b"))
            + b"R" + tup(i(1), tup(*[i(d) for d in shape]), dtype_ops, b"\x89", data_ops) + b"b")


def float_array(shape, nbytes=None):
    n = 4
    for d in shape:
        n *= d
    return ndarray(shape, dtype("f4", "<"), raw(b"\0" * (n if nbytes is None else nbytes)))


def variables(values):
    """The 0-d object array holding {"0": values[0], ...}, as numpy pickles it."""
    d = b"}" + b"(" + b"".join(s(str(k)) + v for k, v in enumerate(values)) + b"u"
    return b"\x80\x04" + ndarray((), dtype("O8", "|"), b"]" + d + b"a") + b"."


def npy(pickle_bytes):
    header = "{'descr': '|O', 'fortran_order': False, 'shape': (), }"
    header += " " * (64 - (10 + len(header) + 1) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + pickle_bytes


GOOD = {
    "layers/conv2d": variables([float_array((5, 5, 3, 6)), float_array((6,))]),
    "layers/conv2d_1": variables([float_array((5, 5, 6, 10)), float_array((10,))]),
}


def write(name, conv2d_pickle):
    entries = dict(GOOD)
    if conv2d_pickle is not None:
        entries["layers/conv2d"] = conv2d_pickle
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_STORED) as z:
        z.writestr("__root__.npy", npy(variables([])))
        for key, p in entries.items():
            z.writestr(key + ".npy", npy(p))
    with zipfile.ZipFile(SOURCE) as src, zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_STORED) as out:
        for entry in ("metadata.json", "config.json"):
            out.writestr(entry, src.read(entry))
        out.writestr("model.weights.npz", inner.getvalue())


def main():
    os.chdir(HERE)
    write("well_formed.keras", None)
    write("os_system.keras", b"\x80\x04" + b"cos\nsystem\n" + tup(s("touch " + CANARY)) + b"R.")
    write("stack_global_eval.keras", variables([global_("builtins", "eval") + tup(s("1")) + b"R"]))
    write("reduce_non_global.keras", variables([s("os.system") + tup(s("true")) + b"R"]))
    write("reduce_dtype_as_array.keras", variables([dtype("f4", "<"), float_array((6,))]))
    good = GOOD["layers/conv2d"]
    write("truncated.keras", good[: len(good) // 2])
    write("deep_nesting.keras", variables([b")" + b"\x85" * 1000, float_array((6,))]))
    write("huge_shape.keras", variables([float_array((100000, 100000), nbytes=16), float_array((6,))]))
    write("huge_memo.keras", variables([float_array((5, 5, 3, 6)) + b"r\xff\xff\xff\xff", float_array((6,))]))
    write("persistent_id.keras", variables([s("weights") + b"Q", float_array((6,))]))


if __name__ == "__main__":
    main()
