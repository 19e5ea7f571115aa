"""`number-conflict` notes: figures the accounts give that cannot both be true (from the facts table).

A note rests on each account's own figure for the event (`lead_figure`: the first it writes as a number, in
its opening sentences), never on a figure further down that may count another group or an earlier event.
"""

from __future__ import annotations

from builder.facts.table import lead_figure
from builder.model import Event, Note
from builder.provenance.evidence import Articles, note, quoted, ref


def check(event: Event, articles: Articles) -> list[Note]:
    """A note per facts-table row whose status is `conflict`."""
    notes = []
    for row in event.table:
        if row.status != "conflict":
            continue
        said = []
        evidence: list[str] = []
        for article_id, indexes in row.cells:
            lead = lead_figure([event.facts[i] for i in indexes])
            if lead is not None:
                said.append(f"{articles[article_id].label} says {quoted(lead.text)}")
                evidence.append(ref(article_id, lead.sentence))
        notes.append(
            note(
                "number-conflict",
                f"The accounts' own figures for {row.key.replace(':', ' ')} disagree: {'; '.join(said)}.",
                [a for a, _ in row.cells],
                evidence,
                key=row.key,
            )
        )
    return notes
