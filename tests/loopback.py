"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: it answers chat completions with
recorded real model outputs (or scripted ones) and keeps every request it received."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

Answer = Callable[[dict[str, Any]], tuple[int, str]]  # request body -> (HTTP status, assistant content)


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
                server.requests.append(body)
                server.headers.append({k.lower(): v for k, v in self.headers.items()})
                status, content = server.answer(body)
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
                        "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
                    }
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
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
