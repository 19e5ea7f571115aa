"""Coverage-guided fuzzing of ingest with atheris (`make fuzz`); its finds live in tests/fixtures/fuzz."""
