"""`dateline` notes: a dateline naming a place in a country the accounts never place the event in."""

from __future__ import annotations

import re

from builder.gazetteer import Gazetteer
from builder.model import Event, Note
from builder.provenance.evidence import Articles, listing, members, note, quoted, ref


def dateline_place(written: str) -> str | None:
    """The gazetteer place a dateline names: `SANA’A` -> Sanaa; `BEIRUT, Feb 3 (Reuters)` -> Beirut."""
    head = re.split(r"[,(]|\s[-–—]\s", written, maxsplit=1)[0].strip(" :.-–—")
    return Gazetteer.shared().locate(head) if head else None


def event_countries(event: Event, articles: Articles) -> dict[str, list[str]]:
    """{country: references of the body sentences naming it or a place in it}, most named first."""
    gazetteer = Gazetteer.shared()
    found: dict[str, list[str]] = {}
    for article in members(event, articles):
        for sentence in article.sentences:
            for place in gazetteer.mentions(sentence.text):
                country = gazetteer.country(place)
                if country:
                    found.setdefault(country, []).append(ref(article.id, sentence.id))
    return dict(sorted(found.items(), key=lambda item: -len(item[1])))


def check(event: Event, articles: Articles) -> list[Note]:
    """A note per dateline in a country that none of the accounts' sentences names."""
    dated = [a for a in members(event, articles) if a.dateline]
    if not dated:
        return []
    countries = event_countries(event, articles)
    gazetteer = Gazetteer.shared()
    notes = []
    for article in dated:
        assert article.dateline is not None
        place = dateline_place(article.dateline.text)
        country = gazetteer.country(place) if place else None
        if not countries or country is None or country in countries:
            continue  # unknown dateline, nothing to compare with, or consistent
        named = list(countries)[:3]
        where = f"{place}, {country}" if place != country else country
        notes.append(
            note(
                "dateline",
                f"{article.label} is datelined {quoted(article.dateline.text)} ({where}), but the accounts"
                f" place the event in {listing(named)} and never mention {country}. A dateline says where"
                " a story was filed: this one was written far from the event, or the dateline is wrong.",
                [article.id],
                [ref(article.id, "dateline"), *(countries[c][0] for c in named)],
                place=place,
                country=country,
            )
        )
    return notes
