"""summarizer: French news → English digests whose every fact is checked against a span of the source."""

from __future__ import annotations

__version__ = "0.27.0"

from summarizer.errors import SummarizerError

__all__ = ["SummarizerError", "__version__"]
