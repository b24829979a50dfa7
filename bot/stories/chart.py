"""A compact text chart of differing values: monospace bars, plain text.

The bot wraps the result in `<pre>` (after escaping it for HTML); the terminal prints it as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.report import format_number

FULL, RANGE = "█", "░"


@dataclass(frozen=True)
class Bar:
    """One row: who gives the value, the value (and an upper bound for a range), how it reads, a mark."""

    label: str
    value: float
    upper: float | None = None
    text: str | None = None
    mark: str = ""


def render_bars(title: str, bars: Sequence[Bar], *, width: int = 24, label_width: int = 30) -> str:
    """A titled block of bars scaled to the largest value; ranges draw their spread in a lighter shade.

    Returns plain text lines ending in a newline; an empty string when there is nothing to draw.
    """
    if not bars:
        return ""
    largest = max(max(bar.value, bar.upper or 0) for bar in bars)
    label_width = min(label_width, max(len(bar.label) for bar in bars))
    lines = [title]
    for bar in bars:
        label = bar.label if len(bar.label) <= label_width else bar.label[: label_width - 1] + "…"
        solid = _cells(bar.value, largest, width)
        spread = _cells(bar.upper, largest, width) - solid if bar.upper is not None else 0
        drawn = FULL * solid + RANGE * spread
        text = bar.text or format_number(bar.value)
        mark = f"  {bar.mark}" if bar.mark else ""
        lines.append(f"  {label:<{label_width}} {drawn:<{width}} {text}{mark}".rstrip())
    return "\n".join(lines) + "\n"


def _cells(value: float, largest: float, width: int) -> int:
    if largest <= 0 or value <= 0:
        return 0
    return max(1, round(value / largest * width))


PHONE_WIDTH = 32
PHONE_BAR_MAX = 20
PHONE_BAR_MIN = 8


def render_bars_narrow(title: str, bars: Sequence[Bar], *, line_width: int = PHONE_WIDTH) -> str:
    """The same chart laid out for a phone: each row's label on its own line, then its bar and value, no line
    longer than `line_width` characters. Returns plain text ending in a newline ('' with nothing to draw)."""
    if not bars:
        return ""
    largest = max(max(bar.value, bar.upper or 0) for bar in bars)
    texts = [_fit(f"{bar.text or format_number(bar.value)}{f' {bar.mark}' if bar.mark else ''}", line_width)
             for bar in bars]  # fmt: skip
    # Bars are as wide as the values beside them allow; a value too long to sit beside a short bar gets a line
    # of its own instead of shrinking every bar.
    beside = [len(text) for text in texts if len(text) <= line_width - 1 - PHONE_BAR_MIN]
    width = max(PHONE_BAR_MIN, min(PHONE_BAR_MAX, line_width - 1 - max(beside, default=0)))
    lines = [_fit(title, line_width)]
    for bar, text in zip(bars, texts, strict=True):
        solid = _cells(bar.value, largest, width)
        spread = _cells(bar.upper, largest, width) - solid if bar.upper is not None else 0
        drawn = FULL * solid + RANGE * spread
        lines.append(" " + _fit(bar.label, line_width - 1))
        if len(drawn) + 1 + len(text) <= line_width:
            lines.append(f"{drawn} {text}".rstrip())
        else:
            lines += [drawn, text]
    return "\n".join(lines) + "\n"


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
