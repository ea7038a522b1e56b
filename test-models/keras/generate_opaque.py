"""Fixtures for layers the audit cannot infer, whose stored variables it must still count
(issue 9, points 1 and 3): a user's own layer class and JaxLayer. Imported by generate.py, which
writes and checks them like every other fixture:

    KERAS_BACKEND=jax python3 generate.py custom_layer jax_layer

Both sit at the models' outputs, so no other layer depends on a shape the audit cannot know.
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


MODELS = [
    ("custom_layer", custom_layer, False),
    ("jax_layer", jax_layer, False),
]

# Keras 3.15.1 cannot load a JaxLayer back: its configuration has the function but not the
# parameters, and without an init_fn it has nothing to build them from (the legacy .h5 loader
# does not know the class at all).
KNOWN_UNLOADABLE = {"jax_layer.h5", "jax_layer.keras", "jax_layer.json"}


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


if __name__ == "__main__":
    write_counts()
