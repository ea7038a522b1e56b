"""Which layers' output shapes a Keras file records, read from the file itself (not from our report).

Keras writes shapes it computed into the model configuration: each layer's build_config input
shape (Keras 3 `.keras`; the legacy `.h5` of Keras 3 writes none), the `__keras_tensor__` shapes
among a functional node's arguments, an input layer's batch shape, and a Lambda's declared
`output_shape`. A layer's output shape is recorded when it declares it, or when a layer that
consumes it records its input. After a Lambda with no `output_shape` whose consumers record
nothing (a Lambda at a model's output, or followed by weightless layers in a Sequential `.h5`),
nothing in the file holds the shape, and no audit that does not run the Lambda's code can know it.
"""

import json
import zipfile

import h5py

NESTED = {"Functional", "Sequential", "Model"}


def model_config(path):
    if path.endswith(".keras"):
        with zipfile.ZipFile(path) as z:
            return json.loads(z.read("config.json"))
    with h5py.File(path, "r") as f:
        raw = f.attrs["model_config"]
        return json.loads(raw if isinstance(raw, str) else raw.decode())


def _tensor_shapes(node):
    """The (layer name, shape) of every __keras_tensor__ argument in a node."""
    found = []
    if isinstance(node, dict):
        if node.get("class_name") == "__keras_tensor__":
            cfg = node.get("config", {})
            history = cfg.get("keras_history") or [None]
            if cfg.get("shape") is not None:
                found.append((history[0], cfg["shape"]))
        for v in node.values():
            found.extend(_tensor_shapes(v))
    elif isinstance(node, list):
        for v in node:
            found.extend(_tensor_shapes(v))
    return found


def _has_own_input_record(spec):
    build = spec.get("build_config") or {}
    return bool(build.get("input_shape") or build.get("shapes_dict"))


def recorded_outputs(config, prefix=""):
    """The paths (`outer/inner` for nested models) of the layers whose output shape the file
    records, as defined in the module docstring."""
    recorded = set()
    layers = config.get("config", {}).get("layers", [])
    sequential = config.get("class_name") == "Sequential"
    previous = None
    for spec in layers:
        cfg = spec.get("config", {})
        name = cfg.get("name")
        path = prefix + name
        cls = spec.get("class_name")
        if cls == "InputLayer" or (cls == "Lambda" and cfg.get("output_shape") is not None):
            recorded.add(path)
        if sequential and previous is not None and _has_own_input_record(spec):
            recorded.add(prefix + previous)
        for producer, _shape in _tensor_shapes(spec.get("inbound_nodes")):
            if producer is not None:
                recorded.add(prefix + producer)
        if cls in NESTED:
            recorded |= recorded_outputs(spec, path + "/")
        previous = name
    return recorded
