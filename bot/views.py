"""What a report shows a person, built once: its sources and its figure lines.

The Telegram formatter (`bot.render`) and the terminal formatter (`bot.terminal`) both read these, so the bot
and the CLI list the same sources, in the same order, with the same figures. Pure: a `Report` in, plain data
out; no markup, no escaping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.engine.conflicts import claim_source_key
from bot.engine.measures import EVENT_FAMILIES
from bot.report import Claim, Conflict, Figure, Report, Span

UNNAMED = "unnamed source"
TITLE_FALLBACK_CHARS = 90
TITLE_LINE_MAX = 150


def shorten(text: str, limit: int) -> str:
    """`text` with spacing collapsed, cut at a word boundary to at most `limit` characters (plus '…')."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.—-") + "…"


def article_title(report: Report) -> str:
    """The report's title, else the text's first line when it reads like a headline, else its first words."""
    if report.title and report.title.strip():
        return " ".join(report.title.split())
    for line in report.text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= TITLE_LINE_MAX else shorten(line, TITLE_FALLBACK_CHARS)
    return "Untitled"


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Names the engine may take from a dateline, a timestamp or a byline: they are never who said something.
_NOT_A_SOURCE = re.compile(
    rf"""^(?:
        (?:updated|published|posted)?\W*\d{{1,2}}[:.h]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?  # 21:35, 9.30 pm GMT
      | (?=.*\d)(?:{_DAYS})?,?\s*(?:\d{{1,2}}\s+)?(?:{_MONTHS})\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?  # 6 March 2026
      | (?:{_DAYS})
      | \d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}                                             # 2026-03-06
      | (?:reporting\s+|written\s+|edited\s+)?by\s+.+                                  # bylines
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_source_name(name: str) -> bool:
    """Whether a name can be a source: times, dates and bylines are not (shown as an unnamed source)."""
    return bool(name.strip()) and _NOT_A_SOURCE.match(name.strip()) is None


def source_name(claim: Claim) -> str:
    """How a claim's source is called: its name, else its description, else 'unnamed source'."""
    for name in (claim.speaker, claim.role):
        if name and is_source_name(name):
            return name.strip()
    return UNNAMED


def claim_text(report: Report, claim: Claim) -> str:
    """What a claim says, its spans joined; a span that stops inside a word ends at its last whole word."""
    parts = [_whole_words(report, span) for span in claim.content]
    return " … ".join(part for part in parts if part)


def _whole_words(report: Report, span: Span) -> str:
    text = " ".join(report.quote(span).split())
    after = report.text[span.end : span.end + 2]
    inside_word = bool(text) and text[-1].isalnum() and (
        after[:1].isalnum() or (after[:1] in "-‐" and after[1:2].isalnum())
    )
    if inside_word and " " in text:
        return text[: text.rfind(" ")].rstrip(" ,;:") + "…"
    return text


_NOT_CHECKED = re.compile(r"\b(?:not|unable|n't|cannot)\b.*\b(confirm|verif|corroborat)", re.IGNORECASE)


def short_hedge(hedge: str) -> str:
    """A hedge in a word where one says it: 'could not be independently confirmed' -> 'unconfirmed'."""
    match = _NOT_CHECKED.search(hedge)
    if match is None:
        return hedge
    stem = match.group(1).lower()
    return {"confirm": "unconfirmed", "verif": "unverified", "corroborat": "uncorroborated"}[stem]


def _add_unique(items: list[str], value: str | None) -> None:
    if value and value.casefold() not in {item.casefold() for item in items}:
        items.append(value)


@dataclass
class SourceGroup:
    """Every claim one source made, with what the article says about that source."""

    name: str
    roles: list[str] = field(default_factory=list)
    vias: list[str] = field(default_factory=list)
    anonymous: bool = False
    hedges: list[str] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)

    @property
    def unresolved(self) -> bool:
        """Claims whose source the engine could not name or describe."""
        return self.name == UNNAMED


def group_sources(report: Report) -> list[SourceGroup]:
    """Claims grouped by source, most-cited first (ties keep the order sources first appear in); claims with
    no named or described source come last, as one group."""
    groups: dict[str, SourceGroup] = {}
    for index, claim in enumerate(report.claims):
        name = source_name(claim)
        group = groups.setdefault(name.casefold(), SourceGroup(name=name))
        group.claims.append(index)
        if claim.speaker and claim.role:
            _add_unique(group.roles, claim.role)
        _add_unique(group.vias, claim.via)
        group.anonymous = group.anonymous or claim.anonymous
        for hedge in claim.hedges:
            _add_unique(group.hedges, hedge)
    ordered = _merge_surnames(list(groups.values()))
    ordered.sort(key=lambda group: (group.unresolved, -len(group.claims)))  # stable: first appearance ties
    return ordered


