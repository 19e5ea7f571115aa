"""The site's CSV tables: one line per event (`data/events.csv`), one per fact (`data/facts.csv`)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

from builder.model import Corpus

FACTS_CSV = [
    "event",
    "key",
    "kind",
    "status",
    "article",
    "sentence",
    "start",
    "end",
    "text",
    "value",
    "extractor",
]


def facts_csv(corpus: Corpus) -> str:
    """Return every fact of every event as CSV, one line per fact, with its table row's status."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FACTS_CSV)
    for event in corpus.events:
        status = {r.key: r.status for r in event.table}
        for f in event.facts:
            value = json.dumps(dict(f.value), ensure_ascii=False, sort_keys=True)
            writer.writerow(
                [
                    event.id,
                    f.key,
                    f.kind,
                    status.get(f.key, ""),
                    f.article,
                    f.sentence,
                    f.start,
                    f.end,
                    f.text,
                    value,
                    f.extractor,
                ]
            )
    return out.getvalue()


EVENTS_CSV = [
    "event",
    "slug",
    "title",
    "date",
    "place",
    "topic",
    "articles",
    "outlets",
    "facts",
    "conflicts",
    "notes",
    "note_kinds",
    "article_ids",
]


def events_csv(corpus: Corpus) -> str:
    """Return one line per event: what it is, how many accounts and facts, and its notes by kind."""
    by_id = {a.id: a for a in corpus.articles}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENTS_CSV)
    for event in corpus.events:
        kinds = Counter(n.kind for n in event.notes)
        outlets = sorted({o for a in event.article_ids if (o := by_id[a].outlet)})
        writer.writerow(
            [
                event.id,
                event.slug,
                event.title,
                event.date or "",
                event.place or "",
                event.topic,
                len(event.article_ids),
                "; ".join(str(o) for o in outlets),
                len(event.facts),
                sum(1 for r in event.table if r.status == "conflict"),
                len(event.notes),
                "; ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())),
                " ".join(event.article_ids),
            ]
        )
    return out.getvalue()
