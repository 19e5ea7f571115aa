"""Compare each event's accounts: sentences aligned in rows, word differences named, framing terms."""

from builder.compare.stage import compare_events

__all__ = ["compare_events"]
