"""Whether a cue word is used as a verb where it stands: not a noun, not a passive, not part of a name."""

from __future__ import annotations

import re

from builder.facts import cues
from builder.facts.marks import OPEN
from builder.vocabulary import verbs

_PAST = {"said", "told", "wrote", "written", "thought", "found", "shown", "dubbed", "quipped"}


def used_as_verb(text: str, cs: int, ce: int) -> bool:
    """The word at `text[cs:ce]` is an active cue verb, so it can credit a statement to a source."""
    word = text[cs:ce]
    if not word.lower().endswith("ing") and _passive(text, cs):
        return False  # `is saying` is progressive, `was reported` passive
    if not word.endswith("ed") and word not in _PAST and _noun_use(text, cs):
        return False
    if word[0].isupper() and text[:cs].strip(" " + OPEN) and not _title_case(text):
        return False  # a capital inside a sentence makes a name (`the State Department`), not a cue
    if word.lower() in verbs.NOUNISH and not _verb_position(text, cs, ce):
        return False  # `battleground states`, `raises questions`: a noun
    return not re.match(r"\s+(?:tank|tanks|piece|pieces)\b", text[ce:])  # `think tank`


def _title_case(text: str) -> bool:
    """A headline in title case (`Donald Trump Claims The Shackles Are Off`): every word is capitalised,
    so a capital marks no name."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def _noun_use(text: str, cue_start: int) -> bool:
    """`the note`, `Editor's note`, `your state`: after a determiner or a possessive the word is a noun."""
    before = re.findall(r"[\w'’]+", text[:cue_start])
    if not before:
        return False
    last = before[-1].lower()
    return last in {
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "my",
        "our",
        "your",
        "this",
        "these",
        "of",
    } or (last.endswith(("'s", "’s")))


def _verb_position(text: str, cs: int, ce: int) -> bool:
    """A word that may be a noun is a verb after a subject-like word or before `that` or a quotation.

    A plural noun before the plain form is its subject (`records show`, `critics call`); the -s form needs a
    name, a pronoun or a noun known to speak or to show (`the survey finds`, not `battleground states`).
    """
    if re.match(r"\s*(?:that\b|[,:]?\s*[“\"]|[,:]?\s*'')", text[ce:]):
        return True
    before = re.findall(r"[\w'’]+", text[:cs])
    if not before:
        return True
    last = before[-1]
    low = last.lower()
    return (
        last[0].isupper()
        or low in cues.PRONOUNS | cues.RELATIVES | cues.AUXILIARIES | cues.PEOPLE_NOUNS | cues.WITNESS_NOUNS
        or low in cues.EVIDENCE_NOUNS
        or low.endswith("ly")
        or (
            not text[cs:ce].lower().endswith("s")
            and re.fullmatch(r"[a-z]+[^s'’u]s", last) is not None
            and low not in cues.DETERMINERS | cues.BOUNDARY_WORDS
        )
    )


def _passive(text: str, cue_start: int) -> bool:
    """`casualties were reported`: a passive cue names no source; `"... who he was," said Tusk` is not one."""
    if re.search(r"[,;:”\"’)—–]\s*$", text[:cue_start]):
        return False  # a mark between the words before and the cue: they are another clause
    before = re.findall(r"[\w']+", text[:cue_start].lower())[-3:]
    be = {"is", "are", "was", "were", "be", "been", "being"}
    while before and before[-1] in cues.AUXILIARIES - be:
        before.pop()
    return bool(before) and before[-1] in be
