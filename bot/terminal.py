"""Placeholder terminal rendering."""

from bot.report import Report


def render_report(report: Report, *, label: str) -> str:
    return report.to_json() + "\n"
