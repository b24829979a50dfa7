"""How much the whole analysis costs over the bare default spaCy pipeline, on the PolNeAR dev texts.

    .venv/bin/python benchmarks/bench_analysis.py [SPLIT_DIR] [--repeat N]

Bare: `spacy.load(model)` with nothing disabled, `nlp.pipe` over the texts. Whole: `bot.engine.analyze_many`
over the same texts (its own trimmed pipeline, parsing and every extraction step). Both are warmed up first,
then timed N times, taking turns; the best and the median of CPU seconds (and wall seconds beside them) are
printed, with their ratio. Target: whole <= 1.1 x bare.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from bot.article import Article
from bot.engine import analyze_many, get_pipeline
from bot.errors import InputError
from bot.settings import get_settings

DEFAULT_SPLIT = Path(__file__).resolve().parent.parent.parent / "shared" / "polnear" / "dev"
TARGET_RATIO = 1.1


def load_texts(split: Path) -> list[str]:
    """The split's texts, in name order."""
    folder = split / "text"
    if not folder.is_dir():
        sys.exit(f"bench_analysis: {folder} not found; pass a PolNeAR split folder holding text/")
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]


def time_runs(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, tuple[list[float], list[float]]]:
    """(wall seconds, CPU seconds of this process) of each of `repeat` runs of every entry, after one untimed
    warm-up each. The entries take turns, so a machine that slows down or speeds up (other jobs sharing it) skews
    them alike; CPU seconds are what the ratio is read from, wall seconds are printed beside them."""
    for run in runs.values():
        run()
    timings: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            timings[name][0].append(time.perf_counter() - wall)
            timings[name][1].append(time.process_time() - cpu)
    return timings


def analyzable(texts: list[str], model: str, max_chars: int) -> tuple[list[str], int]:
    """The texts the engine accepts (a refused text would stop a batch), and how many were left out."""
    try:
        analyze_many([Article(text=text) for text in texts], model=model, max_chars=max_chars)
        return texts, 0
    except InputError:
        kept = []
        for text in texts:
            try:
                analyze_many([Article(text=text)], model=model, max_chars=max_chars)
            except InputError:
                continue
            kept.append(text)
        return kept, len(texts) - len(kept)


def main() -> int:
    """Time both, print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("split", nargs="?", type=Path, default=DEFAULT_SPLIT, help="PolNeAR split folder")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (default 3)")
    args = parser.parse_args()

    model = get_settings().spacy_model
    texts = load_texts(args.split)
    max_chars = max([200_000, *(len(text) + 1 for text in texts)])
    texts, refused = analyzable(texts, model, max_chars)
    characters = sum(len(text) for text in texts)

    bare_nlp = spacy.load(model)
    articles = [Article(text=text) for text in texts]
    timings = time_runs(
        {
            "bare spaCy": lambda: list(bare_nlp.pipe(texts)),
            "whole": lambda: analyze_many(articles, model=model, max_chars=max_chars),
        },
        args.repeat,
    )

    print(f"split       {args.split}")
    print(f"model       {model}")
    print(f"bare pipes  {', '.join(bare_nlp.pipe_names)}")
    print(f"engine's    {', '.join(get_pipeline(model).pipe_names)}")
    left_out = f"  ({refused} refused by the engine, left out of both)" if refused else ""
    print(f"documents   {len(texts)}{left_out}")
    print(f"characters  {characters:,}")
    print(f"runs        {args.repeat} timed of each, taking turns, after one warm-up each")
    print(f"{'':12}{'CPU best':>10}{'CPU median':>12}{'wall best':>11}{'wall median':>13}{'chars/CPU s':>13}")
    for name, (wall, cpu) in timings.items():
        print(
            f"{name:<12}{min(cpu):>10.3f}{statistics.median(cpu):>12.3f}{min(wall):>11.3f}"
            f"{statistics.median(wall):>13.3f}{characters / min(cpu):>13,.0f}"
        )
    (bare_wall, bare_cpu), (whole_wall, whole_cpu) = timings["bare spaCy"], timings["whole"]
    ratio_best = min(whole_cpu) / min(bare_cpu)
    ratio_median = statistics.median(whole_cpu) / statistics.median(bare_cpu)
    wall_best = min(whole_wall) / min(bare_wall)
    verdict = "within" if ratio_best <= TARGET_RATIO else "OVER"
    print(
        f"ratio       CPU {ratio_best:.2f} best, {ratio_median:.2f} median; wall {wall_best:.2f} best  "
        f"({verdict} {TARGET_RATIO}x target)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
