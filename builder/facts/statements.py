"""Find attributions inside sentences: content, source and cue offsets, by transparent rules.

The rules, in order, for one sentence:
1. `according to X, CONTENT` and `CONTENT, according to X`.
2. A cue verb (verbs.SPEECH: saying, believing, evidence, stance) used as a verb (usage), outside quotation
   marks, with its source found around it (speakers):
   * post-posed: `CONTENT, X said.` / `"CONTENT," said X, a lawyer.` (the cue ends the clause), unless what
     precedes the source is an opening clause (`While polls tighten, analysts said ...`);
   * pre-posed: `X said (that) CONTENT`, `X told reporters CONTENT`, `X said: "CONTENT"`, `X called for
     CONTENT`; the cue's class decides what may follow it (`found` needs a clause, `called` a quotation);
   * a participle or a second verb (`..., adding that CONTENT`, `... and said CONTENT`) takes the source of
     the attribution before it in the sentence, else the sentence's subject; an inference participle
     (`..., indicating resistance`) is the writer's, unless a clause follows;
   * `residents who said CONTENT`: the source is `who`, resolved later to the words before it.
3. `Name, descriptor: CONTENT` (panels of pundits, transcripts).
Quotations across sentences are followed in quotations, noun cues (`his claim that`) in nouns.
Short quotations inside a statement (scare quotes) are part of it, never statements of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.facts import cues
from builder.facts.marks import CLOSE, CLOSING, OPEN, inside, is_direct, quote_marks, quoted
from builder.facts.speakers import (
    COLON,
    NOT_SPEAKERS,
    WORD,
    looks_like_source,
    source_after,
    source_before,
    subject,
)
from builder.facts.usage import used_as_verb
from builder.model import Sentence
from builder.vocabulary import verbs

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
    r"(?:a|an|the|his|her|their)\s+[\w-]+(?:\s+[\w-]+){0,2}|"
    r"(?:[a-z-]+\s+)?(?:supporters|voters|reporters|crowds|audiences|students|lawmakers|donors|journalists)))"
)
"""Whom a statement was made to: `told reporters`, `told the Agence France-Presse (AFP)`."""
_MODIFIER = re.compile(
    r"^" + _OBJECT + r"?"
    r"(?:\s+(?:on|in|at|during|late|early|last|this|to|after|before|earlier|later|yesterday|today|"
    r"in an? \w+|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,“\":]{0,50}?)?"
    r"\s*[,:]\s*(?=[“\"])"
)
_TAIL_WORDS = (
    r"(?:\s+(?:on|in|at|to|of|about|during|after|before|from|with|by|for|late|early|last|this|earlier|later|"
    r"today|yesterday|tonight|recently|afterwards?|then|again|the other day|the next day|the following \w+|"
    r"[a-z]+ly(?=\s+(?:on|in|at|to|during|after|before|from|with|by|for)\b|\s*[,.;:]|\s*$)|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?:(?!\bthat\b)[^,;“\"]){0,160}?)?\s*(?=[,;]|[.?!]?[”\"’]?\s*$|\s[—–]|\s\()"
)
_TAIL = re.compile(_OBJECT + "?" + _TAIL_WORDS)
_BARE_TAIL = re.compile(_TAIL_WORDS)
"""What may follow a cue that ends a clause: `, he said on Monday.`, `, she told reporters.`; only cues
that take a listener (`told`, `asked`) take an object there: `, analysts said the rally` opens a statement."""
_TAKES_LISTENER = {"told", "tell", "tells", "telling", "asked", "asks", "ask", "urged", "warned", "assured"}
"""Cues with a listener between them and the statement: `told reporters that ...`."""
_SUBORDINATE = re.compile(
    r"(?:(?:And|But|So)\s+)?(?:While|When|Whereas|If|As|Although|Though|Because|Since|After|Before|Once|Until|"
    r"Unless|From where|Asked|Speaking|Pressed|Even as|Even though|At|In|On|During|Following|Amid|Despite|"
    r"Throughout|Under|For|According to|Looking|Writing|Responding|Citing|Addressing|Reflecting)\b"
    r"[^,“\"]*,\s*$"
)
"""An opening clause (`While the polls tighten, analysts said ...`): what comes before the source, not a
statement."""
_NOT_SPEAKERS_LOWER = {w.lower() for w in NOT_SPEAKERS}
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


def attributions(sentence: Sentence, open_quote: bool = False) -> list[Found]:
    """The sentence's attributions; `open_quote`: it starts inside a quotation opened in an earlier one."""
    text, base = sentence.text, sentence.start
    marked = quoted(text)
    if open_quote:
        closing = next((at for at, opens in quote_marks(text) if not opens), len(text))
        marked.append((-1, closing + 1))
    found: list[Found] = []
    for match in _ACCORDING.finditer(text):
        if not inside(match.start(), marked):
            found.extend(_according(text, base, match))
    for match in WORD.finditer(text):
        word = match.group().rstrip(".")
        cs, ce = match.start(), match.start() + len(word)
        if word.lower() not in verbs.SPEECH or inside(cs, marked) or not used_as_verb(text, cs, ce):
            continue
        if any(f.source and base + cs < f.source[1] and f.source[0] < base + ce for f in found):
            continue  # the word is part of a source already found (`a source who said`)
        found.extend(_verb(text, base, cs, ce, found))
    return _cut(text, sorted(found, key=lambda f: f.start), base)


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
    quoting = item.direct or text[item.start : item.end].rstrip(" ,.").endswith(tuple(CLOSE))
    if quoting and not re.match(r",\s*[“\"‘]", rest):
        return [item]  # `"A," he told a gym in Jacksonville, Florida, last week.`: only a quotation goes on
    joined = re.match(r",\s*(?:but|and)\s+(\w+)(?:\s+\S+){2}", rest)
    goes_on = joined is not None and not item.direct and joined[1].lower() not in verbs.SPEECH
    if rest.startswith(",") and (
        goes_on  # `Nobody got kissed, Gilberthorpe said, but Leeds was "very much in your face"`
        or not re.match(
            r",\s*(?:(?:apparently|seemingly|presumably|perhaps|effectively|essentially)\s+)?"
            r"(?:\w+ing|who|which|but|and|while|as|before|after)\b",
            rest,
        )
    ):
        start = tail.end() if tail else len(text)
        start += len(rest) - len(rest.lstrip(" ,"))
        if len(text[start:].split()) >= 3:
            second = Found(start, len(text), item.cue, is_direct(text, start, len(text)), item.source)
            first = text[item.start : item.end]
            if not item.direct and len(first.split()) < 4 and _SETTING.match(first.strip()):
                return [second]  # `Earlier that day, she said, ...`: the words before are not the statement
            return [item, second]
    return [item]


