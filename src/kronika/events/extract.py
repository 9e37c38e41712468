"""Clause-level event extraction over the dependency parse.

For each trigger word (``data/events/triggers.yaml``, matched on spaCy lemma and part of
speech) an :class:`~kronika.records.Event` is built:

* **type** - fixed by the trigger, or chosen by the snippet classifier among the trigger's
  allowed ACLED sub-event types (``refine``), or, for capture verbs, from the object
  (territory / people / weapons) and the agent (state or non-state, retaking or not);
* **actor1 / actor2** - the agent and the target: subject and object of an active verb;
  "by"-agent and subject of a passive verb or participle ("a soldier captured by
  Ukrainian forces"); the possessor, "by"-phrase or demonym of a noun ("Ukraine's
  capture of", "the Russian offensive"); the subject of a light verb governing a noun
  ("Ukrainian forces began an incursion"); subjects inherited through xcomp/advcl/conj;
  pronouns resolved to the last agent; an event with no agent in its clause inherits
  the agent of the previous event of the same sub-event type (strike reports list
  "Near X, one strike ..." after "Coalition forces conducted 34 strikes");
* **status** - negated / denied / planned / hypothetical / forecast from negation, the
  verbs governing the trigger ("denied that ...", "proposed ...") and modals;
* **place / time** - the governing location (as :func:`kronika.attach.governing_place`, leaving
  out names that act as actors here) and :func:`kronika.attach.governing_time` (for a
  territorial change, a place inside the object wins: "the town of Sudzha");
* **fatalities** - from the claims stage: a "killed" claim in the same sentence.
"""

from __future__ import annotations

from kronika.context import Context
from kronika.events.arguments import arrests_after_crimes, with_article_focus
from kronika.actors import load_dictionary
from kronika.events.blame import blamed
from kronika.events.corefer import corefer
from kronika.events.countrywide import across_the_country
from kronika.events.disputes import disputed_events
from kronika.events.defaults import implied_actors
from kronika.events.classify import forget_texts
from kronika.events.frame import (
    carry_attackers,
    carry_strike_types,
    civilians_of_place,
    forces_of_place,
    crowd_actors,
    defenders,
    home_ground,
    named_groups,
    no_self_attack,
)
from kronika.events.filters import (
    drop_non_events,
    kinds_only,
    lone_references,
    mark_background,
    set_aside_for_meaning,
)
from kronika.events.mentions import clause_mentions
from kronika.events.lead import CRIMES, mark_lead, story_place, story_time
from kronika.events.snippet import classifier_mentions, classifier_types, is_snippet
from kronika.events.protests import (
    arrests_at_protests,
    arrests_on_protest_day,
    crowd_violence,
    deadly_clashes,
    deaths_at_protests,
    force_on_protesters,
)
from kronika.events.targets import attacks_on_civilians, attacks_on_property
from kronika.events.losers import ground_lost, struck_people, weapons_downed
from kronika.events.sides import agreement_sides
from kronika.events.split import split_by_place
from kronika.events.subacts import sub_acts
from kronika.events.summaries import sums_of_parts
from kronika.events.tolls import (
    casualty_mentions,
    one_toll_per_killing,
    only_violence_kills,
    relative_tolls,
    single_victims,
)
from kronika.records import Event


def extract_events(ctx: Context) -> list[Event]:
    """Events of the document, each real event once, in order of first mention: clause mentions
    (else the snippet classifier's reading) → one per place → tolls told place by place → not
    events dropped → one death for one person killed → what was done in the course of an attack
    folded into it → mentions grouped → denials of what the report asserts folded in, marked
    disputed → a toll told for several events then event by event dropped (the parts stand) →
    past context marked → the article's focus for events no mention places (its country for those
    told across the country) → never one actor on both sides → the side a
    source blames → the last attacker for strikes that name none → victims as the civilians of
    the event's country → the crowd as a demonstration's actor → the defending country for
    interceptions → the actor an event type implies → the lead event marked → the lead's day for
    events the report does not date → arrests made at a demonstration folded into it → the lead's
    town for unplaced events told just after it."""
    forget_texts()  # the classifier's cues kept for the last document's sentences
    found = casualty_mentions(ctx, split_by_place(ctx, classifier_mentions(ctx, clause_mentions(ctx))))
    mentions = classifier_types(ctx, single_victims(ctx, relative_tolls(ctx, drop_non_events(ctx, found))))
    mentions = one_toll_per_killing(mentions)
    mentions = attacks_on_civilians(
        ctx,
        attacks_on_property(
            ctx,
            crowd_violence(ctx, deaths_at_protests(ctx, force_on_protesters(ctx, arrests_at_protests(ctx, mentions)))),
        ),
    )
    if not mentions:  # only kinds of events named ("a string of rallies"): the classifier reads the clauses
        reread, dropped = kinds_only(ctx, found), set_aside_for_meaning(ctx, found)
        mentions = drop_non_events(
            ctx, classifier_mentions(ctx, [], reread=reread, dropped=dropped), despite_wording=is_snippet(ctx)
        )
    events = sums_of_parts(disputed_events(ctx, corefer(ctx, sub_acts(ctx, mentions))))
    events = with_article_focus(ctx, lone_references(ctx, mark_background(ctx, events)))
    events = across_the_country(ctx, events)
    dictionary = load_dictionary()
    events = carry_strike_types(no_self_attack(home_ground(ctx, named_groups(ctx, deadly_clashes(ctx, events)))))
    events = civilians_of_place(dictionary, carry_attackers(ctx, blamed(ctx, forces_of_place(ctx, dictionary, events))))
    events = only_violence_kills(defenders(ctx, dictionary, crowd_actors(ctx, dictionary, events)))
    events = struck_people(ctx, dictionary, weapons_downed(ground_lost(ctx, dictionary, events)))
    events = implied_actors(ctx, dictionary, agreement_sides(ctx, events))
    events = story_time(mark_lead(ctx, arrests_after_crimes(ctx, events, CRIMES)))
    return story_place(ctx, arrests_on_protest_day(ctx, events))
