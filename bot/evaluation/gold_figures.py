"""Gold conflict figures and traps of the figure sets, located in the text a report gives.

Two gold shapes are read:

- an article set (figures dev, real-news dev): `<stem>.gold.json` with `conflicts` (each a `measure` and
  `figures`: `number`, `snippet`, `value`, `speakers`) and `traps` (`number`, `snippet`, `why`);
- a story scenario (stories dev): `gold.json` with `stories` (each `files` and `conflicts`, whose figures also
  name their `file`, may be `optional`, and carry a `source` note instead of `speakers`), and `traps` that
  name their `file`.

A number is located the way the sets' scorers locate it: the snippet's first occurrence in the text, then
the number inside it as a whole word if it can be, else as a plain substring. A gold number that can't be
located keeps `span=None` and is reported, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.evaluation.scoring import CharSpan

# A `source` note of the stories set reads like "Pellin Regional Fire Service, Tuesday night (earlier count)"
# or "headline: the fire service's revised count": each piece between these marks is taken as one name.
_NOTE_PIECE_MARKS = re.compile(r"[,;:()]")


@dataclass(frozen=True)
class GoldFigure:
    """One mention of a value in a gold conflict."""

    conflict: int  # index of its gold conflict (stories: counted over all stories, in order)
    measure: str
    number: str  # as written
    snippet: str
    value_key: object  # tells distinct values of one conflict apart, as the scorers do
    names: tuple[str, ...]  # who gives the figure; empty when the article names no source
    span: CharSpan | None  # the number in the text; None when it can't be located
    file: str | None = None  # stories: the article it is in
    optional: bool = False  # stories: may be in the conflict, not required


@dataclass(frozen=True)
class GoldTrap:
    """A number that must be in no conflict."""

    number: str
    snippet: str
    why: str | None
    span: CharSpan | None
    file: str | None = None


@dataclass(frozen=True)
class GoldFigures:
    """An article's (or a scenario's) gold conflicts, by index, with their figures and the traps."""

    measures: tuple[str, ...]
    figures: tuple[GoldFigure, ...]
    traps: tuple[GoldTrap, ...]
    story_files: tuple[frozenset[str], ...] = ()  # stories: the files of each conflict's story

    def of_conflict(self, conflict: int) -> list[GoldFigure]:
        return [figure for figure in self.figures if figure.conflict == conflict]

    def required_values(self, conflict: int) -> set[object]:
        """The distinct values a conflict must show to be found (optional figures left out)."""
        return {figure.value_key for figure in self.of_conflict(conflict) if not figure.optional}


def locate_number(text: str, snippet: str, number: str) -> CharSpan | None:
    """The span of `number` inside the first occurrence of `snippet` in `text`, or None."""
    if not snippet or not number:
        return None
    start = text.find(snippet)
    if start < 0:
        return None
    piece = text[start : start + len(snippet)]
    if match := re.search(r"(?<!\w)" + re.escape(number) + r"(?!\w)", piece):
        return start + match.start(), start + match.end()
    inner = piece.find(number)
    return None if inner < 0 else (start + inner, start + inner + len(number))


def spans_overlap(first: CharSpan, second: CharSpan) -> bool:
    return min(first[1], second[1]) > max(first[0], second[0])


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _names(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(name for name in value if isinstance(name, str) and name.strip())


def note_names(note: object) -> tuple[str, ...]:
    """The names a stories `source` note offers: the whole note and each piece between , ; : ( )."""
    if not isinstance(note, str) or not note.strip():
        return ()
    pieces = [piece.strip() for piece in _NOTE_PIECE_MARKS.split(note)]
    return tuple(dict.fromkeys([note.strip(), *(piece for piece in pieces if piece)]))


def article_gold(gold: dict, text: str) -> GoldFigures:
    """The gold of one article of an article set, located in `text`."""
    measures, figures = [], []
    for index, conflict in enumerate(_list(gold.get("conflicts"))):
        measures.append(_text(conflict.get("measure")))
        for figure in _list(conflict.get("figures")):
            number, snippet = _text(figure.get("number")), _text(figure.get("snippet"))
            value = _number(figure.get("value"))
            figures.append(
                GoldFigure(
                    conflict=index,
                    measure=measures[-1],
                    number=number,
                    snippet=snippet,
                    value_key=number if value is None else value,
                    names=_names(figure.get("speakers")),
                    span=locate_number(text, snippet, number),
                )
            )
    traps = [
        GoldTrap(
            number=_text(trap.get("number")),
            snippet=_text(trap.get("snippet")),
            why=trap.get("why") if isinstance(trap.get("why"), str) else None,
            span=locate_number(text, _text(trap.get("snippet")), _text(trap.get("number"))),
        )
        for trap in _list(gold.get("traps"))
    ]
    return GoldFigures(tuple(measures), tuple(figures), tuple(traps))


def scenario_gold(gold: dict, text_of: Callable[[str], str | None]) -> GoldFigures:
    """The gold of one stories scenario, each number located in the text of its file."""

    def locate(file: str, snippet: str, number: str) -> CharSpan | None:
        text = text_of(file)
        return None if text is None else locate_number(text, snippet, number)

    measures, figures, story_files = [], [], []
    for story in _list(gold.get("stories")):
        files = frozenset(name for name in story.get("files") or [] if isinstance(name, str))
        for conflict in _list(story.get("conflicts")):
            index = len(measures)
            measures.append(_text(conflict.get("measure")))
            story_files.append(files)
            for figure in _list(conflict.get("figures")):
                file = _text(figure.get("file"))
                number, snippet = _text(figure.get("number")), _text(figure.get("snippet"))
                value, upper = _number(figure.get("value")), _number(figure.get("upper"))
                figures.append(
                    GoldFigure(
                        conflict=index,
                        measure=measures[-1],
                        number=number,
                        snippet=snippet,
                        value_key=(number, None) if value is None else (value, upper),
                        names=note_names(figure.get("source")),
                        span=locate(file, snippet, number),
                        file=file,
                        optional=bool(figure.get("optional")),
                    )
                )
    traps = [
        GoldTrap(
            number=_text(trap.get("number")),
            snippet=_text(trap.get("snippet")),
            why=trap.get("why") if isinstance(trap.get("why"), str) else None,
            span=locate(_text(trap.get("file")), _text(trap.get("snippet")), _text(trap.get("number"))),
            file=_text(trap.get("file")),
        )
        for trap in _list(gold.get("traps"))
    ]
    return GoldFigures(tuple(measures), tuple(figures), tuple(traps), tuple(story_files))


def _list(value: object) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