_SETTING = re.compile(
    r"(?:Earlier|Later|Then|Meanwhile|Still|Now|Also|Again|Instead|Yesterday|Today|Tonight|On|In|At|After|"
    r"Before|For|But|And|So|Yet|However|Indeed|Frankly|Privately|Publicly)\b"
)
"""Words that open a setting or a link, not a statement: `Earlier that day, she said, ...`."""


_WITH_SPEAKER = re.compile(r"\bwith\s+(?P<who>(?:[\w.'’-]+\s+){0,5}?[\w.'’-]+)\s+$")
"""An absolute construction's subject: `with analysts saying`, `with spokesman Glen Caplin saying`."""


def _one_verb(text: str, base: int, cs: int, ce: int, found: list[Found]) -> Found | None:
    cue_word = text[cs:ce].lower()
    participle = cue_word in verbs.PARTICIPLES and text[:cs].rstrip().endswith(",")
    absolute = _WITH_SPEAKER.search(text, 0, cs) if cue_word in verbs.PARTICIPLES and not participle else None
    if absolute and looks_like_source(absolute["who"].split()):
        # `with spokesman Glen Caplin saying, "..."`: the noun between `with` and the participle speaks
        source = (base + absolute.start("who"), base + absolute.end("who"))
        return _preposed(text, base, ce, cue_word, text[cs:ce], source)
    left = None if participle else source_before(text, cs)
    opens_sentence = left is not None and not text[: left[0]].strip(" " + OPEN)
    ending = None if opens_sentence else _inverted(text, base, cs, ce, cue_word, found, to_the_end=True)
    if ending is not None:
        # `..., and other donors, said Douglas Brinkley, a history professor.`: inverted. Not when the words
        # before open the sentence: `Michelle Deardorff, a professor, said she understands ...`.
        return ending
    after = text[ce:]
    if left is not None:
        ls, le, lead = left
        cue = text[le:ce].split(",")[-1].strip()
        if re.match(r"(?:on\s+\w+day|last\s+\w+|this\s+\w+|yesterday|today|earlier|in a statement)\b", cue):
            cue = text[
                cs:ce
            ]  # a time between the source and the verb (`on Wednesday denied`): the verb is the cue
        before = text[:ls].rstrip()
        short_tail = (_TAIL if cue_word in _TAKES_LISTENER else _BARE_TAIL).match(after) is not None
        if (
            before.endswith((",", "—", "–", *CLOSING))
            and len(before.split()) >= 1
            and short_tail
            and not _SUBORDINATE.match(before)
            and text[ls:le].lower() not in cues.RELATIVES
        ):
            content_end = len(before.rstrip(",—– "))
            if before.endswith(CLOSING):
                content_end = len(before)
            start = _clause_start(text, content_end, found)
            direct = is_direct(text, start, content_end)
            return Found(start, content_end, cue, direct, (base + ls, base + le), postposed=True)
        if text[ls:le].lower() in cues.RELATIVES:
            return _preposed(text, base, ce, cue_word, cue, (base + ls, base + le))
        if lead in {"and", "but"} and found and found[-1].source and text[ls:le].lower() in cues.PRONOUNS:
            return _preposed(text, base, ce, cue_word, cue, found[-1].source)
        return _preposed(text, base, ce, cue_word, cue, (base + ls, base + le))
    head = text[:cs].rstrip()
    if head.endswith((",", *CLOSING)) and len(head.split()) >= 2 and cue_word not in verbs.PARTICIPLES:
        return _inverted(text, base, cs, ce, cue_word, found)
    if re.search(
        r"\b(?:apparently|seemingly|presumably|perhaps|effectively|essentially|in effect)\s*$", head
    ):
        return None  # `he said, apparently suggesting that ...`: the writer's reading, not a statement
    if _PARTICIPLE_LEAD.search(head) and (cue_word in verbs.PARTICIPLES or head.endswith(("and", "but"))):
        earlier = found[-1].source if found else subject(text, base)
        if earlier is None:
            return None
        source = earlier
        if cue_word in verbs.INFERENCE and not re.match(
            r"\s+(?:that|he|she|they|it|we|I|there)\b|\s*[,:]?\s*[“\"]", text[ce:]
        ):
            return None  # `..., indicating resistance to the raid`: the writer's inference, not a statement
        return _preposed(text, base, ce, cue_word, text[cs:ce], source)
    return None


