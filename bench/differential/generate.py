#!/usr/bin/env python3
"""Differential generator: random Keras models from the whole keras.layers catalogue, saved by
Keras 3.15.1 (jax) as .keras and .h5, with Keras' own numbers beside them, and mutants.

    KERAS_BACKEND=jax python3 bench/differential/generate.py OUT N [SEED] [MUTANT_SHARE] [LEAVE_OUT]

LEAVE_OUT: classes not to draw, comma-separated (to test the supported classes without gaps).

Writes OUT/models/dNNNN.{h5,keras} (and dNNNN_mut.{h5,keras} for a share of them),
OUT/keras/dNNNN.json (Keras' numbers: totals, every layer's output shapes and counts, nested
models' layers by path, the mutation) and OUT/summary.json (the catalogue: every class of
keras.layers, how often it was drawn and placed, and every failure Keras gave, by class).
Run by bench/differential/run, which then audits OUT/models and compares (compare.py).
"""

import inspect
import json
import os
import random
import sys
import time
import traceback

os.environ.setdefault("KERAS_BACKEND", "jax")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "test-models", "keras"))

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers as L  # noqa: E402

import generate as fixtures  # noqa: E402  (test-models/keras/generate.py: Keras' numbers)
import mutate  # noqa: E402
import recipes  # noqa: E402

MAX_ELEMENTS = 4096  # per sample, per tensor: keeps files small
START_SHAPES = [(8,), (12,), (128,), (6, 4), (10, 3), (64, 2), (8, 8, 3), (9, 7, 2), (12, 12, 3),
                (6, 6, 4, 2), (5, 7, 6, 3), (4, 6, 6, 3), (3, 5, 5, 4, 2)]


def zeros(shape, dtype=None):
    return np.zeros(shape, dtype=dtype or "float32")


def fast_weights():
    """Every weight starts as numpy zeros instead of Keras' initializer: jax compiles each random
    initializer for each new shape (0.4 s apiece), and the audit reads shapes, never values.
    The layers' configurations still name their own initializers."""
    original = keras.layers.Layer.add_weight

    def add_weight(self, *args, **kwargs):
        if len(args) >= 2:
            args = (args[0], zeros) + tuple(args[2:])
        else:
            kwargs["initializer"] = zeros
        return original(self, *args, **kwargs)

    keras.layers.Layer.add_weight = add_weight


class Failures:
    """What Keras refused, by class: counted, with the first few messages."""

    def __init__(self):
        self.by_class = {}

    def add(self, cls, stage, error):
        entry = self.by_class.setdefault(cls, {"count": 0, "messages": {}})
        entry["count"] += 1
        msg = f"{stage}: {type(error).__name__}: {str(error).splitlines()[0][:160] if str(error) else ''}"
        entry["messages"][msg] = entry["messages"].get(msg, 0) + 1


def catalogue():
    """Every class in vars(keras.layers), by its own name, with its public aliases."""
    tables = recipes.SINGLE.keys() | recipes.INT_INPUTS.keys() | recipes.MERGES.keys()
    by_class = {}
    for name, obj in vars(keras.layers).items():
        if inspect.isclass(obj):
            by_class.setdefault(obj, []).append(name)
    classes = {}
    for obj, aliases in by_class.items():
        named = [a for a in aliases if a in tables or a in recipes.NOT_IN_A_MODEL]
        classes[named[0] if named else obj.__name__] = aliases
    return classes


def classes_of(model):
    """The class names of every layer in the model, nested models' layers included."""
    names = set()
    for layer in model.layers:
        names.add(type(layer).__name__)
        if isinstance(layer, keras.Model):
            names |= classes_of(layer)
    return names


def known(tensor):
    shape = tuple(tensor.shape[1:])
    if any(d is None or d == 0 for d in shape):
        return False
    n = 1
    for d in shape:
        n *= d
    return n <= MAX_ELEMENTS


def shape_of(tensor):
    return tuple(int(d) for d in tensor.shape[1:])


