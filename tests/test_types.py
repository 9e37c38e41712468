"""Sub-event types decided by who does what to whom: invented sentences, each a general case."""

from __future__ import annotations

import kronika


def _types(text: str, published: str = "2025-03-10") -> list[str]:
    return [e.sub_event_type for e in kronika.analyze(text, published=published).events]


def test_a_pronoun_seizing_stands_for_the_protesters_of_the_main_clause():
    # the protesters of the main clause "seize control" of a site: they occupy it, they take no ground
    text = "Anti-mining protesters in Peru marched on Monday, and they seized control of the main airport in Cusco."
    types = _types(text)
    assert "Armed clash" not in types
    assert "Peaceful protest" in types


def test_a_pronoun_of_soldiers_still_takes_ground():
    text = "Government soldiers advanced overnight as they seized control of the town of Kidal on Tuesday."
    assert "Armed clash" not in _types(text) or "Government regains territory" in _types(text)


def test_tear_shells_are_an_intervention_not_shelling():
    text = "Students said police attacked them with tear shell in the library at Makerere University in Kampala on Wednesday."
    types = _types(text)
    assert "Shelling/artillery/missile attack" not in types
    assert "Protest with intervention" in types
