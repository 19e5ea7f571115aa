"""The overview an event page opens with: a card per account, then its rows by how many accounts carry."""

from __future__ import annotations

from dataclasses import dataclass

from builder.dates import reader_date
from builder.model import Article, Event, Sentence


@dataclass(frozen=True)
class Card:
    """One account at a glance."""

    article: Article
    date: str
    sentences: int
    words: int
    shared: int
    """Its sentences that another account of the event also has."""
    own: int
    """Its sentences no other account has."""
    own_facts: tuple[str, ...]
    """Labels of facts only this account states."""


@dataclass(frozen=True)
class Version:
    """One wording of a row, and the accounts that word it so."""

    text: str
    accounts: tuple[tuple[Article, str], ...]
    """(account, its first sentence id in the row), in column order."""


@dataclass(frozen=True)
class CoverageRow:
    """A row of the alignment as the overview lists it."""

    number: int
    accounts: tuple[Article, ...]
    versions: tuple[Version, ...]
    """The most-held wording first."""
    kind: str


@dataclass(frozen=True)
class Overview:
    cards: tuple[Card, ...]
    most: tuple[CoverageRow, ...]
    """Rows at least half the accounts carry (and at least two)."""
    some: tuple[CoverageRow, ...]
    """Rows more than one account and fewer than half carry."""
    single: tuple[tuple[Article, tuple[CoverageRow, ...]], ...]
    """Rows one account alone carries, by account."""
    picture: Picture


@dataclass(frozen=True)
class Picture:
    """Coverage: accounts down, rows across (most-carried first), a cell filled where an account has it."""

    width: int
    height: int
    label_width: int
    cell: int
    """Width of a cell: wider when there are fewer rows, so the picture keeps about one width."""
    line: int
    """Height of an account's line; its cells are a little less."""
    columns: tuple[tuple[int, int, int, tuple[int, ...]], ...]
    """(x, row number, accounts carrying it, the y of each)."""
    labels: tuple[tuple[int, str], ...]
    """(y, account label), cut to `LABEL_CHARS`."""


WIDTH = 900
"""Width the coverage picture aims at, in its own units (about a pixel each on a desktop)."""
LINE = 12
"""Height of one account's line in the picture."""
LABEL_CHARS = 26
"""Account labels in the picture are cut to this many characters; the cards name them in full."""


def _text(ids: tuple[str, ...], sentences: dict[str, Sentence]) -> str:
    return " ".join(" ".join(sentences[i].text.split()) for i in ids)


def _picture(rows: list[CoverageRow], members: list[Article]) -> Picture:
    label_width = 6 * LABEL_CHARS
    cell = max(3, min(16, (WIDTH - label_width) // max(1, len(rows))))
    y_of = {a.id: n * LINE for n, a in enumerate(members)}
    columns = tuple(
        (label_width + x * cell, row.number, len(row.accounts), tuple(y_of[a.id] for a in row.accounts))
        for x, row in enumerate(rows)
    )
    labels = tuple(
        (y_of[a.id], a.label if len(a.label) <= LABEL_CHARS else f"{a.label[: LABEL_CHARS - 1]}…")
        for a in members
    )
    return Picture(
        label_width + len(rows) * cell, len(members) * LINE, label_width, cell, LINE, columns, labels
    )


def overview(event: Event, articles: dict[str, Article], own_facts: dict[str, tuple[str, ...]]) -> Overview:
    """Cards for the event's accounts, and its rows grouped by how many accounts carry them."""
    members = [articles[i] for i in event.columns or event.article_ids]
    texts = {a.id: {s.id: s for s in a.sentences} for a in members}
    rows = []
    for row in event.rows:
        by_text: dict[str, list[tuple[Article, str]]] = {}
        for aid, ids in row.cells:
            by_text.setdefault(_text(ids, texts[aid]), []).append((articles[aid], ids[0]))
        versions = sorted(by_text.items(), key=lambda v: -len(v[1]))
        rows.append(
            CoverageRow(
                row.number,
                tuple(articles[aid] for aid, _ in row.cells),
                tuple(Version(text, tuple(held)) for text, held in versions),
                row.kind,
            )
        )
    half = max(2, (len(members) + 1) // 2)
    ordered = sorted(rows, key=lambda r: (-len(r.accounts), r.number))
    cards = []
    alone = [row.cells[0] for row in event.rows if len(row.cells) == 1]
    for article in members:
        own = sum(len(ids) for aid, ids in alone if aid == article.id)
        cards.append(
            Card(
                article,
                reader_date(article.published),
                len(article.sentences),
                sum(len(s.text.split()) for s in article.sentences),
                len(article.sentences) - own,
                own,
                own_facts.get(article.id, ()),
            )
        )
    single = tuple(
        (a, tuple(r for r in rows if r.accounts == (a,)))
        for a in members
        if any(r.accounts == (a,) for r in rows)
    )
    return Overview(
        tuple(cards),
        tuple(r for r in ordered if len(r.accounts) >= half),
        tuple(r for r in ordered if 1 < len(r.accounts) < half),
        single if len(members) > 1 else (),
        _picture(ordered, members),
    )
