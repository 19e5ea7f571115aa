"""Run every measurement whose data is present: `python -m evaluation [DATA_DIR]`."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from builder.events.features import profiles
from builder.events.topics import topics
from builder.ingest.sentences import SentenceSplitter
from builder.model import Corpus
from evaluation.basil import basil_annotations
from evaluation.grouping import GoldSet, analysed, cross_validated, file_key, grouping_rows, screened
from evaluation.gvdb import gvdb_killed, quantulum_counts
from evaluation.mentions import ecbplus_mentions
from evaluation.polnear import polnear_attributions
from evaluation.scores import b_cubed


def sentence_rules(data: Path) -> list[tuple[str, str]]:
    """Score sentence segmentation on pySBD's English Golden Rules."""
    cases = json.loads((data / "small_fixtures" / "pysbd_golden_rules_en.json").read_text(encoding="utf-8"))
    splitter = SentenceSplitter()
    failed = []
    for case in cases:
        text = case["text"]
        found = [text[s:e] for s, e in splitter.split(text, 0, len(text))]
        if found != case["sentences"]:
            failed.append(str(case["id"]))
    passed = len(cases) - len(failed)
    return [
        ("sentences: Golden Rules passed", f"{passed}/{len(cases)} (failed: {', '.join(failed) or 'none'})")
    ]


def ecbplus_events(data: Path) -> list[tuple[str, str]]:
    """Score event grouping on ECB+ at event level (beside the baseline, cross-validated) and topic level."""
    folder = data / "ecbplus"
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    corpus = analysed(folder / "articles")
    seconds = time.perf_counter() - start
    rows = [
        (
            "ECB+: articles, events, topics",
            f"{len(corpus.articles)}, {len(corpus.events)}, {len({e.topic for e in corpus.events})}"
            f" in {seconds:.1f} s",
        )
    ]
    events = {name.removesuffix(".txt"): str(label["event_id"]) for name, label in labels.items()}
    gold_topics = {name.removesuffix(".txt"): str(label["topic"]) for name, label in labels.items()}
    rows.extend(grouping_rows("ECB+", folder / "articles", events, target=0.93))
    found = {file_key(a): a.id for a in corpus.articles}
    topic_of = {i: event.topic for event in corpus.events for i in event.article_ids}
    p, r, f = b_cubed({key: topic_of[i] for key, i in found.items()}, gold_topics)
    rows.append(("ECB+ B-cubed, topic level", f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"))
    p, r, f = topics_of_gold_events(corpus, labels)
    rows.append(("ECB+ topic step alone (gold events)", f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"))
    return rows


def basil_events(data: Path) -> list[tuple[str, str]]:
    """Score event grouping on BASIL: three outlets' independent accounts of each of 60 events."""
    labels = json.loads((data / "basil" / "labels.json").read_text(encoding="utf-8"))
    events = {name: str(label["event_id"]) for name, label in labels.items()}
    return grouping_rows("BASIL", data / "basil" / "articles", events, target=0.97)


def grouping_folds(data: Path) -> list[tuple[str, str]]:
    """Cross-validate the event cut over whole held-out ECB+ topics and BASIL events, the sets together."""
    sets = []
    if (data / "ecbplus").is_dir():
        labels = json.loads((data / "ecbplus" / "labels.json").read_text(encoding="utf-8"))
        events = {name.removesuffix(".txt"): str(label["event_id"]) for name, label in labels.items()}
        held = {name.removesuffix(".txt"): str(label["topic"]) for name, label in labels.items()}
        sets.append(GoldSet("ECB+", screened(data / "ecbplus" / "articles"), events, held))
    if (data / "basil").is_dir():
        labels = json.loads((data / "basil" / "labels.json").read_text(encoding="utf-8"))
        events = {name: str(label["event_id"]) for name, label in labels.items()}
        sets.append(GoldSet("BASIL", screened(data / "basil" / "articles"), events, events))
    return cross_validated(sets)


def topics_of_gold_events(corpus: Corpus, labels: dict[str, dict[str, object]]) -> tuple[float, float, float]:
    """Score the topic step by itself: group the gold events into topics, as if grouping were perfect."""
    articles = sorted(corpus.articles, key=lambda a: a.id)
    members: dict[str, list[int]] = defaultdict(list)
    for row, article in enumerate(articles):
        members[str(labels[f"{article.id}.txt"]["event_id"])].append(row)
    events = [members[key] for key in sorted(members)]
    found = {
        f"{articles[row].id}.txt": str(number)
        for number, group in enumerate(topics(profiles(articles).strongest(), events))
        for event in group
        for row in events[event]
    }
    return b_cubed(found, {name: str(label["topic"]) for name, label in labels.items()})


def notes_fired(data: Path) -> list[tuple[str, str]]:
    """How many notes of each kind fire on ECB+ and BASIL: false alarms show as kinds that fire too often."""
    rows = []
    for name, folder in (("ECB+", data / "ecbplus" / "articles"), ("BASIL", data / "basil" / "articles")):
        if not folder.is_dir():
            continue
        corpus = analysed(folder)
        kinds = Counter(note.kind for event in corpus.events for note in event.notes)
        listed = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) or "none"
        rows.append((f"{name} notes fired ({len(corpus.events)} events)", listed))
    return rows


MEASUREMENTS = [
    ("small_fixtures", sentence_rules),
    ("ecbplus", ecbplus_events),
    ("basil", basil_events),
    ("ecbplus", grouping_folds),
    ("ecbplus", notes_fired),
    ("basil", basil_annotations),
    ("ecbplus", ecbplus_mentions),
    ("polnear_test", polnear_attributions),
    ("gvdb_test", gvdb_killed),
    ("small_fixtures", quantulum_counts),
]


def main(argv: list[str]) -> int:
    data = Path(argv[0] if argv else "../shared/eval")
    if not data.is_dir():
        print(
            f"evaluation data not found at '{data}': run `make eval EVAL_DATA=/path/to/eval`",
            file=sys.stderr,
        )
        return 1
    rows: list[tuple[str, str]] = []
    for folder, measure in MEASUREMENTS:
        if (data / folder).is_dir():
            rows.extend(measure(data))
        else:
            rows.append((folder, f"skipped: '{data / folder}' is missing"))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
