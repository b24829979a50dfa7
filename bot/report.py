"""The analysis report: the `whosaid.report/1` contract.

Other tools read `whosaid analyze --json`, so the field names and meanings here are stable. A change that
breaks a reader gets a new schema name (`whosaid.report/2`), never a silent edit.
Offsets are Python `str` indices into `Report.text`, end exclusive.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

REPORT_SCHEMA = "whosaid.report/1"

ClaimKind = Literal["direct", "indirect", "mixed"]


class Span(BaseModel):
    """A stretch of the report's text: `text[start:end]`."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int


class Claim(BaseModel):
    """One attributed statement: who (speaker), how (cue), what (content spans)."""

    speaker: str | None = Field(description="Readable name of the source, or null when it can't be resolved.")
    role: str | None = Field(default=None, description="Title or description kept apart from the name.")
    speaker_mention: Span | None = Field(
        default=None, description="Where the source is named for this claim."
    )
    cue: Span | None = Field(
        default=None, description="The attributing words: 'said', 'told', 'according to'."
    )
    content: list[Span] = Field(description="What was said; several spans for a quote split over paragraphs.")
    kind: ClaimKind
    via: str | None = Field(default=None, description="The outlet the source spoke to ('Reuters').")
    anonymous: bool = False
    hedges: list[str] = Field(default_factory=list, description="Doubts the article attaches to the claim.")


class Figure(BaseModel):
    """A number the article reports, with what it counts."""

    value: int | float
    upper: int | float | None = Field(
        default=None, description="Upper bound of a range ('between 15 and 20')."
    )
    qualifier: str | None = Field(default=None, description="'at least', 'more than', 'about', 'only', ...")
    measure: str | None = Field(default=None, description="What is counted, normalised: 'killed', 'wounded'.")
    span: Span
    claim: int | None = Field(default=None, description="Index into claims, or null if the article says it.")
    background: bool = Field(
        default=False,
        description="About another, earlier or separate event than the article's own; kept out of conflicts.",
    )


class Conflict(BaseModel):
    """Figures of one measure about one event whose values differ between sources."""

    measure: str
    figures: list[int] = Field(description="Indexes into figures.")
    note: str


class Report(BaseModel):
    """Everything WhoSaid found in one article."""

    model_config = ConfigDict(populate_by_name=True)

    schema_name: str = Field(default=REPORT_SCHEMA, alias="schema")
    text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    truncated: bool = False
    claims: list[Claim] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)

    def to_json(self) -> str:
        """The contract's JSON form: one line, `schema` first."""
        return self.model_dump_json(by_alias=True)

    def quote(self, span: Span) -> str:
        """The text a span covers."""
        return self.text[span.start : span.end]

    def figure_label(self, figure: Figure) -> str:
        """A figure as a person reads it: 'at least 22', 'between 15 and 20'."""
        return format_figure(figure)


_SCALES = ((1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"))
_EXACT_IN_A_FLOAT = 2**53
_CURRENCIES = {"dollars": "$", "pounds": "£", "euros": "€", "yen": "¥"}


def format_number(value: float) -> str:
    """17.0 -> '17', 2000 -> '2,000', 1200000.0 -> '1.2 million', 3.5 -> '3.5'.

    Never raises: the engine keeps figures finite and sane, but a stored or hand-made report may not be.
    """
    if isinstance(value, int) and abs(value) > _EXACT_IN_A_FLOAT:
        return f"{value:,}"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if not math.isfinite(number):
        return "not a number" if math.isnan(number) else ("-" if number < 0 else "") + "infinity"
    for scale, word in _SCALES:
        hundredths = number * 100 / scale
        if abs(number) >= scale and math.isfinite(hundredths) and hundredths == int(hundredths):
            return f"{number / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    if number == int(number):
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def format_figure(figure: Figure) -> str:
    """'at least 22', 'between 15 and 20', '17', '$3.4 billion'."""
    symbol = _CURRENCIES.get(figure.measure or "", "")
    if figure.upper is not None:
        text = f"between {symbol}{format_number(figure.value)} and {symbol}{format_number(figure.upper)}"
    else:
        text = symbol + format_number(figure.value)
    if figure.qualifier and figure.upper is None:
        text = f"{figure.qualifier} {text}"
    return text
