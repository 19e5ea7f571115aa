"""The framing lexicon: which term each account uses where another uses a different one."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from builder.compare.words import FUNCTION_WORDS
from builder.dates import MONTHS, WEEKDAYS
from builder.model import Article, Difference, Event, Framing, TextSpan
from builder.vocabulary import CALENDAR, STOPWORDS

MAX_WORDS = 4
"""Longer substitutions are rewritten clauses: shown in their row, left out of the lexicon."""
LOOSE_MAX_WORDS = 2
"""In a paraphrased row only short swaps are choices of term; longer ones line up by chance."""
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_WEB = frozenset("www com net org uk co http https html htm php".split())
"""Pieces of web addresses that line up in boilerplate: never a choice of term."""
_WHEN = CALENDAR | set(MONTHS) | {d[:3] for d in WEEKDAYS} | {"today", "yesterday", "tomorrow", "tonight"}
"""Days and months: a different day is a fact that differs (the dates row), not a choice of term."""
_ENDINGS = re.compile(r"(?:['’]s|s['’]|es|s|ed|ing)$")


def _term(text: str) -> str:
    """The term as the lexicon lists it: one space, no leading article or end punctuation; common words in
    lower case, names as written ("Daesh", "PKK's")."""
    words = _DETERMINER.sub("", " ".join(text.split())).strip(".,;:").split()
    return " ".join(w if w[:1].isupper() else w.lower() for w in words)


def _case(term: str) -> str:
    """`names` when every word is capitalised, `common` when none is, else `mixed`."""
    capitals = [w[:1].isupper() for w in term.split()]
    return "names" if all(capitals) else "common" if not any(capitals) else "mixed"


def _stem(term: str) -> str:
    """The term with inflections off: "militants" and "militant", "killed" and "kill" share one."""
    return " ".join(_ENDINGS.sub("", re.sub(r"ies$", "y", w.lower())) for w in term.split())


def is_choice_of_term(a: str, b: str) -> bool:
    """Whether swapping term `a` for `b` is a choice of words: content words on both sides, not a change
    of tense, number or case, not a number and not a piece of a web address."""
    for side in (a, b):
        words = [w.strip("'’\"“”()-").lower() for w in side.split()]
        if all(w in STOPWORDS or not w for w in words):
            return False  # function words, pronouns, auxiliaries, reporting verbs ("is"/"was", "he"/"she")
        pieces = re.split(r"[\s.]+", side.lower())
        if any(w in _WEB or w in _WHEN or any(c.isdigit() for c in w) for w in pieces):
            return False  # a number, a day or a piece of a web address: a fact or boilerplate, not framing
        if re.search(r"[\"“”()\[\]/:]|^['’‘-]|[-–—]$", side) or (" " in side and side.isupper()):
            return False  # straddles a quotation, an aside or an address, or is a headline in capitals
    if any(re.match(r"(?:according to|said|says|told)\b", side, re.IGNORECASE) for side in (a, b)):
        return False  # whom the account credits changed: an attribution, not a term
    cases = {_case(a), _case(b)}
    if cases == {"names", "common"}:
        return False  # a name against a common noun ("Miliote" / "police", "AMD" / "company"): who is meant
    low_a, low_b = a.lower().rstrip("."), b.lower().rstrip(".")
    if low_b.startswith(low_a) or low_a.startswith(low_b):
        return False  # an abbreviation or a shorter form ("Nov"/"November", "jury"/"jurors")
    return _stem(a) != _stem(b)


_PARTICLE = re.compile(r"\b(?:al|el|ad|ash|bin|ibn|abu|de|di|da|van|von|le|la)[-\s](?=[A-Z])")
"""Name particles: "al Qaeda-affiliated" and "al-Qaida-linked" are names, not lower-case words."""


def _common_words(text: str) -> str:
    """The span without its names: "Bashar Assad regime" -> "regime" (capitalised words name, not frame)."""
    return " ".join(w for w in _PARTICLE.sub("", text).split() if not w[:1].isupper())


def terms_of(a: str, b: str) -> tuple[str, str]:
    """The two terms a substitution swaps; names around a swapped common word are context, not the term.

    When both sides keep common words once names are set aside ("Bashar Assad regime" against "Syrian
    government"), those are the terms; when a side is all name ("Daesh"), the names are the terms.
    """
    a_common, b_common = _term(_common_words(a)), _term(_common_words(b))
    if a_common and b_common and a_common != b_common:
        return a_common, b_common
    return _term(a), _term(b)


def cuts_a_name(text: str, start: int, end: int) -> bool:
    """Whether the span starts or ends inside a longer name: "Democratic Forces" of "Syrian Democratic
    Forces" does not fill the slot that "offshoot YPG" fills in the other account."""
    before = re.search(r"([A-Za-z][\w'’-]*)\s+$", text[max(0, start - 40) : start])
    after = re.match(r"\s+([A-Za-z][\w'’-]*)", text[end : end + 40])
    inside = text[start:end].split()
    if not inside:
        return False

    def named(word: str) -> bool:
        return word[:1].isupper() and not re.fullmatch(r"\w+-[a-z]+", word)  # "Kurdish-led" describes

    starts_name = named(inside[0]) and before is not None and named(before[1])
    sentence_start = (
        before is not None and re.search(r"[.!?]\s*$", text[: start - len(before[0])]) is not None
    )
    ends_name = named(inside[-1]) and after is not None and named(after[1])
    return (starts_name and not sentence_start) or ends_name


def _in_an_address(text: str, side: TextSpan) -> bool:
    """Whether the span sits on a line that is a web address, however spaced ("http: / / www. ...")."""
    start = text.rfind("\n", 0, side.start) + 1
    end = text.find("\n", side.end)
    return re.search(r"https?\s*:|www\s*\.", text[start : end if end >= 0 else len(text)]) is not None


def framing(
    differences: list[Difference], loose_rows: set[int], texts: dict[str, str] | None = None
) -> list[Framing]:
    """Group the `wording` differences by the pair of terms, most frequent first.

    In `loose_rows` (paraphrases) words line up loosely: only short swaps there count as terms. `texts`
    (article id -> text) lets a swap that cuts a name in two be left out.
    """
    rows: dict[tuple[str, ...], set[int]] = defaultdict(set)
    uses: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for difference in differences:
        if difference.kind != "wording" or difference.a is None or difference.b is None:
            continue
        longest = LOOSE_MAX_WORDS if difference.row in loose_rows else MAX_WORDS
        a, b = terms_of(difference.a.text, difference.b.text)
        if not is_choice_of_term(a, b):
            continue
        if texts and any(
            cuts_a_name(texts[side.article], side.start, side.end)
            or _in_an_address(texts[side.article], side)
            for side in (difference.a, difference.b)
        ):
            continue
        if len(a.split()) > longest or len(b.split()) > longest or a == b:
            continue  # a rewritten clause, not a choice of term
        if difference.row in loose_rows and FUNCTION_WORDS.intersection((a + " " + b).split()):
            continue  # a phrase that lines up by chance in a rewritten sentence
        terms = tuple(sorted({a, b}))
        rows[terms].add(difference.row)
        uses[terms][a].add(difference.a.article)
        uses[terms][b].add(difference.b.article)
    ranked = sorted(rows, key=lambda t: (-len(rows[t]), t))
    return [
        Framing(terms, tuple((t, tuple(sorted(uses[terms][t]))) for t in terms), tuple(sorted(rows[terms])))
        for terms in ranked
    ]


@dataclass(frozen=True)
class CorpusTerms:
    """One substitution across the whole corpus: its terms, who uses each, and where it happens."""

    terms: tuple[str, ...]
    uses: tuple[tuple[str, tuple[str, ...]], ...]
    """(term, ids of the articles that use it), in `terms` order."""
    places: tuple[tuple[Event, tuple[int, ...]], ...]
    """(event, row numbers), events in corpus order."""

    @property
    def rows(self) -> int:
        return sum(len(rows) for _event, rows in self.places)


def corpus_lexicon(events: tuple[Event, ...], articles: tuple[Article, ...] = ()) -> list[CorpusTerms]:
    """Merge the events' framing lexicons: substitutions found in most events first, then most rows.

    On a tie, the pair whose words fill the same slots across the whole corpus first (`slot_similarity`):
    "blaze" and "fire" follow and precede the same words; "heist" and "store" mostly do not.
    """
    uses: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    places: dict[tuple[str, ...], list[tuple[Event, tuple[int, ...]]]] = defaultdict(list)
    for event in events:
        for entry in event.framing:
            for term, ids in entry.uses:
                uses[entry.terms][term].update(ids)
            places[entry.terms].append((event, entry.rows))
    found = [
        CorpusTerms(terms, tuple((t, tuple(sorted(uses[terms][t]))) for t in terms), tuple(places[terms]))
        for terms in places
    ]
    alike = slot_similarity(articles, {t.lower() for e in found for t in e.terms if " " not in t})

    def same_slots(terms: tuple[str, ...]) -> float:
        """Only one-word swaps are compared: a phrase's neighbours say little about its head."""
        if len(terms) != 2 or any(" " in t for t in terms):
            return 0.0
        return round(alike(terms[0].lower(), terms[1].lower()), 2)

    # Then single common words: a one-off swap of two words is likelier a choice of term than a one-off swap
    # of phrases or names, which more often line up by chance.
    return sorted(
        found,
        key=lambda e: (
            -len(e.places),
            -e.rows,
            -same_slots(e.terms),
            _plainness(e.terms),
            e.terms,
        ),
    )


def slot_similarity(articles: tuple[Article, ...], words: set[str]) -> Callable[[str, str], float]:
    """How alike two words' neighbours are across the corpus (cosine of left and right neighbour counts).

    Words one account swaps for the other's fill the same slots elsewhere too: distributional similarity,
    counted only for the words asked about, in one pass over the corpus.
    """
    contexts: dict[str, Counter[str]] = {w: Counter() for w in words}
    for article in articles:
        for sentence in article.sentences:
            tokens = [t.lower() for t in _WORDS.findall(sentence.text)]
            for i, token in enumerate(tokens):
                if token in contexts:
                    if i:
                        contexts[token]["<" + tokens[i - 1]] += 1
                    if i + 1 < len(tokens):
                        contexts[token][">" + tokens[i + 1]] += 1

    def cosine(a: str, b: str) -> float:
        left, right = contexts.get(a), contexts.get(b)
        if not left or not right:
            return 0.0
        dot = sum(n * right.get(k, 0) for k, n in left.items())
        return dot / math.sqrt(sum(n * n for n in left.values()) * sum(n * n for n in right.values()))

    return cosine


def _plainness(terms: tuple[str, ...]) -> tuple[int, int]:
    words = [w for t in terms for w in t.split()]
    return len(words), sum(w[:1].isupper() for w in words)


@dataclass(frozen=True)
class Preference:
    """A term an outlet (or one account) writes where another account of the same event writes another."""

    term: str
    instead_of: tuple[str, ...]
    places: tuple[tuple[Event, tuple[int, ...]], ...]


def preferences(events: tuple[Event, ...], article_ids: set[str]) -> list[Preference]:
    """The terms the given articles write where another account of the same event writes another."""
    found: dict[tuple[str, tuple[str, ...]], list[tuple[Event, tuple[int, ...]]]] = defaultdict(list)
    for event in events:
        if not article_ids.intersection(event.article_ids):
            continue
        for entry in event.framing:
            for term, ids in entry.uses:
                if article_ids.intersection(ids):
                    found[term, tuple(t for t in entry.terms if t != term)].append((event, entry.rows))
    ranked = sorted(
        found.items(), key=lambda item: (-len(item[1]), -sum(len(r) for _e, r in item[1]), item[0])
    )
    return [Preference(term, others, tuple(places)) for (term, others), places in ranked]
