"""Word lists and rules for attributions: what a source is, its type and its comparison name."""

from __future__ import annotations

import functools
import re

from builder import vocabulary
from builder.ingest.normalize import comparison_key
from builder.vocabulary.verbs import SPEECH

AUXILIARIES = set(
    "has have had will would could can may might must should shall did does do is was are were be been "
    "also later earlier previously repeatedly recently publicly privately then again once now still never "
    "not n't already often first initially subsequently further even just reportedly allegedly separately "
    "had long has long".split()
)
"""Words that may stand between a source and its cue verb (`has also said`)."""

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}
PERSON_PRONOUNS = {"he", "she", "i", "who"}
POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it"}
"""A possessive source (`his claim that ...`) resolves like its pronoun."""

BOUNDARY_WORDS = set(
    "that because while when if but since although though after before where whereas unless until as so "
    "than yet nor".split()
)
"""Words that open a new clause: a source never reaches back past one."""

VERBISH = (
    set(
        "is are was were be been being has have had will would can could do does did say says said told "
        "tells may might must should shall am 's isn't wasn't aren't weren't don't doesn't didn't won't "
        "can't couldn't wouldn't hasn't haven't hadn't there here to".split()
    )
    | SPEECH
)
"""Words that show a stretch of text is a clause, not a source (before any `who`, `which` or `that`)."""

RELATIVES = {"who", "which", "whom", "whose"}

DETERMINERS = set(
    "the a an one two three four five six seven eight nine ten some many several other another most "
    "his her their its our my your this these those both all few each every any no more".split()
)

TITLES = vocabulary.TITLES
AGENCIES = vocabulary.AGENCIES

WITNESS_NOUNS = set(
    "resident residents witness witnesses eyewitness eyewitnesses survivor survivors villager villagers "
    "local locals bystander bystanders neighbour neighbours neighbor neighbors onlooker onlookers "
    "passer-by passers-by".split()
)
ANONYMITY = re.compile(
    r"declined to be (?:named|identified)|not (?:authori[sz]ed|allowed|permitted) to|anonymity|"
    r"asked not to be (?:named|identified)|unnamed|unidentified|anonymous|requested not to be|"
    r"would not be (?:named|identified)|(?:^|\b)(?:an?|one|two|several|some)\s+(?:\w+\s+){0,3}sources?\b|"
    r"^sources?\b|\bsources? (?:close|familiar|with knowledge)",
    re.IGNORECASE,
)
"""An unnamed source: anonymity stated, or a bare `a source`, `sources close to ...`."""
GOVERNMENT = re.compile(
    r"\b(?:ministry|ministries|minister|department|government|governor|mayor|president|presidency|"
    r"prime minister|embassy|police|army|military|pentagon|white house|kremlin|authorities|"
    r"official|officials|administration|parliament|congress|senate|cabinet|spokesman for the|"
    r"state media|foreign office|interior|defen[cs]e|navy|air force|troops|prosecutors?|court|"
    r"commission|council|agency|fbi|f\.b\.i\.|cia|c\.i\.a\.|justice department|state department)\b",
    re.IGNORECASE,
)
NONGOVERNMENT = re.compile(r"\b(?:opposition|rebels?|insurgents?|party|campaign|militants?|group)\b", re.I)
ORGANIZATION = re.compile(
    r"\b(?:observatory|institute|foundation|committee|party|union|association|group|cent(?:er|re)|"
    r"university|company|inc|corp|corporation|campaign|network|coalition|forces|watch|international|"
    r"organi[sz]ation|bank|board|fund|society|league|movement|front|alliance|times|post|journal|news|"
    r"magazine|newspaper|daily|report|poll|survey|study|statement|letter|memo|database|records|website|"
    r"wikileaks|cnn|bbc|fox|nbc|abc|cbs|msnbc|politico|opposition|rebels?|insurgents?|militants?|nations|"
    r"brigades?|army|hospital|ngo|charity|firm|sources)\b",
    re.IGNORECASE,
)
EVIDENCE_NOUNS = set(
    "poll polls survey surveys data numbers figures records documents document report reports study studies "
    "emails email results statistics tallies estimates analysis research review investigation audit memo "
    "letter statement filing filings records evidence".split()
)
"""What may show or find something, like a person says it: `polls show`, `the audit found`."""
PEOPLE_NOUNS = set(
    "analyst analysts expert experts critic critics aide aides adviser advisers advisor advisors supporter "
    "supporters voter voters people man woman men women doctor doctors activist activists observer "
    "observers lawyer lawyers friend friends relative relatives father mother son daughter wife husband "
    "family student students worker workers member members democrats republicans candidate candidates "
    "spokesman spokeswoman spokesperson reporter reporters journalist journalists researcher researchers "
    "scholar scholars historian historians economist economists strategist strategists donor donors "
    "fellow staff staffer staffers".split()
)


_SPELLINGS = [
    (name, spelling, re.compile(rf"(?:^|\s){re.escape(spelling)}(?:\s|$|[',.])"))
    for name, spellings in AGENCIES.items()
    for spelling in spellings
]
_ANY_SPELLING = re.compile("|".join(rf"(?:^|\s){re.escape(s)}(?:\s|$|[',.])" for _, s, _ in _SPELLINGS))
"""One pass to rule out the sources that name no agency, before the spellings are tried in order."""