_INVERTS = frozenset(
    "said says added wrote asked explained noted continued recalled declared insisted remarked replied "
    "observed told warned argued".split()
)
"""Cues that come before their source in news English (`..., said Jane Roe`); `..., critics argue` never
inverts to `argue critics`."""


def _inverted(
    text: str, base: int, cs: int, ce: int, cue_word: str, found: list[Found], to_the_end: bool = False
) -> Found | None:
    """`"...," said an official who declined to be named.`: the statement before the cue, the source after.

    `to_the_end`: only when the source ends the sentence, so that it wins over a noun before the cue
    (`... and other donors, said Douglas Brinkley, a history professor at Rice University.`).
    """
    head = text[:cs].rstrip()
    if not head.endswith((",", *CLOSING)) or len(head.split()) < 2 or cue_word in verbs.PARTICIPLES:
        return None
    if to_the_end and cue_word not in _INVERTS:
        return None
    source = source_after(text, ce)
    if source is None or (to_the_end and text[source[1] :].strip(' .?!"”’')):
        return None
    content_end = len(head.rstrip(", ")) if not head.endswith(CLOSING) else len(head)
    start = _clause_start(text, content_end, found)
    span = (base + source[0], base + source[1])
    return Found(start, content_end, cue_word, is_direct(text, start, content_end), span, True)


