"""Sentence splitting: pySBD's English Golden Rules and news-style cases, with exact offsets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from builder.ingest.sentences import SentenceSplitter

GOLDEN = Path(__file__).parent / "fixtures" / "sentences" / "golden_rules_en.json"
# Rule 18 needs "a.m. Mr." to go on and "P.M. Mr." to end: a time of day before a title is ambiguous.
KNOWN_MISSES = {18}


def sentences(text: str) -> list[str]:
    """Split text as one paragraph and return the sentences as written."""
    return [text[start:end] for start, end in SentenceSplitter().split(text, 0, len(text))]


def golden_cases() -> list[Any]:
    """Return the Golden Rules as pytest params, the known misses marked as expected failures."""
    cases = json.loads(GOLDEN.read_text(encoding="utf-8"))["cases"]
    return [
        pytest.param(
            case["text"],
            case["sentences"],
            id=f"rule-{case['id']:02d}",
            marks=[pytest.mark.xfail(strict=False)] if case["id"] in KNOWN_MISSES else [],
        )
        for case in cases
    ]


@pytest.mark.parametrize(("text", "expected"), golden_cases())
def test_golden_rules(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Clearly they wanted whoever it was alive," Lister said. He did not say more.',
            ['"Clearly they wanted whoever it was alive," Lister said.', "He did not say more."],
        ),
        (
            "“This looks like the biggest of this type of operation” since the raid, he said.",
            ["“This looks like the biggest of this type of operation” since the raid, he said."],
        ),
        (
            "The U.S. military said 12 were killed. Officials denied it.",
            ["The U.S. military said 12 were killed.", "Officials denied it."],
        ),
        (
            "The carrier was deployed in the Gulf, Nov. 21, 2016. It has since returned.",
            ["The carrier was deployed in the Gulf, Nov. 21, 2016.", "It has since returned."],
        ),
        (
            "A jet lands on the U.S.S. Dwight D. Eisenhower. The carrier is in the Gulf.",
            ["A jet lands on the U.S.S. Dwight D. Eisenhower.", "The carrier is in the Gulf."],
        ),
        (
            "Gen. Mark Milley met Sen. Jack Reed in St. Louis. The fire started on Main St. It spread.",
            [
                "Gen. Mark Milley met Sen. Jack Reed in St. Louis.",
                "The fire started on Main St.",
                "It spread.",
            ],
        ),
        (
            "It began at 9:40 p.m. Friday, police said. The raid ended at 2 a.m. Residents fled.",
            ["It began at 9:40 p.m. Friday, police said.", "The raid ended at 2 a.m.", "Residents fled."],
        ),
        (
            "Apple Inc. Chief Executive Tim Cook spoke. Shares rose 2.5 percent.",
            ["Apple Inc. Chief Executive Tim Cook spoke.", "Shares rose 2.5 percent."],
        ),
        (
            'He said: "We are ready. We will act." Then he left.',
            ['He said: "We are ready.', 'We will act."', "Then he left."],
        ),
    ],
)
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_index_the_whole_text_and_ignore_hard_wrapping() -> None:
    text = "HEADLINE\n\nThe storm hit the coast\non Monday. Officials said\r\n3 people died.\u2028\n"
    start = text.index("The")
    spans = SentenceSplitter().split(text, start, len(text))
    assert [text[s:e] for s, e in spans] == [
        "The storm hit the coast\non Monday.",
        "Officials said\r\n3 people died.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It ended. ”", ["It ended. ”"]),
        ("Open <!-- a comment. -->", ["Open <!-- a comment. -->"]),
        ("Stop!<!-- note --> Go on.", ["Stop!<!-- note --> Go on."]),
        ("... . Then", ["... . Then"]),
    ],
)
def test_fragments_without_words_join_a_neighbour(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
