"""Render the model into Markdown pages with Jinja2 (autoescaped: article text is never markup)."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined

from builder.accounting import account
from builder.compare.lexicon import Preference, corpus_lexicon, preferences
from builder.dates import date_line, reader_date
from builder.events.describe import slugify
from builder.model import Article, Corpus, Event, Sentence, Span
from builder.render.changes import FEED, change_views, changes_pages, feed
from builder.render.facts import Summary, fact_groups, own_facts, summary
from builder.render.indexes import (
    PAGE_SIZE,
    EventLine,
    Group,
    by_month,
    by_place,
    by_tag,
    event_line,
    figures,
    front,
    newest_first,
    pages_of,
)
from builder.render.linked_data import article_document, event_document, script
from builder.render.markup import one_line, visible, yaml_title
from builder.render.notes import first_of_each_kind, note_views
from builder.render.overview import overview
from builder.render.rows import pair_view

EVENT_LIST_MARKER = "<!-- parallax:events -->"
TEXT_SOURCES = {
    "file": "the decoded file text",
    "record": "the text field of the JSON record",
    "extracted": "the text extracted from the web page (published in data/texts/)",
}
"""Where the hand-written home page wants the list of events."""


@dataclass(frozen=True)
class ParagraphView:
    """A body paragraph as a page shows it: the dateline (if it opens it) and its sentences."""

    dateline: Span | None
    separator: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class ArticleRow:
    """One article on the articles index."""

    article: Article
    event: Event | None


@dataclass(frozen=True)
class OutletView:
    """An outlet page: the outlet, its articles, and the terms it prefers."""

    name: str
    slug: str
    domain: str | None
    country: str | None
    articles: tuple[Article, ...]
    preferences: tuple[Preference, ...]


INLINE_PAIR_ACCOUNTS = 8
"""Events of more accounts than this load their first pair from its own page (with script), which keeps
the event page light; without script, the list of pairs leads to each."""
MAX_LEXICON = 500
"""Substitutions on the corpus lexicon page; the rest are in the export."""
MAX_PLACES = 20
"""Events listed per substitution on the lexicon page."""


def outlet_views(corpus: Corpus) -> list[OutletView]:
    """Every outlet the corpus file or an article names, by name."""
    named = {o.name: o for o in corpus.outlets}
    names = sorted(set(named) | {a.outlet for a in corpus.articles if a.outlet})
    views = []
    taken: set[str] = set()
    for name in names:
        articles = tuple(a for a in corpus.articles if a.outlet == name)
        outlet = named.get(name)
        slug = base = slugify(name) or "outlet"
        while slug in taken:  # two names, one slug ("A.B.C." and "ABC"): number the later one
            slug = f"{base}-{len(taken)}"
        taken.add(slug)
        views.append(
            OutletView(
                name,
                slug,
                outlet.domain if outlet else None,
                outlet.country if outlet else None,
                articles,
                tuple(preferences(corpus.events, {a.id for a in articles})),
            )
        )
    return views


def event_description(event: Event, members: list[Article], told: Summary) -> str:
    """One line for link previews and search snippets: how many accounts, when, where, who told it."""
    when = ", ".join(part for part in (reader_date(event.date), event.place) if part)
    outlets = sorted({a.outlet for a in members if a.outlet})
    accounts = f"{len(members)} account{'s' if len(members) != 1 else ''}"
    parts = [f"{accounts} side by side{f', {when}' if when else ''}."]
    if outlets:
        parts.append(f"Told by {', '.join(outlets[:6])}{' and others' if len(outlets) > 6 else ''}.")
    if told.people:
        parts.append(f"Names: {', '.join(told.people[:4])}.")
    return " ".join(parts)


def environment() -> Environment:
    """Return the template environment: strict about missing variables, escaping everything."""
    env = Environment(
        loader=PackageLoader("builder", "templates"),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=visible,
    )
    env.filters["one_line"] = one_line
    env.filters["stamp_date"] = date_line
    env.filters["reader_date"] = reader_date
    env.filters["yaml_title"] = yaml_title
    env.filters["count"] = "{:,}".format  # 2,721, as the terminal says it
    return env


def paragraph_views(article: Article) -> list[ParagraphView]:
    """Group the article's sentences by paragraph, with the dateline before the first one."""
    views = []
    for paragraph in article.paragraphs:
        sentences = tuple(s for s in article.sentences if s.paragraph == paragraph.index)
        dateline = article.dateline if paragraph.index == 0 else None
        separator = article.text[dateline.end : paragraph.start] if dateline else ""
        views.append(ParagraphView(dateline, separator, sentences))
    return views


