"""JSON-LD (schema.org) for article and event pages: what machines read to cite and connect them.

An article is a `NewsArticle` describing the original publication, with `isBasedOn` pointing at the
account it was likely derived from and `citation` naming whom it cites; an event page is an `ItemList`
of its accounts. URLs are relative to the page unless mkdocs.yml sets `site_url`.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from builder.model import Article, Event

CONTEXT = "https://schema.org"


def script(document: dict[str, Any]) -> Markup:
    """The document in a `<script type="application/ld+json">`; `<`, `>` and `&` escaped so that no
    article text can close the element."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def page_url(base: str, path: str) -> str:
    """A page's URL: absolute under `site_url`, else relative to the current page (`base` is `../../`)."""
    return f"{base}{path}"


def _publisher(article: Article) -> dict[str, Any] | None:
    return {"@type": "Organization", "name": article.outlet} if article.outlet else None


def news_article(article: Article, base: str, events: list[Event], slugs: dict[str, str]) -> dict[str, Any]:
    """The schema.org NewsArticle for one account, with its provenance."""
    found: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": article.title,
        "name": article.title,
        "mainEntityOfPage": page_url(base, f"articles/{article.slug}/"),
        "identifier": {"@type": "PropertyValue", "propertyID": "sha256", "value": article.sha256},
        "wordCount": sum(len(s.text.split()) for s in article.sentences),
        "url": article.url,
        "datePublished": article.published,
        "inLanguage": article.meta.language,
        "publisher": _publisher(article),
        "author": [{"@type": "Person", "name": name} for name in article.meta.authors] or None,
        "dateline": article.dateline.text if article.dateline else None,
        "citation": [c.name for c in article.credited if c.how == "cited"] or None,
        "creditText": "; ".join(c.name for c in article.credited if c.how != "cited") or None,
    }
    sources = []
    for event in events:
        for note in event.notes:
            direction = str(dict(note.data).get("direction", ""))
            if note.kind == "reuse" and direction.endswith(f"->{article.id}"):
                sources.append(direction.split("->")[0])
    if sources:
        found["isBasedOn"] = [
            {"@type": "NewsArticle", "identifier": s, "url": page_url(base, f"articles/{slugs[s]}/")}
            for s in dict.fromkeys(sources)
        ]
    return {k: v for k, v in found.items() if v is not None}


def article_document(
    article: Article, base: str, events: list[Event], slugs: dict[str, str]
) -> dict[str, Any]:
    """The JSON-LD document of an article page: the NewsArticle, about the events it reports."""
    found = news_article(article, base, events, slugs)
    about = [
        {"@type": "Event", "name": e.title, "url": page_url(base, f"events/{e.slug}/")}
        | ({"startDate": e.date} if e.date else {})
        | ({"location": {"@type": "Place", "name": e.place}} if e.place else {})
        for e in events
    ]
    if about:
        found["about"] = about
    return {"@context": CONTEXT, **found}


def event_document(event: Event, members: list[Article], base: str) -> dict[str, Any]:
    """The JSON-LD document of an event page: its accounts as an ItemList."""
    return {
        "@context": CONTEXT,
        "@type": "ItemList",
        "name": event.title,
        "url": page_url(base, f"events/{event.slug}/"),
        "description": f"{len(members)} accounts of one event, compared sentence by sentence.",
        "numberOfItems": len(members),
        "itemListOrder": "https://schema.org/ItemListUnordered",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": n,
                "item": {
                    k: v
                    for k, v in {
                        "@type": "NewsArticle",
                        "headline": a.title,
                        "url": page_url(base, f"articles/{a.slug}/"),
                        "datePublished": a.published,
                        "publisher": _publisher(a),
                    }.items()
                    if v is not None
                },
            }
            for n, a in enumerate(members, 1)
        ],
    }
