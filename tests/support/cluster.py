"""The scaled shape as real processes on loopback: `whosaid run` webhook replicas and `whosaid worker`s sharing
one PostgreSQL database, talking to a fake Bot API. Used by the scale-out e2e test and the benchmark.

Every process is the real command (`python -m bot run|worker`) with the settings a deployment would give it;
its log goes to a file in the cluster's folder. `stop()` ends what the cluster started (SIGTERM, then SIGKILL
for a process that doesn't end), and nothing else.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
WORKER_READY = "is taking analysis jobs"


def free_port() -> int:
    """A port nothing on 127.0.0.1 listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class RoleProcess:
    """One `whosaid` process of the cluster."""

    name: str
    process: subprocess.Popen
    log: Path
    webhook_url: str | None = None

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    @property
    def alive(self) -> bool:
        return self.process.poll() is None


@dataclass
class Cluster:
    """Replicas and workers of one deployment: same token, API base URL and database URL."""

    token: str
    api_base_url: str
    database_url: str
    folder: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: list[RoleProcess] = field(default_factory=list)

    def _env(self, **settings: str) -> dict[str, str]:
        env = {
            key: value for key, value in os.environ.items() if not key.startswith(("WHOSAID_", "TELEGRAM_"))
        }
        env.update(
            {
                "TELEGRAM_BOT_TOKEN": self.token,
                "TELEGRAM_API_BASE_URL": self.api_base_url,
                "WHOSAID_DATABASE_URL": self.database_url,
                # Used when `database_url` is empty: the embedded shape, one process on an SQLite file.
                "WHOSAID_DB_PATH": str(self.folder / "whosaid.db"),
                "WHOSAID_ALLOW_PRIVATE_NETWORKS": "false",
                "WHOSAID_LOG_LEVEL": "INFO",
                "PYTHONUNBUFFERED": "1",
                **self.extra_env,
                **settings,
            }
        )
        return env

    def _spawn(
        self, name: str, command: str, env: dict[str, str], webhook_url: str | None = None
    ) -> RoleProcess:
        log = self.folder / f"{name}.log"
        with log.open("ab") as sink:
            process = subprocess.Popen(
                [sys.executable, "-m", "bot", command],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        started = RoleProcess(name, process, log, webhook_url)
        self.processes.append(started)
        return started

    def start_replica(self, name: str) -> RoleProcess:
        """A `whosaid run` webhook replica listening on its own loopback port."""
        port = free_port()
        url = f"http://127.0.0.1:{port}/whosaid"
        env = self._env(
            WHOSAID_WEBHOOK_URL=url, WHOSAID_WEBHOOK_LISTEN="127.0.0.1", WHOSAID_WEBHOOK_PORT=str(port)
        )
        return self._spawn(name, "run", env, webhook_url=url)

    def start_worker(self, name: str, *, workers: int = 1, kind: str = "thread") -> RoleProcess:
        """A `whosaid worker` with an analysis pool of `workers` (threads by default: one process to kill)."""
        env = self._env(WHOSAID_WORKERS=str(workers), WHOSAID_WORKER_KIND=kind)
        return self._spawn(name, "worker", env)

    def start_embedded(self, name: str, *, workers: int = 1, kind: str = "process") -> RoleProcess:
        """The embedded shape on SQLite (`database_url` empty): one `whosaid run` webhook process analyzing
        in its own pool of `workers`."""
        port = free_port()
        url = f"http://127.0.0.1:{port}/whosaid"
        env = self._env(
            WHOSAID_WEBHOOK_URL=url,
            WHOSAID_WEBHOOK_LISTEN="127.0.0.1",
            WHOSAID_WEBHOOK_PORT=str(port),
            WHOSAID_WORKERS=str(workers),
            WHOSAID_WORKER_KIND=kind,
        )
        return self._spawn(name, "run", env, webhook_url=url)

    async def wait_replica(self, replica: RoleProcess, *, timeout: float = 90.0) -> None:
        """Until the replica's webhook accepts connections."""
        assert replica.webhook_url is not None
        port = int(replica.webhook_url.split(":")[2].split("/")[0])
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not replica.alive:
                raise AssertionError(f"{replica.name} exited:\n{replica.log_text()[-3000:]}")
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.close()
                await writer.wait_closed()
                return
            except OSError:
                await asyncio.sleep(0.1)
        raise AssertionError(f"{replica.name} never listened:\n{replica.log_text()[-3000:]}")

    async def wait_worker(self, worker: RoleProcess, *, timeout: float = 120.0) -> None:
        """Until the worker has loaded its model and takes jobs."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not worker.alive:
                raise AssertionError(f"{worker.name} exited:\n{worker.log_text()[-3000:]}")
            if WORKER_READY in worker.log_text():
                return
            await asyncio.sleep(0.1)
        raise AssertionError(f"{worker.name} never got ready:\n{worker.log_text()[-3000:]}")

    def kill(self, role: RoleProcess) -> None:
        """SIGKILL: no chance to finish or tidy up anything."""
        role.process.send_signal(signal.SIGKILL)
        role.process.wait(10)

    def stop(self, *, grace: float = 20.0) -> None:
        """SIGTERM every process still running, SIGKILL those that outlive `grace`."""
        for role in self.processes:
            if role.alive:
                role.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + grace
        for role in self.processes:
            try:
                role.process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                role.process.kill()
                role.process.wait(10)
