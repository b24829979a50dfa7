"""`whosaid run`: the Telegram Application, its start-up and shutdown, retries, errors and logging.

`build_application(settings)` gives the configured python-telegram-bot `Application` (tests drive it against a
fake Bot API server through `TELEGRAM_API_BASE_URL`); `run_bot(settings)` runs it with polling, or a webhook
when `WHOSAID_WEBHOOK_URL` is set. Updates go through the durable intake (`bot.intake`), calls to Telegram
through `bot.sending`. Start-up opens the database and the analysis pool, hands back unfinished updates and
registers the command list. Shutdown (SIGTERM, Ctrl+C) stops receiving, gives updates being handled
`WHOSAID_SHUTDOWN_GRACE` seconds, then stops them - they stay pending and are handled at the next start - and
closes the pool and the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import signal
import sys
import traceback
from collections.abc import Awaitable
from urllib.parse import urlsplit

from telegram import ReplyParameters, Update
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes

import handlers
from bot import roles
from bot.errors import TryAgainLater
from bot.intake import (
    DurableUpdateProcessor,
    DurableUpdateQueue,
    ReadingBot,
    current_work,
    redeliver,
    redeliver_forever,
)
from bot.sending import ReliableRateLimiter
from bot.settings import Settings
from bot.worker import AnalysisWorker
from handlers.services import SERVICES_KEY, BotServices
from handlers.waiting import waiting_notice
from storage import ArticleStore, Database, DatabaseIntake, StorageError

logger = logging.getLogger(__name__)

SETTINGS_KEY = "whosaid.settings"
EXIT_NO_TOKEN = 2

NO_TOKEN_MESSAGE = """\
whosaid: no Telegram bot token.

