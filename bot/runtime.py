"""The bot's runtime, written once for both processes: `whosaid run` (`bot.app`) and `whosaid worker`
(`bot.worker_role`), neither of which imports the other.

- **Keys** of `application.bot_data`: the settings, the role, the services, the job queue, background tasks.
- **Building** the Application (`build_application`): the durable update log as its update queue and update
  processor (`bot.update_log`), sending through `bot.sending`, the handlers registered by the caller.
- **Services** opened at start (`open_services`) and closed at shutdown (`close_services`): the database,
  the analysis pool, the link client, the update log, and on a shared database the job queue and the leases
  of updates in hand.
- **The token check, signals and shutdown**: `token_missing`, `stop_signal`, `cancel` and `run_process`.

Roles: **embedded** (`whosaid run` on SQLite, the default) receives, analyses and replies in one process. A
**replica** (`whosaid run` on PostgreSQL) records every update, answers light commands and buttons itself and
hands articles to the job queue; it loads no model. A **worker** (`whosaid worker`) takes those jobs.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import hmac
import html
import logging
import sys
import traceback
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

import httpx
from telegram import ReplyParameters, Update
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes

from bot.errors import TryAgainLater
from bot.pool import AnalysisPool
from bot.queue import AnalysisQueue
from bot.sending import ReliableRateLimiter
from bot.settings import Settings
from bot.update_log import (
    Deferred,
    DurableUpdateProcessor,
    DurableUpdateQueue,
    Outcome,
    ReadingBot,
    UpdateWork,
    redeliver,
    redeliver_forever,
)
from storage import ArticleStore, Database, DatabaseUpdateLog, StorageError, UpdateLog
from storage.postgres import PostgresDatabase
from storage.update_log import LEASE_SECONDS

logger = logging.getLogger(__name__)

Role = Literal["run", "worker"]
Register = Callable[[Application], None]

# The keys of `application.bot_data`.
SETTINGS_KEY = "whosaid.settings"
ROLE_KEY = "whosaid.role"
SERVICES_KEY = "whosaid.services"
QUEUE_KEY = "whosaid.queue"
REDELIVERY_TASK_KEY = "whosaid.redelivery"
LEASE_TASK_KEY = "whosaid.lease_renewal"
# The command list registered with Telegram (setMyCommands), set by the handlers.
COMMANDS_KEY = "whosaid.commands"
# What tells a chat where its article stands in the pool's queue (`AnalysisPool.on_wait`), made from the
# bot by a factory the handlers set.
WAIT_NOTICE_KEY = "whosaid.wait_notice"

EXIT_NO_TOKEN = 2
EXIT_TOKEN_REFUSED = 3
EXIT_STORAGE = 4
EXIT_UNREACHABLE = 5
EXIT_INTERRUPTED = 130

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

# How long start-up waits for setMyCommands before going on without it (the command list is a convenience).
COMMANDS_TIMEOUT = 30.0
# Long-poll timeout for getUpdates.
POLL_TIMEOUT = 10
# Updates handled at once beyond the analysis queue, so follow-ups and /help are served while it is full.
LIGHT_UPDATES = 32
# aiosqlite's debug lines quote every SQL statement's parameters (people's messages): kept at INFO.
SQL_LOGGING_LIBRARIES = ("aiosqlite",)
# The longest text a library's debug line may quote (longer: its length only).
SUMMARY_CHARS = 80


@dataclass
class BotServices:
    """The bot's long-lived parts: settings, the database, the analysis pool, the HTTP client for links
    and the durable update log (None when the database is read-only)."""

    settings: Settings
    database: Database
    store: ArticleStore
    pool: AnalysisPool
    http: httpx.AsyncClient | None = None
    update_log: UpdateLog | None = None


def services(context: ContextTypes.DEFAULT_TYPE) -> BotServices:
    """The running bot's services (set by `open_services`)."""
    return context.application.bot_data[SERVICES_KEY]


def work_of(context: ContextTypes.DEFAULT_TYPE, update: object) -> UpdateWork | None:
    """The work of the update being handled (its reply journal and outcome), or None without an update log."""
    processor = context.application.update_processor
    return processor.work_of(update) if isinstance(processor, DurableUpdateProcessor) else None


Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[Outcome | None]]


