#!/usr/bin/env python3
"""Startup of the load-benchmark app variants until the log says Started, in interleaved rounds.

Usage: startup.py JAR_DIR ROUNDS OUT.json [variant,...]
JAR_DIR holds load-app-{bare,actuator,boot-tracing}.jar (benchmarks/load/run.sh builds them) and
load-app-starter-before.jar / load-app-starter-after.jar: the starter variant built from two
commits, each installed into its own local repository
(-Dmaven.repo.local=DIR -Dmaven.repo.local.tail=$HOME/.m2/repository).
"""
import json, os, re, statistics, subprocess, sys, time
D = sys.argv[1]
JAVA = os.environ.get("JAVA", "java")
OTLP = ["--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:9/v1/traces"]
V = {
    "a-bare": ("load-app-bare.jar", []),
    "b-actuator": ("load-app-actuator.jar", ["--management.endpoints.web.exposure.include=health,prometheus"]),
    "e-boot-tracing": ("load-app-boot-tracing.jar", ["--management.endpoints.web.exposure.include=health,prometheus",
        "--management.tracing.sampling.probability=1.0", "--management.otlp.metrics.export.enabled=false"] + OTLP),
    "c-starter-before": ("load-app-starter-before.jar", ["--pyairtable.observability.service.environment=production"] + OTLP),
    "c-starter-after": ("load-app-starter-after.jar", ["--pyairtable.observability.service.environment=production"] + OTLP),
}
rounds = int(sys.argv[2]); out = sys.argv[3]
only = sys.argv[4].split(",") if len(sys.argv) > 4 else list(V)
res = {k: [] for k in only}
port = 18100
for r in range(rounds):
    order = only[r % len(only):] + only[:r % len(only)]
    for k in order:
        jar, args = V[k]; port += 1
        load = os.getloadavg()[0]
        t0 = time.monotonic()
        p = subprocess.Popen([JAVA, "-Xmx512m", "-jar", os.path.join(D, jar), f"--server.port={port}"] + args,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        wall = boot = None; lines = []
        for line in p.stdout:
            lines.append(line)
            # Text or JSON log lines (production writes JSON).
            if re.search(r"Started \w+ in", line):
                wall = time.monotonic() - t0
                m = re.search(r"process running for ([\d.]+)", line)
                boot = float(m.group(1)) if m else None
                break
        p.terminate()
        try: p.wait(30)
        except subprocess.TimeoutExpired: p.kill(); p.wait()
        if wall is None:
            print("FAILED", k, "".join(lines[-20:])); continue
        res[k].append({"wall": wall, "jvm": boot, "load": load})
        print(f"round {r} {k:18s} wall {wall:.2f}s jvm {boot}s load {load:.2f}", flush=True)
json.dump(res, open(out, "w"), indent=1)
print("\nmedians (wall s, 'process running for' s):")
for k, xs in res.items():
    if xs:
        print(f"{k:18s} n={len(xs)} wall {statistics.median(x['wall'] for x in xs):.2f} jvm {statistics.median(x['jvm'] for x in xs):.2f}")
