"""Attribution on PolNeAR: source, cue and content span F1, exact and overlap.

Scores the statements of kronika's public output (``kronika.analyze(text).statements``; the
outermost ones, not ``reported_in`` another statement, as PolNeAR annotates) over the PolNeAR articles (BRAT standoff
Source / Cue / Content spans, one annotation file per annotator) and scores each span
type separately: a predicted span is a hit when it equals a gold span (exact), or when its
token F1 with a gold span is at least 0.5 (overlap); gold and predicted spans are matched
one to one. Develop on ``train``, report on ``dev``. Citron's figures on this same dev set
(its released source/content models, cue classifier retrained on PolNeAR train) and its
published PARC 3.0 figures are printed beside.

    .venv/bin/python benchmarks/attribution.py [--split dev|train] [--limit N] [--errors N] [--cache F] [--internal]

``--cache`` keeps the parses and runs the same pipeline's stages on them (``Pipeline.run``);
``--internal`` scores :func:`kronika.claims.find_attributions` alone (``nested=False``), a
diagnostic only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "bench" / "attribution" / "polnear"

CITRON_DEV = {
    "overlap": {"source": 54.7, "cue": 54.6, "content": 55.2},
    "exact": {"source": 50.1, "cue": 48.1, "content": 30.8},
}
CITRON_PARC = "Citron on PARC 3.0 (other corpus): cue 82.3, source 82.0, content 59.3 exact / 83.3 overlap"
KINDS = ("source", "cue", "content")
_TOKEN = re.compile(r"\w+|[^\w\s]")

Frags = tuple[tuple[int, int], ...]


def read_ann(path: Path) -> list[dict[str, Frags]]:
    spans: dict[str, tuple[str, Frags]] = {}
    out = []
    for line in path.read_text("utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, offs = cols[1].partition(" ")
            frags = tuple(tuple(int(x) for x in f.split()) for f in offs.split(";"))
            spans[cols[0]] = (label, frags)  # type: ignore[assignment]
        elif line.startswith("E") and len(cols) >= 2:
            roles = dict(p.split(":", 1) for p in cols[1].split())
            item = {}
            for role, ref in roles.items():
                role = role.lower()
                if role in KINDS and ref in spans:
                    item[role] = spans[ref][1]
            if "cue" in item:
                out.append(item)
    return out


def tokens(text: str, frags: Frags) -> list[tuple[int, int]]:
    return [(s + m.start(), s + m.end()) for s, e in frags for m in _TOKEN.finditer(text[s:e])]


def token_f1(a: list, b: list) -> float:
    common = len(set(a) & set(b))
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def _norm(frags: Frags) -> Frags:
    return tuple(sorted(frags))


def match(text: str, gold: list[Frags], pred: list[Frags], exact: bool) -> int:
    """Greedy one-to-one matching; returns the number of hits."""
    if exact:
        remaining = [_norm(g) for g in gold]
        hits = 0
        for p in pred:
            key = _norm(p)
            if key in remaining:
                remaining.remove(key)
                hits += 1
        return hits
    gt = [tokens(text, g) for g in gold]
    pt = [tokens(text, p) for p in pred]
    pairs = sorted(
        ((token_f1(a, b), i, j) for i, a in enumerate(gt) for j, b in enumerate(pt) if a and b), reverse=True
    )
    used_g, used_p, hits = set(), set(), 0
    for f, i, j in pairs:
        if f < 0.5:
            break
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        hits += 1
    return hits


def _spans(items) -> list[dict]:
    """(source, cue, content) spans of statements or attributions, as PolNeAR fragments."""
    out = []
    for x in items:
        item = {"cue": ((x[1][0], x[1][1]),), "content": ((x[2][0], x[2][1]),)}
        if x[0] is not None:
            item["source"] = ((x[0][0], x[0][1]),)
        out.append(item)
    return out


def offset_map(raw: str, text: str) -> list[int]:
    """For each character of ``text`` (kronika's normalized ``Document.text``: NFC, CRLF, trailing
    spaces and extra blank lines dropped, stripped), its offset in ``raw``, plus the end."""
    out, j = [], 0
    for ch in text:
        k = raw.find(ch, j, j + 16)  # dropped characters are a few spaces or blank lines
        j = k if k >= 0 else min(j, len(raw) - 1)  # else a character NFC changed: one for one
        out.append(j)
        j += 1
    out.append(len(raw))
    return out


def _public(analysis, raw: str, nested: bool) -> list[dict]:
    """The statements of kronika's output, in offsets of the raw text; by default the outermost
    ones (not reported by another statement), as PolNeAR annotates."""
    m = offset_map(raw, analysis.document.text)

    def span(x):
        return (m[x.start], m[x.end - 1] + 1) if x is not None else None

    return _spans(
        [(span(s.source), span(s.cue), span(s.content)) for s in analysis.statements if nested or s.reported_in is None]
    )


def _internal(doc, text: str, i: int, nested: bool) -> list[dict]:
    """Diagnostic only: :func:`kronika.claims.find_attributions` on the parse, without the pipeline."""
    import datetime as dt

    from kronika.claims import find_attributions
    from kronika.context import Context
    from kronika.records import Document

    ctx = Context.from_doc(doc, Document(id=str(i), text=text, published=dt.date(2016, 1, 1)))
    return _spans([(a.source, a.cue, a.content) for a in find_attributions(ctx, nested=nested)])


def _parse(nlp, texts: list[str], cache: Path | None):
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs, None
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        DocBin(docs=docs, store_user_data=True).to_disk(cache)
    return docs, time.perf_counter() - t0


def predict(texts: list[str], cache: Path | None = None, nested: bool = False, internal: bool = False):
    """Predicted spans per text. Without ``cache`` and ``internal``: ``kronika.analyze`` on each text
    (the public output); with ``cache``: the same pipeline's stages on the cached parses
    (``Pipeline.run``, which is what ``analyze`` runs after the parse)."""
    import kronika
    from kronika.ingest import IngestOptions, read_text
    from kronika.pipeline import default_pipeline

    pipeline = default_pipeline()
    if cache is None and not internal:
        t0 = time.perf_counter()
        out = [_public(kronika.analyze(text, published="2016-01-01"), text, nested) for text in texts]
        return out, None, time.perf_counter() - t0
    documents = [
        read_text(t, options=IngestOptions(published=dt.date(2016, 1, 1), check_language=False)) for t in texts
    ]
    docs, t_parse = _parse(pipeline.nlp, texts if internal else [d.text for d in documents], cache)
    t0 = time.perf_counter()
    out = []
    for i, (text, doc, document) in enumerate(zip(texts, docs, documents)):
        if internal:
            out.append(_internal(doc, text, i, nested))
        else:
            out.append(_public(pipeline.run(doc, document), text, nested))
    return out, t_parse, time.perf_counter() - t0


def print_table(counts: dict) -> None:
    """P/R/F1, exact and overlap, for each span type, beside Citron's figures."""
    print(
        f"\n{'span':8} {'gold':>6} {'pred':>6} {'exact P/R/F1':>20} {'overlap P/R/F1':>20}   Citron dev F1 exact / overlap"
    )
    for k in KINDS:
        c = counts[k]
        cells = []
        for mode in ("exact", "overlap"):
            p = 100 * c[mode] / c["pred"] if c["pred"] else 0.0
            r = 100 * c[mode] / c["gold"] if c["gold"] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            cells.append(f"{p:.1f}/{r:.1f}/{f:.1f}")
        print(
            f"{k:8} {c['gold']:6d} {c['pred']:6d} {cells[0]:>20} {cells[1]:>20}   "
            f"{CITRON_DEV['exact'][k]:.1f} / {CITRON_DEV['overlap'][k]:.1f}"
        )
    print(CITRON_PARC)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, default=0, help="first N annotation files only")
    ap.add_argument("--skip", type=int, default=0, help="skip the first N annotation files")
    ap.add_argument("--errors", type=int, default=0, help="print N missed gold attributions")
    ap.add_argument("--false", type=int, default=0, help="print N predicted cues that match no gold cue")
    ap.add_argument("--cache", type=Path, help="keep the spaCy parses in this DocBin file (development only)")
    ap.add_argument(
        "--nested",
        action="store_true",
        help="also score statements reported inside another's content (PolNeAR annotates the outermost)",
    )
    ap.add_argument(
        "--internal",
        action="store_true",
        help="diagnostic: score find_attributions on the parse instead of Analysis.statements",
    )
    args = ap.parse_args()
    folder = args.data / args.split
    anns = sorted((folder / "attributions").glob("*.ann"))
    anns = anns[args.skip :]
    if args.limit:
        anns = anns[: args.limit]
    names = sorted({a.stem.rsplit("_", 1)[0] for a in anns})
    texts = {n: (folder / "text" / f"{n}.txt").read_text("utf-8") for n in names}
    order = list(texts)
    preds, t_parse, t_attr = predict([texts[n] for n in order], args.cache, args.nested, args.internal)
    by_name = dict(zip(order, preds))
    words = sum(len(t.split()) for t in texts.values())

    counts = {k: {"gold": 0, "pred": 0, "exact": 0, "overlap": 0} for k in KINDS}
    missed = []
    false = []
    for ann in anns:
        name = ann.stem.rsplit("_", 1)[0]
        text = texts[name]
        gold = read_ann(ann)
        pred = by_name[name]
        for k in KINDS:
            g = [x[k] for x in gold if k in x]
            p = [x[k] for x in pred if k in x]
            counts[k]["gold"] += len(g)
            counts[k]["pred"] += len(p)
            counts[k]["exact"] += match(text, g, p, exact=True)
            counts[k]["overlap"] += match(text, g, p, exact=False)
        if args.false and len(false) < args.false:
            gc = [tokens(text, x["cue"]) for x in gold]
            for x in pred:
                pt = tokens(text, x["cue"])
                if not any(token_f1(g, pt) >= 0.5 for g in gc):
                    s0 = x["cue"][0][0]
                    false.append((text[s0 : x["cue"][0][1]], text[max(0, s0 - 100) : s0 + 80].replace("\n", " ")))
        if args.errors and len(missed) < args.errors:
            pc = [tokens(text, x["cue"]) for x in pred]
            for x in gold:
                gt = tokens(text, x["cue"])
                if not any(token_f1(gt, t) >= 0.5 for t in pc):
                    line_start = text.rfind("\n", 0, x["cue"][0][0]) + 1
                    missed.append(
                        (
                            text[x["cue"][0][0] : x["cue"][-1][1]],
                            text[max(line_start, x["cue"][0][0] - 120) : x["cue"][0][1] + 80].replace("\n", " "),
                        )
                    )

    print(f"PolNeAR {args.split}: {len(anns)} annotation files over {len(texts)} articles, {words:,} words")
    print_table(counts)
    what = "find_attributions" if args.internal else ("kronika.analyze" if args.cache is None else "Pipeline.run")
    print(f"\nscored: {'find_attributions (diagnostic)' if args.internal else 'Analysis.statements (public output)'}")
    if t_parse is None:
        print(
            f"speed: {what} {words / t_attr:,.0f} words/s ({t_attr:.2f} s)"
            + ("; spaCy parses loaded from --cache" if args.cache else ", parse included")
        )
    else:
        print(
            f"speed: {what} {words / t_attr:,.0f} words/s ({t_attr:.2f} s) on top of the spaCy parse "
            f"{words / t_parse:,.0f} words/s ({t_parse:.2f} s): +{100 * t_attr / t_parse:.0f}%"
        )
    for cue, ctx in missed:
        print(f"MISSED cue {cue!r}: ...{ctx}...")
    for cue, ctx in false:
        print(f"FALSE cue {cue!r}: ...{ctx}...")


if __name__ == "__main__":
    main()
