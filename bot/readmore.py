"""Channel posts that end in a link to the full article ("Read more: https://...")."""

from __future__ import annotations

import re

# The last lines of a post are searched: channels put the link at the very end, sometimes before hashtags.
LAST_LINES = 3
_READ_MORE = re.compile(
    r"^\W*(?:read (?:more|the full (?:story|article))|full (?:story|article)|more|source|continue reading)"
    r"\s*(?:here|at|on)?\s*[:：\-–—>»→]*\s*(https?://\S+?)[\s.)\]]*$",
    re.IGNORECASE,
)


def read_more_link(text: str) -> str | None:
    """The link of a "Read more: URL" line among the last lines of `text`, or None."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    for line in reversed(lines[-LAST_LINES:]):
        match = _READ_MORE.match(line)
        if match:
            return match.group(1)
    return None
