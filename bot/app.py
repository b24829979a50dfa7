"""`whosaid run`: the Telegram Application, its start-up and shutdown, retries, errors and logging.

`build_application(settings)` gives the configured python-telegram-bot `Application` (tests drive it against a
fake Bot API server through `TELEGRAM_API_BASE_URL`); `run_bot(settings)` runs it with polling, or a webhook
when `WHOSAID_WEBHOOK_URL` is set. Start-up opens the database and the analysis pool and registers the command
list; shutdown lets in-flight articles finish (python-telegram-bot waits for running handlers) before the
pool and the database close.
"""

from __future__ import annotations

import asyncio
import html
import logging
import secrets
import sys
from urllib.parse import urlsplit

import httpx
from telegram import Update
from telegram.error import BadRequest, NetworkError, TelegramError, TimedOut
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes

import handlers
from bot.settings import Settings
from bot.worker import AnalysisWorker
from handlers.services import SERVICES_KEY, BotServices
from storage import ArticleStore, Database

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

# Calls that are safe to repeat after a timeout: doing them twice changes nothing a person sees twice.
IDEMPOTENT_METHODS = frozenset(
    {
        "getMe",
        "getFile",
        "getMyCommands",
        "setMyCommands",
        "deleteWebhook",
        "sendChatAction",
        "answerCallbackQuery",
        "editMessageText",
        "editMessageReplyMarkup",
        "deleteMessage",
    }
)
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class RetryingRateLimiter(AIORateLimiter):
    """python-telegram-bot's rate limiter (flood limits, `RetryAfter`), plus retries of network failures.

    A request that never left (connection refused, connect or pool timeout) is retried for every method. A
    request that timed out after it was sent may have reached Telegram, so it is only retried for methods
    where doing it twice is harmless: a second `sendMessage` would show the person a duplicate reply.
    """

    def __init__(self, *, network_retries: int = 3, backoff: float = 0.5, **limits: float) -> None:
        super().__init__(max_retries=3, **limits)
        self.network_retries = network_retries
        self.backoff = backoff

    @staticmethod
    def can_retry(endpoint: str, error: NetworkError) -> bool:
        """Whether repeating this failed call is safe."""
        if isinstance(error, BadRequest) or endpoint == "getUpdates":
            return False  # a refused request fails again; polling has its own retry loop
        return isinstance(error.__cause__, _NEVER_SENT) or endpoint in IDEMPOTENT_METHODS

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):  # type: ignore[no-untyped-def]
        for attempt in range(self.network_retries + 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except NetworkError as error:
                if attempt == self.network_retries or not self.can_retry(endpoint, error):
                    raise
                delay = self.backoff * 2**attempt
                logger.warning("%s failed (%s); retrying in %.1f s", endpoint, type(error).__name__, delay)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover


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


def protect_logs(token: str) -> None:
    """Keep the token out of every log: quiet httpx's per-request lines and redact it everywhere else."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
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
    """Start-up: open the database and the analysis pool, make the link client, register the commands."""
    settings: Settings = application.bot_data[SETTINGS_KEY]
    database = await Database.open(settings.database_target)
    worker = AnalysisWorker.from_settings(settings)
    try:
        await worker.start()
        from bot.fetch import make_http_client

        http = make_http_client(settings)
    except BaseException:
        await worker.shutdown()
        await database.close()
        raise
    application.bot_data[SERVICES_KEY] = BotServices(
        settings=settings, database=database, store=ArticleStore(database), worker=worker, http=http
    )
    await application.bot.set_my_commands(handlers.COMMANDS)


async def close_services(application: Application) -> None:
    """Shutdown: finish accepted analyses, then close the pool, the link client and the database."""
    found: BotServices | None = application.bot_data.pop(SERVICES_KEY, None)
    if found is None:
        return
    await found.worker.shutdown()
    if found.http is not None:
        await found.http.aclose()
    await found.database.close()


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (never the token) and tell the person something went wrong."""
    error = context.error
    if isinstance(error, TimedOut | NetworkError) and not isinstance(error, BadRequest):
        logger.warning("network trouble talking to Telegram: %s", error)
    else:
        logger.error("error while handling an update", exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        if update.callback_query is not None:
            try:
                await update.callback_query.answer(SOMETHING_WENT_WRONG, show_alert=True)
                return
            except TelegramError:
                pass
        try:
            await context.bot.send_message(update.effective_chat.id, html.escape(SOMETHING_WENT_WRONG))
        except TelegramError as send_error:
            logger.warning("couldn't tell the chat about the error: %s", send_error)


def build_application(settings: Settings) -> Application:
    """The bot's Application, configured from `settings` (which must carry a token)."""
    if settings.telegram_bot_token is None:
        raise ValueError("build_application needs settings.telegram_bot_token")
    token = settings.telegram_bot_token.get_secret_value()
    protect_logs(token)
    # Enough concurrent updates that follow-ups and /help are served while the pool is full of articles;
    # articles beyond the pool's queue are refused with "busy", so this never piles up work.
    concurrency = settings.queue_limit + 32
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(base_file_url(settings.telegram_api_base_url))
        .rate_limiter(RetryingRateLimiter())
        .concurrent_updates(concurrency)
        .connection_pool_size(max(64, concurrency))
        .connect_timeout(10.0)
        .read_timeout(20.0)
        .write_timeout(20.0)
        .post_init(open_services)
        .post_shutdown(close_services)
        .build()
    )
    application.bot_data[SETTINGS_KEY] = settings
    handlers.register(application)
    application.add_error_handler(on_error)
    return application


def configure_logging(settings: Settings) -> None:
    """Plain log lines on stderr at `WHOSAID_LOG_LEVEL`."""
    logging.basicConfig(
        level=getattr(logging, settings.log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def run_bot(settings: Settings) -> int:
    """Run the bot until interrupted; returns the exit code (2 without a token)."""
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value().strip():
        sys.stderr.write(NO_TOKEN_MESSAGE)
        return EXIT_NO_TOKEN
    configure_logging(settings)
    application = build_application(settings)
    if settings.webhook_url:
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=secrets.token_urlsafe(32),
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        logger.info("WhoSaid is polling Telegram for updates")
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
