"""The real-data regression set (src/test/resources/regression/) judged by a running service over
HTTP, so that any build can be measured on it, e.g. an older one beside this one:

    python3 bench/real_record.py --port 8099          # a service started on port 8099

Each case's report is POSTed as written (a fresh external_id per run, so reruns are not answered from
storage); its overall verdict is compared with the case's label (exact) and with its acceptable
verdicts. Prints the agreement per file; needs PyYAML (python3 -c 'import yaml').
"""
import argparse
import base64
import http.client
import json
import uuid

import yaml

FILES = ["syria-2016.yaml", "minsk-2015.yaml"]
AUTH = "Basic " + base64.b64encode(b"mona:mona-dev-password").decode()


def verdict(port, report):
    body = dict(report, external_id=f"{report.get('external_id', 'case')}-{uuid.uuid4().hex[:8]}")
    # PyYAML reads unquoted dates as date/datetime objects: send them back as ISO-8601 text.
    body = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in body.items()}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("POST", "/api/incidents", body=json.dumps(body),
                 headers={"Content-Type": "application/json", "Authorization": AUTH})
    response = conn.getresponse()
    answer = json.loads(response.read() or b"{}")
    return answer.get("verdict", f"HTTP {response.status}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--cases", default="src/test/resources/regression")
    args = parser.parse_args()
    for name in FILES:
        cases = yaml.safe_load(open(f"{args.cases}/{name}"))["cases"]
        exact = acceptable = 0
        for case in cases:
            got = verdict(args.port, case["report"])
            exact += got == case["label"]
            acceptable += got == case["label"] or got in case["acceptable"]
        n = len(cases)
        print(f"{name}: {n} cases, exact {100 * exact / n:.1f} %, acceptable {100 * acceptable / n:.1f} %")


if __name__ == "__main__":
    main()
