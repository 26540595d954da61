"""Re-check stored digests against their sources, mend (substitute, shorten or source) the statements still not verified
(as the pipeline does after its revisions) and rebuild each summary from the verified facts (after a checker
change: sentence-first summaries are the verified statements themselves, no model call); with a second
path, also record the briefing's executive summary of the re-checked digests there with the local
backend (replacing it).

    python bench/resummarize.py DIGEST_DIR [EXEC_RECORDING.jsonl]
"""

from __future__ import annotations

import sys
from pathlib import Path

from summarizer.check import check_summary_lines
from summarizer.extract import lead_statements
from summarizer.mend import mend_unconfirmed, substitute_unconfirmed
from summarizer.pipeline import verified_statements
from summarizer.render import write_json
from summarizer.verify import check_digest, find_source, load_digest


def main() -> None:
    folder = Path(sys.argv[1])
    for path in sorted(folder.glob("*.json")):
        if path.name == "run.json":
            continue
        digest = load_digest(path)
        article = find_source(digest, path, None)
        digest = check_digest(digest, article)
        substitute_unconfirmed(article, digest.facts, digest.run.dropped)
        mend_unconfirmed(article, digest.facts, digest.run.dropped)
        verified = verified_statements(digest.facts)
        digest.summary = check_summary_lines(lead_statements(verified), digest.facts)
        write_json(path, digest)
        print(path.name, len(verified), "verified facts ->", len(digest.summary), "summary sentences")
    if len(sys.argv) > 2:
        from summarizer.backends.local import LocalBackend
        from summarizer.backends.replay import RecordingBackend
        from summarizer.batch import exec_summary, load_batch
        from summarizer.consolidate import items_of

        exec_recording = Path(sys.argv[2])
        exec_recording.write_text("")
        batch = load_batch([folder])
        done = exec_summary(RecordingBackend(LocalBackend(), exec_recording), items_of(batch.digests))
        print("executive summary:", len(done.sentences), "sentences kept;", done.note)


if __name__ == "__main__":
    main()
