"""`reuse` notes: for each pair of accounts, how much text they share and which likely came from which.

The shares come from the side-by-side rows. The direction rests on what is known: publication dates
when both have one, else the shape of the overlap (one account contained in the other, or each with
text of its own, as two edits of one wire copy are), and the agencies either account credits.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from builder.model import Article, Event, Note
from builder.provenance.evidence import Articles, listing, members, note, ref

EDITED = frozenset({"edited", "split", "merged", "moved"})
LITTLE = 0.2
"""Below this share of the shorter account shared, two accounts are independent reports."""
FEW = 2
"""One shared sentence (a quote, a stock phrase) is not enough to call one text a copy of another."""
OWN = 0.15
"""An account with at least this share of sentences of its own added to, or rewrote, what it shares."""
EXAMPLES = 4
_PARTS = ("identical", "edited", "reworded", "unique", "total")
"""The counts each note's data gives for both accounts (`a_identical`, `b_total`, ...)."""


@dataclass
class Shares:
    """One account's sentences against another's: identical, edited, reworded, unique."""

    identical: int = 0
    edited: int = 0
    reworded: int = 0
    total: int = 0

    @property
    def unique(self) -> int:
        return self.total - self.identical - self.edited - self.reworded

    def share(self, count: int) -> float:
        return count / self.total if self.total else 0.0

    @property
    def own(self) -> float:
        """Share the other account does not have word for word or lightly edited."""
        return self.share(self.unique + self.reworded)


def _pair_shares(event: Event, x: Article, y: Article) -> tuple[Shares, Shares, list[str]]:
    keys = {a.id: {s.id: s.key for s in a.sentences} for a in (x, y)}
    mine, theirs = Shares(total=len(x.sentences)), Shares(total=len(y.sentences))
    examples: list[str] = []
    for row in event.rows:
        cells = dict(row.cells)
        if x.id not in cells or y.id not in cells:
            continue
        same = [keys[x.id][s] for s in cells[x.id]] == [keys[y.id][s] for s in cells[y.id]]
        for shares, article in ((mine, x), (theirs, y)):
            count = len(cells[article.id])
            if same:
                shares.identical += count
            elif row.kind in EDITED or row.kind == "identical":
                shares.edited += count
            else:
                shares.reworded += count
        if same and len(examples) < EXAMPLES:
            examples.append(ref(x.id, cells[x.id][0]))
    return mine, theirs, examples


def _agencies(*accounts: Article) -> list[str]:
    """Agencies the accounts cite or credit for their text (a photo credit does not count)."""
    return list(
        dict.fromkeys(
            c.name for a in accounts for c in a.credited if c.type == "agency" and c.how != "photo credit"
        )
    )


def _direction(x: Article, y: Article, a: Shares, b: Shares) -> tuple[str, str, str]:
    """(direction, confidence, verdict with its reason): direction is `x->y` (y derived from x), `y->x`,
    `common` or `independent`, `unknown`."""
    shared = min(a.share(a.identical + a.edited), b.share(b.identical + b.edited))
    if (
        a.identical + a.edited < FEW
        or max(a.share(a.identical + a.edited), b.share(b.identical + b.edited)) < LITTLE
    ):
        return "independent", "medium", "Likely written separately: they share little text."
    wire = _agencies(x, y)
    source = f" ({listing(wire)} credited)" if wire else ""
    common = f"Both likely edit a common source{source}: each has sentences the other lacks."
    if x.published and y.published and x.published[:10] != y.published[:10]:
        (first, day), (then, later) = sorted(
            [(x, x.published[:10]), (y, y.published[:10])], key=lambda p: p[1]
        )
        if (b if then is y else a).own >= OWN:
            return "common", "medium", common
        return (
            f"{first.id}->{then.id}",
            "high",
            f"{then.label} is likely derived from {first.label}: it was published later ({later}, after"
            f" {day}) and adds little of its own.",
        )
    if b.own < OWN <= a.own:
        return f"{x.id}->{y.id}", "medium" if shared > 0.5 else "low", _contained(y, x, source)
    if a.own < OWN <= b.own:
        return f"{y.id}->{x.id}", "medium" if shared > 0.5 else "low", _contained(x, y, source)
    if a.own >= OWN and b.own >= OWN:
        return "common", "medium" if wire else "low", common
    return "unknown", "low", "Near copies; no publication dates say which came first."


def _contained(part: Article, whole: Article, source: str) -> str:
    return (
        f"{part.label} is likely a cut-down edit of {whole.label}, or of a source {whole.label} follows more"
        f" closely{source}: nearly all of {part.label} is in {whole.label}, which has more of its own."
        " No publication dates say which came first."
    )


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def check(event: Event, articles: Articles) -> list[Note]:
    """One note per pair of accounts that share any sentence."""
    notes = []
    for x, y in combinations(members(event, articles), 2):
        a, b, examples = _pair_shares(event, x, y)
        if not (a.identical or a.edited):
            continue
        direction, confidence, verdict = _direction(x, y, a, b)
        told = [
            f"{article.label}: {_percent(s.share(s.identical))} of its {s.total} sentences identical,"
            f" {_percent(s.share(s.edited))} edited, {_percent(s.share(s.reworded))} reworded,"
            f" {_percent(s.share(s.unique))} its own"
            for article, s in ((x, a), (y, b))
        ]
        notes.append(
            note(
                "reuse",
                f"{'; '.join(told)}. {verdict} Confidence: {confidence}.",
                [x.id, y.id],
                # When dates decided it, they are evidence too: each account's publication date.
                [ref(x.id, "published"), ref(y.id, "published"), *examples]
                if x.published and y.published and x.published[:10] != y.published[:10]
                else examples,
                direction=direction,
                confidence=confidence,
                **{f"{side}_{part}": getattr(s, part) for side, s in (("a", a), ("b", b)) for part in _PARTS},
            )
        )
    return notes
