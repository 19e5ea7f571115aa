"""Attributions carried by a noun: `his claim that ...`, `the ministry's warning that ...`.

The noun names a statement or a belief and its possessor is the source: a possessive pronoun (`his`, resolved
like `he`) or a name with `'s`. The content is the `that` clause after the noun, to the end of the sentence.
"""

from __future__ import annotations

import re

from builder.facts.marks import inside, quoted
from builder.facts.statements import Found
from builder.model import Sentence
from builder.vocabulary import verbs

_NOUN_CUE = re.compile(
    r"\b(?P<source>[Hh]is|[Hh]er|[Tt]heir|(?:(?:[Tt]he\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})[’']s)"
    r"\s+(?:(?:repeated|latest|earlier|recent|public|new|oft-repeated|unfounded|false)\s+)?"
    rf"(?P<cue>{verbs.STATEMENT_NOUNS})\s+that\s+(?=\S)"
)


def noun_attributions(sentence: Sentence) -> list[Found]:
    """`Her claim that the vote was rigged`: content after `that`, the possessor as source."""
    text = sentence.text
    marked = quoted(text)
    found = []
    for match in _NOUN_CUE.finditer(text):
        if inside(match.start(), marked):
            continue
        source_end = match.end("source")
        if text[source_end - 2 : source_end] in {"'s", "’s"}:
            source_end -= 2
        source = (sentence.start + match.start("source"), sentence.start + source_end)
        start = match.start() + match.group().rindex("that")
        found.append(Found(start, len(text), match.group("cue"), False, source))
    return found
