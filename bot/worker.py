"""Analysis off the event loop: a process or thread pool behind a bounded queue.

spaCy holds the GIL for most of its work, so analysis in the event loop's process competes with answering
Telegram; a process pool keeps the loop free, a thread pool starts faster and shares one loaded model
(`benchmarks/bench_bot.py` compares both). Either way at most `queue_limit` articles wait or run at once:
beyond that `submit` raises `WorkerBusy` at once instead of letting the backlog grow without bound.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Literal, TypeVar

from bot.article import Article
from bot.report import Report
from bot.settings import Settings

logger = logging.getLogger(__name__)

T = TypeVar("T")
WorkerKind = Literal["process", "thread"]


class WorkerBusy(Exception):
    """Too many articles are waiting: the caller should tell the person to try again shortly."""

    user_message = "I'm busy with other articles right now. Please try again in a minute."


def load_model(model: str) -> None:
    """Load the spaCy pipeline into this process (a pool initializer and warm-up job)."""
    from bot.engine import get_pipeline

    get_pipeline(model)


def analyze_job(article: Article, model: str, max_chars: int) -> Report:
    """The unit of work a pool runs: one article through the engine."""
    from bot.engine import analyze_article

    return analyze_article(article, model=model, max_chars=max_chars)


class AnalysisWorker:
    """A pool of `workers` processes or threads with at most `queue_limit` jobs waiting or running."""

    def __init__(
        self,
        *,
        model: str,
        max_chars: int,
        workers: int = 2,
        kind: str = "process",
        queue_limit: int = 32,
    ) -> None:
        if kind not in ("process", "thread"):
            raise ValueError(f"WHOSAID_WORKER_KIND must be 'process' or 'thread', not {kind!r}")
        self.model = model
        self.max_chars = max_chars
        self.workers = workers
        self.kind: WorkerKind = kind  # type: ignore[assignment]
        self.queue_limit = queue_limit
        self._pool: Executor | None = None
        self._pending = 0
        self._closing = False
        self._idle = asyncio.Event()
        self._idle.set()

    @classmethod
    def from_settings(cls, settings: Settings) -> AnalysisWorker:
        """A worker sized by `WHOSAID_WORKERS`, `WHOSAID_WORKER_KIND` and `WHOSAID_QUEUE_LIMIT`."""
        return cls(
            model=settings.spacy_model,
            max_chars=settings.max_text_chars,
            workers=settings.workers,
            kind=settings.worker_kind,
            queue_limit=settings.queue_limit,
        )

    @property
    def pending(self) -> int:
        """Jobs waiting or running right now."""
        return self._pending

    def _make_pool(self) -> Executor:
        if self.kind == "thread":
            return ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="whosaid-analysis")
        # spawn, not fork: the bot's process has threads (aiosqlite, httpx), and forking those can deadlock.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=load_model,
            initargs=(self.model,),
        )

    async def start(self) -> None:
        """Create the pool and load the model in it, so the first article doesn't pay for the loading."""
        if self._pool is None:
            self._pool = self._make_pool()
        loop = asyncio.get_running_loop()
        warmups = 1 if self.kind == "thread" else self.workers
        pool = self._pool
        await asyncio.gather(*(loop.run_in_executor(pool, load_model, self.model) for _ in range(warmups)))

    async def analyze(self, article: Article) -> Report:
        """The article's report, computed in the pool. Raises `WorkerBusy` when the queue is full."""
        return await self.submit(analyze_job, article, self.model, self.max_chars)

    async def submit(self, function: Callable[..., T], *args: object) -> T:
        """Run `function(*args)` in the pool; `WorkerBusy` at once if `queue_limit` jobs are pending."""
        if self._closing or self._pending >= self.queue_limit:
            raise WorkerBusy(WorkerBusy.user_message)
        if self._pool is None:
            self._pool = self._make_pool()
        self._pending += 1
        self._idle.clear()
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, function, *args)
        except BrokenExecutor:
            # A worker process died (out of memory, killed): replace the pool so later articles still work.
            logger.error("analysis pool broke; starting a new one")
            self._pool = self._make_pool()
            raise
        finally:
            self._pending -= 1
            if self._pending == 0:
                self._idle.set()

    async def shutdown(self, grace: float | None = None) -> None:
        """Refuse new work, let every job already accepted finish (up to `grace` seconds), then stop the pool."""
        self._closing = True
        if grace is None:
            await self._idle.wait()
        else:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._idle.wait(), grace)
        pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.to_thread(pool.shutdown, wait=True)
