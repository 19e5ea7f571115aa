"""The events stage: group the articles that report the same event, explain why, and name each event."""

from builder.events.group import group_events

__all__ = ["group_events"]
