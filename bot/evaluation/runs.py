"""Running `whosaid` and the sets' scorers as separate processes, for `make eval`."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from pathlib import Path

# Per article, as the figures scorer allows by default; a whole batch gets this times its size.
ANALYZE_SECONDS_PER_ARTICLE = 120
# A scorer or `whosaid eval` run as a whole (PolNeAR dev takes a few minutes on a busy machine).
RUN_SECONDS = 3600
# How much of a failed command's error output a note keeps.
ERROR_TAIL_CHARS = 300


def last_json(output: str) -> dict:
    """The last line of `output` that is a JSON object."""
    for line in reversed(output.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            value = json.loads(line)
            if isinstance(value, dict):
                return value
    raise ValueError("no JSON line in the output")


def run_json(command: Sequence[str], *, timeout: float = RUN_SECONDS) -> tuple[dict, str | None]:
    """Run a command and read its last JSON line; ({}, why) when it gives none."""
    try:
        done = subprocess.run(
            list(command),
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return {}, f"{type(error).__name__}: {error}"
    try:
        return last_json(done.stdout), None
    except ValueError:
        return {}, f"exit {done.returncode}, no JSON: {done.stderr.strip()[-ERROR_TAIL_CHARS:]}"


def analyze_into(whosaid: Path, articles: Sequence[Path], out_dir: Path) -> dict[str, str]:
    """Save `whosaid analyze ARTICLE --json` for each article as `out_dir/<stem>.json`; returns stem -> why
    for the articles that got no report.

    The articles go to one `whosaid analyze` process so the model loads once. When that process fails (one
    refused text stops it) or prints a line too few, each article is run on its own.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if not articles:
        return {}
    lines, _ = _analyze(whosaid, articles)
    if lines is not None and len(lines) == len(articles):
        for article, line in zip(articles, lines, strict=True):
            (out_dir / f"{article.stem}.json").write_text(line + "\n", encoding="utf-8")
        return {}
    failures = {}
    for article in articles:
        lines, why = _analyze(whosaid, [article])
        if lines is not None and len(lines) == 1:
            (out_dir / f"{article.stem}.json").write_text(lines[0] + "\n", encoding="utf-8")
        else:
            failures[article.stem] = why or "no report"
    return failures


def _analyze(whosaid: Path, articles: Sequence[Path]) -> tuple[list[str] | None, str | None]:
    """The report lines of one `whosaid analyze ... --json` run, or (None, why)."""
    command = [str(whosaid), "analyze", *map(str, articles), "--json"]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=False,
            timeout=ANALYZE_SECONDS_PER_ARTICLE * len(articles),
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, f"{type(error).__name__}: {error}"
    if done.returncode != 0:
        return None, f"exit {done.returncode}: {done.stderr.strip()[-ERROR_TAIL_CHARS:]}"
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    return lines, None