To run the bot you need a token from Telegram:
  1. open a chat with @BotFather (https://t.me/BotFather) in Telegram;
  2. send /newbot and follow the questions (a name, then a username ending in "bot");
  3. BotFather replies with a token like 123456789:AAH...; put it in the environment or in .env:
       TELEGRAM_BOT_TOKEN=123456789:AAH...
  then run `whosaid run` again.

Meanwhile `whosaid analyze FILE|URL` works offline, without Telegram.
"""

SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side while handling that. Please try again."

EXIT_TOKEN_REFUSED = 3
EXIT_STORAGE = 4
EXIT_UNREACHABLE = 5
REDELIVERY_TASK_KEY = "whosaid.redelivery"
# How long start-up waits for setMyCommands before going on without it (the command list is a convenience).
COMMANDS_TIMEOUT = 30.0
# How long start-up tries to reach Telegram (getMe) before giving up with a clear error.
STARTUP_TIMEOUT = 60.0
# Long-poll timeout for getUpdates.
POLL_TIMEOUT = 10


class RedactToken(logging.Filter):
    """Replace the bot token wherever it appears in a log record (httpx logs full request URLs)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token and self.token in message:
            record.msg = message.replace(self.token, "<token>")
            record.args = None
        return True


CONTENT_LOGGING_LIBRARIES = ("telegram", "aiosqlite")


def protect_logs(token: str) -> None:
    """Keep the token out of every log: quiet httpx's per-request lines and redact it everywhere else."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # These libraries' debug lines dump whole updates, request parameters and SQL parameters: people's messages.
    for name in CONTENT_LOGGING_LIBRARIES:
        chatty = logging.getLogger(name)
        chatty.setLevel(max(logging.INFO, chatty.getEffectiveLevel()))
    redact = RedactToken(token)
    loggers = ("httpx", "httpcore", "telegram", "telegram.ext", "telegram.ext.Updater", "bot", "handlers")
    for target in [*(logging.getLogger(name) for name in loggers), *logging.getLogger().handlers]:
        # Building the application twice in one process (tests) must not stack filters.
        if not any(isinstance(old, RedactToken) and old.token == token for old in target.filters):
            target.addFilter(redact)


def base_file_url(base_url: str) -> str:
    """Where files are downloaded for a Bot API `base_url`: .../bot -> .../file/bot (Telegram's layout)."""
    if base_url.endswith("/bot"):
        return base_url[: -len("bot")] + "file/bot"
    return base_url.rstrip("/") + "/file/bot"


async def open_services(application: Application) -> None:
    """Start-up: open the database and the analysis pool, make the link client, pick up unfinished updates,
    register the commands."""
    settings: Settings = application.bot_data[SETTINGS_KEY]
    role = roles.role_of(application)
    database = await Database.open(settings.database_target)
    worker = AnalysisWorker.from_settings(settings)
    worker.on_wait = waiting_notice(application.bot)
    try:
        if roles.analyzes_here(settings, role):
            await worker.start()
        from bot.fetch import make_http_client

        http = make_http_client(settings)
    except BaseException:
        await worker.shutdown(grace=0)
        await database.close()
        raise
    intake = DatabaseIntake(database) if database.writable else None
    application.bot_data[SERVICES_KEY] = BotServices(
        settings=settings,
        database=database,
        store=ArticleStore(database),
        worker=worker,
        http=http,
        intake=intake,
    )
    await roles.start_role(application)
    queue = application.update_queue
    if isinstance(queue, DurableUpdateQueue) and intake is not None:
        queue.attach(intake)
        if role == "worker":
            return  # a worker takes its updates from the job queue: no sweeps, no command list
        await intake.prune()
        recovered = await redeliver(queue, intake, application.bot, everything=True)
        if recovered:
            logger.info("picking up %d unfinished update(s) from the last run", recovered)
        application.bot_data[REDELIVERY_TASK_KEY] = asyncio.create_task(
            redeliver_forever(queue, intake, application.bot, settings.redelivery_seconds),
            name="whosaid:redelivery",
        )
    try:
        await asyncio.wait_for(application.bot.set_my_commands(handlers.COMMANDS), COMMANDS_TIMEOUT)
    except (TimeoutError, TelegramError) as error:
        logger.warning("couldn't register the command list (%s); going on without it", error)


async def close_services(application: Application) -> None:
    """Shutdown: stop the redelivery timer, finish or stop analyses, close the link client and the database."""
    await _stop_redelivery(application)
    await roles.stop_role(application)
    found: BotServices | None = application.bot_data.pop(SERVICES_KEY, None)
    if found is None:
        return
    if isinstance(application.update_queue, DurableUpdateQueue):
        application.update_queue.attach(None)
    await found.worker.shutdown(grace=found.settings.shutdown_grace)
    if found.http is not None:
        await found.http.aclose()
    await found.database.close()


async def _stop_redelivery(application: Application) -> None:
    redelivery: asyncio.Task[None] | None = application.bot_data.pop(REDELIVERY_TASK_KEY, None)
    if redelivery is not None:
        redelivery.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await redelivery


def is_delivery_failure(error: object) -> bool:
    """A call to Telegram that failed for the moment (flood control, network, 5xx), not a refusal."""
    return isinstance(error, RetryAfter) or (
        isinstance(error, NetworkError) and not isinstance(error, BadRequest)
    )


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (never the token). A reply that couldn't be delivered stays pending (no apology: the
    work itself went fine); any other failure is told to the person."""
    error = context.error
    if isinstance(error, TryAgainLater) or is_delivery_failure(error):
        work = current_work()
        if work is not None:
            work.retry_later = True
            work.reason = str(error) if isinstance(error, TryAgainLater) else None
        logger.warning(
            "couldn't finish update %s for now (%s: %s); it stays pending",
            update.update_id if isinstance(update, Update) else "?",
            type(error).__name__,
            error,
        )
        return
    # The type and where it was raised; never the exception's text, which may quote the message.
    logger.error(
        "error while handling update %s: %s\n%s",
        update.update_id if isinstance(update, Update) else "?",
        type(error).__name__,
        "".join(traceback.format_tb(error.__traceback__)) if error is not None else "",
    )
    if isinstance(update, Update) and update.effective_chat is not None:
        if update.callback_query is not None:
            try:
                await update.callback_query.answer(SOMETHING_WENT_WRONG, show_alert=True)
                return
            except TelegramError:
                pass
        try:
            message = update.effective_message
            await context.bot.send_message(
                update.effective_chat.id,
                html.escape(SOMETHING_WENT_WRONG),
                reply_parameters=ReplyParameters(message.message_id, allow_sending_without_reply=True)
                if message is not None
                else None,
            )
        except TelegramError as send_error:
            if is_delivery_failure(send_error) and (work := current_work()) is not None:
                work.retry_later = True
            logger.warning("couldn't tell the chat about the error: %s", send_error)


class _Builder(ApplicationBuilder):  # type: ignore[type-arg]
    """python-telegram-bot's builder, making a `ReadingBot` from the same settings its own bot would get."""

    def _build_ext_bot(self) -> ReadingBot:
        built = super()._build_ext_bot()
        token = built.token
        return ReadingBot(
            token=token,
            # The built bot's URLs end with the token; the class adds it again.
            base_url=built.base_url[: -len(token)],
            base_file_url=built.base_file_url[: -len(token)],
            request=built._request[1],
            get_updates_request=built._request[0],
            rate_limiter=built.rate_limiter,
        )


def build_application(settings: Settings, *, role: roles.Role = "run") -> Application:
    """The bot's Application, configured from `settings` (which must carry a token), for `whosaid run` or
    `whosaid worker` (`bot.roles`)."""
    if settings.telegram_bot_token is None:
        raise ValueError("build_application needs settings.telegram_bot_token")
    token = settings.telegram_bot_token.get_secret_value()
    protect_logs(token)
    # Enough concurrent updates that follow-ups and /help are served while the pool is full of articles;
    # articles beyond the pool's queue are refused with "busy", so this never piles up work.
    concurrency = settings.queue_limit + 32
    queue = DurableUpdateQueue()
    timeout = settings.telegram_timeout
    application = (
        _Builder()
        .token(token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(base_file_url(settings.telegram_api_base_url))
        .rate_limiter(ReliableRateLimiter(total_seconds=settings.send_retry_minutes * 60))
        .update_queue(queue)
        .concurrent_updates(
            DurableUpdateProcessor(
                concurrency,
                queue,
                retry_delay=settings.redelivery_seconds,
                max_attempts=settings.max_attempts,
                deadline=settings.update_deadline_minutes * 60,
            )
        )
        .connection_pool_size(max(64, concurrency))
        .connect_timeout(min(10.0, timeout))
        .read_timeout(timeout)
        .write_timeout(timeout)
        .get_updates_read_timeout(POLL_TIMEOUT + timeout)
        .post_init(open_services)
        .post_shutdown(close_services)
        .build()
    )
    application.bot_data[SETTINGS_KEY] = settings
    application.bot_data[roles.ROLE_KEY] = role
    handlers.register(application, on_article=roles.article_handler(settings, role))
    application.add_error_handler(on_error)
    return application


def configure_logging(settings: Settings) -> None:
    """Plain log lines on stderr at `WHOSAID_LOG_LEVEL`."""
    logging.basicConfig(
        level=getattr(logging, settings.log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


async def start_application(application: Application, *, poll_timeout: int = POLL_TIMEOUT) -> None:
    """Initialize, open the services, start receiving (polling, or the webhook when set) and handling."""
    settings: Settings = application.bot_data[SETTINGS_KEY]
    try:
        # getMe, retried on network errors: a wrong URL or no network should fail start-up, not hang it.
        await asyncio.wait_for(application.initialize(), STARTUP_TIMEOUT)
    except TimeoutError as error:
        raise NetworkError(f"no answer to getMe within {STARTUP_TIMEOUT:.0f} s") from error
    await open_services(application)
    assert application.updater is not None
    if settings.webhook_url:
        await application.updater.start_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=roles.webhook_secret(settings),
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        await application.updater.start_polling(
            poll_interval=0.0, timeout=poll_timeout, allowed_updates=Update.ALL_TYPES
        )
    await application.start()


async def stop_application(application: Application) -> None:
    """Stop receiving, give updates being handled the grace period, stop the rest (they stay pending), close."""
    settings: Settings = application.bot_data[SETTINGS_KEY]
    grace = settings.shutdown_grace
    await _stop_redelivery(application)
    if application.updater is not None and application.updater.running:
        try:
            await asyncio.wait_for(application.updater.stop(), grace + settings.telegram_timeout)
        except Exception as error:
            # Too slow, or the receiver had failed (its task re-raises what ended it): stopping goes on.
            logger.warning("the update receiver didn't stop cleanly (%s)", type(error).__name__)
    processor = application.update_processor
    if isinstance(processor, DurableUpdateProcessor):
        stopped = await processor.stop_tasks(grace)
        if stopped:
            logger.info(
                "stopped %d update(s) still being handled; they are finished at the next start", stopped
            )
    # Each step runs whatever the one before did: a failure of one must not keep the process alive.
    if application.running:
        await _step("stopping the handlers", application.stop())
    await _step("shutting the application down", application.shutdown())
    await close_services(application)


async def _step(what: str, step: Awaitable[None]) -> None:
    try:
        await step
    except Exception as error:
        logger.warning("%s failed (%s); stopping anyway", what, type(error).__name__)


async def serve(application: Application) -> None:
    """Run until SIGTERM or SIGINT (Ctrl+C), then stop within the grace period."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    try:
        await start_application(application)
        logger.info(
            "WhoSaid is %s",
            "serving its webhook"
            if application.updater and application.bot_data[SETTINGS_KEY].webhook_url
            else "polling Telegram for updates",
        )
        await stop.wait()
        logger.info(
            "stopping (finishing what is in hand for up to %.0f s)",
            application.bot_data[SETTINGS_KEY].shutdown_grace,
        )
    finally:
        if application.bot_data.get(SERVICES_KEY) is not None or application.running:
            await stop_application(application)


def run_bot(settings: Settings) -> int:
    """Run the bot until interrupted; returns the exit code (2 without a token, 3-5 when it can't start)."""
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value().strip():
        sys.stderr.write(NO_TOKEN_MESSAGE)
        return EXIT_NO_TOKEN
    configure_logging(settings)
    application = build_application(settings)
    try:
        asyncio.run(serve(application))
    except InvalidToken:
        # python-telegram-bot's message quotes the token: say it in our own words.
        sys.stderr.write(
            "whosaid: Telegram refused the bot token (401/404). Check TELEGRAM_BOT_TOKEN (get a new one from "
            "@BotFather with /token) and TELEGRAM_API_BASE_URL.\n"
        )
        return EXIT_TOKEN_REFUSED
    except StorageError as error:
        sys.stderr.write(f"whosaid: {error}\n")
        return EXIT_STORAGE
    except NetworkError as error:
        host = urlsplit(settings.telegram_api_base_url).hostname
        sys.stderr.write(f"whosaid: can't reach Telegram at {host}: {_without_token(str(error), settings)}\n")
        return EXIT_UNREACHABLE
    except KeyboardInterrupt:
        return 130
    return 0


def _without_token(text: str, settings: Settings) -> str:
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    return text.replace(token, "<token>") if token else text
