"""Events told across a whole country ("13 people had been shot dead across the country"): when
no mention places them and the article's focus is a town, they are placed at the focus's
country, not at the town (ACLED: a country-wide figure is coded at the country, precision 3)."""

from __future__ import annotations

import re
from functools import lru_cache

from kronika.context import Context
from kronika.events.lexicon import load_lexicon
from kronika.records import Event, Place


@lru_cache(maxsize=1)
def _countrywide() -> re.Pattern:
    phrases = sorted(load_lexicon().words["countrywide_phrases"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b", re.I)


def _country_of(ctx: Context, place: Place):
    """A resolved country record of ``place``'s country among the document's places (a name or a
    demonym: "Kenyan police"), or None."""
    return next(
        (p for p in ctx.places if p.level == "country" and p.resolved and p.country_code == place.country_code),
        None,
    )


def told_countrywide(ctx: Context, e: Event) -> bool:
    """The event's sentence tells it across the country ("across the country", "nationwide")."""
    return bool(_countrywide().search(ctx.sentences[e.sentence].text))


def across_the_country(ctx: Context, events: list[Event]) -> list[Event]:
    """Events the article's focus placed at a town whose own sentence tells them across the
    country ("across the country", "nationwide") are placed at that country."""
    out = []
    for e in events:
        if e.place_from == "article" and e.place is not None and e.place.level != "country":
            country = _country_of(ctx, e.place)
            if country is not None and told_countrywide(ctx, e):
                e = e.model_copy(update={"place": country})
        out.append(e)
    return out


__all__ = ["across_the_country", "told_countrywide"]
