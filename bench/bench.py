"""Benchmark: build the default law and synthetic laws of 125-1,000 articles; compare with pandoc.

Usage: python bench/bench.py [--repeat 5] [--sizes 125,250,500,1000] [--formats docx,md,html,akn,pdf]

For each synthetic size it times the whole modellaw pipeline in-process (load, validate,
resolve, render, number, check, write .docx) and pandoc converting the same text, as Markdown
written by modellaw's Markdown writer, to .docx. Each output format is timed as a whole
``modellaw build`` process beside docx, on the default law and on the largest synthetic law
(PDF includes starting LibreOffice). It prints medians and ratios; nothing is asserted. The synthetic library is generated into a temporary folder on each run.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from modellaw.build import build_document
from modellaw.formats import FORMATS
from modellaw.writers.docx import write_docx
from modellaw.writers.markdown import write_markdown

CHAPTER_SIZE = 50


def synthetic_library(root: Path, articles: int) -> Path:
    """Write a library of ``articles`` clauses (three paragraphs, points, terms, refs) and its config."""
    (root / "lib" / "synth").mkdir(parents=True)
    (root / "lib" / "definitions").mkdir(parents=True)
    for slug, term in (("system", "automated system"), ("operator", "system operator")):
        (root / "lib" / "definitions" / f"{slug}.yaml").write_text(
            f"id: definitions.{slug}\nkind: definition\nterm: {term}\nversion: 1.0.0\nsummary: A synthetic term for the benchmark.\n"
            f"definition: a {term} as described in the benchmark schedule\ncommentary: {{purpose: Benchmark definition.}}\n",
            encoding="utf-8",
        )
    for n in range(1, articles + 1):
        ref = f'{{{{ ref("synth.a{n - 1}", "duty") }}}}' if n > 1 else "the schedule"
        (root / "lib" / "synth" / f"a{n}.yaml").write_text(
            f"""id: synth.a{n}
title: Synthetic article {n}
version: 1.0.0
status: recommended
summary: A synthetic article used to time the pipeline.
parameters:
  limit: {{type: integer, min: 1, max: 99, default: {n % 90 + 1}, description: A limit.}}
  authority: {{type: text, default: "[authority {n}]", description: An authority.}}
text: |
  {{:duty}} Every {{{{ term("operator") }}}} of an {{{{ term("system") }}}} shall keep records of its operation for {{{{ limit }}}} months and shall make them available to the {{{{ authority }}}} on request.

  The {{{{ authority }}}} may inspect the records where this is necessary and proportionate to prevent a serious offence, subject to {ref}:
  - after giving notice to the operator;
  - within the limits of its mandate; and
  - with due regard to the rights of the persons concerned.

  A decision under this article may be appealed to a court, which shall decide within a reasonable time.
commentary:
  purpose: Synthetic commentary for article {n}, long enough to be written as a commentary paragraph in model mode.
""",
            encoding="utf-8",
        )
    chapters = [list(range(i, min(i + CHAPTER_SIZE, articles + 1))) for i in range(1, articles + 1, CHAPTER_SIZE)]
    lines = ["title: Synthetic benchmark law", "date: 2026-11-21", "builtin_library: false", "library: [lib]", "structure:",
             "  - chapter: Definitions", "    clauses: [definitions]"]
    for index, chapter in enumerate(chapters, start=1):
        lines += [f"  - chapter: Chapter {index}", "    clauses: [" + ", ".join(f"synth.a{n}" for n in chapter) + "]"]
    config = root / "config.yaml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def timed(action: Callable[[], object]) -> float:
    """Return the wall time of one run of ``action``, after a garbage collection."""
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """Return the median wall time of ``action`` over ``repeat`` runs."""
    return statistics.median(timed(action) for _ in range(repeat))


def interleaved(ours: Callable[[], object], theirs: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """Time the two actions alternately, so both see the same machine load; return both time lists."""
    a, b = [], []
    for _ in range(repeat):
        a.append(timed(ours))
        b.append(timed(theirs))
    return a, b


def build_docx(config: Path | None) -> bytes:
    """Run the whole pipeline and return the .docx bytes."""
    return write_docx(build_document(config).document)


def pandoc_action(markdown: str, folder: Path) -> Callable[[], object] | None:
    """Return an action converting ``markdown`` to .docx with pandoc (None when pandoc is absent)."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return None
    source = folder / "law.md"
    source.write_text(markdown, encoding="utf-8")
    command = [pandoc, "-f", "markdown", "-t", "docx", "-o", str(folder / "pandoc.docx"), str(source)]
    return lambda: subprocess.run(command, check=True)


