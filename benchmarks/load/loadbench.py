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
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
APP = os.path.join(HERE, "app", "target")
RECEIVER_JAR = os.path.join(HERE, "receiver", "target", "load-receiver.jar")
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


def wrk(port, seconds, threads, connections):
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
                          f"http://127.0.0.1:{port}{PAGE_PATH}"], capture_output=True, text=True,
                         timeout=seconds + 60).stdout
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
    def __init__(self, key, variant, port, receiver_port, agent_jar, heap):
        self.key, self.variant, self.port = key, variant, port
        cmd = ["java", f"-Xmx{heap}"]
        env = dict(os.environ)
        env.update(variant["env"])
        if variant.get("agent"):
            cmd.append(f"-javaagent:{agent_jar}")
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = f"http://127.0.0.1:{receiver_port}"
        cmd += ["-jar", os.path.join(APP, variant["jar"]), f"--server.port={port}"] + variant["args"]
        if variant.get("otlp") == "boot":
            cmd.append(f"--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:{receiver_port}/v1/traces")
        self.log_path = os.path.join(RESULTS, f"{key}-{port}.log")
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
    service = Service(key, variant, port, args.receiver_port, args.agent_jar, args.heap)
    try:
        startup = service.wait_ready()
        log(f"[{round_no}] {key} ({variant['label']}): ready in {startup:.0f} ms; pre-warming")
        previous, warm_start, calm = None, time.monotonic(), 0
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
            if (calm >= 2 and elapsed >= args.min_warmup) or elapsed >= args.max_warmup:
                break
            previous = window
        spans_before = settle_receiver(args.receiver_port) if variant.get("otlp") else 0
        ticks_before = proc_cpu_ticks(service.process.pid)
        result = wrk(port, args.measure, args.threads, args.connections)
        ticks = proc_cpu_ticks(service.process.pid) - ticks_before
        spans = (settle_receiver(args.receiver_port) - spans_before) if variant.get("otlp") else None
        result.update({
            "variant": key, "round": round_no, "startup_ms": startup,
            "cpu_us_per_request": ticks * (1e6 / CLK_TCK) / max(result["requests"], 1),
            "spans_per_request": (spans / result["requests"]) if spans is not None else None,
            "scrape_ms": scrape_ms(port),
            "warmup_s": time.monotonic() - warm_start - args.measure,
        })
        result.update(jvm_after_full_gc(service.process.pid))
        log(f"[{round_no}] {key}: {result['rps']:.0f} req/s, {result['cpu_us_per_request']:.1f} us CPU/req, "
            f"p99 {result.get('p99_ms', 0):.2f} ms, RSS {result['rss_mb']:.0f} MB")
        return result
    finally:
        service.stop()


def median(rows, key, field):
    values = [r[field] for r in rows if r["variant"] == key and r.get(field) is not None]
    return statistics.median(values) if values else None


def report(rows, variants, args):
    fields = ["rps", "p50_ms", "p99_ms", "cpu_us_per_request", "startup_ms", "rss_mb", "heap_mb", "classes",
              "threads", "spans_per_request", "scrape_ms"]
    lines = [f"Machine: {os.cpu_count()} cores; wrk -t{args.threads} -c{args.connections}, "
             f"{args.measure}s measured after a pre-warm of at least {args.min_warmup}s until two {args.window}s windows "
             f"in a row move < {args.settle * 100:.0f} % (max {args.max_warmup}s); {args.rounds} interleaved rounds; "
             "medians.", "",
             "| variant | req/s | p50 ms | p99 ms | CPU µs/req | startup ms | RSS MB (after GC) | heap MB | classes | threads | spans/req | scrape ms |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]

    def fmt(value, digits=1):
        return "-" if value is None else f"{value:.{digits}f}"

    for key in variants:
        m = {f: median(rows, key, f) for f in fields}
        lines.append(f"| ({key}) {VARIANTS[key]['label']} | {fmt(m['rps'], 0)} | {fmt(m['p50_ms'], 2)} | "
                     f"{fmt(m['p99_ms'], 2)} | {fmt(m['cpu_us_per_request'])} | {fmt(m['startup_ms'], 0)} | "
                     f"{fmt(m['rss_mb'], 0)} | {fmt(m['heap_mb'], 0)} | {fmt(m['classes'], 0)} | "
                     f"{fmt(m['threads'], 0)} | {fmt(m['spans_per_request'], 3)} | {fmt(m['scrape_ms'], 2)} |")
    for base in ("a", "b"):
        if base not in variants:
            continue
        lines += ["", f"Ratios against ({base}):", "",
                  "| variant | extra CPU µs/req | req/s ratio | startup ratio | RSS ratio |", "| --- | --- | --- | --- | --- |"]
        b = {f: median(rows, base, f) for f in fields}
        for key in variants:
            m = {f: median(rows, key, f) for f in fields}
            lines.append(f"| ({key}) | {fmt(m['cpu_us_per_request'] - b['cpu_us_per_request'])} | "
                         f"{fmt(m['rps'] / b['rps'], 2)} | {fmt(m['startup_ms'] / b['startup_ms'], 2)} | "
                         f"{fmt(m['rss_mb'] / b['rss_mb'], 2)} |")
    rounds = sorted({r["round"] for r in rows})
    lines += ["", "Per round (CPU µs/req, req/s, spans/req):", "",
              "| variant | " + " | ".join(f"round {n}" for n in rounds) + " |",
              "| --- |" + " --- |" * len(rounds)]
    for key in variants:
        cells = []
        for n in rounds:
            row = next((r for r in rows if r["variant"] == key and r["round"] == n), None)
            cells.append("-" if row is None else
                         f"{row['cpu_us_per_request']:.1f} µs, {row['rps']:.0f}/s"
                         + (f", {row['spans_per_request']:.3f}" if row.get("spans_per_request") is not None else ""))
        lines.append(f"| ({key}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    global RESULTS
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--variants", default="a,b,c,c-notail,d,e,f")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--measure", type=int, default=30, help="seconds of measured load")
    parser.add_argument("--window", type=int, default=10, help="seconds of one pre-warm window")
    parser.add_argument("--settle", type=float, default=0.08, help="pre-warm ends below this movement")
    parser.add_argument("--min-warmup", type=int, default=60, help="seconds of pre-warm at the least")
    parser.add_argument("--max-warmup", type=int, default=300)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--heap", default="512m")
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--receiver-port", type=int, default=14318)
    parser.add_argument("--agent-jar")
    parser.add_argument("--report-only", metavar="ROWS_JSON", help="only print the tables of an earlier run's rows.json")
    parser.add_argument("--results", default=os.path.join(HERE, "results"))
    args = parser.parse_args()
    variants = args.variants.split(",")
    if args.report_only:
        rows = json.load(open(args.report_only))
        print(report(rows, [v for v in variants if any(r["variant"] == v for r in rows)], args))
        return 0
    if not args.agent_jar:
        parser.error("--agent-jar is required")
    RESULTS = os.path.join(args.results, time.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(RESULTS, exist_ok=True)
    receiver = subprocess.Popen(["java", "-Xmx128m", "-jar", RECEIVER_JAR, str(args.receiver_port)],
                                stdout=open(os.path.join(RESULTS, "receiver.log"), "w"), stderr=subprocess.STDOUT,
                                start_new_session=True)
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
    text = report(rows, variants, args)
    with open(os.path.join(RESULTS, "summary.md"), "w") as f:
        f.write(text + "\n")
    print(text)
    log(f"results in {RESULTS}")


if __name__ == "__main__":
    sys.exit(main())
