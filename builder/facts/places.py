"""Places: gazetteer names, "the town of X" and "X province" shapes, and relations such as a border."""

from __future__ import annotations

import re

from builder.facts.span import fact
from builder.gazetteer import Gazetteer
from builder.model import Article, Fact

_KINDS = (
    r"town|city|village|province|region|district|governorate|county|state|camp|neighbou?rhood|suburb|area"
)
_NAME = r"(?:al-)?[A-Z][\w’'-]+(?:\s+(?:al-)?[A-Z][\w’'-]+){0,2}"
_ADJECTIVE = (
    r"(?:[A-Z][a-z]+|(?:north|south)?(?:east|west)?(?:ern)?|northern|southern|central|remote|small|coastal)"
)
KIND_OF = re.compile(rf"\b(?:the\s+)?(?:{_ADJECTIVE}\s+){{0,2}}({_KINDS})\s+of\s+({_NAME})")
""""the Syrian town of Atmeh", "the province of Idlib": the kind of place comes with the name."""
NAME_KIND = re.compile(rf"\b({_NAME})\s+(province|region|district|governorate|county|state)\b")
""""Idlib province"."""
BORDER = re.compile(
    rf"\b(?:(near|close to|along|on|at|across|from)\s+)?(?:the\s+)?(?:border\s+with\s+({_NAME})"
    rf"|({_NAME})[’']s\s+border(?:\s+with\s+({_NAME}))?|([A-Z][a-z]+)\s+border)\b"
)
"""Border relations: "near the border with Turkey", "Turkey's border with Syria", "the Turkish border"."""


def _clean(name: str) -> str:
    return re.sub(r"[’']s$", "", name)


def extract(article: Article, gazetteer: Gazetteer) -> list[Fact]:
    """Return one fact per place an account names (its first mention), and each border relation."""
    found: list[Fact] = []
    seen: set[str] = set()
    ordinary = gazetteer.used_otherwise("\n".join(s.text for s in article.sentences))

    def add(sentence_index: int, start: int, end: int, name: str, kind: str, relation: str | None) -> None:
        sentence = article.sentences[sentence_index]
        key = f"place:{relation + ' ' if relation else ''}{name.lower()}"
        if key in seen:
            return
        seen.add(key)
        value = (("name", name), ("type", kind), ("relation", relation))
        found.append(
            fact(article, sentence, start, end, kind="place", key=key, value=value, extractor="places")
        )

    for n, sentence in enumerate(article.sentences):
        text = sentence.text
        typed: list[tuple[int, int]] = []
        for match in KIND_OF.finditer(text):
            add(n, match.start(), match.end(), _clean(match[2]), match[1].lower(), None)
            typed.append((match.start(2), match.end(2)))
        for match in NAME_KIND.finditer(text):
            if match[1].split()[-1] in {"The", "A"}:
                continue
            add(n, match.start(), match.end(), _clean(match[1]), match[2].lower(), None)
            typed.append((match.start(1), match.end(1)))
        for match in BORDER.finditer(text):
            other = match[2] or match[5] or (f"{match[3]} and {match[4]}" if match[4] else match[3])
            relation = f"{match[1].lower()} the border" if match[1] else "the border"
            add(n, match.start(), match.end(), _clean(other), "border", relation)
        for start, end, name in gazetteer.find(text):
            if any(a <= start < b for a, b in typed) or name in ordinary:
                continue  # already named with its kind, or a word that only looks like a town
            add(n, start, end, name, "place", None)
    return found
