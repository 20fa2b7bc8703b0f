#!/usr/bin/env python3
"""`folio serve` under load: many clients converting the reference interview.

Starts the release binary's server on a free port, sends CONVERSIONS
conversions of the interview from CLIENTS concurrent clients (each a thread
with its own connection, as newsroom systems would), and prints the median,
p90 and p99 latency, the throughput, how many failed (the run fails if any
did), and the server's peak memory (VmHWM from /proc, so Linux only).

Usage: python3 bench/serve_load.py [--conversions 200] [--clients 16]
       [--to pdf] [--interview FILE] [--no-build] [--binary PATH]
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "tests", "fixtures", "seed", "seed.txt")
BINARY = os.path.join(ROOT, "target", "release", "folio")


def peak_memory_kib(pid):
    """The process's peak resident set, in KiB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversions", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--to", default="pdf")
    parser.add_argument("--interview", default=DEFAULT)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", default=BINARY, help="the folio binary (default: the release build)")
    args = parser.parse_args()

    if not args.no_build and args.binary == BINARY:
        subprocess.run(
            ["cargo", "build", "--release", "-q", "-p", "folio-cli"], cwd=ROOT, check=True
        )
    with open(args.interview, "rb") as f:
        body = f.read()
    name = os.path.basename(args.interview)

    server = subprocess.Popen(
        [args.binary, "serve", "--port", "0", "--quiet"],
        stdout=subprocess.PIPE,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )
    try:
        first = server.stdout.readline().decode().strip()
        base = first.removeprefix("Folio is serving on ").rstrip("/")
        host, port = base.removeprefix("http://").split(":")
        baseline = peak_memory_kib(server.pid)

        latencies = []
        failures = []
        lock = threading.Lock()
        path = f"/api/convert?to={args.to}&name={name}"

        def client(index):
            connection = http.client.HTTPConnection(host, int(port), timeout=300)
            for _ in range(index, args.conversions, args.clients):
                started = time.perf_counter()
                try:
                    connection.request(
                        "POST",
                        path,
                        body=body,
                        headers={"X-Folio": "1", "Content-Type": "application/octet-stream"},
                    )
                    response = connection.getresponse()
                    data = response.read()
                    ok = response.status == 200 and len(data) > 1000
                    reason = f"{response.status} {data[:200]!r}"
                except (OSError, http.client.HTTPException) as err:
                    ok, reason = False, repr(err)
                    connection.close()
                    connection = http.client.HTTPConnection(host, int(port), timeout=300)
                elapsed = time.perf_counter() - started
                with lock:
                    if ok:
                        latencies.append(elapsed)
                    else:
                        failures.append(reason)
            connection.close()

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        peak = peak_memory_kib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=60)

    cores = os.cpu_count()
    print(f"{args.conversions} conversions to {args.to.upper()} of {name} from {args.clients} clients, {cores} cores")
    print(f"succeeded: {len(latencies)}, failed: {len(failures)}")
    if latencies:
        ordered = sorted(latencies)

        def pct(p):
            return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000

        print(f"latency: median {statistics.median(ordered) * 1000:.0f} ms, p90 {pct(90):.0f} ms, p99 {pct(99):.0f} ms, max {ordered[-1] * 1000:.0f} ms")
        print(f"throughput: {len(latencies) / wall:.1f} conversions/s ({wall:.1f} s in all)")
    print(f"server memory: {baseline / 1024:.1f} MiB at start, peak {peak / 1024:.1f} MiB")
    for reason in failures[:5]:
        print(f"failure: {reason}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
