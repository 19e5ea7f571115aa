"""Casualty counts: how many were killed, injured, missing, arrested or displaced, sentence by sentence.

Transparent rules, no statistical model. A count is read three ways:

- a subject before a predicate: "at least 12 people were killed", "a 17-year-old boy and a 20-year-old
  woman were wounded" (two), "the victim died at the hospital" (one), "six others were hurt";
- an object after an active verb: "killing six people", "police arrested two men", "left a man dead";
- a noun: "rescuers pulled out at least 12 bodies", "the death toll rose to 30", "the death of John Doe".

A person stated without a number counts one; a vague amount ("several", "dozens") gives a lower bound
only (see `numbers.VAGUE`). Negated statements ("no one was hurt") give a count of zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from builder.facts.numbers import AMOUNT, Amount, amount
from builder.facts.span import fact
from builder.model import Article, Fact, Sentence

KINDS = ("killed", "injured", "missing", "arrested", "displaced")

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
_AGE = r"(?:\s*,\s*(?:\d{1,3}|aged? \d{1,3})\b(?=\s*(?:,|and\b|$)))?"
_COUNTED = (
    rf"(?:(?:they|we|all|all the|the|the other|another|their|his|her)\s+)?(?P<amount>{AMOUNT.pattern})"
    rf"(?:\s+(?:more|others|other|additional|of (?:the|them|those|whom|which)))?(?:\s+{_MOD}){{0,3}}?"
    rf"(?:\s+(?:{PL}|{SG})\b)?"
)
_ORDINAL = r"(?:a|the)\s+(?:second|third|fourth|fifth|sixth)"
_ONE = (
    rf"(?P<det>{_ORDINAL}|a|an|the|this|that|another|his|her|their|its|one)\s+(?:{_MOD}\s+){{0,4}}?(?:{SG})\b"
    rf"(?:['’]s\s+(?:{SG})\b)?"
)
_NOT_NAMES = (
    "In On At The A An After Before Police Officers Officer He She They It This That When While Last Of "
    "And Or But For By With From To Authorities Officials Investigators Detectives Deputies Witnesses "
    "Residents Sheriff Chief Mayor Gov Governor Dr Mr Mrs Ms Lt Sgt Capt Det Cpl Sen Rep Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Office Department "
    "County City"
).split()
_WORD = rf"(?!(?:{'|'.join(_NOT_NAMES)})\b)[A-Z][\w'’.-]+"
_NAME = rf"(?P<name>(?:\d+-year-old\s+)?(?-i:(?:{_WORD}\s+){{0,3}}{_WORD}))"
_PRONOUN = r"(?P<pronoun>\b(?:he|she|him|her|himself|herself)\b)"
_ZERO = rf"(?P<zero>\b(?:no one|nobody|none|no (?:other )?(?:{_MOD}\s+)?(?:{PL}|{SG}))\b)"
UNIT = re.compile(
    rf"(?:{_ZERO}|{_ONE}|{_COUNTED}|{_PRONOUN}|{_NAME}){_AGE}",
    re.IGNORECASE,
)
_BARE_UNIT = re.sub(r"\(\?P<\w+>", "(?:", UNIT.pattern)
_UNITS = rf"(?:{_BARE_UNIT})(?:(?:\s*,\s*|\s*,?\s+(?:and|&)\s+)(?:{_BARE_UNIT}))*"
_TAIL = (
    r"(?:\s*,\s*(?:a|an)\s+[^,;]{1,50},|\s*\([^)]{0,40}\)|\s*,?\s+who"
    r"|\s+(?:in|inside|at|from|on|near|outside|aboard|with)(?:\s+(?!\w+(?:ed|ing)\b)[\w'’-]+){1,4}?)"
)
_SUBJECT = re.compile(rf"(?P<np>{_UNITS})(?:{_TAIL})?\s*,?\s*$", re.IGNORECASE)
_OBJECT = re.compile(rf"\s*(?P<np>{_UNITS})", re.IGNORECASE)
_LEAD = re.compile(rf"\W*(?P<np>{_UNITS})\s+(?:was|were|is|are|had|has|have)\b", re.IGNORECASE)

_AUX = r"(?:(?:was|were|is|are|be|been|being|has|have|had|got|get|gets|found|will|would|may|might|could)\s+)"
_ADV = (
    r"(?:(?:also|later|reportedly|allegedly|critically|seriously|badly|mortally|gravely|then|each"
    r"|eventually|apparently|subsequently|initially|instantly|immediately|tragically|ultimately|just|since"
    r"|sadly|unfortunately|previously|already|not|never|n['’]t)\s+)"
)
_PASSIVE = {
    "killed": r"(?:(?:shot|stabbed|beaten|struck|hit|attacked)(?:\s+(?:multiple|several|\w+) times)?\s*,?"
    r"\s+and\s+(?:killed|murdered)|killed|slain|murdered|assassinated|executed|massacred|gunned down"
    r"|shot dead"
    r"|(?:shot|stabbed|beaten|burned|crushed) to death|fatally (?:shot|stabbed|wounded|injured|struck|hit)"
    r"|(?:pronounced|found|declared|confirmed|reported|left) dead|dead)",
    "injured": r"(?:injured|wounded|hurt|hospitali[sz]ed|critically injured"
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
_NOUNS = {
    "killed": rf"(?P<amount>{AMOUNT.pattern})\s+(?:more\s+|other\s+|dead\s+)?(?:bodies|deaths|fatalities)\b",
    "injured": rf"(?P<amount>{AMOUNT.pattern})\s+(?:more\s+|other\s+)?(?:injuries|wounded)\b",
    "displaced": rf"(?P<amount>{AMOUNT.pattern})\s+(?:of\s+)?(?:displaced|evacuees|refugees)\b",
}
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
_PREPOSITIONS = {"in", "at", "of", "from", "near", "to", "on", "by", "for", "into", "with"}
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

Count = tuple[int | None, int | None, str | None]


def _add(counts: list[Count]) -> Count:
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


def _count(phrase: str, text: str, offset: int) -> tuple[Count, str | None] | None:
    """Return the count of a noun phrase and who it describes, or None when it is not a count of people.

    "and" joins people to add up ("two men and a woman" is three); a comma alone sets off an apposition
    ("the victim, John Doe," is one), unless it separates names ("John Doe, 25, Jane Roe, 30, and ...").
    """
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
        counts.append(_add(names) if len(names) > 1 else max((c for c, _ in group), key=lambda c: c[0] or 0))
    amount_at = AMOUNT.match(phrase)
    who = phrase[amount_at.end() :].strip() if amount_at and len(counts) == 1 else phrase
    who = re.sub(r"^(?:of (?:the|them|those|whom|which)|others?|more|additional)\b\s*", "", who).strip()
    return _add(counts), who or None


def _value(count: Count, who: str | None) -> tuple[tuple[str, str | int | float | bool | None], ...]:
    return (("min", count[0]), ("max", count[1]), ("qualifier", count[2]), ("who", who))


def _subject(left: str) -> re.Match[str] | None:
    start = max(0, len(left) - 160)
    for cut in (";", ":", " while ", " but ", " whereas "):
        start = max(start, left.rfind(cut) + len(cut) if cut in left else 0)
    found = _SUBJECT.search(left, start)
    if found is None and re.search(r"\b(?:and|but)\s+$", left):
        return _LEAD.match(left)  # "he was taken to hospital but died": the clause's subject
    return found


def _passive(kind: str, sentence: str) -> Iterator[tuple[int, int, Count, str | None]]:
    pattern = _PASSIVE.get(kind, "(?!)")
    intransitive = _INTRANSITIVE.get(kind, "(?!)")
    predicate = re.compile(
        rf"(?P<aux>(?:{_AUX}|{_ADV})*)\b(?:(?P<passive>{pattern})|(?P<intransitive>{intransitive}))\b",
        re.IGNORECASE,
    )
    for match in predicate.finditer(sentence):
        subject = _subject(sentence[: match.start()])
        aux = match.group("aux") or ""
        if (
            subject is None
            or _NEGATION.search(aux)
            or _MODAL.search(aux)
            or _UNREAL.search(sentence[: subject.start()])
        ):
            continue
        if re.fullmatch(r"\d+", subject.group("np")) and "," in sentence[subject.end("np") : match.start()]:
            continue  # "..., 39, was killed": an age, not a count
        if match.group("passive") and not aux.strip():
            if kind in _ACTIVE and _STARTS_OBJECT.match(sentence, match.end()):
                continue  # "two gunmen killed six people": the active reading counts the object
            if re.fullmatch(_PRONOUN, subject.group("np"), re.IGNORECASE):
                continue  # "her dead husband": an adjective, not a report
        found = _count(subject.group("np"), sentence, subject.start("np"))
        if found is not None:
            yield subject.start("np"), match.end(), found[0], found[1]


def _active(kind: str, sentence: str) -> Iterator[tuple[int, int, Count, str | None]]:
    verb = re.compile(rf"\b(?:{_ACTIVE[kind]})\b", re.IGNORECASE)
    for match in verb.finditer(sentence):
        obj = _OBJECT.match(sentence, match.end())
        if obj is None or obj.group("np").lower() in {"her"} or _UNREAL.search(sentence[: match.start()]):
            continue
        if kind == "displaced" and not AMOUNT.match(obj.group("np")):
            continue  # "displaced Syrians" is a description; "displaced 2,000 people" a count
        end = obj.end("np")
        if match.group().lower() in {"left", "found"}:
            after = re.compile(rf"\s+{_AFTER_LEFT.get(kind, '(?!)')}\b", re.IGNORECASE).match(sentence, end)
            if after is None:
                continue
            end = after.end()
        found = _count(obj.group("np"), sentence, obj.start("np"))
        if found is not None:
            yield match.start(), end, found[0], found[1]


def _nominal(kind: str, sentence: str) -> Iterator[tuple[int, int, Count, str | None]]:
    patterns = [re.compile(rf"\b{_NOUNS[kind]}", re.IGNORECASE)] if kind in _NOUNS else []
    if kind == "killed":
        patterns.append(_TOLL)
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            found = amount(AMOUNT.match(match.group("amount")))  # type: ignore[arg-type]
            if found is not None:
                who = "bodies" if "bodies" in match.group().lower() else None
                yield match.start(), match.end(), (found.min, found.max, found.qualifier), who
    if kind == "killed":
        for match in _ONE_DEAD.finditer(sentence):
            yield match.start(), match.end(), (1, 1, None), match.group("dead") or match.group("who")
        for match in _FATAL.finditer(sentence):
            yield match.start(), match.end(), (1, None, "vague"), None
        for match in _OF.finditer(sentence):
            obj = _OBJECT.match(sentence, match.end())
            found_np = _count(obj.group("np"), sentence, obj.start("np")) if obj else None
            if obj is not None and found_np is not None:
                yield match.start(), obj.end("np"), found_np[0], found_np[1]


def sentence_counts(sentence: str, kind: str) -> list[tuple[int, int, Count, str | None]]:
    """Return (start, end, count, who) for each count of `kind` the sentence states, overlaps removed."""
    found = [*_passive(kind, sentence), *_nominal(kind, sentence)]
    if kind in _ACTIVE:
        found.extend(_active(kind, sentence))
    kept: list[tuple[int, int, Count, str | None]] = []
    for item in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    return kept


def extract(article: Article) -> list[Fact]:
    """Return the count facts the article's sentences state, in reading order."""
    facts: list[Fact] = []
    for sentence in article.sentences:
        facts.extend(_facts(article, sentence))
    return facts


def _is_headlines(text: str) -> bool:
    """Title Case runs ("Gunman Kills 6, Suspect In Custody ...") are lists of headlines, not reports."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return len(words) > 8 and sum(w[0].isupper() for w in words) > 0.75 * len(words)


def _facts(article: Article, sentence: Sentence) -> Iterator[Fact]:
    if _is_headlines(sentence.text):
        return
    for kind in KINDS:
        for start, end, count, who in sentence_counts(sentence.text, kind):
            yield fact(
                article,
                sentence,
                start,
                end,
                kind=kind,
                key=kind,
                value=_value(count, who),
                extractor="counts",
            )


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


def article_total(facts: list[Fact], kind: str) -> tuple[int | None, int | None] | None:
    """Return the article's best (min, max) for a kind, never counting one victim twice; None if none.

    The same victim is often mentioned in several sentences ("a man was shot", "the victim died"),
    so figures are never added across sentences. The total is the larger of: the largest figure a
    sentence states ("at least 12 people", "a boy and a woman" is two; an ordinal such as "a third
    victim" states three), and the number of different people the single mentions name (see
    `_distinct_people`).
    """
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
