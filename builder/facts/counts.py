"""Casualty counts: how many were killed, injured, missing, arrested or displaced, sentence by sentence.

Transparent rules, no statistical model. A count is read three ways:

- a subject before a predicate: "at least 12 people were killed", "a 17-year-old boy and a 20-year-old
  woman were wounded" (two), "the victim died at the hospital" (one), "six others were hurt";
- an object after an active verb: "killing six people", "police arrested two men", "left a man dead";
- a noun: "rescuers pulled out at least 12 bodies", "the death toll rose to 30", "the death of John Doe".

A person stated without a number counts one; a vague amount ("several", "dozens") gives a lower bound
only (see `numbers.VAGUE`). Negated statements ("no one was hurt") give a count of zero. Who a count is
about is read in `victims`; counts about an earlier event or a running total are left out (`background`);
an article's total per kind, never counting one victim twice, is `totals.article_total`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from builder.background import is_background, latest_year
from builder.facts.numbers import AMOUNT, amount
from builder.facts.span import fact
from builder.facts.totals import article_total
from builder.facts.victims import OBJECT, PRONOUN, SG, Count, count_people, subject_before
from builder.model import Article, Fact, Sentence

__all__ = ["KINDS", "article_total", "extract", "sentence_counts"]

KINDS = ("killed", "injured", "missing", "arrested", "displaced")

_AUX = r"(?:(?:was|were|is|are|be|been|being|has|have|had|got|get|gets|found|will|would|may|might|could)\s+)"
_ADV = (
    r"(?:(?:also|later|reportedly|allegedly|critically|seriously|badly|mortally|gravely|then|each"
    r"|eventually|apparently|subsequently|initially|instantly|immediately|tragically|ultimately|just|since"
    r"|sadly|unfortunately|previously|already|now|not|never|n['’]t)\s+)"
)
_PASSIVE = {
    "killed": r"(?:(?:shot|stabbed|beaten|struck|hit|attacked)(?:\s+(?:multiple|several|\w+) times)?\s*,?"
    r"\s+and\s+(?:killed|murdered)|killed|slain|murdered|assassinated|executed|massacred|gunned down"
    r"|shot dead"
    r"|(?:shot|stabbed|beaten|burned|crushed) to death|fatally (?:shot|stabbed|wounded|injured|struck|hit)"
    r"|(?:pronounced|found|declared|confirmed|reported|left) dead|dead)",
    "injured": r"(?:injured|wounded|hurt|hospitali[sz]ed|critically injured"
    r"|hit by (?:a |an )?(?:stray )?(?:bullets?|gunshots?|gunfire)"
    r"|(?:listed )?in (?:good|stable|critical|serious|fair|grave)(?: but stable)? condition"
    r"|shot(?! dead| to death|\s*,?\s+and\s+(?:killed|murdered)))",
    "missing": r"(?:missing|unaccounted for)",
    "arrested": r"(?:arrested|detained|taken into custody|apprehended|captured|booked)",
    "displaced": r"(?:displaced|evacuated|made homeless|left homeless|forced from their homes|uprooted)",
}
_INTRANSITIVE = {
    "killed": r"(?:died|dies|die|perished|passed away|succumbed|(?:were|was) among the dead"
    r"|(?:lost|ended|took) (?:his|her|their) (?:own )?li(?:fe|ves))",
    "missing": r"(?:disappeared|vanished|went missing)",
    "displaced": r"(?:fled (?:their|the) homes)",
}
_ACTIVE = {
    "killed": r"(?:killing|killed|kills|kill|murdering|murdered|murders|murder|shot and killed|gunned down"
    r"|fatally (?:shot|stabbed|wounded)|shot dead|claimed the lives of|took the lives of|left|found)",
    "injured": r"(?:injuring|injured|injures|injure|wounding|wounded|wounds|wound|hurting|hurt|shot|shooting"
    r"|left|found)",
    "arrested": r"(?:arresting|arrested|arrests|arrest|detaining|detained|detains|apprehended|apprehending)",
    "displaced": r"(?:displacing|displaced|displaces|displace)",
}
_AFTER_LEFT = {
    "killed": r"(?:dead|shot to death|stabbed to death|fatally (?:shot|wounded|injured)|killed|murdered)",
    "injured": r"(?:injured|wounded|hurt)",
}
"""What follows the object of "left" or "found" in a count: "left six people dead"."""
_HOMETOWN = r"(?:\s*,?\s+(?:of|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},?)?"
"""Where a person is from, between the object and its state: "found John Doe of Raleigh shot to death"."""
_NOUNS = {
    "killed": rf"(?P<amount>{AMOUNT.pattern})\s+(?:more\s+|other\s+|dead\s+)?(?:bodies|deaths|fatalities)\b",
    "injured": rf"(?P<amount>{AMOUNT.pattern})\s+(?:more\s+|other\s+)?(?:injuries|wounded)\b",
    "displaced": rf"(?P<amount>{AMOUNT.pattern})\s+(?:of\s+)?(?:displaced|evacuees|refugees)\b",
}
_FATALLY = re.compile(
    rf",\s*(?P<amount>{AMOUNT.pattern})(?:\s+of\s+(?:them|whom|those))?\s+(?:fatally|mortally)\b",
    re.IGNORECASE,
)
"""The dead among people shot or wounded: "two men were shot, one fatally"."""
_TOLL = re.compile(
    rf"\bdeath toll\b(?:\s+\w+){{0,3}}?\s+(?:to|at|of|is|was|reached|hit)\s+(?P<amount>{AMOUNT.pattern})",
    re.IGNORECASE,
)
_OF = re.compile(
    r"\b(?:bod(?:y|ies)|deaths?|killings?|murders?|slayings?|shooting deaths?) of\s+", re.IGNORECASE
)
_ONE_DEAD = re.compile(
    rf"\b(?:(?P<dead>(?:the|a)\s+(?:dead|slain|deceased|murdered)\s+(?:{SG}))\b|(?P<who>his|her"
    rf"|(?:{SG}|(?-i:[A-Z][\w'’-]+))(?=['’]s))(?:['’]s)?\s+"
    r"(?:(?:shooting|stabbing|violent|tragic|untimely)\s+)?"
    r"(?:death|murder|killing|slaying)\b)",
    re.IGNORECASE,
)
"""One dead person named by a noun: "the slain man", "her murder", "Smith's death"."""
_FATAL = re.compile(r"\b(?:a|the)\s+(?:deadly|fatal)\s+(?:shooting|stabbing|attack|assault)\b", re.IGNORECASE)
"""An incident that killed at least one: "a fatal shooting"."""
_STARTS_OBJECT = re.compile(
    r"\s+(?:(?i:a|an|the|his|her|their|its|both|all|at least|more than|him|himself|herself|them)\b"
    r"|\d(?![\d:.]*\s*[ap]\.?m\b)"
    r"|(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[A-Z])"
)
"""What begins an object after a verb: "killed a man", "killed 12", "killed John Doe"."""
_NEGATION = re.compile(r"\b(?:not|never|n['’]t)\b", re.IGNORECASE)
_UNREAL = re.compile(
    r"\b(?:(?<!on )to|could|would|might|may|will|can|should|must|if|threatened)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
"""Words before a verb that make it a threat, a wish or a possibility, not a report: "threatened to kill"."""
_MODAL = re.compile(r"\b(?:could|would|might|may|will|can|should|must)\b", re.IGNORECASE)


def _value(count: Count, who: str | None) -> tuple[tuple[str, str | int | float | bool | None], ...]:
    return (("min", count[0]), ("max", count[1]), ("qualifier", count[2]), ("who", who))


@functools.cache
def _predicate(kind: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the verb alone, the verb with its auxiliaries): the first rules out most sentences cheaply."""
    pattern = _PASSIVE.get(kind, "(?!)")
    intransitive = _INTRANSITIVE.get(kind, "(?!)")
    verb = rf"\b(?:(?P<passive>{pattern})|(?P<intransitive>{intransitive}))\b"
    return re.compile(verb, re.IGNORECASE), re.compile(rf"(?P<aux>(?:{_AUX}|{_ADV})*){verb}", re.IGNORECASE)


