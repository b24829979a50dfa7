"""`whosaid analyze`: JSON lines in order, stdin, clear exit-2 messages, and the terminal view.

The command runs as a real subprocess, both as the `whosaid` console script and as `python -m bot`.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from bot.engine import analyze
from bot.report import Report
from bot.terminal import claim_text, render_report, shorten
from tests.conftest import FIXTURES, ROOT

WHOSAID = ROOT / ".venv" / "bin" / "whosaid"
MINE = FIXTURES / "articles" / "engine_mine_collapse.txt"
COUNCIL = FIXTURES / "articles" / "engine_council_vote.txt"
QUIET = FIXTURES / "articles" / "engine_no_attributions.txt"
ANSI = "\x1b["


def run(
    *args: str | Path, stdin: bytes | None = None, module: bool = False
) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "bot"] if module else [str(WHOSAID)]
    return subprocess.run(
        [*command, "analyze", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def json_lines(result: subprocess.CompletedProcess[bytes]) -> list[dict]:
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode("utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def several() -> list[dict]:
    """Three sources in one run: a file, stdin, another file (through the console script)."""
    stdin = b"Harbour master Pieter Vos said\r\nthe ferry had left the port late.\r\n"
    return json_lines(run(MINE, "-", QUIET, "--json", stdin=stdin))


def test_json_is_one_object_per_source_in_order(several: list[dict]) -> None:
    assert len(several) == 3
    assert all(obj["schema"] == "whosaid.report/1" for obj in several)
    assert several[0]["text"] == MINE.read_text(encoding="utf-8")
    assert several[1]["text"] == "Harbour master Pieter Vos said\r\nthe ferry had left the port late.\r\n"
    assert several[2]["text"] == QUIET.read_text(encoding="utf-8")


def test_json_has_the_contract_fields(several: list[dict]) -> None:
    keys = [
        "schema",
        "text",
        "title",
        "url",
        "site",
        "published",
        "truncated",
        "claims",
        "figures",
        "conflicts",
    ]
    # The original fields come first, in order; optional fields added within /1 follow.
    assert list(several[0])[: len(keys)] == keys
    assert set(list(several[0])[len(keys) :]) == {"headline", "dateline", "sentences", "entities", "event"}
    claim = several[0]["claims"][0]
    assert set(claim) == {
        "speaker", "role", "speaker_mention", "cue", "content", "kind", "via", "anonymous", "hedges",
    }  # fmt: skip
    assert set(several[0]["figures"][0]) >= {"value", "upper", "qualifier", "measure", "span", "claim"}
    for obj in several:
        Report.model_validate(obj)


def test_json_matches_the_engine(several: list[dict]) -> None:
    expected = analyze(MINE.read_text(encoding="utf-8"))
    assert Report.model_validate(several[0]) == expected


def test_json_from_stdin_is_analyzed(several: list[dict]) -> None:
    report = Report.model_validate(several[1])
    assert [c.speaker for c in report.claims] == ["Pieter Vos"]
    assert report.quote(report.claims[0].content[0]) == "the ferry had left the port late"


def test_json_for_a_text_without_attributions_is_an_empty_report(several: list[dict]) -> None:
    assert several[2]["claims"] == []
    assert several[2]["conflicts"] == []


def test_python_dash_m_bot_reads_stdin() -> None:
    text = COUNCIL.read_text(encoding="utf-8")
    [obj] = json_lines(run("-", "--json", stdin=text.encode("utf-8"), module=True))
    assert obj["text"] == text
    assert obj["schema"] == "whosaid.report/1"
    assert obj["claims"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "No such file"),
        ("empty.txt", b"", "no text"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
        ("latin1.txt", "Le maire a déclaré que le pont était sûr.".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run(path, "--json")
    assert result.returncode == 2
    assert result.stdout == b""
    error = result.stderr.decode()
    assert error.startswith("whosaid: ")
    assert message.lower() in error.lower()
    assert "Traceback" not in error


FRENCH = (
    "Le maire de la ville a déclaré lundi que les travaux du nouveau pont commenceraient au printemps "
    "prochain, selon un communiqué publié par la mairie. Les habitants attendent ce pont depuis dix ans."
)


def test_non_english_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(
        FRENCH, encoding="utf-8"
    )
    result = run(path, module=True)
    assert result.returncode == 2
    assert "Only English is supported" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_terminal_view_names_speakers_and_the_conflict() -> None:
    result = run(MINE, COUNCIL)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert ANSI not in out, "no colour when stdout is not a terminal"
    mine, council = out.split("=" * 72)
    for speaker in ("Tessa Morrow", "Halmar Miners' Union", "via Reuters", "[anonymous]"):
        assert speaker in mine
    assert "Conflicts" in mine
    assert "killed" in mine and "different sources give different figures" in " ".join(mine.split())
    assert "could not be independently verified" in mine
    assert mine.startswith(f"WhoSaid · {MINE}\n")
    assert council.lstrip("\n").startswith(f"WhoSaid · {COUNCIL}\n")
    assert "Miriam Oduya, council leader" in council
    assert "Conflicts" not in council


def test_terminal_view_is_coloured_on_a_terminal() -> None:
    controller, terminal = pty.openpty()
    with subprocess.Popen(
        [str(WHOSAID), "analyze", str(MINE)], stdout=terminal, stderr=subprocess.PIPE, cwd=ROOT
    ) as process:
        os.close(terminal)  # the child holds its own copy; reads end (EIO) once it exits
        out = b""
        try:
            while chunk := os.read(controller, 65536):
                out += chunk
        except OSError:
            pass
        finally:
            os.close(controller)
        assert process.wait(timeout=120) == 0, process.stderr.read().decode() if process.stderr else ""
    assert b"\x1b[1;31m" in out  # the conflict, in red
    assert b"Tessa Morrow" in out


# --- the terminal view as a pure function ------------------------------------------------------------


@pytest.fixture(scope="module")
def mine_report() -> Report:
    return analyze(MINE.read_text(encoding="utf-8"))


def test_render_groups_sources_most_cited_first(mine_report: Report) -> None:
    view = render_report(mine_report, label="mine.txt")
    assert view.startswith("WhoSaid · mine.txt\n")
    union = view.index("Halmar Miners' Union")  # three claims
    governor = view.index("Tessa Morrow, regional governor")  # two claims
    director = view.index("Anton Greel")  # one claim
    assert union < governor < director
    assert "(3 claims)" in view[union : union + 80]


def test_render_marks_anonymous_via_hedges_and_unresolved(mine_report: Report) -> None:
    view = render_report(mine_report, label="mine.txt")
    medical = next(line for line in view.splitlines() if "medical source" in line and "via" in line)
    assert "[anonymous]" in medical and "via Reuters" in medical
    assert "? could not be independently verified" in view
    unresolved = view[view.index("Unresolved speaker") :]
    assert "“she”" in unresolved.splitlines()[1]


def test_render_lists_figures_and_highlights_the_conflict(mine_report: Report) -> None:
    view = render_report(mine_report, label="mine.txt")
    figures = view[view.index("\nFigures\n") : view.index("\nConflicts\n")]
    flagged = [line for line in figures.splitlines() if line.startswith("  !")]
    assert len(flagged) == len(mine_report.conflicts[0].figures)
    assert all("killed" in line for line in flagged)
    assert "earlier event" in figures
    conflicts = view[view.index("\nConflicts\n") :]
    assert " ".join(mine_report.conflicts[0].note.split()) in " ".join(conflicts.split())


def test_render_shortens_long_claims(mine_report: Report) -> None:
    view = render_report(mine_report, label="mine.txt")
    assert all(len(line) < 200 for line in view.splitlines())
    assert "…" in view


def test_render_colour_only_when_asked(mine_report: Report) -> None:
    plain = render_report(mine_report, label="x")
    coloured = render_report(mine_report, label="x", color=True)
    assert ANSI not in plain
    assert "\x1b[1;31m" in coloured  # conflicts in red
    stripped = coloured
    for code in (
        "\x1b[0m",
        "\x1b[1m",
        "\x1b[2m",
        "\x1b[1;4m",
        "\x1b[1;36m",
        "\x1b[35m",
        "\x1b[33m",
        "\x1b[1;31m",
    ):
        stripped = stripped.replace(code, "")
    assert stripped == plain


def test_render_empty_report() -> None:
    report = analyze(QUIET.read_text(encoding="utf-8"))
    view = render_report(report, label="quiet.txt")
    assert "No attributed claims found." in view
    assert "Conflicts" not in view
    assert "0 claims from 0 sources" in view


def test_render_says_when_the_text_was_cut() -> None:
    report = analyze("Harbour master Pieter Vos said the ferry was late.\n\n" + "\n" * 300, max_chars=100)
    assert report.truncated
    assert "only its start was analyzed" in render_report(report, label="big.txt")


def test_shorten_cuts_at_a_word_and_flattens_whitespace() -> None:
    assert shorten("a  b\n c") == "a b c"
    cut = shorten("word " * 40, width=30)
    assert len(cut) <= 30 and cut.endswith("word…")


def test_claim_text_joins_the_parts_of_a_split_quotation() -> None:
    report = analyze(
        "Peter Brandt said the protest would continue.\n\n“We are not leaving.\n\n“Not today,” he said."
    )
    claim = next(c for c in report.claims if c.kind == "direct")
    assert claim_text(report, claim) == "“We are not leaving. … Not today”"


def test_a_missing_model_is_a_configuration_error_in_one_line(tmp_path) -> None:
    import os
    import subprocess
    import sys

    article = tmp_path / "article.txt"
    article.write_text("Police said 17 people were killed in the blast on Tuesday.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "analyze", str(article)],
        capture_output=True,
        text=True,
        env={**os.environ, "WHOSAID_SPACY_MODEL": "no_such_model"},
        check=False,
    )
    assert done.returncode == 2
    assert "no_such_model" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_source_that_cannot_be_analyzed_is_named_and_the_others_still_reported(tmp_path: Path) -> None:
    french = tmp_path / "fr.txt"
    french.write_text(
        FRENCH, encoding="utf-8"
    )
    result = run(MINE, french, tmp_path / "missing.txt", QUIET, "--json")
    assert result.returncode == 2
    reports = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [obj["text"] for obj in reports] == [
        MINE.read_text(encoding="utf-8"),
        QUIET.read_text(encoding="utf-8"),
    ]
    errors = result.stderr.decode().splitlines()
    assert len(errors) == 2 and "Traceback" not in result.stderr.decode()
    assert errors[0].startswith(f"whosaid: {french}: ") and "Only English is supported" in errors[0]
    assert errors[1].startswith(f"whosaid: {tmp_path / 'missing.txt'}: ")
