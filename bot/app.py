"""`whosaid run`: receive updates (polling, or a webhook when `WHOSAID_WEBHOOK_URL` is set) and answer them.

`build_application(settings)` gives the configured python-telegram-bot `Application` with every handler (tests
drive it against a fake Bot API server through `TELEGRAM_API_BASE_URL`); `run_bot(settings)` runs it until
SIGTERM or Ctrl+C. The runtime (`bot.runtime`) opens the services at start; shutdown stops receiving, gives
updates being handled `WHOSAID_SHUTDOWN_GRACE` seconds, then stops them - they stay pending and are handled at
the next start - and closes the services.
"""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import urlsplit

from telegram import Update
from telegram.error import NetworkError
from telegram.ext import Application

import handlers
from bot import runtime
from bot.runtime import (  # noqa: F401  (the names `whosaid run`'s callers and tests know)
    EXIT_NO_TOKEN,
    EXIT_STORAGE,
    EXIT_TOKEN_REFUSED,
    EXIT_UNREACHABLE,
    NO_TOKEN_MESSAGE,
    SETTINGS_KEY,
    SOMETHING_WENT_WRONG,
    close_services,
    open_services,
)
from bot.settings import Settings
from bot.update_log import DurableUpdateProcessor

logger = logging.getLogger(__name__)

# How long start-up tries to reach Telegram (getMe) before giving up with a clear error.
STARTUP_TIMEOUT = 60.0


def build_application(settings: Settings) -> Application:
    """The bot's Application for `whosaid run`, every handler registered."""
    return runtime.build_application(settings, role="run", register=handlers.register)


async def start_application(application: Application, *, poll_timeout: int = runtime.POLL_TIMEOUT) -> None:
    """Initialize, open the services, start receiving (polling, or the webhook when set) and handling."""
    settings = runtime.settings_of(application)
    try:
        # getMe, retried on network errors: a wrong URL or no network should fail start-up, not hang it.
        await asyncio.wait_for(application.initialize(), STARTUP_TIMEOUT)
    except TimeoutError as error:
        raise NetworkError(f"no answer to getMe within {STARTUP_TIMEOUT:.0f} s") from error
    await runtime.open_services(application)
    assert application.updater is not None
    if settings.webhook_url:
        await application.updater.start_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=runtime.webhook_secret(settings),
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        await application.updater.start_polling(
            poll_interval=0.0, timeout=poll_timeout, allowed_updates=Update.ALL_TYPES
        )
    await application.start()


async def stop_application(application: Application) -> None:
    """Stop receiving, give updates being handled the grace period, stop the rest (they stay pending), close.
    Each step runs whatever the one before did: a failure of one must not keep the process alive."""
    settings = runtime.settings_of(application)
    grace = settings.shutdown_grace
    await runtime.cancel(application.bot_data.pop(runtime.REDELIVERY_TASK_KEY, None))
    if application.updater is not None and application.updater.running:
        # Too slow, or the receiver had failed (its task re-raises what ended it): stopping goes on.
        await runtime.step(
            "stopping the update receiver",
            asyncio.wait_for(application.updater.stop(), grace + settings.telegram_timeout),
        )
    processor = application.update_processor
    if isinstance(processor, DurableUpdateProcessor):
        stopped = await processor.stop_tasks(grace)
        if stopped:
            logger.info(
                "stopped %d update(s) still being handled; they are finished at the next start", stopped
            )
    if application.running:
        await runtime.step("stopping the handlers", application.stop())
    await runtime.step("shutting the application down", application.shutdown())
    await runtime.close_services(application)


async def serve(application: Application) -> None:
    """Run until SIGTERM or SIGINT (Ctrl+C), then stop within the grace period."""
    stop = runtime.stop_signal()
    settings = runtime.settings_of(application)
    try:
        await start_application(application)
        logger.info(
            "WhoSaid is %s", "serving its webhook" if settings.webhook_url else "polling Telegram for updates"
        )
        await stop.wait()
        logger.info("stopping (finishing what is in hand for up to %.0f s)", settings.shutdown_grace)
    finally:
        if application.bot_data.get(runtime.SERVICES_KEY) is not None or application.running:
            await stop_application(application)


def run_bot(settings: Settings) -> int:
    """Run the bot until interrupted; returns the exit code (2 without a token, 3-5 when it can't start)."""
    return runtime.run_process(settings, "whosaid", lambda: serve(build_application(settings)))
