"""Several servers of the same model as one backend (``--base-url`` given more than once).

Each call goes to the server with the fewest calls in flight (ties taken in turn). A server that fails
a call — unreachable (refused, reset), no answer in time, or 408/409/429/5xx after its own transport
retries — is set aside for a cool-down (``COOLDOWN`` seconds, then tried again) and the call is made
again on another server; the batch goes on. Only when every server is set aside does a call fail, with
an ``UnreachableError`` naming them all. A call moves on only after its server raised, so each call is
answered by exactly one server: nothing is lost, no answer is used twice (the requests are idempotent:
same messages, temperature and seed). An invalid output (``OutputError``) and any other error, such as
a refused key or an unknown model, are not failed over: another replica would answer the same.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from summarizer.backends.base import Backend, Reply, Request, T
from summarizer.errors import BackendError, ServerFailedError, UnreachableError

log = logging.getLogger(__name__)

COOLDOWN = 30.0  # seconds a failed server is set aside before it is tried again
FLEET_RETRIES = 1  # transport retries per server when there are others to fail over to


def split_urls(values: Iterable[str]) -> list[str]:
    """The server URLs in ``values`` (each may hold several, separated by commas or spaces), in order,
    each once."""
    urls: list[str] = []
    for value in values:
        urls += [url for url in re.split(r"[,\s]+", value) if url and url not in urls]
    return urls


@dataclass
class Server:
    """One server of the fleet, its load and its record."""

    url: str
    backend: Backend
    in_flight: int = 0
    sent: int = 0  # calls sent to it (each may be several HTTP requests: transport and output retries)
    answered: int = 0
    failed: int = 0
    down_until: float = 0.0  # set aside until this clock time
    last_error: str = ""
    reported: bool = False  # its current outage was reported (once per outage)


class FleetBackend:
    """The ``Backend`` protocol over several servers (one backend each, keyed by URL), by load, with
    failover. ``warn`` is told once per outage which server was set aside and why."""

    name = "openai"

    def __init__(
        self,
        servers: Mapping[str, Backend],
        cooldown: float = COOLDOWN,
        warn: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if len(servers) < 2:
            raise BackendError("a fleet needs at least two --base-url servers")
        self.servers = [Server(url, backend) for url, backend in servers.items()]
        self.model = self.servers[0].backend.model
        self.base_url = ",".join(sorted(servers))  # in the call cache's key: the same fleet, any order
        self.cooldown, self.clock = cooldown, clock
        self.warn = warn or log.warning
        self.moved = 0  # calls made again on another server after one failed them
        self._turn = 0
        self._lock = threading.Lock()

    def generate(self, request: Request, output: type[T]) -> Reply[T]:
        tried: set[int] = set()
        while (taken := self._take(tried)) is not None:
            index, started = taken
            server = self.servers[index]
            try:
                reply = server.backend.generate(request, output)
            except (UnreachableError, ServerFailedError) as exc:
                self._set_aside(server, exc)
                tried.add(index)
                continue
            except BaseException:
                self._release(server)
                raise
            self._answered(server, started)
            return reply
        raise UnreachableError(self._all_down())

    def _take(self, tried: set[int]) -> tuple[int, float] | None:
        """The least loaded server not set aside and not yet tried for this call (ties in turn)."""
        with self._lock:
            now, count = self.clock(), len(self.servers)
            ready = [i for i, s in enumerate(self.servers) if i not in tried and s.down_until <= now]
            if not ready:
                return None
            index = min(ready, key=lambda i: (self.servers[i].in_flight, (i - self._turn) % count))
            self._turn = (index + 1) % count
            server = self.servers[index]
            server.in_flight += 1
            server.sent += 1
            if tried:
                self.moved += 1
            return index, now

    def _release(self, server: Server) -> None:
        with self._lock:
            server.in_flight -= 1

    def _answered(self, server: Server, started: float) -> None:
        with self._lock:
            server.in_flight -= 1
            server.answered += 1
            back = server.reported and started >= server.down_until
            if back:
                server.reported = False
        if back:
            log.info("model server %s answers again", server.url)

    def _set_aside(self, server: Server, exc: Exception) -> None:
        with self._lock:
            server.in_flight -= 1
            server.failed += 1
            server.down_until = self.clock() + self.cooldown
            server.last_error = str(exc)
            report, server.reported = not server.reported, True
        if report:
            others = len(self.servers) - 1
            to = "the other server" if others == 1 else f"the other {others} servers"
            self.warn(
                f"model server {server.url} set aside for {self.cooldown:g} s, its calls go to {to}: {exc}"
            )
        else:
            log.info("model server %s set aside again: %s", server.url, exc)

    def _all_down(self) -> str:
        """Every server named, with why it was set aside."""
        with self._lock:
            reasons = [(s.url, s.last_error) for s in self.servers]
        named = "; ".join(why if url in why else f"{url}: {why or 'failed'}" for url, why in reasons)
        return f"no model server answered, each is set aside for {self.cooldown:g} s after failing: {named}"

    def summary(self) -> str:
        """One line: calls answered (and failed) per server, and calls moved to another server."""
        with self._lock:
            parts = [
                f"{s.url} {s.answered} answered" + (f", {s.failed} failed" if s.failed else "")
                for s in self.servers
            ]
            moved = self.moved
        return f"servers: {'; '.join(parts)}; {moved} call{'s' if moved != 1 else ''} moved to another server"
