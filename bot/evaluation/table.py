"""`make eval`: run every evaluation and print one table.

- PolNeAR dev: `whosaid eval polnear DIR --json` (attributions: content and end-to-end F1; texts that flag a
  conflict, which in political news should be next to none).
- figures dev, and real-news dev `tune` and `check`: `whosaid analyze FILES --json` saves one report per
  article, which the figures scorer reads (`--reports`): claims (figures dev only), conflicts, trap hits.
- stories dev: the story scorer over `whosaid compare FILES --json` (grouping, cross-article conflicts).
- Figure source accuracy on the gold conflict figures of each of these sets (`figure_sources`).

The scorers live beside the data sets (`../shared/eval` by default); each runs as a separate process with
`--json` and its last JSON line is read. The real-news texts are not in git: `--real-news DIR` (default: the
environment variable WHOSAID_REAL_NEWS) names the folder holding the rebuilt `tune/` and `check/`; without
them those rows read "-".

`--log FILE` gets the error log: for figures dev, stories dev and real-news tune (never check, whose
articles and misses are not to be read), each article's missed gold conflicts, false conflicts, trap hits
and wrong figure sources, and PolNeAR dev's flagged conflicts. `--save FILE` keeps the figures as JSON;
`--before FILE` adds the figures of an earlier run as a column.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.evaluation.figure_sources import SourceTally
from bot.evaluation.gold_figures import article_gold, scenario_gold
from bot.evaluation.review import Review, report_text, review_article, review_scenario
from bot.evaluation.runs import analyze_into, last_json, run_json

__all__ = ["ROWS", "last_json", "lookup", "main", "table"]

REAL_NEWS_VARIABLE = "WHOSAID_REAL_NEWS"
DEFAULT_LOG = Path("build/eval-errors.txt")
POLNEAR, FIGURES, STORIES, TUNE, CHECK = (
    "PolNeAR dev",
    "figures dev",
    "stories dev",
    "real-news tune",
    "real-news check",
)
REBUILD_HINT = (
    "rebuild the texts with ../shared/eval/real_news_rebuild.py as ../shared/real-news-dev/README.md says, "
    "then run `make eval REAL_NEWS=DIR` (DIR holding tune/ and check/)"
)

Row = tuple[str, str, str]  # (evaluation, figure name, JSON path into that evaluation's totals)


def _conflict_rows(evaluation: str) -> tuple[Row, ...]:
    return (
        (
            evaluation,
            "conflicts gold / predicted / correct / found",
            "conflicts.gold|conflicts.predicted|conflicts.correct|conflicts.found",
        ),
        (evaluation, "conflicts precision", "conflicts.precision"),
        (evaluation, "conflicts recall", "conflicts.recall"),
        (evaluation, "conflicts F1", "conflicts.f1"),
        (evaluation, "trap hits", "conflicts.trap_hits"),
    )


def _source_rows(evaluation: str) -> tuple[Row, ...]:
    return (
        (evaluation, "figure source accuracy", "figure_sources.accuracy"),
        (
            evaluation,
            "figure sources right / scored / not found",
            "figure_sources.right|figure_sources.scored|figure_sources.not_found",
        ),
    )


def _article_set_rows(evaluation: str) -> tuple[Row, ...]:
    return (
        (evaluation, "articles with text / in the split", "articles|articles_in_split"),
        *_conflict_rows(evaluation),
        (
            evaluation,
            "conflicts in no-conflict articles",
            "conflicts.false_conflicts_in_no_conflict_articles",
        ),
        *_source_rows(evaluation),
    )


ROWS: tuple[Row, ...] = (
    (POLNEAR, "content F1", "content.f1"),
    (POLNEAR, "end-to-end F1", "end_to_end.f1"),
    (POLNEAR, "speaker accuracy", "speaker.accuracy"),
    (POLNEAR, "texts flagging a conflict / texts", "conflicts.texts_flagged|conflicts.texts"),
    (FIGURES, "claims F1", "claims.f1"),
    (FIGURES, "speaker accuracy", "claims.speaker_accuracy"),
    *_article_set_rows(FIGURES)[1:],
    (STORIES, "grouping F1", "grouping.f1"),
    *_conflict_rows(STORIES),
    *_source_rows(STORIES),
    *_article_set_rows(TUNE),
    *_article_set_rows(CHECK),
)


@dataclass
class Outcome:
    """One evaluation's figures (what `--save` keeps), its error-log lines and notes to print."""

    figures: dict = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Tools:
    """Where the commands are: the `whosaid` console script, the Python that runs the scorers, the scorers."""

    whosaid: Path
    python: str
    scorers: Path