@functools.lru_cache(maxsize=65536)
def agency_name(source: str) -> str | None:
    """The agency's comparison name when the source is a news agency (`Agence France-Presse (AFP)`: `afp`)."""
    key = comparison_key(source).replace("(", " ").replace(")", " ")
    key = re.sub(r"^the\s+", "", key)
    if _ANY_SPELLING.search(key):
        for name, spelling, pattern in _SPELLINGS:
            if pattern.search(key):
                if len(spelling) <= 3 and spelling.upper() not in source:
                    continue  # `ap`, `aa` only as capitals: never the word inside a sentence
                return name
    if re.search(r"\bnews agency\b", key):
        return key
    return None


def person_name(source: str) -> str | None:
    """A person's name if the source starts with one (`Charles Lister, a senior fellow`: `Charles Lister`)."""
    head = re.split(r",|\s\(|\s+(?:who|of|from|at|with|for|in)\s", source, maxsplit=1)[0].strip()
    words = head.split()
    while (
        len(words) > 1
        and words[0][0].islower()
        and (words[0].rstrip(".") in _TITLE_STEMS or words[0] == "former")
    ):
        words = words[1:]  # `spokesman Glen Caplin`, `former president Bill Clinton`: a title in lower case
    if not words or not all(w[0].isupper() or w.lower() in {"al-", "bin", "de", "van", "von"} for w in words):
        return None
    # Drop titles and what precedes them (`Syrian President Bashar Assad`), keep `Mr. Trump` as `Trump`.
    last_title = max((i for i, w in enumerate(words) if w.lower().rstrip(".") in _TITLE_STEMS), default=-1)
    name = words[last_title + 1 :]
    if not name or len(name) > 4:
        return None
    joined = " ".join(name)
    if ORGANIZATION.search(joined) or GOVERNMENT.search(joined) or agency_name(joined):
        return None
    common = PRONOUNS | DETERMINERS | WITNESS_NOUNS | PEOPLE_NOUNS
    if joined.lower() in common or (len(name) == 1 and name[0].lower() in common):
        return None
    return re.sub(r"[’']s$", "", joined)


_TITLE_STEMS = {t.rstrip(".") for t in TITLES}


def source_type(source: str, resolved: str | None) -> str:
    """Classify a source: `anonymous`, `agency`, `witnesses`, `person`, `government` or `organization`.

    Rules, first match wins: anonymity stated or a bare `source` is `anonymous`; a news agency is `agency`;
    residents, witnesses and the like are `witnesses`; a personal name (after titles) or a personal pronoun is
    `person`; ministries, departments, officials, the police or army are `government`, unless qualified as
    opposition, rebel or party; other named bodies, outlets and documents are `organization`; unnamed people
    (`analysts`, `an aide`) are `person`.
    """
    lowered = comparison_key(source)
    words = [w.strip(".,'’") for w in lowered.split()]
    if ANONYMITY.search(lowered):
        return "anonymous"
    if agency_name(source):
        return "agency"
    head = _head([w.strip(".,'’") for w in lowered.split(",")[0].split()])  # the noun before an aside
    if head in WITNESS_NOUNS or (words and (words[-1] in WITNESS_NOUNS or words[0] in WITNESS_NOUNS)):
        return "witnesses"
    if len(words) == 1 and words[0] in DETERMINERS:
        return "person"  # `another`, `one`: one of the people just named
    if person_name(source) or lowered in PERSON_PRONOUNS:
        return "person"
    if resolved and resolved != source and person_name(resolved):
        return "person"
    if GOVERNMENT.search(source) and not NONGOVERNMENT.search(source):
        return "government"
    if head in TITLES and head not in {"leader", "candidate", "nominee", "chief"}:
        return "person"  # `the senator`, `the spokeswoman`: one person named by a title
    if ORGANIZATION.search(source) or lowered in {"it", "they", "we"} or (words and words[0][:1].isalpha()):
        if head in PEOPLE_NOUNS:
            return "person"
        return "organization"
    return "person"


def _head(words: list[str]) -> str:
    """The head noun of a simple noun phrase: the last word before `who`, `of`, `in` and the like."""
    head = ""
    for word in words:
        if word in {"who", "which", "that", "of", "in", "at", "with", "from", "for", "on", ","}:
            break
        head = word
    return head


def name_key(name: str) -> str:
    """The comparison form of a source's name: lower case, no article, no title, no punctuation."""
    agency = agency_name(name)
    if agency:
        return agency
    key = comparison_key(name)
    key = re.sub(r"[’']s\b", "", key)
    key = re.sub(r"[^\w\s-]", " ", key)
    words = key.split()
    while (
        words and (words[0] in {"the", "a", "an"} or words[0].rstrip(".") in _TITLE_STEMS) and len(words) > 1
    ):
        words.pop(0)
    return " ".join(words)


def content_key(content: str, words: int = 8) -> str:
    """A short comparison form of quoted content: its first words, typography and punctuation folded away."""
    key = comparison_key(content)
    tokens = [t for t in re.split(r"[^\w]+", key) if t]
    if tokens and tokens[0] == "that":
        tokens = tokens[1:]
    return " ".join(tokens[:words])
