"""The command line: help, exit codes, and agreement with the README."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from builder.__main__ import main, make_parser
from tests.conftest import ROOT, SEEDS, write_corpus

COMMANDS = ["build", "export", "check", "serve"]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "builder", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert f"usage: parallax {command}" in result.stdout


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "parallax"
    assert script.is_file()
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "build" in result.stdout


def test_usage_errors_exit_2() -> None:
    assert run().returncode == 2
    assert run("nosuchcommand").returncode == 2
    assert run("export", "--seeds", "seeds").returncode == 2


def test_missing_seeds_folder_is_a_clear_error_exit_1(tmp_path: Path) -> None:
    result = run("check", "--seeds", str(tmp_path / "absent"))
    assert result.returncode == 1
    assert "seeds folder" in result.stderr and "absent" in result.stderr


def test_check_lists_problems_and_exits_1_on_rejected_files(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", {"good.txt": "Storm\n\nThe storm hit.", "empty.txt": ""})
    result = run("check", "--seeds", str(seeds))
    assert result.returncode == 1
    assert "error: seeds/empty.txt: empty file" in result.stderr


def test_check_on_the_seeds_passes_strictly() -> None:
    result = run("check", "--seeds", str(SEEDS), "--strict")
    assert result.returncode == 0, result.stderr
    assert "3 files: 2 articles in 1 event, 0 rejected, 0 warnings" in result.stdout
    # Each step says what it did, on stderr; no bar when stderr is not a terminal.
    steps = [line.split("]")[0] + "]" for line in result.stderr.splitlines()]
    assert steps == [f"[{n}/6]" for n in range(1, 7)], result.stderr
    assert "[3/6] events: 1 event from 2 articles" in result.stderr and "#" not in result.stderr


def test_quiet_prints_only_problems(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", {"good.txt": "Storm\n\nThe storm hit.", "empty.txt": ""})
    result = run("check", "--seeds", str(seeds), "--quiet")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == ["error: seeds/empty.txt: empty file: no text to publish"]


def test_a_terminal_gets_a_progress_bar(tmp_path: Path) -> None:
    import io

    from builder import pipeline
    from builder.config import Config
    from builder.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    pipeline.check(Config(seeds_dir=SEEDS, cache_dir=None), Progress(out))
    text = out.getvalue()
    assert "\r[" + "." * 20 + "] 1/6 ingest…" in text and "] 6/6 provenance…" in text
    assert text.endswith("notes (" + text.rsplit("notes (", 1)[1]) and text.endswith(" s)\n")


def test_plurals_read_right() -> None:
    from builder.progress import plural

    assert [plural(n, "event") for n in (0, 1, 2, 1000)] == [
        "0 events",
        "1 event",
        "2 events",
        "1,000 events",
    ]


def test_strict_build_fails_on_a_warning_and_keeps_the_site(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "seeds", {"cp.txt": "Storm\n\nThe caf\xe9 shut.".encode("cp1252")})
    site = tmp_path / "site"
    site.mkdir()
    (site / "marker").write_text("previous site")
    code = main(
        [
            "build",
            "--seeds",
            str(seeds),
            "--site-dir",
            str(site),
            "--strict",
            "--docs-dir",
            str(ROOT / "docs"),
            "--config-file",
            str(ROOT / "mkdocs.yml"),
        ]
    )
    assert code == 1
    assert (site / "marker").read_text() == "previous site"


def test_readme_documents_every_command_and_option() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
    parser = make_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    choices: dict[str, argparse.ArgumentParser] = subparsers.choices
    assert sorted(choices) == sorted(COMMANDS)
    for name, sub in choices.items():
        assert f"parallax {name}" in readme, f"README does not show `parallax {name}`"
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in readme, f"README does not mention {name} {flag}"
    for code in ("`0`", "`1`", "`2`"):
        assert code in readme


def test_quick_start_is_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme[readme.index("## Quick start") :]
    block = re.search(r"```sh\n(.*?)```", quick, re.S)
    assert block is not None
    assert [line.split("#")[0].strip() for line in block.group(1).splitlines()] == ["make site", "make test"]
