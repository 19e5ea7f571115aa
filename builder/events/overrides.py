"""The corpus maintainer's decisions: the `event` field and the corpus file's event rules win."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.model import Article, EventRule, Problem


@dataclass
class Decisions:
    """What the overrides fix before and after the algorithm runs."""

    fixed: dict[str, str] = field(default_factory=dict)
    """Article id -> the group key an override puts it in; the algorithm leaves these articles alone."""
    merges: list[tuple[str, ...]] = field(default_factory=list)
    """Article ids whose events become one."""
    titles: dict[str, str] = field(default_factory=dict)
    """Article id or event name -> title."""
    notes: dict[str, str] = field(default_factory=dict)
    """Article id -> what the override said, for the page."""
    warnings: list[Problem] = field(default_factory=list)


def decide(articles: list[Article], rules: tuple[EventRule, ...], corpus_file: str) -> Decisions:
    """Collect the overrides that apply to these articles; rules naming unknown articles are warned about."""
    known = {a.id for a in articles}
    decisions = Decisions()
    for article in articles:
        if article.meta.event:
            decisions.fixed[article.id] = f"name:{article.meta.event}"
            decisions.notes[article.id] = f"event field: '{article.meta.event}'"
    for number, rule in enumerate(rules, 1):
        missing = [i for i in (*rule.articles, *rule.split) if i not in known]
        if missing:
            message = f"event rule {number}: no article with id {', '.join(repr(m) for m in missing)}"
            decisions.warnings.append(Problem(corpus_file, "warning", message))
        for article_id in rule.split:
            if article_id in known:
                decisions.fixed[article_id] = f"split:{article_id}"
                decisions.notes[article_id] = "corpus file: split out on its own"
        present = tuple(i for i in rule.articles if i in known)
        if present:
            decisions.merges.append(present)
            for article_id in present:
                decisions.notes.setdefault(article_id, "corpus file: put in this event")
        if rule.title:
            for key in (*present, *([f"name:{rule.name}"] if rule.name else [])):
                decisions.titles[key] = rule.title
    return decisions
