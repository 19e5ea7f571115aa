"""Times, places, people and organisations found, against ECB+'s gold mentions (annotated sentences only)."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

from builder.config import Config
from builder.facts.stage import article_facts
from builder.gazetteer import Gazetteer
from builder.ingest import ingest
from builder.model import Corpus

GOLD_KINDS = {
    "TIME_DATE": "time",
    "TIME_OF_THE_DAY": "time",
    "TIME_DURATION": "time",
    "LOC_GEO": "place",
    "LOC_FAC": "place",
    "LOC_OTHER": "place",
    "HUMAN_PART_PER": "person",
    "HUMAN_PART_ORG": "organization",
}
OUR_KINDS = {"date": "time", "time": "time", "duration": "time", "place": "place"}
OUR_KINDS |= {"person": "person", "organization": "organization"}


PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def ecbplus_mentions(data: Path) -> list[tuple[str, str]]:
    """Precision over annotated sentences and recall of distinct gold mentions per article; a match overlaps.

    Gold people include pronouns and common nouns ("he", "the actress"), which Parallax does not extract as
    names: recall is also given against the gold mentions that are capitalised (named).
    """
    folder = data / "ecbplus"
    annotated = set()
    with (folder / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as listing:
        for row in csv.DictReader(listing):
            annotated.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    gold: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for line in (folder / "gold_mentions.jsonl").read_text(encoding="utf-8").splitlines():
        mention = json.loads(line)
        kind = GOLD_KINDS.get(mention["type"])
        if kind:
            gold[mention["file"].removesuffix(".txt")].append(
                (mention["start"], mention["end"], kind, mention["text"])
            )
    corpus = ingest(Corpus(), Config(seeds_dir=folder / "articles", cache_dir=None))
    gazetteer = Gazetteer.shared()
    kinds = ["time", "place", "person", "organization"]
    hit_p = dict.fromkeys(kinds, 0)
    all_p = dict.fromkeys(kinds, 0)
    hit_r = dict.fromkeys(kinds, 0)
    all_r = dict.fromkeys(kinds, 0)
    named_hit = named_all = 0
    for article in corpus.articles:
        found = [
            (f.start, f.end, OUR_KINDS[f.kind])
            for f in article_facts(article, gazetteer)
            if f.kind in OUR_KINDS and (article.id, _line(article.text, f.start)) in annotated
        ]
        marks = gold.get(article.id, [])
        for start, end, kind in found:
            all_p[kind] += 1
            hit_p[kind] += any(k == kind and s < end and start < e for s, e, k, _t in marks)
        # Parallax states each name once per article (its first mention): recall counts distinct names.
        entities: dict[tuple[str, str], bool] = {}
        named: set[tuple[str, str]] = set()
        for start, end, kind, text in marks:
            hit = any(k == kind and s < end and start < e for s, e, k in found)
            entities[kind, text.lower()] = entities.get((kind, text.lower()), False) or hit
            if (
                kind == "person"
                and text[:1].isupper()
                and text.lower() not in {"he", "she", "they", "i", "we"}
            ):
                named.add((kind, text.lower()))
        for (kind, text), hit in entities.items():
            all_r[kind] += 1
            hit_r[kind] += hit
            if (kind, text) in named:
                named_all += 1
                named_hit += hit
    rows = []
    for kind in kinds:
        precision = hit_p[kind] / max(1, all_p[kind])
        recall = hit_r[kind] / max(1, all_r[kind])
        rows.append((f"ECB+ {kind} mentions", f"P {precision:.3f}  R {recall:.3f}  ({all_r[kind]} gold)"))
    rows.append(("ECB+ named people, recall", f"{named_hit / max(1, named_all):.3f}  ({named_all} gold)"))
    return rows