def _merge_surnames(groups: list[SourceGroup]) -> list[SourceGroup]:
    """Fold a one-word source ('Marchetti') into the one full name ending with it ('Elise Marchetti')."""
    merged: list[SourceGroup] = []
    for group in groups:
        words = group.name.split()
        fuller = [
            other
            for other in groups
            if len(words) == 1
            and other is not group
            and len(other.name.split()) > 1
            and other.name.split()[-1].casefold() == group.name.casefold()
        ]
        if len(fuller) == 1 and group.name[:1].isupper():
            target = fuller[0]
            target.claims = sorted(target.claims + group.claims)
            for role in group.roles:
                _add_unique(target.roles, role)
            for via in group.vias:
                _add_unique(target.vias, via)
            for hedge in group.hedges:
                _add_unique(target.hedges, hedge)
            target.anonymous = target.anonymous or group.anonymous
        else:
            merged.append(group)
    return merged


@dataclass(frozen=True)
class FigureSource:
    """Who gives a figure: a name and short notes ('via Reuters', 'unconfirmed'); None name = the article."""

    name: str | None
    notes: tuple[str, ...] = ()

    def label(self) -> str:
        """'medical source (via Reuters, unconfirmed)', or 'the article itself'."""
        name = self.name or "the article itself"
        return f"{name} ({', '.join(self.notes)})" if self.notes else name

    def inline(self) -> str:
        """The same in one run, for inside brackets: 'medical source via Reuters, unconfirmed'."""
        name = self.name or "the article itself"
        via = [note for note in self.notes if note.startswith("via ")]
        rest = [note for note in self.notes if not note.startswith("via ")]
        return ", ".join([" ".join([name, *via]), *rest])


@dataclass(frozen=True)
class FigureEntry:
    """One figure as shown: its index in the report, how it reads, who gives it, and whether it is about
    another, earlier event."""

    index: int
    value: str
    source: FigureSource
    background: bool = False


@dataclass(frozen=True)
class FigureLine:
    """One measure's figures; `differing` when the engine found they differ.

    A differing line also says what is compared (`about`: 'the number of fighters killed', 'the turnout (%)')
    and, when one source revised its own figure and no other source disagrees (`revised_by`), that source's
    values in the order it gave them (`revised`, oldest first).
    """

    measure: str
    entries: tuple[FigureEntry, ...]
    differing: bool = False
    about: str = ""
    revised_by: FigureSource | None = None
    revised: tuple[FigureEntry, ...] = ()


def figure_source(report: Report, figure: Figure) -> FigureSource:
    """Who gives a figure, with the outlet it came through and the doubts attached, each said once."""
    claim = report.claims[figure.claim] if figure.claim is not None and 0 <= figure.claim < len(report.claims) else None
    # The engine's own reading when no claim holds the figure (a source the article's own voice cites, "the
    # ministry's estimate of ...", or none), or when it names another source than the claim's speaker ("On board:
    # 180 (operator) vs 260 (survivors)"), as its conflict notes do.
    if claim is None or (figure.source is not None and figure.source_key != claim_source_key(claim)):
        return FigureSource(name=figure.source)
    notes = [f"via {claim.via}"] if claim.via else []
    for hedge in claim.hedges:
        _add_unique(notes, short_hedge(hedge))
    return FigureSource(name=source_name(claim), notes=tuple(notes))


def _entry(report: Report, index: int) -> FigureEntry:
    figure = report.figures[index]
    return FigureEntry(
        index=index,
        value=report.figure_label(figure),
        source=figure_source(report, figure),
        background=figure.background,
    )


def _newest_per_source(report: Report, indexes: list[int]) -> list[int]:
    """One figure per source: where a source gives several values (a revised toll), the last one it gives.
    Figures the article states itself are all kept: they are not one source revising itself."""
    latest: dict[str, int] = {}
    kept: list[int] = []
    for index in sorted(indexes, key=lambda i: report.figures[i].span.start):
        source = figure_source(report, report.figures[index])
        if source.name is None:
            kept.append(index)
            continue
        latest[source.name.casefold()] = index
    return kept + list(latest.values())


