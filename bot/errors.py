"""Errors whose message is meant for the person who sent the input, in one hierarchy (as httpx has).

`WhoSaidError` is the base of every error a person is told about: `str(error)` is plain, friendly and safe to
show as it is, and handlers catch this one type. Below it:

- `InputError`: the input can't be analyzed (too short, not an article, a file type we can't read);
  `FetchError` when a link couldn't be turned into an article.
- `TryAgainLater`: a failure for the moment (Telegram wouldn't hand over a file). The update is kept and
  retried; if every attempt fails, the person is told the message.
- `Busy` and `TimedOut` (in `bot.pool`): too much waiting work, or a job past its deadline.

`ConfigurationError` is not for the person: the bot is set up wrong (a spaCy model that isn't installed).
Anything else escaping the engine is a bug.
"""


class WhoSaidError(Exception):
    """An error to tell the person about; `str(error)` says what happened, in words for a person."""


class InputError(WhoSaidError, ValueError):
    """The input can't be analyzed; `str(error)` says why, in words for a person."""


class FetchError(InputError):
    """A link could not be turned into an article (unreachable, refused, not an article, ...)."""


class TryAgainLater(WhoSaidError):
    """Handling failed for the moment: the update is retried later, and the person told if it never works."""


class DownloadFailed(TryAgainLater):
    """Telegram didn't hand over a file the person sent (the download dropped or failed)."""

    def __init__(self) -> None:
        super().__init__("I couldn't download your file from Telegram; send it again.")


class ConfigurationError(Exception):
    """The bot is set up wrong (not the person's input): said on stderr at start-up, never in a chat."""
