#!/usr/bin/env python3
"""Folio against a hand-written typst template of the same interview.

Builds Folio in release mode, writes a typst document for the interview from
Folio's own reading of it (`folio inspect --json`), then times both producing
a PDF and prints the ratios. typst comes from PyPI (`pip install typst`, a
prebuilt compiler); nothing is fetched at run time.

Two typst figures are printed:
- cold: what converting an interview costs, as `typst compile` does it: each
  run is a fresh process, and only the `compile` call inside it is timed
  (Python's start-up and the import are left out, in typst's favour).
- warm: `compile` called again and again on the same file in one process.
  typst memoises its work across calls (comemo), so from the second call on
  it reuses most of the previous run's results; no real conversion of a new
  interview gets that.
Folio is always timed as a whole fresh process, start-up and file writing
included. The headline ratio is cold typst against Folio.

Usage: python3 bench/typst_compare.py [INTERVIEW] [--runs N]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "tests", "fixtures", "seed", "seed.txt")


def s(text):
    """A typst string literal, shown as text (no markup is interpreted)."""
    text = "".join(c if c >= " " or c == "\n" else " " for c in text)
    return "#" + json.dumps(text, ensure_ascii=False)


def inline(content):
    out = []
    for item in content:
        kind = item["type"]
        if kind in ("text", "code"):
            out.append(s(item["text"]))
        elif kind == "emphasis":
            out.append("#emph[" + inline(item["content"]) + "]")
        elif kind == "strong":
            out.append("#strong[" + inline(item["content"]) + "]")
        elif kind == "link":
            out.append("#link(" + json.dumps(item["url"]) + ")[" + inline(item["content"]) + "]")
        elif kind in ("stage_direction", "timestamp"):
            out.append("#emph[" + s(item["text"]) + "]")
        elif kind == "line_break":
            out.append(" \\\n")
    return "".join(out)


def blocks(content):
    out = []
    for block in content:
        kind = block["type"]
        if kind == "paragraph":
            out.append("#par[" + inline(block["content"]) + "]")
        elif kind == "list":
            marker = "+" if block["ordered"] else "-"
            for item in block["items"]:
                out.append(marker + " " + " ".join(blocks(item)))
        elif kind == "quote":
            out.append("#quote(block: true)[" + "\n\n".join(blocks(block["content"])) + "]")
        elif kind == "figure":
            figure = block["figure"]
            caption = " ".join(x for x in (figure.get("caption"), figure.get("credit")) if x)
            out.append("#text(size: 8pt, fill: luma(90))[" + s(caption) + "]")
    return out


def template(model):
    meta = model["meta"]
    speakers = {sp["id"]: sp for sp in model["speakers"]}
    title = meta.get("title", "")
    short = title if len(title) < 60 else title[:57] + "…"
    lines = [
        '#set document(title: ' + json.dumps(title, ensure_ascii=False) + ')',
        '#set page(paper: "a4", margin: (x: 31mm, top: 27.5mm, bottom: 27mm),',
        '  header: context { if counter(page).get().first() > 1 [',
        '    #set text(size: 7.5pt, fill: luma(100))',
        '    #upper(' + json.dumps(short, ensure_ascii=False) + ') #h(1fr) #counter(page).display("1 / 1", both: true)',
        '    #v(-6pt) #line(length: 100%, stroke: 0.4pt + luma(150))',
        '  ] })',
        '#set text(font: "Libertinus Serif", size: 10.5pt, lang: ' + json.dumps(meta.get("language", "en")[:2]) + ', hyphenate: true)',
        '#set par(justify: true, leading: 0.62em, spacing: 0.8em)',
        '#show heading: set text(fill: rgb("#9e1f1f"), size: 12pt)',
        '',
    ]
    if meta.get("kicker"):
        lines.append('#text(fill: rgb("#9e1f1f"), size: 8pt, weight: "bold")[' + s(meta["kicker"]) + ']')
    lines.append('#block(spacing: 10pt)[#text(size: 21pt, weight: "bold")[' + s(title) + ']]')
    if meta.get("subtitle"):
        lines.append('#text(size: 12pt, style: "italic")[' + s(meta["subtitle"]) + ']')
    dates = " · ".join(x for x in (meta.get("published"), meta.get("updated")) if x)
    if dates:
        lines.append('#text(size: 8pt, fill: luma(90))[' + s(dates) + ']')
    lines.append('#line(length: 100%, stroke: 0.6pt)')
    for block in model.get("front", []):
        kind = block["kind"]
        if kind == "figure":
            figure = block["figure"]
            caption = " ".join(x for x in (figure.get("caption"), figure.get("credit")) if x)
            lines.append('#text(size: 8pt, fill: luma(90))[' + s(caption) + ']')
        elif kind == "editors_note":
            body = "\n\n".join(blocks(block["content"]))
            lines.append('#block(inset: (x: 1.2em, y: 0.8em), stroke: (y: 0.6pt + rgb("#9e1f1f")))['
                         '#text(size: 7.5pt, weight: "bold", fill: rgb("#9e1f1f"))[EDITOR\'S NOTE]\n\n'
                         '#set text(size: 9pt)\n' + body + ']')
        elif kind == "introduction":
            lines.extend(blocks(block["content"]))
        elif kind == "dateline":
            lines.append('#text(weight: "bold", size: 8pt)[' + s(block["text"]) + ']')
    sections = {}
    for section in model.get("sections", []):
        sections.setdefault(section["first_turn"], []).append(section)
    for index, turn in enumerate(model["turns"]):
        for section in sections.get(index, []):
            lines.append("=" * section["level"] + " " + s(section["heading"]))
        label = speakers[turn["speaker"]]["label"]
        paragraphs = blocks(turn["content"])
        first = paragraphs[0] if paragraphs else ""
        first = first[len("#par["):-1] if first.startswith("#par[") else first
        label_markup = '#text(fill: rgb("#9e1f1f"), weight: "bold", size: 9pt)[#upper(' + json.dumps(label, ensure_ascii=False) + ')]'
        if turn["role"] == "question":
            lines.append('#par[' + label_markup + ' #strong[' + first + ']]')
        else:
            lines.append('#par[' + label_markup + ' ' + first + ']')
        for rest in paragraphs[1:]:
            lines.append('#pad(left: 1.2em)[' + rest + ']')
    for block in model.get("closing", []):
        lines.append('#line(length: 15%, stroke: 0.6pt + rgb("#9e1f1f"))')
        lines.append('#text(size: 9pt)[' + "\n\n".join(blocks(block["content"])) + ']')
    return "\n\n".join(lines) + "\n"


def timed(actions, runs):
    """Wall times of each action, run in turns so that both see the same
    machine (shared hosts speed up and slow down over seconds): one list
    per action, one entry per round."""
    times = [[] for _ in actions]
    for _ in range(runs):
        for k, action in enumerate(actions):
            start = time.perf_counter()
            action()
            times[k].append(time.perf_counter() - start)
    return times


COLD = """
import sys, time
import typst
start = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2])
print(time.perf_counter() - start)
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("interview", nargs="?", default=DEFAULT)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    try:
        import typst
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "typst"], check=True)
        import typst

    subprocess.run(["cargo", "build", "--release", "-q", "-p", "folio-cli"], cwd=ROOT, check=True)
    folio = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "folio")
    model = json.loads(subprocess.run([folio, "inspect", "--json", args.interview],
                                      check=True, capture_output=True).stdout)
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "interview.typ")
        with open(source, "w", encoding="utf-8") as f:
            f.write(template(model))
        typst_pdf = os.path.join(tmp, "typst.pdf")
        folio_pdf = os.path.join(tmp, "folio.pdf")
        typst.compile(source, output=typst_pdf)  # warm-up, and fail early on template errors
        cold = []

        def typst_cold():
            out = subprocess.run([sys.executable, "-c", COLD, source, typst_pdf],
                                 check=True, capture_output=True, text=True).stdout
            cold.append(float(out.strip()))

        warm_times, _, folio_times = timed([
            lambda: typst.compile(source, output=typst_pdf),
            typst_cold,
            lambda: subprocess.run([folio, "convert", args.interview, "--to", "pdf",
                                    "-o", folio_pdf, "--quiet"], check=True),
        ], args.runs)
        warm_time = statistics.median(warm_times)
        folio_time = statistics.median(folio_times)
        cold_time = statistics.median(cold)
        # Each round ran typst cold and Folio back to back: the spread of
        # their ratios shows how steady the median is on this machine.
        ratios = sorted(c / f for c, f in zip(cold, folio_times))
        print(f"interview: {os.path.basename(args.interview)} ({len(model['turns'])} turns), "
              f"median of {args.runs} runs")
        print(f"typst cold (fresh process, compile call): {cold_time * 1000:8.1f} ms  "
              f"{os.path.getsize(typst_pdf):>8} bytes")
        print(f"typst warm (same file again, in-process): {warm_time * 1000:8.1f} ms")
        print(f"folio (whole process):                    {folio_time * 1000:8.1f} ms  "
              f"{os.path.getsize(folio_pdf):>8} bytes")
        print(f"folio is {cold_time / folio_time:.1f}x faster than typst "
              f"({warm_time / folio_time:.1f}x against typst's warm rerun)")
        print(f"round by round: {ratios[0]:.1f}x to {ratios[-1]:.1f}x, "
              f"at least 10x in {sum(r >= 10 for r in ratios)} of {len(ratios)} rounds")


if __name__ == "__main__":
    main()
