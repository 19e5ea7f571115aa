"""The compare stage: align every event's accounts, name the word differences, rank the framing terms,
and count the sentences each account shares with another."""

from __future__ import annotations

import dataclasses
import functools

from builder.cache import cached_events
from builder.compare.align import align
from builder.compare.lexicon import framing
from builder.compare.pairs import compare_pairs
from builder.compare.shared import shared_sentences
from builder.compare.words import differences
from builder.config import Config
from builder.guard import INPUT_FAULTS, plainly, with_warnings
from builder.model import Article, Corpus, Difference, Event, Framing, Pair, Problem, Row


@dataclasses.dataclass(frozen=True)
class Comparison:
    """What comparing an event's accounts finds: it depends on the accounts alone."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    differences: tuple[Difference, ...]
    added: tuple[tuple[int, str], ...]
    pairs: tuple[Pair, ...]
    framing: tuple[Framing, ...]


def comparison(members: list[Article]) -> Comparison:
    """Align the accounts, name their differences and their framing terms."""
    columns, rows, added = align(members)
    by_id = {a.id: a for a in members}
    pairs = compare_pairs(tuple(rows), [by_id[i] for i in columns])
    # A row's reference is its earliest column, so its differences are those of the pair it leads.
    compared: dict[tuple[str, str, int], list[Difference]] = {}
    for pair in pairs:
        for d in pair.differences:
            compared.setdefault((pair.left, pair.right, d.row), []).append(d)
    known = {(p.left, p.right) for p in pairs}
    found: list[Difference] = []
    for row in rows:
        if len(row.cells) < 2:
            continue
        (reference, reference_ids), *others = row.cells
        for other, other_ids in others:
            if (reference, other) in known:
                found.extend(compared.get((reference, other, row.number), []))
                continue
            for kind, a, b in differences(by_id[reference], reference_ids, by_id[other], other_ids):
                found.append(Difference(row.number, kind, a, b))
    paraphrased = {r.number for r in rows if r.kind == "paraphrased"}
    return Comparison(
        tuple(columns),
        tuple(rows),
        tuple(found),
        tuple(sorted(added.items())),
        pairs,
        tuple(framing(found, paraphrased, {a.id: a.text for a in members})),
    )


def compared(event: Event, members: list[Article], found: Comparison) -> Event:
    """The event with its comparison, each account's shared sentences counted in its membership."""
    shared = shared_sentences(list(found.rows), {a.id: a for a in members})
    membership = tuple(
        (aid, dataclasses.replace(why, shared_sentences=shared[aid])) for aid, why in event.membership
    )
    return dataclasses.replace(
        event,
        membership=membership,
        columns=found.columns,
        rows=found.rows,
        differences=found.differences,
        added=found.added,
        pairs=found.pairs,
        framing=found.framing,
    )


def compare_event(event: Event, corpus_articles: dict[str, Article]) -> Event:
    """Return the event with its rows, differences and framing lexicon (events of one account have none)."""
    members = [corpus_articles[i] for i in event.article_ids]
    return event if len(members) < 2 else compared(event, members, comparison(members))


def compare_events(corpus: Corpus, config: Config) -> Corpus:
    """Compare the accounts of every event; an event whose texts break the comparison is left uncompared,
    with a warning on each of its accounts."""
    articles: dict[str, Article] = {a.id: a for a in corpus.articles}
    problems: dict[str, list[Problem]] = {}
    events = []
    several = [e for e in corpus.events if len(e.article_ids) > 1]

    def members(event: Event) -> list[Article]:
        return [articles[i] for i in event.article_ids]

    work = functools.partial(_guarded, articles=articles)
    found = dict(
        zip((e.id for e in several), cached_events("compare", work, several, members, config), strict=True)
    )
    for event in corpus.events:
        (result, fault), lineage = found.get(event.id, ((None, None), ""))
        events.append(
            dataclasses.replace(compared(event, members(event), result), lineage=lineage) if result else event
        )
        for aid in event.article_ids if fault else ():
            message = f"the accounts of its event could not be compared: {fault}"
            problems.setdefault(aid, []).append(Problem(articles[aid].path, "warning", message))
    return dataclasses.replace(
        corpus, articles=with_warnings(corpus.articles, problems), events=tuple(events)
    )


def _guarded(event: Event, articles: dict[str, Article]) -> tuple[Comparison | None, str | None]:
    """The comparison of the event's accounts, or what their texts made it raise."""
    try:
        return comparison([articles[i] for i in event.article_ids]), None
    except INPUT_FAULTS as exc:
        return None, plainly(exc)
