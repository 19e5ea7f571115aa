"""The compare stage: align every event's accounts, name the word differences, rank the framing terms,
and count the sentences each account shares with another."""

from __future__ import annotations

import dataclasses

from builder.compare.align import align
from builder.compare.lexicon import framing
from builder.compare.pairs import compare_pairs
from builder.compare.shared import shared_sentences
from builder.compare.words import differences
from builder.config import Config
from builder.guard import INPUT_FAULTS, plainly, with_warnings
from builder.model import Article, Corpus, Difference, Event, Problem


def compare_event(event: Event, corpus_articles: dict[str, Article]) -> Event:
    """Return the event with its rows, differences and framing lexicon (events of one account have none)."""
    members = [corpus_articles[i] for i in event.article_ids]
    if len(members) < 2:
        return event
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
    shared = shared_sentences(rows, by_id)
    membership = tuple(
        (aid, dataclasses.replace(why, shared_sentences=shared[aid])) for aid, why in event.membership
    )
    return dataclasses.replace(
        event,
        membership=membership,
        columns=tuple(columns),
        rows=tuple(rows),
        differences=tuple(found),
        added=tuple(sorted(added.items())),
        pairs=pairs,
        framing=tuple(
            framing(
                found, {r.number for r in rows if r.kind == "paraphrased"}, {a.id: a.text for a in members}
            )
        ),
    )


def compare_events(corpus: Corpus, config: Config) -> Corpus:
    """Compare the accounts of every event; an event whose texts break the comparison is left uncompared,
    with a warning on each of its accounts."""
    articles: dict[str, Article] = {a.id: a for a in corpus.articles}
    problems: dict[str, list[Problem]] = {}
    events = []
    for event in corpus.events:
        try:
            events.append(compare_event(event, articles))
        except INPUT_FAULTS as exc:
            events.append(event)
            for aid in event.article_ids:
                message = f"the accounts of its event could not be compared: {plainly(exc)}"
                problems.setdefault(aid, []).append(Problem(articles[aid].path, "warning", message))
    return dataclasses.replace(
        corpus, articles=with_warnings(corpus.articles, problems), events=tuple(events)
    )
