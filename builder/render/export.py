"""The corpus JSON (`parallax/1`): the machine interface for tooling, evaluation and the site's data/."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from builder.model import Article, Corpus, Event, Fact, Span, TextSpan

SCHEMA_ID = "parallax/1"


def schema_text() -> str:
    """Return the committed JSON Schema the export follows."""
    return resources.files("builder").joinpath("schema/corpus.schema.json").read_text(encoding="utf-8")


def _span(span: Span) -> dict[str, Any]:
    return {"kind": span.kind, "text": span.text, "start": span.start, "end": span.end}


def _article(article: Article) -> dict[str, Any]:
    single = [
        s
        for s in (
            article.source_line,
            article.headline,
            article.date_line,
            article.standfirst,
            article.byline,
            article.dateline,
        )
        if s is not None
    ]
    parts = sorted(
        [*single, *article.captions, *article.credits, *article.boilerplate], key=lambda s: (s.start, s.kind)
    )
    meta = article.meta
    return {
        "id": article.id,
        "slug": article.slug,
        "path": article.path,
        "sha256": article.sha256,
        "size": article.size,
        "title": article.title,
        "title_source": article.title_source,
        "label": article.label,
        "dateline": article.dateline.text if article.dateline else None,
        "byline": article.byline.text if article.byline else None,
        "captions": [{"text": c.text, "start": c.start, "end": c.end} for c in article.captions],
        "parts": [_span(p) for p in parts],
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "retrieved": meta.retrieved,
        "authors": list(meta.authors),
        "tags": list(meta.tags),
        "language": meta.language,
        "license": meta.license,
        "event": meta.event,
        "format": article.format,
        "record": article.record,
        "text_source": article.text_source,
        "text": None if article.text_source == "file" else article.text,
        "companions": list(article.companions),
        "paragraphs": [{"start": p.start, "end": p.end} for p in article.paragraphs],
        "sentences": [
            {"id": s.id, "text": s.text, "start": s.start, "end": s.end, "paragraph": s.paragraph}
            for s in article.sentences
        ],
        "problems": [
            {"severity": p.severity, "message": p.message, "line": p.line} for p in article.problems
        ],
        "history": None
        if article.history is None
        else {
            "commit": article.history.commit,
            "date": article.history.date,
            "path": article.history.path,
            "changed": article.history.changed,
            "link": article.history.link,
        },
        "credited": [{"name": c.name, "type": c.type, "how": c.how} for c in article.credited],
    }


def _event(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "slug": event.slug,
        "title": event.title,
        "title_source": event.title_source,
        "articles": list(event.article_ids),
        "date": event.date,
        "date_source": event.date_source,
        "place": event.place,
        "topic": event.topic,
        "overrides": list(event.overrides),
        "membership": {
            article_id: {
                "score": why.score,
                "shared_sentences": why.shared_sentences,
                "shared_terms": list(why.shared_terms),
                "reason": why.reason,
            }
            for article_id, why in event.membership
        },
        "columns": list(event.columns),
        "alignment": [
            {
                "row": row.number,
                "kind": row.kind,
                "cells": {article_id: list(ids) for article_id, ids in row.cells},
            }
            for row in event.rows
        ],
        "added": {str(number): content for number, content in event.added},
        "differences": [
            {"row": d.row, "kind": d.kind, "a": _text_span(d.a), "b": _text_span(d.b)}
            for d in event.differences
        ],
        "framing": [
            {"terms": list(f.terms), "uses": {term: list(ids) for term, ids in f.uses}, "rows": list(f.rows)}
            for f in event.framing
        ],
        "facts": [_fact(f) for f in event.facts],
        "table": [
            {"key": r.key, "kind": r.kind, "status": r.status, "cells": {a: list(ids) for a, ids in r.cells}}
            for r in event.table
        ],
        "notes": [
            {
                "kind": n.kind,
                "message": n.message,
                "articles": list(n.articles),
                "evidence": list(n.evidence),
                "data": dict(n.data),
            }
            for n in event.notes
        ],
    }


def _fact(fact: Fact) -> dict[str, Any]:
    credited = fact.attribution
    return {
        "kind": fact.kind,
        "key": fact.key,
        "value": dict(fact.value),
        "text": fact.text,
        "article": fact.article,
        "sentence": fact.sentence,
        "start": fact.start,
        "end": fact.end,
        "extractor": fact.extractor,
        "attribution": None
        if credited is None
        else {"type": credited.type, "who": credited.who, "cue": credited.cue},
    }


def _text_span(span: TextSpan | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"article": span.article, "text": span.text, "start": span.start, "end": span.end}


def corpus_document(corpus: Corpus) -> dict[str, Any]:
    """Return the corpus as the JSON document the schema describes."""
    return {
        "schema": SCHEMA_ID,
        "outlets": [
            {"name": o.name, "domain": o.domain, "country": o.country, "files": list(o.files)}
            for o in corpus.outlets
        ],
        "articles": [_article(a) for a in corpus.articles],
        "events": [_event(e) for e in corpus.events],
        "rejected": [
            {"path": r.path, "reason": r.reason, "line": r.line, "severity": r.severity}
            for r in corpus.rejected
        ],
        "notices": [
            {"path": p.path, "severity": p.severity, "message": p.message, "line": p.line}
            for p in corpus.notices
        ],
    }


def corpus_json(corpus: Corpus) -> str:
    """Return the corpus JSON text: stable key order, UTF-8, one trailing newline.

    Each top-level field, and each item of a top-level list (an article, an event), is one line: diffs stay
    readable, and the C encoder does the work (an indented dump runs Python's, ten times slower).
    """
    lines = []
    for key, value in corpus_document(corpus).items():
        name = json.dumps(key)
        if isinstance(value, list) and value:
            items = ",\n".join(json.dumps(item, ensure_ascii=False) for item in value)
            lines.append(f"{name}: [\n{items}\n]")
        else:
            lines.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write_export(corpus: Corpus, out: Path) -> None:
    """Write the corpus JSON to a file, atomically."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(corpus_json(corpus), encoding="utf-8")
    tmp.replace(out)
