"""Analysis and extraction off the event loop: a process or thread pool, fair between chats, with deadlines.

spaCy holds the GIL for most of its work, so analysis in the event loop's process competes with answering
Telegram; a process pool keeps the loop free, a thread pool starts faster and shares one loaded model
(`benchmarks/bench_bot.py` compares both).

- **Bounded.** At most `queue_limit` jobs wait or run at once, and at most `chat_queue_limit` of one chat:
  beyond that `submit` raises `WorkerBusy` at once instead of letting the backlog grow without bound.
- **Fair.** Waiting jobs are kept per chat and started round-robin, so a chat that sends ten articles at
  once delays another chat's one article by at most one job per worker.
- **Deadlines.** A job running longer than `job_timeout` raises `JobTimedOut`; a process pool is recycled
  (its processes killed) to stop it, and the other jobs that were running in it are started again.
- **No orphans.** Worker processes ignore Ctrl+C and SIGTERM (the main process decides how the pool stops)
  and die with the main process however it ends: `PR_SET_PDEATHSIG` on Linux, and a watch on the parent's pid everywhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from bot.article import Article
from bot.report import Report
from bot.settings import Settings

logger = logging.getLogger(__name__)

T = TypeVar("T")
WorkerKind = Literal["process", "thread"]

_PR_SET_PDEATHSIG = 1
# How often a worker process checks that its parent is still there (the fallback to PR_SET_PDEATHSIG).
PARENT_WATCH_INTERVAL = 1.0


class WorkerBusy(Exception):
    """Too many articles are waiting: the caller should tell the person to try again shortly."""

    user_message = "I'm busy with other articles right now. Please try again in a minute."
    chat_message = "You have several articles waiting already. Send this one again once they are answered."


class JobTimedOut(Exception):
    """A job ran past its deadline and was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"That took me too long (over {seconds:.0f} seconds), so I stopped. Unusual text - very long runs "
            "without spaces, or thousands of quotation marks - can do that; try sending the article as plain "
            "paragraphs."
        )


