"""The facts table as the event page shows it: grouped by kind, each fact's values with the accounts that
state them, conflicts first, agreement folded, every value linked to its row and its sentence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from builder.compare.lexicon import terms_of
from builder.facts.table import COUNT_KINDS
from builder.ingest.normalize import comparison_key
from builder.model import Article, Event, Fact, TableRow
from builder.render.rows import NAMED_WORDS
from builder.vocabulary import STOPWORDS

GROUPS = (
    ("Casualties and counts", COUNT_KINDS),
    ("When", frozenset({"date", "time", "duration"})),
    ("Where", frozenset({"place", "distance"})),
    ("Who", frozenset({"person", "organization"})),
    ("Sources and what they said", frozenset({"source", "quote"})),
)
"""Sections of the facts, in reading order."""
STATUS_ORDER = ("conflict", "differ", "only", "agree", "background")
SHOWN_TEXTS = 3
"""Wordings shown for one value; the rest are counted."""


@dataclass(frozen=True)
class Statement:
    """One account's statement of a value: where it is, and the sentence it is in."""

    account: str
    row: int | None
    """The overview row holding its sentence."""
    sentence: str
    """The whole sentence, shown on focus; empty where the value's words are most of it."""
    where: str
    """`<account>, sentence N`, for provenance."""


@dataclass(frozen=True)
class Value:
    """One value of a fact and every account that states it so."""

    texts: tuple[str, ...]
    """The words as written, most used first."""
    more: int
    """Further wordings not shown."""
    note: str | None
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class FactRow:
    label: str
    kind: str
    status: str
    values: tuple[Value, ...]
    silent: tuple[str, ...]
    """Accounts that do not state it."""
    wording: tuple[tuple[str, int], ...] = ()
    """How the accounts word it differently ("opposition → rebel"), each with its row."""
    quotes: tuple[FactRow, ...] = ()
    """For a source: what it is quoted as saying."""


@dataclass(frozen=True)
class FactGroup:
    title: str
    open: tuple[FactRow, ...]
    """Conflicts, differences and facts one account alone states."""
    agreed: tuple[FactRow, ...]
    """Facts every account that states them states alike: folded."""


def _label(kind: str, facts: list[Fact]) -> str:
    value = dict(facts[0].value)
    if kind in ("person", "organization"):
        names = sorted({str(dict(f.value).get("name")) for f in facts}, key=lambda n: (-len(n), n))
        return names[0]
    if kind == "place":
        return str(value.get("name"))
    if kind == "date":
        return f"date: {value.get('resolved') or value.get('expression')}"
    if kind == "time":
        return f"time: {value.get('time')}"
    if kind in ("quote", "source"):
        who = facts[0].attribution.who if facts[0].attribution else None
        return f"{who or value.get('source') or facts[0].text}"
    return kind


def _figure(value: Mapping[str, object]) -> str | None:
    low, high = value.get("min"), value.get("max")
    if low is None and high is None:
        return None
    if high is None:
        return f"{low} or more"
    return f"{low}" if low == high else f"{low or 0} to {high}"


def _note(fact: Fact) -> str | None:
    value = dict(fact.value)
    if fact.kind in COUNT_KINDS:
        figure = _figure(value)
        who = value.get("who")
        # Vague amounts read as written ("several"); a figure is added only when the words give one.
        if figure and (value.get("max") is not None) and figure not in fact.text:
            return f"{figure}{' ' + str(who) if who else ''}"
        return str(who) if who else None
    if fact.kind in ("person", "organization"):
        role = value.get("role")
        return str(role) if role else None
    if fact.kind == "place" and value.get("relation"):
        return str(value["relation"])
    if fact.kind == "date":
        resolved = value.get("resolved")
        if resolved:
            return f"{resolved}{' (from the publication date)' if value.get('relative') else ''}"
        return "relative: no publication date to anchor it" if value.get("relative") else None
    return None


def _value_key(fact: Fact) -> str:
    value = dict(fact.value)
    if fact.kind in COUNT_KINDS:
        return f"{value.get('min')}:{value.get('max')}:{value.get('who')}"
    if fact.kind == "date":
        return str(value.get("resolved") or comparison_key(fact.text))
    return comparison_key(fact.text)


