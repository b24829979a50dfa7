"""Finding things in a report by their words, for the engine's tests."""

from __future__ import annotations

from bot.report import Claim, Figure, Report


def claim_saying(report: Report, words: str) -> Claim:
    """The one claim whose content contains `words` (fails the test if there are none or several)."""
    found = [c for c in report.claims if any(words in report.quote(s) for s in c.content)]
    assert len(found) == 1, f"expected one claim saying {words!r}, found {len(found)}"
    return found[0]


def contents(report: Report, claim: Claim) -> list[str]:
    """A claim's content spans as text."""
    return [report.quote(span) for span in claim.content]


def mention(report: Report, claim: Claim) -> str | None:
    """The words that name a claim's source, or None."""
    return report.quote(claim.speaker_mention) if claim.speaker_mention else None


def figure_at(report: Report, words: str) -> Figure:
    """The figure whose span holds the first character of `words` (their first occurrence in the text)."""
    start = report.text.index(words)
    return next(f for f in report.figures if f.span.start <= start < f.span.end)
