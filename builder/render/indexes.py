"""The ways into a corpus: the home page's latest and most-covered events, events by month, place and tag.

Every index page lists at most `PAGE_SIZE` entries, so that no page grows with the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from builder.dates import reader_date
from builder.events.describe import slugify
from builder.model import Article, Corpus, Event
from builder.names import one_spelling
from builder.render.facts import actors

PAGE_SIZE = 200
"""Entries on one index page; longer lists continue on numbered pages."""
FRONT = 10
"""Events in each list on the home page."""
COUNTS = ("killed", "injured")
T = TypeVar("T")


@dataclass(frozen=True)
class EventLine:
    """One event as an index lists it: title, date, place, accounts and the key figure."""

    event: Event
    date: str
    outlets: tuple[str, ...]
    accounts: int
    figure: str | None
    """`12 killed`, `12 to 15 killed (accounts differ)`."""
    tags: tuple[str, ...] = ()
    """The accounts' metadata tags, the event's place and the parties most accounts name."""


@dataclass(frozen=True)
class Group:
    """A month or a place: its name, where its page is, and its events."""

    name: str
    slug: str
    lines: tuple[EventLine, ...]


@dataclass(frozen=True)
class Figures:
    articles: int
    events: int
    outlets: int
    first: str
    last: str


def _figure(event: Event) -> str | None:
    """The toll most accounts give (`12 killed`), noting when the accounts' figures conflict."""
    for kind in COUNTS:
        told: dict[int, set[str]] = {}
        conflict = False
        for row in event.table:
            if row.kind != kind or row.status == "background":
                continue
            conflict = conflict or row.status == "conflict"
            for aid, ids in row.cells:
                for i in ids:
                    low = dict(event.facts[i].value).get("min")
                    if isinstance(low, int) and low > 0:
                        told.setdefault(low, set()).add(aid)
        if told:
            lead = max(told, key=lambda n: (len(told[n]), n))
            return f"{lead} {kind}{' (accounts differ)' if conflict else ''}"
    return None


def event_line(event: Event, articles: dict[str, Article]) -> EventLine:
    """What an index says of one event."""
    members = [articles[i] for i in event.article_ids]
    outlets = tuple(sorted({a.outlet for a in members if a.outlet}))
    given = [t for a in members for t in a.meta.tags]
    named = [event.place] if event.place else []
    tags = one_spelling(
        [*given, *named, *actors(event, [a.text for a in members], needed=min(2, len(members)))]
    )
    return EventLine(event, reader_date(event.date), outlets, len(members), _figure(event), tags)


def newest_first(lines: list[EventLine]) -> list[EventLine]:
    """Dated events newest first, then the undated by slug."""
    dated = sorted(
        (x for x in lines if x.event.date), key=lambda x: (x.event.date or "", x.event.slug), reverse=True
    )
    return dated + sorted((x for x in lines if not x.event.date), key=lambda x: x.event.slug)


def pages_of(entries: Sequence[T]) -> list[tuple[T, ...]]:
    """Cut a list into index pages of at most `PAGE_SIZE` entries (at least one page)."""
    return [tuple(entries[n : n + PAGE_SIZE]) for n in range(0, max(len(entries), 1), PAGE_SIZE)]


def by_month(lines: list[EventLine]) -> list[Group]:
    """Events grouped by the month of their date, newest month first; undated events last."""
    months: dict[str, list[EventLine]] = {}
    for line in newest_first(lines):
        months.setdefault((line.event.date or "")[:7] or "undated", []).append(line)
    groups = []
    for month, members in months.items():
        name = "No date" if month == "undated" else reader_date(f"{month}-01").split(" ", 1)[1]
        groups.append(Group(name, month, tuple(members)))
    return groups


RESERVED = frozenset({"pages"})
"""Slugs a group may not take: `pages/` holds a long index's later pages."""


def _grouped(named: list[tuple[str, EventLine]], fallback: str) -> list[Group]:
    """Events under each name, names that differ only in case being one, shown in the spelling most of
    its events use; most events first, then by name."""
    found: dict[str, list[tuple[str, EventLine]]] = {}
    for name, line in named:
        found.setdefault(name.casefold(), []).append((name, line))
    spelled = []
    for members in found.values():
        spellings = [name for name, _line in members]
        spelled.append((max(spellings, key=spellings.count), tuple(line for _name, line in members)))
    taken = set(RESERVED)
    groups = []
    for name, lines in sorted(spelled, key=lambda p: (-len(p[1]), p[0].casefold(), p[0])):
        slug = base = slugify(name) or fallback
        while slug in taken:  # two names, one slug: number the later one
            slug = f"{base}-{len(taken)}"
        taken.add(slug)
        groups.append(Group(name, slug, lines))
    return groups


def by_place(lines: list[EventLine]) -> list[Group]:
    """Events grouped by their place, the places with most events first."""
    return _grouped([(x.event.place, x) for x in newest_first(lines) if x.event.place], "place")


def by_tag(lines: list[EventLine]) -> list[Group]:
    """Events grouped by each of their tags, the tags with most events first."""
    return _grouped([(tag, x) for x in newest_first(lines) for tag in x.tags], "tag")


def front(lines: list[EventLine]) -> tuple[list[EventLine], list[EventLine]]:
    """The home page's two lists: the latest events, and the events the most accounts tell."""
    latest = newest_first(lines)[:FRONT]
    covered = sorted(lines, key=lambda x: (-x.accounts, x.event.slug))[:FRONT]
    return latest, covered


def figures(corpus: Corpus) -> Figures:
    """The corpus in numbers, for the home page."""
    dates = sorted(e.date for e in corpus.events if e.date)
    outlets = {a.outlet for a in corpus.articles if a.outlet}
    return Figures(
        len(corpus.articles),
        len(corpus.events),
        len(outlets),
        reader_date(dates[0]) if dates else "",
        reader_date(dates[-1]) if dates else "",
    )
