"""Quotes and sources: every attributed statement, direct or indirect, with whom the account credits for it.

The statements module finds content, source and cue in each sentence; this one resolves sources and makes the
facts. Pronouns are resolved to the nearest preceding named person (`he`, `she`) or, for `it` and `they`, to
the nearest preceding source that is not a person; `who` to the words just before it; a surname alone is
completed from an earlier full name (`Lister`: Charles Lister). Named people come from sources, sentence
subjects and full names in the text.
"""

from __future__ import annotations

import re

from builder.facts import cues
from builder.facts.marks import CLOSE, OPEN, left_open, trim
from builder.facts.nouns import noun_attributions
from builder.facts.quotations import (
    closes_earlier_quote,
    continuation,
    quote_opening,
    quoted_before,
    said_after,
)
from builder.facts.span import fact
from builder.facts.speakers import subject
from builder.facts.statements import Found, attributions, colon, dash_credit
from builder.model import Article, Attribution, Fact, Sentence

EXTRACTOR = "quotes"
_NAME_MENTION = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+(?:al-|bin\s|de\s|van\s)?[A-Z][a-z’'-]+){1,2}"
)


def extract(article: Article) -> list[Fact]:
    """Return the article's quote facts in reading order, then one source fact per distinct source."""
    found: list[tuple[Sentence, Found]] = []
    previous: Found | None = None
    sentence_before: Sentence | None = None
    still_open = False
    for index, sentence in enumerate(article.sentences):
        here = attributions(sentence, still_open) or colon(sentence) or dash_credit(sentence)
        starts = {f.start for f in here}
        here = sorted(
            here + [f for f in noun_attributions(sentence) if f.start not in starts], key=lambda f: f.start
        )
        closes = bool(here) and here[0].postposed and closes_earlier_quote(sentence.text, here[0])
        if (
            previous is not None
            and _quoting(sentence_before, previous)
            and (not here or (still_open and not closes))
        ):
            here = continuation(article, index, previous, still_open) or here
        still_open = left_open(sentence.text, still_open)
        if here and here[0].postposed and here[0].source and closes_earlier_quote(sentence.text, here[0]):
            opening = quote_opening(article, index, here[0])
            if opening:
                taken = {id(s) for s, _f in opening}
                found = [(s, f) for s, f in found if id(s) not in taken]
                found.extend(opening)
                first = here[0]
                here[0] = Found(first.start, first.end, first.cue, True, first.source, first.postposed)
        before = said_after(article, index)
        if before is not None:
            found = [(s, f) for s, f in found if s is not before[0]] + [before]
            here = [f for f in here if f.source != before[1].source]
        if here and here[0].postposed and here[0].source:
            found.extend(quoted_before(article, index, here[0], {id(s) for s, _f in found}))
        found.extend((sentence, f) for f in here)
        # The speaker goes on after their last quotation, not after the writer's aside (`, referring to`).
        previous = next((f for f in reversed(here) if f.direct), here[-1]) if here else None
        sentence_before = sentence
    people: list[tuple[int, str]] = _people(article, found)
    quotes: list[Fact] = []
    sources: dict[str, Fact] = {}
    for sentence, item in found:
        if item.source is None:
            continue
        made = _quote_fact(article, sentence, item, people, quotes)
        if made is None:
            continue
        quotes.append(made)
        _add_source(article, sentence, made, sources)
    for sentence in article.sentences:
        for citation in _citations(article, sentence):
            sources.setdefault(citation.key, citation)
    return quotes + sorted(sources.values(), key=lambda f: f.start)


def _quote_fact(
    article: Article, sentence: Sentence, item: Found, people: list[tuple[int, str]], before: list[Fact]
) -> Fact | None:
    assert item.source is not None
    start, end = trim(sentence.text, item.start, item.end)
    if len(sentence.text[start:end].split()) < 2:
        return None
    source = article.text[item.source[0] : item.source[1]]
    resolved = _resolve(article, source, item.source[0], people, before)
    who = resolved or source
    stands_for = source.lower() in cues.PRONOUNS and resolved and not cues.person_name(resolved)
    kind = cues.source_type(resolved if stands_for and resolved else source, resolved)
    content = sentence.text[start:end]
    key = f"quote:{cues.name_key(who)}:{cues.content_key(content)}"
    quoted = any(c in content for c in OPEN + CLOSE)
    value: tuple[tuple[str, str | int | float | bool | None], ...] = (
        ("source", source),
        ("source_start", item.source[0]),
        ("source_end", item.source[1]),
        ("resolved", resolved),
        ("cue", item.cue),
        ("direct", item.direct),
        ("quoted", quoted),
    )
    return fact(
        article,
        sentence,
        start,
        end,
        kind="quote",
        key=key,
        value=value,
        extractor=EXTRACTOR,
        attribution=Attribution(kind, who, item.cue),
    )


