"""Synthetic news: N articles in events of 2 to 30 accounts, each account either derived from the event's wire
copy (a few words changed) or written independently (the same facts in other sentences, a day or two later),
with outlets and dates in front matter. Deterministic from a seed, so every benchmark run reads the same text.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

PLACES = (
    "Lagos Lima Quito Manila Dhaka Nairobi Karachi Jakarta Cairo Bogota Kabul Aleppo Mosul Gaza Kyiv Caracas "
    "Istanbul Tehran Baghdad Beirut Khartoum Accra Dakar Tunis Delhi Mumbai Lahore Colombo Yangon Hanoi"
).split()
KINDS = ("flood", "fire", "earthquake", "bombing", "storm", "shooting", "landslide", "train crash")
OUTLETS = tuple(f"Outlet {n}" for n in range(1, 41))
FIRST = "Ana Ben Carla David Elif Farid Grace Hugo Ines Jamal Kofi Lena Marco Nadia Omar Priya".split()
LAST = "Okafor Silva Mendes Reyes Rahman Otieno Khan Santoso Hassan Gomez Ahmadi Petrov Nguyen Kim".split()
FACTS = (
    "At least {toll} people were killed in the {kind} in {place} on {day}, officials said.",
    "The {kind} struck {place} early on {day}, leaving at least {toll} dead.",
    "{person}, a spokesman for the {place} authorities, said rescuers worked through the night.",
    "Rescue teams were still searching the area, {person} told reporters in {place}.",
    "Officials in {place} put the death toll from the {kind} at {toll}.",
)
SIZES = tuple(range(2, 31))
WEIGHTS = tuple(1 / size**1.5 for size in SIZES)
"""Most events have a few accounts, a few have many: the long tail of real coverage."""


def make_news(folder: Path, articles: int, seed: int = 7, sentences: int = 14) -> int:
    """Write `articles` files into `folder`; return the number of events they tell."""
    rng = random.Random(seed)
    words = [f"w{n}" for n in range(20_000)]
    cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
    folder.mkdir(parents=True)

    def filler() -> str:
        return " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(10, 24))).capitalize() + "."

    written = events = 0
    while written < articles:
        size = min(rng.choices(SIZES, WEIGHTS)[0], articles - written)
        facts: dict[str, str | int] = {
            "place": rng.choice(PLACES),
            "kind": rng.choice(KINDS),
            "toll": rng.randint(2, 80),
            "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "day": rng.choice(("Monday", "Tuesday", "Friday")),
        }
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(730))
        wire = [template.format(**facts) for template in FACTS[:3]] + [filler() for _ in range(sentences - 3)]
        for number, outlet in enumerate(rng.sample(OUTLETS, size)):
            if rng.random() < 0.5:  # derived from the wire copy: a few words changed
                body = [
                    " ".join(filler().split()[0] if rng.random() < 0.1 else w for w in s.split())
                    for s in wire
                ]
                day = start
            else:  # told independently: the same facts in other sentences, a day or two later
                own = [template.format(**facts) for template in rng.sample(FACTS, 3)]
                body = own + [filler() for _ in range(sentences - 3)]
                rng.shuffle(body)
                day = start + dt.timedelta(days=rng.randint(0, 2))
            headline = f"{str(facts['kind']).capitalize()} kills {facts['toll']} in {facts['place']}"
            text = f"---\noutlet: {outlet}\npublished: {day.isoformat()}\n---\n{headline}\n\n" + "\n\n".join(
                body
            )
            (folder / f"e{events:05d}-{number:02d}.md").write_text(text + "\n", encoding="utf-8")
            written += 1
        events += 1
    return events
