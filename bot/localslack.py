"""A local Slack Web API on loopback: answers the calls the bot makes and records them.

The console uses it so the real Bolt app and handlers run without Slack; the tests use it as the
fake Slack server (it can answer errors, 429 with Retry-After, and "not_in_channel").
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.time)

    def __getitem__(self, key: str) -> Any:
        return self.params[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


class LocalSlack:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, team_id: str = "T0001") -> None:
        self.team_id = team_id
        self.calls: list[Call] = []
        self._lock = threading.Condition()
        self._ts = itertools.count(1)
        self._faults: dict[str, list[tuple[int, dict[str, Any], dict[str, str]]]] = {}
        self.not_in_channel: set[str] = set()
        self.messages: list[dict[str, Any]] = []  # what chat.postMessage posted, for conversations.history
        self.delay = 0.0  # seconds every Web API call takes (benchmarks and kill tests widen windows with it)
        self.listeners: list[Callable[[Call], None]] = []
        self._server = ThreadingHTTPServer((host, port), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # lifecycle -----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def response_url(self, token: str) -> str:
        return f"{self.url}/response/{token}"

    def start(self) -> LocalSlack:
        self._thread = threading.Thread(target=self._server.serve_forever, name="local-slack", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self._faults.clear()
            self.not_in_channel.clear()
            self.messages.clear()
            self.delay = 0.0

    # faults --------------------------------------------------------------------------------
    def fail_next(self, method: str, error: str = "internal_error", times: int = 1) -> None:
        self._faults.setdefault(method, []).extend([(200, {"ok": False, "error": error}, {})] * times)

    def rate_limit_next(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        fault = (429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(retry_after)})
        self._faults.setdefault(method, []).extend([fault] * times)

    def http_error_next(self, method: str, status: int = 500, times: int = 1) -> None:
        self._faults.setdefault(method, []).extend([(status, {"ok": False, "error": "server_error"}, {})] * times)

    # inspection ----------------------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(
        self, method: str, predicate: Callable[[Call], bool] | None = None, timeout: float = 5.0, count: int = 1
    ) -> list[Call]:
        """Block until `count` matching calls were recorded (listeners run after the ack)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self.calls if c.method == method and (predicate is None or predicate(c))]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [c.method for c in self.calls]
                    raise AssertionError(f"no {count} call(s) to {method} within {timeout}s; saw {seen}")
                self._lock.wait(remaining)

    # serving -------------------------------------------------------------------------------
    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)
            self._lock.notify_all()
        for listener in list(self.listeners):
            listener(call)

    def _answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any], dict[str, str]]:
        faults = self._faults.get(method)
        if faults:
            return faults.pop(0)
        channel = params.get("channel")
        if method in ("chat.postMessage", "chat.postEphemeral") and channel in self.not_in_channel:
            return 200, {"ok": False, "error": "not_in_channel"}, {}
        ts = f"{int(time.time())}.{next(self._ts):06d}"
        body: dict[str, Any] = {"ok": True}
        if method == "auth.test":
            body.update(user_id=BOT_USER_ID, bot_id=BOT_ID, team_id=self.team_id, team="Local", user="safeguarding")
        elif method == "chat.postMessage":
            body.update(channel=channel, ts=ts, message={"text": params.get("text"), "ts": ts})
            metadata = params.get("metadata")
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            with self._lock:
                self.messages.append({"channel": channel, "ts": ts, "text": params.get("text"),
                                      "thread_ts": params.get("thread_ts"), "metadata": metadata})
        elif method in ("conversations.history", "conversations.replies"):
            body.update(messages=self._history(method, params), has_more=False)
        elif method == "chat.postEphemeral":
            body.update(message_ts=ts)
        elif method == "chat.update":
            body.update(channel=channel, ts=params.get("ts"))
        elif method in ("views.open", "views.push", "views.update", "views.publish"):
            view = params.get("view")
            if isinstance(view, str):
                view = json.loads(view)
            body["view"] = {**(view or {}), "id": f"V{next(self._ts):08d}", "hash": ts}
        elif method == "conversations.open":
            body["channel"] = {"id": "D" + str(params.get("users", "U")).split(",")[0]}
        elif method == "users.info":
            body["user"] = {"id": params.get("user"), "tz": "Europe/London", "name": "user"}
        return 200, body, {}

    def _history(self, method: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        channel, oldest = params.get("channel"), float(params.get("oldest") or 0)
        with self._lock:
            found = [m for m in self.messages if m["channel"] == channel and float(m["ts"]) >= oldest]
        if method == "conversations.history":
            found = [m for m in found if not m.get("thread_ts")]
        else:
            found = [m for m in found if m.get("thread_ts") == params.get("ts")]
        return [{"type": "message", "ts": m["ts"], "text": m["text"],
                 **({"metadata": m["metadata"]} if m.get("metadata") else {})} for m in reversed(found)]

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        local = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: object) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
                params = _parse_body(raw, self.headers.get("Content-Type", ""))
                if self.path.startswith("/response/"):
                    local._record(Call("response_url", {**params, "token": self.path.rsplit("/", 1)[1]}))
                    self._send(200, {"ok": True}, {})
                    return
                method = self.path.removeprefix("/api/").strip("/")
                if self.headers.get("Authorization"):
                    params.setdefault("token", self.headers["Authorization"].removeprefix("Bearer "))
                if local.delay:
                    time.sleep(local.delay)
                status, body, headers = local._answer(method, params)
                local._record(Call(method, {**params, "_status": status, "_ok": body.get("ok")}))
                self._send(status, body, headers)

            def _send(self, status: int, body: dict[str, Any], headers: dict[str, str]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _parse_body(raw: str, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "json" in content_type:
        return json.loads(raw)
    params: dict[str, Any] = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
    for key in ("blocks", "view", "attachments"):
        if isinstance(params.get(key), str):
            with contextlib.suppress(ValueError):
                params[key] = json.loads(params[key])
    return params
