"""Analysis and extraction off the event loop: a process or thread pool, fair between chats, with deadlines.

spaCy holds the GIL for most of its work, so analysis in the event loop's process competes with answering
Telegram; a process pool keeps the loop free, a thread pool starts faster and shares one loaded model
(`benchmarks/bench_bot.py` compares both).

- **Queued, bounded in minutes.** A burst waits its turn: jobs are refused (`PoolBusy`, saying when to
  try again) only when the work already waiting would take the pool more than `backlog_seconds`, measured
  with a moving average of how long jobs take, or when one chat has `chat_queue_limit` jobs in already.
- **Fair.** Waiting jobs are kept per chat and started round-robin, so a chat that sends ten articles at
  once delays another chat's one article by at most one job per worker.
- **Told where they stand.** When a chat's job has to wait a while, `on_wait` (set by the bot) is told once,
  with how many jobs are ahead of it and about how long it will wait; not again until that chat's jobs are
  all done.
- **Deadlines.** A job running longer than `job_timeout` raises `JobTimedOut`; a process pool is recycled
  (its processes killed) to stop it, and the other jobs that were running in it are started again.
- **No orphans.** Worker processes ignore Ctrl+C and SIGTERM (the main process decides how the pool stops)
  and die with the main process however it ends: `PR_SET_PDEATHSIG` on Linux, and a watch on the parent's pid everywhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import ctypes
import logging
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from bot.article import Article
from bot.errors import WhoSaidError
from bot.report import Report
from bot.settings import Settings

logger = logging.getLogger(__name__)

T = TypeVar("T")
WorkerKind = Literal["process", "thread"]

_PR_SET_PDEATHSIG = 1
# How often a worker process checks that its parent is still there (the fallback to PR_SET_PDEATHSIG).
PARENT_WATCH_INTERVAL = 1.0


# How long one job takes on one worker before the pool has timed any (an ~800-word article, seconds).
FIRST_JOB_SECONDS = 1.0
# How far each finished job moves the estimate (an exponential moving average of job times).
JOB_ESTIMATE_WEIGHT = 0.2
# A wait shorter than this isn't worth a message: the reply comes soon anyway.
NOTICE_AFTER_SECONDS = 15.0

# Told the jobs ahead and the seconds to wait: the bot turns it into a message to the chat.
WaitNotice = Callable[[int, int, float], Awaitable[None]]


def in_words(seconds: float) -> str:
    """A wait as a person says it: 'about 30 seconds', 'about a minute', 'about 4 minutes'."""
    if seconds < 50:
        return f"about {max(10, round(seconds / 10) * 10)} seconds"
    minutes = max(1, math.ceil(seconds / 60 - 0.25))
    return "about a minute" if minutes == 1 else f"about {minutes} minutes"


class PoolBusy(WhoSaidError):
    """Too much is waiting: the message tells the person when to send the article again."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    @classmethod
    def backlog(cls, waiting_seconds: float, limit_seconds: float) -> PoolBusy:
        """The pool has more than its bound of work waiting."""
        retry_after = max(60.0, waiting_seconds - limit_seconds)
        return cls(
            f"I have {in_words(waiting_seconds)} of articles to read before this one, more than I queue at "
            f"once. Please send it again in {in_words(retry_after)}.",
            retry_after,
        )

    @classmethod
    def chat_full(cls, waiting: int, waiting_seconds: float) -> PoolBusy:
        """One chat has its bound of jobs in the pool already."""
        retry_after = max(60.0, waiting_seconds)
        return cls(
            f"You have {waiting} articles waiting already. Send this one again in {in_words(retry_after)}, "
            "once they are answered.",
            retry_after,
        )

    @classmethod
    def stopping(cls) -> PoolBusy:
        """The bot is shutting down."""
        return cls("I'm restarting. Please send it again in a minute.", 60.0)


class JobTimedOut(WhoSaidError):
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


