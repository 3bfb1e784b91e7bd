#!/usr/bin/env python3
"""Whole-service load benchmark: the same small web app in several observability variants,
interleaved over rounds, measured side by side on this machine.

Only 127.0.0.1 is ever contacted. Only the processes this script starts are stopped.
Run through benchmarks/load/run.sh, which builds the jars first.
"""
import argparse
import json
import os
import re
import resource
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
APP = os.path.join(HERE, "app", "target")
RECEIVER_JAR = os.path.join(HERE, "receiver", "target", "load-receiver.jar")
# Seconds a variant takes besides its warm-up and measured load: start, span settling, full GC, stop.
# From the runs on the 2-core machine; only the printed estimate uses them.
OVERHEAD_S = {"start": 10, "traced": 12, "untraced": 6}
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_PATH = "/api/items/42"

VARIANTS = {
    "a": {"label": "bare webmvc", "jar": "load-app-bare.jar", "args": [], "env": {}},
    "b": {"label": "actuator + Prometheus", "jar": "load-app-actuator.jar",
          "args": ["--management.endpoints.web.exposure.include=health,prometheus"], "env": {}},
    "c": {"label": "starter, production defaults", "jar": "load-app-starter.jar",
          "args": ["--pyairtable.observability.service.environment=production"], "env": {}, "otlp": "boot"},
    "c-notail": {"label": "starter, production, tail keep off", "jar": "load-app-starter.jar",
                 "args": ["--pyairtable.observability.service.environment=production",
                          "--pyairtable.observability.tracing.sampling.tail.enabled=false"], "env": {}, "otlp": "boot"},
    "d": {"label": "starter, ratio 1.0", "jar": "load-app-starter.jar",
          "args": ["--pyairtable.observability.service.environment=production",
                   "--pyairtable.observability.tracing.sampling.ratio=1.0",
                   # The agent has no traces-per-second cap: neither does this variant.
                   "--pyairtable.observability.tracing.sampling.max-traces-per-second=0"], "env": {}, "otlp": "boot"},
    "e": {"label": "hand-wired Boot tracing, probability 1.0", "jar": "load-app-boot-tracing.jar",
          "args": ["--management.endpoints.web.exposure.include=health,prometheus",
                   "--management.tracing.sampling.probability=1.0",
                   "--management.otlp.metrics.export.enabled=false"], "env": {}, "otlp": "boot"},
    "f": {"label": "OpenTelemetry Java agent, always_on", "jar": "load-app-bare.jar", "args": [],
          "env": {"OTEL_TRACES_SAMPLER": "always_on", "OTEL_METRICS_EXPORTER": "none",
                  "OTEL_LOGS_EXPORTER": "none", "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
                  "OTEL_SERVICE_NAME": "load-app"},
          "agent": True, "otlp": "agent"},
}


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


def http_get(url, timeout=5.0):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read()


def proc_cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the command.
    return int(fields[11]) + int(fields[12])


def proc_status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return None


STARTED = re.compile(r"Started \S+ in [\d.]+ seconds \(process running for ([\d.]+)\)")
ALLOCATED = re.compile(r"^jvm_gc_memory_allocated_bytes_total(?:\{[^}]*\})? ([0-9.eE+-]+)", re.M)
EDEN_USED = re.compile(r"^jvm_memory_used_bytes\{[^}]*id=\"[^\"]*Eden[^\"]*\"[^}]*\} ([0-9.eE+-]+)", re.M)

RATE_SCRIPT = "function delay() return tonumber(os.getenv('WRK_DELAY_MS')) end\n"


