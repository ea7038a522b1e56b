#!/usr/bin/env python3
"""Compares the audit's JSON report over OUT/models with Keras' own numbers in OUT/keras.

    python3 bench/differential/compare.py OUT [REPORT_JSON]

Prints the four figures of issue 9 point 5 and the classes that disagree most; writes every
disagreement to OUT/disagreements.json. A layer agrees when our output shapes, parameter count
and trainable/non-trainable split equal Keras' and our rule computed them (a count only read
from the file, or an unknown shape, is "unknown", not agreement). A layer whose code the audit
does not run (a Lambda) but whose numbers equal Keras' because the file records its output shape
is "recorded": it counts in (a) as equal, and is shown apart. Exit code 0 always.
"""

import json
import os
import sys
from collections import Counter, defaultdict

from file_records import model_config, recorded_outputs


def load_report(path):
    with open(path) as fh:
        doc = json.load(fh)
    return {os.path.basename(m["path"]): m for m in doc["models"]}


def compact(options):
    text = json.dumps(options, separators=(",", ":"), default=str)
    return text if len(text) <= 300 else text[:297] + "..."


def shapes_verdict(ours, want):
    """"equal", "unknown" (ours lacks a rank or a dim Keras knows, and no known dim differs) or
    "differs"."""
    if ours is None:
        return "unknown"
    if len(ours) != len(want):
        return "differs"
    unknown = False
    for a, b in zip(ours, want):
        if a is None:
            unknown = True
            continue
        if len(a) != len(b):
            return "differs"
        for x, y in zip(a, b):
            if x is None and y is not None:
                unknown = True
            elif x != y:
                return "differs"
    return "unknown" if unknown else "equal"


def judge_layer(keras_row, ours):
    """("agree" | "recorded" | "unknown" | "wrong" | "missing", why)."""
    if ours is None:
        return "missing", "no row in the report"
    shapes = shapes_verdict(ours["output_shapes"], keras_row["output_shapes"])
    if shapes == "differs":
        return "wrong", "shape"
    if ours["params"] is None or ours.get("params_source") != "inferred" \
            or ours["status"] in ("unsupported", "unverified"):
        if shapes == "equal" and ours["params"] == keras_row["params"] \
                and "the output shape shown is the one the file" in (ours.get("note") or ""):
            # A layer whose code we do not run (a Lambda, a nested model around one) shown with the
            # shape Keras recorded in the file: its numbers equal Keras', but not by our rule.
            return "recorded", ours["note"]
        return "unknown", ours.get("note") or ours["status"]
    why = []
    if shapes == "unknown":
        return "unknown", "shape unknown"
    if ours["params"] != keras_row["params"]:
        why.append("params")
    elif (ours["trainable"], ours["non_trainable"]) != (keras_row["trainable"], keras_row["non_trainable"]):
        why.append("trainable split")
    return ("wrong", "+".join(why)) if why else ("agree", "")


def not_in_file(rows, recorded):
    """The paths of the layers whose output shape nothing in the file holds: a Lambda (code the
    audit does not run) whose output no one records, and the layers fed only by such layers that
    record nothing either. A layer inside a nested model whose shape is recorded is never among
    them (it may be that model's output)."""
    def scope(path):
        return path.rsplit("/", 1)[0] + "/" if "/" in path else ""

    def ancestor_recorded(path):
        parts = path.split("/")
        return any("/".join(parts[:i]) in recorded for i in range(1, len(parts)))

    found = set()
    for path, row in rows.items():  # report rows are in data-flow order within each scope
        if path in recorded or ancestor_recorded(path) or row.get("output_shapes") not in (None, [None]):
            continue
        inbound = [scope(path) + name for name in row.get("inbound") or []]
        if row["class"] == "Lambda" or (inbound and all(i in found for i in inbound)):
            found.add(path)
    return found


def errors_of(model):
    return [f for f in model.get("findings", []) if f["severity"] == "error"]


