"""`caption` notes: file photos, and caption dates far from the event's or before what the texts report."""

from __future__ import annotations

import datetime as dt
import re

from builder.dates import DATE, resolve
from builder.model import Article, Event, Note
from builder.provenance.evidence import Articles, members, note, quoted, ref

FILE_PHOTO = re.compile(
    r"\b(?:file|archive|archival|stock)\s+(?:photo(?:graph)?|image|picture|footage)s?\b"
    r"|\b(?:photo(?:graph)?|image|picture)\s*:\s*(?:file|archive)\b",
    re.IGNORECASE,
)
"""How captions and credits say a photo was taken earlier: `(AP File Photo)`, `archive image`."""
FAR_DAYS = 7
"""A caption dated more than this many days from the event is flagged."""


def _day(iso: str) -> dt.date:
    """The day an ISO date or year stands for (a year: its first day)."""
    parts = [int(p) for p in iso.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def caption_dates(article: Article, text: str) -> list[str]:
    """Absolute dates a caption gives: full days where it names them, else months or years."""
    found = []
    for match in DATE.finditer(text):
        day, relative = resolve(match.group(), article.published)
        if day and not relative:
            found.append(day)
    return found


def _text_dates(event: Event) -> list[str]:
    """Absolute dates the accounts' own sentences give."""
    return sorted(
        str(v["resolved"])
        for f in event.facts
        if f.kind == "date"
        and (v := dict(f.value)).get("resolved")
        and not v.get("relative")
        and not v.get("background")
    )


def _spoken(iso: str) -> str:
    """21 November 2016, November 2016 or 2016."""
    day = _day(iso)
    return [str(day.year), f"{day:%B} {day.year}", f"{day.day} {day:%B} {day.year}"][iso.count("-")]


def _date_reason(dated: str, event: Event) -> str | None:
    if event.date:
        gap = (_day(event.date) - _day(dated)).days
        precise = dated.count("-") == 2
        if (precise and abs(gap) > FAR_DAYS) or (not precise and dated[:4] != event.date[:4]):
            when = "before" if gap > 0 else "after"
            span = f"{abs(gap) // 365} years" if abs(gap) >= 730 else f"{abs(gap)} days"
            return f"dated {_spoken(dated)}, {span} {when} the event ({event.date})"
        return None
    later = [d for d in _text_dates(event) if _day(d) > _day(dated) + dt.timedelta(days=FAR_DAYS)]
    if later:
        return (
            f"dated {_spoken(dated)}, earlier than dates the accounts themselves give ({later[-1][:4]}):"
            " the photo predates what they report"
        )
    return None


def check(event: Event, articles: Articles) -> list[Note]:
    """One note per caption that shows an earlier scene: a file photo, or a date far from the event."""
    notes = []
    for article in members(event, articles):
        for number, caption in enumerate(article.captions, 1):
            reasons = []
            credit = [c.text for c in article.credits if caption.start <= c.start < caption.end]
            if FILE_PHOTO.search(caption.text):
                reasons.append("is a file photo, taken before this event")
            for dated in caption_dates(article, caption.text):
                reason = _date_reason(dated, event)
                if reason:
                    reasons.append(f"is {reason}")
                    break
            if not reasons:
                continue
            credited = f" Credit: {quoted(credit[0])}." if credit else ""
            notes.append(
                note(
                    "caption",
                    f"The photo caption in {article.label} {', and '.join(reasons)}; it likely does not show"
                    f" the event itself.{credited} Caption: {quoted(caption.text)}",
                    [article.id],
                    [ref(article.id, f"caption-{number}")],
                )
            )
    return notes
