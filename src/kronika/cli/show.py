"""Terminal formatting of analyses, rows and the chronicle (rich tables; plain lines into a pipe or file)."""

from __future__ import annotations

import json
import sys
from typing import Any, Optional

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kronika.records import Analysis, Claim, Quantity, TimeSpan


def console() -> Console:
    c = Console()
    if not c.is_terminal:
        c = Console(width=200, no_color=True)
    return c


def fmt_quantity(q: Quantity) -> str:
    def num(x: Optional[float]) -> str:
        return "?" if x is None else (f"{x:,.0f}" if float(x).is_integer() else f"{x:,}")

    if q.low is not None and q.high is not None and q.low != q.high:
        core = f"{num(q.low)}–{num(q.high)}"
    else:
        core = num(q.value if q.value is not None else q.low if q.low is not None else q.high)
    prefix = {"approximately": "~", "at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<"}.get(
        q.qualifier, ""
    )
    unit = f" {q.unit}" if q.unit else ""
    vague = f" ({q.text})" if q.vague else ""
    return f"{prefix}{core}{unit}{vague}"


def fmt_time(t: Optional[TimeSpan]) -> str:
    if t is None:
        return ""
    if t.start_date and t.end_date and t.start_date != t.end_date:
        span = f"{t.start_date}/{t.end_date}"
    else:
        span = str(t.start_date or t.value or "?")
    extra: list[str] = []
    if t.granularity:
        extra.append(t.granularity)
    if t.bound:
        extra.append(t.bound)
    if t.defaulted:
        extra.append("defaulted")
    return f"{span} ({', '.join(extra)})" if extra else span


def _cell(s: Any) -> Text:
    return Text("" if s is None else str(s))  # never interpret markup in ingested text


def print_analysis(a: Analysis, c: Optional[Console] = None) -> None:
    c = c or console()
    _print_document(a, c)
    c.print(_places_table(a))
    c.print(_times_table(a))
    c.print(_actors_table(a))
    c.print(_claims_table(a))
    c.print(_statements_table(a))
    c.print(_events_table(a))


def _print_document(a: Analysis, c: Console) -> None:
    """The document's heading, its metadata lines and the analysis's warnings."""
    d = a.document
    c.print(Text(f"Document {d.id}", style="bold"))
    for label, value in (
        ("title", d.title),
        ("source", d.source),
        ("url", d.url),
        ("published", f"{d.published} ({d.published_from})" if d.published else "unknown"),
        ("path", d.path),
        ("pipeline", a.pipeline),
    ):
        if value:
            c.print(_cell(f"  {label}: {value}"))
    for w in a.warnings:
        c.print(_cell(f"  warning: {w}"))


def _places_table(a: Analysis) -> Table:
    """The places of an analysis and what each resolved to."""
    t = Table(title="Places", title_justify="left")
    for col in ("text", "role", "resolved to", "geonameid", "level", "country", "admin1", "lat, lon", "prec", "sent"):
        t.add_column(col)
    for p in a.places:
        t.add_row(
            *map(
                _cell,
                (
                    p.text,
                    p.role,
                    (p.name or "(unresolved)") + (" (fallback)" if p.fallback else ""),
                    p.geonameid,
                    p.level,
                    p.country_code,
                    p.admin1,
                    f"{p.latitude:.3f}, {p.longitude:.3f}" if p.latitude is not None else "",
                    p.geo_precision,
                    p.sentence,
                ),
            )
        )
    return t


def _times_table(a: Analysis) -> Table:
    """The time expressions of an analysis with their normalised values."""
    t = Table(title="Times", title_justify="left")
    for col in ("text", "type", "value", "interval", "granularity", "mod", "bound", "anchor", "sent"):
        t.add_column(col)
    for tx in a.times:
        interval = f"{tx.start_date}/{tx.end_date}" if tx.start_date else ""
        t.add_row(
            *map(
                _cell, (tx.text, tx.type, tx.value, interval, tx.granularity, tx.mod, tx.bound, tx.anchor, tx.sentence)
            )
        )
    return t


