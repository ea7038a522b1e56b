#!/usr/bin/env python3
"""Mutants for the DL4J differential run: for a share of the networks, a copy rNNNN_mut.zip whose
configuration gives exactly one layer another nIn (its stored coefficients are unchanged, so that
layer's weights no longer fit). Usage: mutate.py OUT [SHARE=0.3] [SEED=1]; writes OUT/mutants.json."""
import json
import random
import sys
import zipfile
from pathlib import Path


def layer_confs(config):
    """(name, layer dict) for every layer of a MultiLayerNetwork or ComputationGraph configuration."""
    if "confs" in config:
        return [(c["layer"].get("layerName"), c["layer"]) for c in config["confs"]]
    out = []
    for name, v in config.get("vertices", {}).items():
        layer = v.get("layerConf", {}).get("layer")
        if layer is not None:
            out.append((name, layer))
    return out


def mutate(zip_path, out_path, rng, expected):
    with zipfile.ZipFile(zip_path) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    config = json.loads(entries["configuration.json"])
    params = {l["name"]: l["params"] for l in expected["layers"]}
    candidates = [(n, l) for n, l in layer_confs(config)
                  if isinstance(l.get("nin"), int) and l["nin"] > 0 and params.get(n, 0) > 0]
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
    share = float(sys.argv[2]) if len(sys.argv) > 2 else 0.3
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    mutants = {}
    for exp in sorted((out / "dl4j").glob("*.expected.json")):
        name = exp.name.replace(".expected.json", "")
        if rng.random() >= share:
            continue
        m = mutate(out / "models" / (name + ".zip"), out / "models" / (name + "_mut.zip"), rng, json.loads(exp.read_text()))
        if m:
            mutants[name + "_mut"] = m
    (out / "mutants.json").write_text(json.dumps(mutants, indent=1) + "\n")
    print(f"{len(mutants)} mutants")


if __name__ == "__main__":
    main()
