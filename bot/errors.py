"""Errors whose message is meant for the person who sent the input.

Everything the product tells a user about bad input goes through `InputError` (or a subclass): the message is
plain, friendly and safe to show as it is. Anything else escaping the engine is a bug.
"""


class InputError(ValueError):
    """The input can't be analyzed; `str(error)` says why, in words for a person."""


class FetchError(InputError):
    """A link could not be turned into an article (unreachable, refused, not an article, ...)."""
