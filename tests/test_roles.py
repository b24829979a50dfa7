"""Which role does what, decided from the settings alone (no processes: the scale-out e2e test runs them)."""

from __future__ import annotations

from pathlib import Path

from telegram.ext import Application, MessageHandler

from bot import app, worker_role
from bot.runtime import analyzes_here, is_replica, webhook_secret
from bot.settings import Settings
from handlers import articles
from handlers.handoff import hand_off_article

POSTGRES = "postgresql://postgres:@/whosaid?host=/run/pg"


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, TELEGRAM_BOT_TOKEN="42:AAtoken", **values)


def article_handler(application: Application) -> object:
    """The callback a message carrying an article reaches (the last message handler), as written."""
    handler = [found for found in application.handlers[0] if isinstance(found, MessageHandler)][-1]
    return getattr(handler.callback, "__wrapped__", handler.callback)


def test_sqlite_runs_both_roles_in_one_process(tmp_path: Path) -> None:
    embedded = settings(WHOSAID_DB_PATH=str(tmp_path / "w.db"))
    assert not embedded.shared_database
    assert not is_replica(embedded, "run") and analyzes_here(embedded, "run")
    assert article_handler(app.build_application(embedded)) is articles.on_message


def test_on_postgres_run_hands_articles_off_and_worker_analyzes() -> None:
    shared = settings(WHOSAID_DATABASE_URL=POSTGRES)
    assert shared.shared_database and shared.database_target == POSTGRES
    assert is_replica(shared, "run") and not analyzes_here(shared, "run")
    assert article_handler(app.build_application(shared)) is hand_off_article
    assert not is_replica(shared, "worker") and analyzes_here(shared, "worker")
    assert article_handler(worker_role.build_application(shared)) is articles.on_message


def test_the_database_url_is_a_secret_and_an_empty_one_means_sqlite(tmp_path: Path) -> None:
    shared = settings(WHOSAID_DATABASE_URL="postgresql://bot:hunter2@db/whosaid")
    assert "hunter2" not in repr(shared)
    blank = settings(WHOSAID_DATABASE_URL="", WHOSAID_DB_PATH=str(tmp_path / "w.db"))
    assert blank.database_target == tmp_path / "w.db"


def test_every_replica_checks_the_same_webhook_secret() -> None:
    first, second = settings(), settings()
    assert webhook_secret(first) == webhook_secret(second)
    assert "AAtoken" not in webhook_secret(first)
    other_bot = Settings(_env_file=None, TELEGRAM_BOT_TOKEN="43:BBtoken")
    assert webhook_secret(other_bot) != webhook_secret(first)
    chosen = settings(WHOSAID_WEBHOOK_SECRET="chosen-secret_1")
    assert webhook_secret(chosen) == "chosen-secret_1"
