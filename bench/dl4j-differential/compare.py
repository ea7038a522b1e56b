#!/usr/bin/env python3
"""Audits OUT/models with the jar, one file at a time (each with the --input-shape a user would give:
DL4J's configuration does not keep the input types), and compares with DL4J's numbers in OUT/dl4j.
Usage: compare.py OUT JAR. Writes OUT/reports/NAME.json and OUT/disagreements.json."""
import json
import math
import subprocess
import zipfile
import sys
from collections import Counter, defaultdict
from pathlib import Path


def unwrap(layer):
    while isinstance(layer, dict) and ("underlying" in layer or "layer" in layer):
        layer = layer.get("underlying", layer.get("layer"))
    return layer


def consumers(config, name):
    """The layer configurations (None for a vertex without a layer) that read network input `name`."""
    if "confs" in config:
        return [unwrap(config["confs"][0]["layer"])]
    out = []
    for vertex, ins in config.get("vertexInputs", {}).items():
        if name in ins:
            out.append(unwrap(config["vertices"][vertex].get("layerConf", {}).get("layer")))
    return out


def user_input_shapes(zip_path, expected):
    """What a user passes for each input: the array DL4J was run on (the generator feeds a flat image
    as its rows), except an index sequence read only by EmbeddingSequenceLayers, given as the
    [mb, T] index matrix a user holds rather than DL4J's recurrent(1, T) form."""
    with zipfile.ZipFile(zip_path) as z:
        config = json.loads(z.read("configuration.json"))
    shapes = {}
    for name, t in expected["input_types"].items():
        shape = t["shape"]
        readers = consumers(config, name)
        if (len(shape) == 2 and shape[0] == 1 and readers
                and all(r is not None and r["@class"].endswith(".EmbeddingSequenceLayer") for r in readers)):
            shape = shape[1:]
        shapes[name] = shape
    return shapes


def audit(jar, zip_path, expected, report_path, shapes_from=None):
    if not report_path.exists():
        # One JVM per file: start-up dominates, so C1 only, and the classes from a shared archive
        # written by the first audit (it belongs to this jar; OUT/reports goes with the jar).
        jsa = report_path.parent / "audit.jsa"
        share = f"-XX:SharedArchiveFile={jsa}" if jsa.exists() else f"-XX:ArchiveClassesAtExit={jsa}"
        args = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", share, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", str(jar), "--format", "json", "--fail-on", "never"]
        for name, shape in user_input_shapes(shapes_from or zip_path, expected).items():
            args.append("--input-shape=" + name + "=" + ",".join(["?"] + [str(d) for d in shape]))
        res = subprocess.run(args + [str(zip_path)], capture_output=True, text=True)
        report_path.write_text(res.stdout if res.stdout.strip() else json.dumps({"models": [], "stderr": res.stderr}))
    models = json.loads(report_path.read_text()).get("models", [])
    return models[0] if models else None


def dl4j_shape(layer):
    if "runtime_shape" in layer:
        return layer["runtime_shape"]
    return [None] + layer["output_shape"] if layer.get("output_shape") is not None else None


def num_params_gap(exp):
    """Why ComputationGraph.numParams() is below the stored vector: it sums its layers' numParams(true),
    which leaves out a VariationalAutoencoder's pretraining-only parameters (decoder and
    reconstruction distribution: everything but e* and pZXMean*) and the parameters of a SameDiff
    vertex (AttentionVertex), which is no layer. Returns ({class: params left out}, the rest)."""
    gap = Counter()
    for layer in exp["layers"]:
        if layer["class"] == "AttentionVertex":
            gap["AttentionVertex"] += layer["params"]
        elif layer["class"] == "VariationalAutoencoder" and exp["model_class"] == "ComputationGraph":
            gap["VariationalAutoencoder"] += sum(math.prod(v) for k, v in layer["param_table"].items()
                                                 if not (k.startswith("e") or k.startswith("pZXMean")))
    rest = exp["params_vector_length"] - exp["total_params"] - sum(gap.values())
    return {k: v for k, v in gap.items() if v}, rest