def _wording(
    event: Event, stated: list[Fact], row_of: dict[tuple[str, str], int]
) -> tuple[tuple[str, int], ...]:
    """The named wording differences inside the words of a row's facts, in the rows that hold them."""
    spans = {(f.article, row_of.get((f.article, f.sentence))): (f.start, f.end) for f in stated}
    found: dict[str, int] = {}
    for d in event.differences:
        if d.kind not in ("wording", "spelling", "number") or d.a is None or d.b is None:
            continue
        inside = all(
            (span := spans.get((side.article, d.row))) and span[0] <= side.start and side.end <= span[1]
            for side in (d.a, d.b)
        )
        if inside:
            # "an opposition" / "a rebel": the terms, as the lexicon has them; one line per pair of terms
            a, b = terms_of(d.a.text, d.b.text)
            if max(len(a.split()), len(b.split())) > NAMED_WORDS:
                continue  # a rewritten clause: marked in its row, not named as a swap of terms
            if f"{b} → {a}" not in found:
                found.setdefault(f"{a} → {b}", d.row)
    return tuple(found.items())


def _row_label(event: Event, table_row: TableRow) -> str:
    return _label(table_row.kind, [event.facts[i] for _aid, ids in table_row.cells for i in ids])


class _Rows:
    """Turns the event's table rows into fact rows, with what it needs to name accounts and sentences."""

    def __init__(self, event: Event, articles: dict[str, Article]) -> None:
        self.event = event
        self.row_of = event.sentence_rows()
        self.columns = event.columns or event.article_ids
        self.articles = articles
        self.sentences = {aid: {s.id: s.text for s in articles[aid].sentences} for aid in self.columns}

    def statement(self, fact: Fact) -> Statement:
        sentence = " ".join(self.sentences[fact.article].get(fact.sentence, "").split())
        row = self.row_of.get((fact.article, fact.sentence))
        label = self.articles[fact.article].label
        # Words that are most of their sentence (a quote, mostly) need no tooltip to repeat them.
        shown = sentence if len(fact.text) < len(sentence) / 2 else ""
        return Statement(label, row, shown, f"{label}, sentence {fact.sentence.removeprefix('s')}")

    def row(self, table_row: TableRow) -> FactRow:
        stated = [self.event.facts[i] for _aid, ids in table_row.cells for i in ids]
        by_value: dict[str, list[Fact]] = {}
        for fact in stated:
            by_value.setdefault(_value_key(fact), []).append(fact)
        values = []
        for facts in sorted(by_value.values(), key=lambda fs: -len({f.article for f in fs})):
            texts: dict[str, int] = {}
            for fact in facts:
                texts[" ".join(fact.text.split())] = texts.get(" ".join(fact.text.split()), 0) + 1
            ordered = sorted(texts, key=lambda t: -texts[t])
            once = {f.article: f for f in reversed(facts)}  # each account once, at its first statement
            values.append(
                Value(
                    tuple(ordered[:SHOWN_TEXTS]),
                    max(0, len(ordered) - SHOWN_TEXTS),
                    _note(facts[0]),
                    tuple(self.statement(once[aid]) for aid in self.columns if aid in once),
                )
            )
        stating = {aid for aid, ids in table_row.cells if ids}
        silent = tuple(self.articles[aid].label for aid in self.columns if aid not in stating)
        # Named only where one party or statement is told in other words; a count's words are its figure.
        named = table_row.status == "differ" and table_row.kind in ("source", "quote")
        wording = _wording(self.event, stated, self.row_of) if named else ()
        return FactRow(
            _label(table_row.kind, stated), table_row.kind, table_row.status, tuple(values), silent, wording
        )


def _with_quotes(rows: list[tuple[TableRow, FactRow]], event: Event) -> list[FactRow]:
    """Put each quote inside the source row whose fact stands in the same sentence; the rest stay rows."""
    home: dict[tuple[str, str], int] = {}
    for n, (table_row, _view) in enumerate(rows):
        if table_row.kind == "source":
            for _aid, ids in table_row.cells:
                for i in ids:
                    home.setdefault((event.facts[i].article, event.facts[i].sentence), n)
    inside: dict[int, list[FactRow]] = {}
    alone: list[FactRow | None] = [view for _row, view in rows]
    for n, (table_row, view) in enumerate(rows):
        if table_row.kind != "quote":
            continue
        places = [
            home.get((event.facts[i].article, event.facts[i].sentence))
            for _a, ids in table_row.cells
            for i in ids
        ]
        owner = next((p for p in places if p is not None), None)
        if owner is not None:
            inside.setdefault(owner, []).append(view)
            alone[n] = None
    out = []
    for n, kept in enumerate(alone):
        if kept is None:
            continue
        quotes = tuple(inside.get(n, ()))
        if quotes:
            kept = FactRow(kept.label, kept.kind, kept.status, kept.values, kept.silent, kept.wording, quotes)
        out.append(kept)
    return out


