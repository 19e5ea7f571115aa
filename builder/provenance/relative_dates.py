"""`relative-date` notes: "on Thursday", "yesterday" with no publication date to say which day."""

from __future__ import annotations

import re

from builder.model import Event, Fact, Note
from builder.provenance.evidence import Articles, listing, members, note, quoted, ref

_RELATIVE_TIME = re.compile(r"\b(?:last|this|tonight|yesterday|today|tomorrow)\b", re.IGNORECASE)
"""Times of day that are relative too: "last night", "this morning"."""


def unanchored(fact: Fact) -> bool:
    """A date or time the text gives only relative to a day it does not name."""
    value = dict(fact.value)
    if fact.kind == "date":
        return bool(value.get("relative")) and not value.get("resolved")
    return fact.kind == "time" and bool(_RELATIVE_TIME.search(fact.text))


def check(event: Event, articles: Articles) -> list[Note]:
    """One note for the event: each account without a publication date that dates things relative to it."""
    found = {
        article.id: facts
        for article in members(event, articles)
        if not article.published
        and (facts := [f for f in event.facts if f.article == article.id and unanchored(f)])
    }
    if not found:
        return []
    said = {aid: listing(list(dict.fromkeys(quoted(f.text) for f in facts))) for aid, facts in found.items()}
    if len(found) == 1:
        [(aid, words)] = said.items()
        message = f"{articles[aid].label} says {words} but has no publication date, so the day meant"
    else:
        told = "; ".join(f"{articles[aid].label} says {words}" for aid, words in said.items())
        message = (
            f"{len(found)} accounts give relative dates but no publication date ({told}), so the days meant"
        )
    anchor = (
        f" Other accounts date the event {event.date}, which may be the day meant."
        if event.date and event.date_source == "published"
        else ""
    )
    return [
        note(
            "relative-date",
            f"{message} cannot be placed on a calendar.{anchor}",
            list(found),
            [ref(f.article, f.sentence) for facts in found.values() for f in facts],
        )
    ]
