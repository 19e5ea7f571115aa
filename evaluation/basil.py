"""BASIL's annotations as second measures: lexicon terms in lexical-bias spans, and quoted spans found.

BASIL marks, in each article, spans whose wording carries a judgement (`bias: lex`: "fierce", "slammed") and
says whether a span sits in someone's quoted words (`quote: true`). Its `speaker` is a stance category
("other neutral"), not a name, so speakers are not scored here.

Lexicon: each use of a framing term (one side of a wording swap the lexicon keeps) is checked for overlap
with the article's `lex` spans. The plain rate beside it is the share of the articles' words that fall in
`lex` spans: what a term placed at random would score.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from builder.compare.lexicon import terms_of
from builder.model import Article
from evaluation.grouping import analysed, file_key

Spans = list[tuple[int, int]]


def _spans(data: Path) -> dict[str, list[dict[str, object]]]:
    found: dict[str, list[dict[str, object]]] = json.loads(
        (data / "basil" / "spans.json").read_text(encoding="utf-8")
    )
    return found


def _overlaps(start: int, end: int, spans: Spans) -> bool:
    return any(s < end and start < e for s, e in spans)


def basil_annotations(data: Path) -> list[tuple[str, str]]:
    """Report lexicon terms inside lexical-bias spans, and BASIL's quoted spans that a quote fact covers."""
    spans = _spans(data)
    corpus = analysed(data / "basil" / "articles")
    by_id = {a.id: a for a in corpus.articles}
    lex: dict[str, Spans] = {}
    quoted: dict[str, Spans] = {}
    for article in corpus.articles:
        marks = spans.get(file_key(article), [])
        lex[article.id] = [(int(str(m["start"])), int(str(m["end"]))) for m in marks if m["bias"] == "lex"]
        quoted[article.id] = [(int(str(m["start"])), int(str(m["end"]))) for m in marks if m["quote"] is True]
    uses = inside = 0
    for event in corpus.events:
        kept = {entry.terms for entry in event.framing}
        for d in event.differences:
            if d.kind != "wording" or d.a is None or d.b is None:
                continue
            if tuple(sorted(terms_of(d.a.text, d.b.text))) not in kept:
                continue
            for side in (d.a, d.b):
                uses += 1
                inside += _overlaps(side.start, side.end, lex.get(side.article, []))
    chance = _chance(list(by_id.values()), lex)
    found = total = 0
    for event in corpus.events:
        covered = {
            aid: [(f.start, f.end) for f in event.facts if f.kind == "quote" and f.article == aid]
            for aid in event.article_ids
        }
        for aid in event.article_ids:
            for start, end in quoted.get(aid, []):
                total += 1
                found += _overlaps(start, end, covered[aid])
    return [
        (
            "BASIL lexicon terms in lex-bias spans",
            f"{inside}/{uses} uses ({inside / uses if uses else 0:.3f}); chance (words in lex spans)"
            f" {chance:.3f}",
        ),
        (
            "BASIL quoted spans inside a quote fact",
            f"{found / total if total else 0:.3f} ({found}/{total}; speakers are stance labels, not scored)",
        ),
    ]


def _chance(articles: list[Article], lex: dict[str, Spans]) -> float:
    """The share of the articles' words that lie in lexical-bias spans."""
    words = hit = 0
    for article in articles:
        for match in re.finditer(r"\w+", article.text):
            words += 1
            hit += _overlaps(match.start(), match.end(), lex.get(article.id, []))
    return hit / words if words else 0.0
