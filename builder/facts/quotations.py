"""Quotations across sentences: one that closes in an attributed sentence, one that goes on after it."""

from __future__ import annotations

import re

from builder.facts.marks import CLOSING, OPEN, quote_marks
from builder.facts.statements import DASH_CREDIT, Found, attributions
from builder.model import Article, Sentence
from builder.vocabulary import verbs

_SOURCE_CUE = re.compile(
    r"\s*((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}))"
    r"\s+(?:(?:also|then|later|again)\s+)?([a-z]+)\b(?=\s*(?:[,.]|$|\s(?:on|in|at|during|to|after)\b))"
)
"""A sentence that opens with a source and its cue and says nothing else: `Mr. Lee said, smiling.`"""
_DASH_SOURCE = re.compile(rf"\s*{DASH_CREDIT}")
"""A credit after a dash, alone on its line (the splitter ends the quotation's sentence before it)."""


def continuation(article: Article, index: int, previous: Found, still_open: bool) -> list[Found]:
    """A sentence that is only a quotation, after a direct quote or inside one left open: the speaker goes on.

    `still_open`: a quotation opened before this sentence has not closed yet (`"A. B. C," she said` over
    three sentences, or a quoted paragraph with no closing mark, as the next paragraph reopens it).
    """
    sentence = article.sentences[index]
    text = sentence.text.strip()
    prior = article.sentences[index - 1]
    if sentence.paragraph - prior.paragraph > 1 or not text:
        return []
    opens_quote = text[0] in OPEN or text.startswith("''")
    if sentence.paragraph != prior.paragraph and not opens_quote:
        return []
    if not (opens_quote or still_open):
        return []
    lead = len(sentence.text) - len(sentence.text.lstrip())
    return [Found(lead, len(sentence.text), previous.cue, True, previous.source)]


def closes_earlier_quote(text: str, item: Found) -> bool:
    """The content ends a quotation opened in an earlier sentence: its first mark closes."""
    marks = [opens for at, opens in quote_marks(text) if item.start <= at < item.end + 2]
    return bool(marks) and not marks[0]


def quote_opening(article: Article, index: int, item: Found) -> list[tuple[Sentence, Found]]:
    """The earlier sentences of a quotation that closes in sentence `index`, back to where it opens."""
    here = article.sentences[index]
    earlier: list[tuple[Sentence, Found]] = []
    for back in range(index - 1, max(-1, index - 8), -1):
        sentence = article.sentences[back]
        if sentence.paragraph != here.paragraph:
            return []
        marks = quote_marks(sentence.text)
        if attributions(sentence) and not (marks and marks[-1][1]):
            return []
        lead = len(sentence.text) - len(sentence.text.lstrip())
        opening = [at for at, opens in marks if opens]
        start = opening[-1] if marks and marks[-1][1] else lead
        earlier.insert(0, (sentence, Found(start, len(sentence.text), item.cue, True, item.source)))
        if marks and marks[-1][1]:
            return earlier
    return []


def said_after(article: Article, index: int) -> tuple[Sentence, Found] | None:
    """`"Why was the money idle?" Mr. Lee said.`, split after the question mark: the quotation is his; so is
    a quotation credited on the next line after a dash (`― Jane Roe`)."""
    sentence = article.sentences[index]
    if index == 0:
        return None
    prior = article.sentences[index - 1]
    match = _SOURCE_CUE.match(sentence.text)
    dash = _DASH_SOURCE.match(sentence.text) if match is None else None
    cue = match.group(2) if match else "―"
    quotation = prior.text.strip()
    if (
        (match is None and dash is None)
        or (match is not None and match.group(2) not in verbs.SPEECH)
        or sentence.paragraph - prior.paragraph > 1
        or not quotation
        or not (quotation[0] in OPEN or quotation.startswith("''"))
        or not quotation.endswith(CLOSING)
        or attributions(prior)
    ):
        return None
    if match is not None:
        source = (sentence.start + match.start(1), sentence.start + match.end(1))
    else:
        assert dash is not None
        source = (sentence.start + dash.start("source"), sentence.start + dash.end("source"))
    lead = len(prior.text) - len(prior.text.lstrip())
    return prior, Found(lead, len(prior.text.rstrip()), cue, True, source, postposed=True)


def quoted_before(article: Article, index: int, item: Found, taken: set[int]) -> list[tuple[Sentence, Found]]:
    """`“We will rebuild the bridge.” “It will take two years,” she said.`: whole quotations just before an
    attributed one that opens its sentence, in its paragraph and credited to no one yet, are the speaker's.

    `taken`: ids of the sentences that already hold a statement.
    """
    here = article.sentences[index]
    if not item.direct or here.text[: item.start].strip() or here.text.lstrip()[:1] not in OPEN:
        return []
    earlier: list[tuple[Sentence, Found]] = []
    for back in range(index - 1, max(-1, index - 4), -1):
        sentence = article.sentences[back]
        text = sentence.text.strip()
        if sentence.paragraph != here.paragraph or id(sentence) in taken or not text:
            break
        if text[0] not in OPEN or not text.endswith(CLOSING) or attributions(sentence):
            break
        lead = len(sentence.text) - len(sentence.text.lstrip())
        earlier.insert(0, (sentence, Found(lead, len(sentence.text.rstrip()), item.cue, True, item.source)))
    return earlier
