#!/usr/bin/env python3
"""Turns JMH JSON results (-rf json) into the Markdown tables of BENCHMARKS.md.

Usage: report.py after.json [before.json]
With before.json (the same benchmarks run on the code before a change), each row also shows
the before figure and the change.
"""
import json
import sys

# Benchmarks compared against a baseline measured in the same run: (baseline, candidate, label).
PAIRS = [
    ("AirtableRecordBenchmark.rawMicrometer", "AirtableRecordBenchmark.binder", "Airtable call (incl. URL parsing)"),
    ("LlmRecordBenchmark.rawMicrometer", "LlmRecordBenchmark.binder", "LLM call (incl. cost)"),
    ("SagaStepBenchmark.rawMicrometer", "SagaStepBenchmark.runner", "Saga step"),
    ("CacheGetBenchmark.undecoratedWithRawMicrometer", "CacheGetBenchmark.decorated", "Cache get through the decorator"),
    ("IdentityTagsBenchmark.rawMicrometer", "IdentityTagsBenchmark.withIdentityTags", "Counter lookup with identity tags"),
]


def load(path):
    rows = {}
    for entry in json.load(open(path)):
        name = entry["benchmark"].rsplit(".", 2)
        key = name[-2] + "." + name[-1]
        params = entry.get("params") or {}
        if params:
            key += "[" + ",".join(f"{k}={v}" for k, v in sorted(params.items())) + "]"
        primary = entry["primaryMetric"]
        alloc = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        rows[key] = {"ns": primary["score"], "err": primary["scoreError"], "unit": primary["scoreUnit"], "bytes": alloc}
    return rows


def unit(row):
    return "" if row["unit"] == "ns/op" else " " + row["unit"].replace("/op", "")


def fmt(value, digits=1):
    if value is None:
        return "-"
    if isinstance(value, float) and value != value:
        return "-"
    return f"{value:,.{digits}f}"


def main():
    after = load(sys.argv[1])
    before = load(sys.argv[2]) if len(sys.argv) > 2 else None
    print("### Record paths against raw Micrometer (same run)\n")
    print("| path | raw Micrometer ns/op | starter ns/op | ratio | raw B/op | starter B/op |")
    print("| --- | --- | --- | --- | --- | --- |")
    for base, candidate, label in PAIRS:
        if base in after and candidate in after:
            b, c = after[base], after[candidate]
            print(f"| {label} | {fmt(b['ns'])} ± {fmt(b['err'])} | {fmt(c['ns'])} ± {fmt(c['err'])} | "
                  f"{c['ns'] / b['ns']:.2f} | {fmt(b['bytes'], 0)} | {fmt(c['bytes'], 0)} |")
    print("\nTimes in ns unless a unit is given.")
    print("\n### Every benchmark\n")
    header = "| benchmark | time/op | B/op |"
    rule = "| --- | --- | --- |"
    if before:
        header = "| benchmark | before time/op | after time/op | after/before | before B/op | after B/op |"
        rule = "| --- | --- | --- | --- | --- | --- |"
    print(header)
    print(rule)
    for key in sorted(after):
        a = after[key]
        if before and key in before:
            b = before[key]
            print(f"| {key} | {fmt(b['ns'])} ± {fmt(b['err'])}{unit(b)} | {fmt(a['ns'])} ± {fmt(a['err'])}{unit(a)} | "
                  f"{a['ns'] / b['ns']:.2f} | {fmt(b['bytes'], 0)} | {fmt(a['bytes'], 0)} |")
        elif before:
            print(f"| {key} | - | {fmt(a['ns'])} ± {fmt(a['err'])}{unit(a)} | - | - | {fmt(a['bytes'], 0)} |")
        else:
            print(f"| {key} | {fmt(a['ns'])} ± {fmt(a['err'])}{unit(a)} | {fmt(a['bytes'], 0)} |")


if __name__ == "__main__":
    main()
