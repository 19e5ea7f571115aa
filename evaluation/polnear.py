"""Score the quote extractor on PolNeAR's test split: attributed content spans and their sources.

A predicted quote matches a gold attribution when it covers at least half of the gold content's characters;
matching is one-to-one, best coverage first. A direct quote that runs over several sentences is one gold
attribution, and so is a statement split around its cue in one sentence (`Nobody got kissed, Gilberthorpe
said, but Leeds was ...`): consecutive predicted quotes with the same source mention and cue are scored as
one.

Sources are compared on matched pairs: right when either contains the other (whole words, case-insensitive),
or both end in one surname ("Mr. Sharpton", "Al Sharpton"), after resolving pronouns on both sides. Ours are
resolved by the extractor. A gold personal pronoun (`he`, `they`) is resolved to the nearest preceding gold
source in the article that is a name (has a capital letter and is not a pronoun); a gold relative pronoun
(`who`, `which`) to the words just before it in the text (ours is right when it is among the 80 characters
before).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from builder.config import Config
from builder.facts.quotes import extract
from builder.ingest import ingest
from builder.ingest.normalize import comparison_key
from builder.model import Corpus, Fact

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "his", "them", "their", "its", "us"}
RELATIVES = {"who", "which", "that", "whom", "whose"}
Segments = list[tuple[int, int]]


def polnear_attributions(data: Path) -> list[tuple[str, str]]:
    """Score content spans (P, R, F1) and sources of matched spans on the PolNeAR test split."""
    folder = data / "polnear_test"
    gold_files = json.loads((folder / "attributions.json").read_text(encoding="utf-8"))
    corpus = ingest(Corpus(), Config(seeds_dir=folder / "articles", cache_dir=None))
    predicted_total = gold_total = matched_total = sourced = right = 0
    for article in corpus.articles:
        gold = gold_files.get(f"{article.id}.txt", {}).get("attributions", [])
        predicted = _merged([f for f in extract(article) if f.kind == "quote"])
        pairs = _match(predicted, [_segments(g["content"]) for g in gold])
        predicted_total += len(predicted)
        gold_total += len(gold)
        matched_total += len(pairs)
        for p, g in pairs:
            if not gold[g].get("source"):
                continue
            sourced += 1
            right += _same_source(article.text, predicted[p][1], gold[g], gold)
    precision = matched_total / predicted_total if predicted_total else 0.0
    recall = matched_total / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return [
        (
            "PolNeAR quotes: content spans",
            f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  ({matched_total} of {gold_total} gold,"
            f" {predicted_total} predicted; target F1 ≥ 0.70: {'met' if f1 >= 0.70 else 'NOT met'})",
        ),
        (
            "PolNeAR quotes: source of matched",
            f"{right / sourced if sourced else 0.0:.3f} ({right}/{sourced}; surname match counts;"
            f" target ≥ 0.85: {'met' if sourced and right / sourced >= 0.85 else 'NOT met'})",
        ),
    ]


def _segments(part: dict[str, Any]) -> Segments:
    return [(int(s), int(e)) for s, e in part["segments"]]


def _merged(quotes: list[Fact]) -> list[tuple[Segments, Fact]]:
    """Predicted attributions: consecutive quotes of one source mention and cue make one, in segments."""
    merged: list[tuple[Segments, Fact]] = []
    for quote in quotes:
        if merged and _same_mention(merged[-1][1], quote):
            merged[-1][0].append((quote.start, quote.end))
        else:
            merged.append(([(quote.start, quote.end)], quote))
    return merged


def _same_mention(a: Fact, b: Fact) -> bool:
    va, vb = dict(a.value), dict(b.value)
    keys = ("source_start", "source_end", "cue")
    return all(va[k] == vb[k] for k in keys) and (bool(vb["direct"]) or a.sentence == b.sentence)


def _match(predicted: list[tuple[Segments, Fact]], gold: list[Segments]) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted, gold) where the prediction covers at least half the gold, best first."""
    candidates = []
    for p, (segments, _fact) in enumerate(predicted):
        for g, spans in enumerate(gold):
            size = sum(e - s for s, e in spans)
            covered = sum(max(0, min(e, pe) - max(s, ps)) for s, e in spans for ps, pe in segments)
            if size and covered / size >= 0.5:
                candidates.append((-covered / size, p, g))
    pairs, used_p, used_g = [], set(), set()
    for _score, p, g in sorted(candidates):
        if p not in used_p and g not in used_g:
            pairs.append((p, g))
            used_p.add(p)
            used_g.add(g)
    return pairs


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", comparison_key(text))) + " "


def _contains(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa.strip() and wb.strip()) and (wa in wb or wb in wa)


def _gold_names(text: str, item: dict[str, Any], gold: list[dict[str, Any]]) -> list[str]:
    """The gold source as written, and resolved when it is a pronoun."""
    source = item["source"]["text"]
    low = source.lower().strip()
    at = int(item["source"]["segments"][0][0])
    if low in RELATIVES:
        return [source, text[max(0, at - 80) : at]]
    if low not in PRONOUNS:
        return [source]
    earlier = [
        g
        for g in gold
        if g.get("source")
        and int(g["source"]["segments"][0][0]) < at
        and g["source"]["text"].lower().strip() not in PRONOUNS | RELATIVES
        and any(c.isupper() for c in g["source"]["text"])
    ]
    if not earlier:
        return [source]
    nearest = max(earlier, key=lambda g: int(g["source"]["segments"][0][0]))
    return [source, nearest["source"]["text"]]


def _same_source(text: str, quote: Fact, item: dict[str, Any], gold: list[dict[str, Any]]) -> bool:
    values = dict(quote.value)
    ours = [str(values["source"])] + ([str(values["resolved"])] if values["resolved"] else [])
    names = _gold_names(text, item, gold)
    if item["source"]["text"].lower().strip() in RELATIVES:
        return any(_contains(o, names[0]) or _words(o).strip() in _words(names[1]) for o in ours)
    return any(_contains(o, n) or _same_surname(o, n) for o in ours for n in names)


_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sen|rep|gov|gen|president|senator)\.?\s+", re.IGNORECASE)


def _same_surname(a: str, b: str) -> bool:
    """ "Mr. Sharpton" and "Al Sharpton": one person, named by title and surname or in full."""
    names = []
    for side in (a, b):
        words = re.findall(r"[A-Z][\w'’-]+", _HONORIFIC.sub("", side.split(",")[0].strip()))
        names.append(words)
    return bool(names[0] and names[1]) and names[0][-1] == names[1][-1]
