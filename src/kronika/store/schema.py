"""The store's tables (SQLAlchemy Core): documents with their events, claims and statements, and
the chronicle built from them (merged events, their reports, claim series).

Every module of the store imports its tables from here; :mod:`kronika.store` re-exports them.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
)

metadata = MetaData()

meta_table = Table("kronika_meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text))

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("author", Text),
    Column("published", Date, index=True),
    Column("published_from", String(16)),
    Column("format", String(16)),
    Column("path", Text),
    Column("text", Text, nullable=False),
    Column("analysis", JSON, nullable=False),
    Column("pipeline", String(128)),
    Column("ingested_at", DateTime, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("event_type", String(64), index=True),
    Column("sub_event_type", String(64)),
    Column("kind", String(64)),
    Column("status", String(16)),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("granularity", String(16)),
    Column("place", Text, index=True),
    Column("geonameid", Integer),
    Column("country_code", String(2)),
    Column("admin1", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("actor1", Text, index=True),
    Column("actor2", Text, index=True),
    Column("fatalities", Integer),
    Column("sentence", Integer),
    Column("text", Text),
    Column("data", JSON, nullable=False),
    Column("sweep_start", Date),  # where the chronicle's merge sweeps it: its start, else its publication
    Index("ix_events_type_sweep", "event_type", "sweep_start"),
)

claims = Table(
    "claims",
    metadata,
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("measure", String(32), index=True),
    Column("subject", Text),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("qualifier", String(16)),
    Column("unit", String(16)),
    Column("claimant", Text, index=True),
    Column("modality", String(16)),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("place", Text, index=True),
    Column("geonameid", Integer),
    Column("country_code", String(2)),
    Column("headline", Boolean),
    Column("sentence", Integer),
    Column("text", Text),
    Column("data", JSON, nullable=False),
    Column("series_key", String(32), index=True),
    Column("series_window", String(8)),  # the month its series point is "as of" (series.window_of)
    Index("ix_claims_series_window", "series_key", "series_window"),
)


chronicle_events = Table(
    "chronicle_events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("event_type", String(64), index=True),
    Column("sub_event_type", String(64)),
    Column("kind", String(64)),
    Column("status", String(16)),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("granularity", String(16)),
    Column("date_defaulted", Boolean),
    Column("place", Text, index=True),
    Column("country_code", String(2)),
    Column("admin1", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("actor1", Text, index=True),
    Column("actor2", Text, index=True),
    Column("fatalities", Integer),
    Column("n_sources", Integer),
    Column("n_reports", Integer),
    Column("first_reported", Date),
    Column("last_reported", Date),
    Column("merge_score", Float),
    Column("data", JSON, nullable=False),
)
# the chronicle's date order (store.read.chronicle_order): its first page straight from the index
_DAY = func.coalesce(chronicle_events.c.date_start, chronicle_events.c.first_reported)
Index("ix_chronicle_events_day", _DAY.is_(None), _DAY, chronicle_events.c.id)

chronicle_reports = Table(
    "chronicle_reports",
    metadata,
    Column("chronicle_id", String(32), ForeignKey("chronicle_events.id", ondelete="CASCADE"), primary_key=True),
    Column("doc_id", String(32), primary_key=True),
    Column("event_id", String(32), primary_key=True),
    Column("source", Text),
    Column("published", Date),
    Column("text", Text),
    Column("edge", JSON),  # [score, reasons] of the link by which this report joined its event
    Index("ix_chronicle_reports_report", "doc_id", "event_id"),
)

claim_series = Table(
    "claim_series",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("measure", String(32), index=True),
    Column("subject", Text, index=True),
    Column("place", Text, index=True),
    Column("unit", String(16)),
    Column("low", Float),
    Column("best", Float),
    Column("high", Float),
    Column("flags", Text),
    Column("n_points", Integer),
    Column("last_date", Date),
    Column("data", JSON, nullable=False),
)

# A claim series is stored by window (a month): a head row in ``claim_series`` (what lists and
# filters need, and the counts over its windows), each window's points and figures in
# ``series_windows``, and each claimant's first and last credible figure per window in
# ``series_claimants`` (what a revision compares across windows). An update rewrites only the
# windows of its new claims (kronika.store.incremental).
series_windows = Table(
    "series_windows",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("window", String(8), primary_key=True),
    Column("low", Float),
    Column("best", Float),
    Column("high", Float),
    Column("n_points", Integer),
    Column("last_date", Date),
    Column("counts", JSON, nullable=False),  # its share of the series' counts (series.piece_counts)
    Column("data", JSON, nullable=False),  # series.piece_json
)

series_claimants = Table(
    "series_claimants",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("claimant", Text, primary_key=True),
    Column("window", String(8), primary_key=True),
    Column("first", JSON, nullable=False),
    Column("last", JSON, nullable=False),  # [date, value, low, high]
    Column("revises", Boolean, nullable=False),  # its first figure revises its previous window's last
)

# Documents stored but not folded into the chronicle yet: an ingest stores its batches at once and
# folds them into the merged events and series less often (kronika.store.incremental.fold_pending);
# what a killed ingest left here is folded by the next ingest or ``chronicle rebuild``.
chronicle_pending = Table(
    "chronicle_pending",
    metadata,
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)

statements = Table(
    "statements",
    metadata,
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("source", Text, index=True),
    Column("source_text", Text),
    Column("source_kind", String(16)),
    Column("stance", String(32), index=True),
    Column("kind", String(16)),
    Column("form", String(16)),
    Column("cue", Text),
    Column("content", Text),
    Column("reported_by", Text),
    Column("reported_in", String(64)),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("n_claims", Integer),
    Column("sentence", Integer),
    Column("text", Text),
    Column("data", JSON, nullable=False),
)