def main():
    out = sys.argv[1]
    report = load_report(sys.argv[2] if len(sys.argv) > 2 else os.path.join(out, "report.json"))
    layer_counts = Counter()
    totals_ok = totals_n = 0
    split_ok = 0
    clean_n = 0
    clean_flagged = []
    mutants_n = 0
    mutants_exact = 0
    mutant_misses = []
    disagreements = []
    by_class = defaultdict(Counter)
    numbers_dir = os.path.join(out, "keras")
    for name in sorted(os.listdir(numbers_dir)):
        with open(os.path.join(numbers_dir, name)) as fh:
            doc = json.load(fh)
        for f in doc["files"]:
            model = report.get(f)
            if model is None:
                continue
            clean_n += 1
            if model["status"] != "ok":
                clean_flagged.append({"file": f, "status": model["status"],
                                      "error": model.get("error"),
                                      "findings": [(e["rule"], e["layer"], e["message"]) for e in errors_of(model)]})
            if model["status"] == "error":
                layer_counts["file not audited"] += len(doc["layers"])
                continue
            rows = {r["path"]: r for r in model["layers"]}
            unrecorded = not_in_file(rows, recorded_outputs(model_config(os.path.join(out, "models", f))))
            for k in doc["layers"]:
                verdict, why = judge_layer(k, rows.get(k["path"]))
                if verdict == "unknown" and k["path"] in unrecorded:
                    verdict = "not in the file"
                layer_counts[verdict] += 1
                by_class[k["class"]][verdict] += 1
                if verdict != "agree":
                    ours = rows.get(k["path"]) or {}
                    disagreements.append({
                        "file": f, "layer": k["path"], "class": k["class"], "verdict": verdict,
                        "why": why, "options": compact(k.get("options", {})),
                        "keras": {"output_shapes": k["output_shapes"], "params": k["params"],
                                  "trainable": k["trainable"], "non_trainable": k["non_trainable"]},
                        "ours": {key: ours.get(key) for key in
                                 ("output_shapes", "params", "trainable", "non_trainable",
                                  "params_source", "status", "note")}})
            totals_n += 1
            t = model["totals"]
            if t["params"] == doc["totals"]["params"]:
                totals_ok += 1
            else:
                disagreements.append({"file": f, "layer": None, "class": "(totals)", "verdict": "wrong",
                                      "why": "totals", "ours": t, "keras": doc["totals"]})
            if (t["trainable"], t["non_trainable"]) == (doc["totals"]["trainable"], doc["totals"]["non_trainable"]):
                split_ok += 1
        for m in doc.get("mutants", []):
            model = report.get(m["file"])
            if model is None:
                continue
            mutants_n += 1
            flagged = {e["layer"] for e in errors_of(model) if e["layer"] is not None}
            at = m["layer"]
            exact = flagged and all(l == at or l.startswith(at + "/") for l in flagged)
            if exact:
                mutants_exact += 1
            else:
                mutant_misses.append(dict(m, flagged=sorted(flagged), status=model["status"],
                                          findings=[(e["rule"], e["layer"], e["message"])
                                                    for e in errors_of(model)][:4]))
    with open(os.path.join(out, "summary.json")) as fh:
        summary = json.load(fh)
    catalogue = summary["catalogue"]
    placed = [c for c, v in catalogue.items() if v["placed"]]
    print(f"{summary['models']} models ({summary['attempts']} tried), {summary['mutants']} mutants, "
          f"Keras {summary['keras_version']} ({summary['backend']}); catalogue: {len(catalogue)} classes, "
          f"{len(placed)} placed in models")
    for cls, v in catalogue.items():
        if not v["usable"]:
            why = next(iter(summary["failures"].get(cls, {}).get("messages", {"?": 0})))
            print(f"  not usable under jax: {cls}: {why}")
    layers_n = sum(layer_counts.values())
    pct = lambda a, b: f"{100.0 * a / b:.2f} %" if b else "n/a"  # noqa: E731
    shown_equal = layer_counts['agree'] + layer_counts['recorded']
    knowable = layers_n - layer_counts['not in the file']
    print(f"(a) layers equal to Keras (shapes and counts): {shown_equal}/{layers_n} = "
          f"{pct(shown_equal, layers_n)}  (unknown {layer_counts['unknown']}, "
          f"wrong {layer_counts['wrong']}, missing rows {layer_counts['missing']}, "
          f"in files not audited {layer_counts['file not audited']})")
    print(f"    computed by our rules: {layer_counts['agree']}/{layers_n} = "
          f"{pct(layer_counts['agree'], layers_n)}; shown with the shape the file records, "
          f"status unverified: {layer_counts['recorded']}")
    print(f"    of the layers whose output shape the file holds (leaving out "
          f"{layer_counts['not in the file']} after a Lambda whose output nothing records): "
          f"{shown_equal}/{knowable} = {pct(shown_equal, knowable)}")
    print(f"(b) totals equal to count_params(): {totals_ok}/{totals_n} = {pct(totals_ok, totals_n)}"
          f"  (trainable/non-trainable split equal: {split_ok}/{totals_n})")
    print(f"(c) mutants flagged exactly at the mutated layer: {mutants_exact}/{mutants_n} = "
          f"{pct(mutants_exact, mutants_n)}")
    print(f"(d) clean models flagged: {len(clean_flagged)} of {clean_n} files")
    print("\nclasses with disagreements (wrong = a number of ours differs; unknown = not computed):")
    ranked = sorted(by_class.items(), key=lambda kv: -(kv[1]["wrong"] * 1000 + kv[1]["unknown"] + kv[1]["missing"]))
    for cls, c in ranked:
        bad = c["wrong"] + c["unknown"] + c["missing"] + c["recorded"] + c["not in the file"]
        if bad:
            print(f"  {cls:45s} wrong {c['wrong']:4d}  unknown {c['unknown']:4d}  missing {c['missing']:3d}"
                  f"  recorded {c['recorded']:4d}  not in file {c['not in the file']:4d}  agree {c['agree']:4d}")
    notes = Counter((d["class"], d["why"]) for d in disagreements if d["verdict"] == "unknown")
    print("\nwhy numbers are unknown (class, our note), top 30:")
    for (cls, why), n in notes.most_common(30):
        print(f"  {n:5d}  {cls}: {why}")
    wrong = [d for d in disagreements if d["verdict"] == "wrong"]
    if wrong:
        print(f"\nwrong numbers ({len(wrong)}; first 25):")
        for d in wrong[:25]:
            print(f"  {d['file']} {d['layer']} {d['class']} [{d['why']}] ours {d['ours']} keras {d['keras']}"
                  f" options {d.get('options', '')}")
    if clean_flagged:
        print(f"\nclean files flagged ({len(clean_flagged)}; first 15):")
        for c in clean_flagged[:15]:
            print(f"  {c['file']} {c['status']} {c['error'] or ''} {c['findings'][:3]}")
    if mutant_misses:
        print(f"\nmutants not flagged exactly ({len(mutant_misses)}; first 15):")
        for m in mutant_misses[:15]:
            print(f"  {m['file']} {m['layer']} ({m['class']}, {m['kind']}: {m['detail']}) flagged "
                  f"{m['flagged']} {m['findings'][:2]}")
    with open(os.path.join(out, "disagreements.json"), "w") as fh:
        json.dump({"layers": dict(layer_counts), "totals": [totals_ok, totals_n],
                   "mutants": [mutants_exact, mutants_n], "clean_flagged": clean_flagged,
                   "mutant_misses": mutant_misses, "by_class": {k: dict(v) for k, v in by_class.items()},
                   "disagreements": disagreements}, fh, indent=1, default=str)
    print(f"\nevery disagreement: {os.path.join(out, 'disagreements.json')}")


if __name__ == "__main__":
    main()
