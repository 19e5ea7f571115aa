"""Measure the counts extractor: killed per article on GVDB, count-like quantities of quantulum3."""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from builder.config import Config
from builder.facts.counts import article_total, extract
from builder.facts.numbers import amounts
from builder.ingest import ingest
from builder.model import Article, Corpus


def _gold_count(annotations: list[str], outcome: str) -> int:
    """Return the number of victims marked `killed` (or `injured`), agreed over an article's Worker rows.

    The README leaves several rows for one article unexplained: they are independent workers'
    annotations of the same text, so the count most workers give wins, the smaller on a tie
    (a victim some workers missed is likelier than one they invented).
    """
    counts = []
    for annotation in annotations:
        victims = json.loads(annotation).get("victim-section") or []
        counts.append(sum(outcome in (v.get("victim-was") or []) for v in victims))
    ranked = Counter(counts).most_common()
    top = ranked[0][1]
    return min(count for count, times in ranked if times == top)


def read_gvdb(data: Path, outcome: str = "killed") -> tuple[dict[str, str], dict[str, int]]:
    """Return ({article id: plain-text file}, {article id: victims killed or injured}) of GVDB test."""
    csv.field_size_limit(sys.maxsize)
    texts: dict[str, str] = {}
    annotations: dict[str, list[str]] = {}
    with (data / "gvdb_test" / "test.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            article_id, title, text = row["Article id"], row["Article title"].strip(), row["Full text"]
            # The full text starts with the title glued to the body: a headline line restores the file.
            if title and text.startswith(title):
                text = f"{title}\n\n{text[len(title) :].lstrip()}"
            texts[article_id] = text
            annotations.setdefault(article_id, []).append(row["Json"])
    return texts, {article_id: _gold_count(rows, outcome) for article_id, rows in annotations.items()}


def _articles(texts: dict[str, str]) -> dict[str, Article]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "gvdb"
        root.mkdir()
        for article_id, text in texts.items():
            (root / f"{article_id}.txt").write_text(text, encoding="utf-8")
        corpus = ingest(Corpus(), Config(seeds_dir=root, cache_dir=None))
    return {article.id: article for article in corpus.articles}


def predicted(article: Article, kind: str = "killed") -> int:
    """Return the article's killed (or injured) figure: its best total's minimum (or maximum), 0 if none."""
    total = article_total(extract(article), kind)
    if total is None:
        return 0
    low, high = total
    return low if low is not None else high or 0


def gvdb_killed(data: Path) -> list[tuple[str, str]]:
    """Score killed and injured per article on the GVDB test split: exact match, with always-0 beside."""
    rows = []
    articles: dict[str, Article] = {}
    for kind, target in (("killed", 0.83), ("injured", 0.70)):
        texts, gold = read_gvdb(data, kind)
        articles = articles or _articles(texts)
        hits = sum(predicted(articles[a], kind) == n if a in articles else n == 0 for a, n in gold.items())
        zero = sum(n == 0 for n in gold.values())
        total = len(gold)
        met = "met" if hits / total >= target else "NOT met"
        rows.append(
            (
                f"GVDB {kind} per article, exact",
                f"{hits / total:.3f} ({hits}/{total}; target ≥ {target}: {met}); always-0 {zero / total:.3f}",
            )
        )
    return rows


def quantulum_counts(data: Path) -> list[tuple[str, str]]:
    """Score the number parser on quantulum3's count-like quantities.

    Count-like: a quantity quantulum calls `dimensionless` whose value is a whole number, since a count
    of people is a unitless whole number ("45 and 50 cases", "a hundred and two", "7 to 10"); fractions
    ("one sixth"), scientific notation and quantities with units are not counts. A case is right when a
    parsed amount overlapping its surface has its value (a range's midpoint, as quantulum gives it).
    """
    cases = json.loads((data / "small_fixtures" / "quantulum3_quantities_en.json").read_text("utf-8"))
    right = total = 0
    for case in cases:
        text = case["req"]
        found = amounts(text)
        for quantity in case["res"]:
            value = quantity["value"]
            if quantity["unit"] != "dimensionless" or float(value) != int(value):
                continue
            total += 1
            at = text.find(quantity["surface"])
            span = (at, at + len(quantity["surface"]))
            for each in found:
                low, high = each.min, each.max
                middle = (low + high) / 2 if low is not None and high is not None else low or high
                if each.start < span[1] and span[0] < each.end and middle == value:
                    right += 1
                    break
    return [("quantulum3 count-like values", f"{right / total:.3f} ({right}/{total})")]
