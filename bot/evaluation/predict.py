"""Running the engine over many texts for an evaluation: batched, and one bad text doesn't stop the run."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.article import Article
from bot.engine import analyze_many, get_pipeline
from bot.errors import InputError
from bot.report import Report

# Texts handed to `analyze_many` at once; it batches them through `nlp.pipe` itself.
_CHUNK = 32


@dataclass
class Predictions:
    """One report per text (None where the engine refused or failed), and why."""

    reports: list[Report | None]
    input_errors: dict[int, str] = field(default_factory=dict)
    engine_errors: dict[int, str] = field(default_factory=dict)
    seconds: float = 0.0


def predict(texts: Sequence[str], *, model: str) -> Predictions:
    """Analyze every text with `analyze_many`, never cutting one (max_chars above the longest).

    `analyze_many` raises `InputError` for the first bad text of a batch; that batch is then redone one text
    at a time, so a refused text counts as predicting nothing and the others still get their reports. Any
    other exception is an engine bug: it is recorded (and reported) rather than hiding the other scores.
    """
    get_pipeline(model)  # a missing model is the user's to fix: let its message out before any text is tried
    max_chars = max([200_000, *(len(text) + 1 for text in texts)])
    predictions = Predictions(reports=[None] * len(texts))
    started = time.perf_counter()
    for first in range(0, len(texts), _CHUNK):
        indexes = range(first, min(first + _CHUNK, len(texts)))
        try:
            reports = analyze_many(
                [Article(text=texts[i]) for i in indexes], model=model, max_chars=max_chars
            )
        except Exception:
            for index in indexes:
                predictions.reports[index] = _predict_one(texts[index], index, model, max_chars, predictions)
        else:
            for index, report in zip(indexes, reports, strict=True):
                predictions.reports[index] = report
    predictions.seconds = time.perf_counter() - started
    return predictions


def _predict_one(
    text: str, index: int, model: str, max_chars: int, predictions: Predictions
) -> Report | None:
    try:
        return analyze_many([Article(text=text)], model=model, max_chars=max_chars)[0]
    except InputError as error:
        predictions.input_errors[index] = str(error)
    except Exception as error:
        predictions.engine_errors[index] = f"{type(error).__name__}: {error}"
        print(
            f"whosaid eval: the engine failed on text {index}: {type(error).__name__}: {error}",
            file=sys.stderr,
        )
    return None