def lexicon_pages(
    corpus: Corpus, env: Environment, outlets: list[OutletView], lines: dict[str, EventLine]
) -> dict[str, str]:
    """The corpus framing lexicon and the outlet pages."""
    by_id = {a.id: a for a in corpus.articles}

    def accounts(ids: tuple[str, ...]) -> str:
        labels = sorted({by_id[i].label for i in ids})
        shown = ", ".join(labels[:12])
        return f"{shown} and {len(labels) - 12} more" if len(labels) > 12 else shown

    entries = corpus_lexicon(corpus.events, corpus.articles)
    pages = {
        "lexicon.md": env.get_template("lexicon.md.j2").render(
            title="Framing lexicon",
            entries=entries[:MAX_LEXICON],
            hidden=max(0, len(entries) - MAX_LEXICON),
            max_places=MAX_PLACES,
            accounts=accounts,
        )
    }
    pages["outlets/index.md"] = env.get_template("outlets.md.j2").render(
        title="Outlets", outlets=outlets, unknown=sum(1 for a in corpus.articles if not a.outlet)
    )
    for outlet in outlets:
        mine = {a.id for a in outlet.articles}
        told = [lines[e.id] for e in corpus.events if mine & set(e.article_ids)]
        pages[f"outlets/{outlet.slug}.md"] = env.get_template("outlet.md.j2").render(
            title=outlet.name,
            outlet=outlet,
            preferences=outlet.preferences,
            events=newest_first(told)[:PAGE_SIZE],
            root="../../",
        )
    return pages


def _paged(
    pages: dict[str, str],
    env: Environment,
    path: str,
    title: str,
    intro: str,
    lines: list[EventLine],
    prefix: str,
) -> None:
    """Write a list of events as index pages of at most PAGE_SIZE entries: `path.md`, `path-2.md`, ..."""
    chunks = pages_of(lines)
    stem = path.rsplit("/", 1)[-1]
    pager = [f"../{stem}{'' if n == 1 else f'-{n}'}/" for n in range(1, len(chunks) + 1)]
    for number, chunk in enumerate(chunks, 1):
        shown = title if number == 1 else f"{title} (page {number})"
        pages[f"{path}{'' if number == 1 else f'-{number}'}.md"] = env.get_template(
            "event_index.md.j2"
        ).render(
            title=shown, intro=intro, lines=chunk, pager=pager, number=number, prefix=prefix, root="../../"
        )


def article_index(corpus: Corpus, env: Environment, event_of: dict[str, Event]) -> dict[str, str]:
    """Every article by outlet (unknown outlets last), then date: pages of at most PAGE_SIZE entries."""
    ordered = sorted(
        corpus.articles, key=lambda a: (a.outlet is None, a.outlet or "", a.published or "", a.id)
    )
    rows = [ArticleRow(a, event_of.get(a.id)) for a in ordered]
    chunks = pages_of(rows)
    paths = ["articles/index.md", *(f"article-pages/{n}.md" for n in range(2, len(chunks) + 1))]
    hrefs = ["articles/", *(f"article-pages/{n}/" for n in range(2, len(chunks) + 1))]
    pages = {}
    for number, (path, chunk) in enumerate(zip(paths, chunks, strict=True), 1):
        pages[path] = env.get_template("articles.md.j2").render(
            title="Articles" if number == 1 else f"Articles (page {number})",
            rows=chunk,
            pager=[f"{'../' if number == 1 else '../../'}{href}" for href in hrefs],
            number=number,
            root="../" if number == 1 else "../../",
            total=len(rows),
        )
    return pages


def _group_index(
    pages: dict[str, str],
    env: Environment,
    folder: str,
    title: str,
    intro: str,
    groups: list[Group],
    heading: str,
) -> None:
    """An index of groups (`folder/index.md`, later pages `folder/pages/N.md`), then each group's pages."""
    chunks = pages_of(groups)
    hrefs = ["", *(f"pages/{n}/" for n in range(2, len(chunks) + 1))]
    for number, chunk in enumerate(chunks, 1):
        up = "" if number == 1 else "../../"
        path = f"{folder}/index.md" if number == 1 else f"{folder}/pages/{number}.md"
        pages[path] = env.get_template("groups.md.j2").render(
            title=title if number == 1 else f"{title} (page {number})",
            intro=intro,
            groups=chunk,
            prefix=up,
            pager=[f"{up}{href}" or "./" for href in hrefs],
            number=number,
        )
    for group in groups:
        named = heading.format(group.name)
        _paged(
            pages, env, f"{folder}/{group.slug}", named, "Newest first.", list(group.lines), "../../events/"
        )


def index_pages(env: Environment, lines: list[EventLine]) -> dict[str, str]:
    """Events by month, by place and by tag: an index of the groups, then a page (or pages) per group."""
    pages: dict[str, str] = {}
    intro = (
        "Every event, by the month of its date, newest first. An event's date is its earliest"
        " account's publication date, or a date its texts give."
    )
    _group_index(pages, env, "dates", "Events by date", intro, by_month(lines), "Events of {}")
    places = by_place(lines)
    intro = (
        "Every event that has a place (the town or country its accounts name most), by place, the "
        "places with most events first."
        if places
        else "No event has a place yet."
    )
    _group_index(pages, env, "places", "Events by place", intro, places, "Events in {}")
    tags = by_tag(lines)
    intro = (
        "Every event under each of its tags, the tags with most events first. An event's tags are the"
        " tags its articles' metadata gives, its place, and the people and organisations most of its"
        " accounts name (at least two, when it has two or more)."
        if tags
        else "No event has a tag yet."
    )
    _group_index(pages, env, "tags", "Events by tag", intro, tags, "Events tagged {}")
    return pages


