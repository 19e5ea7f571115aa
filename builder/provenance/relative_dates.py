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
    """A note per account without a publication date that dates things relative to it."""
    notes = []
    for article in members(event, articles):
        if article.published:
            continue
        found = [f for f in event.facts if f.article == article.id and unanchored(f)]
        if not found:
            continue
        words = listing(list(dict.fromkeys(quoted(f.text) for f in found)))
        anchor = (
            f" Other accounts date the event {event.date}, which may be the day meant."
            if event.date and event.date_source == "published"
            else ""
        )
        notes.append(
            note(
                "relative-date",
                f"{article.label} says {words} but has no publication date, so the day meant cannot be"
                f" placed on a calendar.{anchor}",
                [article.id],
                [ref(article.id, f.sentence) for f in found],
            )
        )
    return notes