def _actors_table(a: Analysis) -> Table:
    """The actors of an analysis."""
    t = Table(title="Actors", title_justify="left")
    for col in ("text", "actor", "kind", "iso3", "inter", "via", "sent"):
        t.add_column(col)
    for ac in a.actors:
        t.add_row(*map(_cell, (ac.text, ac.name, ac.kind, ac.country_iso3, ac.inter, ac.via, ac.sentence)))
    return t


def _claims_table(a: Analysis) -> Table:
    """The quantitative claims of an analysis, one row each."""
    t = Table(title="Claims", title_justify="left")
    for col in ("measure", "figure", "subject", "claimant", "modality", "time", "place", "parts", "sent"):
        t.add_column(col)
    for cl in a.claims:
        t.add_row(*map(_cell, _claim_cells(cl)))
    return t


def _claim_cells(cl: Claim) -> tuple:
    """The cells of one claim's row: figure, who it counts, who claims it, its parts."""
    parts = ", ".join(f"{p.measure} {fmt_quantity(p.quantity)}" for p in cl.parts)
    if cl.parts_check and cl.parts_check != "sum":
        parts += f" [parts {cl.parts_check}: {cl.parts_sum:,.0f} vs {fmt_quantity(cl.quantity)}]"
    claimant = cl.claimant.name if cl.claimant else (cl.claimant_text or f"({cl.claimant_kind})")
    if cl.claimant and cl.claimant_text and cl.claimant_text not in claimant:
        claimant = f"{cl.claimant_text} → {claimant}"
    subject = cl.subject.name if cl.subject else cl.subject_text
    place = (cl.place.name or cl.place.text) if cl.place else ""
    return (
        cl.measure,
        fmt_quantity(cl.quantity),
        subject,
        claimant,
        cl.modality + (" (headline)" if cl.headline else ""),
        fmt_time(cl.time),
        place,
        parts,
        cl.sentence,
    )


def _events_table(a: Analysis) -> Table:
    """The events of an analysis with their actors, place, time and sentences."""
    t = Table(title="Events", title_justify="left")
    for col in (
        "type / sub-event (kind)",
        "actor1",
        "actor2",
        "place",
        "time",
        "status",
        "fatal.",
        "trigger",
        "sentences",
    ):
        t.add_column(col)
    for e in a.events:
        place = (e.place.name or e.place.text) if e.place else ""
        t.add_row(
            *map(
                _cell,
                (
                    f"{e.event_type} / {e.sub_event_type}" + (f" ({e.kind})" if e.kind else ""),
                    e.actor1.name if e.actor1 else "",
                    e.actor2.name if e.actor2 else "",
                    place + (" (the article's place)" if e.place and e.place_from == "article" else ""),
                    fmt_time(e.time),
                    e.status + (", background" if e.background else ""),
                    e.fatalities if e.fatalities is not None else "",
                    e.trigger.text,
                    ", ".join(str(n) for n in dict.fromkeys([e.sentence, *(m.sentence for m in e.mentions)])),
                ),
            )
        )
    return t


def _statements_table(a: Analysis) -> Table:
    t = Table(title="Statements", title_justify="left")
    for col in ("source", "stance", "kind", "cue", "says", "reported by", "time", "sent"):
        t.add_column(col, overflow="fold", max_width=60 if col == "says" else None)
    for x in a.statements:
        source = x.source_name or "(no source named)"
        if x.source is not None and x.source.text not in source:
            source = f"{x.source.text} → {source}"
        t.add_row(
            *map(
                _cell,
                (
                    source,
                    x.stance,
                    x.kind,
                    x.cue.text,
                    x.content.text,
                    x.reported_by.text if x.reported_by else "",
                    fmt_time(x.time),
                    x.sentence,
                ),
            )
        )
    return t


