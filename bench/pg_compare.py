"""Ingest on PostgreSQL, builds side by side in one run: each round starts each build in turn on the
emptied test database, warms it up at saturation, then measures saturation (reports/s, latency) and
the service's CPU per report (from /proc, over the measured seconds only). Medians per build and
their ratio to the first build.

    bash .ci/start-postgresql && mvn -Pbench -DskipTests package
    cp -r target/postgresql /tmp/now-pg     # and another build's target/postgresql as /tmp/before-pg
    python3 bench/pg_compare.py --jar before=/tmp/before-pg/quarkus-run.jar --jar now=/tmp/now-pg/quarkus-run.jar \
        [--rounds 3] [--warmup 30] [--seconds 20]

A build may carry JVM options after '|' (name=path|-Dtrucewatch.patterns.enabled=false): one jar under
two settings compares like two builds. The warm-up is long on purpose: a PostgreSQL jar on this
machine is still compiling hot code for the first 20-30 s at saturation.
"""
import argparse, statistics, subprocess, tempfile

from ingest_compare import load, numbers, parse_builds, ready
from postgresql import URL, psql

PORT = 8095


def start(jar, options, work):
    return subprocess.Popen(["java", *options.split(), f"-Dquarkus.http.port={PORT}", "-Dquarkus.http.host=127.0.0.1",
                             f"-Dquarkus.datasource.jdbc.url={URL}", "-Dtrucewatch.rules.watch=false",
                             f"-Dtrucewatch.audit.checkpoint-key={work}/checkpoint-key", "-jar", jar],
                            stdout=open(f"{work}/service.log", "w"), stderr=subprocess.STDOUT)


def cpu_ms(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 10  # utime + stime, in clock ticks of 10 ms


def run(jar, options, warmup, seconds, connections):
    psql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    work = tempfile.mkdtemp(prefix="pg-compare-")
    service = start(jar, options, work)
    try:
        ready(PORT, tries=900)
        load("saturate", f"http://127.0.0.1:{PORT}", str(warmup), str(connections))
        before = cpu_ms(service.pid)
        result = numbers(load("saturate", f"http://127.0.0.1:{PORT}", str(seconds), str(connections)))
        result["cpu_ms_per_report"] = (cpu_ms(service.pid) - before) / max(1, result["per_s"] * seconds)
        return result
    finally:
        service.terminate()
        service.wait(60)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", action="append", required=True, help="name=path or name=path|JVM options")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    builds = parse_builds(args.jar)
    results = {name: [] for name in builds}
    for r in range(args.rounds):
        for name, (path, options) in builds.items():
            result = run(path, options, args.warmup, args.seconds, args.connections)
            results[name].append(result)
            print(f"round {r + 1} {name}: {result['per_s']:.0f} reports/s, p50 {result['p50']:.0f} ms, "
                  f"p99 {result['p99']:.0f} ms, {result['cpu_ms_per_report']:.1f} ms service CPU per report", flush=True)
    first = None
    for name, runs in results.items():
        rate = statistics.median(r["per_s"] for r in runs)
        cpu = statistics.median(r["cpu_ms_per_report"] for r in runs)
        p99 = statistics.median(r["p99"] for r in runs)
        first = first or rate
        print(f"median {name}: {rate:.0f} reports/s ({rate / first:.2f}x the first), p99 {p99:.0f} ms, "
              f"{cpu:.1f} ms service CPU per report")


if __name__ == "__main__":
    main()
