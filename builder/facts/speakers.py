"""Who a statement is credited to: the source written before a cue, a sentence's subject, a speaker label."""

from __future__ import annotations

import re

from builder.facts import cues
from builder.facts.marks import CLOSE

WORD = re.compile(r"[\w][\w.'’&-]*|[,;:()“”\"—–]")
_APPOSITIVE = re.compile(
    r"(?:^|[,;:“”\"(—–]\s*|\b(?:and|but|that|as|when|while|because)\s+)"
    r"(?!(?:In|On|At|For|With|From|By|After|During|Before|Since|As|When|While|Meanwhile|But|And|Also|Still|"
    r"However|Yet|So|Then|Later|Earlier|Last|This|That|The)\b)"
    r"((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|al-\w+|bin|van|von))*"
    r"(?:\s*\([^)]*\))?),\s+([^,“”\"():;]{2,}?),?\s*$"
)
"""`Charles Lister, a senior fellow with the Middle East Institute,` before a cue: a name and what it is."""
_ASIDE = re.compile(
    r"(?:meanwhile|however|though|too|also|then|now|in|on|at|for|with|by|after|during|last|this|earlier|later|"
    r"speaking|told|asked|when|while|as|like|unlike|instead|meanwhile|for his part|for her part)\b"
)
"""An aside after a name (`Trump, meanwhile, said`): not part of the source."""
COLON = re.compile(
    r"\s*[“\"]?((?:(?:[A-Z][\w.'’-]*|de|al-\w+|bin|van)\s*){1,5}(?:,\s+(?:[A-Z][\w.'’-]*\s*){1,4})?):\s+(?=\S)"
)
NOT_SPEAKERS = set(
    "Update Note Editor's Editor’s Photo Related Watch Read Correction Clarification Disclosure Reporting "
    "Editing Caption Q A Source Sources Warning Breaking Video Listen Opinion Analysis Advertisement Image "
    "Contributing Latest Updated Posted Abstract".split()
)
"""Labels before a colon that introduce no speaker."""
_OPENER = {"”": "“", "’": "‘", "»": "«", '"': '"'}
_LY_NOUNS = {
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "family",
    "ally",
    "rally",
    "assembly",
    "italy",
    "july",
}
"""Words ending in -ly that are not adverbs: `the US daily wrote`."""


_PARTY = re.compile(r"(?<=[\w.])\s*\((?:[DRI]|Dem|Rep|Ind)\.?\s*-\s*[A-Z][A-Za-z.]{1,12}\)(?=\s*$)")
"""A U.S. legislator's party and state after the name: `(D-Mo.)`."""


_CONTROL = frozenset(
    "tried sought continued began begun started wanted hoped attempted managed refused declined appeared "
    "seemed decided chose on tries seeks continues begins starts wants hopes attempts manages refuses".split()
)
"""Verbs that take the cue as an infinitive: `tried to argue`, `went on to say`."""


def source_before(text: str, cue_start: int) -> tuple[int, int, str] | None:
    """The source written just before a cue verb: (start, end, the word or mark before it), or None."""
    party = _PARTY.search(text, 0, cue_start)
    if party:  # `Rep. Emanuel Cleaver II (D-Mo.) said`: the party and state belong to the name
        named = source_before(text, party.start())
        if named is not None and named[1] == party.start():
            return named[0], party.end(), named[2]
    tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, 0, cue_start)]
    while True:
        while (tokens and tokens[-1][2].lower() in cues.AUXILIARIES - {"to"}) or (
            tokens and re.fullmatch(r"[a-z]+ly", tokens[-1][2]) and tokens[-1][2] not in _LY_NOUNS
        ):
            tokens.pop()
        # `tried to argue`, `had begun to hint`, `went on to say`: the control verb is the source's too
        if len(tokens) >= 2 and tokens[-1][2] == "to" and tokens[-2][2].lower() in _CONTROL:
            tokens = tokens[:-2]
            if tokens and tokens[-1][2].lower() == "went":
                tokens.pop()
            continue
        if tokens and tokens[-1][2].lower() == "to" and "to" in cues.AUXILIARIES:
            tokens.pop()
            continue
        break
    comma = bool(tokens) and tokens[-1][2] == ","
    if comma:
        tokens.pop()
    if not tokens:
        return None
    end = tokens[-1][1]
    relative = (
        re.search(
            r",\s+(?:who|which|whose|including|such as|among them|along with|together with|from|though"
            r"|however|too|also|meanwhile|moreover|instead|in turn)\b"
            r"[^“”\";:,]*$",
            text[:end],
        )
        if comma
        else None
    )
    if relative:
        # `One teller, who spoke on the condition of anonymity, said`: the noun and its clause.
        head = source_before(text, relative.start())
        if head and head[1] == relative.start():
            aside = re.match(
                r",\s+(?:though|however|too|also|meanwhile|moreover|instead|in turn)\b", relative[0]
            )
            return head[0], relative.start() if aside else end, head[2]  # `officials, though, say`
    if tokens[-1][2].lower() in cues.RELATIVES:
        return tokens[-1][0], end, tokens[-2][2].lower() if len(tokens) > 1 else ""
    described = _APPOSITIVE.search(text, 0, end + 1 if end < len(text) and text[end] == "," else end)
    if described and described.group(2).split()[0].lower() not in cues.PRONOUNS:
        lead = text[: described.start(1)].rstrip()
        before_relative = re.split(r"\b(?:who|which|whose)\b", described.group(2))[0].lower().split()
        if _ASIDE.match(described.group(2)):
            return described.start(1), described.end(1), lead.split()[-1] if lead.split() else ""
        if not any(w in cues.VERBISH - {"to", "there", "here"} for w in before_relative):
            return described.start(1), described.end(2), lead.split()[-1] if lead.split() else ""
    words: list[tuple[int, int, str]] = []
    lead = ""
    while tokens:
        token = tokens.pop()
        word = token[2]
        low = word.lower()
        if word in {",", ";", ":", "(", ")", "“", "”", '"', "—", "–"} or low in cues.BOUNDARY_WORDS:
            lead = word
            break
        if low in {"and", "or"} and not (
            tokens
            and (
                tokens[-1][2][:1].isupper() or tokens[-1][2].lower() in cues.PEOPLE_NOUNS | cues.WITNESS_NOUNS
            )
        ):
            lead = low
            break
        words.insert(0, token)
        if len(words) > 14:
            return None
    if not words:
        return None
    when = _WHEN_IN_SOURCE.search(text, words[0][0], end)
    before_when = text[: when.start()].split()[-1] if when else ""
    if when and when.start() > words[0][0] and not before_when.endswith("ed"):
        # `The United Nations on Wednesday denied`, `The IDF on Tuesday released video footage … showing`:
        # a day inside the words before the cue ends the source; what follows it is the clause's own.
        end = when.start()
        words = [w for w in words if w[1] <= end]
    if not looks_like_source([w[2] for w in words]):
        return None
    return words[0][0], end, lead


