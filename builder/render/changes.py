"""The changes page and its Atom feed: what each commit of the corpus added or changed, newest first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from jinja2 import Environment

from builder.dates import reader_date
from builder.events.describe import slugify
from builder.model import Article, Change, Corpus
from builder.render.indexes import EventLine

PER_PAGE = 50
"""Commits on one changes page; a commit's own list of events folds after `SHOWN` entries."""
SHOWN = 20
FEED_ENTRIES = 50
FEED = "feed.xml"
"""The Atom feed, at the site's root so that its relative links resolve against the site."""


@dataclass(frozen=True)
class EventItem:
    """One event of a change: the event as indexes show it, and the accounts concerned."""

    line: EventLine
    accounts: tuple[Article, ...]


@dataclass(frozen=True)
class ChangeView:
    """A change as the page and the feed show it."""

    change: Change
    anchor: str
    when: str
    """`4 December 2026, 17:05 UTC`; empty for the working tree."""
    headline: str
    new: tuple[EventItem, ...]
    grown: tuple[EventItem, ...]
    revised: tuple[EventItem, ...]


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def headline(change: Change) -> str:
    """`2 new events, 1 event with a new account`: what the change did, in a line."""
    kinds = [c.kind for c in change.events]
    parts = []
    if n := kinds.count("new"):
        parts.append(_plural(n, "new event", "new events"))
    if n := kinds.count("grown"):
        parts.append(_plural(n, "event with a new account", "events with new accounts"))
    if n := kinds.count("revised"):
        parts.append(_plural(n, "event with a revised account", "events with revised accounts"))
    if change.unpublished:
        parts.append(
            _plural(len(change.unpublished), "file on the build report", "files on the build report")
        )
    if change.removed:
        parts.append(_plural(len(change.removed), "file removed", "files removed"))
    if not parts and change.other:
        named = ", ".join(change.other[:3]) + (
            f" and {len(change.other) - 3} more" if len(change.other) > 3 else ""
        )
        parts.append(f"No account changed ({named})")
    return ", ".join(parts) or "No published change"


def _utc(date: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(date).astimezone(datetime.UTC)


def _when(date: str) -> str:
    if not date:
        return ""
    moment = _utc(date)
    return f"{reader_date(moment.date().isoformat())}, {moment:%H:%M} UTC"


def change_views(corpus: Corpus, lines: dict[str, EventLine]) -> list[ChangeView]:
    """Every change, newest first, with its events as the indexes show them."""
    by_id = {a.id: a for a in corpus.articles}
    views = []
    for change in corpus.changes:
        items = {
            kind: tuple(
                EventItem(lines[c.event], tuple(by_id[a] for a in c.articles))
                for c in change.events
                if c.kind == kind
            )
            for kind in ("new", "grown", "revised")
        }
        anchor = f"c-{change.commit[:12]}" if change.commit else "working-tree"
        views.append(
            ChangeView(
                change,
                anchor,
                _when(change.date),
                headline(change),
                items["new"],
                items["grown"],
                items["revised"],
            )
        )
    return views


def _page_path(number: int) -> str:
    return "changes/index.md" if number == 1 else f"changes/{number}.md"


def changes_pages(corpus: Corpus, env: Environment, views: list[ChangeView]) -> dict[str, str]:
    """The changes page, continued on numbered pages every `PER_PAGE` commits."""
    chunks = [views[n : n + PER_PAGE] for n in range(0, max(len(views), 1), PER_PAGE)]
    pages = {}
    for number, chunk in enumerate(chunks, 1):
        root = "../" if number == 1 else "../../"
        pager = [f"{root}changes/{'' if n == 1 else f'{n}/'}" for n in range(1, len(chunks) + 1)]
        pages[_page_path(number)] = env.get_template("changes.md.j2").render(
            title="Changes" if number == 1 else f"Changes (page {number})",
            views=chunk,
            pager=pager,
            number=number,
            root=root,
            shown=SHOWN,
            feed=FEED,
            history=bool(corpus.changes),
            source_root=corpus.source_root,
        )
    return pages


def feed(env: Environment, views: list[ChangeView], site_name: str, site_url: str | None, epoch: int) -> str:
    """The Atom feed of the latest committed changes (the working tree has no date and is left out)."""
    committed = [v for v in views if v.change.commit][:FEED_ENTRIES]
    base = f"{site_url}/" if site_url else ""
    stamps = [_utc(v.change.date) for v in committed]
    updated = max(stamps) if stamps else datetime.datetime.fromtimestamp(epoch, datetime.UTC)
    # A page of 50 commits: where each entry lands on the changes pages.
    page_of = {v.anchor: 1 + n // PER_PAGE for n, v in enumerate(views)}
    return env.get_template("feed.xml.j2").render(
        site_name=site_name,
        base=base,
        feed_id=f"{base}{FEED}" if site_url else f"urn:parallax:feed:{slugify(site_name) or 'corpus'}",
        updated=updated.isoformat().replace("+00:00", "Z"),
        entries=[
            (v, _utc(v.change.date).isoformat().replace("+00:00", "Z"), page_of[v.anchor]) for v in committed
        ],
    )
