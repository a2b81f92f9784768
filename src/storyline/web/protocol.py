"""Uvicorn's HTTP/1.1 protocol with a time limit on request headers.

Uvicorn closes idle keep-alive connections, but a client that opens a connection and sends its
headers slowly (or part of them, then nothing) holds the connection forever. Here the headers of
each request must be complete within ``HEADER_TIMEOUT`` seconds of its first byte (or of the
connection's start); otherwise the connection is closed. Body timeouts are the app's
(``storyline.web.app.BodyLimit``).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0


class TimedH11Protocol(H11Protocol):
    header_timeout = HEADER_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.arm_header_timer()

    def data_received(self, data: bytes) -> None:
        if self.header_timer is None and self.waiting_for_headers():
            self.arm_header_timer()
        super().data_received(data)
        if self.header_timer is not None and not self.waiting_for_headers():
            self.header_timer.cancel()
            self.header_timer = None

    def connection_lost(self, exc: Exception | None) -> None:
        if self.header_timer is not None:
            self.header_timer.cancel()
            self.header_timer = None
        super().connection_lost(exc)

    def waiting_for_headers(self) -> bool:
        """No request of this connection is under way: the next bytes are a new request's headers."""
        return self.cycle is None or self.cycle.response_complete

    def arm_header_timer(self) -> None:
        cycle = self.cycle
        if self.header_timer is not None:
            self.header_timer.cancel()

        def expire() -> None:
            self.header_timer = None
            # still the same (finished or absent) request: no new headers arrived in time
            if self.cycle is cycle and self.waiting_for_headers() and not self.transport.is_closing():
                self.transport.close()

        self.header_timer = self.loop.call_later(self.header_timeout, expire)