def wrk(port, seconds, threads, connections, rate=None):
    """Closed-loop load; with a rate, each connection waits between requests so that the
    offered load is about that many requests a second (wrk's delay(), whole milliseconds)."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    env = dict(os.environ)
    if rate:
        script = os.path.join(RESULTS, "rate.lua")
        with open(script, "w") as f:
            f.write(RATE_SCRIPT)
        command += ["-s", script]
        env["WRK_DELAY_MS"] = str(max(1, round(connections * 1000.0 / rate)))
    out = subprocess.run(command + [f"http://127.0.0.1:{port}{PAGE_PATH}"], capture_output=True, text=True,
                         env=env, timeout=seconds + 60).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
              "requests": int(re.search(r"(\d+) requests in", out).group(1)),
              "non2xx": int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0}
    for pct in ("50", "99"):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if m:
            scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
            result[f"p{pct}_ms"] = float(m.group(1)) * scale
    return result


def receiver_count(port):
    try:
        return json.loads(http_get(f"http://127.0.0.1:{port}/count")[1])["spans"]
    except OSError:
        return 0


def settle_receiver(port, limit=20.0):
    """Waits until the exporters' batches have arrived: the count stops moving."""
    deadline = time.monotonic() + limit
    last = receiver_count(port)
    stable = 0
    while time.monotonic() < deadline and stable < 3:
        time.sleep(1.0)
        now = receiver_count(port)
        stable = stable + 1 if now == last else 0
        last = now
    return last


class Service:
    def __init__(self, key, variant, port, receiver_port, agent_jar, heap, jar_dir, round_no):
        self.key, self.variant, self.port = key, variant, port
        cmd = ["java", f"-Xmx{heap}"]
        env = dict(os.environ)
        env.update(variant["env"])
        if variant.get("agent"):
            cmd.append(f"-javaagent:{agent_jar}")
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = f"http://127.0.0.1:{receiver_port}"
        cmd += ["-jar", os.path.join(jar_dir, variant["jar"]), f"--server.port={port}"] + variant["args"]
        if variant.get("otlp") == "boot":
            cmd.append(f"--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:{receiver_port}/v1/traces")
        self.log_path = os.path.join(RESULTS, f"{key}-{round_no}.log")
        self.log_file = open(self.log_path, "w")
        self.started = time.monotonic()
        self.process = subprocess.Popen(cmd, stdout=self.log_file, stderr=subprocess.STDOUT, env=env,
                                        start_new_session=True)

    def wait_ready(self, limit=120.0):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"variant {self.key} exited; see {self.log_path}")
            try:
                if http_get(f"http://127.0.0.1:{self.port}{PAGE_PATH}", timeout=1.0)[0] == 200:
                    return (time.monotonic() - self.started) * 1000.0
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"variant {self.key} not ready in {limit}s; see {self.log_path}")

    def log_startup_ms(self, limit=10.0):
        """The JVM's age when the app logged its start ("Started X in N seconds (process running
        for M)", text or JSON line), in ms; the line can come a little after the first answer."""
        deadline = time.monotonic() + limit
        while True:
            with open(self.log_path, errors="replace") as f:
                m = STARTED.search(f.read())
            if m:
                return float(m.group(1)) * 1000.0
            if time.monotonic() >= deadline or self.process.poll() is not None:
                return None
            time.sleep(0.1)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log_file.close()


def jvm_after_full_gc(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
    time.sleep(1.0)
    heap_info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True,
                               timeout=60).stdout
    m = re.search(r"total \d+K, used (\d+)K", heap_info)
    classes = subprocess.run(["jstat", "-class", str(pid)], capture_output=True, text=True, timeout=60).stdout
    loaded = int(classes.splitlines()[1].split()[0]) if len(classes.splitlines()) > 1 else None
    return {"rss_mb": proc_status(pid, "VmRSS") / 1024.0, "heap_mb": int(m.group(1)) / 1024.0 if m else None,
            "classes": loaded, "threads": proc_status(pid, "Threads")}


