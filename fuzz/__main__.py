"""`python -m fuzz [seconds]`: fuzz ingest with atheris for a bounded time, starting from the kept cases.

A crash is written to tests/fixtures/fuzz/ (as `crash-<digest>`), where tests/test_fuzz.py replays it on
every `make test` from then on: fix the bug, keep the case.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["builder"]):
    from fuzz.target import run

CASES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "fuzz"


def main() -> None:
    seconds = sys.argv[1] if len(sys.argv) > 1 else "60"
    work = Path("build") / "fuzz-corpus"
    work.mkdir(parents=True, exist_ok=True)
    argv = [sys.argv[0], str(work), str(CASES), f"-max_total_time={seconds}", f"-artifact_prefix={CASES}/"]
    argv += ["-max_len=4096", "-rss_limit_mb=4096", "-timeout=20"]
    atheris.Setup(argv, run)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
