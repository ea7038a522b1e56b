"""Writes small Keras models as architecture JSON and TensorFlow's own profiler FLOPs for them.

For every model here, and for the Keras Applications architectures in ../applications, the model is
traced for one example (batch 1) into a TensorFlow graph, its variables frozen to constants, and
TensorFlow's profiler (tf.compat.v1.profiler, float_operation) counts the floating-point operations
of every op type. NAME.tf_flops.json keeps those counts by op type. Java tests compare our MACs with
the op types TensorFlow counts as 2 FLOPs per multiply-accumulate (Conv2D, MatMul, ...), so no
Python runs at test time.

    KERAS_BACKEND=tensorflow python3 generate_tf_flops.py            # everything
    KERAS_BACKEND=tensorflow python3 generate_tf_flops.py convolutions  # only some

Needs tensorflow-cpu 2.21.0 and keras 3.15.1.
"""

import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import tensorflow as tf  # noqa: E402
from keras import layers  # noqa: E402
from tensorflow.python.framework.convert_to_constants import (  # noqa: E402
    convert_variables_to_constants_v2_as_graph,
)

HERE = os.path.dirname(os.path.abspath(__file__))
APPLICATIONS = os.path.join(HERE, "..", "applications")

if keras.__version__ != "3.15.1" or keras.backend.backend() != "tensorflow":
    sys.exit("needs keras 3.15.1 on the tensorflow backend, got %s on %s"
             % (keras.__version__, keras.backend.backend()))


def convolutions():
    x = keras.Input((32, 32, 8))
    # groups=4 is left out: Keras runs a grouped convolution inside a nested TensorFlow function,
    # which the profiler does not count.
    y = layers.Conv2D(16, 3, dilation_rate=2, padding="same", name="dilated")(x)
    y = layers.DepthwiseConv2D(3, depth_multiplier=2, strides=2, name="depthwise")(y)
    y = layers.SeparableConv2D(12, 5, padding="same", depth_multiplier=3, name="separable")(y)
    y = layers.Conv2DTranspose(6, 3, strides=2, name="transposed")(y)
    y = layers.Conv1D(5, 3, name="conv1d")(layers.Reshape((-1, 6))(y))
    return keras.Model(x, y, name="convolutions")


def dense_sequence():
    x = keras.Input((7, 10))
    y = layers.Dense(12, activation="relu", name="dense3d")(x)
    y = layers.EinsumDense("abc,cd->abd", output_shape=(7, 9), bias_axes="d", name="einsum")(y)
    y = layers.Flatten()(y)
    y = layers.Dense(3, name="head")(y)
    return keras.Model(x, y, name="dense_sequence")


def recurrent():
    # unroll=True: TensorFlow's profiler counts a loop body once, an unrolled step every time.
    x = keras.Input((6, 5))
    y = layers.LSTM(8, return_sequences=True, unroll=True, name="lstm")(x)
    y = layers.GRU(4, return_sequences=True, unroll=True, name="gru")(y)
    y = layers.SimpleRNN(3, unroll=True, name="simple")(y)
    return keras.Model(x, y, name="recurrent")


def attention():
    q = keras.Input((5, 16))
    v = keras.Input((7, 12))
    y = layers.MultiHeadAttention(num_heads=2, key_dim=4, value_dim=3, name="mha")(q, v)
    z = layers.Attention(name="dot")([y, layers.Dense(16, name="proj")(v)])
    return keras.Model([q, v], z, name="attention")


def wrappers():
    x = keras.Input((6,))
    y = layers.Embedding(20, 8, name="embedding")(x)
    y = layers.Bidirectional(layers.LSTM(5, return_sequences=True, unroll=True), name="bi")(y)
    y = layers.TimeDistributed(layers.Dense(3), name="per_step")(y)
    y = layers.Conv1D(4, 3, groups=1, name="conv")(y)
    return keras.Model(x, y, name="wrappers")


MODELS = {f.__name__: f for f in (convolutions, dense_sequence, recurrent, attention, wrappers)}
APPLICATION_NAMES = ["vgg16", "resnet50", "mobilenet_v2", "efficientnet_b0",
                     "densenet121", "inception_v3", "xception"]


def profile(fn, specs):
    """TensorFlow's profiler FLOPs of fn traced on specs, by op type."""
    concrete = tf.function(fn).get_concrete_function(*specs)
    _, graph_def = convert_variables_to_constants_v2_as_graph(concrete)
    with tf.Graph().as_default() as graph:
        tf.graph_util.import_graph_def(graph_def, name="")
        types = {op.name: op.type for op in graph.get_operations()}
        options = tf.compat.v1.profiler.ProfileOptionBuilder.float_operation()
        options["output"] = "none"
        result = tf.compat.v1.profiler.profile(
            graph=graph, run_meta=tf.compat.v1.RunMetadata(), cmd="scope", options=options)
    by_op = {}

    def walk(node):
        if node.float_ops:
            by_op[types[node.name]] = by_op.get(types[node.name], 0) + node.float_ops
        for child in node.children:
            walk(child)

    walk(result)
    return result.total_float_ops, dict(sorted(by_op.items()))


def one(tensor_shape):
    return tf.TensorSpec([1] + list(tensor_shape[1:]), tf.float32)


def tf_flops(model):
    """TensorFlow's profiler FLOPs of one example: the whole model by op type, and each layer that
    owns weights or multiplies tensors, profiled on its own (op names cannot tell layers apart:
    TensorFlow renames scopes it sees twice)."""
    specs = [one(i.shape) for i in model.inputs]
    total, by_op = profile(
        lambda *args: model(list(args) if len(args) > 1 else args[0], training=False), specs)
    by_layer = {}
    for layer in model.layers:
        if not layer.weights and type(layer).__name__ not in ("Attention", "Dot"):
            continue
        inputs = layer.input if isinstance(layer.input, list) else [layer.input]
        layer_specs = [one(t.shape) for t in inputs]
        if type(layer).__name__ in ("MultiHeadAttention",):
            call = lambda *a, layer=layer: layer(*a, training=False)  # noqa: E731
        elif len(inputs) > 1:
            call = lambda *a, layer=layer: layer(list(a), training=False)  # noqa: E731
        else:
            call = lambda a, layer=layer: layer(a, training=False)  # noqa: E731
        by_layer[layer.name] = profile(call, layer_specs)[1]
    return {"total": total, "by_op": by_op, "by_layer": dict(sorted(by_layer.items()))}


def write(name, model, architecture_file):
    result = {
        "generator": "generate_tf_flops.py",
        "keras_version": keras.__version__,
        "tensorflow_version": tf.__version__,
        "model": name,
        "architecture": architecture_file,
        "batch": 1,
        "tf_flops": tf_flops(model),
    }
    with open(os.path.join(HERE, name + ".tf_flops.json"), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(name, result["tf_flops"]["total"])


def main(names):
    for name in names or list(MODELS) + APPLICATION_NAMES:
        keras.backend.clear_session()
        if name in MODELS:
            model = MODELS[name]()
            with open(os.path.join(HERE, name + ".json"), "w") as f:
                f.write(model.to_json(indent=1))
                f.write("\n")
            write(name, model, name + ".json")
        else:
            with open(os.path.join(APPLICATIONS, name + ".json")) as f:
                model = keras.models.model_from_json(f.read())
            write(name, model, "../applications/" + name + ".json")


if __name__ == "__main__":
    main(sys.argv[1:])