def _passive(kind: str, sentence: str) -> Iterator[tuple[int, int, Count, str | None]]:
    verb, predicate = _predicate(kind)
    if verb.search(sentence) is None:
        return
    for match in predicate.finditer(sentence):
        subject = subject_before(sentence[: match.start()])
        aux = match.group("aux") or ""
        if (
            subject is None
            or _NEGATION.search(aux)
            or _MODAL.search(aux)
            or _UNREAL.search(sentence[: subject.start()])
            or re.search(r"\bto\s+$", sentence[: match.start()])  # "expected to be killed"
        ):
            continue
        if re.fullmatch(r"\d+", subject.group("np")) and "," in sentence[subject.end("np") : match.start()]:
            continue  # "..., 39, was killed": an age, not a count
        if match.group("passive") and not aux.strip():
            if kind in _ACTIVE and _STARTS_OBJECT.match(sentence, match.end()):
                continue  # "two gunmen killed six people": the active reading counts the object
            if re.fullmatch(PRONOUN, subject.group("np"), re.IGNORECASE):
                continue  # "her dead husband": an adjective, not a report
        found = count_people(subject.group("np"), sentence, subject.start("np"))
        if found is not None:
            yield subject.start("np"), match.end(), found[0], found[1]


def _active(kind: str, sentence: str) -> Iterator[tuple[int, int, Count, str | None]]:
    verb = re.compile(rf"\b(?:{_ACTIVE[kind]})\b", re.IGNORECASE)
    for match in verb.finditer(sentence):
        obj = OBJECT.match(sentence, match.end())
        if obj is None or obj.group("np").lower() in {"her"} or _UNREAL.search(sentence[: match.start()]):
            continue
        if kind == "displaced" and not AMOUNT.match(obj.group("np")):
            continue  # "displaced Syrians" is a description; "displaced 2,000 people" a count
        end = obj.end("np")
        if match.group().lower() in {"left", "found"}:
            after = re.compile(rf"{_HOMETOWN}\s+{_AFTER_LEFT.get(kind, '(?!)')}\b", re.IGNORECASE).match(
                sentence, end
            )
            if after is None:
                continue
            end = after.end()
        found = count_people(obj.group("np"), sentence, obj.start("np"))
        if found is not None:
            yield match.start(), end, found[0], found[1]


