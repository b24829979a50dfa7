"""The report as a person reads it in a terminal: sources grouped, figures listed, conflicts highlighted.

Pure: a `Report` in, a string out. Colour is an argument (the caller knows whether stdout is a terminal), so the
same function serves pipes, files and tests.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.engine.conflicts import source_label
from bot.report import Claim, Report

CONTENT_WIDTH = 110
NOTE_WIDTH = 100
UNRESOLVED = "Unresolved speaker"

_STYLES = {
    "bold": "1",
    "dim": "2",
    "heading": "1;4",
    "speaker": "1;36",
    "anonymous": "35",
    "hedge": "33",
    "conflict": "1;31",
    "background": "2",
}


@dataclass
class _Source:
    """Claims of one speaker, in reading order."""

    name: str | None
    claims: list[int] = field(default_factory=list)


def render_report(report: Report, *, label: str, color: bool = False) -> str:
    """A readable terminal report for one article; `label` names the input (file path, '-', link)."""
    paint = _painter(color)
    lines = [paint("heading", f"WhoSaid · {label}")]
    lines += _metadata(report, paint)
    lines.append(_summary(report))
    if report.truncated:
        lines.append(paint("hedge", "Note: the text was very long; only its start was analyzed."))
    lines.append("")
    lines += _sources_section(report, paint)
    if report.figures:
        lines.append("")
        lines += _figures_section(report, paint)
    if report.conflicts:
        lines.append("")
        lines += _conflicts_section(report, paint)
    return "\n".join(lines) + "\n"


def shorten(text: str, width: int = CONTENT_WIDTH) -> str:
    """`text` on one line, cut at a word boundary with '…' when longer than `width`."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def claim_text(report: Report, claim: Claim, width: int = CONTENT_WIDTH) -> str:
    """What a claim says, shortened; direct quotes keep their quotation marks, split parts joined by '…'."""
    parts = [" ".join(report.quote(span).split()) for span in claim.content]
    said = " … ".join(part for part in parts if part)
    if claim.kind == "direct":
        return f"“{shorten(said, width - 2)}”"
    return shorten(said, width)


def _painter(color: bool) -> Callable[[str, str], str]:
    def paint(style: str, text: str) -> str:
        if not color or not text:
            return text
        return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"

    return paint


def _metadata(report: Report, paint: Callable[[str, str], str]) -> list[str]:
    lines = []
    if report.title:
        lines.append(paint("bold", report.title))
    details = [value for value in (report.site, report.published, report.url) if value]
    if details:
        lines.append(paint("dim", " · ".join(details)))
    return lines


def _summary(report: Report) -> str:
    sources = len(_group(report))
    return (
        f"{_count(len(report.claims), 'claim')} from {_count(sources, 'source')}, "
        f"{_count(len(report.figures), 'figure')}, {_count(len(report.conflicts), 'conflict')}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _group(report: Report) -> list[_Source]:
    """Sources, most-cited first; ties keep the order in which the article first cites them.

    Claims without a resolved speaker are kept together at the end: they are not one source.
    """
    named: dict[str, _Source] = {}
    unresolved = _Source(name=None)
    for index, claim in enumerate(report.claims):
        if claim.speaker is None:
            unresolved.claims.append(index)
        else:
            named.setdefault(claim.speaker, _Source(name=claim.speaker)).claims.append(index)
    ordered = sorted(named.values(), key=lambda source: -len(source.claims))
    return ordered + ([unresolved] if unresolved.claims else [])


def _sources_section(report: Report, paint: Callable[[str, str], str]) -> list[str]:
    lines = [paint("heading", "Who said what")]
    groups = _group(report)
    if not groups:
        lines.append("  No attributed claims found.")
        return lines
    for source in groups:
        lines.append(_source_heading(report, source, paint))
        for index in source.claims:
            lines += _claim_lines(report, report.claims[index], paint)
    return lines


def _source_heading(report: Report, source: _Source, paint: Callable[[str, str], str]) -> str:
    claims = [report.claims[index] for index in source.claims]
    name = source.name or UNRESOLVED
    heading = "  " + paint("speaker", name)
    role = next((claim.role for claim in claims if claim.role), None)
    if role:
        heading += f", {role}"
    if any(claim.anonymous for claim in claims):
        heading += " " + paint("anonymous", "[anonymous]")
    vias = list(dict.fromkeys(claim.via for claim in claims if claim.via))
    if vias:
        heading += " — via " + ", ".join(vias)
    return heading + paint("dim", f"  ({_count(len(claims), 'claim')})")


def _claim_lines(report: Report, claim: Claim, paint: Callable[[str, str], str]) -> list[str]:
    marks = []
    if claim.speaker is None and claim.speaker_mention is not None:
        marks.append(f"“{report.quote(claim.speaker_mention)}”")
    if claim.cue is not None:
        marks.append(report.quote(claim.cue))
    marks.append(claim.kind)
    lines = [f"    - {claim_text(report, claim)} " + paint("dim", f"[{', '.join(marks)}]")]
    for hedge in claim.hedges:
        lines.append("      " + paint("hedge", f"? {hedge}"))
    return lines


def _figures_section(report: Report, paint: Callable[[str, str], str]) -> list[str]:
    in_conflict = {index for conflict in report.conflicts for index in conflict.figures}
    rows = []
    for index, figure in enumerate(report.figures):
        measure = figure.measure or "(uncounted)"
        source = source_label(figure, report.claims)
        row = f"  {'!' if index in in_conflict else ' '} {measure:<14} {report.figure_label(figure):<20} {source}"
        if figure.background:
            row = paint("background", row + "  (another, earlier event)")
        elif index in in_conflict:
            row = paint("conflict", row)
        rows.append(row)
    return [paint("heading", "Figures"), *rows]


def _conflicts_section(report: Report, paint: Callable[[str, str], str]) -> list[str]:
    lines = [paint("heading", "Conflicts")]
    for conflict in report.conflicts:
        lines.append("  " + paint("conflict", f"! {conflict.measure}"))
        lines += textwrap.wrap(
            conflict.note,
            width=NOTE_WIDTH,
            initial_indent="    ",
            subsequent_indent="      ",
            break_long_words=False,  # keep every word whole so the note can be read (and searched) as given
            break_on_hyphens=False,
        )
    return lines
