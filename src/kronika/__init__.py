"""kronika: news reports about wars → a sourced, geolocated, dated chronicle."""

from kronika.errors import InputError, KronikaError, UnsupportedLanguage
from kronika.records import Analysis, Claim, Document, Event, Place, Quantity, TimeSpan

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Claim",
    "Document",
    "Event",
    "InputError",
    "KronikaError",
    "Place",
    "Quantity",
    "TimeSpan",
    "UnsupportedLanguage",
    "analyze",
    "Chronicle",
    "Filters",
    "Pipeline",
]


def __getattr__(name):  # lazy: importing kronika must not load spaCy
    if name in ("analyze", "Pipeline"):
        from kronika import pipeline

        return getattr(pipeline, name)
    if name == "Chronicle":
        from kronika.chronicle import Chronicle

        return Chronicle
    if name == "Filters":
        from kronika.filters import Filters

        return Filters
    raise AttributeError(name)
