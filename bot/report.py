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
    # The figure's structure (optional fields added within whosaid.report/1). Two figures are comparable only
    # when counted, quantity, unit, period and status agree.
    counted: str | None = Field(
        default=None,
        description="The counted thing as a normalised lemma ('people', 'home', 'job', 'vote'); null for a "
        "named quantity such as turnout or inflation.",
    )
    quantity: str | None = Field(
        default=None,
        description="What happened to the counted thing, or the quantity's name, from a small documented "
        "family: 'killed', 'destroyed', 'cut'; 'turnout', 'revenue', 'inflation', 'magnitude'.",
    )
    unit: str | None = Field(
        default=None, description="'%', a currency code ('USD', 'EUR'), 'ha', 'km2', 'km', 'mm', ...; null for a count."
    )
    period: str | None = Field(
        default=None, description="The period the figure is for, as written and normalised: 'Q3', '2025', 'this year'."
    )
    status: str | None = Field(
        default=None,
        description="'forecast' for an expectation or projection, 'estimate', 'suspected', 'target' for a goal or "
        "a limit set in advance; null when reported as a fact.",
    )
    change: bool = Field(
        default=False, description="A change ('rose 9%', 'fell 22%', 'up from ...') rather than a level."
    )
    source: str | None = Field(
        default=None,
        description="Who gives the figure, as a person reads it ('health ministry', 'an unnamed source via "
        "Reuters'); null when the article says it in its own voice. Computed once here; views reuse it.",
    )
    source_key: str | None = Field(
        default=None, description="Identity of the source for telling sources apart (lower case); null as above."
    )
    place: str | None = Field(
        default=None,
        description="Where the figure holds when its clause names a narrower place than the article's own "
        "('washington'), lower case; null for the article's own scope.",
    )
    belongs_to: str | None = Field(
        default=None,
        description="Whose share a percentage is when its clause names it ('united tarsenia' for 'won 54.2% of "
        "the vote'), lower case; shares of different parties are never compared.",
    )
    rules: list[str] = Field(
        default_factory=list,
        description="Labels of the declared patterns that read this figure ('holder:according-to', "
        "'part:including', 'baseline:up-from'), for error logs and debugging.",
    )
    comparable: bool = Field(
        default=False,
        description="Whether the engine lets this figure take part in a conflict (attributed, about the "
        "article's event, not a part of another figure, structure known).",
    )


class Conflict(BaseModel):
    """Figures of one measure about one event whose values differ between sources."""

    measure: str
    figures: list[int] = Field(description="Indexes into figures.")
    note: str
    subject: str | None = Field(
        default=None, description="What is compared, readable: 'people missing', 'turnout (%)'."
    )
    event: str | None = Field(
        default=None, description="The event the figures are about, when known: 'the Tormaine landslide'."
    )
    reason: Literal["sources", "revision"] | None = Field(
        default=None,
        description="'sources' when different sources give different values; 'revision' when one source "
        "revised its own figure.",
    )
    newer: list[int] = Field(
        default_factory=list, description="Indexes into figures of revised figures that replace earlier ones."
    )


class Entity(BaseModel):
    """A person, organisation or place named in the article (not in its dateline or byline)."""

    text: str
    label: str = Field(description="'PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT'.")
    span: Span


class Dateline(BaseModel):
    """'TORVIK, May 4 (AP) -': where and when the article was filed, and by whom. Never a source."""

    span: Span
    place: str | None = None
    date: str | None = Field(default=None, description="The date as written ('May 4').")
    outlet: str | None = None


class Event(BaseModel):
    """The article's own event, as far as the text says it."""

    kind: str | None = Field(
        default=None, description="From a small documented family: 'explosion', 'strike', 'election', ..."
    )
    trigger: Span | None = Field(default=None, description="The word that names the event.")
    date: str | None = Field(default=None, description="When it happened, as written ('Tuesday evening').")
    day: str | None = Field(
        default=None, description="The date resolved against the dateline or publication date (YYYY-MM-DD)."
    )
    place: str | None = None


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
    headline: Span | None = Field(default=None, description="The first line when it reads as a headline.")
    dateline: Dateline | None = None
    sentences: list[Span] = Field(default_factory=list, description="Sentence boundaries, in order.")
    entities: list[Entity] = Field(default_factory=list)
    event: Event | None = None

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
# Hundredths of a currency, stored in the whole unit: their name as the text gives it.
_SUBUNITS = frozenset({"cents", "pence"})


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


def _in_a_currency(unit: str | None) -> bool:
    """'USD', 'GBP per share': a unit in a currency, by its code."""
    code = (unit or "").split(" ")[0]
    return len(code) == 3 and code.isalpha() and code.isupper()


def format_figure(figure: Figure) -> str:
    """'at least 22', 'between 15 and 20', '17', '$3.4 billion'."""
    if figure.measure in _SUBUNITS and _in_a_currency(figure.unit):
        # "84 cents a share" is stored as 0.84 dollars (its unit the currency's); a reader knows it as 84 cents.
        low = format_number(round(figure.value * 100, 6))
        text = f"between {low} and {format_number(round(figure.upper * 100, 6))}" if figure.upper is not None else low
        text = f"{text} {figure.measure}"
        return f"{figure.qualifier} {text}" if figure.qualifier and figure.upper is None else text
    symbol = _CURRENCIES.get(figure.measure or "", "")
    if figure.upper is not None:
        text = f"between {symbol}{format_number(figure.value)} and {symbol}{format_number(figure.upper)}"
    else:
        text = symbol + format_number(figure.value)
    if figure.qualifier and figure.upper is None:
        text = f"{figure.qualifier} {text}"
    return text
