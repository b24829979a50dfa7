"""Sending that holds: every Bot API call goes through `ReliableRateLimiter`.

python-telegram-bot's `AIORateLimiter` keeps the bot under Telegram's flood limits. On top of it:

- **429 `RetryAfter`**: wait what Telegram asks, as many times as it takes, within `total_seconds` (a setting,
  minutes). While one call waits, every call waits (as `AIORateLimiter` does), except getUpdates: updates
  keep being received and recorded.
- **5xx answers** (Telegram answered, so nothing was done), **connections refused** and **pool timeouts**
  (the request never left): retried for every method, with exponential backoff and jitter.
- **Timeouts and connections dropped after the request left**: the call may or may not have been done.
  Idempotent calls are simply retried. A `sendMessage` is sent again too - a possible duplicate is better
  than a certain loss, since Telegram has no idempotency key - and each such case is counted in the log.
- **The reply journal**: a `sendMessage` given an update's `UpdateWork` (`rate_limit_args`, passed by
  `handlers.replies.send_html`) gets the next sequence number of that update's reply. A number the journal already holds was delivered before
  (the update is being handled again after a crash or a failed delivery): the stored answer is returned and
  nothing is sent. Each new delivery is journaled as soon as Telegram accepts it.

When the bound runs out the error reaches the handler; the update stays pending and is retried later.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time

import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter

from bot.update_log import UpdateWork

logger = logging.getLogger(__name__)

# Calls that are safe to repeat after a timeout: doing them twice changes nothing a person sees twice.
IDEMPOTENT_METHODS = frozenset(
    {
        "getMe",
        "getFile",
        "getChatMember",
        "getMyCommands",
        "setMyCommands",
        "deleteWebhook",
        "setWebhook",
        "sendChatAction",
        "answerCallbackQuery",
        "editMessageText",
        "editMessageReplyMarkup",
        "deleteMessage",
    }
)
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

NEVER_SENT = "never sent"
REFUSED = "answered with an error"
UNKNOWN = "delivery unknown"


def failure_kind(error: NetworkError) -> str:
    """Whether a failed call surely did nothing (never sent, or answered with an error) or may have."""
    cause = error.__cause__
    if isinstance(cause, _NEVER_SENT):
        return NEVER_SENT
    if isinstance(cause, httpx.HTTPError):
        return UNKNOWN  # read timeout, connection dropped: the request had left
    if cause is None and "Pool timeout" in str(error):
        return NEVER_SENT
    return REFUSED  # a 5xx or an unreadable answer from the server: it answered, so it did nothing


def _retry_after_seconds(error: RetryAfter) -> float:
    # `retry_after` is an int or a timedelta depending on a python-telegram-bot setting; this one is stable.
    stored = getattr(error, "_retry_after", None)
    if stored is not None and hasattr(stored, "total_seconds"):
        return float(stored.total_seconds())
    return float(error.retry_after)  # type: ignore[arg-type]


class _QuietLimiterGiveUp(logging.Filter):
    """AIORateLimiter logs a traceback when its own retries end; ours go on, so that line is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Rate limit hit after maximum")


class ReliableRateLimiter(AIORateLimiter):
    """`AIORateLimiter` plus retries that hold (see the module docstring) and the reply journal."""

    def __init__(
        self,
        *,
        total_seconds: float = 900.0,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        **limits: float,
    ) -> None:
        # RetryAfter is retried here, without a count but within `total_seconds`, so the parent never retries.
        super().__init__(max_retries=0, **limits)
        self.total_seconds = total_seconds
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.possible_duplicates = 0
        self._paused_until = 0.0
        limiter_log = logging.getLogger("telegram.ext.AIORateLimiter")
        if not any(isinstance(found, _QuietLimiterGiveUp) for found in limiter_log.filters):
            limiter_log.addFilter(_QuietLimiterGiveUp())

    @staticmethod
    def can_retry(endpoint: str, error: NetworkError) -> bool:
        """Whether repeating this failed call is allowed (a `sendMessage` of unknown fate counts as allowed)."""
        # A refused request fails again; polling has its own retry loop.
        return not (isinstance(error, BadRequest) or endpoint == "getUpdates")

    def _delay(self, attempt: int) -> float:
        base = min(self.max_backoff, self.backoff * 2**attempt)
        return base * random.uniform(0.5, 1.5)

    async def _wait_for_pause(self) -> None:
        while (remaining := self._paused_until - time.monotonic()) > 0:
            await asyncio.sleep(remaining)

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):  # type: ignore[no-untyped-def]
        # The reply journal travels as the call's rate-limit argument; the parent class never sees it.
        work = (
            rate_limit_args if isinstance(rate_limit_args, UpdateWork) and endpoint == "sendMessage" else None
        )
        if work is None:
            return await self._with_retries(callback, args, kwargs, endpoint, data, None)
        seq = work.take_seq()
        if seq in work.delivered:
            logger.info("update %s: message %d was delivered before; not sent again", work.update_id, seq)
            return work.delivered[seq]
        try:
            result = await self._with_retries(callback, args, kwargs, endpoint, data, None)
        except asyncio.CancelledError:
            # Stopped mid-call (shutdown after the grace period): it may have arrived, and the update is
            # handled again at the next start.
            self.possible_duplicates += 1
            logger.warning(
                "sendMessage to chat %s stopped while in flight; it is sent again at the next start, "
                "a duplicate is possible (%d so far)",
                data.get("chat_id"),
                self.possible_duplicates,
            )
            raise
        if isinstance(result, dict):
            chat_id = data.get("chat_id")
            await work.remember(seq, int(chat_id) if isinstance(chat_id, int | str) else None, result)
        return result

    async def _with_retries(self, callback, args, kwargs, endpoint, data, rate_limit_args):  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + self.total_seconds
        attempt = 0
        while True:
            if endpoint != "getUpdates":  # keep receiving (and recording) updates while sending waits
                await self._wait_for_pause()
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except RetryAfter as error:
                wait = _retry_after_seconds(error) + 0.1
                if endpoint == "getUpdates" or time.monotonic() + wait > deadline:
                    raise
                logger.info("%s: Telegram asks to wait %.1f s (flood control); waiting", endpoint, wait)
                self._paused_until = max(self._paused_until, time.monotonic() + wait)
            except NetworkError as error:
                if not self.can_retry(endpoint, error):
                    raise
                kind = failure_kind(error)
                delay = self._delay(attempt)
                if time.monotonic() + delay > deadline:
                    raise
                if kind == UNKNOWN and endpoint not in IDEMPOTENT_METHODS:
                    self.possible_duplicates += 1
                    logger.warning(
                        "%s to chat %s: %s (%s); sending again, a duplicate is possible (%d so far)",
                        endpoint,
                        data.get("chat_id"),
                        kind,
                        type(error.__cause__).__name__,
                        self.possible_duplicates,
                    )
                else:
                    logger.warning("%s failed (%s: %s); retrying in %.1f s", endpoint, kind, error, delay)
                attempt += 1
                await asyncio.sleep(delay)
