"""`make eval`: run the three evaluations and print one table.

- PolNeAR dev: `whosaid eval polnear DIR --json` (attributions: content and end-to-end F1).
- figures dev: the figures scorer over `whosaid analyze FILE --json` (claims, conflicts, trap hits).
- stories dev: the story scorer over `whosaid compare FILES --json` (grouping, cross-article conflicts).

The scorers live beside the data sets (`../shared/eval` by default); each is run as a separate process with
`--json` and its last JSON line is read. `--save FILE` keeps the figures as JSON; `--before FILE` adds the
figures of an earlier run as a column.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

Row = tuple[str, str, str]  # (evaluation, figure name, JSON path into that evaluation's totals)

ROWS: tuple[Row, ...] = (
    ("PolNeAR dev", "content F1", "content.f1"),
    ("PolNeAR dev", "end-to-end F1", "end_to_end.f1"),
    ("PolNeAR dev", "speaker accuracy", "speaker.accuracy"),
    ("figures dev", "claims F1", "claims.f1"),
    ("figures dev", "speaker accuracy", "claims.speaker_accuracy"),
    ("figures dev", "conflicts F1", "conflicts.f1"),
    ("figures dev", "conflicts found / gold", "conflicts.found|conflicts.gold"),
    ("figures dev", "trap hits", "conflicts.trap_hits"),
    ("figures dev", "conflicts in no-conflict articles", "conflicts.false_conflicts_in_no_conflict_articles"),
    ("stories dev", "grouping F1", "grouping.f1"),
    ("stories dev", "conflicts F1", "conflicts.f1"),
    ("stories dev", "trap hits", "conflicts.trap_hits"),
)


def _last_json(output: str) -> dict:
    for line in reversed(output.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no JSON line in the output")


def _run(command: list[str]) -> dict:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        return _last_json(done.stdout)
    except ValueError:
        sys.stderr.write(f"{' '.join(command)} gave no JSON:\n{done.stderr[-2000:]}\n")
        return {}


def run_all(venv_bin: Path, shared: Path) -> dict[str, dict]:
    """The totals of each evaluation, keyed by its name in `ROWS`."""
    python = sys.executable
    whosaid = venv_bin / "whosaid"
    return {
        "PolNeAR dev": _run([str(whosaid), "eval", "polnear", str(shared / "polnear" / "dev"), "--json"]),
        "figures dev": _run(
            [
                python,
                str(shared / "eval" / "figures_score.py"),
                "--dir",
                str(shared / "figures-dev"),
                "--cmd",
                f"{whosaid} analyze {{file}} --json",
                "--json",
            ]
        ),
        "stories dev": _run(
            [
                python,
                str(shared / "eval" / "story_score.py"),
                "--dir",
                str(shared / "stories-dev"),
                "--bin",
                str(venv_bin),
                "--json",
            ]
        ),
    }


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
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path("../shared"), help="folder with the data and scorers"
    )
    parser.add_argument(
        "--bin", type=Path, default=Path(".venv/bin"), help="folder holding the whosaid command"
    )
    parser.add_argument("--save", type=Path, help="write the totals as JSON")
    parser.add_argument("--before", type=Path, help="totals of an earlier run (from --save) for comparison")
    args = parser.parse_args(argv)
    results = run_all(args.bin.resolve(), args.shared.resolve())
    if args.save:
        args.save.write_text(json.dumps(results, indent=1))
    before = json.loads(args.before.read_text()) if args.before else None
    print(table(results, before))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
