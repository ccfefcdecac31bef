"""Ingest on PostgreSQL, side by side in one run: one instance, two instances on the same
database, and the raw JDBC limit (the same rows inserted again by plain JDBC into the same
PostgreSQL); then disk per report from PostgreSQL's own size function.

    bash .ci/start-postgresql && mvn -Pbench -DskipTests package
    python3 bench/postgresql.py [--rounds 3] [--seconds 12] [--jar /tmp/other/postgresql/quarkus-run.jar]

Uses the test database (trucewatch_test on localhost:5432), emptied first.
"""
import argparse, glob, re, statistics, subprocess, tempfile

from ingest_compare import load, numbers, ready

URL = "jdbc:postgresql://localhost:5432/trucewatch_test"
JAR = "target/postgresql/quarkus-run.jar"
PORTS = (8095, 8096)


def psql(sql):
    subprocess.run(["psql", "-h", "localhost", "-U", "trucewatch", "-d", "trucewatch_test", "-qc", sql],
                   env={"PGPASSWORD": "trucewatch", "PATH": "/usr/bin:/bin"}, check=True, capture_output=True)


def start(port, jar=JAR):
    work = tempfile.mkdtemp(prefix=f"pg-{port}-")
    return subprocess.Popen(["java", f"-Dquarkus.http.port={port}", "-Dquarkus.http.host=127.0.0.1",
                             f"-Dquarkus.datasource.jdbc.url={URL}", "-Dtrucewatch.rules.watch=false",
                             f"-Dtrucewatch.audit.checkpoint-key={work}/checkpoint-key", "-jar", jar],
                            cwd=".", stdout=open(f"{work}/service.log", "w"), stderr=subprocess.STDOUT)


def saturate(ports, seconds, connections):
    procs = [subprocess.Popen(["java", "-cp", "target/test-classes", "io.trucewatch.bench.IngestLoad", "saturate",
                               f"http://127.0.0.1:{p}", str(seconds), str(connections // len(ports))],
                              stdout=subprocess.PIPE, text=True) for p in ports]
    return sum(numbers(p.communicate()[0].strip())["per_s"] for p in procs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=12)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--raw-reports", type=int, default=3000)
    parser.add_argument("--jar", default=JAR, help="another build's PostgreSQL jar")
    args = parser.parse_args()
    psql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    classpath = "target/test-classes:" + ":".join(glob.glob("target/postgresql/lib/main/*.jar"))
    one, two, raw = [], [], []
    a = start(PORTS[0], args.jar)
    b = None
    try:
        ready(PORTS[0], tries=900)
        saturate(PORTS[:1], 8, args.connections)  # warm-up
        b = start(PORTS[1], args.jar)
        ready(PORTS[1], tries=900)
        saturate(PORTS[1:], 8, args.connections)  # warm-up of the second
        for r in range(args.rounds):
            one.append(saturate(PORTS[:1], args.seconds, args.connections))
            two.append(saturate(PORTS, args.seconds, args.connections))
            print(f"round {r + 1}: one instance {one[-1]:.0f}/s, two instances {two[-1]:.0f}/s", flush=True)
    finally:
        for p in (a, b):
            if p:
                p.terminate()
                p.wait(60)
    # The raw limit after the services stop: its rows take audit and outbox numbers past the
    # chain's head, which a running service would then collide with.
    for r in range(args.rounds):
        raw.append(numbers(load("jdbc", URL, str(args.raw_reports), "1", classpath=classpath))["per_s"])
        print(f"raw JDBC round {r + 1} (the same rows, a commit per report): {raw[-1]:.0f}/s", flush=True)
    out = subprocess.run(["java", "-cp", classpath, "io.trucewatch.bench.DiskUse", URL, "trucewatch", "trucewatch"],
                         capture_output=True, text=True, check=True).stdout
    rows, incidents = map(int, re.search(r"rows (\d+) incidents (\d+)", out).groups())
    database = int(re.search(r"database (\d+)", out).group(1))
    m1, m2, mr = statistics.median(one), statistics.median(two), statistics.median(raw)
    print(f"medians: one instance {m1:.0f}/s, two instances {m2:.0f}/s ({m2 / m1:.2f}x), raw JDBC {mr:.0f}/s "
          f"(service / raw = {m1 / mr:.2f}x)")
    print(f"disk: {incidents} reports (raw copies included), pg_database_size {database / 1e6:.0f} MB, rows "
          f"{rows / 1e6:.0f} MB: {database / rows:.2f}x the rows, {database / incidents / 1e3:.1f} KB per report")


if __name__ == "__main__":
    main()
