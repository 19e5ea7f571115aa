"""Cue verbs of attribution and what each accepts as its statement.

A cue verb credits what follows (or precedes) it to its subject. Verbs fall in broad classes: saying and
writing, arguing and answering, believing and wanting, evidence (`polls show`), and stance taken in words
(`praised`, `condemned`, `endorsed`). Most accept any clause or noun phrase as their statement; a few only a
clause (`found that`: "the police found two bodies" is not a statement), or only a quotation (`called it
"a disgrace"`: "she called the police" is not), and some take a particle first (`called for`, `warned of`).
"""

from __future__ import annotations

from builder.vocabulary import table

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "admit": ("admits", "admitted", "admitting"),
    "quip": ("quips", "quipped", "quipping"),
    "echo": ("echoes", "echoed", "echoing"),
    "regret": ("regrets", "regretted", "regretting"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "refer": ("refers", "referred", "referring"),
    "brag": ("brags", "bragged", "bragging"),
    "label": ("labels", "labeled", "labelled", "labeling", "labelling"),
    "dub": ("dubs", "dubbed", "dubbing"),
    "extol": ("extols", "extolled", "extolling"),
    "think": ("thinks", "thought", "thinking"),
    "feel": ("feels", "felt", "feeling"),
    "know": ("knows", "knew", "knowing"),
    "seek": ("seeks", "sought", "seeking"),
    "plan": ("plans", "planned", "planning"),
    "show": ("shows", "showed", "showing", "shown"),
    "find": ("finds", "found", "finding"),
}


def _forms(base: str) -> set[str]:
    """The verb's forms (`note`: note, notes, noted, noting), irregular ones from a table."""
    if base in _IRREGULAR:
        return {base, *_IRREGULAR[base]}
    stem = base[:-1] if base.endswith("e") else base
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    third = base + "es" if base.endswith(("s", "sh", "ch", "x", "o")) else base + "s"
    return {base, third, stem + "ed", stem + "ing"}


def _all(bases: str) -> set[str]:
    return {form for base in bases.split() for form in _forms(base)}


_CUES = table("cue_verbs")


def _class(name: str) -> set[str]:
    """Every form of a class of cue verbs in builder/vocabulary/cue_verbs.yml."""
    return _all(str(_CUES[name]))


_SAYING = _class("saying")
_BELIEF = _class("belief")
_EVIDENCE = _class("evidence")
_STANCE = _class("stance")

SAYS = _class("says")
"""The plainest verbs of saying: what marks a sentence as someone's statement."""
SPEECH = _SAYING | _BELIEF | _EVIDENCE | _STANCE
"""Verbs that attribute what follows or precedes them to their subject: speech, writing, belief, evidence,
stance."""

PARTICIPLES = {w for w in SPEECH if w.endswith("ing")}
"""`..., adding that ...`: the subject is the previous attribution's source."""

NEEDS_CLAUSE = _class("needs_clause")
"""Verbs that are attributions only with a clause (`found that`), a quotation, an infinitive where they take
one, or a particle: "the police found two bodies" and "she knows the city" are not statements."""

INFERENCE = {w for w in _class("inference") if w.endswith("ing")}
"""Participles that, after a comma, draw the writer's inference (`..., indicating resistance`) unless a
clause follows (`..., suggesting that ...`)."""

NEEDS_QUOTE = _class("needs_quote")
"""Naming verbs: a statement only with a quotation (`called the plan "a disgrace"`) or a particle."""

TAKES_INFINITIVE = _class("takes_infinitive")
"""Cues whose statement may be an infinitive: `vowed to fight on`."""

_PARTICLES = {str(verb): tuple(options) for verb, options in dict(_CUES["particles"]).items()}  # type: ignore[call-overload]
PARTICLES = {form: options for base, options in _PARTICLES.items() for form in _forms(base)}
"""Particles a cue takes before its statement: `called for`, `warned of`, `referred to`."""

NOUNISH = {form for form in _class("nounish") if not form.endswith(("ed", "ing"))}
"""Cue forms that are as often nouns (`battleground states`, `raises questions`): verbs only in a verb's
position."""

STATEMENT_NOUNS = (
    "claims?|assertions?|arguments?|warnings?|beliefs?|allegations?|accusations?|promises?|pledges?|"
    "insistence|suggestions?|views?|contention|predictions?|complaints?|concerns?|fears?|hopes?|"
    "statements?|remarks?|comments?|charges?|denials?|admission|boasts?|vows?|threats?"
)
"""Nouns that name a statement or a belief (`his claim that ...`): a pattern of alternatives."""
