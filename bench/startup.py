"""Start-up and footprint of the packaged service: time from `java -jar` to the first 201 (a real
report stored and judged), and the resident memory (VmRSS, peak VmHWM) of the process, read from
/proc after whatever load the caller runs meanwhile.

    python3 bench/startup.py --runs 5             # time to first 201, fresh database each run
    python3 bench/startup.py --runs 5 --jar before=/tmp/before/target/quarkus-app/quarkus-run.jar \
        --jar after=target/quarkus-app/quarkus-run.jar   # two builds in turn
    python3 bench/startup.py --train-cds data/app.jsa     # a class-data archive from a training run, then:
    python3 bench/startup.py --runs 5 --jar plain=target/quarkus-app/quarkus-run.jar \
        --jar "cds=target/quarkus-app/quarkus-run.jar|-XX:SharedArchiveFile=data/app.jsa"
    python3 bench/startup.py --keep --port 8099   # start once and leave it running (prints its pid)
"""
import argparse, base64, http.client, json, os, shutil, statistics, subprocess, tempfile, time

BODY = json.dumps({"event_date": "2016-04-10", "event_type": "Explosions/Remote violence",
                   "sub_event_type": "Air/drone strike", "actor1": "SAA", "actor2": "Civilians (Syria)",
                   "weapon": "barrel bomb", "country": "Syria", "admin1": "Aleppo", "location": "Al-Haidariyah"})
AUTH = "Basic " + base64.b64encode(b"mona:mona-dev-password").decode()


def start(port, work, jar="target/quarkus-app/quarkus-run.jar", java_opts=()):
    # {work} in an option is this run's directory (an older build's own URL, for instance).
    java_opts = [o.replace("{work}", work) for o in java_opts]
    return subprocess.Popen(["java", *java_opts, f"-Dquarkus.http.port={port}", "-Dquarkus.http.host=127.0.0.1",
                             f"-Dtrucewatch.h2.file={work}/data/trucewatch",
                             "-Dtrucewatch.rules.watch=false", "-Dtrucewatch.webhooks.allow-loopback=true",
                             "-jar", jar],
                            stdout=open(f"{work}/service.log", "w"), stderr=subprocess.STDOUT)


def first_201(port, began):
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("POST", "/api/incidents", body=BODY, headers={"Content-Type": "application/json",
                                                                      "Authorization": AUTH})
            if conn.getresponse().status == 201:
                return time.perf_counter() - began
        except OSError:
            pass
        time.sleep(0.02)


def memory(pid):
    fields = {}
    for line in open(f"/proc/{pid}/status"):
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) // 1024
    return fields


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8098)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--jar", action="append", help="name=path of a packaged build; repeat to compare builds")
    parser.add_argument("--java-opts", default="")
    parser.add_argument("--train-cds", metavar="ARCHIVE", help="make a class-data archive of a training run and stop")
    parser.add_argument("--train-jar", default="target/quarkus-app/quarkus-run.jar")
    args = parser.parse_args()
    if args.train_cds:
        # A dynamic class-data archive (JDK 13+): one run that loads what serving a report loads,
        # written at exit; later starts map it instead of loading and verifying those classes.
        work = tempfile.mkdtemp(prefix="trucewatch-cds-")
        os.makedirs(os.path.dirname(os.path.abspath(args.train_cds)), exist_ok=True)
        process = start(args.port, work, args.train_jar, [f"-XX:ArchiveClassesAtExit={args.train_cds}"])
        try:
            print(f"training run: first 201 after {first_201(args.port, time.perf_counter()):.2f} s")
        finally:
            process.terminate()
            process.wait(60)
            shutil.rmtree(work, ignore_errors=True)
        print(f"archive {args.train_cds}: {os.path.getsize(args.train_cds) // (1024 * 1024)} MB; start with "
              f"-XX:SharedArchiveFile={args.train_cds}")
        return
    if args.keep:
        work = tempfile.mkdtemp(prefix="trucewatch-bench-")
        began = time.perf_counter()
        process = start(args.port, work)
        print(f"first 201 after {first_201(args.port, began):.2f} s; pid {process.pid}; data in {work}")
        return
    jars, opts = {}, {}
    for spec in args.jar or ["this=target/quarkus-app/quarkus-run.jar"]:
        name, _, rest = spec.partition("=")
        jars[name], _, opts[name] = rest.partition("|")
    times = {name: [] for name in jars}
    rss = {name: [] for name in jars}
    for _ in range(args.runs):
        # Builds taken in turn, so a comparison is side by side on the same noisy machine.
        for name, jar in jars.items():
            work = tempfile.mkdtemp(prefix="trucewatch-startup-")
            began = time.perf_counter()
            process = start(args.port, work, jar, (args.java_opts + " " + opts[name]).split())
            try:
                times[name].append(first_201(args.port, began))
                rss[name].append(memory(process.pid)["VmRSS"])
            finally:
                process.terminate()
                process.wait(20)
                shutil.rmtree(work, ignore_errors=True)
    for name in jars:
        print(f"{name}: java -jar -> first 201: median {statistics.median(times[name]):.2f} s, runs "
              + ", ".join(f"{t:.2f}" for t in times[name]) + f"; RSS just after: median {statistics.median(rss[name])} MB")


if __name__ == "__main__":
    main()
