"""`make eval`: the table, figure source accuracy, the error log's review of conflicts, and the whole run.

Every article, gold file and report here is invented by the test; the run at the end uses the real `whosaid`
on a folder the test writes, with stand-in scorers that print fixed totals (the real scorers live beside the
shared data sets, which tests never read).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from bot.evaluation.figure_sources import check_sources, name_words, names_match, source_right, speaker_part
from bot.evaluation.gold_figures import article_gold, locate_number, note_names, scenario_gold
from bot.evaluation.review import (
    FALSE,
    MISSED,
    NOT_READ,
    TRAP_HIT,
    WRONG_SOURCE,
    review_article,
    review_scenario,
)
from bot.evaluation.runs import analyze_into, last_json
from bot.evaluation.table import CHECK, FIGURES, ROWS, TUNE, Outcome, lookup, main, sum_reviews, table

# --- the table ----------------------------------------------------------------------------------------------


def test_lookup_reads_dotted_paths_and_pairs() -> None:
    totals = {"conflicts": {"f1": 0.8512, "found": 26, "gold": 31}}
    assert lookup(totals, "conflicts.f1") == "0.851"
    assert lookup(totals, "conflicts.found|conflicts.gold") == "26 / 31"
    assert lookup(totals, "claims.f1") == "-"


def test_table_has_a_before_column_when_given() -> None:
    results = {"figures dev": {"conflicts": {"f1": 0.9}}}
    before = {"figures dev": {"conflicts": {"f1": 0.16}}}
    text = table(results, before)
    header, rule, *_ = text.splitlines()
    assert header.split() == ["evaluation", "figure", "before", "now"]
    assert row(text, "figures dev", "conflicts F1") == ["0.160", "0.900"]
    assert row(text, "real-news tune", "conflicts F1") == ["-", "-"]
    assert set(rule.replace(" ", "")) == {"-"}


def test_table_rows_cover_what_the_issue_measures() -> None:
    names = {(evaluation, name) for evaluation, name, _ in ROWS}
    for evaluation in (TUNE, CHECK):
        for name in (
            "conflicts gold / predicted / correct / found",
            "conflicts precision",
            "conflicts recall",
            "conflicts F1",
            "trap hits",
            "conflicts in no-conflict articles",
            "figure source accuracy",
        ):
            assert (evaluation, name) in names
    assert ("PolNeAR dev", "texts flagging a conflict / texts") in names
    assert ("stories dev", "figure source accuracy") in names


def test_last_json_line_is_read() -> None:
    assert last_json('noise\n{"a": 1}\nsummary line\n') == {"a": 1}
    with pytest.raises(ValueError):
        last_json("conflicts F1=0.00 traps=0\n")


# --- names and figure sources -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        ("Irena Valk via Reuters", ["Irena Valk"], True),  # the outlet is extra words around the name
        ("Irena Valk via Reuters", ["Reuters"], True),
        ("Irena Valk via Reuters", ["union leader Irena Valk"], True),  # the speaker part alone
        ("a dock worker (anonymous) via AP", ["dock worker"], True),
        ("a dock worker (anonymous) via AP", ["Ansel Dock"], False),
        ("Vialle (anonymous)", ["Mayor Vialle"], True),
        ("police", ["City police"], True),
        ("the Health Ministry", ["the ministry"], True),  # leading article ignored, words either way round
        ("he", ["Chen Wei"], False),
        ("Ministry", ["health ministry officials"], True),
        ("Northmere Rail", ["Northmere Rail (first statement)"], True),
        ("Teachers’ Union", ["Pelland Teachers' Union"], True),  # typographic apostrophe
        ("rail", ["Railway board"], False),  # whole words only
        ("the", ["the army"], False),
        ("IHO", ["International Health Organisation"], False),  # no guessing at abbreviations
        ("", ["police"], False),
        (None, ["police"], False),
    ],
)
def test_names_match_like_the_figures_scorer(predicted, gold, right) -> None:
    assert names_match(predicted, gold) is right


def test_no_gold_name_means_only_the_articles_own_voice_is_right() -> None:
    assert source_right(None, [])
    assert source_right("", [" "])
    assert not source_right("police", [])
    assert not source_right(None, ["police"])
    assert name_words("The Army's press office") == ["army", "s", "press", "office"]
    assert speaker_part("a trader (anonymous) via Reuters") == "a trader"
    assert speaker_part("Port Via Authority") == "Port Via Authority"
    assert speaker_part("Lena Ost via the Daily Vane") == "Lena Ost"


def test_locate_number_prefers_a_whole_word_inside_the_snippet() -> None:
    text = "Earlier 117 were counted. Police said 17 or 117 people were hurt."
    snippet = "said 17 or 117"
    start = text.index(snippet)
    assert locate_number(text, snippet, "17") == (start + 5, start + 7)
    assert locate_number(text, snippet, "117") == (start + 11, start + 14)
    assert locate_number(text, "said 18", "18") is None
    assert locate_number(text, snippet, "9") is None


def test_stories_source_notes_offer_each_piece_as_a_name() -> None:
    assert note_names("Marrow Fire Service, Tuesday night (earlier count)") == (
        "Marrow Fire Service, Tuesday night (earlier count)",
        "Marrow Fire Service",
        "Tuesday night",
        "earlier count",
    )
    assert note_names(None) == ()


# An invented article: two sources disagree on a crowd; a subset and an age are traps.
ARTICLE = (
    "Crowd sizes disputed in Tarnow\n\n"
    "Police said 12,000 people marched in Tarnow on Sunday. The organisers, the Tarnow Workers' League, "
    "put the crowd at 40,000. A count by Civic Lens found 21,500. Of the marchers, 300 were students, "
    "police said. The league's leader, 64, called the police figure an insult. "
    "Unions said 9 buses came."
)


def span_of(text: str, snippet: str, number: str) -> dict:
    start, end = locate_number(text, snippet, number)
    return {"start": start, "end": end}


GOLD = {
    "claims": [],
    "conflicts": [
        {
            "measure": "crowd size",
            "figures": [
                {"value": 12000, "number": "12,000", "snippet": "Police said 12,000", "speakers": ["police"]},
                {
                    "value": 40000,
                    "number": "40,000",
                    "snippet": "crowd at 40,000",
                    "speakers": ["Tarnow Workers' League"],
                },
                {"value": 21500, "number": "21,500", "snippet": "found 21,500", "speakers": ["Civic Lens"]},
            ],
        }
    ],
    "traps": [
        {"number": "300", "snippet": "300 were students", "why": "a part of the crowd"},
        {"number": "64", "snippet": "leader, 64", "why": "an age"},
    ],
}


def figure(snippet: str, number: str, source: str | None, **extra) -> dict:
    return {"value": 0, "span": span_of(ARTICLE, snippet, number), "source": source, **extra}


def report(conflicts: list[dict]) -> dict:
    figures = [
        figure("Police said 12,000", "12,000", "Police"),  # 0: right
        figure("crowd at 40,000", "40,000", "organisers", rules=["holder.put_at"]),  # 1: wrong name
        # 21,500 is not read at all
        figure("300 were students", "300", "police"),  # 2: trap
        figure("leader, 64", "64", None),  # 3: trap
        figure("said 9 buses", "9", "Unions"),  # 4: neutral
    ]
    return {"schema": "whosaid.report/1", "text": ARTICLE, "figures": figures, "conflicts": conflicts}


def test_figure_sources_are_checked_on_the_figure_that_reads_each_gold_number() -> None:
    gold = article_gold(GOLD, ARTICLE)
    tally = check_sources(gold.figures, report([])["figures"])
    assert (tally.right, tally.scored, tally.not_found) == (1, 2, 1)
    assert tally.figures() == {"accuracy": 0.5, "right": 1, "scored": 2, "not_found": 1, "gold": 3}
    wrong = next(check for check in tally.checks if check.figure is not None and not check.right)
    assert (wrong.gold.number, wrong.source) == ("40,000", "organisers")


def test_review_of_an_article_sorts_conflicts_as_the_scorer_documents() -> None:
    conflicts = [
        # right values but only two of three: correct, not found
        {"measure": "people", "figures": [0, 1], "note": "12,000 (Police) vs 40,000 (organisers)"},
        # a gold value against a part of the crowd: a trap hit, with its rules labels
        {"measure": "people", "figures": [0, 2], "note": "12,000 vs 300", "rules": ["relation.none"]},
        # two neutral or unrelated numbers: a false conflict
        {"measure": "people", "figures": [4, 0], "note": "9 vs 12,000"},
    ]
    review = review_article(article_gold(GOLD, ARTICLE), report(conflicts), ARTICLE)
    assert (review.gold, review.predicted, review.correct, review.found, review.trap_hits) == (1, 3, 1, 0, 1)
    kinds = [finding.kind for finding in review.findings]
    assert kinds == [MISSED, TRAP_HIT, FALSE, WRONG_SOURCE, NOT_READ]
    missed, trap, false, wrong, not_read = (finding.text for finding in review.findings)
    assert "'21,500' (not read)" in missed and "shows 2 of its 3 values" in missed
    assert (
        "note '12,000 vs 300'" in trap and "[rules: relation.none]" in trap and "a part of the crowd" in trap
    )
    assert "'9' (source 'Unions')" in false and "only one value" in false
    assert "'organisers' [rules: holder.put_at]" in wrong and "Tarnow Workers' League" in wrong
    assert "'21,500'" in not_read


def test_review_finds_a_conflict_covering_every_value_and_copes_without_a_report() -> None:
    full = report([{"measure": "people", "figures": [0, 1], "note": "n"}])
    full["figures"].append(figure("found 21,500", "21,500", "Civic Lens"))
    full["conflicts"][0]["figures"].append(len(full["figures"]) - 1)
    review = review_article(article_gold(GOLD, ARTICLE), full, ARTICLE)
    assert (review.correct, review.found, review.trap_hits) == (1, 1, 0)
    assert [finding.kind for finding in review.findings] == [WRONG_SOURCE]
    empty = review_article(article_gold(GOLD, ARTICLE), None, ARTICLE)
    assert (empty.predicted, empty.found, empty.sources.not_found) == (0, 0, 3)


def test_review_of_a_stories_scenario() -> None:
    texts = {
        "a.txt": "Flood in Varno\n\nThe river agency said 14 people were missing. Two bridges fell.",
        "b.txt": "Varno flood\n\nMayor Ilse Brand said 23 people were missing. Two bridges fell.",
    }
    gold = {
        "files": ["a.txt", "b.txt"],
        "stories": [
            {
                "files": ["a.txt", "b.txt"],
                "conflicts": [
                    {
                        "measure": "missing",
                        "figures": [
                            {
                                "file": "a.txt",
                                "number": "14",
                                "value": 14,
                                "snippet": "said 14",
                                "source": "river agency",
                            },
                            {
                                "file": "b.txt",
                                "number": "23",
                                "value": 23,
                                "snippet": "said 23",
                                "source": "Mayor Ilse Brand",
                            },
                        ],
                    }
                ],
            }
        ],
        "traps": [{"file": "b.txt", "number": "Two", "snippet": "Two bridges", "why": "agrees"}],
    }

    def article(file: str, number: str, source: str) -> dict:
        text = texts[file]
        return {
            "text": text,
            "figures": [{"span": span_of(text, f"said {number}", number), "source": source}],
        }

    result = {
        "schema": "whosaid.story/1",
        "articles": [article("a.txt", "14", "river agency"), article("b.txt", "23", "Ilse Brand")],
        "stories": [
            {
                "articles": [0, 1],
                "conflicts": [{"measure": "missing", "figures": [[0, 0], [1, 0]], "note": "14 vs 23"}],
            }
        ],
    }
    review = review_scenario(scenario_gold(gold, texts.get), result, gold["files"])
    assert (review.gold, review.predicted, review.correct, review.found, review.trap_hits) == (1, 1, 1, 1, 0)
    assert (review.sources.right, review.sources.scored) == (2, 2)
    assert review.findings == []

    text_b = texts["b.txt"]
    two = {"start": text_b.index("Two"), "end": text_b.index("Two") + 3}
    result["articles"][1]["figures"].append({"span": two, "source": None})
    result["stories"][0]["conflicts"][0]["figures"].append([1, 1])
    review = review_scenario(scenario_gold(gold, texts.get), result, gold["files"])
    assert (review.correct, review.found, review.trap_hits) == (0, 1, 1)
    assert [finding.kind for finding in review.findings] == [TRAP_HIT]
    assert "b.txt: 'Two'" in review.findings[0].text


def test_counts_that_differ_from_the_scorers_are_noted() -> None:
    review = review_article(article_gold(GOLD, ARTICLE), report([{"figures": [0, 1], "note": "n"}]), ARTICLE)
    agreeing = Outcome({"conflicts": {"predicted": 1, "correct": 1, "found": 0, "trap_hits": 0}})
    sum_reviews(agreeing, TUNE, {"01-tarnow-crowd": review}, logged=False)
    assert agreeing.notes == [] and agreeing.log == []
    assert agreeing.figures["figure_sources"]["right"] == 1
    differing = Outcome({"conflicts": {"predicted": 1, "correct": 0, "found": 0, "trap_hits": 0}})
    sum_reviews(differing, TUNE, {"01-tarnow-crowd": review}, logged=True)
    assert len(differing.notes) == 1 and "'correct': (1, 0)" in differing.notes[0]
    assert differing.log[0] == "-- 01-tarnow-crowd" and differing.log[1].startswith(
        "  missed conflict: crowd size"
    )


# --- the whole run ------------------------------------------------------------------------------------------

WHOSAID = Path(sys.executable).parent / "whosaid"
# Stand-ins for the shared scorers: they print fixed totals as their last JSON line, as the real ones do.
FIGURES_SCORER = """
import json, sys
args = sys.argv[1:]
folder = args[args.index("--dir") + 1]
reports = args[args.index("--reports") + 1]
import os
count = len([name for name in os.listdir(reports) if name.endswith(".json")])
print(json.dumps({"articles": count, "conflicts": {"gold": 1, "predicted": 0, "correct": 0, "found": 0,
    "precision": 0.0, "recall": 0.0, "f1": 0.0, "trap_hits": 0, "false_conflicts_in_no_conflict_articles": 0},
    "folder": folder}))