def _add_source(article: Article, sentence: Sentence, quote: Fact, sources: dict[str, Fact]) -> None:
    values = dict(quote.value)
    begin, finish, who = int(str(values["source_start"])), int(str(values["source_end"])), quote.attribution
    if who is None or (
        who.type == "person"
        and str(values["source"]).lower() in cues.PRONOUNS | set(cues.POSSESSIVES)
        and not values["resolved"]
    ):
        return
    key = "source:" + cues.name_key(who.who or "")
    if key in sources or key == "source:":
        return
    holder = next((s for s in article.sentences if s.start <= begin < s.end), sentence)
    sources[key] = fact(
        article,
        holder,
        begin - holder.start,
        finish - holder.start,
        kind="source",
        key=key,
        value=(("source", article.text[begin:finish]), ("resolved", values["resolved"]), ("cue", who.cue)),
        extractor=EXTRACTOR,
        attribution=who,
    )


def _citations(article: Article, sentence: Sentence) -> list[Fact]:
    """Agencies an account relies on without quoting them: `told AFP`, `AFP reported`, `(AFP)` in a cite.

    `told the Agence France-Presse (AFP)` and `according to AFP` cite the agency's reporting; a request for
    comment that went unanswered (`did not reply to an AFP request for comment`) is a contact, not a citation.
    """
    text = sentence.text
    made = []
    for match in re.finditer(
        r"\b(?:told|to|by|from|citing|cited|quoted by|reported by|via)\s+(?:the\s+)?", text
    ):
        rest = text[match.end() :]
        name = re.match(r"(?:[A-Z][\w-]*\s*)+(?:\([A-Z]+\))?|[A-Z]{2,}\b", rest)
        if not name:
            continue
        span = name.group().rstrip()
        agency = cues.agency_name(span)
        if agency is None:
            continue
        after = rest[name.end() :].lstrip()
        if re.match(r"(?:request|requests|inquiry|query|questions?)\b", after) or re.search(
            r"\b(?:reply|respond|answer|comment)\w*\s+(?:to\s+)?(?:an?\s+)?$", text[: match.start()]
        ):
            continue  # a contact, not a citation
        start = match.end()
        made.append(
            fact(
                article,
                sentence,
                start,
                start + len(span),
                kind="source",
                key="source:" + agency,
                value=(("source", span), ("resolved", None), ("cue", match.group().strip())),
                extractor=EXTRACTOR,
                attribution=Attribution("agency", span, match.group().strip()),
            )
        )
    return made


# Resolving sources.


def _quoting(sentence: Sentence | None, item: Found) -> bool:
    """The statement is a quotation or ends in one (`that the choice “could not be clearer.”`): a
    quotation in the next paragraph may go on with the same speaker."""
    if item.direct:
        return True
    return sentence is not None and sentence.text[item.start : item.end].rstrip(" .").endswith(tuple(CLOSE))


def _people(article: Article, found: list[tuple[Sentence, Found]]) -> list[tuple[int, str]]:
    """Named people in reading order: (file offset, full name), from sources and sentence subjects."""
    people = []
    for _sentence, item in found:
        if item.source:
            name = cues.person_name(article.text[item.source[0] : item.source[1]])
            if name:
                people.append((item.source[0], name))
    for sentence in article.sentences:
        opening = subject(sentence.text, sentence.start)
        if opening:
            name = cues.person_name(article.text[opening[0] : opening[1]])
            if name and len(name.split()) >= 2:
                people.append((opening[0], name))
    for match in _NAME_MENTION.finditer(article.text):
        name = cues.person_name(match.group())
        if name and len(name.split()) >= 2:
            people.append((match.start(), name))
    return sorted(set(people))


def _resolve(
    article: Article, source: str, at: int, people: list[tuple[int, str]], before: list[Fact]
) -> str | None:
    low = source.lower().strip()
    low = cues.POSSESSIVES.get(low, low)
    earlier = [name for offset, name in people if offset < at]
    if low in cues.PERSON_PRONOUNS - {"who"}:
        return _complete(earlier[-1], earlier) if earlier else None
    if low in cues.RELATIVES:
        words = _antecedent(article.text[max(0, at - 120) : at])
        if words:
            name = cues.person_name(words)
            return _complete(name, earlier) if name else words
        return None
    if low in {"it", "they", "we"}:
        for previous in reversed(before):
            if previous.attribution and previous.attribution.type != "person":
                return previous.attribution.who
        return None
    name = cues.person_name(source)
    if name:
        return _complete(name, earlier)
    return None


def _antecedent(before: str) -> str | None:
    """The noun phrase a relative pronoun refers to: the last words before it, up to a verb or preposition."""
    words = re.findall(r"[\w][\w.'’-]*|,", before.rstrip(" ,"))
    taken: list[str] = []
    for word in reversed(words):
        if word == "," or word.lower() in cues.VERBISH or word.lower() in _PREPOSITIONS or len(taken) == 5:
            break
        taken.insert(0, word)
    return " ".join(taken) or None


_PREPOSITIONS = {"to", "of", "in", "on", "at", "with", "by", "from", "for", "about", "among", "and", "or"}


def _complete(name: str, earlier: list[str]) -> str:
    """`Lister` -> `Charles Lister` when the article named him in full before."""
    if len(name.split()) > 1:
        return name
    for full in reversed(earlier):
        if full.split()[-1] == name and len(full.split()) > 1:
            return full
    return name