def _event_fields(r: dict) -> dict[str, str]:
    kind = f" ({r['kind']})" if r.get("kind") else ""
    status = "" if r.get("status") in (None, "occurred") else f" [{r['status']}]"
    return {
        "date": _span(r.get("date_start"), r.get("date_end")),
        "event": f"{r.get('event_type')} / {r.get('sub_event_type')}{kind}{status}",
        "actors": " → ".join(a for a in (r.get("actor1"), r.get("actor2")) if a),
        "place": r.get("place") or "",
        "dead": "" if r.get("fatalities") is None else str(r["fatalities"]),
        "source": _clean(r.get("source") or r.get("title") or r.get("doc_id"), 60),
        "text": _clean(r.get("text"), 160),
    }


def _claim_fields(r: dict) -> dict[str, str]:
    q = Quantity(
        start=0,
        end=0,
        text="",
        sentence=0,
        value=r.get("value"),
        low=r.get("low"),
        high=r.get("high"),
        qualifier=r.get("qualifier"),
        unit=r.get("unit"),
    )
    modality = "" if r.get("modality") in (None, "asserted") else f" [{r['modality']}]"
    return {
        "date": _span(r.get("date_start"), r.get("date_end")),
        "measure": r.get("measure") or "",
        "figure": fmt_quantity(q) + modality,
        "subject": r.get("subject") or "",
        "claimant": r.get("claimant") or "",
        "place": r.get("place") or "",
        "source": _clean(r.get("source") or r.get("title") or r.get("doc_id"), 60),
        "text": _clean(r.get("text"), 160),
    }


def _statement_fields(r: dict) -> dict[str, str]:
    reported = f" (reported by {r['reported_by']})" if r.get("reported_by") else ""
    return {
        "date": _span(r.get("date_start"), r.get("date_end")),
        "who": f"{r.get('source') or '(no source named)'}{reported}",
        "stance": r.get("stance") or "",
        "cue": r.get("cue") or "",
        "source": _clean(r.get("publisher") or r.get("doc_id"), 60),
        "text": _clean(r.get("content"), 160),
    }


_FIELDS = {"events": _event_fields, "claims": _claim_fields, "statements": _statement_fields}


def _span(start, end) -> str:
    if start is None:
        return "undated"
    return str(start) if end in (None, start) else f"{start}/{end}"


def print_rows(kind: str, rows: list[dict], fmt: str, out=None) -> None:
    """Stored events, claims or statements: JSON, a table that fits the terminal, or plain lines
    into a pipe."""
    if fmt == "json":
        for r in rows:
            r.pop("data", None)
        print(json.dumps(rows, default=str, ensure_ascii=False, indent=2), file=out or sys.stdout)
        return
    fields = [_FIELDS.get(kind, _claim_fields)(r) for r in rows]
    c = console()
    if out is not None or not c.is_terminal:
        _print_rows_plain(kind, fields, out or sys.stdout)
        return
    _print_rows_table(kind, fields, c)


TABLE_CAPS = {"date": 10, "event": 18, "text": 16}  # widest a column's minimum gets; others 12
TABLE_MAX = {"date": 12, "event": 20, "actors": 16, "claimant": 16, "claim": 16, "dead": 4}  # others 14


def _print_rows_table(kind: str, fields: list[dict[str, str]], c: Console) -> None:
    """A table as wide as the terminal. Words are not cut: each column is at least as wide as
    its longest word (up to a cap); the source goes with the sentence, which takes the rest."""
    shown = [
        {
            **{k: v for k, v in f.items() if k != "source"},
            "date": f["date"].replace("/", " – "),  # a span wraps between its two dates
            "text": f"“{f['text']}” — {f['source']}",
        }
        for f in fields
    ]
    if kind == "claims":  # one column for the figure and what it counts
        shown = [{"date": f.pop("date"), "claim": f"{f.pop('measure')} {f.pop('figure')}", **f} for f in shown]
    t = Table(title=f"{len(fields)} {kind}", title_justify="left", expand=True)
    for col in shown[0] if shown else {"date": ""}:
        longest = max((len(w) for f in shown for w in f[col].split()), default=4)
        width = min(max(longest, len(col)), TABLE_CAPS.get(col, 12))
        if col == "text":
            t.add_column(col, min_width=width, ratio=1, overflow="fold")
        else:
            t.add_column(col, min_width=width, max_width=max(width, TABLE_MAX.get(col, 14)), overflow="fold")
    for f in shown:
        t.add_row(*map(_cell, f.values()))
    c.print(t)