def main():
    out, jar = Path(sys.argv[1]), Path(sys.argv[2])
    (out / "reports").mkdir(exist_ok=True)
    mutants = json.loads((out / "mutants.json").read_text()) if (out / "mutants.json").exists() else {}
    layers = Counter()
    by_class = defaultdict(Counter)
    wrong, unknown, totals_bad, flagged_clean, missed = [], [], [], [], []
    totals_ok = vector_ok = files = mutants_ok = 0
    gap_classes, gap_unexplained, gap_files = Counter(), [], 0
    for exp_path in sorted((out / "dl4j").glob("*.expected.json")):
        name = exp_path.name.replace(".expected.json", "")
        exp = json.loads(exp_path.read_text())
        m = audit(jar, out / "models" / (name + ".zip"), exp, out / "reports" / (name + ".json"))
        files += 1
        if exp["total_params"] != exp["params_vector_length"]:
            gap_files += 1
            gap, rest = num_params_gap(exp)
            for cls in gap:
                gap_classes[cls] += 1
            if rest:
                gap_unexplained.append(name)
        if m is None or m.get("error"):
            flagged_clean.append({"file": name, "status": "unreadable", "error": m and m.get("error")})
            continue
        rows = {r["name"]: r for r in m["layers"]}
        for layer in exp["layers"]:
            cls, row = layer["class"], rows.get(layer["name"])
            theirs = dl4j_shape(layer)
            ours = row["output_shapes"][0] if row and row.get("output_shapes") else None
            ours_params = row.get("params") if row else None
            entry = {"file": name, "layer": layer["name"], "class": cls, "ours": [ours, ours_params],
                     "dl4j": [theirs, layer["params"]]}
            degenerate = any(f["rule"] == "DEGENERATE_SHAPE" for f in m.get("findings", []))
            if ours == theirs and ours_params == layer["params"]:
                verdict = "equal"
            elif theirs is not None and 0 in theirs[1:] and degenerate and ours_params == layer["params"]:
                # DL4J runs on and writes an empty activation; the audit warns DEGENERATE_SHAPE there
                # and leaves what follows unverified.
                verdict = "empty"
            elif (ours is None or None in ours[1:]) and ours_params in (None, layer["params"]):
                verdict = "unknown"
                unknown.append(entry)
            else:
                verdict = "wrong"
                wrong.append(entry)
            layers[verdict] += 1
            by_class[cls][verdict] += 1
        if m["totals"]["params"] == exp["params_vector_length"]:
            vector_ok += 1
        else:
            totals_bad.append({"file": name, "ours": m["totals"]["params"], "numParams": exp["total_params"],
                               "vector": exp["params_vector_length"]})
        if m["totals"]["params"] == exp["total_params"]:
            totals_ok += 1

        errors = [f for f in m.get("findings", []) if f["severity"] == "error"]
        if m["status"] != "ok" or errors:
            flagged_clean.append({"file": name, "status": m["status"],
                                  "findings": [(f["rule"], f.get("layer"), f["message"]) for f in m.get("findings", [])][:5]})
    for mut, info in sorted(mutants.items()):
        exp = json.loads((out / "dl4j" / (mut.replace("_mut", "") + ".expected.json")).read_text())
        m = audit(jar, out / "models" / (mut + ".zip"), exp, out / "reports" / (mut + ".json"),
                  out / "models" / (mut.replace("_mut", "") + ".zip"))
        errors = [f for f in (m or {}).get("findings", []) if f["severity"] == "error"]
        # A file-level error (no layer: the parameter total) follows from any mutant; the layer
        # errors must name the mutated layer and no other.
        at = {f.get("layer") for f in errors if f.get("layer") is not None}
        if at == {info["layer"]}:
            mutants_ok += 1
        else:
            missed.append({"file": mut, **info, "error_layers": sorted(map(str, at)),
                           "status": m and m["status"], "error": m and m.get("error")})
    total_layers = sum(layers.values()) - layers["empty"]
    pct = lambda a, b: f"{100.0 * a / b:.2f} %" if b else "n/a"
    print(f"(a) layers whose output shape and param count equal DL4J's: {layers['equal']}/{total_layers} = {pct(layers['equal'], total_layers)}"
          f" (unknown {layers['unknown']}, wrong {layers['wrong']}); left out: {layers['empty']} layers whose DL4J activation is"
          f" empty (a zero-size axis), where the audit warns DEGENERATE_SHAPE")
    print(f"(b) totals equal to the parameters the file stores (DL4J's params() vector): {vector_ok}/{files} = {pct(vector_ok, files)}")
    print(f"    totals equal to numParams(): {totals_ok}/{files} = {pct(totals_ok, files)}; numParams() is below the"
          f" stored vector in {gap_files} files, because of (files per class) {dict(gap_classes)}; unexplained: {gap_unexplained}")
    print(f"(c) mutants flagged exactly at the mutated layer: {mutants_ok}/{len(mutants)} = {pct(mutants_ok, len(mutants))}")
    skipped_path = out / "mutants_skipped.json"
    if skipped_path.exists():
        sk = json.loads(skipped_path.read_text())
        print(f"    not drawn (mutate.py): {sk['networks_without_candidate']} networks without a candidate layer; layers passed over: "
              + "; ".join(f"{r}: {sum(c.values())} {dict(c)}" for r, c in sk["layers_passed_over"].items()))
    print(f"(d) clean models flagged: {len(flagged_clean)}")
    print("disagreements by class (wrong / unknown / equal):")
    for cls, c in sorted(by_class.items(), key=lambda kv: (-kv[1]["wrong"], -kv[1]["unknown"], kv[0])):
        if c["wrong"] or c["unknown"]:
            print(f"  {cls}: {c['wrong']} / {c['unknown']} / {c['equal']}" + (f" (empty {c['empty']})" if c["empty"] else ""))
    for title, items in (("wrong", wrong), ("totals", totals_bad), ("flagged clean", flagged_clean), ("missed mutants", missed)):
        for e in items[:8]:
            print(f"  {title}: {json.dumps(e)}")
    (out / "disagreements.json").write_text(json.dumps(
        {"wrong": wrong, "unknown": unknown, "totals": totals_bad, "flagged_clean": flagged_clean, "missed_mutants": missed,
         "by_class": by_class}, indent=1) + "\n")


if __name__ == "__main__":
    main()
