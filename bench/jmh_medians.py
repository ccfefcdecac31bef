"""Medians of JMH iterations (JSON results, -rf json) and each benchmark's ratio to the others.

    python3 bench/jmh_medians.py target/jmh-engine.json
"""
import json, statistics, sys

results = json.load(open(sys.argv[1]))
medians = {}
for r in results:
    name = r["benchmark"].rsplit(".", 1)[1]
    runs = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
    medians[name] = statistics.median(runs)
    print(f"{name:14s} median {medians[name]:>14,.0f} {r['primaryMetric']['scoreUnit']}  runs "
          + ", ".join(f"{x:,.0f}" for x in runs))
for a in medians:
    for b in medians:
        if a != b:
            print(f"{a} / {b} = {medians[a] / medians[b]:.4g}")