def compared(report: Report, conflict: Conflict) -> str:
    """What a conflict's figures are of, in words, from what the conflict and its figures carry: 'the number
    of fighters killed', 'the number killed' (a toll that names no one), 'the turnout (%)', 'the magnitude'."""
    figures = [report.figures[i] for i in conflict.figures if 0 <= i < len(report.figures)]
    first = figures[0] if figures else None
    if conflict.subject is None:  # a report stored before conflicts named their subject
        return f"the number {conflict.measure}" if conflict.measure in EVENT_FAMILIES else f"the {conflict.measure} figures"
    if first is None or first.change or first.unit is not None:
        return f"the {conflict.subject}"
    if first.counted is not None:
        return f"the number of {conflict.subject}"
    if first.quantity in EVENT_FAMILIES and conflict.subject == first.quantity:
        return f"the number {conflict.subject}"
    return f"the {conflict.subject}"


def _revision(report: Report, conflict: Conflict, indexes: list[int]) -> tuple[FigureSource, tuple[FigureEntry, ...]]:
    """The source that revised its own figure, and its values in the order it gave them (repeats dropped)."""
    newest = next(i for i in conflict.newer if i in indexes)
    source = figure_source(report, report.figures[newest])
    own = sorted(
        (i for i in indexes if figure_source(report, report.figures[i]) == source),
        key=lambda i: report.figures[i].span.start,
    )
    values: list[FigureEntry] = []
    for index in own:
        entry = _entry(report, index)
        if not values or values[-1].value != entry.value:
            values.append(entry)
    return source, tuple(values)


def differing_figures(report: Report) -> list[FigureLine]:
    """The engine's conflicts, one line per measure: each source's value once (its newest), smallest first;
    with what is compared, and for a revision by one source, the values it gave in turn."""
    lines = []
    for conflict in report.conflicts:
        indexes = [index for index in conflict.figures if 0 <= index < len(report.figures)]
        chosen = _newest_per_source(report, indexes)
        chosen.sort(key=lambda i: (report.figures[i].value, report.figures[i].span.start))
        revised_by, revised = None, ()
        if conflict.reason == "revision" and any(i in indexes for i in conflict.newer):
            revised_by, revised = _revision(report, conflict, indexes)
            if len(revised) < 2:
                revised_by, revised = None, ()
        lines.append(
            FigureLine(
                measure=conflict.measure,
                entries=tuple(_entry(report, i) for i in chosen),
                differing=True,
                about=compared(report, conflict),
                revised_by=revised_by,
                revised=revised,
            )
        )
    return lines


def figures_by_measure(report: Report) -> list[FigureLine]:
    """Every figure by measure: differing measures first (their differing values first), then the others,
    then the numbers that count nothing named."""
    by_measure: dict[str, list[int]] = {}
    for index, figure in enumerate(report.figures):
        by_measure.setdefault(figure.measure or "", []).append(index)
    differing = {line.measure: line for line in differing_figures(report)}
    # A figure a conflict shows under its measure ("schools") is not listed again under its own ("schools
    # closed").
    in_conflicts = {entry.index for line in differing.values() for entry in line.entries}
    order = [measure for measure in by_measure if measure in differing]
    order += [measure for measure in by_measure if measure not in differing and measure]
    order += [""] if "" in by_measure else []
    lines = []
    for measure in order:
        rest = [i for i in by_measure[measure] if i not in in_conflicts]
        if measure in differing:
            entries = (*differing[measure].entries, *(_entry(report, i) for i in rest))
        elif rest:
            entries = tuple(_entry(report, i) for i in rest)
        else:
            continue
        found = differing.get(measure)
        if found is not None:
            lines.append(FigureLine(measure, entries, True, found.about, found.revised_by, found.revised))
        else:
            lines.append(FigureLine(measure=measure, entries=entries))
    return lines


# Control characters would move the cursor, recolour or retitle a terminal: shown as their symbols instead,
# one character for one (offsets into the text stay true).
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n\t"}
_CONTROL_PICTURES[0x7F] = 0x2421
_CONTROL_PICTURES.update({code: 0xFFFD for code in range(0x80, 0xA0)})
_CONTROL_PICTURES.update({code: 0xFFFD for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def printable(text: str) -> str:
    """`text` with control characters (and bidirectional overrides) replaced by visible symbols."""
    return text.translate(_CONTROL_PICTURES)
