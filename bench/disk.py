"""Disk per report, and the H2 file beside the size of its rows (issue 14: "after 100 000 reports
and a minute idle, the H2 file <= 3x the size of its rows").

    mvn -Pbench -DskipTests package
    python3 bench/disk.py --jar now=target/quarkus-app/quarkus-run.jar --seconds 250 [--idle 90]

For each jar, on a fresh H2 file: saturate it with distinct reports (IngestLoad, 16 connections)
for --seconds, then leave it idle for --idle seconds, read the file's size while it runs, stop it,
then count its rows' bytes (DiskUse: every value as text). Prints reports, file size after the
load, after the idle time and after stopping, the rows' size, their ratio and bytes per report.
H2 URL options can be tried per jar, in place of the service's own:
--jar 'name=path|;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=60000'.
"""
import argparse, glob, os, re, shutil, subprocess, tempfile, time

from ingest_compare import PORT, load, port_taken, ready, start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", action="append", required=True,
                        help="name=path or name=path|H2 URL options replacing the service's, e.g. 'r0=target/…/quarkus-run.jar|;WRITE_DELAY=0'")
    parser.add_argument("--seconds", type=int, default=250)
    parser.add_argument("--idle", type=int, default=90)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--java-opts", default="", help="e.g. -Dtrucewatch.h2.compact-after-idle=30s")
    args = parser.parse_args()
    classpath = "target/test-classes:" + ":".join(glob.glob("target/quarkus-app/lib/main/*.jar"))
    for spec in args.jar:
        name, jar = spec.split("=", 1)
        jar, bar, url_options = jar.partition("|")
        port_taken()
        work = tempfile.mkdtemp(prefix=f"disk-{name}-")
        # The service's own H2 options, unless the spec gives others (they replace them whole).
        service = start(jar, work, args.java_opts, url_options if bar else None)
        try:
            ready()
            print(name, load("saturate", f"http://127.0.0.1:{PORT}", str(args.seconds), str(args.connections)), flush=True)
            after_load = os.path.getsize(f"{work}/data/trucewatch.mv.db")
            time.sleep(args.idle)
            idle = os.path.getsize(f"{work}/data/trucewatch.mv.db")
        finally:
            service.terminate()
            service.wait(300)
        stopped = os.path.getsize(f"{work}/data/trucewatch.mv.db")
        out = subprocess.run(["java", "-cp", classpath, "io.trucewatch.bench.DiskUse",
                              f"jdbc:h2:file:{work}/data/trucewatch", "trucewatch", "trucewatch"],
                             capture_output=True, text=True, check=True).stdout
        rows, incidents = map(int, re.search(r"rows (\d+) incidents (\d+)", out).groups())
        print(f"{name}: {incidents} reports; file {after_load / 1e6:.0f} MB after the load, {idle / 1e6:.0f} MB after "
              f"{args.idle} s idle, {stopped / 1e6:.0f} MB stopped; rows {rows / 1e6:.0f} MB; "
              f"idle file / rows = {idle / rows:.2f}; {idle / incidents / 1e3:.1f} KB per report on disk, "
              f"{rows / incidents / 1e3:.1f} KB of rows", flush=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