_WHEN_IN_SOURCE = re.compile(
    r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last\s+(?:week|month|night)"
    r"|this\s+(?:week|month)|yesterday|today|earlier this \w+|in\s+a\s+statement)\b"
)
"""A time or a medium between a source and its verb."""


_COLLECTIVE = frozenset(
    "police staff management government military army media press public clergy leadership family campaign "
    "administration prosecution defense defence congress parliament".split()
)
"""Nouns that name a body of people without a plural `s`: `police said`, `the family said`."""


def looks_like_source(words: list[str]) -> bool:
    first = words[0]
    low = [w.lower() for w in words]
    if not (
        first[:1].isupper()
        or low[0] in cues.DETERMINERS
        or low[0] in cues.PRONOUNS
        or low[0] in cues.PEOPLE_NOUNS
        or low[0] in cues.WITNESS_NOUNS
        or (len(low) <= 3 and low[-1] in _COLLECTIVE)
        or first[:1].isdigit()
        or (len(low) <= 4 and low[-1].endswith("s") and not low[-1].endswith(("'s", "’s", "ss")))
        or (len(low) <= 5 and words[-1][:1].isupper())
    ):
        return False
    if low[0] in {"it", "that", "this", "there"} and len(words) > 1:
        return False
    if low[0] in {"in", "on", "at", "for", "with", "from", "by", "to", "of", "after", "during"}:
        return False
    for index, word in enumerate(low):
        if word in cues.RELATIVES and index > 0:
            break
        after_determiner = index > 0 and low[index - 1] in {"the", "a", "an", "this", "that", "its", "their"}
        capitalised = index > 0 and words[index][:1].isupper()  # `State` in `State Department` names
        if (word in cues.VERBISH and not after_determiner and not capitalised) or word.endswith("n't"):
            return False  # `the report`, `a statement`: after a determiner the word is a noun
    return True


_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]+(?:\([\w ]+\))?\s*[—–-]+\s*")
_OPENING_PHRASE = re.compile(
    r"(?:In|On|At|For|With|From|By|After|During|Before|Since|As|When|While|If|Although|Despite|Amid|Under|"
    r"Over|Throughout|Following|Speaking|Asked)\b[^,“\"]{0,100},\s+"
)


def subject(text: str, base: int) -> tuple[int, int] | None:
    """The name or pronoun a sentence opens with, after a dateline and an opening phrase (`On Monday,`)."""
    start = 0
    dateline = _DATELINE.match(text)
    if dateline:
        start = dateline.end()
    lead = re.match(r"\s*(?:(?:But|And|Still|Meanwhile|However|Later|Earlier),?\s+)?", text[start:])
    start += lead.end() if lead else 0
    opening = _OPENING_PHRASE.match(text, start)
    if opening:
        start = opening.end()
    elif re.match(
        r"(?:In|On|At|For|With|From|By|After|During|Before|Since|As|When|While|If|Although)\b", text[start:]
    ):
        return None
    name = re.match(
        r"(?:He|She|They|It|We|I)\b|(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}",
        text[start:],
    )
    if not name:
        return None
    return base + start, base + start + len(name.group())


def source_after(text: str, ce: int) -> tuple[int, int] | None:
    """The source after an inverted cue, to the end of its clause: `said Ann Lee, author of “Wet Roads.”`."""
    after = text[ce:]
    stop = re.search(r",\s+(?:[a-z]+ing|who\s+added)\b|,\s*(?=[“\"])|\s*$", after)
    span = after[: stop.start() if stop else len(after)]
    span = span.rstrip(" .?!")
    if span and span[-1] in CLOSE and _unbalanced(span):
        span = span[:-1].rstrip(" .?!,")  # the mark closes the statement, not a title in the source
    outside = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", span)
    # The name before the first comma decides; the appositive after it may hold any words ("a Washington
    # think tank that focuses on nuclear weapons").
    words = re.findall(r"[\w][\w.'’-]*", outside.split(",")[0])
    if not words or len(span.split()) > 30 or not looks_like_source(words):
        return None
    lead = len(span) - len(span.lstrip())
    return ce + lead, ce + len(span)


def _unbalanced(span: str) -> bool:
    """The span's last mark closes a quotation opened before it, not one inside it."""
    mark = span[-1]
    if mark == '"':
        return span.count('"') % 2 == 1
    return span.count(mark) > span.count(_OPENER[mark])
