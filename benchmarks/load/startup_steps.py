#!/usr/bin/env python3
"""Where the startup goes: the load app's startup steps, per variant, in interleaved rounds.

Usage: startup_steps.py JAR_DIR ROUNDS OUT_DIR [variant,...]   (default: e-boot-tracing,c-starter)
JAR_DIR holds load-app-boot-tracing.jar and load-app-starter.jar (startup.py's docstring says how
the starter jar is built from a checkout). Each run starts the jar with -Dstartup.steps (Spring's
BufferingApplicationStartup, see LoadApplication) and -Xlog:class+load to a file; the app writes its
steps once started and exits. Printed: the JVM uptime and classes loaded at "Started", the steps'
self time (a step's duration minus its children's) by step name, bean self time split between the
starter's beans (declared in com.pyairtable.observability) and the others, the 10 costliest beans,
and the class-loading difference by package. Medians over the rounds.
"""
import collections, json, os, re, statistics, subprocess, sys
D, rounds, OUT = sys.argv[1], int(sys.argv[2]), sys.argv[3]
JAVA = os.environ.get("JAVA", "java")
OTLP = ["--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:9/v1/traces"]
V = {
    "e-boot-tracing": ("load-app-boot-tracing.jar", ["--management.endpoints.web.exposure.include=health,prometheus",
        "--management.tracing.sampling.probability=1.0", "--management.otlp.metrics.export.enabled=false"] + OTLP),
    "c-starter": ("load-app-starter.jar", ["--pyairtable.observability.service.environment=production"] + OTLP),
}
only = sys.argv[4].split(",") if len(sys.argv) > 4 else list(V)
os.makedirs(OUT, exist_ok=True)
OURS = "com.pyairtable.observability."
APP = "com.pyairtable.observability.benchmarks."

def ours(name):
    return name.startswith(OURS) and not name.startswith(APP)

def run(k, r, port):
    jar, args = V[k]
    base = os.path.join(OUT, f"{k}-{r}")
    cmd = [JAVA, "-Xmx512m", "-Dstartup.steps=100000", f"-Dstartup.steps.file={base}.tsv",
           f"-Xlog:class+load=info:file={base}.classes", "-jar", os.path.join(D, jar), f"--server.port={port}"] + args
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
    m = re.search(r"Started \w+ in ([\d.]+) seconds", p.stdout)
    if p.returncode != 0 or not m:
        print("FAILED", k, p.stdout[-3000:]); return None
    return base, float(m.group(1))

def analyse(base, started):
    lines = open(base + ".tsv").read().splitlines()
    head = lines[0].split("\t")
    steps = {}
    for l in lines[1:]:
        sid, pid, name, ns, tags, origin = l.split("\t")
        tags = dict(t.split("=", 1) for t in tags.split(";") if "=" in t)
        steps[sid] = dict(pid=pid, name=name, ns=int(ns), tags=tags, origin=origin)
    child = collections.Counter()
    for s in steps.values():
        if s["pid"] in steps: child[s["pid"]] += s["ns"]
    by_name, beans, starter_beans = collections.Counter(), collections.Counter(), collections.Counter()
    split = collections.Counter()
    for sid, s in steps.items():
        self_ms = (s["ns"] - child[sid]) / 1e6
        by_name[s["name"]] += self_ms
        if s["name"] == "spring.beans.instantiate":
            bean = s["tags"].get("beanName", "?")
            key = bean if bean == s["origin"] or not s["origin"] else f"{bean} ({s['origin'].rsplit('.', 1)[-1]})"
            beans[key] += self_ms
            mine = ours(s["origin"]) or ours(bean)
            split["starter beans" if mine else "other beans"] += self_ms
            if mine: starter_beans[key] += self_ms
        elif any(ours(v) for v in s["tags"].values()):
            split["starter, other steps"] += self_ms
    top = sum(s["ns"] for s in steps.values() if s["pid"] not in steps) / 1e6
    pk = collections.Counter()
    for l in open(base + ".classes"):
        m = re.search(r"\] (\S+) source", l)
        if m:
            n = m.group(1).split(".")
            pk[".".join(n[:3]) if n[0] in ("com", "org", "io") else ".".join(n[:2])] += 1
    return dict(started_s=started, uptime_ms=int(head[1]), classes=int(head[3]), steps_top_level_ms=top,
                by_name=by_name, beans=beans, starter_beans=starter_beans, split=split, packages=pk)

res = {k: [] for k in only}
port = 18300
for r in range(rounds):
    for k in only[r % len(only):] + only[:r % len(only)]:
        port += 1
        out = run(k, r, port)
        if out:
            a = analyse(*out); res[k].append(a)
            print(f"round {r} {k:15s} started {a['started_s']:.2f}s uptime {a['uptime_ms']}ms classes {a['classes']} "
                  f"starter beans {a['split']['starter beans']:.0f}ms other beans {a['split']['other beans']:.0f}ms "
                  f"load {os.getloadavg()[0]:.2f}", flush=True)

med = lambda xs: statistics.median(xs) if xs else 0.0
def medc(k, field, key): return med([a[field].get(key, 0.0) for a in res[k]])
summary = {}
for k, xs in res.items():
    if not xs: continue
    s = summary[k] = {f: med([a[f] for a in xs]) for f in ("started_s", "uptime_ms", "classes", "steps_top_level_ms")}
    for f in ("split", "by_name", "beans", "starter_beans"):
        keys = set().union(*(a[f] for a in xs))
        s[f] = dict(sorted(((n, round(medc(k, f, n), 1)) for n in keys), key=lambda t: -t[1]))
    s["beans_top10"] = dict(list(s["beans"].items())[:10])
    print(f"\n== {k} (n={len(xs)}) started {s['started_s']:.2f}s uptime {s['uptime_ms']}ms classes {s['classes']}")
    print("  split:", s["split"])
    print("  self time by step name (ms):", dict(list(s["by_name"].items())[:10]))
    print("  10 costliest beans (self ms):")
    for n, v in s["beans_top10"].items(): print(f"    {v:7.1f}  {n}")
    if s["starter_beans"]:
        print(f"  the starter's beans: {len(s['starter_beans'])}, the 10 costliest (self ms):")
        for n, v in list(s["starter_beans"].items())[:10]: print(f"    {v:7.1f}  {n}")
if len(summary) == 2:
    a, b = only
    print(f"\nratio {b}/{a}: started {summary[b]['started_s']/summary[a]['started_s']:.2f}, "
          f"classes +{summary[b]['classes']-summary[a]['classes']:.0f}")
    pa = collections.Counter({n: med([x["packages"].get(n, 0) for x in res[a]]) for n in set().union(*(x["packages"] for x in res[a]))})
    pb = collections.Counter({n: med([x["packages"].get(n, 0) for x in res[b]]) for n in set().union(*(x["packages"] for x in res[b]))})
    diff = {n: pb.get(n, 0) - pa.get(n, 0) for n in set(pa) | set(pb)}
    summary["class_diff_by_package"] = dict(sorted(((n, d) for n, d in diff.items() if d), key=lambda t: -abs(t[1]))[:25])
    print("  classes by package, difference:", summary["class_diff_by_package"])
json.dump(summary, open(os.path.join(OUT, "summary.json"), "w"), indent=1)
