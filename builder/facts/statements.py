"""Find attributions inside sentences: content, source and cue offsets, by transparent rules.

The rules, in order, for one sentence:
1. `according to X, CONTENT` and `CONTENT, according to X`.
2. A cue verb (cues.SPEECH) outside quotation marks, with its source found around it:
   * post-posed: `CONTENT, X said.` / `"CONTENT," said X.` (the cue ends the clause);
   * pre-posed: `X said (that) CONTENT`, `X told reporters CONTENT`, `X said: "CONTENT"`;
   * a participle or a second verb (`..., adding that CONTENT`, `... and said CONTENT`) takes the source of
     the attribution before it in the sentence, else the sentence's subject;
   * `residents who said CONTENT`: the source is `who`, resolved later to the words before it.
3. `Name, descriptor: CONTENT` (panels of pundits, transcripts).
Across sentences: a quotation that closes in an attributed sentence is followed back to where it opens, and a
sentence that is only a quotation, right after a direct quote, continues it (same source).
Short quotations inside a statement (scare quotes) are part of it, never statements of their own.
A cue after `the`, `his`, a possessive (`Editor's note`) is a noun, a passive cue (`were reported`) names no
source, and a capitalised cue inside a sentence is part of a name (`the State Department`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.facts import cues
from builder.model import Article, Sentence

OPEN = '“"‘«'
CLOSE = '”"’»'
_QUOTE = re.compile(r"“[^“”]*(?:”|$)|\"[^\"]*(?:\"|$)|''.*?(?:''|$)|«[^«»]*(?:»|$)|‘[^‘’]*’(?!\w)")
_WORD = re.compile(r"[\w][\w.'’&-]*|[,;:()“”\"—–]")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_THAT = re.compile(r"^(?:\s+[\w.’'-]+){0,6}?\s+(?=that\b)")
_TOLD_OBJECT = re.compile(
    r"^\s+(?:(?:the\s+)?(?:[A-Z][\w.’'&-]*\s*)+(?:\s*\([^)]*\))?|reporters|journalists|the press|"
    r"him|her|them|us|me|you|lawmakers|supporters|donors|voters|(?:a|an|the|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?)"
    r"(?:\s+(?:on|in|at|during|last|this|earlier|late|early|after|before|by)\b[^,“\"’:]{0,40}?)?"
    r"(?=\s*[,:]?\s*(?:that\b|[“\"]|[A-Za-z]))"
)
_OBJECT = (
    r"(?:\s+(?:reporters|journalists|the press|him|her|them|us|me|"
    r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:\s*\([^)]*\))?|"
    r"(?:a|an|the|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?))"
)
"""Whom a statement was made to: `told reporters`, `told the Agence France-Presse (AFP)`."""
_MODIFIER = re.compile(
    r"^" + _OBJECT + r"?"
    r"(?:\s+(?:on|in|at|during|late|early|last|this|to|after|before|earlier|later|yesterday|today|"
    r"in an? \w+|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,“\":]{0,50}?)?"
    r"\s*[,:]\s*(?=[“\"])"
)
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
_TAIL = re.compile(
    _OBJECT + r"?"
    r"(?:\s+(?:on|in|at|to|of|about|during|after|before|from|with|by|late|early|last|this|earlier|later|today|"
    r"yesterday|tonight|recently|afterwards?|then|again|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b[^,;“\"]{0,80}?)?\s*(?=[,;]|[.?!]?[”\"’]?\s*$|\s[—–]|\s\()"
)
"""What may follow a cue that ends a clause: `, he said on Monday.`, `, she told reporters.`"""
_COLON = re.compile(
    r"\s*[“\"]?((?:(?:[A-Z][\w.'’-]*|de|al-\w+|bin|van)\s*){1,5}(?:,\s+(?:[A-Z][\w.'’-]*\s*){1,4})?):\s+(?=\S)"
)
_NOT_SPEAKERS = {
    "Update",
    "Note",
    "Editor's",
    "Editor’s",
    "Photo",
    "Related",
    "Watch",
    "Read",
    "Correction",
    "Clarification",
    "Disclosure",
    "Reporting",
    "Editing",
    "Caption",
    "Q",
    "A",
    "Source",
    "Sources",
    "Warning",
    "Breaking",
    "Video",
    "Listen",
    "Opinion",
    "Analysis",
    "Advertisement",
    "Image",
}
_TAKES_INFINITIVE = {
    "asked",
    "urged",
    "promised",
    "pledged",
    "vowed",
    "agreed",
    "threatened",
    "hoped",
    "expected",
}
"""Cues whose statement may be an infinitive: `vowed to fight on`."""
_PAST = {"said", "told", "wrote", "written", "thought", "found", "shown", "dubbed", "quipped"}
_PARTICIPLE_LEAD = re.compile(r"(?:,|\band|\bbut|\bwhile|\bbefore|\bafter)\s*$")


@dataclass(frozen=True)
class Found:
    """One attribution in a sentence, before it is made a fact: offsets relative to the sentence."""

    start: int
    end: int
    cue: str
    direct: bool
    source: tuple[int, int] | None
    """Source offsets in the article's text (it may be in an earlier sentence), when found."""
    postposed: bool = False