def settled(handler: Handler) -> Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]:
    """A handler whose return value is what became of the update (None: answered), recorded in its work."""

    @functools.wraps(handler)
    async def run(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        outcome = await handler(update, context)
        work = work_of(context, update)
        if outcome is not None and work is not None:
            work.settle(outcome)

    return run


def settings_of(application: Application) -> Settings:
    return application.bot_data[SETTINGS_KEY]


def role_of(application: Application) -> Role:
    return application.bot_data.get(ROLE_KEY, "run")


def is_replica(settings: Settings, role: Role) -> bool:
    """`whosaid run` on a shared database: it hands articles to the workers instead of analyzing them."""
    return role == "run" and settings.shared_database


def analyzes_here(settings: Settings, role: Role) -> bool:
    """Whether this process analyzes articles (and so starts its analysis pool)."""
    return not is_replica(settings, role)


def webhook_secret(settings: Settings) -> str:
    """The secret Telegram sends with each webhook call, the same in every replica: `WHOSAID_WEBHOOK_SECRET`,
    else one derived from the bot token (so replicas agree without another setting, and it changes with it)."""
    if settings.webhook_secret is not None and settings.webhook_secret.get_secret_value():
        return settings.webhook_secret.get_secret_value()
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    return hmac.new(token.encode(), b"whosaid webhook secret", hashlib.sha256).hexdigest()


# ----- logs ------------------------------------------------------------------------------------------------


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


class ContentFree(logging.Filter):
    """Reduce what a library's log line quotes to ids, kinds and lengths: python-telegram-bot logs whole
    updates and request parameters (people's messages) at debug level, and a webhook update it can't parse
    at critical level."""

    def filter(self, record: logging.LogRecord) -> bool:
        debug = record.levelno <= logging.DEBUG
        if isinstance(record.args, tuple):
            record.args = tuple(_summary(value, debug=debug) for value in record.args)
        elif isinstance(record.args, dict) and "%(" not in str(record.msg):
            # One dict argument: logging keeps it as `args` itself (a whole update, for a "%r").
            record.args = (_summary(record.args, debug=debug),)
        return True


def _summary(value: object, *, debug: bool) -> object:
    if isinstance(value, Update):
        return f"update {value.update_id}"
    if isinstance(value, dict):
        return "{" + ", ".join(sorted(str(key) for key in value)) + "}"
    if isinstance(value, list | tuple | set):
        return f"[{len(value)} items]"
    # At debug level a long string is a request body or a message; above it, an error's description.
    if debug and isinstance(value, str | bytes) and len(value) > SUMMARY_CHARS:
        return f"<{len(value)} characters>"
    return value


def protect_logs(token: str) -> None:
    """Keep the token and people's messages out of every log: quiet httpx's per-request lines and the SQL
    parameters aiosqlite dumps, reduce python-telegram-bot's debug lines to ids and kinds (`ContentFree`),
    and redact the token everywhere else."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    for name in SQL_LOGGING_LIBRARIES:
        chatty = logging.getLogger(name)
        chatty.setLevel(max(logging.INFO, chatty.getEffectiveLevel()))
    telegram_loggers = [
        logging.getLogger(name) for name in list(logging.root.manager.loggerDict) if name.startswith("telegram")
    ]
    for target in telegram_loggers:
        if not any(isinstance(old, ContentFree) for old in target.filters):
            target.addFilter(ContentFree())
    redact = RedactToken(token)
    loggers = ("httpx", "httpcore", "telegram", "telegram.ext", "telegram.ext.Updater", "bot", "handlers")
    for target in [*(logging.getLogger(name) for name in loggers), *logging.getLogger().handlers]:
        # Building the application twice in one process (tests) must not stack filters.
        if not any(isinstance(old, RedactToken) and old.token == token for old in target.filters):
            target.addFilter(redact)


def configure_logging(settings: Settings) -> None:
    """Plain log lines on stderr at `WHOSAID_LOG_LEVEL`."""
    logging.basicConfig(
        level=getattr(logging, settings.log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def without_token(text: str, settings: Settings) -> str:
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    return text.replace(token, "<token>") if token else text


# ----- building the Application ----------------------------------------------------------------------------


def base_file_url(base_url: str) -> str:
    """Where files are downloaded for a Bot API `base_url`: .../bot -> .../file/bot (Telegram's layout)."""
    if base_url.endswith("/bot"):
        return base_url[: -len("bot")] + "file/bot"
    return base_url.rstrip("/") + "/file/bot"


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


def build_application(settings: Settings, *, role: Role, register: Register) -> Application:
    """The bot's Application for `role`, configured from `settings` (which must carry a token), with the
    handlers `register` adds."""
    if settings.telegram_bot_token is None:
        raise ValueError("build_application needs settings.telegram_bot_token")
    token = settings.telegram_bot_token.get_secret_value()
    protect_logs(token)
    concurrency = settings.queue_limit + LIGHT_UPDATES
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
    application.bot_data[ROLE_KEY] = role
    register(application)
    application.add_error_handler(on_error)
    return application


# ----- services --------------------------------------------------------------------------------------------


async def open_services(application: Application) -> None:
    """Start-up: open the database and the analysis pool, make the link client, install the job queue and
    the leases (shared database), pick up unfinished updates, register the commands."""
    if application.bot_data.get(SERVICES_KEY) is not None:
        return  # opened already (post_init runs it again when the application is started by run_polling)
    settings = settings_of(application)
    role = role_of(application)
    database = await Database.open(settings.database_target)
    pool = AnalysisPool.from_settings(settings)
    if (notice := application.bot_data.get(WAIT_NOTICE_KEY)) is not None:
        pool.on_wait = notice(application.bot)
    try:
        if analyzes_here(settings, role):
            await pool.start()
        from bot.fetch import make_http_client

        http = make_http_client(settings)
    except BaseException:
        await pool.shutdown(grace=0)
        await database.close()
        raise
    update_log = DatabaseUpdateLog(database) if database.writable else None
    found = BotServices(
        settings=settings,
        database=database,
        store=ArticleStore(database),
        pool=pool,
        http=http,
        update_log=update_log,
    )
    application.bot_data[SERVICES_KEY] = found
    update_queue = application.update_queue
    if settings.shared_database:
        assert isinstance(database, PostgresDatabase)
        queue = AnalysisQueue(database)
        await queue.install()
        application.bot_data[QUEUE_KEY] = queue
    if isinstance(update_queue, DurableUpdateQueue) and update_log is not None:
        update_queue.attach(update_log)
        if role == "worker":
            return  # a worker takes its updates from the job queue: no sweeps, no leases, no command list
        await _start_sweeps(application, settings, update_queue, update_log)
    try:
        commands = application.bot_data.get(COMMANDS_KEY, [])
        await asyncio.wait_for(application.bot.set_my_commands(commands), COMMANDS_TIMEOUT)
    except (TimeoutError, TelegramError) as error:
        logger.warning("couldn't register the command list (%s); going on without it", error)


async def _start_sweeps(
    application: Application, settings: Settings, update_queue: DurableUpdateQueue, update_log: UpdateLog
) -> None:
    """Keep the leases of updates in hand (shared database), hand back unfinished updates now and on a timer."""
    if settings.shared_database:
        application.bot_data[LEASE_TASK_KEY] = asyncio.create_task(
            keep_leases(update_queue, update_log), name="whosaid:leases"
        )
    if isinstance(update_log, DatabaseUpdateLog):
        await update_log.prune()
    recovered = await redeliver(update_queue, update_log, application.bot, everything=True)
    if recovered:
        logger.info("picking up %d unfinished update(s) from the last run", recovered)
    application.bot_data[REDELIVERY_TASK_KEY] = asyncio.create_task(
        redeliver_forever(update_queue, update_log, application.bot, settings.redelivery_seconds),
        name="whosaid:redelivery",
    )


async def close_services(application: Application) -> None:
    """Shutdown: stop the background tasks, finish or stop analyses, close the link client and the database."""
    await cancel(application.bot_data.pop(REDELIVERY_TASK_KEY, None))
    await cancel(application.bot_data.pop(LEASE_TASK_KEY, None))
    found: BotServices | None = application.bot_data.pop(SERVICES_KEY, None)
    if found is None:
        return
    if isinstance(application.update_queue, DurableUpdateQueue):
        application.update_queue.attach(None)
    await found.pool.shutdown(grace=found.settings.shutdown_grace)
    if found.http is not None:
        await found.http.aclose()
    await found.database.close()


async def keep_leases(update_queue: DurableUpdateQueue, update_log: UpdateLog) -> None:
    """Renew, a few times per lease, the leases on the updates this replica is handling."""
    if not isinstance(update_log, DatabaseUpdateLog):
        return
    while True:
        await asyncio.sleep(LEASE_SECONDS / 3)
        try:
            await update_log.renew(list(update_queue.in_flight))
        except Exception as error:
            logger.warning("couldn't renew the leases on updates in hand: %s", error)


# ----- errors ----------------------------------------------------------------------------------------------


def is_delivery_failure(error: object) -> bool:
    """A call to Telegram that failed for the moment (flood control, network, 5xx), not a refusal."""
    return isinstance(error, RetryAfter) or (
        isinstance(error, NetworkError) and not isinstance(error, BadRequest)
    )


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (ids and types, never the token or a message's text). A failure for the moment (a reply
    that couldn't be delivered, a file Telegram didn't hand over) leaves the update pending, without an
    apology; any other failure is told to the person."""
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else "?"
    if isinstance(error, TryAgainLater) or is_delivery_failure(error):
        work = work_of(context, update)
        if work is not None:
            work.settle(Deferred(str(error) if isinstance(error, TryAgainLater) else None))
        logger.warning(
            "couldn't finish update %s for now (%s: %s); it stays pending",
            update_id,
            type(error).__name__,
            error,
        )
        return
    # The type and where it was raised; never the exception's text, which may quote the message.
    logger.error(
        "error while handling update %s: %s\n%s",
        update_id,
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
            if is_delivery_failure(send_error) and (work := work_of(context, update)) is not None:
                work.settle(Deferred())
            logger.warning("couldn't tell the chat about the error: %s", type(send_error).__name__)


# ----- the token check, signals and shutdown ----------------------------------------------------------------


def token_missing(settings: Settings) -> bool:
    return settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value().strip()


def stop_signal() -> asyncio.Event:
    """An event set by SIGTERM or SIGINT (Ctrl+C)."""
    import signal

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    return stop


async def cancel(task: asyncio.Task[object] | None) -> None:
    """Cancel a background task and wait for it to end."""
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def step(what: str, action: Awaitable[object]) -> None:
    """One step of a shutdown: a failure is logged and the shutdown goes on (it must end the process)."""
    try:
        await action
    except Exception as error:
        logger.warning("%s failed (%s); stopping anyway", what, type(error).__name__)


def run_process(settings: Settings, name: str, serve: Callable[[], Coroutine[object, object, None]]) -> int:
    """Check the token, set up logging and run `serve()` until it returns (a signal stopped it); the exit
    code, with one clear line on stderr when the bot can't start (no or refused token, storage, Telegram
    unreachable)."""
    if token_missing(settings):
        sys.stderr.write(NO_TOKEN_MESSAGE)
        return EXIT_NO_TOKEN
    configure_logging(settings)
    try:
        asyncio.run(serve())
    except InvalidToken:
        # python-telegram-bot's message quotes the token: say it in our own words.
        sys.stderr.write(
            f"{name}: Telegram refused the bot token (401/404). Check TELEGRAM_BOT_TOKEN (get a new one from "
            "@BotFather with /token) and TELEGRAM_API_BASE_URL.\n"
        )
        return EXIT_TOKEN_REFUSED
    except StorageError as error:
        sys.stderr.write(f"{name}: {error}\n")
        return EXIT_STORAGE
    except NetworkError as error:
        host = urlsplit(settings.telegram_api_base_url).hostname
        sys.stderr.write(f"{name}: can't reach Telegram at {host}: {without_token(str(error), settings)}\n")
        return EXIT_UNREACHABLE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return 0