class Builder:
    """Grows one model from random draws; every draw that Keras refuses is logged."""

    def __init__(self, rng, usable, failures, drawn, placed):
        self.rng = rng
        self.usable = usable
        self.failures = failures
        self.drawn = drawn
        self.placed = placed
        self.nested = 0

    def draw(self, table):
        names = [n for n in table if n in self.usable]
        return self.rng.choice(names)

    def single(self, x, name=None, only_same_shape=False):
        """One random single-input layer applied to x: (layer, output) or (None, None)."""
        shape = shape_of(x)
        for _ in range(40):
            cls = name or self.draw(recipes.SINGLE)
            layer = recipes.SINGLE[cls](self.rng, shape)
            if layer is None:
                if name:
                    return None, None
                continue
            self.drawn[cls] = self.drawn.get(cls, 0) + 1
            try:
                y = layer(x)
            except Exception as e:  # noqa: BLE001
                self.failures.add(cls, "call", e)
                continue
            outs = y if isinstance(y, (list, tuple)) else [y]
            if not all(known(t) for t in outs):
                continue
            if only_same_shape and shape_of(outs[0]) != shape:
                continue
            if layer.weights and self.rng.random() < 0.1:
                layer.trainable = False
            self.placed[cls] = self.placed.get(cls, 0) + 1
            return layer, y
        return None, None

    def int_branch(self, seq_len=None):
        """A new integer input and an embedding-like layer over it: (input, layer, output)."""
        cls = self.draw(recipes.INT_INPUTS)
        self.drawn[cls] = self.drawn.get(cls, 0) + 1
        inp = keras.Input((seq_len or self.rng.randint(2, 8),), dtype="int32")
        try:
            layer = recipes.INT_INPUTS[cls](self.rng)
            y = layer(inp)
        except Exception as e:  # noqa: BLE001
            self.failures.add(cls, "call", e)
            return None, None, None
        if not known(y):
            return None, None, None
        self.placed[cls] = self.placed.get(cls, 0) + 1
        return inp, layer, y

    def sequential(self):
        layers = []
        if self.rng.random() < 0.15:
            inp, layer, x = self.int_branch()
            if layer is None:
                return None
            layers.append(layer)
        else:
            inp = keras.Input(self.rng.choice(START_SHAPES))
            x = inp
        for _ in range(self.rng.randint(2, 6)):
            layer, y = self.single(x)
            if layer is None or isinstance(y, (list, tuple)):
                continue
            layers.append(layer)
            x = y
        if not layers:
            return None
        return keras.Sequential([keras.Input(inp.shape[1:], dtype=inp.dtype)] + layers)

    def partner(self, a):
        """A tensor of a's shape (or, for some, another last dim) made from a by another branch."""
        if self.rng.random() < 0.2:
            return L.Dense(self.rng.randint(1, 6))(a)
        if self.rng.random() < 0.6:
            layer, y = self.single(a, only_same_shape=True)
            if layer is not None and not isinstance(y, (list, tuple)):
                return y
        return L.Dense(shape_of(a)[-1])(a)

    def merge(self, pool):
        cls = self.draw(recipes.MERGES)
        a = self.rng.choice(pool[-3:])
        others = [t for t in pool if t is not a]
        self.rng.shuffle(others)
        b = None
        layer = None
        for t in others:
            layer = recipes.MERGES[cls](self.rng, shape_of(a), shape_of(t))
            if layer is not None:
                b = t
                break
        if b is None:
            b = self.partner(a)
            layer = recipes.MERGES[cls](self.rng, shape_of(a), shape_of(b))
        if layer is None:
            return None
        self.drawn[cls] = self.drawn.get(cls, 0) + 1
        ins = [a, b]
        if cls in ("Add", "Multiply", "Average", "Maximum", "Minimum", "Concatenate") \
                and self.rng.random() < 0.3:
            c = self.partner(a)
            if shape_of(c) == shape_of(b):
                ins.append(c)
        try:
            if cls in ("MultiHeadAttention", "GroupQueryAttention"):
                y = layer(a, b)
            else:
                y = layer(ins)
        except Exception as e:  # noqa: BLE001
            self.failures.add(cls, "call", e)
            return None
        if not known(y):
            return None
        self.placed[cls] = self.placed.get(cls, 0) + 1
        return ins, y

    def nested_model(self, a):
        """A small Sequential or functional model built on a's shape, called on a."""
        inp = keras.Input(shape_of(a))
        x = inp
        layers = []
        for _ in range(self.rng.randint(1, 3)):
            layer, y = self.single(x)
            if layer is None or isinstance(y, (list, tuple)):
                continue
            layers.append(layer)
            x = y
        if not layers:
            return None
        self.nested += 1
        name = f"inner_{self.nested}"
        if self.rng.random() < 0.5:
            sub = keras.Sequential([keras.Input(shape_of(a))] + layers, name=name)
        else:
            sub = keras.Model(inp, x, name=name)
        if self.rng.random() < 0.15:
            sub.trainable = False
        return sub(a)

    def functional(self):
        inputs = [keras.Input(self.rng.choice(START_SHAPES))]
        if self.rng.random() < 0.25:
            inputs.append(keras.Input(shape_of(inputs[0]) if self.rng.random() < 0.6
                                      else self.rng.choice(START_SHAPES)))
        pool = list(inputs)
        consumed = set()
        for _ in range(self.rng.randint(3, 9)):
            r = self.rng.random()
            if r < 0.15:
                got = self.merge(pool)
                if got is None:
                    continue
                ins, y = got
                consumed.update(id(t) for t in ins)
                pool.append(y)
            elif r < 0.22:
                a = self.rng.choice(pool[-3:])
                try:
                    y = self.nested_model(a)
                except Exception as e:  # noqa: BLE001
                    self.failures.add("(nested model)", "call", e)
                    continue
                if y is not None:
                    consumed.add(id(a))
                    pool.append(y)
            elif r < 0.28:
                inp, layer, y = self.int_branch()
                if layer is not None:
                    inputs.append(inp)
                    consumed.add(id(inp))
                    pool.append(y)
            else:
                a = self.rng.choice(pool[-3:])
                layer, y = self.single(a)
                if layer is None:
                    continue
                consumed.add(id(a))
                pool.extend(y if isinstance(y, (list, tuple)) else [y])
                twin = [t for t in pool if t is not a and id(t) not in consumed
                        and t.shape == a.shape and t.dtype == a.dtype]
                if twin and layer.weights and self.rng.random() < 0.5:
                    try:
                        y2 = layer(twin[0])
                        consumed.add(id(twin[0]))
                        pool.extend(y2 if isinstance(y2, (list, tuple)) else [y2])
                    except Exception as e:  # noqa: BLE001
                        self.failures.add(type(layer).__name__, "shared call", e)
        for inp in inputs:
            if id(inp) not in consumed:
                pool.append(L.Dense(2)(inp))
                consumed.add(id(inp))
        outputs = [t for t in pool if id(t) not in consumed]
        return keras.Model(inputs, outputs if len(outputs) > 1 else outputs[0])


