"""The report as a person reads it in a terminal: sources grouped, figures listed, conflicts highlighted.

Pure: a `Report` in, a string out. Colour is an argument (the caller knows whether stdout is a terminal), so the
same function serves pipes, files and tests. The sources and figure lines are the bot's (`bot.views`), so the
CLI and the bot list the same sources for one report. Control characters from the article are shown as
symbols: an article can't move the cursor, recolour or retitle the terminal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from bot import views
from bot.report import Claim, Report
from bot.views import SourceGroup, figures_by_measure, group_sources, printable

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


def render_report(report: Report, *, label: str, color: bool = False) -> str:
    """A readable terminal report for one article; `label` names the input (file path, '-', link)."""
    paint = _painter(color)
    report = _printable(report)
    lines = [paint("heading", f"WhoSaid · {printable(label)}")]
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
    said = views.claim_text(report, claim)
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
    sources = len(group_sources(report))
    return (
        f"{_count(len(report.claims), 'claim')} from {_count(sources, 'source')}, "
        f"{_count(len(report.figures), 'figure')}, {_count(len(report.conflicts), 'conflict')}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _printable(report: Report) -> Report:
    """The report with control characters in every piece of article text made visible (same offsets)."""
    claims = [
        claim.model_copy(
            update={
                "speaker": printable(claim.speaker) if claim.speaker else claim.speaker,
                "role": printable(claim.role) if claim.role else claim.role,
                "via": printable(claim.via) if claim.via else claim.via,
                "hedges": [printable(hedge) for hedge in claim.hedges],
            }
        )
        for claim in report.claims
    ]
    conflicts = [conflict.model_copy(update={"note": printable(conflict.note)}) for conflict in report.conflicts]
    texts = {
        name: printable(value)
        for name in ("text", "title", "site", "published", "url")
        if isinstance(value := getattr(report, name), str)
    }
    return report.model_copy(update={**texts, "claims": claims, "conflicts": conflicts})


def _sources_section(report: Report, paint: Callable[[str, str], str]) -> list[str]:
    lines = [paint("heading", "Who said what")]
    groups = group_sources(report)
    if not groups:
        lines.append("  No attributed claims found.")
        return lines
    for source in groups:
        lines.append(_source_heading(report, source, paint))
        for index in source.claims:
            lines += _claim_lines(report, report.claims[index], paint)
    return lines


def _source_heading(report: Report, source: SourceGroup, paint: Callable[[str, str], str]) -> str:
    heading = "  " + paint("speaker", UNRESOLVED if source.unresolved else source.name)
    if source.roles:
        heading += f", {', '.join(source.roles)}"
    if source.anonymous:
        heading += " " + paint("anonymous", "[anonymous]")
    if source.vias:
        heading += " — via " + ", ".join(source.vias)
    return heading + paint("dim", f"  ({_count(len(source.claims), 'claim')})")


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
    for line in figures_by_measure(report):
        measure = line.measure or "(uncounted)"
        for entry in line.entries:
            flag = "!" if entry.index in in_conflict else " "
            row = f"  {flag} {measure:<14} {entry.value:<20} {entry.source.label()}"
            if entry.background:
                row = paint("background", row + "  (another, earlier event)")
            elif entry.index in in_conflict:
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