def _quoted(text: str) -> list[tuple[int, int]]:
    """Quotations in the sentence: (start, end) including their marks; an unclosed one runs to the end."""
    spans = []
    for match in _QUOTE.finditer(text):
        if match.group().startswith("‘") and len(match.group().split()) < 3:
            continue
        spans.append((match.start(), match.end()))
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < position < e for s, e in spans)


def attributions(sentence: Sentence) -> list[Found]:
    text, base = sentence.text, sentence.start
    quoted = _quoted(text)
    found: list[Found] = []
    for match in _ACCORDING.finditer(text):
        if not _inside(match.start(), quoted):
            found.extend(_according(text, base, match))
    for match in _WORD.finditer(text):
        word = match.group().rstrip(".")
        cs, ce = match.start(), match.start() + len(word)
        if word.lower() not in cues.SPEECH or _inside(cs, quoted) or _passive(text, cs):
            continue
        if not word.endswith("ed") and word not in _PAST and _noun_use(text, cs):
            continue
        if word[0].isupper() and text[:cs].strip(" " + OPEN):
            continue  # a capital inside a sentence makes a name (`the State Department`), not a cue
            continue
        if any(f.source and base + cs < f.source[1] and f.source[0] < base + ce for f in found):
            continue  # the word is part of a source already found (`a source who said`)
        found.extend(_verb(text, base, cs, ce, found))
    return _cut(text, sorted(found, key=lambda f: f.start))


def _according(text: str, base: int, match: re.Match[str]) -> list[Found]:
    rest = text[match.end() :]
    stop = re.search(r",|;|\s[—–]\s|[.?!]?$", rest)
    source_end = match.end() + (stop.start() if stop else len(rest))
    source = (base + match.end(), base + source_end)
    before = text[: match.start()].rstrip(" ,—–")
    after_start = source_end + 1 if source_end < len(text) and text[source_end] == "," else source_end
    after = text[after_start:].strip()
    if len(before.split()) >= len(after.split()):
        return [Found(0, len(before), "according to", False, source, postposed=True)]
    return [Found(after_start, len(text), "according to", False, source)]


def _verb(text: str, base: int, cs: int, ce: int, found: list[Found]) -> list[Found]:
    item = _one_verb(text, base, cs, ce, found)
    if item is None:
        return []
    if not item.postposed or item.source is None:
        return [item]
    # `"A," Schiff said, "B."` and `Fraudsters, he said, don't last long.`: the statement goes on.
    after_source = max(ce, item.source[1] - base)
    tail = _TAIL.match(text, after_source)
    rest = text[tail.end() :] if tail else ""
    if rest.startswith(",") and not re.match(
        r",\s*(?:\w+ing|who|which|but|and|while|as|before|after)\b", rest
    ):
        start = tail.end() if tail else len(text)
        start += len(rest) - len(rest.lstrip(" ,"))
        if len(text[start:].split()) >= 3:
            second = Found(start, len(text), item.cue, _is_direct(text, start, len(text)), item.source)
            if not item.direct and len(text[item.start : item.end].split()) < 4:
                return [second]  # `Earlier that day, she said, ...`: the words before are not the statement
            return [item, second]
    return [item]


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


def _passive(text: str, cue_start: int) -> bool:
    """`casualties were reported`: a passive cue names no source."""
    before = re.findall(r"[\w']+", text[:cue_start].lower())[-3:]
    be = {"is", "are", "was", "were", "be", "been", "being"}
    while before and before[-1] in cues.AUXILIARIES - be:
        before.pop()
    return bool(before) and before[-1] in be


