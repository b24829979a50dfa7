"""What every handler needs, made once at start-up and kept in `application.bot_data`."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from telegram.ext import ContextTypes

from bot.settings import Settings
from bot.worker import AnalysisWorker
from storage import ArticleStore, Database, UpdateIntake

SERVICES_KEY = "whosaid.services"


@dataclass
class BotServices:
    """The bot's long-lived parts: settings, the database, the analysis pool, the HTTP client for links
    and the durable intake (None when the database is read-only)."""

    settings: Settings
    database: Database
    store: ArticleStore
    worker: AnalysisWorker
    http: httpx.AsyncClient | None = None
    intake: UpdateIntake | None = None


def services(context: ContextTypes.DEFAULT_TYPE) -> BotServices:
    """The running bot's services (set by `bot.app.open_services`)."""
    return context.application.bot_data[SERVICES_KEY]
