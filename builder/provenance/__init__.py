"""Provenance: where each article came from, and the notes a careful editor would make about an event."""

from builder.provenance.stage import check_provenance

__all__ = ["check_provenance"]
