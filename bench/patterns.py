"""Patterns over time under load: heap after a full GC, the pattern follower's lag and the patterns
found, sampled while the service takes reports at saturation, with the follower on and off side by
side (issue 16: "memory flat over 100 000 reports"; the ingest figure itself comes from
ingest_compare.py with the same two settings, see the README).

    mvn -Pbench -DskipTests package
    python3 bench/patterns.py --jar target/quarkus-app/quarkus-run.jar --chunks 8 --chunk-seconds 60

For each setting (patterns on; off: -Dtrucewatch.patterns.enabled=false), on a fresh H2 file: load
at saturation (IngestLoad, 16 connections) for --chunk-seconds, then read the reports stored, run
a full GC (jcmd GC.run) and read the heap in use (jcmd GC.heap_info), the follower's lag in outbox
events and the number of patterns (GET /api/patterns?status=ALL); repeat --chunks times. The
reports are bench/reports.py's: Syria 2016 and Donbas 2015, dates spread over the year, so late
reports reopen old windows all the time (the worst case for re-finding, not the usual one).
"""
import argparse, base64, http.client, json, re, shutil, subprocess, tempfile, time

from ingest_compare import PORT, load, port_taken, ready, start

ADMIN = "Basic " + base64.b64encode(b"ada:ada-dev-password").decode()
AUDITOR = "Basic " + base64.b64encode(b"audrey:audrey-dev-password").decode()


def get(path, auth):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    conn.request("GET", path, headers={"Authorization": auth, "Accept": "application/json"})
    response = conn.getresponse()
    return response.read().decode()


def heap_after_gc_mb(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=True)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, check=True).stdout
    used = re.search(r"used (\d+)K", info)
    return int(used.group(1)) // 1024


def metric(name):
    text = get("/q/metrics", ADMIN)
    match = re.search(r"^" + re.escape(name) + r"(?:\{[^}]*\})? ([\d.eE+-]+)$", text, re.MULTILINE)
    return float(match.group(1)) if match else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", required=True)
    parser.add_argument("--chunks", type=int, default=8)
    parser.add_argument("--chunk-seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--java-opts", default="")
    args = parser.parse_args()
    settings = {"patterns on": "", "patterns off": "-Dtrucewatch.patterns.enabled=false"}
    for name, opts in settings.items():
        port_taken()
        work = tempfile.mkdtemp(prefix="trucewatch-patterns-")
        process = start(args.jar, work, (args.java_opts + " " + opts).strip())
        try:
            ready()
            for chunk in range(args.chunks):
                line = load("saturate", f"http://127.0.0.1:{PORT}", str(args.chunk_seconds), str(args.connections))
                rate = re.search(r"\(([\d.]+) reports/s\)", line)
                reports = json.loads(get("/api/incidents?size=1", AUDITOR))["total"]
                patterns = json.loads(get("/api/patterns?status=ALL&size=1", AUDITOR))["total"]
                lag = metric("trucewatch_patterns_lag_events")
                print(f"{name} chunk {chunk + 1}: {reports} reports, {rate.group(1) if rate else '?'} reports/s in the chunk, "
                      f"heap after GC {heap_after_gc_mb(process.pid)} MB, follower lag {lag} events, {patterns} patterns",
                      flush=True)
        finally:
            process.terminate()
            process.wait(timeout=60)
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