def _print_rows_plain(kind: str, fields: list[dict[str, str]], out) -> None:
    """One line per row and its sentence on the next, each well under 200 characters."""
    lines = [f"{len(fields)} {kind}"]
    for f in fields:
        head = " · ".join(v for k, v in f.items() if k not in ("text", "source") and v)
        lines.append(_clean(f"{head} — {f['source']}", 190))
        lines.append(f"      “{f['text']}”")
    out.write("\n".join(lines) + "\n")


def _when(start, end, granularity: Optional[str], defaulted: bool, fallback) -> str:
    """A timeline heading at the precision of the time: 2025-01-11, 2025-01, 2025."""
    if start is None or defaulted:
        return f"{fallback} (reported)" if fallback else "undated"
    if granularity in ("day", "time"):
        return str(start) if start == end or end is None else f"{start}/{end}"
    if granularity == "month":
        return str(start)[:7]
    if granularity == "year":
        return str(start)[:4]
    return f"{start}/{end}"


def _when_time(t: Optional[TimeSpan], fallback) -> str:
    if t is None:
        return _when(None, None, None, False, fallback)
    return _when(t.start_date, t.end_date, t.granularity, t.defaulted, fallback)


def _clean(s: Optional[str], limit: int = 200) -> str:
    s = s or ""
    if not s.isprintable() or "  " in s:
        s = " ".join(s.split())  # ingested text: one line, no control characters
    return s if len(s) <= limit else s[: limit - 1] + "…"


def print_chronicle(timeline: list[tuple], claim_rows: list[dict], out=None) -> None:
    """A dated timeline: each chronicle event with its reports and sources, and (optionally) the
    claims of the same dates. ``timeline`` is :meth:`kronika.chronicle.Chronicle.timeline`'s rows.

    Plain lines (no table layout), so that a chronicle of thousands of events prints at once."""
    out = out or sys.stdout
    lines = _timeline_lines(timeline) + [_claim_line(r) for r in claim_rows]
    if not lines:
        out.write("The chronicle is empty: ingest some articles first.\n")
        return
    out.write(_under_headings(lines))


def _timeline_lines(timeline: list[tuple]) -> list[tuple[str, int, str]]:
    """(heading, 0, text) per chronicle event: its summary line and a line per report."""
    lines: list[tuple[str, int, str]] = []
    current_id, parts, when = None, [], ""
    for (
        eid,
        start,
        end,
        granularity,
        defaulted,
        first,
        etype,
        sub,
        kind,
        status,
        actor1,
        actor2,
        place,
        fatalities,
        n_sources,
        doc_id,
        source,
        published,
        text,
    ) in timeline:
        if eid != current_id:
            if current_id is not None:
                lines.append((when, 0, "".join(parts)))
            current_id = eid
            when = _when(start, end, granularity, defaulted, first)
            who = " → ".join(a for a in (actor1, actor2) if a)
            parts = [
                f"  EVENT {etype} / {sub}",
                f" ({kind})" if kind else "",
                "" if status == "occurred" else f" [{status}]",
                f": {who}" if who else "",
                f" @ {place}" if place else "",
                f", {fatalities} killed" if fatalities else "",
                f"  [{n_sources} source{'s' if n_sources != 1 else ''}]",
            ]
        parts.append(
            f"\n      “{_clean(text, 160)}” — {_clean(source or doc_id, 60)}" + (f", {published}" if published else "")
        )
    if current_id is not None:
        lines.append((when, 0, "".join(parts)))
    return lines


