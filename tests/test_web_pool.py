"""The web server's pool of worker processes (storyline.web.pool) with stub jobs (no spaCy): the
time limit counts from the request's arrival, the answer comes at the limit, and the work stops
(the worker is cancelled, or killed and replaced) so its slot is free again."""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any

import pytest

from storyline.web.pool import PoolBusy, TimedOut, WorkerPool

LIMIT = 1.0
GRACE = 0.5
SLACK = 0.6  # for a loaded 2-core machine


def stub_job(payload: tuple[str, float], seconds: float, cancel: Any) -> tuple[Any, ...]:
    """``("polite", s)`` works ``s`` seconds, stopping at its deadline or when cancelled, like the
    pipeline's checks; ``("stubborn", s)`` sleeps ``s`` seconds whatever happens."""
    kind, duration = payload
    started = time.monotonic()
    if kind == "stubborn":
        time.sleep(duration)
        return ("ok", os.getpid())
    while time.monotonic() - started < duration:
        if cancel.is_set() or time.monotonic() - started > seconds:
            return ("cancelled", "stopped")
        time.sleep(0.01)
    return ("ok", os.getpid())


async def timed(pool: WorkerPool, payload: tuple[str, float], delay: float = 0.0) -> tuple[str, float]:
    """Send ``payload`` after ``delay`` s; what came back and how long after its own sending."""
    await asyncio.sleep(delay)
    arrived = time.monotonic()
    try:
        reply = await pool.run(payload, arrived + LIMIT)
        # a job that saw its own deadline first answers "cancelled": the app's 504 too
        outcome = "timed-out" if reply[0] == "cancelled" else f"{reply[0]}:{reply[1]}"
    except TimedOut:
        outcome = "timed-out"
    except PoolBusy as exc:
        outcome = f"busy:{exc}"
    return outcome, time.monotonic() - arrived


def make_pool(size: int = 1, queue_limit: int = 4) -> WorkerPool:
    return WorkerPool(stub_job, size=size, time_limit=LIMIT, queue_limit=queue_limit, grace=GRACE)


def test_a_request_waiting_for_a_worker_is_answered_at_its_own_limit():
    async def scenario() -> list[tuple[str, float]]:
        pool = make_pool()
        await pool.start()
        try:
            # the first holds the only worker past its limit; the second arrives 0.3 s later and
            # waits: its limit counts from its arrival, not from when a worker takes it
            return list(await asyncio.gather(timed(pool, ("polite", 30)), timed(pool, ("polite", 30), 0.3)))
        finally:
            await pool.close()

    (first, took_first), (second, took_second) = asyncio.run(scenario())
    assert first == "timed-out" and took_first < LIMIT + SLACK  # at the limit, not after the grace
    assert second == "timed-out" or second.startswith("busy:"), second
    assert took_second < LIMIT + SLACK, took_second  # before: the wait, then a whole limit more


def test_the_wait_itself_uses_up_the_limit_and_gives_busy():
    async def scenario() -> tuple[str, float]:
        pool = make_pool()
        await pool.start()
        try:
            blocker = asyncio.ensure_future(pool.run(("stubborn", 3), time.monotonic() + 10))
            await asyncio.sleep(0.1)
            waiting = await timed(pool, ("polite", 0.1))
            await blocker
            return waiting
        finally:
            await pool.close()

    outcome, took = asyncio.run(scenario())
    assert outcome.startswith("busy:") and "1-second time limit" in outcome, outcome
    assert LIMIT - 0.05 < took < LIMIT + SLACK


def test_a_cancelled_job_frees_its_worker_without_a_kill():
    async def scenario() -> tuple[str, list[str], int, int]:
        pool = make_pool()
        await pool.start()
        try:
            (pid,) = [w.pid for w in pool.workers]
            outcome, _ = await timed(pool, ("polite", 30))
            await asyncio.sleep(GRACE + 0.3)
            again = [(await timed(pool, ("polite", 0.05)))[0] for _ in range(2)]
            (after,) = [w.pid for w in pool.workers]
            return outcome, again, pid, after if pool.replaced == 0 else -1
        finally:
            await pool.close()

    outcome, again, pid, after = asyncio.run(scenario())
    assert outcome == "timed-out"
    assert again == [f"ok:{pid}", f"ok:{pid}"] and after == pid


def test_a_job_that_ignores_the_cancel_is_killed_within_the_grace_and_replaced():
    async def scenario() -> tuple[str, float, bool, int, str]:
        pool = make_pool()
        await pool.start()
        try:
            (worker,) = list(pool.workers)
            outcome, _ = await timed(pool, ("stubborn", 30))
            stopped = time.monotonic()
            while worker.process.is_alive() and time.monotonic() - stopped < 5:
                await asyncio.sleep(0.02)
            killed_after = time.monotonic() - stopped
            alive = worker.process.is_alive()
            # the replacement takes the next request (its start is not counted in the limit here)
            deadline = time.monotonic() + 60
            while pool.idle.qsize() < 1 and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            reply = await pool.run(("polite", 0.05), time.monotonic() + 5)
            return outcome, killed_after, alive, pool.replaced, str(reply[0])
        finally:
            await pool.close()

    outcome, killed_after, alive, replaced, next_reply = asyncio.run(scenario())
    assert outcome == "timed-out"
    assert not alive and killed_after < GRACE + SLACK, killed_after
    assert replaced == 1 and next_reply == "ok"


@pytest.mark.parametrize("queue_limit", [1])
def test_a_full_queue_is_refused_at_once(queue_limit):
    async def scenario() -> list[tuple[str, float]]:
        pool = make_pool(queue_limit=queue_limit)
        await pool.start()
        try:
            return list(
                await asyncio.gather(
                    timed(pool, ("polite", 0.5)),
                    timed(pool, ("polite", 0.1), 0.1),
                    timed(pool, ("polite", 0.1), 0.2),
                )
            )
        finally:
            await pool.close()

    (first, _), (second, _), (third, took_third) = asyncio.run(scenario())
    assert first.startswith("ok:") and second.startswith("ok:")
    assert third.startswith("busy:") and "already waiting" in third and took_third < 0.3
