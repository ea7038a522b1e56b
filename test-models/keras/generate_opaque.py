"""Fixtures for layers the audit cannot infer, whose stored variables it must still count
(issue 9, points 1 and 3): a user's own layer class, JaxLayer and FlaxLayer. Imported by
generate.py, which writes and checks them like every other fixture:

    KERAS_BACKEND=jax python3 generate.py custom_layer jax_layer flax_layer

TorchModuleWrapper and TFSMLayer run only on their own backend, so this script writes them itself
(with generate.py's functions, the same files and expected.json), one backend per run:

    KERAS_BACKEND=torch python3 generate_opaque.py torch_module_wrapper       # needs torch
    KERAS_BACKEND=tensorflow python3 generate_opaque.py tfsm_layer            # needs tensorflow

All sit at the models' outputs, so no other layer depends on a shape the audit cannot know.
"""

import numpy as np
import keras
from keras import layers

PACKAGE = "model_audit_fixtures"


@keras.saving.register_keras_serializable(package=PACKAGE)
class GatedProjection(layers.Layer):
    """A user's layer: its own trainable gate, a non-trainable counter and a Dense built inside."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.proj = layers.Dense(self.units, name="proj")
        self.proj.build(input_shape)
        self.gate = self.add_weight(shape=(self.units,), name="gate", initializer="ones")
        self.seen = self.add_weight(shape=(), name="seen", initializer="zeros", trainable=False)

    def call(self, x):
        return self.proj(x) * self.gate

    def get_config(self):
        return dict(super().get_config(), units=self.units)


def custom_layer():
    # Two instances: a .keras archive stores them as gated_projection and gated_projection_1.
    inp = keras.Input((6,), name="features")
    x = layers.Dense(5, name="encoder")(inp)
    a = GatedProjection(3, name="head_a")(x)
    b = GatedProjection(2, name="head_b")(inp)
    return keras.Model(inp, [a, b], name="custom_layer")


@keras.saving.register_keras_serializable(package=PACKAGE)
def affine_call(params, state, inputs, training):
    return inputs @ params["w"] + params["b"] + state["shift"], state


def jax_layer():
    # Keras 3.15.1's JaxLayer needs TensorFlow to run an init_fn, so the parameters are given.
    inp = keras.Input((4,), name="features")
    x = layers.Dense(5, name="encoder")(inp)
    out = layers.JaxLayer(
        call_fn=affine_call,
        params={"w": np.linspace(-1, 1, 15, dtype="float32").reshape(5, 3), "b": np.zeros((3,), "float32")},
        state={"shift": np.full((3,), 0.5, "float32")},
        name="jax_affine",
    )(x)
    return keras.Model(inp, out, name="jax_layer")


def flax_affine_module():
    import flax.linen as nn

    @keras.saving.register_keras_serializable(package=PACKAGE)
    class FlaxAffine(nn.Module):
        """A Dense then a BatchNorm: trainable parameters and a non-trainable batch_stats state."""
        units: int = 3

        @nn.compact
        def __call__(self, x, training=False):
            x = nn.Dense(self.units, name="dense")(x)
            return nn.BatchNorm(use_running_average=not training, name="norm")(x)

        def get_config(self):
            return {"units": self.units}

        @classmethod
        def from_config(cls, config):
            return cls(**config)

    return FlaxAffine


def flax_layer():
    # Needs flax (0.12.8 here). Keras initialises the module's variables itself (JAX only).
    inp = keras.Input((4,), name="features")
    x = layers.Dense(5, name="encoder")(inp)
    out = layers.FlaxLayer(flax_affine_module()(3), name="flax_affine")(x)
    return keras.Model(inp, out, name="flax_layer")


def torch_module_wrapper():
    # KERAS_BACKEND=torch. Without output_shape Keras cannot call the wrapper symbolically.
    import torch
    torch.manual_seed(1234)
    inp = keras.Input((4,), name="features")
    x = layers.Dense(5, name="encoder")(inp)
    out = layers.TorchModuleWrapper(torch.nn.Linear(5, 3), output_shape=(None, 3), name="torch_linear")(x)
    return keras.Model(inp, out, name="torch_module_wrapper")


SAVED_MODEL = "tfsm_layer_savedmodel"


def tfsm_layer():
    # KERAS_BACKEND=tensorflow. The layer loads a SavedModel written here (kept beside the fixture:
    # its configuration names the folder); its variables, two trainable and one not, are its own.
    import tensorflow as tf

    class TfAffine(tf.Module):
        def __init__(self):
            super().__init__()
            self.w = tf.Variable(np.linspace(-1, 1, 15, dtype="float32").reshape(5, 3), name="w")
            self.b = tf.Variable(np.zeros((3,), "float32"), name="b")
            self.shift = tf.Variable(np.full((3,), 0.5, "float32"), name="shift", trainable=False)

        @tf.function(input_signature=[tf.TensorSpec([None, 5], tf.float32)])
        def serve(self, x):
            return tf.matmul(x, self.w) + self.b + self.shift

    module = TfAffine()
    tf.saved_model.save(module, SAVED_MODEL, signatures={"serving_default": module.serve})
    inp = keras.Input((4,), name="features")
    x = layers.Dense(5, name="encoder")(inp)
    out = layers.TFSMLayer(SAVED_MODEL, call_endpoint="serving_default", name="tfsm_affine")(x)
    return keras.Model(inp, out, name="tfsm_layer")


MODELS = [
    ("custom_layer", custom_layer, False),
    ("jax_layer", jax_layer, False),
    ("flax_layer", flax_layer, False),
]

# Written by this script under another backend than generate.py's (see the docstring).
OTHER_BACKEND_MODELS = {
    "torch_module_wrapper": ("torch", torch_module_wrapper),
    "tfsm_layer": ("tensorflow", tfsm_layer),
}

# Keras 3.15.1 cannot load a JaxLayer back: its configuration has the function but not the
# parameters, and without an init_fn it has nothing to build them from. The legacy .h5 loader
# does not know any of the wrapper classes.
KNOWN_UNLOADABLE = {"jax_layer.h5", "jax_layer.keras", "jax_layer.json", "flax_layer.h5",
                    "torch_module_wrapper.h5", "tfsm_layer.h5"}


# ---------------------------------------------------------------------------
# Run directly: a built-in class without a rule whose .keras storage name is not its
# configuration's class name (GroupQueryAttention is stored as grouped_query_attention, after its
# Python class GroupedQueryAttention). Kept out of the fixture table, whose layers must all be
# verified: the file pins only the counts, whatever rule the class gets later.
# ---------------------------------------------------------------------------

def group_query_attention():
    query = keras.Input((6, 8), name="query")
    value = keras.Input((5, 8), name="value")
    out = layers.GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=2, name="gqa")(query, value)
    return keras.Model([query, value], out, name="group_query_attention")


def write_counts():
    import json
    import os
    import sys
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    import generate
    generate.check_environment()
    out = os.path.join(here, "unsupported_builtin")
    os.makedirs(out, exist_ok=True)
    generate.fresh()
    model = group_query_attention()
    files = ["group_query_attention.h5", "group_query_attention.keras"]
    for f in files:
        model.save(os.path.join(out, f))
        back = keras.saving.load_model(os.path.join(out, f), compile=False)
        assert back.count_params() == model.count_params(), f
    counts = {
        "generator": "generate_opaque.py", "keras_version": keras.__version__, "files": files,
        "params": int(model.count_params()),
        "layers": {layer.name: int(layer.count_params()) for layer in model.layers},
    }
    with open(os.path.join(out, "group_query_attention.counts.json"), "w") as fh:
        fh.write(json.dumps(counts, indent=1) + "\n")
    print(counts)


# ---------------------------------------------------------------------------
# Run directly with model names: the wrappers that need another backend than jax.
# ---------------------------------------------------------------------------

def check_reload_unsafe(path, model):
    """generate.check_reload for files whose layer Keras loads only outside safe mode."""
    from keras.src.saving.serialization_lib import SafeModeScope
    if path.endswith(".json"):
        with open(path) as fh, SafeModeScope(False):
            back = keras.models.model_from_json(fh.read())
        if back.count_params() != model.count_params() or [w.shape for w in back.weights] != [w.shape for w in model.weights]:
            raise RuntimeError(f"{path}: the model rebuilt from JSON differs")
        return
    back = keras.saving.load_model(path, compile=False, safe_mode=False)
    if back.count_params() != model.count_params() or [l.name for l in back.layers] != [l.name for l in model.layers]:
        raise RuntimeError(f"{path}: reloaded model differs")
    for a, b in zip(back.weights, model.weights):
        if a.shape != b.shape or not np.array_equal(keras.ops.convert_to_numpy(a), keras.ops.convert_to_numpy(b)):
            raise RuntimeError(f"{path}: weight {b.path} differs after reload")


def write_other_backend(names):
    import os
    import sys
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    import generate
    if keras.__version__ != generate.EXPECTED_KERAS:
        sys.exit(f"need keras=={generate.EXPECTED_KERAS}, have {keras.__version__}")
    os.chdir(here)
    for name in names:
        backend, build = OTHER_BACKEND_MODELS[name]
        if keras.backend.backend() != backend:
            sys.exit(f"{name} needs KERAS_BACKEND={backend}, have {keras.backend.backend()}")
        generate.fresh()
        model = build()
        if generate.check_runs(model):
            sys.exit(f"{name}: real output shapes differ from the symbolic ones")
        files = [f"{name}.h5", f"{name}.keras", f"{name}.json"]
        model.save(f"{name}.h5")
        model.save(f"{name}.keras")
        with open(f"{name}.json", "w") as fh:
            fh.write(model.to_json())
        doc = generate.expected(name, model, files)
        doc["generator"] = "generate_opaque.py"
        doc["stored_params"] = generate.stored_params(f"{name}.h5")
        doc["stored_params_by_file"] = {f"{name}.h5": doc["stored_params"],
                                        f"{name}.keras": generate.stored_params_keras(f"{name}.keras"),
                                        f"{name}.json": None}
        for f in files:
            if not f.endswith(".h5"):
                check_reload_unsafe(f, model)
            else:
                generate.check_reload(f, model)
        with open(f"{name}.expected.json", "w") as fh:
            fh.write(generate.render(doc))
        print(f"{name}: params={doc['totals']['params']} files={files}")


# ---------------------------------------------------------------------------
# KERAS_BACKEND=torch python3 generate_opaque.py torch_buffers: a wrapped module with buffers
# (BatchNorm1d's running statistics). Keras' count_params counts the module's parameters only;
# a .keras archive stores its whole state_dict, buffers too; a .h5 Keras' variables. Kept out of the
# fixture table: torch_buffers/torch_buffers.counts.json pins Keras' numbers and h5py's per file.
# ---------------------------------------------------------------------------

def torch_buffers():
    import torch
    torch.manual_seed(1234)
    inp = keras.Input((4,), name="features")
    x = layers.Dense(5, name="encoder")(inp)
    module = torch.nn.Sequential(torch.nn.Linear(5, 3), torch.nn.BatchNorm1d(3))
    out = layers.TorchModuleWrapper(module, output_shape=(None, 3), name="torch_norm")(x)
    return keras.Model(inp, out, name="torch_buffers")


def write_torch_buffers():
    import json
    import os
    import sys
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    import generate
    if keras.__version__ != generate.EXPECTED_KERAS or keras.backend.backend() != "torch":
        sys.exit(f"need keras=={generate.EXPECTED_KERAS} and KERAS_BACKEND=torch")
    out = os.path.join(here, "torch_buffers")
    os.makedirs(out, exist_ok=True)
    generate.fresh()
    model = torch_buffers()
    files = ["torch_buffers.h5", "torch_buffers.keras"]
    for f in files:
        model.save(os.path.join(out, f))
    check_reload_unsafe(os.path.join(out, "torch_buffers.keras"), model)
    wrapper = model.get_layer("torch_norm")
    counts = {
        "generator": "generate_opaque.py", "keras_version": keras.__version__, "backend": "torch",
        "files": files,
        "params": int(model.count_params()),
        "layers": {layer.name: int(layer.count_params()) for layer in model.layers},
        "state_dict": {k: list(v.shape) for k, v in wrapper.module.state_dict().items()},
        "stored_params_by_file": {
            "torch_buffers.h5": generate.stored_params(os.path.join(out, "torch_buffers.h5")),
            "torch_buffers.keras": generate.stored_params_keras(os.path.join(out, "torch_buffers.keras")),
        },
    }
    with open(os.path.join(out, "torch_buffers.counts.json"), "w") as fh:
        fh.write(json.dumps(counts, indent=1) + "\n")
    print(counts)


if __name__ == "__main__":
    import sys
    if sys.argv[1:] == ["torch_buffers"]:
        write_torch_buffers()
    elif sys.argv[1:]:
        write_other_backend(sys.argv[1:])
    else:
        write_counts()
