"""Shared sentences: how much of each account another account also has, identical or edited."""

from __future__ import annotations

from rapidfuzz import fuzz

from builder.compare.align import EDITED
from builder.model import Article, Row


def shared_sentences(rows: list[Row], by_id: dict[str, Article]) -> dict[str, int]:
    """Return, per article id, how many of its sentences another account has in the same row, identical
    or edited (not paraphrased): the count "Why these articles" gives, read off the side-by-side view.
    """
    found = dict.fromkeys(by_id, 0)
    keys = {aid: {s.id: s.key.lower() for s in article.sentences} for aid, article in by_id.items()}
    for row in rows:
        if len(row.cells) < 2:
            continue
        texts = {aid: " ".join(keys[aid][s] for s in ids) for aid, ids in row.cells}
        for aid, ids in row.cells:
            if any(fuzz.ratio(texts[aid], t) >= EDITED for other, t in texts.items() if other != aid):
                found[aid] += len(ids)
    return found
