#!/usr/bin/env python3
"""Folio against pandoc 3 on the reference interview: DOCX and EPUB.

Times whole processes, side by side in one run, as a user meets them:
`folio convert INTERVIEW --to docx -o OUT` against
`pandoc -f markdown INTERVIEW -o OUT.docx`, and the same for EPUB 3
(`-t epub3`). Each command runs RUNS times after one warm-up (the files are
then in the page cache for both); the medians and their ratio are printed,
with `folio --version` as the cost of starting a process at all.

pandoc comes from Debian (`apt-get install pandoc`); Folio is built in
release mode first unless --no-build. This is a benchmark, not a test: it
prints figures and fails only when a command fails.

Usage: python3 bench/pandoc_compare.py [INTERVIEW] [--runs N] [--no-build]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "tests", "fixtures", "seed", "seed.txt")
BINARY = os.path.join(ROOT, "target", "release", "folio")


def median_seconds(command, runs, env):
    """The median wall time of `command` over `runs` runs, after a warm-up."""
    subprocess.run(command, check=True, env=env, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("interview", nargs="?", default=DEFAULT)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()

    if shutil.which("pandoc") is None:
        sys.exit("pandoc is not installed: apt-get install pandoc")
    if not args.no_build:
        subprocess.run(
            ["cargo", "build", "--release", "-p", "folio-cli"], cwd=ROOT, check=True
        )
    version = subprocess.run(
        ["pandoc", "--version"], check=True, capture_output=True, text=True
    ).stdout.splitlines()[0]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    interview = os.path.abspath(args.interview)
    print(f"{os.path.relpath(interview, ROOT)}, {args.runs} runs each, medians; {version}")
    with tempfile.TemporaryDirectory() as out:
        start_up = median_seconds([BINARY, "--version"], args.runs, env)
        print(f"  folio --version          {start_up * 1000:7.1f} ms")
        for name, pandoc_args in [
            ("docx", ["-o", os.path.join(out, "p.docx")]),
            ("epub", ["-t", "epub3", "-o", os.path.join(out, "p.epub")]),
        ]:
            folio = median_seconds(
                [BINARY, "convert", interview, "--to", name, "-o", os.path.join(out, f"f.{name}")],
                args.runs,
                env,
            )
            pandoc = median_seconds(
                ["pandoc", "-f", "markdown", interview] + pandoc_args, args.runs, env
            )
            print(
                f"  {name.upper():4}  folio {folio * 1000:7.1f} ms   pandoc {pandoc * 1000:7.1f} ms"
                f"   pandoc / folio = {pandoc / folio:5.1f}x"
            )


if __name__ == "__main__":
    main()
