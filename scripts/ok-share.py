#!/usr/bin/env python3
"""Share of stored parameters in layers whose status is `ok`, per file format.

Usage: scripts/ok-share.py REPORT.json [...]   (reports written with --format json)

A layer's parameters are the ones the file stores for it (references.stored.params),
falling back to our own count where the file stores none. Nested layers are counted
through their own rows, never twice.
"""
import collections
import json
import sys


def rows(layers):
    for layer in layers or []:
        yield layer
        yield from rows(layer.get("layers"))


def main():
    params = collections.Counter()
    ok = collections.Counter()
    statuses = collections.Counter()
    shapes = collections.Counter()
    for path in sys.argv[1:]:
        with open(path) as fh:
            doc = json.load(fh)
        for model in doc["models"]:
            fmt = model.get("format") or "error"
            layers = list(rows(model.get("layers")))
            paths = [l["path"] for l in layers]
            for layer in layers:
                if any(p.startswith(layer["path"] + "/") for p in paths):
                    continue  # a nested model: its layers' own rows count
                stored = (layer.get("references") or {}).get("stored") or {}
                n = stored.get("params")
                if n is None:
                    n = layer.get("params") or 0
                params[fmt] += n
                statuses[(fmt, layer.get("status"))] += 1
                known = bool(layer.get("output_shapes")) and all(
                    s is not None for s in layer.get("output_shapes"))
                shapes[(fmt, known)] += 1
                if layer.get("status") == "ok":
                    ok[fmt] += n
    total_p = sum(params.values())
    for fmt in sorted(params):
        share = 100.0 * ok[fmt] / params[fmt] if params[fmt] else 100.0
        st = {s: c for (f, s), c in statuses.items() if f == fmt}
        print(f"{fmt:14} params {params[fmt]:>13,}  in ok layers {share:6.2f} %  layers {st}")
    if total_p:
        print(f"{'all':14} params {total_p:>13,}  in ok layers "
              f"{100.0 * sum(ok.values()) / total_p:6.2f} %")


if __name__ == "__main__":
    main()
