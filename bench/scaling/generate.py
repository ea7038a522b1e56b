#!/usr/bin/env python3
"""Writes models whose size grows along one axis, to show that auditing them takes linear time.

    python3 generate.py OUT_DIR N...

For each N it writes:
  keras_layers_N.json   a Keras functional model: a chain of N Dense layers
  keras_calls_N.json    a Keras functional model: one Dense layer called N times in a chain
  dl4j_layers_N.json    a Deeplearning4j MultiLayerNetwork configuration of N dense layers
  dl4j_graph_N.json     a Deeplearning4j ComputationGraph configuration of N dense vertices
  h5_names_N.h5         a Keras HDF5 file with N weight groups that lists N other, long layer
                        names (needs h5py)

Standard library only, but for the HDF5 file.
"""
import json
import os
import sys


def keras_dense(name, inbound):
    return {"class_name": "Dense", "name": name,
            "config": {"name": name, "units": 8, "use_bias": True, "activation": "linear"},
            "inbound_nodes": [[[inbound, 0, 0, {}]]] if isinstance(inbound, str) else inbound}


def keras_layers(n):
    layers = [{"class_name": "InputLayer", "name": "in",
               "config": {"batch_input_shape": [None, 8], "name": "in"}, "inbound_nodes": []}]
    prev = "in"
    for i in range(n):
        layers.append(keras_dense(f"d{i}", prev))
        prev = f"d{i}"
    return {"class_name": "Model", "config": {"name": "chain", "layers": layers,
            "input_layers": [["in", 0, 0]], "output_layers": [[prev, 0, 0]]}}


def keras_calls(n):
    nodes = [[["in", 0, 0, {}]]] + [[["shared", i, 0, {}]] for i in range(n - 1)]
    layers = [{"class_name": "InputLayer", "name": "in",
               "config": {"batch_input_shape": [None, 8], "name": "in"}, "inbound_nodes": []},
              keras_dense("shared", nodes)]
    return {"class_name": "Model", "config": {"name": "calls", "layers": layers,
            "input_layers": [["in", 0, 0]], "output_layers": [["shared", n - 1, 0]]}}


def dl4j_dense(name, n_in):
    return {"@class": "org.deeplearning4j.nn.conf.layers.DenseLayer",
            "activationFn": {"@class": "org.nd4j.linalg.activations.impl.ActivationReLU"},
            "hasBias": True, "layerName": name, "nin": n_in, "nout": 8}


def dl4j_layers(n):
    confs = [{"layer": dl4j_dense(f"d{i}", 8), "variables": ["W", "b"]} for i in range(n)]
    return {"backpropType": "Standard", "confs": confs, "inputPreProcessors": {}}


def dl4j_graph(n):
    vertices = {}
    inputs = {}
    prev = "in"
    for i in range(n):
        name = f"d{i}"
        vertices[name] = {"@class": "org.deeplearning4j.nn.conf.graph.LayerVertex",
                          "layerConf": {"layer": dl4j_dense(name, 8), "variables": ["W", "b"]}}
        inputs[name] = [prev]
        prev = name
    return {"backpropType": "Standard", "networkInputs": ["in"], "networkOutputs": [prev],
            "vertices": vertices, "vertexInputs": inputs,
            "topologicalOrderStr": ["in"] + [f"d{i}" for i in range(n)]}


def h5_names(path, n):
    """A full-model file whose model_weights group has N groups and lists N other, long names:
    every listed name is missing, and a missing name must not cost a scan of every group."""
    import h5py
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = "2.2.4"
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(keras_layers(1))
        weights = f.create_group("model_weights")
        for i in range(n):
            weights.create_group("group_" + "y" * 200 + str(i))
        names = [("layer_" + "x" * 200 + str(i)).encode() for i in range(n)]
        # Keras splits an attribute larger than an HDF5 object header into layer_names0, 1, ...
        per_chunk = 256
        for c in range(0, n, per_chunk):
            weights.attrs[f"layer_names{c // per_chunk}"] = names[c:c + per_chunk]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for n in map(int, sys.argv[2:]):
        for name, build in [("keras_layers", keras_layers), ("keras_calls", keras_calls),
                            ("dl4j_layers", dl4j_layers), ("dl4j_graph", dl4j_graph)]:
            with open(os.path.join(out, f"{name}_{n}.json"), "w") as fh:
                json.dump(build(n), fh)
        try:
            h5_names(os.path.join(out, f"h5_names_{n}.h5"), n)
        except ImportError:
            print("h5py missing: no HDF5 files", file=sys.stderr)


if __name__ == "__main__":
    main()
