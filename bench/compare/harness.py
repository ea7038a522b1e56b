#!/usr/bin/env python3
"""The side-by-side benchmark: times whole processes of model-audit and of the tools it is
compared with, on the same files, in one run, and writes the numbers into BENCHMARKS.md.

Run it through bench/compare/run (which builds what it needs first); see docs/benchmarks.md.

    harness.py --root CHECKOUT --cache DIR --out FILE [--reps N] [--smoke] [--only WORKLOAD,...]

Every command is run under /usr/bin/time -f '%e %M' (wall seconds, peak RSS in KB). Per
workload, one untimed warm-up round, then N timed rounds; within a round the tools run one after
the other, so that a change in the machine's load falls on all of them alike. Reported: the
median, the min and the max of the N rounds.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

BEGIN = "<!-- bench/compare/run writes below this line; text above it is kept -->"
SCALING_SIZES = (1000, 2000, 4000, 8000)
BATCH_FILES = 12000
SLOW_TOOLS_UP_TO = 2000
DL4J_CORPUS_BUDGET = 180


class Tool:
    """One way of reading a model: a command line per list of files, or None where it does not apply."""

    def __init__(self, key, label, command, applies=lambda files: True, env=None, note=None, resume=False):
        self.key, self.label, self.command, self.applies = key, label, command, applies
        self.env, self.note, self.resume = env, note, resume


class Result:
    def __init__(self):
        self.walls, self.rss_mb, self.exits, self.status = [], [], [], ""

    def add(self, wall, rss_mb, code, status):
        self.walls.append(wall)
        self.rss_mb.append(rss_mb)
        self.exits.append(code)
        self.status = status or self.status

    def median(self):
        return statistics.median(self.walls) if self.walls else None

    def as_json(self):
        return {"walls": self.walls, "rss_mb": self.rss_mb, "exits": self.exits, "status": self.status}


def run_timed(command, env=None, timeout=900, keep_stderr=False):
    """(wall seconds, peak RSS MB, exit code, last '# ' line of stderr) of one whole process."""
    timing = "/tmp/model-audit-bench-time.%d" % os.getpid()
    full_env = dict(os.environ)
    full_env.update(env or {})
    started = time.monotonic()
    # A session of its own, so that a timeout ends the timed command too, not only /usr/bin/time.
    proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", timing] + command,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=full_env,
                            start_new_session=True)
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, stderr = proc.communicate()
        result = (time.monotonic() - started, float("nan"), "timeout", f"stopped after {timeout:.0f} s")
        return result + (stderr.decode("utf-8", "replace"),) if keep_stderr else result
    # The wall time is taken here, to the microsecond (GNU time's %e has 10 ms steps, 4 % of the seed
    # model's time); it includes starting /usr/bin/time itself, about 1 ms.
    wall = time.monotonic() - started
    with open(timing) as fh:
        kb = fh.read().split()[-1]
    err_text = stderr.decode("utf-8", "replace")
    err = err_text.splitlines()
    notes = [line[2:] for line in err if line.startswith("# ") and not line.startswith("# at ")]
    status = notes[-1] if notes else ""
    if proc.returncode not in (0, 1, 3) and not status:
        status = next((line for line in reversed(err) if line.strip()), "")[:120]
    if keep_stderr:
        return float(wall), int(kb) / 1024, proc.returncode, status, err_text
    return float(wall), int(kb) / 1024, proc.returncode, status


def run_resuming(command, env, budget=DL4J_CORPUS_BUDGET):
    """Runs Dl4jTiming over many files, starting it again after the next file whenever native code
    crashed the JVM or a file passed its time limit (it prints "# at K PATH" before file K): the
    times add up, the peak is the largest. Stops once the times reach the budget."""
    wall_sum, peak, crashes, start, read, tried = 0.0, float("nan"), [], 0, 0, 0
    while True:
        main = command.index("Dl4jTiming") + 1
        cmd = command[:main] + ["--from", str(start)] + command[main:]
        wall, rss, code, status, err = run_timed(cmd, env, timeout=max(1, budget - wall_sum), keep_stderr=True)
        wall_sum += wall
        peak = max(peak, rss) if rss == rss else peak
        if code == "timeout" or wall_sum >= budget:
            at = re.findall(r"^# at (\d+) ", err, flags=re.M)
            return wall_sum, peak, "stopped", (f"stopped at the {budget} s budget, at file {int(at[-1]) + 1 if at else start + 1} "
                                               f"of the HDF5 files and zips; {len(crashes)} restarts before")
        m = re.search(r"# read (\d+) of (\d+) files", err)
        if m:
            return wall_sum, peak, code, (f"read {read + int(m.group(1))} of {tried + int(m.group(2))} files"
                                          + (f"; restarted after {len(crashes)} files that crashed the JVM in native "
                                             f"code or passed the time limit ({', '.join(sorted(set(crashes)))})" if crashes else ""))
        at = re.findall(r"^# at (\d+) ", err, flags=re.M)
        if not at or code == "timeout":
            return wall_sum, peak, code, status
        crashes.append("time limit" if code == 124 else str(code))
        last = int(at[-1])
        tried += last - start + 1
        read += len(re.findall(r"^# at ", err, flags=re.M)) - 1 - len(re.findall(r"^/.*: \w+(Exception|Error)", err, flags=re.M))
        start = last + 1


def measure(tools, files, reps, log, warm_up=True):
    results = {tool.key: Result() for tool in tools}
    for round_ in range(0 if warm_up else 1, reps + 1):
        for tool in tools:
            if tool.resume:
                wall, rss, code, status = run_resuming(tool.command(files), tool.env)
            else:
                wall, rss, code, status = run_timed(tool.command(files), tool.env)
            log(f"    {'warm-up' if round_ == 0 else 'round %d' % round_} {tool.key}: "
                f"{wall:.3f} s, {rss:.0f} MB, exit {code} {status}")
            if round_ > 0:
                results[tool.key].add(wall, rss, code, status)
    return results


def least_squares(points):
    """Slope and intercept of the line through (x, y) points that least-squares fits them."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    slope = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
    return slope, my - slope * mx


