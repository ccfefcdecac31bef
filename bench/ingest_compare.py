"""Ingest side by side: two (or more) packaged builds of the service taken in turn, each on a fresh
database, under the same load from IngestLoad (src/bench/java/io/trucewatch/bench), so that the
figures of a change and of what it replaced come from one run on the same noisy machine.

    mvn -Pbench -DskipTests package        # builds the jar and compiles IngestLoad into target/test-classes
    python3 bench/ingest_compare.py --jar before=/tmp/before/target/quarkus-app/quarkus-run.jar \
        --jar after=target/quarkus-app/quarkus-run.jar --rounds 3 [--rate 200] [--java-opts "-Xmx256m"]

Each round, for each jar: start it, warm up (8 s at saturation), measure saturation (12 s,
16 connections), optionally a fixed rate, read the peak RSS (VmHWM), stop it. Prints each run and
the medians per jar. With --raw B (repeatable), each run's database file then gets the raw JDBC
limit: the rows of its newest report inserted again, B reports per commit (IngestLoad jdbc).
"""
import argparse, base64, glob, http.client, os, re, shutil, statistics, subprocess, tempfile, time

AUTH = "Basic " + base64.b64encode(b"mona:mona-dev-password").decode()
PORT = 8097


def start(jar, work, java_opts, url_options=None):
    """The service's own H2 options on a file in work; url_options replaces them (an experiment).
    {work} in a JVM option is replaced by work (an older build that knows no trucewatch.h2.file)."""
    database = (f"-Dquarkus.datasource.jdbc.url=jdbc:h2:file:{work}/data/trucewatch{url_options}" if url_options is not None
                else f"-Dtrucewatch.h2.file={work}/data/trucewatch")
    return subprocess.Popen(["java", *java_opts.replace("{work}", work).split(), f"-Dquarkus.http.port={PORT}",
                             "-Dquarkus.http.host=127.0.0.1", database,
                             "-Dtrucewatch.rules.watch=false", "-jar", jar],
                            stdout=open(f"{work}/service.log", "w"), stderr=subprocess.STDOUT)


def ready(port=PORT, tries=600):
    for _ in range(tries):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/me", headers={"Authorization": AUTH})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"service on port {port} did not start")


def port_taken():
    # A service left over on the port would take the load and make the figures someone else's.
    try:
        http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/")
    except OSError:
        return
    raise SystemExit(f"something already listens on port {PORT}: stop it first")


def load(*args, classpath="target/test-classes"):
    out = subprocess.run(["java", "-cp", classpath, "io.trucewatch.bench.IngestLoad", *args],
                         capture_output=True, text=True, check=True).stdout.strip()
    return out


def numbers(line):
    rate = re.search(r"\(([\d.]+) reports/s\)", line)
    accepted = re.search(r": (\d+) accepted in ([\d.]+) s", line)
    pct = dict(re.findall(r"(p\d+) ([\d.]+) ms", line))
    result = {k: float(v) for k, v in pct.items()}
    if rate:
        result["per_s"] = float(rate.group(1))
    elif accepted:
        result["per_s"] = int(accepted.group(1)) / float(accepted.group(2))
    raw = re.search(r"([\d.]+) reports/s$", line)
    if raw and "raw JDBC" in line:
        return {"per_s": float(raw.group(1))}
    result["errors"] = int(re.search(r"(\d+) errors", line).group(1))
    return result


def peak_rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) // 1024


def parse_builds(specs):
    """--jar name=path, or name=path|JVM options (one build under two sets of options compares like
    two builds): {name: (path, options)} in the order given."""
    builds = {}
    for spec in specs:
        name, _, rest = spec.partition("=")
        path, _, options = rest.partition("|")
        builds[name] = (path, options)
    return builds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", action="append", required=True, help="name=path or name=path|JVM options")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=12)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rate", type=int, default=0, help="also a fixed rate (reports/s), after saturation")
    parser.add_argument("--java-opts", default="")
    parser.add_argument("--raw", type=int, action="append", help="after each run, the raw JDBC limit on its file "
                        "with this many reports per commit (repeatable)")
    parser.add_argument("--raw-reports", type=int, default=3000)
    args = parser.parse_args()
    builds = parse_builds(args.jar)
    jars = {name: path for name, (path, _) in builds.items()}
    opts = {name: options for name, (_, options) in builds.items()}
    results = {name: [] for name in jars}
    for round_ in range(args.rounds):
        for name, jar in jars.items():
            work = tempfile.mkdtemp(prefix="trucewatch-ingest-")
            port_taken()
            process = start(jar, work, (args.java_opts + " " + opts[name]).strip())
            try:
                ready()
                if process.poll() is not None:
                    raise SystemExit(f"{name} exited at start: see {work}/service.log")
                load("saturate", f"http://127.0.0.1:{PORT}", "8", str(args.connections))
                run = {"saturate": numbers(load("saturate", f"http://127.0.0.1:{PORT}", str(args.seconds),
                                                str(args.connections)))}
                if args.rate:
                    run["rate"] = numbers(load("rate", f"http://127.0.0.1:{PORT}", "10", str(args.rate)))
                run["peak_rss_mb"] = peak_rss_mb(process.pid)
                run["db_mb"] = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(work) for f in fs
                                   if f.endswith(".db")) // (1024 * 1024)
                results[name].append(run)
                print(f"round {round_ + 1} {name}: {run}", flush=True)
            finally:
                process.terminate()
                process.wait(timeout=30)
            if args.raw:
                # The persistence limit, on this run's own file: the rows of its newest report again.
                h2 = next(glob.glob(os.path.join(os.path.dirname(jar), "lib/main/com.h2database.h2-*.jar")).__iter__())
                for batch in args.raw:
                    run[f"raw_{batch}"] = numbers(load("jdbc", f"{work}/data/trucewatch", str(args.raw_reports), str(batch),
                                                       classpath=f"target/test-classes:{h2}"))["per_s"]
                print(f"round {round_ + 1} {name} raw JDBC: " + ", ".join(f"{b} per commit {run[f'raw_{b}']:.0f}/s"
                                                                        for b in args.raw), flush=True)
            shutil.rmtree(work, ignore_errors=True)
    print("\nmedians:")
    for name, runs in results.items():
        sat = [r["saturate"] for r in runs]
        line = (f"  {name}: saturation {statistics.median(r['per_s'] for r in sat):.0f} reports/s, "
                f"p50 {statistics.median(r['p50'] for r in sat):.1f} ms, p99 {statistics.median(r['p99'] for r in sat):.1f} ms; "
                f"peak RSS {statistics.median(r['peak_rss_mb'] for r in runs)} MB; database {statistics.median(r['db_mb'] for r in runs)} MB")
        for batch in args.raw or []:
            raw = statistics.median(r[f"raw_{batch}"] for r in runs)
            line += (f"; raw JDBC {batch} per commit {raw:.0f}/s (service = "
                     f"{statistics.median(r['saturate']['per_s'] for r in runs) / raw:.2f}x)")
        if args.rate:
            rate = [r["rate"] for r in runs]
            line += (f"; fixed {args.rate}/s: {statistics.median(r['per_s'] for r in rate):.0f}/s p50 "
                     f"{statistics.median(r['p50'] for r in rate):.1f} ms p99 {statistics.median(r['p99'] for r in rate):.1f} ms")
        print(line)


if __name__ == "__main__":
    main()
