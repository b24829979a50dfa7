"""`whosaid compare` end to end: our own fixture articles through the real engine, the grouping and the view."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from bot.cli import main
from tests.conftest import FIXTURES

ARTICLES = FIXTURES / "articles"
NORTHLINE, MERIDIAN, FLOOD, CAPITAL, BELLAN = (
    str(ARTICLES / name)
    for name in (
        "story_strike_northline.txt",
        "story_strike_meridian.txt",
        "story_flood_veltria.txt",
        "story_strike_capital.txt",
        "story_strike_bellan.txt",
    )
)


@pytest.fixture(scope="module")
def story_json() -> dict:
    """The compare JSON for the five fixture articles (run once: the engine's parse is the slow part)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["compare", NORTHLINE, MERIDIAN, FLOOD, CAPITAL, BELLAN, "--json"])
    assert code == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == 1, "the story JSON is one line"
    return json.loads(lines[0])


def test_compare_json_keeps_the_articles_in_input_order(story_json):
    assert story_json["schema"] == "whosaid.story/1"
    assert [article["schema"] for article in story_json["articles"]] == ["whosaid.report/1"] * 5
    texts = [article["text"] for article in story_json["articles"]]
    assert texts[0].startswith("Strikes on militia depot") and texts[2].startswith(
        "Floods in western Veltria"
    )
    # Outlet and time come from each article's own dateline and publication line.
    assert [article["site"] for article in story_json["articles"]] == [
        "Northline News",
        "Meridian Wire",
        "Northline News",
        "Capital Daily",
        "Meridian Wire",
    ]
    assert story_json["articles"][3]["published"] == "2026-03-07T09:30+00:00"


def test_compare_groups_the_three_reports_of_one_strike(story_json):
    assert [story["articles"] for story in story_json["stories"]] == [[0, 1, 3]]
    assert story_json["stories"][0]["why"][0] == "Qasr Miral"


def test_compare_flags_differing_tolls_with_outlet_and_source(story_json):
    articles = story_json["articles"]
    conflicts = {c["measure"]: c for c in story_json["stories"][0]["conflicts"]}
    killed = conflicts["killed"]
    assert len({article for article, _ in killed["figures"]}) >= 2
    for article, figure_index in killed["figures"]:
        assert articles[article]["figures"][figure_index]["quantity"] == "killed"
    for outlet in ("Northline News", "Meridian Wire", "Capital Daily"):
        assert f"{outlet}, citing " in killed["note"]
    # The strike two weeks earlier ("killed one soldier") is not part of this story's comparison.
    northline = articles[0]
    background = [
        i
        for i, figure in enumerate(northline["figures"])
        if figure["measure"] == "killed" and figure["value"] == 1
    ]
    assert background and not any([0, i] in killed["figures"] for i in background)


def test_compare_says_when_outlets_cite_the_same_monitor(story_json):
    killed = next(c for c in story_json["stories"][0]["conflicts"] if c["measure"] == "killed")
    assert any("Monitor" in name for name in killed["same_source"])
    assert "both cite" in killed["note"]


def test_compare_marks_the_later_update_as_newer(story_json):
    articles = story_json["articles"]
    killed = next(c for c in story_json["stories"][0]["conflicts"] if c["measure"] == "killed")
    newer_values = {articles[a]["figures"][f]["value"] for a, f in killed["newer"] if a == 3}
    assert newer_values == {27}
    assert "Newer figure: 27 killed (Capital Daily" in killed["note"]


def test_compare_terminal_view(capsys):
    assert main(["compare", NORTHLINE, CAPITAL, FLOOD]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Story 1: 2 articles\nSame story: Qasr Miral")
    assert "Conflicts:" in out and "█" in out
    assert "Not in a story with another article:\n  [3] Northline News" in out


def test_compare_with_no_common_story(capsys):
    assert main(["compare", FLOOD, BELLAN, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["stories"] == []
    assert main(["compare", FLOOD, BELLAN]) == 0
    assert capsys.readouterr().out.startswith("No two of these articles report the same event.")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([NORTHLINE], "two or more articles"),
        ([NORTHLINE, str(ARTICLES / "no_such_article.txt")], "No such file"),
        ([NORTHLINE, str(ARTICLES)], "is a folder"),
    ],
)
def test_compare_bad_input_exits_2_with_a_message(capsys, arguments, message):
    assert main(["compare", *arguments]) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_compare_refuses_an_empty_article(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    assert main(["compare", NORTHLINE, str(empty), "--json"]) == 2
    assert "no text" in capsys.readouterr().err.lower()
