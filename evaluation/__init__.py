"""Measurements against the shared evaluation data (`make eval`); never part of the tests."""