def probe(classes, failures):
    """Try each class once in a one-layer model saved in both forms: the classes that never
    work under jax are logged and left out of the draws."""
    usable, no_h5 = set(), set()
    rng = random.Random(0)
    tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"diff-probe-{os.getpid()}")
    os.makedirs(tmp, exist_ok=True)
    for cls in classes:
        if cls in recipes.NOT_IN_A_MODEL:
            try:
                getattr(L, cls)()
                failures.add(cls, "not in a model", RuntimeError(recipes.NOT_IN_A_MODEL[cls]))
            except Exception as e:  # noqa: BLE001
                failures.add(cls, "construct", e)
            continue
        keras.backend.clear_session(free_memory=False)
        b = Builder(rng, {cls}, Failures(), {}, {})
        error = None
        for attempt in range(30):
            try:
                if cls in recipes.INT_INPUTS:
                    inp, layer, y = b.int_branch()
                    if layer is None:
                        msgs = b.failures.by_class.get(cls, {}).get("messages")
                        raise RuntimeError(next(iter(msgs)) if msgs else "no valid instance")
                    model = keras.Model(inp, y)
                elif cls in recipes.MERGES:
                    inp = keras.Input(START_SHAPES[3 if attempt % 2 else 0])
                    got = b.merge([inp, L.Dense(shape_of(inp)[-1])(inp)])
                    if got is None:
                        continue
                    model = keras.Model(inp, got[1])
                elif cls in recipes.SINGLE:
                    inp = keras.Input(START_SHAPES[attempt % len(START_SHAPES)])
                    layer, y = b.single(inp, name=cls)
                    if layer is None:
                        msgs = b.failures.by_class.get(cls, {}).get("messages")
                        error = RuntimeError(next(iter(msgs))) if msgs else error
                        continue
                    model = keras.Model(inp, y)
                else:
                    failures.add(cls, "catalogue", RuntimeError("no recipe in recipes.py"))
                    break
                saved = save(model, os.path.join(tmp, "p"), failures, cls)
                if saved:
                    usable.add(cls)
                    if "p.h5" not in saved:
                        no_h5.add(cls)
                    break
                error = None
            except Exception as e:  # noqa: BLE001
                error = e
        if cls not in usable and error is not None and cls in (recipes.SINGLE.keys() | recipes.INT_INPUTS.keys()
                                         | recipes.MERGES.keys()):
            failures.add(cls, "probe", error)
    return usable, no_h5


