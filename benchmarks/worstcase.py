"""Worst-case time: adversarial texts through every stage (issue 16).

Each text is read as a document, parsed by spaCy as ``Pipeline.analyze_document`` parses it,
and run through every stage; the table gives seconds (wall clock) for the parse and for each
stage, their total, and the CPU seconds of the whole (what a loaded machine does not inflate).

    .venv/bin/python benchmarks/worstcase.py [--size 1000000] [--only NAME ...] [--profile NAME]

Texts (``--size`` characters each, 1 MB by default): 10,000 numbers in a list, 10,000 commas
(more for larger sizes), nested quotes and brackets in one run, one line of short sentences,
and a news-like document (the re3d public-domain articles and the example, repeated, in
paragraphs).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEAD = "Russian forces shelled Kharkiv, killing 3 civilians, officials said on 3 March 2025. "


def news_articles() -> list[str]:
    texts = [(ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt").read_text("utf-8")]
    for coll in ("centcom", "us-state-department"):
        path = ROOT / "tests" / "corpus" / "re3d-public-domain" / coll / "documents.json"
        texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    return texts


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def adversarial(size: int) -> dict[str, str]:
    """The adversarial texts of issue 16, each about ``size`` characters."""
    numbers = ", ".join(str(i) for i in range(10_000))
    news = "\n\n".join(news_articles())
    return {
        "10,000 numbers in a list": LEAD + "The lists give " + numbers + " dead.",
        "10,000 commas": LEAD + "," * max(10_000, size - len(LEAD)),
        "nested quotes and brackets": LEAD + '([{“‘"' * (size // 12) + '"’”}])' * (size // 12),
        "one line of short sentences": repeat_to(LEAD, size),
        "news-like document": repeat_to(news + "\n\n", size),
    }


def timed_analysis(pipeline, document) -> dict[str, float]:
    """Seconds for the parse and for each stage of ``pipeline`` on ``document``."""
    from kronika.context import Context

    times: dict[str, float] = {}
    t0 = time.perf_counter()
    doc = pipeline.parse(document.text)
    times["spaCy"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    ctx = Context.from_doc(doc, document)
    times["context"] = time.perf_counter() - t0
    for name, stage in pipeline.stages:
        t0 = time.perf_counter()
        setattr(ctx, name, list(stage(ctx)))
        times[name] = time.perf_counter() - t0
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=1_000_000, help="characters per text")
    ap.add_argument("--only", nargs="*", help="run only the texts whose name starts so")
    ap.add_argument("--profile", help="cProfile this text (name prefix) and print the top functions")
    args = ap.parse_args()

    from kronika.ingest import IngestOptions, read_text
    from kronika.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.analyze("Russian forces shelled Kharkiv on 3 March 2025, killing 3 civilians.")  # warm-up
    texts = adversarial(args.size)
    if args.only:
        texts = {k: v for k, v in texts.items() if any(k.startswith(p) for p in args.only)}
    if args.profile:
        import cProfile
        import pstats

        name = next(k for k in texts if k.startswith(args.profile))
        document = read_text(texts[name], name=name, options=IngestOptions(check_language=False))
        with cProfile.Profile() as prof:
            pipeline.analyze_document(document)
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(30)
        return
    header = None
    for name, text in texts.items():
        document = read_text(text, name=name, options=IngestOptions(check_language=False))
        cpu = time.process_time()
        times = timed_analysis(pipeline, document)
        cpu = time.process_time() - cpu
        if header is None:
            header = ["text", "kB", *times, "total s", "CPU s"]
            print("| " + " | ".join(header) + " |")
            print("|" + "---|" * len(header))
        cells = [
            name,
            f"{len(text) / 1000:.0f}",
            *(f"{t:.1f}" for t in times.values()),
            f"{sum(times.values()):.1f}",
            f"{cpu:.1f}",
        ]
        print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
