"""A bounded pool of worker processes for the web app: one request's work at a time per worker.

Why processes: spaCy and the stages are CPU-bound Python, so threads would take turns on one core;
a process per core runs requests side by side, and a process can be stopped. Each worker loads the
models once (``initializer``) and then runs jobs sent over a pipe.

Every job is cancellable. Its time limit counts from the request's arrival (waiting for a worker
uses it up too). At the limit the request is answered at once, and (as when its client goes away)
the worker's cancel flag is set; the job's own checks (``Deadline.check`` in the pipeline) end it at the next step. A
worker that has not answered one second (``grace``) after that is killed and replaced, so the
limit stops the work within a second whatever the job is doing. A worker that dies (killed from
outside, out of memory) fails only the request it was running; a new one takes its place.

Requests wait for a free worker in a bounded queue; past ``queue_limit`` waiting requests, or after
waiting ``queue_timeout`` seconds or until the request's time is up, ``run`` raises ``PoolBusy``
(the app answers 503 with ``Retry-After``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

log = logging.getLogger("storyline.web.pool")

# What a job returns, and what ``run`` hands back: ("ok", value), ("error", status, message) or
# ("cancelled", message). Jobs turn their own exceptions into these, so nothing unpicklable travels.
Reply = tuple[Any, ...]
# job(payload, seconds, cancel_flag) -> Reply; a module-level function (it is pickled to the worker)
Job = Callable[[Any, float, Any], Reply]


class PoolBusy(Exception):
    """No worker became free in time, or too many requests are already waiting."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class WorkerLost(Exception):
    """The worker running the request died before answering."""


class TimedOut(Exception):
    """The job did not finish within its time limit (its worker was stopped or cancelled it)."""