_ASIDE_AFTER_CUE = re.compile(
    r",\s*(?:in|on|at|during|after|before|by|via|through|through a|in a|on a)\s+[^,“\"]{2,60},(?=\s*that\b)"
)
"""`said, in an email, that`: a comma-set aside between the cue and its `that` clause."""


def _preposed(
    text: str, base: int, ce: int, cue_word: str, cue: str, source: tuple[int, int]
) -> Found | None:
    after = text[ce:]
    aside = _ASIDE_AFTER_CUE.match(after)
    if aside:  # `Mr. Rogers said, in an email, that ...`: the aside is how, not what
        ce += aside.end()
        after = text[ce:]
    that = _THAT.match(after)
    start: int | None = None
    if that and not re.search(r"[,“\"]", that.group()) and not _names_statement(that.group()):
        start = ce + that.end()
    elif cue_word in _TAKES_LISTENER:
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
    only_setting = _BARE_TAIL.match(" " + content)
    if (
        only_setting
        and only_setting.end() >= len(content.rstrip(" .")) + 1
        and re.match(r"(?:at|on|in|during|after|before|last|this|earlier|later|yesterday|today)\b", content)
        and cue_word in verbs.SPEECH - verbs.PARTICIPLES
        and not verbs.PARTICLES.get(cue_word)
    ):
        return None  # `Lisa Monaco said at a cybersecurity summit Thursday.`: where and when, no statement
    if re.match(r",\s*[a-z]+ing\b", after):
        return None  # `Ms. Lee said, smiling.`: no statement after the cue
    particle = next((p for p in verbs.PARTICLES.get(cue_word, ()) if re.match(rf"{p}\b", content)), None)
    if particle and start == ce + len(after) - len(after.lstrip()):
        start += len(particle)
        start += len(text[start:]) - len(text[start:].lstrip())
        cue = f"{cue} {particle}"
        if (
            particle == "to"
            and cue_word.startswith("refer")
            and not re.search(r"[“\"]|''|\bas\b", text[start:])
        ):
            return None  # `, referring to GOP nominee Donald Trump`: who is meant, not what was said
    elif not _licensed(cue_word, content):
        return None
    if start >= len(text):
        return None
    direct = is_direct(text, start, len(text))
    return Found(start, len(text), cue, direct, source)


def _names_statement(words: str) -> bool:
    """`rejected his claim that`: the clause belongs to the noun; `said in a statement that` to the cue."""
    return bool(re.search(rf"\b(?:{verbs.STATEMENT_NOUNS})\s*$", words)) and not re.match(
        r"\s+(?:in|on|at|during|after|before|by|to|through|via)\b", words
    )


def _licensed(cue_word: str, content: str) -> bool:
    """Whether the words after a cue can be its statement, by the cue's class (see verbs)."""
    if re.match(r"(?:that\b|[“\"]|'')", content):
        return True
    if cue_word in verbs.TAKES_INFINITIVE and re.match(r"to\s+(?!the\b|a\b|an\b|[A-Z])", content):
        return True
    if re.match(r"(?:to|for|about|by|with|of|on|up|out|in|into|off|away|down|from)\b", content):
        return False  # `asked for`, `said to be`, `showed up`: not a statement
    if cue_word in verbs.NEEDS_QUOTE:
        if cue_word.startswith("call") and re.match(
            r"(?:it|him|her|them|this|himself|herself)\s+(?:a|an|the)\b", content
        ):
            return True  # `called it a British-government-sanctioned attempt`, `called him a liar`
        return bool(re.search(r"[“\"]|''", content))
    if cue_word in verbs.NEEDS_CLAUSE:
        return bool(re.match(r"(?:how|why|what|whether|if|when|where|who)\b", content))
    return True


