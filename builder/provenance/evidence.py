"""What every check shares: references to the evidence, article labels, sentences by id."""

from __future__ import annotations

from builder.model import Article, Event, Note

Articles = dict[str, Article]


def ref(article: str, part: str) -> str:
    """An evidence reference: `<article id>#s4`, `#caption-1`, `#dateline` or `#published`."""
    return f"{article}#{part}"


def note(
    kind: str,
    message: str,
    articles: list[str],
    evidence: list[str],
    **data: str | int | float | bool | None,
) -> Note:
    """A note; its articles keep first-mention order, once each."""
    return Note(
        kind, message, tuple(dict.fromkeys(articles)), tuple(dict.fromkeys(evidence)), tuple(data.items())
    )


def members(event: Event, articles: Articles) -> list[Article]:
    """The event's articles in column order (the base account first)."""
    return [articles[i] for i in (event.columns or event.article_ids)]


def quoted(text: str) -> str:
    """Words from an article, quoted in a message with one line and typographic quotes."""
    return f"“{' '.join(text.split())}”"


def listing(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
