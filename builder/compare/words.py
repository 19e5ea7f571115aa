"""Word-level differences between two versions of one row, each named for what kind of change it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from builder.ingest.normalize import comparison_key
from builder.model import Article, TextSpan
from builder.names import ARABIC_ARTICLE, initials

_TOKEN = re.compile(r"(?:\w\.){2,}|\w+(?:['’.\-]\w+)*|[^\w\s]")
"""Abbreviations with their dots (U.S.), words with inner apostrophes, hyphens and dots, punctuation."""
_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands million millions billion dozen dozens several scores""".split()
)
"""Words that state a quantity: changing one changes a figure."""
_REGIONAL = [
    (re.compile(r"our\b"), "or"),
    (re.compile(r"is(e|ed|es|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)\b"), r"yz\1"),
    (re.compile(r"tre\b"), "ter"),
    (re.compile(r"ogue\b"), "og"),
    (re.compile(r"ll(ed|ing|er)\b"), r"l\1"),
    (re.compile(r"ence\b"), "ense"),
    (re.compile(r"storey"), "story"),
]
"""British and American spelling rules, applied to both sides before comparing."""
FUNCTION_WORDS = frozenset(
    "a an the of on in at by for with to from and or but as that this these those its their his her".split()
)
"""Closed-class words: a change made only of these is not a choice of term."""
SPELLING = 80
"""Character similarity (0-100) of folded words at which two forms are one word spelt two ways."""


@dataclass(frozen=True)
class Token:
    text: str
    key: str
    start: int
    end: int


def tokens(article: Article, sentence_ids: tuple[str, ...]) -> list[Token]:
    """Return the words and punctuation of the given sentences, with file offsets."""
    found = []
    by_id = {s.id: s for s in article.sentences}
    for sid in sentence_ids:
        sentence = by_id[sid]
        for match in _TOKEN.finditer(sentence.text):
            key = comparison_key(match[0]).lower().rstrip(".") or match[0]
            found.append(Token(match[0], key, sentence.start + match.start(), sentence.start + match.end()))
    return found


def _fold(text: str) -> str:
    text = comparison_key(text).lower()
    text = ARABIC_ARTICLE.sub("", text)
    for pattern, replacement in _REGIONAL:
        text = pattern.sub(replacement, text)
    return re.sub(r"[^a-z0-9]", "", text)


def _is_number(words: list[Token]) -> bool:
    return any(any(c.isdigit() for c in w.key) or w.key in _NUMBER_WORDS for w in words)


def classify(a: list[Token], b: list[Token]) -> str:
    """Name the change from words `a` to words `b` (both non-empty)."""
    numbers_a = [w.key for w in a if _is_number([w])]
    numbers_b = [w.key for w in b if _is_number([w])]
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return "number"
    folded_a, folded_b = _fold(" ".join(w.text for w in a)), _fold(" ".join(w.text for w in b))
    if folded_a == folded_b:
        return "spelling" if folded_a else "typography"
    if min(len(folded_a), len(folded_b)) >= 4 and fuzz.ratio(folded_a, folded_b) >= SPELLING:
        return "spelling"
    # An acronym for the name the other account spells out (HTS, Hayat Tahrir al-Sham).
    short, long = sorted((a, b), key=len)
    if (
        len(short) == 1
        and short[0].text.isupper()
        and short[0].key == initials(" ".join(w.text for w in long))
        and len(long) > 1
    ):
        return "spelling"
    return "wording"


def _punctuation(words: list[Token]) -> bool:
    return not any(c.isalnum() for w in words for c in w.key)


def _slight(words: list[Token]) -> bool:
    """Punctuation and function words only: "an" against "a state of" is words dropped, not a swap."""
    return all(w.key in FUNCTION_WORDS or not any(c.isalnum() for c in w.key) for w in words)


def _one_sided(kind: str, words: list[Token]) -> str:
    return "typography" if _punctuation(words) else kind


def _span(article: str, text: str, words: list[Token]) -> TextSpan:
    start, end = words[0].start, words[-1].end
    return TextSpan(article, text[start:end], start, end)


def _opcodes(left: list[Token], right: list[Token]) -> list[tuple[str, int, int, int, int]]:
    matcher = SequenceMatcher(None, [t.key for t in left], [t.key for t in right], autojunk=False)
    return [(str(op), i1, i2, j1, j2) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def same_words(
    a: Article, a_ids: tuple[str, ...], b: Article, b_ids: tuple[str, ...]
) -> list[tuple[Token, Token]]:
    """Return the pairs of words the two versions share, as the differences see them."""
    left, right = tokens(a, a_ids), tokens(b, b_ids)
    return [
        (left[i1 + n], right[j1 + n])
        for op, i1, i2, j1, _j2 in _opcodes(left, right)
        if op == "equal"
        for n in range(i2 - i1)
    ]


def differences(
    a: Article, a_ids: tuple[str, ...], b: Article, b_ids: tuple[str, ...]
) -> list[tuple[str, TextSpan | None, TextSpan | None]]:
    """Return the named differences from account `a`'s sentences to account `b`'s, in reading order."""
    left, right = tokens(a, a_ids), tokens(b, b_ids)
    found: list[tuple[str, TextSpan | None, TextSpan | None]] = []
    for op, i1, i2, j1, j2 in _opcodes(left, right):
        if op == "equal":
            # Same word, written otherwise: quotes, dashes, case.
            for x, y in zip(left[i1:i2], right[j1:j2], strict=True):
                if x.text != y.text:
                    found.append(("typography", _span(a.id, a.text, [x]), _span(b.id, b.text, [y])))
        elif op == "replace" and (
            _slight(left[i1:i2]) != _slight(right[j1:j2])
            or (_punctuation(left[i1:i2]) != _punctuation(right[j1:j2]))
        ):
            # One side is only small words or punctuation: words dropped and added, not a swap of terms.
            found.append((_one_sided("dropped", left[i1:i2]), _span(a.id, a.text, left[i1:i2]), None))
            found.append((_one_sided("added", right[j1:j2]), None, _span(b.id, b.text, right[j1:j2])))
        elif op == "replace":
            kind = classify(left[i1:i2], right[j1:j2])
            found.append((kind, _span(a.id, a.text, left[i1:i2]), _span(b.id, b.text, right[j1:j2])))
        elif op == "delete":
            found.append((_one_sided("dropped", left[i1:i2]), _span(a.id, a.text, left[i1:i2]), None))
        else:
            found.append((_one_sided("added", right[j1:j2]), None, _span(b.id, b.text, right[j1:j2])))
    return found
