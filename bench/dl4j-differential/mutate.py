#!/usr/bin/env python3
"""Mutants for the DL4J differential run: for a share of the networks, a copy rNNNN_mut.zip whose
configuration gives exactly one layer another nIn (its stored coefficients are unchanged, so that
layer's weights no longer fit). Usage: mutate.py OUT [SHARE=0.6] [SEED=1]; writes OUT/mutants.json
and OUT/mutants_skipped.json (the layers a draw passes over, by reason and class).

Only layers whose weights the file can show to be wrong are drawn:
- not BatchNormalization (DL4J sizes it by nOut and ignores nIn) nor the Bidirectional wrapper (its
  own nIn is unused: the wrapped layers carry theirs);
- not a layer that reads a network input (its nIn is the input's size, which --input-shape gives:
  the audit refuses the mismatch as bad_input_shape before any layer is checked);
- not EmbeddingLayer / EmbeddingSequenceLayer (nIn is the vocabulary size, which no activation
  carries: only the file's parameter total can show it)."""
import json
import random
import sys
import zipfile
from pathlib import Path


NIN_UNUSED = {"BatchNormalization", "Bidirectional"}
VOCABULARY = {"EmbeddingLayer", "EmbeddingSequenceLayer"}


def layer_confs(config):
    """(name, layer dict, reads a network input) for every layer of a MultiLayerNetwork or
    ComputationGraph configuration."""
    if "confs" in config:
        return [(c["layer"].get("layerName"), c["layer"], i == 0) for i, c in enumerate(config["confs"])]
    out = []
    inputs = set(config.get("networkInputs", []))
    for name, v in config.get("vertices", {}).items():
        layer = v.get("layerConf", {}).get("layer")
        if layer is not None:
            out.append((name, layer, bool(inputs & set(config.get("vertexInputs", {}).get(name, [])))))
    return out


def skip_reason(cls, reads_input):
    if cls in NIN_UNUSED:
        return "nIn unused"
    if cls in VOCABULARY:
        return "nIn is a vocabulary size"
    if reads_input:
        return "reads a network input"
    return None


def mutate(zip_path, out_path, rng, expected, skipped):
    with zipfile.ZipFile(zip_path) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    config = json.loads(entries["configuration.json"])
    params = {l["name"]: l["params"] for l in expected["layers"]}
    candidates = []
    for n, l, reads_input in layer_confs(config):
        if not (isinstance(l.get("nin"), int) and l["nin"] > 0 and params.get(n, 0) > 0):
            continue
        cls = l["@class"].rsplit(".", 1)[-1]
        reason = skip_reason(cls, reads_input)
        if reason:
            skipped.setdefault(reason, {}).setdefault(cls, 0)
            skipped[reason][cls] += 1
        else:
            candidates.append((n, l))
    if not candidates:
        return None
    name, layer = rng.choice(candidates)
    before = layer["nin"]
    layer["nin"] = before + 1
    entries["configuration.json"] = json.dumps(config, indent=2).encode()
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in entries.items():
            z.writestr(n, data)
    return {"layer": name, "class": layer["@class"].rsplit(".", 1)[-1], "change": f"nin {before} -> {before + 1}"}


def main():
    out = Path(sys.argv[1])
    share = float(sys.argv[2]) if len(sys.argv) > 2 else 0.6
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    mutants = {}
    skipped = {}
    without_candidate = 0
    for exp in sorted((out / "dl4j").glob("*.expected.json")):
        name = exp.name.replace(".expected.json", "")
        if rng.random() >= share:
            continue
        m = mutate(out / "models" / (name + ".zip"), out / "models" / (name + "_mut.zip"), rng, json.loads(exp.read_text()),
                   skipped)
        if m:
            mutants[name + "_mut"] = m
        else:
            without_candidate += 1
    (out / "mutants.json").write_text(json.dumps(mutants, indent=1) + "\n")
    (out / "mutants_skipped.json").write_text(json.dumps(
        {"networks_without_candidate": without_candidate, "layers_passed_over": skipped}, indent=1, sort_keys=True) + "\n")
    passed = {reason: sum(c.values()) for reason, c in skipped.items()}
    print(f"{len(mutants)} mutants; {without_candidate} drawn networks had no candidate layer;"
          f" layers passed over in the drawn networks: {passed}")


if __name__ == "__main__":
    main()
