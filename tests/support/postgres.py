"""A real PostgreSQL for the tests, started from the `pgserver` wheel (a dev dependency): nothing to install.

One server per test session, in a temporary folder, listening only on a Unix socket; each test that asks gets
a database of its own (`CREATE DATABASE`), dropped afterwards. As root (CI), pgserver runs the server as an
unprivileged `pgserver` user it creates, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

_names = itertools.count(1)


class PostgresServer:
    """The running test server: its admin URL, and fresh databases on demand."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url

    def url_for(self, database: str) -> str:
        """A libpq URI for `database` on this server (the Unix-socket form: `postgresql://postgres:@/NAME?host=...`)."""
        parts = urlsplit(self.admin_url)
        return urlunsplit((parts.scheme, parts.netloc, f"/{database}", parts.query, ""))

    async def create_database(self) -> str:
        """A new empty database; returns its URL."""
        import asyncpg

        name = f"whosaid_test_{os.getpid()}_{next(_names)}"
        connection = await asyncpg.connect(self.admin_url)
        try:
            # FILE_COPY copies the small template at once instead of WAL-logging it block by block.
            await connection.execute(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY')
        finally:
            await connection.close()
        return self.url_for(name)

    async def drop_database(self, url: str) -> None:
        import asyncpg

        name = urlsplit(url).path.lstrip("/")
        connection = await asyncpg.connect(self.admin_url)
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await connection.close()


@contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server in a temporary folder, stopped and deleted at the end of the block."""
    import pgserver

    folder = Path(tempfile.mkdtemp(prefix="whosaid-pg-"))
    server = pgserver.get_server(folder / "data", cleanup_mode="delete")
    try:
        yield PostgresServer(server.get_uri())
    finally:
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole test session."""
    with running_postgres() as server:
        yield server


@pytest.fixture
async def postgres_url(postgres_server: PostgresServer) -> AsyncIterator[str]:
    """The URL of a fresh, empty database on the test server (dropped after the test)."""
    url = await postgres_server.create_database()
    yield url
    await postgres_server.drop_database(url)


@pytest.fixture(params=["sqlite", "postgres"])
async def database_target(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str | Path]:
    """Where a storage test keeps its data, once per backend: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield tmp_path / "whosaid.db"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = await server.create_database()
    yield url
    await server.drop_database(url)


@pytest.fixture
async def database(database_target: str | Path) -> AsyncIterator[object]:
    """An open, migrated database on each backend in turn."""
    from storage import Database

    db = await Database.open(database_target)
    yield db
    await db.close()
