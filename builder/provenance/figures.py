"""`number-conflict` notes: figures the accounts give that cannot both be true (from the facts table)."""

from __future__ import annotations

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
            facts = [event.facts[i] for i in indexes]
            said.append(f"{articles[article_id].label} says {', '.join(quoted(f.text) for f in facts)}")
            evidence.extend(ref(article_id, f.sentence) for f in facts)
        notes.append(
            note(
                "number-conflict",
                f"The accounts disagree on {row.key.replace(':', ' ')}: {'; '.join(said)}.",
                [a for a, _ in row.cells],
                evidence,
                key=row.key,
            )
        )
    return notes
