"""Patterns over time under load: heap after a full GC, the pattern follower's lag and the patterns
found, sampled while the service takes reports at saturation, with the follower on and off side by
side (issue 16: "memory flat over 100 000 reports"; the ingest figure itself comes from
ingest_compare.py with the same two settings, see the README).

    mvn -Pbench -DskipTests package
    python3 bench/patterns.py --jar target/quarkus-app/quarkus-run.jar --chunks 8 --chunk-seconds 60

For each setting (on: -Dtrucewatch.patterns.enabled=true; off: the default), on a fresh H2 file: load
at saturation (IngestLoad, 16 connections) for --chunk-seconds, then read the reports stored, run
the follower's lag in outbox events, wait until it has caught up (at least 6 s: a round runs every
5 s), run a full GC (jcmd GC.run) and read the heap in use (jcmd GC.heap_info), and the number of
patterns (GET /api/patterns?status=ALL); repeat --chunks times. The
reports are bench/reports.py's: Syria 2016 and Donbas 2015, dates spread over the year, so late
reports reopen old windows all the time (the worst case for re-finding, not the usual one).
"""
import argparse, base64, http.client, json, re, shutil, subprocess, tempfile, time

from ingest_compare import PORT, load, port_taken, ready, start

ADMIN = "Basic " + base64.b64encode(b"ada:ada-dev-password").decode()
AUDITOR = "Basic " + base64.b64encode(b"audrey:audrey-dev-password").decode()


def get(path, auth, accept="application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    conn.request("GET", path, headers={"Authorization": auth, "Accept": accept})
    response = conn.getresponse()
    return response.read().decode()


def heap_after_gc_mb(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=True)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, check=True).stdout
    used = re.search(r"used (\d+)K", info)
    return int(used.group(1)) // 1024


def metric(name):
    text = get("/q/metrics", ADMIN, accept="text/plain")
    match = re.search(r"^" + re.escape(name) + r"(?:\{[^}]*\})? ([\d.eE+-]+)$", text, re.MULTILINE)
    return float(match.group(1)) if match else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", required=True)
    parser.add_argument("--chunks", type=int, default=8)
    parser.add_argument("--chunk-seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--java-opts", default="")
    parser.add_argument("--only", choices=["on", "off"], help="one setting only")
    args = parser.parse_args()
    settings = {"patterns on": "-Dtrucewatch.patterns.enabled=true", "patterns off": "-Dtrucewatch.patterns.enabled=false"}
    if args.only:
        settings = {f"patterns {args.only}": settings[f"patterns {args.only}"]}
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
                lag = metric("trucewatch_patterns_lag_events")
                # The heap is read once the follower has caught up: a round in progress holds its
                # periods' acts, which would be counted as if they stayed.
                waited = 0
                while name == "patterns on" and waited < 120:
                    time.sleep(1)
                    waited += 1
                    if metric("trucewatch_patterns_lag_events") == 0 and waited >= 6:
                        break
                patterns = json.loads(get("/api/patterns?status=ALL&size=1", AUDITOR))["total"]
                print(f"{name} chunk {chunk + 1}: {reports} reports, {rate.group(1) if rate else '?'} reports/s in the chunk, "
                      f"follower lag {lag} events at the chunk's end, caught up in {waited} s, "
                      f"heap after GC {heap_after_gc_mb(process.pid)} MB, {patterns} patterns", flush=True)
        finally:
            process.terminate()
            process.wait(timeout=60)
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
