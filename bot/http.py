"""HTTP mode: Bolt behind waitress: POST /slack/events, GET /healthz, the QA dashboard under /dashboard, and with
OAuth installs GET /slack/install and /slack/oauth_redirect."""

from __future__ import annotations

import io
import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.ackgate import checked_after_ack
from bot.http_guard import MAX_BODY_BYTES, REFUSED, check, first_time
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
        pending = verdict.claim
        with checked_after_ack(None if pending is None else lambda: first_time(pending)):
            return slack(environ, start_response)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if path == EVENTS_PATH and method == "POST":
            return events(environ, start_response)
        if method == "GET" and app.oauth_flow and path in (app.oauth_flow.install_path,
                                                           app.oauth_flow.redirect_uri_path):
            return slack(environ, start_response)  # Bolt's install pages (bot/workspaces/oauth.py)
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


def serve(app: App, services: Services, host: str = "0.0.0.0", port: int = 3000, threads: int = 8,
          reuse_port: bool = False) -> None:
    from waitress import serve as waitress_serve

    where: dict[str, Any] = {"sockets": [_shared_socket(host, port)]} if reuse_port else {"host": host, "port": port}
    waitress_serve(make_wsgi_app(app, services), threads=threads, ident="safeguarding-bot", **where,
                   **_WAITRESS_LIMITS)


def _shared_socket(host: str, port: int) -> socket.socket:
    """A socket other processes may bind to the same port too: the kernel spreads connections across them."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def run_workers(argv: list[str], workers: int) -> int:
    """Run `safeguarding-bot <argv>` in `workers` processes and wait. One Python process answers about 140-200
    questions a second on one core (its interpreter lock); processes share nothing but the database, where the
    replay claims, event ids and every record already live, and each reads configuration changes made by another
    within bot/lookups.STAMP_CHECK_SECONDS. A signal is passed on to every worker; when one stops, the rest are stopped
    and its exit code returned, so the platform restarts the whole web process."""
    children = [subprocess.Popen([sys.executable, "-m", "bot.cli", *argv]) for _ in range(workers)]

    def stop(signum: int, _frame: object) -> None:
        for child in children:
            if child.poll() is None:
                child.send_signal(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        for child in children:
            code = child.poll()
            if code is not None:
                stop(signal.SIGTERM, None)
                for other in children:
                    try:
                        other.wait(timeout=15)
                    except subprocess.TimeoutExpired:
                        other.kill()
                return code
        time.sleep(0.2)


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
