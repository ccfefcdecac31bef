"""Delivery latency of webhooks under a steady load: report committed (its 201 arrived) → the
receiver got the webhook. Runs its own receiver on loopback, so start the service with
-Dtrucewatch.webhooks.allow-loopback=true.

    python3 bench/webhook_latency.py --url http://127.0.0.1:8099 --rate 20 --seconds 30
"""
import argparse, base64, http.client, http.server, json, random, statistics, threading, time, urllib.parse

import reports as generator

arrived = {}


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        now = time.time()
        event = json.loads(body)
        arrived.setdefault(event["data"]["id"], now)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def call(conn, method, path, user, body=None):
    headers = {"Authorization": "Basic " + base64.b64encode(f"{user}:{user}-dev-password".encode()).decode(),
               "Content-Type": "application/json"}
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8099")
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    u = urllib.parse.urlparse(args.url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    status, body = call(conn, "POST", "/api/subscriptions", "ada",
                        {"url": f"http://127.0.0.1:{server.server_address[1]}/hook", "filter": {"verdicts": []}})
    if status != 201:
        raise SystemExit(f"subscribe failed: {status} {body[:300]}")
    subscription = json.loads(body)["id"]
    rng = random.Random(7)
    committed = {}
    interval = 1 / args.rate
    start = time.time()
    n = 0
    while time.time() - start < args.seconds:
        due = start + n * interval
        if time.time() < due:
            time.sleep(due - time.time())
        report = generator.report(rng, n, f"latency-{int(start)}")
        status, body = call(conn, "POST", "/api/incidents", "mona", report)
        if status != 201:
            raise SystemExit(f"POST failed: {status} {body[:300]}")
        committed[json.loads(body)["id"]] = time.time()
        n += 1
    deadline = time.time() + 30
    while len([i for i in committed if i in arrived]) < len(committed) and time.time() < deadline:
        time.sleep(0.1)
    call(conn, "DELETE", f"/api/subscriptions/{subscription}", "ada")
    latencies = sorted((arrived[i] - committed[i]) * 1000 for i in committed if i in arrived)
    missing = len(committed) - len(latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(f"{len(committed)} reports at {args.rate}/s for {args.seconds:.0f} s; delivered {len(latencies)}, missing {missing}")
    print(f"commit -> receiver: median {statistics.median(latencies):.0f} ms, p99 {p99:.0f} ms, max {latencies[-1]:.0f} ms")


if __name__ == "__main__":
    main()
