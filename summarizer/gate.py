"""Bounded concurrency for model calls.

The pipeline is asyncio; backends are synchronous (one ``generate`` method, like simonw/llm), so each
call runs in a worker thread while the event loop schedules the others. A ``Gate`` lets at most
``limit`` calls run at once; ``run`` sizes the thread pool to match. The HTTP client and llama.cpp
release the GIL while they wait, so calls overlap for real.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

R = TypeVar("R")


class Gate:
    """At most ``limit`` calls at once, each in a worker thread of the running loop's executor."""

    def __init__(self, limit: int = 1) -> None:
        if limit < 1:
            raise ValueError(f"concurrency must be at least 1, not {limit}")
        self.limit = limit
        self._semaphore: asyncio.Semaphore | None = None  # made inside the loop that uses it

    async def call(self, fn: Callable[..., R], *args: Any) -> R:
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.limit)
        async with self._semaphore:
            return await asyncio.get_running_loop().run_in_executor(None, fn, *args)


def run(main: Coroutine[Any, Any, R], threads: int) -> R:
    """Run ``main`` in a new event loop whose executor has ``threads`` workers."""

    async def wrapped() -> R:
        asyncio.get_running_loop().set_default_executor(
            ThreadPoolExecutor(max_workers=threads, thread_name_prefix="model-call")
        )
        return await main

    return asyncio.run(wrapped())
