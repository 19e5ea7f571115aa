"""`dropped-attribution` notes: a claim one account credits to a source and another states as fact."""

from __future__ import annotations

from itertools import permutations

from builder.model import Article, Event, Fact, Note
from builder.provenance.evidence import Articles, note, quoted, ref

COMPARABLE = frozenset({"identical", "edited", "split", "merged", "moved"})
"""Rows whose sentences say the same thing; a paraphrase may move its attribution elsewhere."""


def _sources(event: Event) -> dict[tuple[str, str], list[Fact]]:
    """{(article, sentence): what credits the sentence's claim: its sources, its attributed quotes}."""
    found: dict[tuple[str, str], list[Fact]] = {}
    for fact in event.facts:
        if fact.kind == "source" or (fact.kind == "quote" and fact.attribution is not None):
            found.setdefault((fact.article, fact.sentence), []).append(fact)
    return found


def _text(article: Article, ids: tuple[str, ...]) -> str:
    return " ".join(s.key.lower() for s in article.sentences if s.id in ids)


def check(event: Event, articles: Articles) -> list[Note]:
    """A note per row where one account names a source and another has the claim without any."""
    sources = _sources(event)
    notes = []
    for row in event.rows:
        if row.kind not in COMPARABLE:
            continue
        cells = dict(row.cells)
        for credits, bare in permutations(cells, 2):
            named = [
                f for sid in cells[credits] for f in sources.get((credits, sid), []) if f.kind == "source"
            ]
            if not named or any(sources.get((bare, sid)) for sid in cells[bare]):
                continue
            plain = _text(articles[bare], cells[bare])
            if any(f.text.lower() in plain for f in named):
                continue  # the source's words are there: the extractor missed the cue, not the writer
            source = named[0]
            who = source.attribution.who if source.attribution and source.attribution.who else source.text
            notes.append(
                note(
                    "dropped-attribution",
                    f"{articles[credits].label} credits this to {quoted(who)}; {articles[bare].label}"
                    f" states it as fact, with no source (row {row.number}).",
                    [credits, bare],
                    [ref(credits, sid) for sid in cells[credits]] + [ref(bare, sid) for sid in cells[bare]],
                    row=row.number,
                )
            )
    return notes
