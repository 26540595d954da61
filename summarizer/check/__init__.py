"""The checker: confirm each fact and summary sentence against the source (see ``fact``)."""

from summarizer.check.fact import check_fact, instruction_like
from summarizer.check.summary import check_summary, check_summary_lines
from summarizer.check.verdict import verdict_of

__all__ = ["check_fact", "check_summary", "check_summary_lines", "instruction_like", "verdict_of"]