def allocated_bytes(port):
    """Bytes allocated in the young generation so far, or None without /actuator/prometheus.
    Micrometer adds to its counter only at each GC, what eden held; eden's use now is what it has not
    counted yet (eden is empty after a GC), so the sum does not depend on when the last GC was."""
    try:
        status, body = http_get(f"http://127.0.0.1:{port}/actuator/prometheus")
    except OSError:
        return None
    text = body.decode("utf-8", "replace") if status == 200 else ""
    values = ALLOCATED.findall(text)
    if not values:
        return None
    return sum(float(v) for v in values) + sum(float(v) for v in EDEN_USED.findall(text))


def load1():
    return os.getloadavg()[0]


def cpu_ticks(receiver_pid, service_pid):
    """(ticks busy on the whole machine, ticks of this benchmark's own processes): the service, the
    receiver, wrk and this script. Interrupt time stays out: loopback traffic is counted there."""
    with open("/proc/stat") as f:
        user, nice, system = (int(x) for x in f.readline().split()[1:4])
    own = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    own_ticks = sum(u.ru_utime + u.ru_stime for u in own) * CLK_TCK
    return user + nice + system, own_ticks + proc_cpu_ticks(receiver_pid) + proc_cpu_ticks(service_pid)


def scrape_ms(port):
    times = []
    for _ in range(7):
        start = time.monotonic()
        try:
            status, _ = http_get(f"http://127.0.0.1:{port}/actuator/prometheus")
        except OSError:
            return None
        if status != 200:
            return None
        times.append((time.monotonic() - start) * 1000.0)
    return statistics.median(times)


