"""Re-check stored digests against their sources and re-run only the summary step with the local
backend (after a checker or summary change), appending the real answers to a recording; with a third
path, also record the briefing's executive summary of the re-checked digests there (replacing it).

    python bench/resummarize.py DIGEST_DIR RECORDING.jsonl [EXEC_RECORDING.jsonl]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarizer.backends.local import LocalBackend
from summarizer.backends.replay import RecordingBackend
from summarizer.check import check_summary_lines
from summarizer.extract import Usage, summarize
from summarizer.pipeline import verified_statements
from summarizer.render import write_json
from summarizer.resources import load_prompts
from summarizer.verify import check_digest, find_source, load_digest


def main() -> None:
    folder, recording = Path(sys.argv[1]), Path(sys.argv[2])
    kept = [line for line in recording.read_text().splitlines() if json.loads(line)["output"] != "SummaryOut"]
    recording.write_text("".join(line + "\n" for line in kept))
    backend = RecordingBackend(LocalBackend(), recording)
    prompts = load_prompts()
    for path in sorted(folder.glob("*.json")):
        if path.name == "run.json":
            continue
        digest = load_digest(path)
        digest = check_digest(digest, find_source(digest, path, None))
        verified = verified_statements(digest.facts)
        summary = summarize(backend, prompts, digest.article.title, verified, Usage())
        digest.summary = check_summary_lines(summary, digest.facts)
        write_json(path, digest)
        print(path.name, len(verified), "verified facts ->", len(digest.summary), "summary sentences")
    if len(sys.argv) > 3:
        from summarizer.batch import exec_summary, load_batch
        from summarizer.consolidate import items_of

        exec_recording = Path(sys.argv[3])
        exec_recording.write_text("")
        batch = load_batch([folder])
        done = exec_summary(RecordingBackend(backend.inner, exec_recording), items_of(batch.digests))
        print("executive summary:", len(done.sentences), "sentences kept;", done.note)


if __name__ == "__main__":
    main()
