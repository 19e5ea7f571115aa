"""Name each event: stable id and slug, title, date, place, and why each article belongs."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from builder.background import is_background_date, latest_year
from builder.dates import MONTHS
from builder.events.explain import Explanation
from builder.model import Article, Event, Membership

_DATE = re.compile(
    # A capital first, word start checked after it: the scan for the capital is fast.
    r"(?P<month>[ADFJMNOS][a-z]{2})(?<!\w...)[a-z]*\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?P<year>(?:19|20)\d\d)\b"
)


def slugify(title: str, limit: int = 60) -> str:
    """Return lowercase title words joined by hyphens, cut at a word boundary."""
    slug = ""
    for word in re.findall(r"[a-z0-9]+", title.lower()):
        if len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "event"


def earliest_first(members: list[Article]) -> list[Article]:
    """Order members by publication date (undated last), then id: the first is the event's anchor."""
    return sorted(members, key=lambda a: (a.published or "9999", a.id))


def text_date(members: list[Article]) -> str | None:
    """Return the absolute date the members' sentences give most often (earliest on a tie).

    Only body sentences count: a photo caption's date is often years older than the story; so do dates of
    a life, a period or an earlier event ("born on Feb. 3, 1950", "since March 3, 2011").
    """
    found: Counter[str] = Counter()
    for article in members:
        latest = latest_year("\n".join(s.text for s in article.sentences))
        for sentence in article.sentences:
            for match in _DATE.finditer(sentence.text):
                month = MONTHS.get(match["month"].lower(), 0)
                day = int(match["day"])
                if not (month and 1 <= day <= 31):
                    continue
                iso = f"{match['year']}-{month:02d}-{day:02d}"
                if not is_background_date(sentence.text, match.start(), match[0], iso, None, latest):
                    found[iso] += 1
    if not found:
        return None
    return min(found, key=lambda d: (-found[d], d))


def describe(
    members: list[Article],
    explained: Explanation,
    notes: dict[str, str],
    title_override: str | None,
    place: str | None,
) -> Event:
    """Return the event for these members; id and slug depend only on the earliest member."""
    ordered = earliest_first(members)
    anchor = ordered[0]
    digest = hashlib.sha1(anchor.id.encode()).hexdigest()
    scores = explained.scores
    headlined = [a for a in ordered if a.title_source in ("headline", "metadata")]
    if title_override:
        title, title_source = title_override, "corpus file"
    elif headlined:
        # The most representative headline: its article is the most like the rest of the event.
        best = max(headlined, key=lambda a: (scores[a.id], -ordered.index(a)))
        title, title_source = best.title, "headline"
    else:
        title, title_source = anchor.title, "generated"
    published = sorted(a.published[:10] for a in ordered if a.published)
    date, date_source = (published[0], "published") if published else (text_date(ordered), "text")
    membership = []
    for article in ordered:
        reason = notes.get(article.id) or ("only article" if len(ordered) == 1 else "similar")
        membership.append(
            (
                article.id,
                Membership(
                    score=round(scores[article.id], 3),
                    shared_sentences=0,  # counted by the compare stage, from the alignment
                    shared_terms=explained.terms[article.id],
                    reason=reason,
                ),
            )
        )
    return Event(
        id=digest[:12],
        slug=f"{slugify(anchor.title)}-{digest[:6]}",
        title=title,
        article_ids=tuple(a.id for a in ordered),
        title_source=title_source,
        date=date,
        date_source=date_source if date else None,
        place=place,
        membership=tuple(membership),
        overrides=tuple(sorted({notes[a.id] for a in ordered if a.id in notes})),
    )