def save(model, stem, failures, label, formats=(".h5", ".keras")):
    """Save in each format on its own: the files written (a failure is logged)."""
    written = []
    for ext in formats:
        try:
            model.save(stem + ext)
            written.append(os.path.basename(stem + ext))
        except Exception as e:  # noqa: BLE001
            failures.add(label, "save " + ext, e)
            if os.path.exists(stem + ext):
                os.remove(stem + ext)
    return written


def layer_options(layer):
    config = layer.get_config()
    drop = ("name", "trainable", "dtype", "seed")
    return {k: v for k, v in config.items()
            if k not in drop and not k.endswith(("_initializer", "_regularizer", "_constraint"))}


def keras_numbers(name, model, files):
    doc = fixtures.expected(name, model, files)
    doc["kind"] = "sequential" if isinstance(model, keras.Sequential) else "functional"
    rows = []
    for layer, entry in zip(model.layers, doc["layers"]):
        entry["path"] = entry["name"]
        entry["options"] = layer_options(layer)
        rows.append(entry)
        if isinstance(layer, keras.Model):
            ids = fixtures.model_node_ids(layer)
            for inner in layer.layers:
                e = fixtures.layer_entry(inner, ids)
                e["path"] = f"{layer.name}/{inner.name}"
                e["options"] = layer_options(inner)
                rows.append(e)
    doc["layers"] = rows
    return doc


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    share = float(sys.argv[4]) if len(sys.argv) > 4 else 0.3
    left_out = set(sys.argv[5].split(",")) if len(sys.argv) > 5 and sys.argv[5] else set()
    fixtures.check_environment()
    fast_weights()
    keras.config.enable_unsafe_deserialization()  # mutate.py rebuilds models holding a Lambda
    models_dir = os.path.join(out, "models")
    numbers_dir = os.path.join(out, "keras")
    os.makedirs(models_dir, exist_ok=True)
    os.makedirs(numbers_dir, exist_ok=True)
    started = time.time()
    classes = catalogue()
    failures = Failures()
    usable, no_h5 = probe(classes, failures)
    usable -= left_out
    drawn, placed = {}, {}
    saved = 0
    attempts = 0
    mutants = 0
    while saved < n and attempts < 3 * n:
        name = f"d{attempts:04d}"
        rng = random.Random(seed * 1_000_003 + attempts)
        attempts += 1
        keras.backend.clear_session(free_memory=False)
        keras.utils.set_random_seed(seed * 1_000_003 + attempts)
        b = Builder(rng, usable, failures, drawn, placed)
        try:
            model = b.sequential() if rng.random() < 0.4 else b.functional()
        except Exception as e:  # noqa: BLE001
            failures.add("(model)", "build", e)
            continue
        if model is None:
            continue
        classes_in = sorted(classes_of(model))
        formats = (".keras",) if no_h5 & set(classes_in) else (".h5", ".keras")
        files = save(model, os.path.join(models_dir, name), failures,
                     "(model) " + "+".join(classes_in), formats)
        if not files:
            continue
        doc = keras_numbers(name, model, files)
        doc["mutants"] = []
        if rng.random() < share:
            for f in files:
                try:
                    m = mutate.mutate(rng, os.path.join(models_dir, f), doc)
                except Exception as e:  # noqa: BLE001
                    failures.add("(mutant)", "mutate", RuntimeError(traceback.format_exc(limit=2)))
                    m = None
                if m:
                    doc["mutants"].append(m)
                    mutants += 1
        with open(os.path.join(numbers_dir, f"{name}.json"), "w") as fh:
            json.dump(doc, fh, default=str)
        saved += 1
        if saved % 100 == 0:
            print(f"{saved} models, {mutants} mutants, {time.time() - started:.0f} s", flush=True)
    summary = {
        "keras_version": keras.__version__, "backend": keras.backend.backend(),
        "seed": seed, "models": saved, "attempts": attempts, "mutants": mutants,
        "mutant_share": share, "left_out": sorted(left_out), "seconds": round(time.time() - started),
        "catalogue": {cls: {"aliases": sorted(aliases), "usable": cls in usable,
                            "h5": cls in usable and cls not in no_h5,
                            "drawn": drawn.get(cls, 0), "placed": placed.get(cls, 0)}
                      for cls, aliases in sorted(classes.items())},
        "failures": failures.by_class,
    }
    with open(os.path.join(out, "summary.json"), "w") as fh:
        json.dump(summary, fh, indent=1, default=str)
    not_usable = sorted(c for c in classes if c not in usable)
    print(f"{saved} models and {mutants} mutants in {out} ({time.time() - started:.0f} s); "
          f"{len(classes)} classes, {len(usable)} usable under jax; not usable: {', '.join(not_usable)}")


if __name__ == "__main__":
    main()
