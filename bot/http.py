"""HTTP mode: Bolt behind waitress: POST /slack/events, GET /healthz, and the QA dashboard under /dashboard."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.http_guard import MAX_BODY_BYTES, REFUSED, check
from bot.logs import get_logger
from bot.services import Services

log = get_logger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"


def make_wsgi_app(app: App, services: Services) -> Callable[..., Iterable[bytes]]:
    from bot.insight.dashboard import PREFIX as DASHBOARD_PATH
    from bot.insight.dashboard import Dashboard

    slack = SlackRequestHandler(app, path=EVENTS_PATH)
    dashboard = Dashboard(services)
    secret = services.settings.secret("slack_signing_secret")

    def events(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """Counted while unanswered, so listeners' follow-up work lets a burst's acks go first (bot/ackgate.py)."""
        with services.acks.request():
            return checked(environ, start_response)

    def checked(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """Bolt sees only signed, well-formed, first-time requests (bot/http_guard.py)."""
        verdict, raw = check(environ, secret, services.db)
        if verdict.status:
            log.info("http.refused", status=verdict.status, reason=verdict.reason)
            body = REFUSED.get(verdict.status, b"")
            start_response(_STATUS[verdict.status], [("Content-Type", "application/json"),
                                                     ("Content-Length", str(len(body)))])
            return [body]
        environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(raw), str(len(raw))
        return slack(environ, start_response)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if path == EVENTS_PATH and method == "POST":
            return events(environ, start_response)
        if path == HEALTH_PATH and method == "GET":
            ok = services.db.ping()
            body = json.dumps({"status": "ok" if ok else "degraded"}).encode()
            start_response("200 OK" if ok else "503 Service Unavailable",
                           [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        if path == DASHBOARD_PATH or path.startswith(DASHBOARD_PATH + "/"):
            return dashboard(environ, start_response)
        body = b"Not Found"
        start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        return [body]

    return wsgi


_STATUS = {200: "200 OK", 400: "400 Bad Request", 401: "401 Unauthorized",
           413: "413 Payload Too Large"}
# waitress refuses a larger declared or chunked body itself, before buffering it
_WAITRESS_LIMITS = {"max_request_body_size": MAX_BODY_BYTES + 1}


def serve(app: App, services: Services, host: str = "0.0.0.0", port: int = 3000, threads: int = 8) -> None:
    from waitress import serve as waitress_serve

    waitress_serve(make_wsgi_app(app, services), host=host, port=port, threads=threads, ident="safeguarding-bot",
                   **_WAITRESS_LIMITS)


def make_server(app: App, services: Services, host: str = "127.0.0.1", port: int = 0, threads: int = 8) -> Any:
    """A waitress server not yet running (tests and benchmarks run it in a thread)."""
    from waitress.server import create_server

    return create_server(make_wsgi_app(app, services), host=host, port=port, threads=threads, **_WAITRESS_LIMITS)


def stop_server(server: Any, thread: Any, timeout: float = 5.0) -> None:
    """Stop a server started with `make_server(...).run()` in `thread`: close it from its own loop thread."""
    try:
        server.trigger.pull_trigger(server.close)
    except OSError:  # the loop's wake-up pipe is already gone: close from here instead
        with suppress(OSError):
            server.close()
    thread.join(timeout)
    server.task_dispatcher.shutdown()