def lookup(totals: dict, path: str) -> str:
    """A figure from the totals by dotted path; 'a|b' prints 'a / b'."""
    parts = []
    for one in path.split("|"):
        value: object = totals
        for key in one.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        if value is None:
            return "-"
        parts.append(f"{value:.3f}" if isinstance(value, float) else str(value))
    return " / ".join(parts)


def table(results: dict[str, dict], before: dict[str, dict] | None = None) -> str:
    header = ["evaluation", "figure"] + (["before"] if before else []) + ["now"]
    rows = [header]
    for evaluation, name, path in ROWS:
        row = [evaluation, name]
        if before:
            row.append(lookup(before.get(evaluation, {}), path))
        row.append(lookup(results.get(evaluation, {}), path))
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


# --- the evaluations ----------------------------------------------------------------------------------------


def evaluate_polnear(tools: Tools, directory: Path) -> Outcome:
    figures, failure = run_json([str(tools.whosaid), "eval", "polnear", str(directory), "--json"])
    outcome = Outcome(figures)
    if failure:
        outcome.notes.append(f"{POLNEAR}: {failure}")
    flagged = figures.get("conflicts", {}).get("flagged", [])
    for text in flagged:
        outcome.log.append(f"-- {text['text']}")
        for conflict in text["conflicts"]:
            outcome.log.append(f"  conflict flagged: {conflict['note']!r}{_rules_text(conflict)}")
    return outcome


def _rules_text(conflict: dict) -> str:
    parts = []
    if conflict.get("rules"):
        parts.append("rules: " + ", ".join(conflict["rules"]))
    if any(conflict.get("figure_rules") or []):
        parts.append(
            "figure rules: " + " | ".join(", ".join(rules) or "-" for rules in conflict["figure_rules"])
        )
    return f" [{'; '.join(parts)}]" if parts else ""


def article_stems(directory: Path) -> list[str]:
    """The articles of an article set folder: each `<stem>.gold.json` that has its `<stem>.txt`."""
    if not directory.is_dir():
        return []
    return sorted(
        path.name.removesuffix(".gold.json")
        for path in directory.glob("*.gold.json")
        if (directory / (path.name.removesuffix(".gold.json") + ".txt")).is_file()
    )


def evaluate_article_set(
    name: str, directory: Path, tools: Tools, *, logged: bool, in_split: int | None = None
) -> Outcome:
    """Score one article set with the figures scorer, check figure sources, and (if `logged`) review it.

    An unlogged set (real-news check) is scored and checked for counts only: nothing about its articles is
    printed or written.
    """
    stems = article_stems(directory)
    if not stems:
        return Outcome()
    with tempfile.TemporaryDirectory(prefix="whosaid-eval-") as reports:
        failures = analyze_into(tools.whosaid, [directory / f"{stem}.txt" for stem in stems], Path(reports))
        scored, failure = run_json(
            [
                tools.python,
                str(tools.scorers / "figures_score.py"),
                "--dir",
                str(directory),
                "--reports",
                reports,
                "--json",
            ]
        )
        outcome = Outcome(scored)
        if failure:
            outcome.notes.append(f"{name}: the figures scorer {failure if logged else 'gave no JSON'}")
        if failures:
            listed = f": {', '.join(f'{stem} ({why})' for stem, why in failures.items())}" if logged else ""
            outcome.notes.append(f"{name}: {len(failures)} article(s) got no report{listed}")
        reviews = {}
        for stem in stems:
            report = _read_json(Path(reports) / f"{stem}.json")
            text = report_text(report, _read_text(directory / f"{stem}.txt"))
            gold = _read_json(directory / f"{stem}.gold.json") or {}
            reviews[stem] = review_article(article_gold(gold, text), report, text)
    sum_reviews(outcome, name, reviews, logged)
    outcome.figures["articles_in_split"] = in_split if in_split is not None else len(stems)
    if in_split is not None and len(stems) < in_split:
        outcome.notes.append(
            f"{name}: {len(stems)} of {in_split} articles have text; the figures cover those only"
        )
    return outcome