def _clause_start(text: str, end: int, found: list[Found]) -> int:
    """Where post-posed content starts: after the previous attribution in the sentence, else the start."""
    start = 0
    for item in found:
        if item.end <= end:
            start = max(start, item.end)
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip(" ,;:"))


def _cut(text: str, found: list[Found], base: int = 0) -> list[Found]:
    """End pre-posed content where the next attribution in the sentence begins: the same source's next cue
    (`..., adding that ...`), or another source's, after a clause boundary (`that Kennedy made that
    suggestion, but both the FBI and State Department said Monday that ...`)."""
    cut = []
    for index, item in enumerate(found):
        end = item.end
        for later in found[index + 1 :]:
            if not item.postposed and item.start < later.start < end and not later.postposed:
                cue_at = text.rfind(later.cue.split()[-1], item.start, later.start)
                lead = text[:cue_at].rstrip()
                if cue_at > 0 and re.search(r"(?:,|\band|\bbut)$", lead) and later.source == item.source:
                    end = len(re.sub(r"(?:,|\s+and|\s+but)$", "", lead))
                elif later.source and item.start < later.source[0] - base < end:
                    lead = text[: later.source[0] - base].rstrip()
                    if re.search(r"(?:[,;]|,?\s+(?:and|but|while|whereas|though|although))$", lead):
                        end = min(
                            end,
                            len(
                                re.sub(r"(?:[,;]|,?\s+(?:and|but|while|whereas|though|although))$", "", lead)
                            ),
                        )
        if end > item.start:
            cut.append(Found(item.start, end, item.cue, item.direct, item.source, item.postposed))
    return cut


def _label(name: str) -> str:
    """The word that says what a colon's lead is: `EDITOR’S NOTE` -> `EDITOR’S`, `The Latest` -> `Latest`."""
    words = name.split()
    return (words[-1] if words[0] == "The" else words[0]).rstrip(":")


def colon(sentence: Sentence) -> list[Found]:
    """`Howard Kurtz, Fox News: "..."` and transcripts (`MS. CLINTON: ...`): the name before the colon."""
    match = COLON.match(sentence.text)
    if (
        not match
        or match.group(1).split()[-1 if match.group(1).startswith("The ") else 0].rstrip(":").lower()
        in _NOT_SPEAKERS_LOWER
    ):
        return []
    source = (sentence.start + match.start(1), sentence.start + match.end(1))
    start = match.end()
    return [
        Found(start, len(sentence.text), ":", is_direct(sentence.text, start, len(sentence.text)), source)
    ]


DASH_CREDIT = (
    r"[―—–]{1,2}\s*(?P<source>(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,4}(?:,\s+[^,“”\"]{3,100})?)\s*\.?$"
)
"""A credit after a dash, to the end of the line: `― Jane Roe, chief analyst at the Harbor Institute`."""
_DASH_CREDIT = re.compile(rf"^\s*(?P<quote>[“\"”].{{8,}}[”\"])\s*{DASH_CREDIT}")
"""`"We will win this." ― Jane Roe`: a quotation credited after a dash, as epigraphs and pull quotes are."""


def dash_credit(sentence: Sentence) -> list[Found]:
    """The quotation and the name after the dash that credits it."""
    match = _DASH_CREDIT.match(sentence.text)
    if not match or match.group("source").split()[0].rstrip(",").lower() in _NOT_SPEAKERS_LOWER:
        return []
    source = (sentence.start + match.start("source"), sentence.start + match.end("source"))
    return [Found(match.start("quote"), match.end("quote"), "―", True, source, postposed=True)]
