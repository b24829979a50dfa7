"""Figure source accuracy: does a report say who gives each gold conflict figure?

For every located gold conflict figure, the report's figure that reads that number is the one whose span
overlaps the number inside the gold snippet (the most overlapping one when several do). Its `source` (null =
the article's own voice) is then compared with the gold names:

- gold names empty: the article names no source for the figure, so only a null source is right;
- otherwise a source is right when it names one of them, with the figures scorer's speaker rule: lower case,
  whole words (runs of letters and digits), a leading "a", "an" or "the" ignored, and one name's words found
  as a run inside the other's, either way round. So "police" names "City police", "Health Ministry" names
  "the ministry", and "he" names nobody but "he". A report's source reads "speaker (anonymous) via outlet";
  the scorer compares a claim's speaker alone, so the speaker part is tried as well as the whole: "Petra
  Vollan via TVZ" names "hospital director Petra Vollan" (and, whole, "TVZ").

A gold figure that no report figure reads is counted as not found, apart from the accuracy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.evaluation.gold_figures import GoldFigure
from bot.evaluation.scoring import CharSpan

_LEADING_ARTICLES = frozenset({"a", "an", "the"})
_WORD = re.compile(r"\w+")
# What a report's source adds after the speaker: "(anonymous)" and " via <outlet>" (bot/engine/conflicts.py).
_SOURCE_ADDITIONS = re.compile(r"(?:\s*\(anonymous\))?(?: via .*)?$")


def name_words(name: object) -> list[str]:
    """'The Health Ministry' -> ['health', 'ministry']; typographic apostrophes read as plain ones."""
    if not isinstance(name, str):
        return []
    words = _WORD.findall(name.replace("\u2019", "'").lower())
    while words and words[0] in _LEADING_ARTICLES:
        words = words[1:]
    return words


def _holds_run(words: Sequence[str], run: Sequence[str]) -> bool:
    size = len(run)
    return size > 0 and any(list(words[i : i + size]) == list(run) for i in range(len(words) - size + 1))


def speaker_part(source: str) -> str:
    """'a trader (anonymous) via Reuters' -> 'a trader'; a source without those additions stays as it is."""
    return _SOURCE_ADDITIONS.sub("", source, count=1).strip()


def names_match(predicted: object, gold_names: Sequence[str]) -> bool:
    """Whether a predicted source names one of the gold names (whole words, either contains the other),
    whole or by its speaker part."""
    if not isinstance(predicted, str):
        return False
    forms = [words for words in (name_words(predicted), name_words(speaker_part(predicted))) if words]
    for gold in gold_names:
        theirs = name_words(gold)
        if theirs and any(_holds_run(mine, theirs) or _holds_run(theirs, mine) for mine in forms):
            return True
    return False


def source_right(predicted: object, gold_names: Sequence[str]) -> bool:
    """A report figure's source against the gold names (empty names: only the article's own voice is right)."""
    if not any(name_words(name) for name in gold_names):
        return not name_words(predicted)
    return names_match(predicted, gold_names)


@dataclass(frozen=True)
class SourceCheck:
    """One gold figure: the report figure that reads it (index, or None) and whether its source is right."""

    gold: GoldFigure
    figure: int | None
    source: str | None = None
    right: bool = False
    rules: tuple[str, ...] = ()  # the report figure's `rules` labels, when the report has them


@dataclass
class SourceTally:
    """Right sources among the gold figures a report reads, and the gold figures it doesn't read."""

    right: int = 0
    scored: int = 0
    not_found: int = 0
    checks: list[SourceCheck] = field(default_factory=list)

    def add(self, check: SourceCheck) -> None:
        self.checks.append(check)
        if check.figure is None:
            self.not_found += 1
        else:
            self.scored += 1
            self.right += check.right

    def extend(self, other: SourceTally) -> None:
        for check in other.checks:
            self.add(check)

    def figures(self) -> dict[str, object]:
        """The counts for the table and `--save`."""
        return {
            "accuracy": round(self.right / self.scored, 4) if self.scored else None,
            "right": self.right,
            "scored": self.scored,
            "not_found": self.not_found,
            "gold": self.scored + self.not_found,
        }


def rules_of(item: object) -> list[str]:
    """The `rules` labels of a report figure or conflict (JSON); none when the report has no such field."""
    rules = item.get("rules") if isinstance(item, dict) else None
    return [rule for rule in rules if isinstance(rule, str)] if isinstance(rules, list) else []


def figure_spans(figures: object) -> dict[int, CharSpan]:
    """Report figures (JSON) by index -> span; figures without a usable span are left out."""
    spans = {}
    for index, figure in enumerate(figures if isinstance(figures, list) else []):
        span = figure.get("span") if isinstance(figure, dict) else None
        if isinstance(span, dict):
            start, end = span.get("start"), span.get("end")
            if isinstance(start, int) and isinstance(end, int) and end > start >= 0:
                spans[index] = (start, end)
    return spans


def reading_figure(gold: GoldFigure, spans: dict[int, CharSpan]) -> int | None:
    """The report figure that reads a gold number: most overlap with it, then the earliest."""
    if gold.span is None:
        return None
    start, end = gold.span
    best: tuple[int, int] | None = None  # (overlap, index)
    for index, (figure_start, figure_end) in sorted(spans.items()):
        overlap = min(end, figure_end) - max(start, figure_start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, index)
    return None if best is None else best[1]


def check_sources(golds: Sequence[GoldFigure], figures: object) -> SourceTally:
    """Check the source of every gold figure (optional ones left out) against one report's figures (JSON)."""
    spans = figure_spans(figures)
    tally = SourceTally()
    for gold in golds:
        if gold.optional:
            continue
        index = reading_figure(gold, spans)
        if index is None:
            tally.add(SourceCheck(gold, None))
            continue
        figure = figures[index]  # type: ignore[index]
        source = figure.get("source") if isinstance(figure.get("source"), str) else None
        tally.add(SourceCheck(gold, index, source, source_right(source, gold.names), tuple(rules_of(figure))))
    return tally