def _die_with_parent(parent_pid: int) -> None:
    """Make this process end when `parent_pid` does (it must not outlive the bot as an orphan)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before the line above took effect
        os._exit(0)

    def watch() -> None:
        while True:
            time.sleep(PARENT_WATCH_INTERVAL)
            if os.getppid() != parent_pid:
                os._exit(0)

    threading.Thread(target=watch, name="whosaid-parent-watch", daemon=True).start()


def init_worker_process(model: str, parent_pid: int) -> None:
    """Pool initializer for a worker process: ignore Ctrl+C, die with the parent, load the model."""
    # Ctrl+C, and a service manager's SIGTERM, reach the whole process group: the main process decides how
    # the pool stops (finish or stop the jobs in hand), so workers don't die mid-job with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with_parent(parent_pid)
    # A model that won't load is reported by the warm-up job (one clear error), not as a traceback here.
    with contextlib.suppress(Exception):
        load_model(model)


def load_model(model: str) -> None:
    """Load the spaCy pipeline into this process (a pool initializer and warm-up job)."""
    from bot.engine import get_pipeline

    get_pipeline(model)


def analyze_job(article: Article, model: str, max_chars: int) -> Report:
    """The unit of work a pool runs: one article through the engine."""
    from bot.engine import analyze_article

    return analyze_article(article, model=model, max_chars=max_chars)


def extract_job(body: bytes, content_type: str | None, url: str | None) -> Article:
    """Extraction of a page or an HTML document (lxml, trafilatura) as a pool job."""
    from bot.extract import extract_article

    return extract_article(body, content_type=content_type, url=url)


@dataclass(eq=False)
class _Job:
    chat_id: int
    function: Callable[..., Any]
    args: tuple[Any, ...]
    future: asyncio.Future[Any]
    generation: int = -1
    started: float = 0.0
    task: asyncio.Task[None] | None = field(default=None, repr=False)


class AnalysisWorker:
    """A pool of `workers` processes or threads, fed fairly between chats, each job under a deadline."""

    def __init__(
        self,
        *,
        model: str,
        max_chars: int,
        workers: int = 2,
        kind: str = "process",
        queue_limit: int = 32,
        chat_queue_limit: int | None = None,
        job_timeout: float = 60.0,
    ) -> None:
        if kind not in ("process", "thread"):
            raise ValueError(f"WHOSAID_WORKER_KIND must be 'process' or 'thread', not {kind!r}")
        self.model = model
        self.max_chars = max_chars
        self.workers = workers
        self.kind: WorkerKind = kind  # type: ignore[assignment]
        self.queue_limit = queue_limit
        self.chat_queue_limit = chat_queue_limit or queue_limit
        self.job_timeout = job_timeout
        self._pool: Executor | None = None
        self._warming: asyncio.Future[None] | None = None
        self._generation = 0
        self._waiting: dict[int, deque[_Job]] = {}
        self._turns: deque[int] = deque()
        self._running: set[_Job] = set()
        self._per_chat: dict[int, int] = {}
        self._pending = 0
        self._closing = False
        self._idle = asyncio.Event()
        self._idle.set()

    @classmethod
    def from_settings(cls, settings: Settings) -> AnalysisWorker:
        """A worker sized by `WHOSAID_WORKERS`, `..._WORKER_KIND`, `..._QUEUE_LIMIT`, `..._CHAT_QUEUE_LIMIT`
        and `..._JOB_TIMEOUT`."""
        return cls(
            model=settings.spacy_model,
            max_chars=settings.max_text_chars,
            workers=settings.workers,
            kind=settings.worker_kind,
            queue_limit=settings.queue_limit,
            chat_queue_limit=settings.chat_queue_limit,
            job_timeout=settings.job_timeout,
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
            initializer=init_worker_process,
            initargs=(self.model, os.getpid()),
        )

    def _ensure_pool(self) -> Executor:
        if self._pool is None:
            self._pool = self._make_pool()
            self._generation += 1
        return self._pool

    async def start(self) -> None:
        """Create the pool and load the model in it, so the first article doesn't pay for the loading."""
        self._ensure_pool()
        self._warming = asyncio.ensure_future(self._warm_up())
        await self._warming

    async def _warm_up(self) -> None:
        pool = self._ensure_pool()
        loop = asyncio.get_running_loop()
        warmups = 1 if self.kind == "thread" else self.workers
        await asyncio.gather(*(loop.run_in_executor(pool, load_model, self.model) for _ in range(warmups)))

    async def _until_warm(self) -> None:
        """Wait for a pool that is loading the model (at start, after a recycle): that time is no job's."""
        warming = self._warming
        if warming is not None and not warming.done():
            with contextlib.suppress(Exception):
                await asyncio.shield(warming)

    async def analyze(self, article: Article, *, chat_id: int = 0) -> Report:
        """The article's report, computed in the pool. `WorkerBusy` when the queue is full, `JobTimedOut`."""
        return await self.submit(analyze_job, article, self.model, self.max_chars, chat_id=chat_id)

    async def extract(
        self, body: bytes, content_type: str | None, url: str | None = None, *, chat_id: int = 0
    ) -> Article:
        """A page's or document's article, extracted in the pool under the same deadline as analysis."""
        return await self.submit(extract_job, body, content_type, url, chat_id=chat_id)

    async def submit(self, function: Callable[..., T], *args: Any, chat_id: int = 0) -> T:
        """Run `function(*args)` in the pool, in `chat_id`'s turn; `WorkerBusy` at once if the queue is full."""
        if self._closing or self._pending >= self.queue_limit:
            raise WorkerBusy(WorkerBusy.user_message)
        if self._per_chat.get(chat_id, 0) >= self.chat_queue_limit:
            raise WorkerBusy(WorkerBusy.chat_message)
        job = _Job(chat_id, function, args, asyncio.get_running_loop().create_future())
        self._pending += 1
        self._per_chat[chat_id] = self._per_chat.get(chat_id, 0) + 1
        self._idle.clear()
        if chat_id not in self._waiting:
            self._waiting[chat_id] = deque()
            self._turns.append(chat_id)
        self._waiting[chat_id].append(job)
        self._dispatch()
        try:
            return await asyncio.shield(job.future)
        except asyncio.CancelledError:
            # The caller gave up (shutdown): a job not started yet is dropped; a running one ends on its own.
            self._discard_waiting(job)
            raise

    def _discard_waiting(self, job: _Job) -> None:
        queue = self._waiting.get(job.chat_id)
        if queue is not None and job in queue:
            queue.remove(job)
            if not queue:
                del self._waiting[job.chat_id]
                self._turns.remove(job.chat_id)
            self._finish(job)

    def _finish(self, job: _Job) -> None:
        self._pending -= 1
        left = self._per_chat.get(job.chat_id, 1) - 1
        if left:
            self._per_chat[job.chat_id] = left
        else:
            self._per_chat.pop(job.chat_id, None)
        if self._pending == 0:
            self._idle.set()

    def _dispatch(self) -> None:
        while len(self._running) < self.workers and self._turns:
            chat_id = self._turns.popleft()
            queue = self._waiting[chat_id]
            job = queue.popleft()
            if queue:
                self._turns.append(chat_id)  # the chat's next job waits for every other chat's turn
            else:
                del self._waiting[chat_id]
            self._running.add(job)
            job.task = asyncio.create_task(self._run(job), name=f"whosaid-job:{chat_id}")

    async def _run(self, job: _Job) -> None:
        loop = asyncio.get_running_loop()
        requeue = False
        try:
            await self._until_warm()
            pool = self._ensure_pool()
            job.generation = self._generation
            job.started = time.monotonic()
            result = await asyncio.wait_for(
                loop.run_in_executor(pool, job.function, *job.args), self.job_timeout
            )
        except TimeoutError:
            logger.warning("a job of chat %s ran over %.0f s; stopping it", job.chat_id, self.job_timeout)
            self._recycle(job.generation)
            _settle(job.future, exception=JobTimedOut(self.job_timeout))
        except BrokenExecutor as error:
            if self._closing:
                job.future.cancel()  # stopping: the job's update stays pending for the next start
            elif job.generation != self._generation:
                requeue = True  # the pool was recycled under it for another job's sake: run it again
            else:
                logger.error("analysis pool broke (%s); starting a new one", error)
                self._recycle(job.generation)
                _settle(job.future, exception=error)
        except BaseException as error:
            _settle(job.future, exception=error)
        else:
            _settle(job.future, result=result)
        finally:
            self._running.discard(job)
            if requeue and not job.future.done():
                self._waiting.setdefault(job.chat_id, deque()).appendleft(job)
                if job.chat_id not in self._turns:
                    self._turns.appendleft(job.chat_id)
            else:
                self._finish(job)
            self._dispatch()

    def _recycle(self, generation: int) -> None:
        """Throw the pool away (killing its processes) unless it was already replaced since `generation`."""
        if generation != self._generation or self._pool is None:
            return
        pool, self._pool = self._pool, None
        _stop_pool(pool, kill=True)
        if not self._closing:
            self._warming = asyncio.ensure_future(self._warm_up())

    async def shutdown(self, grace: float | None = None) -> None:
        """Refuse new work, let accepted jobs finish (up to `grace` seconds), then stop the pool."""
        self._closing = True
        if grace is None:
            await self._idle.wait()
        else:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._idle.wait(), grace)
        late = not self._idle.is_set()
        for queue in self._waiting.values():
            for job in queue:
                _settle(job.future, exception=asyncio.CancelledError())
        pool, self._pool = self._pool, None
        if pool is not None:
            if late:
                _stop_pool(pool, kill=True)
            else:
                await asyncio.to_thread(pool.shutdown, wait=True)


def _settle(future: asyncio.Future[Any], *, result: Any = None, exception: BaseException | None = None) -> None:
    if future.done():
        return
    if isinstance(exception, asyncio.CancelledError):
        future.cancel()
    elif exception is not None:
        future.set_exception(exception)
    else:
        future.set_result(result)


def _stop_pool(pool: Executor, *, kill: bool) -> None:
    """Shut a pool down without waiting; with `kill`, end its processes now (a thread can't be stopped)."""
    if kill and isinstance(pool, ProcessPoolExecutor):
        processes = dict(getattr(pool, "_processes", None) or {})
        for process in processes.values():
            with contextlib.suppress(Exception):
                process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