def fmt_s(seconds):
    if seconds is None:
        return "–"
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def table(tools, results, reference_key):
    ref = results.get(reference_key)
    ref_median = ref.median() if ref else None
    lines = ["| tool | wall s, median | min – max | peak RSS MB, median | × model-audit | exit | note |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for tool in tools:
        r = results[tool.key]
        med = r.median()
        ratio = f"{med / ref_median:.1f}×" if med and ref_median and tool.key != reference_key else ""
        exits = ",".join(sorted({str(c) for c in r.exits}))
        note = "; ".join(x for x in (tool.note, r.status) if x)
        rss = statistics.median(r.rss_mb)
        lines.append(f"| {tool.label} | {fmt_s(med)} | {fmt_s(min(r.walls))} – {fmt_s(max(r.walls))} "
                     f"| {f'{rss:.0f}' if rss == rss else '–'} | {ratio} | {exits} | {note} |")
    return "\n".join(lines)


def sh(command, **kw):
    return subprocess.run(command, shell=True, capture_output=True, text=True, **kw).stdout.strip()


def machine(root):
    cpu = sh("lscpu | sed -n 's/^Model name:[ ]*//p'") or platform.processor()
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
    java = sh("java -version 2>&1 | head -2 | tr '\\n' ' '")
    keras = sh("KERAS_BACKEND=jax python3 -c 'import keras, jax; print(\"Keras\", keras.__version__, \"(jax\", jax.__version__ + \")\")' 2>/dev/null") or "not installed"
    dl4j = sh(f"sed -n 's:.*<dl4j.version>\\(.*\\)</dl4j.version>.*:\\1:p' {root}/dl4j-reference/pom.xml")
    h5ls = sh("h5ls --version 2>/dev/null") or "not installed"
    return [f"- CPU: {cpu}; `nproc`: {os.cpu_count()}; RAM: {mem_kb / 1024 / 1024:.1f} GiB",
            f"- OS: {platform.platform()}",
            f"- Java: {java}",
            f"- Python {platform.python_version()}, {keras}",
            f"- Deeplearning4j {dl4j}; {h5ls}; `{sh('/usr/bin/time --version 2>&1 | head -1') or '/usr/bin/time'}`"]


def load():
    return sh("uptime | sed 's/.*load average/load average/'")


def median_of(results, key):
    r = results.get(key)
    return r.median() if r and r.walls else None


def help_text(launcher):
    return subprocess.run([launcher, "--help"], capture_output=True, text=True).stdout


class Harness:
    def __init__(self, args):
        self.args = args
        self.root = os.path.abspath(args.root)
        self.cache = os.path.abspath(args.cache)
        self.launcher = os.path.abspath(args.launcher) if args.launcher else os.path.join(self.root, "model-audit")
        self.sections = []
        self.targets = []
        self.raw = {}
        self.available = {}

    def log(self, message):
        print(message, file=sys.stderr, flush=True)

    def crash_log(self):
        """Where a JVM that DL4J's native code crashes writes its hs_err file: the cache, never the
        working directory (a checkout)."""
        return "-XX:ErrorFile=" + os.path.join(self.cache, "crashes", "hs_err_pid%p.log")

    # --- tools -----------------------------------------------------------------------------

    def tools(self):
        h5 = lambda files: all(f.endswith((".h5", ".hdf5")) for f in files)
        launcher = self.launcher
        tools = [
            Tool("audit", "model-audit (stored reference)", lambda f: [launcher] + f),
        ]
        if self.args.baseline:
            before = os.path.join(os.path.abspath(self.args.baseline), "model-audit")
            tools.append(Tool("before", f"model-audit before: {self.args.baseline_label}", lambda f: [before] + f))
        tools += [
            Tool("audit_dl4j", "model-audit `--reference dl4j`", lambda f: [launcher, "--reference", "dl4j"] + f),
        ]
        if self.available.get("keras"):
            tools.append(Tool("keras", "Keras 3 `load_model` + `summary()`",
                              lambda f: ["python3", os.path.join(self.root, "bench/compare/keras_summary.py")] + f,
                              applies=lambda files: not any(f.endswith(".zip") for f in files),
                              env={"KERAS_BACKEND": "jax"}))
        if self.available.get("dl4j"):
            cp = self.available["dl4j"]
            tools.append(Tool("dl4j", "DL4J restore / `KerasModelImport` + `summary()`",
                              lambda f: ["java", self.crash_log(), "-cp", cp, "Dl4jTiming"] + f,
                              applies=lambda files: not any(f.endswith(".keras") for f in files)))
        if self.available.get("h5ls"):
            tools.append(Tool("h5ls", "`h5ls -r` (floor)", lambda f: ["h5ls", "-r"] + f, applies=h5))
        tools.append(Tool("jvm", "bare JVM `java -Xshare:auto -version` (floor)",
                          lambda f: ["java", "-Xshare:auto", "-version"]))
        return tools

    def for_files(self, files, skip=()):
        return [t for t in self.tools() if t.applies(files) and t.key not in skip]

    # --- workloads -------------------------------------------------------------------------

    def single(self, name, path, reps, skip=()):
        if not os.path.exists(path):
            self.sections.append(f"### {name}\n\nnot available: {path} was not generated (see the log).\n")
            return
        self.log(f"  {name}: {path}")
        tools = self.for_files([path], skip)
        results = measure(tools, [path], reps, self.log)
        self.raw[name] = {k: r.as_json() for k, r in results.items()}
        size = os.path.getsize(path) / 1e6
        self.sections.append(f"### {name}\n\n`{os.path.relpath(path, self.root) if path.startswith(self.root) else os.path.basename(path)}`, "
                             f"{size:.1f} MB; {reps} rounds.\n\n{table(tools, results, 'audit')}\n")
        return results

    def one_model_targets(self, name, results, keras_factor):
        audit = median_of(results, "audit")
        if audit is None:
            return
        keras = median_of(results, "keras")
        if keras_factor and keras:
            self.target(f"{name}: Keras / model-audit", keras / audit, keras_factor, ">=")
        dl4j = results.get("dl4j")
        if dl4j and dl4j.walls and all(c == 0 for c in dl4j.exits):
            self.target(f"{name}: DL4J / model-audit", dl4j.median() / audit, 5, ">=")
        floor = median_of(results, "jvm")
        if floor is not None:
            floor += median_of(results, "h5ls") or 0
            self.target(f"{name}: model-audit / floor ({'h5ls -r + ' if 'h5ls' in results else ''}bare JVM)",
                        audit / floor, 3, "<=")

    def target(self, what, value, goal, sense):
        met = value >= goal if sense == ">=" else value <= goal
        self.targets.append(f"| {what} | {value:.1f}× | {sense.replace('>=', '≥').replace('<=', '≤')} {goal}× "
                            f"| {'met' if met else 'NOT met'} |")

    def corpus(self, reps):
        corpus = os.path.normpath(os.path.join(self.root, "..", "shared", "corpus"))
        if not os.path.isdir(corpus):
            self.sections.append("### The whole corpus\n\nnot available: no ../shared/corpus beside the checkout.\n")
            return
        h5_files = sorted(os.path.join(d, f) for d, _, names in os.walk(corpus) for f in names
                          if f.endswith((".h5", ".hdf5")))
        count = sum(len(names) for _, _, names in os.walk(corpus))
        has_j = "-j" in re.findall(r"(?<![\w-])-j\b", help_text(self.launcher))
        tools = []
        if has_j:
            tools += [Tool("audit_j1", "model-audit `-j 1`", lambda f: [self.launcher, "-j", "1", corpus]),
                      Tool("audit", "model-audit (default `-j`: all cores)", lambda f: [self.launcher, corpus])]
        else:
            tools.append(Tool("audit", "model-audit (one thread: `-j` not available)", lambda f: [self.launcher, corpus]))
        tools.append(Tool("audit_dl4j", "model-audit `--reference dl4j`",
                          lambda f: [self.launcher, "--reference", "dl4j", corpus]))
        if self.available.get("keras"):
            tools.append(Tool("keras", "Keras 3 `load_model` + `summary()` (every .h5 and .keras)",
                              lambda f: ["python3", os.path.join(self.root, "bench/compare/keras_summary.py"), corpus],
                              env={"KERAS_BACKEND": "jax"}))
        if self.available.get("dl4j"):
            cp = self.available["dl4j"]
            tools.append(Tool("dl4j", "DL4J import / restore + `summary()` (every HDF5 and DL4J zip)",
                              lambda f: ["java", self.crash_log(), "-Dlimit=20", "-cp", cp, "Dl4jTiming", corpus], resume=True))
        if self.available.get("h5ls"):
            tools.append(Tool("h5ls", f"`h5ls -r` on the {len(h5_files)} HDF5 files (floor)", lambda f: ["h5ls", "-r"] + h5_files))
        self.log(f"  corpus: {corpus} ({count} files)")
        # Keras and DL4J take minutes here: one round each, without a warm-up.
        slow = [t for t in tools if t.key in ("keras", "dl4j")]
        results = measure([t for t in tools if t not in slow], [corpus], reps, self.log)
        results.update(measure(slow, [corpus], 1, self.log, warm_up=False))
        self.raw["corpus"] = {k: r.as_json() for k, r in results.items()}
        text = (f"### The whole corpus in one run\n\n`../shared/corpus`: {count} files "
                f"({len(h5_files)} HDF5), every one in one process per tool; {reps} rounds after a warm-up, Keras and "
                f"DL4J one round (DL4J gives up on a file after 20 s and is started again after it, as after a crash, "
                f"within {DL4J_CORPUS_BUDGET} s in all). Each tool reads "
                f"what it can: the note says how many files it read.\n\n{table(tools, results, 'audit')}\n")
        if has_j:
            ratio = median_of(results, "audit_j1") / median_of(results, "audit")
            self.target(f"corpus: `-j 1` / default `-j` ({os.cpu_count()} cores)", ratio, 1.5, ">=")
        else:
            text += "\nBatch target (`-j 1` against the default `-j`): not available, `model-audit --help` has no `-j`.\n"
        self.sections.append(text)

    def scaling(self, reps, sizes):
        rows = ["| model | layers | model-audit s, median (min – max) | µs per added layer (from the size before) | "
                "µs per layer above the seed model | peak RSS MB | Keras s | DL4J s | `h5ls -r` s |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        seed = os.path.join(self.root, "test-models/keras/seed_cnn.h5")
        models = [(kind, n, os.path.join(self.cache, f"{kind}_{n}.h5")) for kind in ("chain", "dag") for n in sizes]
        present = [(kind, n, path) for kind, n, path in models if os.path.exists(path)]
        # model-audit runs every size in every round, one round after the other (a warm-up round
        # first), rather than all rounds of one size and then the next: a stretch when other jobs
        # slow the machine then falls on every size alike instead of bending the line at one size,
        # which the differences between sizes would read as a change in the cost per layer.
        audit_tool = next(t for t in self.tools() if t.key == "audit")
        audits = {path: Result() for path in [seed] + [path for _, _, path in present]}
        for round_ in range(0, reps + 1):
            for path in audits:
                wall, rss, code, status = run_timed(audit_tool.command([path]), audit_tool.env)
                self.log(f"    {'warm-up' if round_ == 0 else 'round %d' % round_} audit {os.path.basename(path)}: "
                         f"{wall:.3f} s, {rss:.0f} MB, exit {code} {status}")
                if round_ > 0:
                    audits[path].add(wall, rss, code, status)
        base = audits[seed].median()
        per_layer, points = {}, {}
        for kind, n, path in models:
            if path not in audits:
                rows.append(f"| {kind} | {n} | not generated | | | | | | |")
                continue
            self.log(f"  scaling {kind} {n}")
            tools = [t for t in self.for_files([path], skip=("audit_dl4j", "jvm")) if t.key != "audit"]
            # The other tools take seconds to minutes here: one round each.
            slow = [t for t in tools if t.key in ("keras", "dl4j")]
            fast = [t for t in tools if t.key not in ("keras", "dl4j")]
            results = measure(fast, [path], reps, self.log)
            if not self.args.smoke and n <= SLOW_TOOLS_UP_TO:
                results.update(measure(slow, [path], 1, self.log, warm_up=False) if slow else {})
            results["audit"] = audits[path]
            self.raw[f"{kind}_{n}"] = {k: r.as_json() for k, r in results.items()}
            a = results["audit"]
            us = (a.median() - base) / n * 1e6
            before = points.get(kind, [])[-1] if points.get(kind) else None
            added = (a.median() - before[1]) / (n - before[0]) * 1e6 if before else None
            if added is not None:
                per_layer.setdefault(kind, []).append(added)
            points.setdefault(kind, []).append((n, a.median()))
            other = lambda k: fmt_s(results[k].median()) + ("" if all(c == 0 for c in results[k].exits) else " (failed)") if k in results else "–"
            rows.append(f"| {kind} | {n:,} | {fmt_s(a.median())} ({fmt_s(min(a.walls))} – {fmt_s(max(a.walls))}) | "
                        f"{'–' if added is None else f'{added:.0f}'} | {us:.0f} | {statistics.median(a.rss_mb):.0f} | "
                        f"{other('keras')} | {other('dl4j')} | {other('h5ls')} |")
        text = (f"### Cost per layer\n\nSynthetic functional models written by Keras (bench/compare/make_models.py): "
                f"a chain of Dense layers, and a DAG where every other layer is an Add joining two tensors. "
                f"Time per layer, the target's measure: what each added layer costs, (median at this size − median "
                f"at the size before) / (layers added); linear growth keeps it constant. Shown beside it, (median − "
                f"{fmt_s(base)} s, the median of the seed model) / layers, which also spreads over the layers the fixed "
                f"cost that the seed model does not pay (start-up of the code for Dense/Add layers and large HDF5 "
                f"groups, and the JIT's warm-up), and so falls as models grow. "
                f"model-audit: {reps} rounds after a warm-up, each round running every size in turn (the seed model "
                f"too), so that the machine's slower and faster stretches fall on all sizes alike; Keras and DL4J: one round each, up to {SLOW_TOOLS_UP_TO:,} layers "
                f"(beyond, minutes per file).\n\n" + "\n".join(rows) + "\n")
        for kind, pts in points.items():
            if len(pts) >= 3:
                slope, intercept = least_squares(pts)
                text += (f"\n{kind}: least-squares line over {len(pts)} sizes: {intercept:.2f} s + "
                         f"{slope * 1e6:.0f} µs × layers.\n")
        for kind, values in per_layer.items():
            if len(values) >= 2:
                mean = statistics.mean(values)
                spread = max(abs(v - mean) / abs(mean) for v in values)
                met = spread <= 0.30
                self.targets.append(f"| scaling, {kind} {sizes[0]:,} → {sizes[-1]:,} layers: largest deviation of the "
                                    f"time per added layer from its mean ({', '.join(f'{v:.0f}' for v in values)} µs) | "
                                    f"±{spread * 100:.0f} % | within ±30 % | {'met' if met else 'NOT met'} |")
        self.sections.append(text)

    def large_model(self, path):
        if not os.path.exists(path):
            return
        rows = ["| model | file MB | `-Xmx` | wall s | peak RSS MB | exit | bytes read from the file | file in the page cache after the run |",
                "| --- | ---: | --- | ---: | ---: | ---: | --- | ---: |"]
        files = [os.path.join(self.root, "test-models/keras/seed_cnn.h5"),
                 os.path.join(self.cache, "resnet50.h5"), path, os.path.join(self.cache, "vgg16.keras"),
                 os.path.join(self.cache, "vgg16_dl4j.zip")]
        worst = 0
        for f in files:
            if not os.path.exists(f):
                continue
            for xmx in ("-Xmx32m",):
                env = {"MODEL_AUDIT_JAVA_OPTS": xmx}
                evict(f)
                wall, rss, code, status = run_timed([self.launcher, f], env)
                cached = page_cache_mb(f)
                read = bytes_read(self.launcher, f, env)
                if os.path.getsize(f) > 400e6:
                    worst = max(worst, rss)
                rows.append(f"| {os.path.basename(f)} | {os.path.getsize(f) / 1e6:.1f} | {xmx} | {wall:.3f} | {rss:.0f} | {code} | {read} | {cached} |")
        self.targets.append(f"| large models: peak RSS for the files over 400 MB, `-Xmx32m` | {worst:.0f} MB | < 150 MB | "
                            f"{'met' if worst < 150 else 'NOT met'} |")
        self.sections.append("### Large models, small heap\n\nOne run each, through the launcher with "
                             "`MODEL_AUDIT_JAVA_OPTS=-Xmx32m`. Bytes read: the sum of what `read`/`pread64` "
                             "returned on the model file's descriptors (`strace -f`, a second run), and whether it was "
                             "memory-mapped (jHDF maps HDF5 files: what it touches shows in the peak RSS, not here). "
                             "Page cache: the file is evicted (`posix_fadvise(DONTNEED)`) before the timed run and counted "
                             f"with `fincore` after it; the kernel reads ahead around every page touched "
                             f"(`read_ahead_kb` = {read_ahead_kb()} here), so this is an upper bound of what was read.\n\n"
                             + "\n".join(rows) + "\n")

    def batch_memory(self, n):
        folder = os.path.join(self.cache, f"batch_{n}")
        seed = os.path.join(self.root, "test-models/keras/seed_cnn.h5")
        if not os.path.isdir(folder) or len(os.listdir(folder)) != n:
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            for i in range(n):
                os.link(seed, os.path.join(folder, f"m{i:05d}.h5"))
        rows = ["| run | wall s | peak RSS MB | exit |", "| --- | ---: | ---: | ---: |"]
        worst = 0
        for fmt in ("text", "json"):
            wall, rss, code, status = run_timed([self.launcher, "--format", fmt, folder])
            worst = max(worst, rss)
            rows.append(f"| `model-audit --format {fmt}` over {n:,} copies of the seed model | {wall:.1f} | {rss:.0f} | {code} |")
        self.targets.append(f"| batch: {n:,} models in one run, peak RSS | {worst:.0f} MB | < 300 MB | "
                            f"{'met' if worst < 300 else 'NOT met'} |")
        self.sections.append(f"### {n:,} models in one run\n\nHard links to the seed model in one folder; one run each.\n\n"
                             + "\n".join(rows) + "\n")

    def dl4j_worker(self, files, reps):
        worker = os.path.join(self.root, "dl4j-reference/target")
        jar = os.path.join(worker, "model-audit-dl4j-reference.jar")
        if not os.path.exists(jar):
            return
        command = worker_command(self.root)
        starts, per_file = [], []
        for rep in range(reps):
            started = time.monotonic()
            proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, text=True)
            proc.stdout.readline()
            starts.append(time.monotonic() - started)
            for f in files if rep == 0 else []:
                t = time.monotonic()
                proc.stdin.write(os.path.abspath(f) + "\n")
                proc.stdin.flush()
                proc.stdout.readline()
                per_file.append(time.monotonic() - t)
            proc.stdin.close()
            proc.wait()
        per_file.sort()
        p90 = per_file[int(len(per_file) * 0.9)]
        self.sections.append(
            "### The DL4J reference worker\n\n"
            f"Started as model-audit starts it (`{' '.join(c for c in command[:command.index('-cp')])} …`), "
            f"{reps} times; the first one was then sent {len(files)} files (every HDF5 file and zip of the corpus) one after the other, as model-audit does; "
            "an answer is DL4J's numbers or DL4J's failure, whichever it gives.\n\n"
            "| figure | median | min – max |\n| --- | ---: | ---: |\n"
            f"| start-up, until the worker says it is ready | {statistics.median(starts):.2f} s | {min(starts):.2f} – {max(starts):.2f} s |\n"
            f"| one file in a warm worker | {statistics.median(per_file) * 1000:.1f} ms | {per_file[0] * 1000:.1f} – {per_file[-1] * 1000:.0f} ms (90 %: {p90 * 1000:.1f} ms) |\n")

    # --- the run ---------------------------------------------------------------------------

    def run(self):
        a = self.args
        self.available = detect_tools(self.root, self.cache, self.log)
        os.makedirs(os.path.join(self.cache, "crashes"), exist_ok=True)
        start_load, started = load(), datetime.datetime.now(datetime.timezone.utc)
        seed = os.path.join(self.root, "test-models/keras/seed_cnn.h5")
        reps = a.reps
        only = set(a.only.split(",")) if a.only else None
        want = lambda w: only is None or w in only
        one_model = [("seed model (Keras 3 .h5, 2 Conv2D)", seed, 25)]
        if not a.smoke:
            one_model += [("ResNet50 .h5", os.path.join(self.cache, "resnet50.h5"), 15),
                          ("ResNet50 .keras", os.path.join(self.cache, "resnet50.keras"), None),
                          ("VGG16 .h5", os.path.join(self.cache, "vgg16.h5"), None),
                          ("VGG16 .keras", os.path.join(self.cache, "vgg16.keras"), None),
                          # Keras 2 files that DL4J's KerasModelImport reads (it rejects Keras 3 files):
                          ("Keras 2 .h5 that DL4J imports: issue_9560.h5 (corpus, tf.keras 2.2.4, 3.3 MB)", os.path.join(
                              self.root, "..", "shared/corpus/dl4j-test-resources/modelimport/keras/weights/issue_9560.h5"), None),
                          ("Keras 2 .h5 that DL4J imports: GuessTheDoodle model.h5 (corpus, Keras 2.2.5, 1.4 MB)", os.path.join(
                              self.root, "..", "shared/corpus/github/AniketDogra__GuessTheDoodle/model/model.h5"), None),
                          ("DL4J zoo VGG16 zip", os.path.join(self.cache, "vgg16_dl4j.zip"), None)]
        else:
            one_model.append(("DL4J zip (test model)", os.path.join(self.root, "test-models/dl4j/cnn.zip"), None))
        if want("one"):
            for name, path, keras_factor in one_model:
                results = self.single(name, os.path.normpath(path), reps)
                if results:
                    self.one_model_targets(name, results, keras_factor)
        if want("corpus") and not a.smoke:
            self.corpus(max(1, min(reps, 3)))
        if want("scaling"):
            self.scaling(reps, (100, 200) if a.smoke else SCALING_SIZES)
        if want("large") and not a.smoke:
            self.large_model(os.path.join(self.cache, "vgg16.h5"))
        if want("batch") and not a.smoke:
            self.batch_memory(BATCH_FILES)
        if want("worker") and not a.smoke:
            corpus = os.path.normpath(os.path.join(self.root, "..", "shared", "corpus"))
            files = sorted(os.path.join(d, f) for d, _, names in os.walk(corpus) for f in names
                           if f.endswith((".h5", ".zip")))
            self.dl4j_worker(files, 3)
        end_load = load()
        self.write(started, start_load, end_load)

    def write(self, started, start_load, end_load):
        a = self.args
        loaded = any(float(x) > 1.0 for x in re.findall(r"(\d+\.\d+)", start_load + " " + end_load))
        head = [BEGIN, "",
                f"## Numbers of {started:%Y-%m-%d %H:%M} UTC{' (smoke run: one round, small models)' if a.smoke else ''}", "",
                f"Reproduce: `bench/compare/run{' --smoke' if a.smoke else ''}{' --reps %d' % a.reps if a.reps != 5 else ''}` "
                "on a clone with `../shared/corpus` beside it (docs/benchmarks.md).", "",
                "Machine:", ""] + machine(self.root) + [
                f"- Load (`uptime`) at the start: {start_load}; at the end: {end_load}."
                + (" **Measured under load** (other jobs shared the cores): absolute times are higher than on an "
                   "idle machine; the ratios come from the same rounds." if loaded else ""), ""]
        if self.targets:
            head += ["### Targets (ratios from this run)", "", "| target | measured | goal | |", "| --- | ---: | --- | --- |"] + self.targets + [""]
        body = "\n".join(head) + "\n" + "\n".join(self.sections)
        kept = ""
        if os.path.exists(a.out):
            text = open(a.out).read()
            if BEGIN in text:
                kept = text[:text.index(BEGIN)]
        if not kept:
            kept = "# Benchmarks\n\n"
        with open(a.out, "w") as fh:
            fh.write(kept + body)
        with open(os.path.join(self.cache, "results.json"), "w") as fh:
            json.dump(self.raw, fh, indent=1)
        self.log(f"wrote {a.out}")


def worker_command(root):
    """The DL4J worker's command line, as Dl4jWorker.command() builds it."""
    target = os.path.join(root, "dl4j-reference/target")
    cp = open(os.path.join(target, "classpath.txt")).read().strip()
    archive = os.path.join(target, "model-audit-dl4j-reference.jsa")
    cds = ([f"-XX:SharedArchiveFile={archive}", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"]
           if os.path.exists(archive) else [])
    return ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"] + cds + ["-Xss64m", "-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=4g",
            "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g", "-Dorg.bytedeco.javacpp.logger=slf4j",
            "-cp", os.path.join(target, "model-audit-dl4j-reference.jar") + ":" + cp,
            "io.modelaudit.dl4j.ReferenceWorker", "--batch"]


def evict(path):
    """Drops the file's pages from the page cache (clean pages only; other files are untouched)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def page_cache_mb(path):
    if not shutil.which("fincore"):
        return "not measured (no fincore)"
    out = sh(f"fincore --bytes --noheadings --output RES '{path}'")
    return f"{int(out) / 1e6:.2f} MB" if out.isdigit() else "?"


def read_ahead_kb():
    dev = sh("lsblk -no pkname $(df --output=source / | tail -1) 2>/dev/null") or "vda"
    try:
        return open(f"/sys/block/{dev}/queue/read_ahead_kb").read().strip() + " KB"
    except OSError:
        return "unknown"


def bytes_read(launcher, path, env):
    """Bytes read() or pread64() returned on the file's descriptors, and mmap calls on them (strace)."""
    if not shutil.which("strace"):
        return "not measured (no strace)"
    log = "/tmp/model-audit-bench-strace.%d" % os.getpid()
    full_env = dict(os.environ)
    full_env.update(env)
    subprocess.run(["strace", "-f", "-qq", "-e", "trace=openat,read,pread64,mmap,close", "-o", log, launcher, path],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=full_env)
    fds, total, mapped = {}, 0, 0
    real = os.path.realpath(path)
    for line in open(log, errors="replace"):
        m = re.match(r"(\d+)\s+openat\(.*?\"([^\"]+)\".*\)\s+=\s+(\d+)", line)
        if m:
            if os.path.realpath(m.group(2)) == real:
                fds[(m.group(1), m.group(3))] = True
            continue
        m = re.match(r"(\d+)\s+(read|pread64|mmap|close)\((\w+)?.*\)\s+=\s+(-?\w+)", line)
        if not m:
            continue
        pid, call, first, ret = m.groups()
        if call == "close":
            fds.pop((pid, first), None)
        elif call in ("read", "pread64") and any(fd == first for (_, fd) in fds) and ret.lstrip("-").isdigit():
            total += max(0, int(ret))
        elif call == "mmap":
            args = line.split("(", 1)[1].split(",")
            if len(args) > 4 and any(fd == args[4].strip() for (_, fd) in fds):
                mapped += 1
    os.remove(log)
    size = os.path.getsize(path)
    return f"{total / 1e6:.2f} MB of {size / 1e6:.1f} MB ({total / size * 100:.2f} %){', %d mmap' % mapped if mapped else ', not mapped'}"


def detect_tools(root, cache, log):
    available = {}
    try:
        subprocess.run(["python3", "-c", "import keras, jax"], env=dict(os.environ, KERAS_BACKEND="jax"),
                       check=True, capture_output=True)
        available["keras"] = True
    except subprocess.CalledProcessError:
        log("Keras 3 with jax is not installed: its rows are left out (bench/compare/run --install).")
    if shutil.which("h5ls"):
        available["h5ls"] = True
    else:
        log("h5ls is not installed: its rows are left out (Debian hdf5-tools; bench/compare/run --install).")
    timing = os.path.join(cache, "dl4j-timing")
    classpath = os.path.join(cache, "dl4j-classpath.txt")
    if os.path.exists(os.path.join(timing, "Dl4jTiming.class")) and os.path.exists(classpath):
        available["dl4j"] = timing + ":" + open(classpath).read().strip()
    else:
        log("the DL4J timing program is not built: its rows are left out.")
    return available


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--root", required=True)
    p.add_argument("--cache", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--smoke", action="store_true")
    p.add_argument("--launcher", help="the model-audit command to time (default: ROOT/model-audit); "
                                      "the test suite's smoke run passes one that runs the compiled classes")
    p.add_argument("--only", help="comma-separated: one,corpus,scaling,large,batch,worker")
    p.add_argument("--baseline", help="another checkout, built, whose model-audit is timed beside this one on single models")
    p.add_argument("--baseline-label", default="another checkout")
    Harness(p.parse_args()).run()


if __name__ == "__main__":
    main()
