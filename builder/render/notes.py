"""Provenance notes as pages show them: a label per kind, and each piece of evidence as a link."""

from __future__ import annotations

from dataclasses import dataclass

from builder.model import Article, Event, Note

KIND_LABELS = {
    "caption": "Photo caption",
    "dateline": "Dateline",
    "relative-date": "Relative date",
    "name-variant": "Name variant",
    "number-conflict": "Figures disagree",
    "dropped-attribution": "Attribution dropped",
    "reuse": "Text reuse",
}


TITLE_CHARS = 120
"""Evidence words shown on hover, cut: the link lands on the whole sentence."""
PER_KIND = 10
"""Notes of one kind an event page lists; the rest are on the article pages of the accounts they name."""


@dataclass(frozen=True)
class EvidenceLink:
    href: str
    label: str
    """`000 s4`, `000 caption 1`, `001 dateline`."""
    title: str
    """The words the evidence points at, shown on hover."""


@dataclass(frozen=True)
class NoteView:
    kind: str
    label: str
    message: str
    links: tuple[EvidenceLink, ...]


def _words(article: Article, part: str) -> str:
    if part == "dateline":
        return article.dateline.text if article.dateline else ""
    if part == "published":
        return f"published {article.published or 'not known'}"
    if part.startswith("caption-"):
        number = int(part.removeprefix("caption-"))
        return article.captions[number - 1].text if number <= len(article.captions) else ""
    return next((s.text for s in article.sentences if s.id == part), "")


def evidence_link(
    reference: str,
    articles: dict[str, Article],
    rows: dict[tuple[str, str], int],
    page: Article | None,
    root: str,
) -> EvidenceLink:
    """Where a reference leads: a sentence to its side-by-side row (`rows`) on the event page, or to its
    anchor on the article page; a caption or dateline to the article page, which shows them."""
    article_id, part = reference.split("#", 1)
    article = articles[article_id]
    label = f"{article.label} {part.replace('-', ' ')}"
    title = " ".join(_words(article, part).split())
    title = title if len(title) <= TITLE_CHARS else f"{title[: TITLE_CHARS - 1]}…"
    if page is not None and page.id == article_id:
        return EvidenceLink(f"#{part}", label, title)
    row = rows.get((article_id, part)) if page is None else None
    if row is not None:
        return EvidenceLink(f"#r{row}", label, title)
    return EvidenceLink(f"{root}articles/{article.slug}/#{part}", label, title)


def note_views(
    notes: list[tuple[Event, Note]], articles: dict[str, Article], *, page: Article | None, root: str
) -> list[NoteView]:
    """Each note with its label and evidence links, for an event page (`page` None) or an article page."""
    rows: dict[str, dict[tuple[str, str], int]] = {}
    views = []
    for event, note in notes:
        if page is None and event.id not in rows:
            rows[event.id] = event.sentence_rows()  # once per event, not once per piece of evidence
        links = tuple(evidence_link(r, articles, rows.get(event.id, {}), page, root) for r in note.evidence)
        views.append(NoteView(note.kind, KIND_LABELS.get(note.kind, note.kind), note.message, links))
    return views


def first_of_each_kind(
    views: list[NoteView], most: int = PER_KIND
) -> tuple[list[NoteView], list[tuple[str, int]]]:
    """The first `most` notes of each kind, and (kind label, how many more) for kinds with more."""
    seen: dict[str, int] = {}
    shown = []
    for view in views:
        seen[view.label] = seen.get(view.label, 0) + 1
        if seen[view.label] <= most:
            shown.append(view)
    return shown, [(label, n - most) for label, n in seen.items() if n > most]