def worker_main(
    connection: Connection, cancel: Any, job: Job, initializer: Callable[[], None] | None
) -> None:
    """A worker process: load what the jobs need, then run jobs until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the server's to handle
    if initializer is not None:
        initializer()
    connection.send(("ready", os.getpid()))
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        payload, seconds = message
        cancel.clear()
        try:
            reply = job(payload, seconds, cancel)
        except Exception as exc:  # noqa: BLE001 - reported to the request as an internal error
            log.exception("a job failed in worker %d", os.getpid())
            reply = ("error", 500, f"internal error ({type(exc).__name__}); the server's log has the details")
        try:
            connection.send(reply)
        except (BrokenPipeError, OSError):
            return


@dataclass(eq=False)
class Worker:
    process: Any
    connection: Connection
    cancel: Any
    started: float = field(default_factory=time.monotonic)
    jobs: int = 0

    @property
    def pid(self) -> int | None:
        return int(self.process.pid) if self.process.pid is not None else None

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.connection.close()


class WorkerPool:
    """``size`` worker processes running ``job``; see the module's description."""

    def __init__(
        self,
        job: Job,
        size: int,
        time_limit: float,
        queue_limit: int,
        initializer: Callable[[], None] | None = None,
        grace: float = 1.0,
        queue_timeout: float | None = None,
        start_timeout: float = 300.0,
    ) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self.job = job
        self.size = size
        self.time_limit = time_limit
        self.queue_limit = queue_limit
        self.initializer = initializer
        self.grace = grace
        # long enough for a replacement worker to start (loading spaCy takes seconds)
        self.queue_timeout = max(time_limit, 60.0) if queue_timeout is None else queue_timeout
        self.start_timeout = start_timeout
        self.context = multiprocessing.get_context("spawn")
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.workers: set[Worker] = set()
        self.waiting = 0
        self.replaced = 0
        self.closed = False
        self.background: set[asyncio.Task[Any]] = set()

    # --- life cycle ------------------------------------------------------------------------------
    async def start(self) -> None:
        """Start every worker and wait until each has loaded what it needs."""
        ready = await asyncio.gather(*(self.spawn() for _ in range(self.size)))
        for worker in ready:
            self.idle.put_nowait(worker)

    async def spawn(self) -> Worker:
        parent, child = self.context.Pipe()
        cancel = self.context.Event()
        process = self.context.Process(
            target=worker_main,
            args=(child, cancel, self.job, self.initializer),
            name="storyline-worker",
            daemon=True,
        )
        process.start()
        child.close()
        worker = Worker(process, parent, cancel)
        self.workers.add(worker)
        try:
            reply = await self.receive(worker, self.start_timeout)
        except (TimedOut, WorkerLost):
            self.discard(worker)
            raise RuntimeError("a worker process did not start (see the log above)") from None
        if reply[0] != "ready":
            self.discard(worker)
            raise RuntimeError(f"a worker process did not start: {reply!r}")
        return worker

    async def close(self) -> None:
        self.closed = True
        for task in list(self.background):
            task.cancel()
        for worker in list(self.workers):
            with contextlib.suppress(Exception):
                worker.connection.send(None)
        deadline = time.monotonic() + 5
        for worker in list(self.workers):
            await asyncio.get_running_loop().run_in_executor(
                None, worker.process.join, max(0.1, deadline - time.monotonic())
            )
            self.discard(worker)

    def discard(self, worker: Worker) -> None:
        self.workers.discard(worker)
        worker.kill()

    def replace(self, worker: Worker) -> None:
        """Kill ``worker`` and start another in the background (it joins the idle ones when ready)."""
        self.discard(worker)
        if self.closed:
            return
        self.replaced += 1

        async def respawn() -> None:
            for attempt in range(3):
                try:
                    self.idle.put_nowait(await self.spawn())
                    return
                except RuntimeError:
                    log.exception("could not replace a worker (attempt %d)", attempt + 1)
                    await asyncio.sleep(1)

        task = asyncio.get_running_loop().create_task(respawn())
        self.background.add(task)
        task.add_done_callback(self.background.discard)

    # --- running jobs ----------------------------------------------------------------------------
    def retry_after(self) -> int:
        return max(1, min(60, round(self.time_limit / 4)))

    async def run(self, payload: Any, deadline: float | None = None) -> Reply:
        """Run one job on a free worker; its reply, or ``PoolBusy`` / ``TimedOut`` / ``WorkerLost``.

        ``deadline`` (a ``time.monotonic()`` value; by default ``time_limit`` from now) is when the
        request's time is up. It counts from the request's arrival, so the wait for a free worker
        comes out of it: a request still waiting at its deadline gets ``PoolBusy`` then, and one
        running gets ``TimedOut`` then -- at once; its worker is stopped in the background
        (cancelled, and killed and replaced if it has not stopped ``grace`` seconds later).
        """
        now = time.monotonic()
        if deadline is None:
            deadline = now + self.time_limit
        worker = self.idle_now()  # a free worker is taken at once: a request never queues beside one
        if worker is None:
            worker = await self.wait_for_worker(deadline, now)
        left = deadline - time.monotonic()
        if left <= 0:
            self.idle.put_nowait(worker)
            raise TimedOut()
        handed_back = False
        try:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, worker.connection.send, (payload, left))
            worker.jobs += 1
            reply = await self.receive(worker, max(0.0, deadline - time.monotonic()))
            self.idle.put_nowait(worker)
            handed_back = True
            return reply
        except TimedOut:
            handed_back = True
            self.stop_later(worker)  # the answer goes now; the worker is stopped meanwhile
            raise
        except (WorkerLost, BrokenPipeError, OSError):
            handed_back = True
            self.replace(worker)
            raise WorkerLost("the worker process running this request stopped before answering") from None
        finally:
            if not handed_back:  # the request itself was cancelled (its client went away)
                self.stop_later(worker)

    def stop_later(self, worker: Worker) -> None:
        """``stop`` in the background (the request's answer does not wait for it)."""
        task = asyncio.get_running_loop().create_task(self.stop(worker))
        self.background.add(task)
        task.add_done_callback(self.background.discard)

    def idle_now(self) -> Worker | None:
        """An idle worker that is still alive, if one is free right now (a dead one is replaced)."""
        while not self.idle.empty():
            worker = self.idle.get_nowait()
            if worker.process.is_alive():
                return worker
            self.replace(worker)
        return None

    async def wait_for_worker(self, deadline: float, now: float) -> Worker:
        """Wait in the bounded queue for the next free worker (``PoolBusy`` when the queue is full, or
        when none became free in time)."""
        if self.waiting >= self.queue_limit:
            raise PoolBusy(
                f"the server is busy: {self.waiting} requests are already waiting for a worker",
                self.retry_after(),
            )
        wait = min(self.queue_timeout, deadline - now)
        self.waiting += 1
        try:
            return await asyncio.wait_for(self.next_idle(), timeout=max(0.0, wait))
        except TimeoutError:
            within = (
                f"within {self.queue_timeout:g} seconds"
                if wait >= self.queue_timeout
                else f"within this request's {self.time_limit:g}-second time limit"
            )
            raise PoolBusy(
                f"the server is busy: no worker became free {within}", self.retry_after()
            ) from None
        finally:
            self.waiting -= 1

    async def next_idle(self) -> Worker:
        """The next idle worker that is still alive (one killed while idle is replaced, not used)."""
        while True:
            worker = await self.idle.get()
            if worker.process.is_alive():
                return worker
            self.replace(worker)

    async def stop(self, worker: Worker) -> Reply | None:
        """Ask ``worker`` to drop its job; kill and replace it if it has not answered within ``grace``.
        Returns the worker's last reply when it answered in time (then it is idle again); that reply
        (a result finished just too late, or "cancelled") is dropped."""
        worker.cancel.set()
        try:
            reply = await self.receive(worker, self.grace)
        except (TimedOut, WorkerLost):
            self.replace(worker)
            return None
        self.idle.put_nowait(worker)
        return reply

    async def receive(self, worker: Worker, timeout: float) -> Reply:
        """The worker's next message, waiting at most ``timeout`` seconds, without blocking the loop."""
        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        descriptor = worker.connection.fileno()

        def ready() -> None:
            if not readable.done():
                readable.set_result(None)

        loop.add_reader(descriptor, ready)
        try:
            await asyncio.wait_for(readable, timeout=timeout)
        except TimeoutError:
            raise TimedOut() from None
        finally:
            loop.remove_reader(descriptor)
        try:
            reply: Reply = await loop.run_in_executor(None, worker.connection.recv)
        except (EOFError, OSError):
            raise WorkerLost() from None
        return reply

    def stats(self) -> dict[str, Any]:
        return {
            "workers": self.size,
            "alive": sum(1 for w in self.workers if w.process.is_alive()),
            "idle": self.idle.qsize(),
            "waiting": self.waiting,
            "replaced": self.replaced,
        }