def _claim_line(r: dict) -> tuple[str, int, str]:
    """(heading, 1, text) of one stored claim: its figure, scope, claimant, parts and sentence."""
    c = r["data"]
    q = Quantity.model_validate(c["quantity"])
    t = TimeSpan.model_validate(c["time"]) if c.get("time") else None
    when = _when_time(t, r.get("published"))
    line = f"  CLAIM {r['measure']} {fmt_quantity(q)}"
    if r.get("subject"):
        line += f" ({r['subject']})"
    if r.get("place"):
        line += f" @ {r['place']}"
    line += f" — {r.get('claimant') or 'the article'}"
    if r["modality"] != "asserted":
        line += f" [{r['modality']}]"
    if c.get("parts"):
        line += " = " + " + ".join(
            f"{p['measure']} {fmt_quantity(Quantity.model_validate(p['quantity']))}" for p in c["parts"]
        )
    if c.get("parts_check") in ("short", "exceed"):
        line += (
            f" [parts {'fall short of' if c['parts_check'] == 'short' else 'exceed'} the total: {c['parts_sum']:,.0f}]"
        )
    line += f"\n      “{_clean(r.get('text'), 160)}” — {_clean(r.get('source') or r.get('title') or r['doc_id'], 60)}"
    return when, 1, line


def _under_headings(lines: list[tuple[str, int, str]]) -> str:
    """The lines sorted by heading (events before claims), each heading written once."""
    lines.sort(key=lambda x: (x[0], x[1]))  # stable: events keep their order within a heading
    current = None
    chunks = []
    for when, _, line in lines:
        if when != current:
            chunks.append(f"\n{when}")
            current = when
        chunks.append(line)
    return "\n".join(chunks).lstrip("\n") + "\n"


def print_series(found: list, out=None) -> None:
    c = console()
    if not found:
        c.print("No claim series: ingest some articles first.")
        return
    if out is not None or not Console().is_terminal:
        _print_series_plain(found, out or sys.stdout)
        return
    for s in found:
        t = Table(title=_series_heading(s), title_justify="left")
        for col in ("as of", "claimant", "figure", "modality", "flags", "source", "sentence"):
            t.add_column(col, overflow="fold", max_width=70 if col == "sentence" else None)
        for p in s.points:
            q = Quantity(
                start=0,
                end=0,
                text="",
                sentence=p.sentence,
                value=p.value,
                low=p.low,
                high=p.high,
                qualifier=p.qualifier,
                unit=p.unit,
            )
            t.add_row(
                *map(
                    _cell,
                    (
                        p.date,
                        p.claimant,
                        fmt_quantity(q),
                        p.modality + ("" if p.credible else " (excluded)"),
                        "; ".join(p.flags),
                        p.source,
                        _clean(p.text, 140),
                    ),
                )
            )
        c.print(t)


def _series_heading(s) -> str:
    """ "measure: subject @ place (unit)   low · best · high  flags: ..." of a claim series."""
    title = f"{s.measure}: {s.subject or 'anyone'} @ {s.place or 'anywhere'}" + (f" ({s.unit})" if s.unit else "")
    summary = f"low {_n(s.low)} · best {_n(s.best)} · high {_n(s.high)}"
    if s.flags:
        summary += "  flags: " + ", ".join(s.flags)
    return f"{title}   {summary}"


def _print_series_plain(found: list, out) -> None:
    """Series as plain lines when the output is a file or a pipe (rich tables take seconds for
    thousands of rows and wrap at an arbitrary width): a header per series, a line per figure."""
    lines = []
    for s in found:
        lines.append(_series_heading(s))
        for p in s.points:
            q = Quantity(
                start=0,
                end=0,
                text="",
                sentence=p.sentence,
                value=p.value,
                low=p.low,
                high=p.high,
                qualifier=p.qualifier,
                unit=p.unit,
            )
            modality = p.modality + ("" if p.credible else " (excluded)")
            flags = f"  [{'; '.join(p.flags)}]" if p.flags else ""
            lines.append(
                f"  {p.date or '?'}  {_clean(p.claimant or '?', 80)}: {fmt_quantity(q)}  {modality}{flags}"
                f" — {_clean(p.source or '?', 60)}"
            )
            lines.append(f"      “{_clean(p.text, 200)}”")
        lines.append("")
    out.write("\n".join(lines))


def _n(x: Optional[float]) -> str:
    return "–" if x is None else f"{x:,.0f}"