def _one_verb(text: str, base: int, cs: int, ce: int, found: list[Found]) -> Found | None:
    cue_word = text[cs:ce].lower()
    participle = cue_word in cues.PARTICIPLES and text[:cs].rstrip().endswith(",")
    left = None if participle else _source_before(text, cs)
    after = text[ce:]
    if left is not None:
        ls, le, lead = left
        cue = text[le:ce].split(",")[-1].strip()
        before = text[:ls].rstrip()
        short_tail = _TAIL.match(after) is not None
        if before.endswith(tuple(",—–" + CLOSE)) and len(before.split()) >= 1 and short_tail:
            content_end = len(before.rstrip(",—– "))
            if before.endswith(tuple(CLOSE)):
                content_end = len(before)
            start = _clause_start(text, content_end, found)
            direct = _is_direct(text, start, content_end)
            return Found(start, content_end, cue, direct, (base + ls, base + le), postposed=True)
        if text[ls:le].lower() in cues.RELATIVES:
            return _preposed(text, base, ce, cue_word, cue, (base + ls, base + le))
        if lead in {"and", "but"} and found and found[-1].source:
            return _preposed(text, base, ce, cue_word, cue, found[-1].source)
        return _preposed(text, base, ce, cue_word, cue, (base + ls, base + le))
    head = text[:cs].rstrip()
    if head.endswith(tuple("," + CLOSE)) and len(head.split()) >= 2 and cue_word not in cues.PARTICIPLES:
        # Inverted: `"...," said an official who declined to be named.`
        stop = re.search(
            r",\s+(?:adding|saying|noting|who\s+added)\b|,\s*(?=[“\"])|[“\"]|[.?!]?[”\"’]?\s*$", after
        )
        source_end = ce + (stop.start() if stop else len(after))
        span = text[ce:source_end]
        if (
            span.split()
            and (stop is None or stop.group().startswith(",") or not stop.group().strip(" .?!"))
            and (len(span.split()) <= 25 and _looks_like_source(re.findall(r"[\w][\w.'’-]*", span)))
        ):
            lead_space = len(span) - len(span.lstrip())
            content_end = len(head.rstrip(", ")) if not head.endswith(tuple(CLOSE)) else len(head)
            start = _clause_start(text, content_end, found)
            source = (base + ce + lead_space, base + source_end)
            return Found(start, content_end, cue_word, _is_direct(text, start, content_end), source, True)
        return None
    if _PARTICIPLE_LEAD.search(head) and (cue_word in cues.PARTICIPLES or head.endswith(("and", "but"))):
        earlier = found[-1].source if found else subject(text, base)
        if earlier is None:
            return None
        source = earlier
        return _preposed(text, base, ce, cue_word, text[cs:ce], source)
    return None


def _preposed(
    text: str, base: int, ce: int, cue_word: str, cue: str, source: tuple[int, int]
) -> Found | None:
    after = text[ce:]
    that = _THAT.match(after)
    start: int | None = None
    if that and not re.search(r"[,“\"]", that.group()):
        start = ce + that.end()
    elif cue_word in {
        "told",
        "tell",
        "tells",
        "telling",
        "asked",
        "asks",
        "ask",
        "urged",
        "warned",
        "assured",
    }:
        obj = _TOLD_OBJECT.match(after)
        if obj:
            start = ce + obj.end()
    if start is None:
        modifier = _MODIFIER.match(after)
        start = ce + (modifier.end() if modifier else 0)
    rest = text[start:]
    start += len(rest) - len(rest.lstrip(" ,:"))
    if start >= len(text):
        return None
    content = text[start:]
    if cue_word in cues.NEEDS_THAT and not re.match(r"(?:that\b|[“\"])", content):
        return None
    if re.match(r"(?:to|for|about|by|with|of|on|up|out|in)\b", content) and cue_word not in _TAKES_INFINITIVE:
        return None  # `asked for`, `called on`, `said to be`: not a statement
    direct = _is_direct(text, start, len(text))
    return Found(start, len(text), cue, direct, source)


def _source_before(text: str, cue_start: int) -> tuple[int, int, str] | None:
    """The source written just before a cue verb: (start, end, the word or mark before it), or None."""
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, 0, cue_start)]
    while (tokens and tokens[-1][2].lower() in cues.AUXILIARIES) or (
        tokens and re.fullmatch(r"[a-z]+ly", tokens[-1][2])
    ):
        tokens.pop()
    comma = bool(tokens) and tokens[-1][2] == ","
    if comma:
        tokens.pop()
    if not tokens:
        return None
    end = tokens[-1][1]
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
    if not _looks_like_source([w[2] for w in words]):
        return None
    return words[0][0], end, lead


def _looks_like_source(words: list[str]) -> bool:
    first = words[0]
    low = [w.lower() for w in words]
    if not (
        first[:1].isupper()
        or low[0] in cues.DETERMINERS
        or low[0] in cues.PRONOUNS
        or low[0] in cues.PEOPLE_NOUNS
        or low[0] in cues.WITNESS_NOUNS
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
        if word in cues.VERBISH or word.endswith("n't"):
            return False
    return True


def _clause_start(text: str, end: int, found: list[Found]) -> int:
    """Where post-posed content starts: after the previous attribution in the sentence, else the start."""
    start = 0
    for item in found:
        if item.end <= end:
            start = max(start, item.end)
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip(" ,;:"))


def _is_direct(text: str, start: int, end: int) -> bool:
    piece = text[start:end].strip().rstrip(".")
    return (
        bool(piece)
        and (piece[0] in OPEN or piece.startswith("''"))
        and (piece.rstrip(",.?!")[-1:] in CLOSE or piece[-1] in CLOSE)
    )


