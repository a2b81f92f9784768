"""The web app's request limits in-process (storyline.web.app.BodyLimit, SameOrigin,
SecurityHeaders): a stalled body gets 408 at the idle timeout, an oversize declared body 413 at
once, and every request is stamped with its arrival (its time limit counts from there)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from storyline.web.app import BodyLimit, SecurityHeaders

Message = dict[str, Any]


async def call(app: Any, headers: list[tuple[bytes, bytes]], chunks: list[bytes | None]) -> list[Message]:
    """Run ``app`` on one POST whose body comes as ``chunks`` (None: the client stalls forever)."""
    sent: list[Message] = []
    pending = list(chunks)

    async def receive() -> Message:
        if not pending:
            return {"type": "http.disconnect"}
        chunk = pending.pop(0)
        if chunk is None:
            await asyncio.sleep(3600)
        return {"type": "http.request", "body": chunk or b"", "more_body": bool(pending)}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/inspect", "headers": headers}
    await app(scope, receive, send)
    return sent


async def reading_app(scope: Any, receive: Any, send: Any) -> None:
    """Reads the whole body, then answers 200 with the arrival stamp it found in the scope."""
    from fastapi import HTTPException

    try:
        while (message := await receive())["type"] == "http.request" and message.get("more_body"):
            pass
    except HTTPException as exc:
        await send({"type": "http.response.start", "status": exc.status_code, "headers": []})
        await send({"type": "http.response.body", "body": str(exc.detail).encode()})
        return
    stamp = str(scope.get("state", {}).get("arrived", "")).encode()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": stamp})


def test_a_stalled_body_gets_408_at_the_idle_timeout():
    app = BodyLimit(reading_app, limit=1000, idle_timeout=0.3, total_timeout=5)
    started = time.monotonic()
    sent = asyncio.run(call(app, [(b"content-length", b"100")], [b'{"te', None]))
    took = time.monotonic() - started
    assert sent[0]["status"] == 408 and b"did not arrive in time" in sent[1]["body"]
    assert 0.3 <= took < 2


def test_a_body_trickling_past_the_total_timeout_gets_408():
    app = BodyLimit(reading_app, limit=10_000, idle_timeout=5, total_timeout=0.5)

    async def trickle() -> list[Message]:
        chunks: list[bytes | None] = [b"x"] * 1000

        async def slow_app(scope: Any, receive: Any, send: Any) -> None:
            async def slow_receive() -> Message:
                await asyncio.sleep(0.01)
                return await receive()

            await app(scope, slow_receive, send)

        return await call(slow_app, [], chunks)

    started = time.monotonic()
    sent = asyncio.run(trickle())
    assert sent[0]["status"] == 408 and time.monotonic() - started < 3


def test_a_declared_oversize_body_gets_413_without_reading():
    app = BodyLimit(reading_app, limit=1000)
    sent = asyncio.run(call(app, [(b"content-length", b"999999999")], [None]))
    assert sent[0]["status"] == 413 and (b"connection", b"close") in sent[0]["headers"]


def test_every_request_is_stamped_with_its_arrival():
    before = time.monotonic()
    sent = asyncio.run(call(SecurityHeaders(reading_app), [], [b"{}"]))
    assert sent[0]["status"] == 200
    assert before <= float(sent[1]["body"]) <= time.monotonic()