def cli_seconds(repeat: int, folder: Path) -> float:
    """Return the median time of ``modellaw build -o law.docx`` as a new process (cold start)."""
    command = [sys.executable, "-m", "modellaw", "build", "-o", str(folder / "default.docx")]
    return median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), repeat)


def format_figures(config: Path | None, label: str, repeat: int, folder: Path, formats: list[str]) -> None:
    """Print the median time of ``modellaw build [CONFIG] -o law.EXT`` as a new process for each format, beside docx."""
    medians = {}
    for fmt in formats:
        output = folder / f"law-{fmt}{FORMATS[fmt][0]}"
        command = [sys.executable, "-m", "modellaw", "build", *([str(config)] if config else []), "-o", str(output)]
        medians[fmt] = median_seconds(lambda c=command: subprocess.run(c, check=True, capture_output=True), repeat)
    base = medians.get("docx")
    print(f"{label}: whole process per format, medians of {repeat}")
    print("| format | seconds | vs docx | output size |")
    print("| --- | ---: | ---: | ---: |")
    for fmt, seconds in medians.items():
        size = (folder / f"law-{fmt}{FORMATS[fmt][0]}").stat().st_size
        versus = f"{seconds / base:.2f}x" if base else "n/a"
        print(f"| {fmt} | {seconds:.3f} | {versus} | {size / 1024:.0f} KiB |")


def revised_config(config: Path) -> Path:
    """Write a NEW config beside ``config``: one article removed, one parameter changed."""
    text = config.read_text(encoding="utf-8").replace(", synth.a500,", ",")
    text += "parameters:\n  synth.a10: {limit: 42}\n"
    new = config.with_name("config-new.yaml")
    new.write_text(text, encoding="utf-8")
    return new


def compare_figures(config: Path, repeat: int, folder: Path) -> None:
    """Print the time of compare (side-by-side and redline) against building both drafts."""
    from modellaw.api import compare_to_file

    new = revised_config(config)
    both = median_seconds(lambda: (build_docx(config), build_docx(new)), repeat)
    side = median_seconds(lambda: compare_to_file(config, new, folder / "cmp.docx"), repeat)
    red = median_seconds(lambda: compare_to_file(config, new, folder / "red.docx", redline=True), repeat)
    print(f"compare on 1000 articles, medians of {repeat}: building both drafts {both:.3f} s; "
          f"side-by-side {side:.3f} s ({side / both:.2f}x); redline {red:.3f} s ({red / both:.2f}x)")


def main() -> None:
    """Run the benchmark and print a table of medians."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="125,250,500,1000")
    parser.add_argument("--formats", default=",".join(FORMATS), help="Formats to time as whole processes (pdf needs LibreOffice).")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = [f for f in args.formats.split(",") if f]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        default = build_document(None).document
        print(f"default law: {len(default.articles())} articles")
        print(f"  in-process build to .docx, median of {args.repeat}: {median_seconds(lambda: build_docx(None), args.repeat):.3f} s")
        print(f"  command line (new process), median of {args.repeat}: {cli_seconds(args.repeat, folder):.3f} s")
        print()
        if formats:
            format_figures(None, "default law", args.repeat, folder, formats)
            print()
        print(f"medians (and minima) of {args.repeat} interleaved runs")
        print("| articles | modellaw (s) | per article (ms) | pandoc md->docx (s) | pandoc / modellaw |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        for size in sizes:
            root = folder / f"synth{size}"
            config = synthetic_library(root, size)
            pandoc = pandoc_action(write_markdown(build_document(config).document), root)
            ours, theirs = interleaved(lambda c=config: build_docx(c), pandoc or (lambda: None), args.repeat)
            mo, mt = statistics.median(ours), statistics.median(theirs)
            ratio = f"{mt / mo:.2f}x (min {min(theirs) / min(ours):.2f}x)" if pandoc else "n/a"
            print(f"| {size} | {mo:.3f} ({min(ours):.3f}) | {mo / size * 1000:.2f} | {mt:.3f} ({min(theirs):.3f}) | {ratio} |")
        if formats:
            print()
            format_figures(folder / f"synth{sizes[-1]}" / "config.yaml", f"synthetic law of {sizes[-1]} articles", args.repeat, folder, formats)
        if 1000 in sizes:
            print()
            compare_figures(folder / "synth1000" / "config.yaml", args.repeat, folder)


if __name__ == "__main__":
    main()