_NOUN_WORDS = {
    "killed": re.compile(r"\b(?:bodies|deaths|fatalities)\b", re.IGNORECASE),
    "injured": re.compile(r"\b(?:injuries|wounded)\b", re.IGNORECASE),
    "displaced": re.compile(r"\b(?:displaced|evacuees|refugees)\b", re.IGNORECASE),
}
"""The word each noun pattern needs: a sentence without it is not tried (the patterns start with a number)."""
_NOMINAL_WORDS = re.compile(
    r"\b(?:toll|fatally|mortally|deaths?|murders?|murdered|killings?|slayings?|slain|dead|deceased|deadly|fatal"
    r"|bod(?:y|ies))\b",
    re.IGNORECASE,
)


@functools.cache
def _noun(kind: str) -> re.Pattern[str]:
    return re.compile(rf"\b{_NOUNS[kind]}", re.IGNORECASE)


def _nominal(kind: str, sentence: str) -> Iterator[tuple[int, int, Count, str | None]]:
    patterns = [_noun(kind)] if kind in _NOUNS and _NOUN_WORDS[kind].search(sentence) else []
    if kind == "killed" and _NOMINAL_WORDS.search(sentence):
        patterns.extend((_TOLL, _FATALLY))
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            found = amount(AMOUNT.match(match.group("amount")))  # type: ignore[arg-type]
            if found is not None:
                who = "bodies" if "bodies" in match.group().lower() else None
                start = match.start("amount") if pattern is _FATALLY else match.start()
                yield start, match.end(), (found.min, found.max, found.qualifier), who
    if kind == "killed" and _NOMINAL_WORDS.search(sentence):
        for match in _ONE_DEAD.finditer(sentence):
            yield match.start(), match.end(), (1, 1, None), match.group("dead") or match.group("who")
        for match in _FATAL.finditer(sentence):
            yield match.start(), match.end(), (1, None, "vague"), None
        for match in _OF.finditer(sentence):
            obj = OBJECT.match(sentence, match.end())
            found_np = count_people(obj.group("np"), sentence, obj.start("np")) if obj else None
            if obj is not None and found_np is not None:
                yield match.start(), obj.end("np"), found_np[0], found_np[1]


def sentence_counts(sentence: str, kind: str) -> list[tuple[int, int, Count, str | None]]:
    """Return (start, end, count, who) for each count of `kind` the sentence states, overlaps removed."""
    found = [*_passive(kind, sentence), *_nominal(kind, sentence)]
    if kind in _ACTIVE:
        found.extend(_active(kind, sentence))
    kept: list[tuple[int, int, Count, str | None]] = []
    for item in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if _MEDIA.match(item[3] or ""):
            continue  # `Video shot by an eyewitness`: filmed, not wounded
        if _NOR.search(sentence[: item[0]]):
            item = (item[0], item[1], (0, 0, None), item[3])  # `No students nor the bus driver were injured`
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    return kept


_MEDIA = re.compile(
    r"(?:the\s+|a\s+|an\s+)?(?:video|videos|footage|photos?|film|pictures?|images?|scenes?)$", re.IGNORECASE
)
"""What is "shot" with a camera."""
_NOR = re.compile(r"\b(?:no|neither)\b[^,;.]{0,60}\bnor\s+$", re.IGNORECASE)
"""The second half of `no X nor Y`, `neither X nor Y`: zero too."""


def extract(article: Article) -> list[Fact]:
    """Return the count facts the article's sentences state, in reading order."""
    published = article.meta.published
    years = (int(published[:4]) if published and published[:4].isdigit() else None, latest_year(article.text))
    return [f for sentence in article.sentences for f in _facts(article, sentence, years)]


def _is_headlines(text: str) -> bool:
    """Title Case runs ("Gunman Kills 6, Suspect In Custody ...") are lists of headlines, not reports."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return len(words) > 8 and sum(w[0].isupper() for w in words) > 0.75 * len(words)


def _facts(article: Article, sentence: Sentence, years: tuple[int | None, int | None]) -> Iterator[Fact]:
    """The counts a sentence states: of the reported event, or background (an earlier event's, a running
    total), kept apart under a `background:` key so no total, conflict or note counts them."""
    if _is_headlines(sentence.text):
        return
    for kind in KINDS:
        for start, end, count, who in sentence_counts(sentence.text, kind):
            value, key = _value(count, who), kind
            if is_background(sentence.text, start, *years):
                value, key = (*value, ("background", True)), f"background:{kind}"
            yield fact(article, sentence, start, end, kind=kind, key=key, value=value, extractor="counts")