"""
STORY_SCORER = """
import json
print(json.dumps({"grouping": {"f1": 1.0}, "conflicts": {"gold": 0, "predicted": 0, "correct": 0, "found": 0,
    "f1": 0.0, "trap_hits": 0}}))
"""


def write_article_set(folder: Path, stem: str, text: str = ARTICLE, gold: dict = GOLD) -> None:
    folder.mkdir(parents=True)
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / f"{stem}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


# The article with a conflict the engine can't read (no word of the sentence says what "ridership" counts), so the
# error log has a miss to report.
UNREAD_CONFLICT = "The transit authority said ridership that day was 58,000; the league said 90,000."
ARTICLE_WITH_A_MISS = f"{ARTICLE} {UNREAD_CONFLICT}"
GOLD_WITH_A_MISS = {
    **GOLD,
    "conflicts": [
        *GOLD["conflicts"],
        {
            "measure": "ridership",
            "figures": [
                {"value": 58000, "number": "58,000", "snippet": "was 58,000", "speakers": ["transit authority"]},
                {"value": 90000, "number": "90,000", "snippet": "said 90,000", "speakers": ["league"]},
            ],
        },
    ],
}


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    root = tmp_path / "shared"
    (root / "eval").mkdir(parents=True)
    (root / "eval" / "figures_score.py").write_text(FIGURES_SCORER, encoding="utf-8")
    (root / "eval" / "story_score.py").write_text(STORY_SCORER, encoding="utf-8")
    write_article_set(root / "figures-dev", "01-tarnow-crowd")
    (root / "stories-dev").mkdir()
    return root


def run_table(capsys, *argv: str, environ: dict | None = None) -> str:
    assert main(list(argv), environ=(environ or {}).get) == 0
    return capsys.readouterr().out


def row(output: str, evaluation: str, name: str) -> list[str]:
    """The figures of one table row, split on spaces ('26 / 31' -> ['26', '/', '31'])."""
    for line in output.splitlines():
        cells = re.split(r" {2,}", line.strip())
        if cells[:2] == [evaluation, name]:
            return " ".join(cells[2:]).split()
    raise AssertionError(f"no row {evaluation!r} {name!r} in:\n{output}")


def test_without_real_news_texts_the_rows_read_dash_and_say_how_to_rebuild(shared, tmp_path, capsys) -> None:
    log = tmp_path / "errors.txt"
    out = run_table(capsys, "--shared", str(shared), "--bin", str(WHOSAID.parent), "--log", str(log))
    assert row(out, TUNE, "conflicts F1") == ["-"]
    assert row(out, CHECK, "figure source accuracy") == ["-"]
    hints = [line for line in out.splitlines() if line.startswith("note: real-news")]
    assert len(hints) == 2 and all("real_news_rebuild.py" in hint for hint in hints)
    assert row(out, FIGURES, "figure sources right / scored / not found")[-1] != "-"
    assert row(out, "PolNeAR dev", "content F1") == ["-"]  # no PolNeAR folder here: a note, not a failure
    assert log.read_text(encoding="utf-8").count("== figures dev") == 1


def test_real_news_rows_tune_logged_and_check_never(shared, tmp_path, capsys) -> None:
    real_news = tmp_path / "rn"
    write_article_set(real_news / "tune", "01-tarnow-crowd", ARTICLE_WITH_A_MISS, GOLD_WITH_A_MISS)
    write_article_set(real_news / "check", "02-check-only-crowd")
    log = tmp_path / "errors.txt"
    saved = tmp_path / "now.json"
    out = run_table(
        capsys,
        "--shared", str(shared),
        "--bin", str(WHOSAID.parent),
        "--log", str(log),
        "--save", str(saved),
        environ={"WHOSAID_REAL_NEWS": str(real_news)},
    )  # fmt: skip
    assert row(out, TUNE, "articles with text / in the split") == ["1", "/", "1"]
    assert row(out, CHECK, "conflicts gold / predicted / correct / found") == [
        "1",
        "/",
        "0",
        "/",
        "0",
        "/",
        "0",
    ]
    accuracy = row(out, CHECK, "figure sources right / scored / not found")
    assert len(accuracy) == 5 and int(accuracy[2]) + int(accuracy[4]) == 3  # three gold figures, each counted
    logged = log.read_text(encoding="utf-8")
    assert "== real-news tune" in logged and "-- 01-tarnow-crowd" in logged
    assert "real-news check" not in logged.split("\n", 3)[-1] and "02-check-only-crowd" not in logged
    assert "02-check-only-crowd" not in out
    results = json.loads(saved.read_text())
    assert results[TUNE]["figure_sources"]["gold"] == 5  # the crowd's three and the ridership's two
    assert results[CHECK]["conflicts"]["gold"] == 1

    again = run_table(
        capsys,
        "--shared", str(shared),
        "--bin", str(WHOSAID.parent),
        "--log", str(log),
        "--before", str(saved),
        "--real-news", str(tmp_path / "nowhere"),
    )  # fmt: skip
    before, now = row(again, CHECK, "conflicts F1")
    assert (before, now) == ("0.000", "-")


def test_analyze_into_saves_one_report_per_article_and_runs_a_refused_one_alone(tmp_path) -> None:
    good = tmp_path / "01-good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "02-empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "reports"
    failures = analyze_into(WHOSAID, [good, empty], out)
    assert list(failures) == ["02-empty"]
    saved = json.loads((out / "01-good.json").read_text(encoding="utf-8"))
    assert saved["schema"] == "whosaid.report/1" and saved["text"].startswith("Crowd sizes")