def home_block(corpus: Corpus, env: Environment, lines: list[EventLine]) -> str:
    """What the home page shows of the corpus: its figures, the latest and most-covered events, the months."""
    latest, covered = front(lines)
    return env.get_template("partials/home.j2").render(
        figures=figures(corpus),
        latest=latest,
        covered=covered,
        months=by_month(lines),
        has_places=any(x.event.place for x in lines),
        has_tags=any(x.tags for x in lines),
    )


def render_pages(
    corpus: Corpus, home_intro: str, site_url: str | None = None, site_name: str = "Parallax", epoch: int = 0
) -> dict[str, str]:
    """Return every generated page as {path under docs: Markdown text}, and the changes feed."""
    env = environment()
    pages: dict[str, str] = {}
    by_id = {a.id: a for a in corpus.articles}
    slugs = {a.id: a.slug for a in corpus.articles}
    base = f"{site_url}/" if site_url else "../../"
    event_of: dict[str, list[Event]] = {}
    for event in corpus.events:
        members = [by_id[i] for i in event.columns or event.article_ids]
        related = [e for e in corpus.events if e.topic == event.topic and e.id != event.id]
        pairs = [pair_view(event, p, by_id) for p in event.pairs]
        told = summary(event)
        event_notes, more_notes = first_of_each_kind(
            note_views([(event, n) for n in event.notes], by_id, page=None, root="../../")
        )
        pages[f"events/{event.slug}.md"] = env.get_template("event.md.j2").render(
            title=event.title,
            event=event,
            articles=members,
            labels={a.id: a.label for a in members},
            related=related,
            overview=overview(event, by_id, own_facts(event)),
            summary=told,
            description=event_description(event, members, told),
            facts=fact_groups(event, by_id),
            background=fact_groups(event, by_id, background=True),
            notes=event_notes,
            more_notes=more_notes,
            linked_data=script(event_document(event, members, base)),
            texts=[(a, paragraph_views(a)) for a in members] if not event.rows else [],
            in_columns=True,
            pair=pairs[0] if pairs else None,
            inline_pair_accounts=INLINE_PAIR_ACCOUNTS,
            tooltips=len(members) <= INLINE_PAIR_ACCOUNTS,
            pairs=pairs,
            pair_keys=[p.key for p in pairs],
            anchor="",
            root="../../",
        )
        for view in pairs:
            pages[f"events/{event.slug}/pairs/{view.key}.html"] = env.get_template("pair.html.j2").render(
                event=event, pair=view, anchor="../", root="../../../"
            )
        for aid in event.article_ids:
            event_of.setdefault(aid, []).append(event)
    outlets = outlet_views(corpus)
    outlet_slugs = {o.name: o.slug for o in outlets}
    for article in corpus.articles:
        events = event_of.get(article.id, [])
        notes = [(e, n) for e in events for n in e.notes if article.id in n.articles]
        pages[f"articles/{article.slug}.md"] = env.get_template("article.md.j2").render(
            title=article.title,
            article=article,
            events=events,
            notes=note_views(notes, by_id, page=article, root="../../"),
            linked_data=script(article_document(article, base, events, slugs)),
            paragraphs=paragraph_views(article),
            text_sources=TEXT_SOURCES,
            preferences=preferences(tuple(event_of.get(article.id, [])), {article.id}),
            outlet_slug=outlet_slugs.get(article.outlet or ""),
            root="../../",
            in_columns=False,
        )
    lines = {e.id: event_line(e, by_id) for e in corpus.events}
    pages.update(lexicon_pages(corpus, env, outlets, lines))
    event_by_article = {aid: e for e in corpus.events for aid in e.article_ids}
    pages.update(article_index(corpus, env, event_by_article))
    pages["report.md"] = env.get_template("report.md.j2").render(
        title="Build report",
        rows=account(corpus),
        notices=corpus.notices,
        published=len(corpus.articles),
        events=len(corpus.events),
        rejected=sum(1 for r in corpus.rejected if r.severity == "error"),
        ignored=sum(1 for r in corpus.rejected if r.severity == "ignored"),
        not_articles=sum(1 for r in corpus.rejected if r.severity == "not-an-article"),
        warnings=len(corpus.problems),
    )
    pages.update(index_pages(env, list(lines.values())))
    changes = change_views(corpus, lines)
    pages.update(changes_pages(corpus, env, changes))
    pages[FEED] = feed(env, changes, site_name, site_url, epoch)
    event_list = home_block(corpus, env, list(lines.values()))
    if EVENT_LIST_MARKER in home_intro:
        pages["index.md"] = home_intro.replace(EVENT_LIST_MARKER, event_list)
    else:
        pages["index.md"] = f"{home_intro.rstrip()}\n\n{event_list}"
    return pages
