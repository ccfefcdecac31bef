"""Measures the rules lifecycle against a running service: reload of the full ruleset (compile +
scenarios + swap) and a dry-run over every stored report.

    python3 bench/lifecycle.py --url http://127.0.0.1:8080 --rules /path/to/the/service/rules --reports 10000

--rules must be the rules directory the service reads (start it with -Dtrucewatch.rules-dir=... on a
copy, and -Dtrucewatch.rules.watch=false): each reload run appends a comment to a rule file there so
that there is a new version to compile. Reports are posted first (4 connections) unless the store
already holds that many. Prints the median and all runs of each measurement.
"""
import argparse, base64, http.client, json, random, statistics, threading, time, urllib.parse
from pathlib import Path

import reports as generator


def client(url):
    u = urllib.parse.urlparse(url)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=600)


def call(conn, method, path, user, body=None, ctype="application/json"):
    headers = {"Authorization": "Basic " + base64.b64encode(f"{user}:{user}-dev-password".encode()).decode()}
    if body is not None:
        headers["Content-Type"] = ctype
        body = json.dumps(body) if ctype == "application/json" else body
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def fill(url, count):
    conn = client(url)
    status, body = call(conn, "GET", "/api/incidents?size=1", "audrey")
    have = json.loads(body)["total"]
    missing = count - have
    if missing <= 0:
        return have
    rng = random.Random(2016)
    todo = [generator.report(rng, n, f"bench-{have}") for n in range(missing)]
    lock = threading.Lock()

    def worker():
        c = client(url)
        while True:
            with lock:
                if not todo:
                    return
                body = todo.pop()
            status, text = call(c, "POST", "/api/incidents", "mona", body)
            if status not in (200, 201):
                raise SystemExit(f"POST failed {status}: {text[:300]}")

    threads = [threading.Thread(target=worker) for _ in range(4)]
    start = time.time()
    [t.start() for t in threads]
    [t.join() for t in threads]
    print(f"posted {missing} reports in {time.time() - start:.1f} s")
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--rules", required=True)
    parser.add_argument("--reports", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    total = fill(args.url, args.reports)
    conn = client(args.url)
    target = Path(args.rules) / "syria-coh-2016" / "attacks.drl"
    reloads, dry_runs = [], []
    for run in range(args.runs):
        target.write_text(target.read_text() + f"\n// benchmark revision {time.time_ns()}\n")
        start = time.perf_counter()
        status, body = call(conn, "POST", "/api/rulesets/reload", "ada")
        reloads.append(time.perf_counter() - start)
        if status != 200 or not json.loads(body)["changed"]:
            raise SystemExit(f"reload failed: {status} {body[:300]}")
        status, body = call(conn, "GET", "/api/rulesets?size=1", "ada")
        active = json.loads(body)["items"][0]["version"]
        start = time.perf_counter()
        status, body = call(conn, "POST", "/api/rulesets/dry-run?size=10", "ada", {"version": active})
        dry_runs.append(time.perf_counter() - start)
        result = json.loads(body)
        if status != 200:
            raise SystemExit(f"dry-run failed: {status} {body[:300]}")
    print(f"stored reports: {total}; dry-run re-judged {result['reports']}")
    print(f"reload (compile 2 truces + scenarios + swap): median {statistics.median(reloads):.2f} s, runs "
          + ", ".join(f"{r:.2f}" for r in reloads))
    print(f"dry-run over {result['reports']} reports: median {statistics.median(dry_runs):.2f} s "
          f"({result['reports'] / statistics.median(dry_runs):.0f} reports/s), runs " + ", ".join(f"{r:.2f}" for r in dry_runs))


if __name__ == "__main__":
    main()
