"""The facts table as the event page shows it: a readable label per row, each cell linked to its row."""

from __future__ import annotations

from dataclasses import dataclass

from builder.compare.lexicon import terms_of
from builder.model import Article, Event, Fact


@dataclass(frozen=True)
class FactCell:
    """One fact in a cell: the words as written, a note on the value, and where it comes from."""

    text: str
    note: str | None
    row: int | None
    """The side-by-side row holding its sentence."""
    sentence: str
    """The whole sentence, shown on hover and focus."""
    where: str
    """`article id sN`, for the provenance tooltip."""


@dataclass(frozen=True)
class FactRow:
    label: str
    kind: str
    status: str
    cells: tuple[tuple[FactCell, ...], ...]
    """One per column, empty where the account does not state it."""
    wording: tuple[tuple[str, int], ...] = ()
    """How the accounts word it differently ("opposition → rebel"), each with its side-by-side row."""


def _label(kind: str, facts: list[Fact]) -> str:
    value = dict(facts[0].value)
    if kind in ("person", "organization"):
        names = sorted({str(dict(f.value).get("name")) for f in facts}, key=lambda n: (-len(n), n))
        return f"{kind}: {names[0]}"
    if kind == "place":
        relation = value.get("relation")
        return f"place: {f'{relation} with ' if relation else ''}{value.get('name')}"
    if kind == "date":
        return f"date: {value.get('resolved') or value.get('expression')}"
    if kind == "time":
        return f"time: {value.get('time')}"
    if kind in ("quote", "source"):
        who = facts[0].attribution.who if facts[0].attribution else None
        return f"{kind}: {who or value.get('source') or facts[0].text}"
    return kind


def _note(fact: Fact) -> str | None:
    value = dict(fact.value)
    if fact.kind in ("killed", "injured", "missing", "arrested", "displaced"):
        low, high = value.get("min"), value.get("max")
        figure = f"{low}" if low == high else f"{low or 0}–{high if high is not None else '…'}"
        who = value.get("who")
        return f"{figure}{' ' + str(who) if who else ''}"
    if fact.kind in ("person", "organization"):
        role = value.get("role")
        return str(role) if role else None
    if fact.kind == "date":
        resolved = value.get("resolved")
        if resolved:
            return f"{resolved}{' (from the publication date)' if value.get('relative') else ''}"
        return "relative: no publication date to anchor it" if value.get("relative") else None
    if fact.kind == "quote" and fact.attribution:
        return f"{fact.attribution.who or ''}, {fact.attribution.cue or ''}".strip(", ")
    return None


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
            if f"{b} → {a}" not in found:
                found.setdefault(f"{a} → {b}", d.row)
    return tuple(found.items())


def fact_rows(event: Event, articles: dict[str, Article]) -> list[FactRow]:
    """Return the event's facts table with labels, notes and links into the side-by-side rows."""
    row_of = event.sentence_rows()
    columns = event.columns or event.article_ids
    sentences = {aid: {s.id: s.text for s in articles[aid].sentences} for aid in columns}
    views = []
    for table_row in event.table:
        cells_by_id = dict(table_row.cells)
        stated = [event.facts[i] for ids in cells_by_id.values() for i in ids]
        cells = []
        for aid in columns:
            cells.append(
                tuple(
                    FactCell(
                        f.text,
                        _note(f),
                        row_of.get((aid, f.sentence)),
                        " ".join(sentences[aid].get(f.sentence, "").split()),
                        f"{aid} {f.sentence}",
                    )
                    for f in (event.facts[i] for i in cells_by_id.get(aid, ()))
                )
            )
        # Named only where one party or statement is told in other words; a count's words are its figure.
        named = table_row.status == "differ" and table_row.kind in ("source", "quote")
        wording = _wording(event, stated, row_of) if named else ()
        label = _label(table_row.kind, stated)
        views.append(FactRow(label, table_row.kind, table_row.status, tuple(cells), wording))
    return views