def measure(key, variant, args, port, round_no):
    service = Service(key, variant, port, args.receiver_port, args.agent_jar, args.heap, args.jar_dir, round_no)
    try:
        startup = service.wait_ready()
        startup_log = service.log_startup_ms()
        log(f"[{round_no}] {key} ({variant['label']}): ready in {startup:.0f} ms"
            + (f", log says {startup_log / 1000:.2f} s" if startup_log is not None else ", no Started line")
            + "; pre-warming")
        previous, warm_start, calm, windows = None, time.monotonic(), 0, 0
        while True:
            window = wrk(port, args.window, args.threads, args.connections)["rps"]
            elapsed = time.monotonic() - warm_start
            moved = abs(window - previous) / previous if previous else None
            log(f"[{round_no}] {key}: warm-up window {window:.0f} req/s"
                + (f" (moved {moved * 100:.1f} %)" if moved is not None else ""))
            # Settled: at least --min-warmup of load (the JIT's first plateau is not the last one)
            # and two windows in a row moving less than --settle.
            settled = moved is not None and moved < args.settle
            calm = calm + 1 if settled else 0
            windows += 1
            # --max-warmup is a bound: no window starts that would end past it.
            if (calm >= 2 and elapsed >= args.min_warmup) or windows >= max(args.max_warmup // args.window, 1):
                break
            previous = window
        spans_before = settle_receiver(args.receiver_port) if variant.get("otlp") else 0
        allocated_before = allocated_bytes(port)
        load_before = load1()
        machine_before = cpu_ticks(args.receiver_pid, service.process.pid)
        ticks_before = proc_cpu_ticks(service.process.pid)
        window_start = time.monotonic()
        result = wrk(port, args.measure, args.threads, args.connections)
        ticks = proc_cpu_ticks(service.process.pid) - ticks_before
        machine_after = cpu_ticks(args.receiver_pid, service.process.pid)
        # CPU that other processes took during the window, in cores: what the load average cannot tell
        # apart from this benchmark's own runnable threads.
        other_cores = ((machine_after[0] - machine_before[0]) - (machine_after[1] - machine_before[1])) / (
            (time.monotonic() - window_start) * CLK_TCK)
        # Right after the load, before any GC: what the process holds once warm and busy.
        rss_load_mb = proc_status(service.process.pid, "VmRSS") / 1024.0
        load_after = load1()
        allocated_after = allocated_bytes(port)
        warmup_s = time.monotonic() - warm_start - args.measure
        spans_after = settle_receiver(args.receiver_port) if variant.get("otlp") else 0
        spans = (spans_after - spans_before) if variant.get("otlp") else None
        result.update({
            "variant": key, "round": round_no, "startup_ms": startup, "startup_log_ms": startup_log,
            "cpu_us_per_request": ticks * (1e6 / CLK_TCK) / max(result["requests"], 1),
            "rss_load_mb": rss_load_mb, "load1_before": load_before, "load1_after": load_after,
            "other_cpu_cores": other_cores,
            "alloc_bytes_per_request": ((allocated_after - allocated_before) / max(result["requests"], 1)
                                        if allocated_before is not None and allocated_after is not None else None),
            "spans_per_request": (spans / result["requests"]) if spans is not None else None,
            "scrape_ms": scrape_ms(port),
            "warmup_s": warmup_s,
        })
        if args.rate and variant.get("otlp"):
            # Span delivery below saturation: the batch worker is not starved of CPU here.
            paced = wrk(port, args.measure, args.threads, args.rate_connections, rate=args.rate)
            paced_spans = settle_receiver(args.receiver_port) - spans_after
            result.update({"paced_rps": paced["rps"],
                           "paced_spans_per_request": paced_spans / max(paced["requests"], 1)})
            log(f"[{round_no}] {key}: at {paced['rps']:.0f} req/s offered, "
                f"{result['paced_spans_per_request']:.3f} spans/req")
        result.update(jvm_after_full_gc(service.process.pid))
        alloc = result["alloc_bytes_per_request"]
        log(f"[{round_no}] {key}: {result['rps']:.0f} req/s, {result['cpu_us_per_request']:.1f} us CPU/req, "
            f"p99 {result.get('p99_ms', 0):.2f} ms, RSS {rss_load_mb:.0f} MB after load, {result['rss_mb']:.0f} MB after GC"
            + (f", {alloc:.0f} B/req" if alloc is not None else "") + f"; load {load_before:.2f} -> {load_after:.2f}, other processes {other_cores:.2f} cores")
        return result
    finally:
        service.stop()


def median(rows, key, field):
    values = [r[field] for r in rows if r["variant"] == key and r.get(field) is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=1, sign=False):
    if value is None:
        return "-"
    return f"{value:{'+' if sign else ''},.{digits}f}"


def sub(x, y):
    return None if x is None or y is None else x - y


def div(x, y):
    return None if x is None or not y else x / y


def per_second(ms):
    return None if ms is None else ms / 1000.0


FIELDS = ["rps", "p50_ms", "p99_ms", "cpu_us_per_request", "alloc_bytes_per_request", "startup_log_ms",
          "startup_ms", "rss_load_mb", "rss_mb", "heap_mb", "classes", "threads", "spans_per_request", "scrape_ms"]


def load_range(rows):
    before = [r["load1_before"] for r in rows if r.get("load1_before") is not None]
    after = [r["load1_after"] for r in rows if r.get("load1_after") is not None]
    if not before and not after:
        return "1-minute load average: not recorded in these rows."
    seen = before + after
    text = (f"1-minute load average at the measured windows: {min(seen):.2f}–{max(seen):.2f} "
            f"(before: {min(before):.2f}–{max(before):.2f}, after: {min(after):.2f}–{max(after):.2f}); "
            "the service's runnable request threads and wrk count in it")
    other = [r["other_cpu_cores"] for r in rows if r.get("other_cpu_cores") is not None]
    if other:
        text += (f". CPU taken by other processes during the measured windows: {min(other):.2f}–{max(other):.2f} "
                 "cores")
    return text + "."


def target_row(target, figures, value, limit, unit, digits=1, at_least=False):
    if value is None or limit is None:
        return f"| {target} | {figures} | - | - |"
    margin = value - limit if at_least else limit - value
    met = margin >= 0
    side = ("above" if met else "below") if at_least else ("under" if met else "over")
    return f"| {target} | {figures} | {'met' if met else '**missed**'} | {fmt(abs(margin), digits)} {unit} {side} the limit |"


def targets(m):
    """Issue 16's targets, from the medians."""
    c, b, a, d, e, f = (m.get(k, {}) for k in ("c", "b", "a", "d", "e", "f"))
    rows = ["| target | figures | met? | by how much |", "| --- | --- | --- | --- |"]
    c_start, e_start = per_second(c.get("startup_log_ms")), per_second(e.get("startup_log_ms"))
    limit = None if e_start is None else 1.1 * e_start
    rows.append(target_row("startup (log) of (c) ≤ 1.1 × (e)",
                           f"(c) {fmt(c_start, 2)} s, (e) {fmt(e_start, 2)} s: {fmt(div(c_start, e_start), 2)} × (e); "
                           f"limit {fmt(limit, 2)} s", c_start, limit, "s", 2))
    d_b = sub(d.get("cpu_us_per_request"), b.get("cpu_us_per_request"))
    e_b = sub(e.get("cpu_us_per_request"), b.get("cpu_us_per_request"))
    f_a = sub(f.get("cpu_us_per_request"), a.get("cpu_us_per_request"))
    rows.append(target_row("CPU µs/req: (d) − (b) ≤ (e) − (b)",
                           f"(d) − (b) {fmt(d_b, sign=True)} µs, (e) − (b) {fmt(e_b, sign=True)} µs", d_b, e_b, "µs"))
    rows.append(target_row("CPU µs/req: (d) − (b) ≤ (f) − (a)",
                           f"(d) − (b) {fmt(d_b, sign=True)} µs, (f) − (a) {fmt(f_a, sign=True)} µs", d_b, f_a, "µs"))
    d_rss, e_rss = d.get("rss_load_mb"), e.get("rss_load_mb")
    limit = None if e_rss is None else 1.1 * e_rss
    rows.append(target_row("RSS after load of (d) ≤ 1.1 × (e)",
                           f"(d) {fmt(d_rss, 0)} MB, (e) {fmt(e_rss, 0)} MB: {fmt(div(d_rss, e_rss), 2)} × (e), "
                           f"limit {fmt(limit, 0)} MB; after GC: (d) {fmt(d.get('rss_mb'), 0)} MB, "
                           f"(e) {fmt(e.get('rss_mb'), 0)} MB: {fmt(div(d.get('rss_mb'), e.get('rss_mb')), 2)} × (e)",
                           d_rss, limit, "MB", 0))
    c_b = sub(c.get("cpu_us_per_request"), b.get("cpu_us_per_request"))
    rows.append(target_row("CPU µs/req: (c) − (b) ≤ +5",
                           f"(c) {fmt(c.get('cpu_us_per_request'))} − (b) {fmt(b.get('cpu_us_per_request'))} = "
                           f"{fmt(c_b, sign=True)} µs", c_b, 5.0, "µs"))
    limit = None if b.get("rps") is None else 0.9 * b["rps"]
    rows.append(target_row("req/s of (c) ≥ 0.9 × (b)",
                           f"(c) {fmt(c.get('rps'), 0)}, (b) {fmt(b.get('rps'), 0)}: {fmt(div(c.get('rps'), b.get('rps')), 2)} × (b); "
                           f"limit {fmt(limit, 0)}", c.get("rps"), limit, "req/s", 0, at_least=True))
    limit = None if b.get("p99_ms") is None else 1.2 * b["p99_ms"]
    rows.append(target_row("p99 of (c) ≤ 1.2 × (b)",
                           f"(c) {fmt(c.get('p99_ms'), 2)} ms, (b) {fmt(b.get('p99_ms'), 2)} ms: "
                           f"{fmt(div(c.get('p99_ms'), b.get('p99_ms')), 2)} × (b); limit {fmt(limit, 2)} ms",
                           c.get("p99_ms"), limit, "ms", 2))
    return rows


def tracing_side_by_side(m):
    e, d, b = m["e"], m["d"], m.get("b", {})
    lines = ["| | (e) Boot's tracing, 1.0 | (d) the starter, 1.0 | (d) − (e) | (d) / (e) |",
             "| --- | --- | --- | --- | --- |"]
    for label, ev, dv, digits in [
            ("CPU µs/req over (b)", sub(e.get("cpu_us_per_request"), b.get("cpu_us_per_request")),
             sub(d.get("cpu_us_per_request"), b.get("cpu_us_per_request")), 1),
            ("req/s", e.get("rps"), d.get("rps"), 0),
            ("p99 ms", e.get("p99_ms"), d.get("p99_ms"), 2),
            ("RSS MB after load", e.get("rss_load_mb"), d.get("rss_load_mb"), 0),
            ("RSS MB after GC", e.get("rss_mb"), d.get("rss_mb"), 0),
            ("alloc B/req", e.get("alloc_bytes_per_request"), d.get("alloc_bytes_per_request"), 0),
            ("spans/req", e.get("spans_per_request"), d.get("spans_per_request"), 3),
            ("startup s (log)", per_second(e.get("startup_log_ms")), per_second(d.get("startup_log_ms")), 2),
            ("startup ms (HTTP)", e.get("startup_ms"), d.get("startup_ms"), 0)]:
        lines.append(f"| {label} | {fmt(ev, digits)} | {fmt(dv, digits)} | {fmt(sub(dv, ev), digits, sign=True)} | "
                     f"{fmt(div(dv, ev), 2)} |")
    return lines


def report(rows, variants, settings):
    s = settings
    m = {key: {f: median(rows, key, f) for f in FIELDS} for key in variants}
    lines = [f"Machine: {s.get('cpus', os.cpu_count())} cores; wrk -t{s['threads']} -c{s['connections']}, "
             f"{s['measure']}s measured after a pre-warm of at least {s['min_warmup']}s until two {s['window']}s windows "
             f"in a row move < {s['settle'] * 100:.0f} % (max {s['max_warmup']}s); {s['rounds']} interleaved rounds; "
             + (f"traced variants then paced at about {s['rate']:.0f} req/s offered (-c{s['rate_connections']}) for "
                f"{s['measure']}s; " if s.get("rate") else "")
             + "medians.", load_range(rows),
             "Startup (log): the JVM's age when the app logged `Started` (\"process running for\"); startup (HTTP): "
             "until the first 200 from the app. RSS after load: right after the measured window; after GC: after "
             "`jcmd GC.run`. alloc B/req: `jvm_gc_memory_allocated_bytes_total` plus eden's "
             "`jvm_memory_used_bytes` over the measured window, divided by requests, for variants with "
             "/actuator/prometheus.", "",
             "| variant | req/s | p50 ms | p99 ms | CPU µs/req | alloc B/req | startup s (log) | startup ms (HTTP) | "
             "RSS MB after load | RSS MB after GC | heap MB | classes | threads | spans/req | scrape ms |",
             "| --- |" + " --- |" * 14]
    for key in variants:
        v = m[key]
        lines.append(f"| ({key}) {VARIANTS[key]['label']} | {fmt(v['rps'], 0)} | {fmt(v['p50_ms'], 2)} | "
                     f"{fmt(v['p99_ms'], 2)} | {fmt(v['cpu_us_per_request'])} | {fmt(v['alloc_bytes_per_request'], 0)} | "
                     f"{fmt(per_second(v['startup_log_ms']), 2)} | {fmt(v['startup_ms'], 0)} | "
                     f"{fmt(v['rss_load_mb'], 0)} | {fmt(v['rss_mb'], 0)} | {fmt(v['heap_mb'], 0)} | "
                     f"{fmt(v['classes'], 0)} | {fmt(v['threads'], 0)} | {fmt(v['spans_per_request'], 3)} | "
                     f"{fmt(v['scrape_ms'], 2)} |")
    for base in ("a", "b"):
        if base not in variants:
            continue
        lines += ["", f"Ratios against ({base}):", "",
                  "| variant | extra CPU µs/req | req/s ratio | startup (log) ratio | startup (HTTP) ratio | "
                  "RSS after load ratio | RSS after GC ratio |", "| --- |" + " --- |" * 6]
        o = m[base]
        for key in variants:
            v = m[key]
            lines.append(f"| ({key}) | {fmt(sub(v['cpu_us_per_request'], o['cpu_us_per_request']))} | "
                         f"{fmt(div(v['rps'], o['rps']), 2)} | {fmt(div(v['startup_log_ms'], o['startup_log_ms']), 2)} | "
                         f"{fmt(div(v['startup_ms'], o['startup_ms']), 2)} | "
                         f"{fmt(div(v['rss_load_mb'], o['rss_load_mb']), 2)} | {fmt(div(v['rss_mb'], o['rss_mb']), 2)} |")
    if "d" in variants and "e" in variants:
        lines += ["", "(e) Boot's tracing vs (d) the starter at ratio 1.0:", ""] + tracing_side_by_side(m)
    lines += ["", "Targets of issue 16, from the medians above:", ""] + targets(m)
    rounds = sorted({r["round"] for r in rows})
    lines += ["", "Per round (CPU µs/req, req/s, spans/req; 1-minute load average before → after the measured "
              "window, and the cores other processes used during it; with --rate, spans/req at the paced rate):", "",
              "| variant | " + " | ".join(f"round {n}" for n in rounds) + " |",
              "| --- |" + " --- |" * len(rounds)]
    for key in variants:
        cells = []
        for n in rounds:
            row = next((r for r in rows if r["variant"] == key and r["round"] == n), None)
            cells.append("-" if row is None else
                         f"{row['cpu_us_per_request']:.1f} µs, {row['rps']:.0f}/s"
                         + (f", {row['spans_per_request']:.3f}" if row.get("spans_per_request") is not None else "")
                         + (f"; load {row['load1_before']:.2f} → {row['load1_after']:.2f}"
                            if row.get("load1_before") is not None else "")
                         + (f", others {row['other_cpu_cores']:.2f} cores"
                            if row.get("other_cpu_cores") is not None else "")
                         + (f"; paced {row['paced_rps']:.0f}/s: {row['paced_spans_per_request']:.3f}"
                            if row.get("paced_spans_per_request") is not None else ""))
        lines.append(f"| ({key}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def estimate_s(args, variants):
    """Seconds the run should take: (shortest, longest) for warm-ups that settle at --min-warmup or run
    to --max-warmup."""
    windows_max = max(args.max_warmup // args.window, 1)
    windows_min = min(max(-(-args.min_warmup // args.window), 3), windows_max)
    total = [0, 0]
    for key in variants:
        traced = VARIANTS[key].get("otlp")
        fixed = OVERHEAD_S["start"] + args.measure + OVERHEAD_S["traced" if traced else "untraced"]
        if args.rate and traced:
            fixed += args.measure + 4
        total[0] += fixed + windows_min * args.window
        total[1] += fixed + windows_max * args.window
    return total[0] * args.rounds, total[1] * args.rounds


# The run's settings the report's header names; written to run.json beside rows.json.
SETTINGS = ["variants", "rounds", "measure", "window", "settle", "min_warmup", "max_warmup", "threads", "connections",
            "rate", "rate_connections", "heap"]


def main():
    global RESULTS
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--variants", default="a,b,c,c-notail,d,e,f")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--measure", type=int, default=20, help="seconds of measured load")
    parser.add_argument("--window", type=int, default=10, help="seconds of one pre-warm window")
    parser.add_argument("--settle", type=float, default=0.08, help="pre-warm ends below this movement")
    parser.add_argument("--min-warmup", type=int, default=40, help="seconds of pre-warm at the least")
    parser.add_argument("--max-warmup", type=int, default=70, help="seconds of pre-warm at the most")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rate", type=float, help="also measure spans per request at about this many req/s")
    parser.add_argument("--rate-connections", type=int, default=64)
    parser.add_argument("--heap", default="512m")
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--receiver-port", type=int, default=14318)
    parser.add_argument("--agent-jar")
    parser.add_argument("--jar-dir", default=APP, help="where the load-app-*.jar files are")
    parser.add_argument("--receiver-jar", default=RECEIVER_JAR)
    parser.add_argument("--report-only", metavar="ROWS_JSON",
                        help="only print the tables of an earlier run's rows.json (with the settings of the run.json "
                             "beside it if there is one, else the command line's)")
    parser.add_argument("--results", default=os.path.join(HERE, "results"))
    args = parser.parse_args()
    variants = args.variants.split(",")
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        parser.error(f"unknown variants {unknown}; known: {','.join(VARIANTS)}")
    settings = {k: getattr(args, k) for k in SETTINGS}
    if args.report_only:
        rows = json.load(open(args.report_only))
        # rows.json's settings are in run.json beside it; paced-rows.json's in paced-run.json.
        run_json = os.path.join(os.path.dirname(os.path.abspath(args.report_only)),
                                os.path.basename(args.report_only).replace("rows", "run"))
        if os.path.exists(run_json):
            settings.update(json.load(open(run_json)))
        print(report(rows, [v for v in variants if any(r["variant"] == v for r in rows)], settings))
        return 0
    if not args.agent_jar and "f" in variants:
        parser.error("--agent-jar is required for variant f")
    shortest, longest = estimate_s(args, variants)
    # In the 7 x 3 run of November 2026 warm-ups went on average 70 % of the way from the least to the most.
    typical = shortest + 0.7 * (longest - shortest)
    digits = 0 if longest >= 600 else 1
    log(f"{len(variants)} variants x {args.rounds} rounds: about {typical / 60:.{digits}f} min "
        f"({shortest / 60:.{digits}f} if every warm-up settles at --min-warmup {args.min_warmup}s, "
        f"{longest / 60:.{digits}f} if all run to --max-warmup {args.max_warmup}s)")
    RESULTS = os.path.join(args.results, time.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(RESULTS, exist_ok=True)
    settings["cpus"] = os.cpu_count()
    with open(os.path.join(RESULTS, "run.json"), "w") as f:
        json.dump(settings, f, indent=1)
    run_start = time.monotonic()
    receiver = subprocess.Popen(["java", "-Xmx128m", "-jar", args.receiver_jar, str(args.receiver_port)],
                                stdout=open(os.path.join(RESULTS, "receiver.log"), "w"), stderr=subprocess.STDOUT,
                                start_new_session=True)
    args.receiver_pid = receiver.pid
    rows = []
    try:
        deadline = time.monotonic() + 30
        while receiver_count(args.receiver_port) == 0 and time.monotonic() < deadline:
            try:
                http_get(f"http://127.0.0.1:{args.receiver_port}/count", timeout=1.0)
                break
            except OSError:
                time.sleep(0.2)
        for round_no in range(1, args.rounds + 1):
            # Interleave, and rotate the order each round so no variant always runs first.
            shift = (round_no - 1) % len(variants)
            for key in variants[shift:] + variants[:shift]:
                rows.append(measure(key, VARIANTS[key], args, args.port, round_no))
                with open(os.path.join(RESULTS, "rows.json"), "w") as f:
                    json.dump(rows, f, indent=1)
    finally:
        receiver.send_signal(signal.SIGTERM)
        receiver.wait(timeout=10)
    text = report(rows, variants, settings)
    with open(os.path.join(RESULTS, "summary.md"), "w") as f:
        f.write(text + "\n")
    print(text)
    log(f"results in {RESULTS}; took {(time.monotonic() - run_start) / 60:.1f} min")


if __name__ == "__main__":
    sys.exit(main())
