"""People and organisations: capitalised names sorted by transparent cues, with their stated roles."""

from __future__ import annotations

import dataclasses
import re

from builder.facts.cues import agency_name
from builder.facts.span import fact
from builder.gazetteer import Gazetteer
from builder.model import Article, Fact
from builder.names import fold
from builder.vocabulary import TITLES

_WORD = r"(?:(?:[A-Z]\.){2,}(?=\s+[A-Z])|(?:(?:al|el|bin|ibn|abu|de|van|von|da|di)-)?[A-Z][\w’'.-]*[\w’'])"
"""A capitalised word, or initials with their dots when a name goes on ("U.S. State Department")."""
NAME = re.compile(rf"{_WORD}(?:\s+(?:(?:al|el|bin|ibn|abu|de|van|von|da|di|of|for|the|and)\s+)?{_WORD})*")
"""A run of capitalised words, with the particles and small words names carry inside them."""
ORGANIZATION_WORDS = frozenset(
    """institute observatory department ministry forces army front group council committee party agency
    university coalition organization organisation navy police court commission union association foundation
    company corporation inc ltd bank office service services guard brigade brigades movement network news
    press times post church hospital school college academy federation league assembly parliament congress
    senate government administration authority board bureau centre center club fund program programme
    state-run guardians""".split()
)
"""Words that make a name an organisation's ("Middle East Institute", "State Department")."""
NOT_NAMES = frozenset(
    """the a an one two three this that these those there it its he she they we i in on at for from
    according but and or if when while after before as with without by of to his her their our
    several some many residents witnesses during since although however meanwhile islamic""".split()
)
"""Capitalised only because a sentence starts with them."""
COUNTRY_SHORT = frozenset({"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "DRC"})
"""Countries written as initials: places, not organisations."""
GROUP_NOUNS = frozenset(
    "group groups militia faction organization organisation movement network alliance coalition party".split()
)
"""Nouns after or beside a name that make it a group's name ("Huras al-Din group", "HTS, the rebel group")."""
_ADJECTIVES = (
    "-led",
    "-based",
    "-linked",
    "-affiliated",
    "-backed",
    "-allied",
    "-born",
    "-owned",
    "-run",
    "-style",
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_AFTER = re.compile(r"^\s*(?:\([^()]{1,60}\)\s*)?([a-z]+)")
_ROLE = re.compile(r"^(?:\s*\([A-Z][\w.-]{1,10}\))?,\s+((?:a|an|the)\s+[^,;:\"“”()]{3,120}?),")
""""Charles Lister, a senior fellow with the Washington-based Middle East Institute, said"; "Hayat Tahrir
al-Sham (HTS), the terrorist group that controls parts of northwest Syria," (its short form between)."""


def _strip(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading titles and sentence-start words off a name: (title words, name words).

    A demonym is a title only before a title word ("Syrian President"); it is part of "Syrian Observatory".
    Adjectives such as "Washington-based" and "US-led" are not part of the name.
    """
    title: list[str] = []
    while words:
        first = words[0].lower()
        demonym = first.endswith(("ian", "ish", "ese", "i")) and len(words) > 1 and words[1].lower() in TITLES
        if (
            first in TITLES
            or first in NOT_NAMES
            or demonym
            or (first.endswith(_ADJECTIVES) and len(words) > 1)
        ):
            title.append(words.pop(0))
        else:
            break
    for n, word in enumerate(words):
        if word.lower().endswith(_ADJECTIVES):
            return title, []  # "US-led", "al-Qaida-linked": an adjective made of a name, not a name
        if word.endswith(("’s", "'s")):
            words = [*words[:n], word[:-2]]
            break
    while words and words[-1].lower() in {"of", "for", "the", "and"}:
        words.pop()
    return title, words


def classify(words: list[str], gazetteer: Gazetteer, after: str = "") -> str | None:
    """`person`, `organization` or None (a place, or not a name at all); `after` is the text that follows."""
    name = " ".join(words)
    if not words or name in gazetteer or name in COUNTRY_SHORT:
        return None
    lower = {w.lower().strip("’'") for w in words} | set(re.split(r"[\s-]+", name.lower()))
    if lower & ORGANIZATION_WORDS or agency_name(name) or (len(words) == 1 and _ACRONYM.match(words[0])):
        return "organization"
    following = _AFTER.match(after)
    if (following and following[1] in GROUP_NOUNS) or re.match(r"^\s*\([A-Z]{2,6}\)", after):
        return "organization"
    if len(words) == 1 or any(w.lower() in NOT_NAMES for w in words) or len(words) > 4:
        return None
    if any(w.isupper() and len(w) > 1 for w in words):
        return "organization"
    return "person"


def _role(title: list[str], after: str) -> str | None:
    """The role a mention states: an appositive after the name, else a title before it."""
    role = _ROLE.match(after)
    if role:
        return role[1]
    return " ".join(title) if title and title[0].lower() not in NOT_NAMES else None


def _add_role(found: list[Fact], index: int, title: list[str], after: str) -> None:
    """A later mention gives the role the first did not ("the Assad regime", then "President Assad")."""
    value = dict(found[index].value)
    role = _role(title, after)
    if role and not value.get("role"):
        found[index] = dataclasses.replace(found[index], value=(("name", value["name"]), ("role", role)))


def extract(article: Article, gazetteer: Gazetteer) -> list[Fact]:
    """Return one fact per person and organisation an account names (first mention), with roles."""
    found: list[Fact] = []
    seen: dict[str, int] = {}
    surnames: dict[str, str] = {}
    for sentence in article.sentences:
        for match in NAME.finditer(sentence.text):
            words = match[0].split()
            title, name_words = _strip(list(words))
            kind = classify(name_words, gazetteer, sentence.text[match.end() :])
            if kind is None and len(name_words) == 1 and fold(name_words[0]) in surnames:
                kind, name_words = "person", surnames[fold(name_words[0])].split()
            if kind is None:
                continue
            name = " ".join(name_words)
            key = f"{kind}:{fold(name)}"
            if kind == "person":
                surnames.setdefault(fold(name_words[-1]), name)
            if key in seen:
                _add_role(found, seen[key], title, sentence.text[match.end() :])
                continue
            start = match.start() + len(" ".join(words[: len(title)])) + (1 if title else 0)
            end = start + len(" ".join(name_words))
            if (
                sentence.text[start:end] != name
            ):  # a possessive or an adjective was cut: keep the words as written
                end = match.end()
            role = _role(title, sentence.text[match.end() :])
            if kind == "person" and role and GROUP_NOUNS & set(role.lower().split()):
                kind, key = "organization", f"organization:{fold(name)}"
            value = (("name", name), ("role", role))
            seen[key] = len(found)
            found.append(
                fact(article, sentence, start, end, kind=kind, key=key, value=value, extractor="actors")
            )
    return found
