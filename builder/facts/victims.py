"""Who a count is about: noun phrases naming people, and how many people each names.

"two men and a woman" is three, "the victim, John Doe," is one, "no one" is zero, "several residents" is at
least three; a phrase that names no person ("the car", "in 2019") is not a count of people.
"""

from __future__ import annotations

import re

from builder.facts.numbers import AMOUNT, NUMBER, Amount, amount

_SINGULAR = (
    "man woman boy girl teen teenager child kid person victim resident civilian officer policeman "
    "policewoman soldier militant fighter student worker driver passenger bystander suspect gunman "
    "shooter toddler baby infant son daughter mother father wife husband brother sister friend relative "
    "member adult juvenile youth individual pedestrian customer employee clerk guard deputy trooper "
    "protester demonstrator journalist reporter patient pilot rebel insurgent male female cousin nephew "
    "niece uncle aunt grandmother grandfather grandson granddaughter girlfriend boyfriend neighbor "
    "neighbour owner manager cashier teacher agent sergeant detective attacker assailant robber homeowner "
    "occupant tenant newborn villager worshipper refugee migrant prisoner inmate hostage cop official "
    "commander partner fiance fiancee roommate classmate dad mom father-in-law mother-in-law stepfather "
    "stepson family household"
).split()
_IRREGULAR = dict(
    pair.split(":")
    for pair in "man:men woman:women child:children person:people policeman:policemen gunman:gunmen "
    "policewoman:policewomen deputy:deputies family:families".split()
)
_PLURAL = [_IRREGULAR.get(n, n + "s") for n in _SINGULAR] + ["persons", "police", "troops", "others"]
SG = "|".join(sorted(_SINGULAR, key=len, reverse=True))
PL = "|".join(sorted(_PLURAL, key=len, reverse=True))
_ADJECTIVES = (
    "young old elderly unarmed other off-duty unidentified unknown unnamed local innocent teenage teenaged "
    "pregnant armed male female black white hispanic latino asian adult juvenile little baby infant newborn "
    "retired former fellow security police army border prison traffic school college university high "
    "shooting stabbing gunshot homicide murder delivery store gas station taxi bus cab family foreign "
    "second third fourth fifth sixth more additional same alleged suspected would-be lone sole only"
).split()
_MOD = rf"(?:[\w'’]+-[\w'’-]+|\w+['’]s|(?-i:[A-Z][a-z]+)|\d+|(?:{'|'.join(_ADJECTIVES)})|[a-z]+ed)"
_AGE = r"(?:\s*,\s*(?:\d{1,3}|aged? \d{1,3}(?:\s*(?:,|and)\s*\d{1,3}\b)*)\b(?=\s*(?:,|and\b|$)))?"
"""An age after a person: "Jane Roe, 30," or "two sons, aged 12 and 3," (ages, not more people)."""
_YEARS_OLD = r"\d{1,3}[- ]years?[- ]old\b"
_YEAR = rf"(?:1[89]|20)\d\d\b(?!\s+(?:[\w'’-]+\s+){{0,2}}?(?:{PL})\b)"
"""A year, not a count: "2016, a police officer died"; "2000 people" is a count."""
_COUNTED = (
    r"(?:(?:they|we|all|all the|the|the other|another|their|his|her)\s+)?"
    rf"(?!{_YEAR})(?P<amount>{AMOUNT.pattern})"
    rf"(?:\s+(?:more|others|other|additional|of (?:the\s+)?{NUMBER}|of (?:the|them|those|whom|which)))?"
    rf"(?:\s+{_MOD}){{0,3}}?"
    rf"(?:\s+(?:{PL}|{SG})\b)?"
)
_ORDINAL = r"(?:a|the)\s+(?:second|third|fourth|fifth|sixth)"
_ONE = (
    rf"(?P<det>{_ORDINAL}|a|an|the|this|that|another|his|her|their|its|one)\s+(?:{_MOD}\s+){{0,4}}?"
    rf"(?:{SG}|{_YEARS_OLD}(?!\s+(?:{_MOD}\s+){{0,3}}(?:{SG})\b))\b"
    rf"(?:['’]s\s+(?:{SG})\b)?"
)
_NOT_NAMES = (
    "In On At The A An After Before Police Officers Officer He She They It This That When While Last Of "
    "And Or But For By With From To Authorities Officials Investigators Detectives Deputies Witnesses "
    "Residents Sheriff Chief Mayor Gov Governor Dr Mr Mrs Ms Lt Sgt Capt Det Cpl Sen Rep Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Office Department "
    "County City You We I It’s It's My Our Your Its Their There Here"
).split()
_WORD = rf"(?!(?:{'|'.join(_NOT_NAMES)})\b)[A-Z][\w'’.-]+"
_NAME = rf"(?P<name>(?:{_YEARS_OLD}\s+)?(?-i:(?:{_WORD}\s+){{0,3}}{_WORD}))"
PRONOUN = r"(?P<pronoun>\b(?:he|she|him|her|himself|herself)\b)"
_ZERO = rf"(?P<zero>\b(?:no(?: | ?- ?)one|nobody|none|no (?:other )?(?:{_MOD}\s+)?(?:{PL}|{SG}))\b)"
UNIT = re.compile(
    rf"(?:{_ZERO}|{_ONE}|{_COUNTED}|{PRONOUN}|{_NAME}){_AGE}",
    re.IGNORECASE,
)
_BARE_UNIT = re.sub(r"\(\?P<\w+>", "(?:", UNIT.pattern)
_UNITS = rf"(?:{_BARE_UNIT})(?:(?:\s*,\s*|\s*,?\s+(?:and|&)\s+)(?:{_BARE_UNIT}))*"
_TAIL = (
    r"(?:\s*,\s*(?:a|an|of|from)\s+[^,;]{1,50},|\s*,\s*who\s+[^,;]{1,80},|\s*\([^)]{0,40}\)|\s*,?\s+who"
    r"|\s+(?:in|inside|at|from|on|near|outside|aboard|with)(?:\s+(?!\w+(?:ed|ing)\b)[\w'’-]+){1,4}?)"
)
SUBJECT = re.compile(rf"(?P<np>{_UNITS})(?:{_TAIL})?\s*,?\s*$", re.IGNORECASE)
OBJECT = re.compile(rf"\s*(?P<np>{_UNITS})", re.IGNORECASE)
LEAD = re.compile(rf"\W*(?P<np>{_UNITS})\s+(?:was|were|is|are|had|has|have)\b", re.IGNORECASE)
_PREPOSITIONS = {"in", "at", "of", "from", "near", "to", "on", "by", "for", "into", "with"}