def _cut(text: str, found: list[Found]) -> list[Found]:
    """End pre-posed content where the next attribution in the sentence begins (`..., adding that ...`)."""
    cut = []
    for index, item in enumerate(found):
        end = item.end
        for later in found[index + 1 :]:
            if not item.postposed and item.start < later.start < end and not later.postposed:
                cue_at = text.rfind(later.cue.split()[-1], item.start, later.start)
                lead = text[:cue_at].rstrip()
                if cue_at > 0 and re.search(r"(?:,|\band|\bbut)$", lead) and later.source == item.source:
                    end = len(re.sub(r"(?:,|\s+and|\s+but)$", "", lead))
        if end > item.start:
            cut.append(Found(item.start, end, item.cue, item.direct, item.source, item.postposed))
    return cut


def subject(text: str, base: int) -> tuple[int, int] | None:
    match = re.match(r"\s*(?:(?:But|And|Still|Meanwhile|However|Later|Earlier),?\s+)?", text)
    if re.match(
        r"(?:In|On|At|For|With|From|By|After|During|Before|Since|As|When|While|If|Although)\b",
        text[match.end() if match else 0 :],
    ):
        return None
    start = match.end() if match else 0
    name = re.match(
        r"(?:He|She|They|It|We|I)\b|(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}",
        text[start:],
    )
    if not name:
        return None
    return base + start, base + start + len(name.group())


def continuation(article: Article, index: int, previous: Found) -> list[Found]:
    """A sentence that is a quotation only, after a direct quote: the same speaker goes on."""
    sentence = article.sentences[index]
    text = sentence.text.strip()
    prior = article.sentences[index - 1]
    if sentence.paragraph - prior.paragraph > 1 or not text:
        return []
    opens_quote = text[0] in OPEN or text.startswith("''")
    prior_marks = _quote_marks(prior.text)
    still_open = bool(prior_marks) and prior_marks[-1][1]
    if not (opens_quote or still_open):
        return []
    if opens_quote and sentence.paragraph != prior.paragraph and not still_open:
        return []
    lead = len(sentence.text) - len(sentence.text.lstrip())
    return [Found(lead, len(sentence.text), previous.cue, True, previous.source)]


def _quote_marks(text: str) -> list[tuple[int, bool]]:
    """Quotation marks in order: (offset, opens); a straight mark opens after a space or at the start."""
    marks = []
    for match in re.finditer(r"''|[“”\"«»]", text):
        char, at = match.group(), match.start()
        if char in "“«":
            marks.append((at, True))
        elif char in "”»":
            marks.append((at, False))
        else:
            before = text[at - 1] if at else " "
            after = text[match.end() : match.end() + 1]
            marks.append((at, (before.isspace() or before in "([—–") and after[:1] != " " and after != ""))
    return marks


def closes_earlier_quote(text: str, item: Found) -> bool:
    """The content ends a quotation opened in an earlier sentence: its first mark closes."""
    marks = [opens for at, opens in _quote_marks(text) if item.start <= at < item.end + 2]
    return bool(marks) and not marks[0]


def quote_opening(article: Article, index: int, item: Found) -> list[tuple[Sentence, Found]]:
    """The earlier sentences of a quotation that closes in sentence `index`, back to where it opens."""
    here = article.sentences[index]
    earlier: list[tuple[Sentence, Found]] = []
    for back in range(index - 1, max(-1, index - 8), -1):
        sentence = article.sentences[back]
        if sentence.paragraph != here.paragraph:
            return []
        marks = _quote_marks(sentence.text)
        if attributions(sentence) and not (marks and marks[-1][1]):
            return []
        lead = len(sentence.text) - len(sentence.text.lstrip())
        opening = [at for at, opens in marks if opens]
        start = opening[-1] if marks and marks[-1][1] else lead
        earlier.insert(0, (sentence, Found(start, len(sentence.text), item.cue, True, item.source)))
        if marks and marks[-1][1]:
            return earlier
    return []


def colon(sentence: Sentence) -> list[Found]:
    """`Howard Kurtz, Fox News: "..."` and transcripts (`MS. CLINTON: ...`): the name before the colon."""
    match = _COLON.match(sentence.text)
    if not match or match.group(1).split()[0].rstrip(":") in _NOT_SPEAKERS:
        return []
    source = (sentence.start + match.start(1), sentence.start + match.end(1))
    start = match.end()
    return [
        Found(start, len(sentence.text), ":", _is_direct(sentence.text, start, len(sentence.text)), source)
    ]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip(" ,;:—–"))
    piece = text[start:end].rstrip()
    if piece.endswith((".", "!", "?")) and not piece.endswith(("...", "U.S.", "Jr.", "Inc.")):
        piece = piece[:-1]
    piece = piece.rstrip(" ,;:—–")
    return start, start + len(piece)
