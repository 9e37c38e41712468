"""Throughput: the full kronika pipeline against spaCy's own ``nlp.pipe`` of the same model.

Both run in this process over the same texts (the repository's example and the re3d
public-domain corpus, or any folder given with --corpus), after a warm-up. Prints
words/second for each, their ratio, and each stage's share of the time.

    .venv/bin/python benchmarks/throughput.py [--repeat 3] [--corpus FOLDER]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_texts(folder: Path | None) -> list[str]:
    if folder:
        from kronika.ingest import read_path

        return [d.text for d in read_path(folder)]
    texts = [(ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt").read_text("utf-8")]
    for coll in ("centcom", "us-state-department"):
        path = ROOT / "tests" / "corpus" / "re3d-public-domain" / coll / "documents.json"
        texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="passes over the corpus (best is kept)")
    ap.add_argument("--corpus", type=Path, help="a folder of articles instead of the bundled corpus")
    args = ap.parse_args()

    import datetime as dt

    from kronika.context import Context
    from kronika.ingest import IngestOptions, read_text
    from kronika.pipeline import Pipeline

    pipeline = Pipeline()
    nlp = pipeline.nlp
    texts = corpus_texts(args.corpus)
    docs_in = [read_text(t, options=IngestOptions(published=dt.date(2025, 1, 20))) for t in texts]
    texts = [d.text for d in docs_in]  # what the pipeline parses: the ingested text, in both passes
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} documents, {words:,} words; pipeline {pipeline.name}")

    list(nlp.pipe(texts[:5]))  # warm-up: lazy loads (gazetteer, lexicons) happen here
    for d in docs_in[:5]:
        pipeline.analyze_document(d)

    best_spacy = best_full = float("inf")
    ratios = []
    stage_time = {name: 0.0 for name, _ in pipeline.stages}
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        parsed = list(nlp.pipe(texts, batch_size=16))
        spacy_s = time.perf_counter() - t0
        best_spacy = min(best_spacy, spacy_s)

        t0 = time.perf_counter()
        times = {name: 0.0 for name, _ in pipeline.stages}
        for document, doc in zip(docs_in, nlp.pipe(texts, batch_size=16)):
            ctx = Context.from_doc(doc, document)
            for name, stage in pipeline.stages:
                s0 = time.perf_counter()
                setattr(ctx, name, list(stage(ctx)))
                times[name] += time.perf_counter() - s0
        full_s = time.perf_counter() - t0
        ratios.append(spacy_s / full_s)
        if full_s < best_full:
            best_full, stage_time = full_s, times
        del parsed

    ratio = best_spacy / best_full
    median = sorted(ratios)[len(ratios) // 2]
    print(f"spaCy nlp.pipe   : {words / best_spacy:10,.0f} words/s  ({best_spacy:.2f} s)")
    print(f"kronika pipeline : {words / best_full:10,.0f} words/s  ({best_full:.2f} s)")
    print(f"ratio            : {ratio:.1%} of raw spaCy throughput, best against best (aim: at least 70%)")
    print(
        f"paired ratios    : {', '.join(f'{r:.1%}' for r in ratios)} (median {median:.1%}; each pass times spaCy, then kronika)"
    )
    print("each stage's time as a share of the spaCy parse time (per-document cost it adds):")
    for name, s in stage_time.items():
        print(f"  {name:<11} {s / best_spacy:6.1%}  ({s:.3f} s)")
    sys.exit(0)


if __name__ == "__main__":
    main()