def fact_groups(event: Event, articles: dict[str, Article], background: bool = False) -> list[FactGroup]:
    """The event's facts by section, or (with `background`) the facts of earlier or other events."""
    make = _Rows(event, articles)
    groups = []
    for title, kinds in GROUPS:
        chosen = [
            (r, make.row(r))
            for r in event.table
            if r.kind in kinds and (r.status == "background") == background
        ]
        if not chosen:
            continue
        views = _with_quotes(chosen, event)
        views.sort(
            key=lambda v: STATUS_ORDER.index(v.status) if v.status in STATUS_ORDER else len(STATUS_ORDER)
        )
        groups.append(
            FactGroup(
                title,
                tuple(v for v in views if v.status != "agree"),
                tuple(v for v in views if v.status == "agree"),
            )
        )
    return groups


def own_facts(event: Event) -> dict[str, tuple[str, ...]]:
    """For each account, the labels of the facts only it states (counts, places and sources first)."""
    if len(event.article_ids) < 2:
        return {}
    found: dict[str, list[str]] = {}
    for table_row in event.table:
        stating = [aid for aid, ids in table_row.cells if ids]
        if table_row.status == "only" and len(stating) == 1 and table_row.kind != "quote":
            label = _row_label(event, table_row)
            # A lone lower-case or function word ("those", "Both") is a misread name, not news.
            named = label[:1].isupper() or table_row.kind not in ("person", "organization")
            if named and label.casefold() not in STOPWORDS:
                found.setdefault(stating[0], []).append(label)
    return {aid: tuple(labels[:4]) for aid, labels in found.items()}


@dataclass(frozen=True)
class Summary:
    """What a search entry says of an event besides its title: the places and parties most accounts name."""

    places: tuple[str, ...]
    people: tuple[str, ...]


def _stating(row: TableRow) -> int:
    return sum(1 for _aid, ids in row.cells if ids)


def _spellings(event: Event, row: TableRow) -> set[str]:
    """Every way the accounts write the name a row holds."""
    return {str(dict(event.facts[i].value).get("name")) for _aid, ids in row.cells for i in ids}


def _ranked(event: Event) -> list[TableRow]:
    """The event's own facts (not background), those the most accounts state first."""
    return sorted((r for r in event.table if r.status != "background"), key=lambda r: -_stating(r))


def actors(event: Event, texts: list[str], most: int = 3, needed: int = 1) -> tuple[str, ...]:
    """The people and organisations at least `needed` accounts name: the most accounts first, then the
    most mentioned in `texts` (each spelling counted, "HTS" with "Hayat Tahrir al-Sham")."""
    found: list[tuple[int, int, str]] = []
    for row in _ranked(event):
        if row.kind in ("person", "organization") and _stating(row) >= needed:
            label = _row_label(event, row)
            # A lone lower-case or function word ("those", "Both") is a misread name.
            if label[:1].isupper() and label.casefold() not in STOPWORDS:
                mentions = sum(text.count(name) for text in texts for name in _spellings(event, row))
                found.append((-_stating(row), -mentions, label))
    return tuple(dict.fromkeys(label for *_rank, label in sorted(found)))[:most]


def summary(event: Event, most: int = 6) -> Summary:
    """The places and the people and organisations the most accounts of the event name."""
    ranked = _ranked(event)
    places = [_row_label(event, r) for r in ranked if r.kind == "place"]
    people = []
    for r in ranked:
        if r.kind in ("person", "organization"):
            # Every way the accounts write the name, so a search for "HTS" finds "Hayat Tahrir al-Sham".
            first, *others = sorted(_spellings(event, r), key=lambda n: (-len(n), n))
            people.append(f"{first} ({', '.join(others[:3])})" if others else first)
    return Summary(tuple(dict.fromkeys(places))[:most], tuple(dict.fromkeys(people))[:most])
