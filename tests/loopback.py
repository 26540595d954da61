"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests and benchmarks: it answers chat
completions with recorded real model outputs (or scripted ones, faults included: any status, extra
headers such as Retry-After, a delay before answering) and keeps every request it received."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple


class Out(NamedTuple):
    """What the server sends: HTTP status, assistant content (or error message), headers, delay."""

    status: int
    content: str
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0


USAGE = {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150}

# request body -> (status, content) or a full ``Out``
Answer = Callable[[dict[str, Any]], tuple[int, str] | Out]


def recorded_answers(path: Path) -> Answer:
    """Answer with the recorded text whose last user message is the request's last user message."""
    by_message: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_message[record["last_message"]] = record["text"]

    def answer(body: dict[str, Any]) -> tuple[int, str]:
        last = [m for m in body["messages"] if m["role"] == "user"][-1]["content"]
        for message, text in by_message.items():
            if message in last:
                return 200, text
        return 404, "no recorded answer"

    return answer


class LoopbackServer:
    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                with server.lock:
                    server.requests.append(body)
                    server.headers.append({k.lower(): v for k, v in self.headers.items()})
                status, content, headers, delay = Out(*server.answer(body))
                time.sleep(delay)
                if status == 200 and body.get("stream"):
                    self._stream(content)
                    return
                if status != 200:
                    payload: dict[str, Any] = {
                        "error": {"message": content, "type": "not_found", "code": status}
                    }
                else:
                    payload = {
                        "id": f"chatcmpl-{len(server.requests)}",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": body.get("model", "test"),
                        "choices": [
                            {
                                "index": 0,
                                "finish_reason": "stop",
                                "message": {"role": "assistant", "content": content},
                            }
                        ],
                        "usage": USAGE,
                    }
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, content: str) -> None:
                """Server-sent events as OpenAI streams them: the content in pieces, the finish
                reason, the usage, ``[DONE]``."""
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                base: dict[str, Any] = {
                    "id": "chatcmpl-s",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": "m",
                }
                pieces = [content[i : i + 12] for i in range(0, len(content), 12)]
                chunks: list[dict[str, Any]] = [
                    {"index": 0, "delta": {"content": p}, "finish_reason": None} for p in pieces
                ]
                chunks.append({"index": 0, "delta": {}, "finish_reason": "stop"})
                events = [{**base, "choices": [c]} for c in chunks] + [
                    {**base, "choices": [], "usage": USAGE}
                ]
                try:
                    for event in events:
                        self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                    self.wfile.write(b"data: [DONE]\n\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: a cut answer

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 256

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that gave up (timeout) closed the socket: expected here

        self.lock = threading.Lock()
        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"


@contextmanager
def serve(answer: Answer) -> Iterator[LoopbackServer]:
    server = LoopbackServer(answer)
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


# --- synthetic articles and a server that answers them validly (fault tests, throughput bench) -----

MARKER = re.compile(r"ART-\d+")


def synthetic_article(i: int) -> str:
    """A short French report whose every sentence carries its marker ``ART-<i>``."""
    return (
        f"Livraisons d'armes, dossier ART-{i:04d}\n\n"
        f"Selon Kiev, la Corée du Nord aurait livré {1000 + i} obus à la Russie (dossier ART-{i:04d}). "
        f"Les responsables russes ont nié ces allégations dans le dossier ART-{i:04d}. "
        f"Le dossier ART-{i:04d} reste ouvert.\n"
    )


def _task(body: dict[str, Any]) -> str:
    """The user message that asks for the work (not instructor's retry message after it)."""
    asks: list[str] = [m["content"] for m in body["messages"] if m["role"] == "user"]
    return next(
        (
            a
            for a in reversed(asks)
            if "Article sentences:" in a or "Write the summary." in a or a.startswith("[")
        ),
        asks[-1],
    )


def marker_of(body: dict[str, Any]) -> str | None:
    """The article marker in a request's task message (a summary request has the article's number)."""
    task = _task(body)
    if found := MARKER.search(task):
        return found.group()
    shells = re.search(r"delivered (\d+) shells", task)
    return f"ART-{int(shells.group(1)) - 1000:04d}" if shells else None


def touched(requests: list[dict[str, Any]]) -> set[str]:
    """The markers of the articles these requests were about."""
    return {m for m in map(marker_of, requests) if m}


def valid_answer(body: dict[str, Any]) -> str:
    """A schema-valid answer: in sentence-first mode a statement per sentence (the "aurait" one translated);
    in chunk mode one fact quoting the chunk's sentence with "aurait" (else its first); or a one-line
    summary."""
    last = _task(body)
    if "Write the summary." in last:
        return json.dumps({"summary": [{"text": "Kyiv accuses North Korea.", "fact_ids": ["F1"]}]})
    if "Translations" in json.dumps(body):  # sentence-first (the schema's title): a statement per sentence
        said = {}
        for n, text in re.findall(r"^\[(\d+)\] (.+)$", last, re.M):
            number = re.search(r"livré (\d+) obus", text)
            said[f"s{n}"] = (
                f"According to Kyiv, North Korea reportedly delivered {number.group(1)} shells to Russia."
                if number
                else "Officials discussed the case."
            )
        return json.dumps(said)
    first = re.search(r"^\[(\d+)\] (.*aurait.*)$", last, re.M) or re.search(r"^\[(\d+)\] (.+)$", last, re.M)
    if first is None:
        return json.dumps({"facts": []})
    number = re.search(r"livré (\d+) obus", first.group(2))
    shells = number.group(1) if number else "some"
    fact = {
        "type": "claim",
        "sentence": int(first.group(1)),
        "quote": first.group(2)[:150].rsplit(" ", 1)[0] if len(first.group(2)) > 150 else first.group(2),
        "statement": f"Kyiv says North Korea allegedly delivered {shells} shells to Russia.",
        "certainty": "alleged",
        "claim": {"speaker": "Kiev", "stance": "accuses"},
    }
    return json.dumps({"facts": [fact]})