def evaluate_stories(directory: Path, tools: Tools) -> Outcome:
    """The story scorer over `whosaid compare`, its saved results then reviewed for the log and sources."""
    with tempfile.TemporaryDirectory(prefix="whosaid-eval-") as results:
        scored, failure = run_json(
            [
                tools.python,
                str(tools.scorers / "story_score.py"),
                "--dir",
                str(directory),
                "--bin",
                str(tools.whosaid.parent),
                "--save-results",
                results,
                "--json",
            ]
        )
        outcome = Outcome(scored)
        if failure:
            outcome.notes.append(f"{STORIES}: the story scorer {failure}")
        reviews = {}
        for gold_path in sorted(directory.glob("*/gold.json")):
            scenario = gold_path.parent
            gold = _read_json(gold_path) or {}
            files = [file for file in gold.get("files", []) if isinstance(file, str)]
            result = _read_json(Path(results) / f"{scenario.name}.json")
            texts = _result_texts(result, files, scenario)
            reviews[scenario.name] = review_scenario(scenario_gold(gold, texts.get), result, files)
    sum_reviews(outcome, STORIES, reviews, logged=True)
    return outcome


def _result_texts(result: dict | None, files: list[str], scenario: Path) -> dict[str, str]:
    """Each file's text as the result's offsets index it: the result's article text, else the file's."""
    articles = result.get("articles") if isinstance(result, dict) else None
    articles = articles if isinstance(articles, list) else []
    texts = {}
    for position, file in enumerate(files):
        article = (
            articles[position] if position < len(articles) and isinstance(articles[position], dict) else {}
        )
        path = scenario / file
        file_text = _read_text(path) if path.is_file() else ""
        texts[file] = report_text(article, file_text)
    return texts


def sum_reviews(outcome: Outcome, name: str, reviews: dict[str, Review], logged: bool) -> None:
    """Add the figure-source counts, check the review's conflict counts against the scorer's, log findings."""
    sources = SourceTally()
    for review in reviews.values():
        sources.extend(review.sources)
    if outcome.figures:
        outcome.figures["figure_sources"] = sources.figures()
        conflicts = outcome.figures.get("conflicts", {})
        mine = {
            "predicted": sum(review.predicted for review in reviews.values()),
            "correct": sum(review.correct for review in reviews.values()),
            "found": sum(review.found for review in reviews.values()),
            "trap_hits": sum(review.trap_hits for review in reviews.values()),
        }
        differ = {
            key: (value, conflicts.get(key)) for key, value in mine.items() if conflicts.get(key) != value
        }
        if differ:
            outcome.notes.append(
                f"{name}: the error log's conflict counts differ from the scorer's (log, scorer): {differ}"
            )
    if logged:
        for stem, review in reviews.items():
            if review.findings:
                outcome.log.append(f"-- {stem}")
                outcome.log += [f"  {finding.kind}: {finding.text}" for finding in review.findings]