Count = tuple[int | None, int | None, str | None]


def add_counts(counts: list[Count]) -> Count:
    """Add the counts of conjoined phrases: "two men and a woman" is three."""
    if len(counts) == 1:
        return counts[0]
    low = sum(c[0] or 0 for c in counts)
    high = None if any(c[1] is None for c in counts) else sum(c[1] or 0 for c in counts)
    qualifiers = [c[2] for c in counts if c[2]]
    return low, high, qualifiers[0] if qualifiers else None


def _unit_count(unit: re.Match[str], text: str, offset: int) -> Count | None:
    if unit.group("zero"):
        return 0, 0, None
    if unit.group("det") or unit.group("pronoun"):
        return 1, 1, None
    if unit.group("amount"):
        found: Amount | None = amount(AMOUNT.match(unit.group("amount")))  # type: ignore[arg-type]
        return None if found is None else (found.min, found.max, found.qualifier)
    name = unit.group("name")
    before = text[: offset + unit.start()].split()
    if name and not (before and before[-1].lower() in _PREPOSITIONS):
        return 1, 1, None
    return None


def count_people(phrase: str, text: str, offset: int) -> tuple[Count, str | None] | None:
    """Return the count of a noun phrase and who it describes, or None when it is not a count of people.

    "and" joins people to add up ("two men and a woman" is three); a comma alone sets off an apposition
    ("the victim, John Doe," is one), unless it separates names ("John Doe, 25, Jane Roe, 30, and ...").
    """
    after = text[offset + len(phrase) : offset + len(phrase) + 12]
    if re.match(r"\s*(?:[ap]\.?m\b|o['’]clock|percent|%)", after, re.IGNORECASE) or re.search(
        r"\bages?\s+(?:of\s+|between\s+)+$", text[max(0, offset - 20) : offset], re.IGNORECASE
    ):
        return None  # a time ("wounds about 9 p.m."), a share, or ages ("between the ages of 16 and 19")
    groups: list[list[tuple[Count, bool]]] = []
    position = 0
    while position < len(phrase):
        unit = UNIT.search(phrase, position)
        if unit is None or unit.end() == unit.start():
            break
        found = _unit_count(unit, text, offset)
        if found is None:
            return None
        if not groups or re.search(r"(?:^|\s)(?:and|&)\s", phrase[position : unit.start()]):
            groups.append([])
        groups[-1].append((found, bool(unit.group("name"))))
        position = unit.end()
    if not groups:
        return None
    counts: list[Count] = []
    for group in groups:
        names = [count for count, is_name in group if is_name]
        counts.append(
            add_counts(names) if len(names) > 1 else max((c for c, _ in group), key=lambda c: c[0] or 0)
        )
    amount_at = AMOUNT.match(phrase)
    who = phrase[amount_at.end() :].strip() if amount_at and len(counts) == 1 else phrase
    if re.match(rf"of\s+(?:the\s+)?{NUMBER}", who, re.IGNORECASE):
        who = phrase  # "one of three victims": the three are not who the count is about
    who = re.sub(r"^(?:of (?:the|them|those|whom|which)|others?|more|additional)\b\s*", "", who).strip()
    return add_counts(counts), who or None


def subject_before(left: str) -> re.Match[str] | None:
    start = max(0, len(left) - 160)
    for cut in (";", ":", " while ", " but ", " whereas "):
        start = max(start, left.rfind(cut) + len(cut) if cut in left else 0)
    found = SUBJECT.search(left, start)
    if found is None and re.search(r"\b(?:and|but)\s+$", left):
        return LEAD.match(left)  # "he was taken to hospital but died": the clause's subject
    return found
