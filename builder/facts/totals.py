"""An article's total per kind of count, never counting one victim twice."""

from __future__ import annotations

import re

from builder.model import Fact

_PERPETRATOR = re.compile(r"\b(?:suspect|shooter|gunman|attacker|assailant|robber|killer|intruder)\b")
_POLICE = re.compile(r"\b(?:officer|deputy|trooper|agent|policeman|policewoman|cop|sergeant|detective)\b")
_MALE = re.compile(
    r"\b(?:he|him|his|himself|man|boy|husband|father|son|brother|dad|boyfriend|uncle|nephew)\b"
)
_FEMALE = re.compile(
    r"\b(?:she|her|herself|woman|girl|wife|mother|daughter|sister|mom|girlfriend|aunt|niece)\b"
)
_PERSON_NAME = re.compile(
    r"(?:\d+-year-old\s+)?(?!(?:He|She|The|A|An|One|This|That|His|Her|Another|Both)\b)"
    r"(?:[A-Z][\w'’.-]+\s+){0,3}([A-Z][\w'’-]+)(?:\s+(?:Jr|Sr|II|III|IV)\.?)?"
)
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth")


def _figure(low: object, high: object) -> int | None:
    """The number a (min, max) stands for: its minimum, else its maximum."""
    figure = low if low is not None else high
    return figure if isinstance(figure, int) else None


def _names(whos: list[str]) -> int:
    """Count different people among names: "Calin" and "Calin Roquemore" share a word, so are one."""
    found: list[set[str]] = []
    for who in whos:
        name = _PERSON_NAME.fullmatch(who.split(",")[0].strip())
        if name is None:
            continue
        words = set(name.group().replace("’", "'").split())
        for other in found:
            if words & other:
                other |= words
                break
        else:
            found.append(words)
    return len(found)


def _distinct_people(people: list[tuple[str, str]]) -> int:
    """Guess how many different people single mentions name, without counting anyone twice.

    Each mention is (who, the words stating it). Mentions of the same kind of person ("a man", "he",
    "the victim") are taken to be one person; a man and a woman, two different names, a perpetrator
    and a police officer, or a phrase with "also" or "another" are different people.
    """
    victims = [w for w, _ in people if not _PERPETRATOR.search(w.lower())]
    # A perpetrator is not a police victim: "a deputy was killed", "the suspect was also killed".
    perpetrator = len(victims) < len(people) and any(_POLICE.search(w.lower()) for w in victims)
    heads = [w.split(",")[0].split()[-1].lower() for w in victims if w.split(",")[0].split()]
    genders = {"male" for h in heads if _MALE.fullmatch(h)} | {
        "female" for h in heads if _FEMALE.fullmatch(h)
    }
    more = sum(1 for w, t in people if re.search(r"\b(?:also|another)\b", f"{w} {t}".lower()))
    base = max(len(genders), _names(victims), 1 if victims else 0) + perpetrator
    return max(base, min(1 + more, len(people)))


HURT = re.compile(r"\b(?:injur|wound|hurt|hospitali[sz]|critical|stable|non-life|survived)", re.IGNORECASE)
"""Words that say a victim lived: "shot" alone does not (the shot are the dead and the injured)."""


def article_total(facts: list[Fact], kind: str) -> tuple[int | None, int | None] | None:
    """Return the article's best (min, max) for a kind, never counting one victim twice; None if none.

    Injured: the figures stated with a word that says the victims lived ("wounded", "injured",
    "hospitalized"). Without one, those "shot" less those killed: "Spencer was shot once in the head"
    in a report of his death injured no one; killed and injured are never added. An attacker who died is
    not one of those shot (`The gunman was killed after he shot two people`: two injured).
    """
    if kind != "injured":
        return _best(facts, kind)
    hurt = _best([f for f in facts if HURT.search(f.text)], kind)
    if hurt is not None:
        return hurt
    victims = [f for f in facts if not _PERPETRATOR.search(str(dict(f.value).get("who") or "").lower())]
    shot, killed = _best(facts, kind), _best(victims, "killed")  # an attacker who died was not shot here
    if shot is None or killed is None:
        return shot
    left = (_figure(*shot) or 0) - (_figure(*killed) or 0)
    return (left, left) if left > 0 else None


def _best(facts: list[Fact], kind: str) -> tuple[int | None, int | None] | None:
    """The article's best (min, max) for a kind over these facts.

    The same victim is often mentioned in several sentences ("a man was shot", "the victim died"),
    so figures are never added across sentences. The total is the larger of: the largest figure a
    sentence states ("at least 12 people", "a boy and a woman" is two; an ordinal such as "a third
    victim" states three), and the number of different people the single mentions name (see
    `_distinct_people`).
    """
    facts = [f for f in facts if not f.key.startswith("background:")]
    best: tuple[int | None, int | None] | None = None
    best_figure = 0
    people: list[tuple[str, str]] = []
    for item in facts:
        value = dict(item.value)
        low, high = value["min"], value["max"]
        figure = _figure(low, high)
        if item.kind != kind or figure is None:
            continue
        who = str(value["who"] or "")
        ordinal = re.match(r"(?:a|the) (second|third|fourth|fifth|sixth)\b", who.lower())
        if ordinal:
            figure = low = high = 2 + _ORDINALS.index(ordinal.group(1))
        elif figure == 1 and high == 1 and who:
            people.append((who, item.text))
        if best is None or figure > best_figure:
            best = (low if isinstance(low, int) else None, high if isinstance(high, int) else None)
            best_figure = figure
    distinct = _distinct_people(people)
    return (distinct, distinct) if distinct > best_figure else best