class AnalysisPool:
    """A pool of `workers` processes or threads, fed fairly between chats, each job under a deadline."""

    def __init__(
        self,
        *,
        model: str,
        max_chars: int,
        workers: int = 2,
        kind: str = "process",
        backlog_seconds: float = 600.0,
        chat_queue_limit: int = 8,
        job_timeout: float = 60.0,
        on_wait: WaitNotice | None = None,
    ) -> None:
        if kind not in ("process", "thread"):
            raise ValueError(f"WHOSAID_WORKER_KIND must be 'process' or 'thread', not {kind!r}")
        self.model = model
        self.max_chars = max_chars
        self.workers = workers
        self.kind: WorkerKind = kind  # type: ignore[assignment]
        self.backlog_seconds = backlog_seconds
        self.chat_queue_limit = chat_queue_limit
        self.job_timeout = job_timeout
        self.on_wait = on_wait
        self.job_seconds = FIRST_JOB_SECONDS
        self._told: set[int] = set()
        self._notices: set[asyncio.Task[None]] = set()
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
    def from_settings(cls, settings: Settings) -> AnalysisPool:
        """A worker sized by `WHOSAID_WORKERS`, `..._WORKER_KIND`, `..._BACKLOG_MINUTES`,
        `..._CHAT_QUEUE_LIMIT` and `..._JOB_TIMEOUT`."""
        return cls(
            model=settings.spacy_model,
            max_chars=settings.max_text_chars,
            workers=settings.workers,
            kind=settings.worker_kind,
            backlog_seconds=settings.backlog_minutes * 60,
            chat_queue_limit=settings.chat_queue_limit,
            job_timeout=settings.job_timeout,
        )

    @property
    def pending(self) -> int:
        """Jobs waiting or running right now."""
        return self._pending

    def waiting_seconds(self) -> float:
        """About how long the jobs in keep the pool busy, by the moving average of job times."""
        return self._pending * self.job_seconds / self.workers

    def ahead_of(self, job: _Job) -> int:
        """How many jobs will start before this waiting one: those running, then the round-robin turns."""
        queue = self._waiting.get(job.chat_id)
        if queue is None or job not in queue:
            return 0
        rounds = queue.index(job)  # the chat's own jobs before it, one per round
        ahead = len(self._running) + rounds
        before = True  # chats before this one in the rotation get one more turn first
        for chat_id in self._turns:
            if chat_id == job.chat_id:
                before = False
                continue
            ahead += min(len(self._waiting[chat_id]), rounds + 1 if before else rounds)
        return ahead

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
        """The article's report, computed in the pool. `PoolBusy` when the queue is full, `JobTimedOut`."""
        return await self.submit(analyze_job, article, self.model, self.max_chars, chat_id=chat_id)

    async def extract(
        self, body: bytes, content_type: str | None, url: str | None = None, *, chat_id: int = 0
    ) -> Article:
        """A page's or document's article, extracted in the pool under the same deadline as analysis."""
        return await self.submit(extract_job, body, content_type, url, chat_id=chat_id)

    async def submit(self, function: Callable[..., T], *args: Any, chat_id: int = 0) -> T:
        """Run `function(*args)` in the pool, in `chat_id`'s turn. `PoolBusy` at once when the work already
        in would keep the pool busy past the backlog bound, or the chat has its bound of jobs in."""
        if self._closing:
            raise PoolBusy.stopping()
        waiting = self.waiting_seconds()
        if waiting > self.backlog_seconds:
            raise PoolBusy.backlog(waiting, self.backlog_seconds)
        if self._per_chat.get(chat_id, 0) >= self.chat_queue_limit:
            raise PoolBusy.chat_full(self._per_chat[chat_id], self.waiting_seconds())
        job = _Job(chat_id, function, args, asyncio.get_running_loop().create_future())
        self._pending += 1
        self._per_chat[chat_id] = self._per_chat.get(chat_id, 0) + 1
        self._idle.clear()
        if chat_id not in self._waiting:
            self._waiting[chat_id] = deque()
            self._turns.append(chat_id)
        self._waiting[chat_id].append(job)
        self._dispatch()
        self._tell_if_waiting(job)
        try:
            return await asyncio.shield(job.future)
        except asyncio.CancelledError:
            # The caller gave up (shutdown): a job not started yet is dropped; a running one ends on its own.
            self._discard_waiting(job)
            raise

    def _tell_if_waiting(self, job: _Job) -> None:
        """Tell the chat once where its job stands, when it has to wait a while (see `on_wait`)."""
        if self.on_wait is None or job.chat_id in self._told or job in self._running:
            return
        ahead = self.ahead_of(job)
        seconds = (ahead // self.workers + 1) * self.job_seconds
        if ahead == 0 or seconds < NOTICE_AFTER_SECONDS:
            return
        self._told.add(job.chat_id)
        # In a context of its own: the notice is no part of the reply to the update being handled (it is not
        # journalled, so handling the update again later numbers its reply the same way).
        task = asyncio.create_task(
            self._notify(job.chat_id, ahead, seconds),
            name=f"whosaid-wait:{job.chat_id}",
            context=contextvars.Context(),
        )
        self._notices.add(task)
        task.add_done_callback(self._notices.discard)

    async def _notify(self, chat_id: int, ahead: int, seconds: float) -> None:
        assert self.on_wait is not None
        try:
            await self.on_wait(chat_id, ahead, seconds)
        except Exception as error:  # a notice is a courtesy: the reply still comes
            logger.warning(
                "couldn't tell chat %s where its article stands: %s", chat_id, type(error).__name__
            )

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
            self._told.discard(job.chat_id)  # its next wait is worth a notice again
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
            elapsed = time.monotonic() - job.started
            self.job_seconds += JOB_ESTIMATE_WEIGHT * (elapsed - self.job_seconds)
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


def _settle(
    future: asyncio.Future[Any], *, result: Any = None, exception: BaseException | None = None
) -> None:
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
