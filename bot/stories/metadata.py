"""Who published a pasted article and when, read from its own first lines.

Text pasted or saved from a news page often keeps a publication line ("Published 6 March 2026, 13:45 GMT") and
a wire dateline ("QASR MIRAL, Veltria, March 6 (Meridian Wire) -"). When the article came without metadata,
these tell the outlet and the time a story view needs to say which figure is newer. The dateline is the
engine's reading; the publication line is read from the first lines, and nothing is guessed when they don't
match.
"""

from __future__ import annotations

import re
from datetime import datetime

from bot.article import Article
from bot.stories.lexicon import MONTHS

_HEAD_LINES = 12
_PUBLISHED_LINE = re.compile(r"^\s*(?:published|(?:last )?updated|posted)(?:\s+on)?\s*:?\s*(.+?)\s*$", re.I)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", re.I)
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\s*(am|pm)?\s*(gmt|utc|z)?", re.I)


def sniff_published(text: str) -> str | None:
    """The publication time from a 'Published ...' / 'Updated ...' line near the top, as ISO 8601, or None."""
    for line in _head(text):
        match = _PUBLISHED_LINE.match(line)
        if match:
            found = _parse_when(match.group(1))
            if found:
                return found
    return None


def sniff_outlet(text: str) -> str | None:
    """The outlet named in the article's wire dateline ('CITY, Country, March 6 (Outlet) -'), or None: the
    engine's reading of the dateline (`bot.engine.context.find_dateline`), for text not yet analysed."""
    from bot.engine.context import find_dateline

    dateline = find_dateline(text)
    return dateline.outlet if dateline is not None else None


def with_sniffed_metadata(article: Article) -> Article:
    """The article, with `site` and `published` filled from its first lines where they were unknown."""
    updates: dict[str, str] = {}
    if article.site is None:
        outlet = sniff_outlet(article.text)
        if outlet:
            updates["site"] = outlet
    if article.published is None:
        published = sniff_published(article.text)
        if published:
            updates["published"] = published
    return article.model_copy(update=updates) if updates else article


def _head(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()][:_HEAD_LINES]


def _parse_when(value: str) -> str | None:
    iso = re.match(r"(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)", value)
    if iso:
        try:
            return datetime.fromisoformat(iso.group(1).replace("Z", "+00:00").replace(" ", "T")).isoformat()
        except ValueError:
            return None
    match = _DAY_MONTH_YEAR.search(value)
    if match:
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
    else:
        match = _MONTH_DAY_YEAR.search(value)
        if not match:
            return None
        month, day, year = MONTHS[match.group(1).lower()], int(match.group(2)), int(match.group(3))
    hour = minute = 0
    zone = ""
    time = _TIME.search(value)
    if time:
        hour, minute = int(time.group(1)), int(time.group(2))
        meridiem = (time.group(3) or "").lower()
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        zone = "+00:00" if time.group(4) else ""
    try:
        when = datetime(year, month, day, hour, minute)
    except ValueError:
        return None
    text = when.isoformat(timespec="minutes") if time else when.date().isoformat()
    return text + zone if time else text
