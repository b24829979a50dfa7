"""Every button's callback data, in one place: how it is written, the pattern that routes it, how it is read.

Callback data carries only an action and opaque random ids (an article's, a story's) or the id of the person
who asked for a confirmation; never chat ids or text. Clients can send any data, so every handler looks ids up
within the chat the button was pressed in, and re-checks the presser's rights when the press changes data.
Telegram allows 64 bytes of callback data; the longest here is `ns:<article>:<story>`, 28 bytes with the
12-character ids `storage` makes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ID = r"[A-Za-z0-9_-]{8,32}"

# Views of an article: Sources, Figures, All claims (a page), a claims page, reopening a summary.
SOURCES, FIGURES, CLAIMS, CLAIMS_PAGE, OPEN = "s", "f", "c", "cp", "o"
VIEW_PATTERN = rf"^(s|f|c|cp|o):({_ID})(?::(\d{{1,4}}))?$"
# The /forget confirmation: yes or no, and who asked.
FORGET_PATTERN = r"^forget:(yes|no):(\d{1,20})$"
# "Not the same story": the article and the story it is taken out of.
NOT_SAME_PATTERN = rf"^ns:({_ID}):({_ID})$"
# "Put it back": undoes "Not the same story" (same ids).
PUT_BACK_PATTERN = rf"^pb:({_ID}):({_ID})$"
# "Read the full article": the channel post whose "Read more" link to fetch.
READ_MORE_PATTERN = rf"^rm:({_ID})$"


@dataclass(frozen=True)
class ViewPress:
    """A press asking for a view of an article (and a page, for claims)."""

    action: str
    article_id: str
    page: int = 0


@dataclass(frozen=True)
class ForgetPress:
    """A press on the /forget confirmation."""

    confirmed: bool
    user_id: int


def view_data(action: str, article_id: str, page: int | None = None) -> str:
    """The data of a view button."""
    return f"{action}:{article_id}" if page is None else f"{action}:{article_id}:{page}"


def parse_view(data: str | None) -> ViewPress | None:
    """A view button's meaning, or None for data we never produce (old or forged buttons)."""
    match = re.match(VIEW_PATTERN, data or "")
    if match is None:
        return None
    return ViewPress(action=match.group(1), article_id=match.group(2), page=int(match.group(3) or 0))


def forget_data(confirmed: bool, user_id: int) -> str:
    """The data of a /forget confirmation button."""
    return f"forget:{'yes' if confirmed else 'no'}:{user_id}"


def parse_forget(data: str | None) -> ForgetPress | None:
    """The /forget answer a button carries, or None if it isn't one."""
    match = re.match(FORGET_PATTERN, data or "")
    if match is None:
        return None
    return ForgetPress(confirmed=match.group(1) == "yes", user_id=int(match.group(2)))


def not_same_data(article_id: str, story_id: str) -> str:
    """The data of a "Not the same story" button."""
    return f"ns:{article_id}:{story_id}"


def parse_not_same(data: str | None) -> tuple[str, str] | None:
    """(article id, story id) of a "Not the same story" press, or None."""
    match = re.match(NOT_SAME_PATTERN, data or "")
    return (match.group(1), match.group(2)) if match else None


def put_back_data(article_id: str, story_id: str) -> str:
    """The data of a "Put it back" button (under the note that an article was taken out of a story)."""
    return f"pb:{article_id}:{story_id}"


def parse_put_back(data: str | None) -> tuple[str, str] | None:
    """(article id, story id) of a "Put it back" press, or None."""
    match = re.match(PUT_BACK_PATTERN, data or "")
    return (match.group(1), match.group(2)) if match else None


def read_more_data(article_id: str) -> str:
    """The data of a "Read the full article" button."""
    return f"rm:{article_id}"


def parse_read_more(data: str | None) -> str | None:
    """The article id of a "Read the full article" press, or None."""
    match = re.match(READ_MORE_PATTERN, data or "")
    return match.group(1) if match else None