def _read_text(path: Path) -> str:
    # newline="" keeps "\r\n" as two characters, as the scorers read the files.
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _read_json(path: Path) -> dict | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def split_sizes(shared: Path) -> dict[str, int]:
    """How many articles each real-news split has, from the set's manifest ({} when it can't be read)."""
    manifest = _read_json(shared / "real-news-dev" / "manifest.json") or {}
    sizes: dict[str, int] = {}
    for item in manifest.get("items", []):
        if isinstance(item, dict) and isinstance(item.get("split"), str):
            sizes[item["split"]] = sizes.get(item["split"], 0) + 1
    return sizes


def run_all(tools: Tools, shared: Path, real_news: Path | None) -> dict[str, Outcome]:
    """Every evaluation's outcome, keyed by its name in `ROWS`."""
    outcomes = {
        POLNEAR: evaluate_polnear(tools, shared / "polnear" / "dev"),
        FIGURES: evaluate_article_set(FIGURES, shared / "figures-dev", tools, logged=True),
        STORIES: evaluate_stories(shared / "stories-dev", tools),
    }
    sizes = split_sizes(shared)
    for name, split, logged in ((TUNE, "tune", True), (CHECK, "check", False)):
        folder = real_news / split if real_news else None
        outcome = (
            evaluate_article_set(name, folder, tools, logged=logged, in_split=sizes.get(split))
            if folder
            else Outcome()
        )
        if not outcome.figures:
            where = (
                f"no rebuilt texts in {folder}"
                if folder
                else f"no folder given (--real-news or {REAL_NEWS_VARIABLE})"
            )
            outcome.notes.append(f"{name}: {where}; {REBUILD_HINT}")
        outcomes[name] = outcome
    return outcomes


def write_log(path: Path, outcomes: dict[str, Outcome]) -> None:
    """The error log: one section per evaluation that keeps one (never real-news check)."""
    lines = [
        "# make eval error log: missed gold conflicts, false conflicts (note, rules), trap hits, wrong figure",
        "# sources and figures no report figure reads; PolNeAR dev: the conflicts it flags. Real-news check is",
        "# left out on purpose: its articles and misses are not to be read.",
    ]
    for name in (FIGURES, STORIES, TUNE, POLNEAR):
        outcome = outcomes.get(name)
        if outcome is None or not outcome.figures:
            continue
        lines += ["", f"== {name}", *(outcome.log or ["(nothing to report)"])]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None, *, environ: Callable[[str], str | None] = os.environ.get) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path("../shared"), help="folder with the data and scorers"
    )
    parser.add_argument(
        "--bin", type=Path, default=Path(".venv/bin"), help="folder holding the whosaid command"
    )
    parser.add_argument(
        "--real-news",
        type=Path,
        default=Path(environ(REAL_NEWS_VARIABLE)) if environ(REAL_NEWS_VARIABLE) else None,
        help=f"folder holding the rebuilt real-news tune/ and check/ (default: ${REAL_NEWS_VARIABLE})",
    )
    parser.add_argument(
        "--log", type=Path, default=DEFAULT_LOG, help=f"error log file (default {DEFAULT_LOG})"
    )
    parser.add_argument("--save", type=Path, help="write the totals as JSON")
    parser.add_argument("--before", type=Path, help="totals of an earlier run (from --save) for comparison")
    args = parser.parse_args(argv)
    shared = args.shared.resolve()
    tools = Tools(whosaid=args.bin.resolve() / "whosaid", python=sys.executable, scorers=shared / "eval")
    outcomes = run_all(tools, shared, args.real_news.resolve() if args.real_news else None)
    results = {name: outcome.figures for name, outcome in outcomes.items()}
    if args.save:
        args.save.write_text(json.dumps(results, indent=1))
    before = json.loads(args.before.read_text()) if args.before else None
    write_log(args.log, outcomes)
    print(table(results, before))
    for outcome in outcomes.values():
        for note in outcome.notes:
            print(f"note: {note}")
    print(f"error log: {args.log}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
