"""Facts: what each account states (casualties, times, places, actors, quotes, sources), and the table."""

from builder.facts.stage import extract_facts

__all__ = ["extract_facts"]
