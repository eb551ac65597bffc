"""Keep-alive connections to Slack, a few per host, shared by every thread of the process.

slack-sdk sends each request through `urllib.request.urlopen`, which opens a new connection and closes it
after one answer: against Slack that is a TCP and TLS handshake per `response_url` reply and per Web API call
(several ms of CPU each), and even on loopback it was about a tenth of a question's CPU. Here an answered
connection goes back to a small idle pool and the next request to the same host reuses it. A reused
connection the server has closed meanwhile fails before any answer is read; the request is then sent once
more on a new connection, as urllib's caller would have done. Only http and https URLs are accepted.
"""

from __future__ import annotations

import http.client
import ssl
import threading
import time
from dataclasses import dataclass
from email.message import Message
from urllib.error import URLError
from urllib.parse import urlsplit

MAX_IDLE_PER_HOST = 16
IDLE_SECONDS = 20.0  # an idle connection older than this is closed rather than reused (servers drop them)
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, http.client.BadStatusLine)
_Key = tuple[str, str, int, int]


@dataclass(frozen=True)
class Reply:
    status: int
    reason: str
    headers: Message
    body: bytes


class ConnectionPool:
    def __init__(self, max_idle_per_host: int = MAX_IDLE_PER_HOST, idle_seconds: float = IDLE_SECONDS) -> None:
        self._idle: dict[_Key, list[tuple[http.client.HTTPConnection, float]]] = {}
        self._lock = threading.Lock()
        self._max_idle = max_idle_per_host
        self._idle_seconds = idle_seconds
        self._ssl: ssl.SSLContext | None = None

    def request(self, method: str, url: str, body: bytes | None, headers: dict[str, str],
                timeout: float = 10.0, context: ssl.SSLContext | None = None) -> Reply:
        """One request and its whole answer, whatever its status. Raises as urllib would: URLError when it could
        not be sent, OSError or http.client errors while reading the answer."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("only http and https URLs are sent")
        key = (scheme, parts.hostname, parts.port or (443 if scheme == "https" else 80), id(context))
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        for attempt in (0, 1):
            conn, reused = self._take(key, timeout, context)
            try:
                try:
                    conn.request(method, target, body=body, headers=headers)
                except OSError as exc:
                    if reused and attempt == 0 and isinstance(exc, _STALE):
                        raise
                    raise URLError(exc) from exc  # as urllib reports a failure to connect or send
                resp = conn.getresponse()
                data = resp.read()
            except _STALE:
                conn.close()
                if reused and attempt == 0:
                    continue  # the server closed it while idle: nothing was answered, send on a fresh one
                raise
            except BaseException:
                conn.close()
                raise
            if resp.will_close:
                conn.close()
            else:
                self._give(key, conn)
            return Reply(resp.status, resp.reason, resp.headers, data)
        raise AssertionError("unreachable")

    def clear(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, {}
        for conns in idle.values():
            for conn, _ in conns:
                conn.close()

    def _take(self, key: _Key, timeout: float,
              context: ssl.SSLContext | None) -> tuple[http.client.HTTPConnection, bool]:
        now = time.monotonic()
        with self._lock:
            conns = self._idle.get(key, [])
            while conns:
                conn, since = conns.pop()
                if now - since <= self._idle_seconds:
                    conn.timeout = timeout
                    if conn.sock is not None:
                        conn.sock.settimeout(timeout)
                    return conn, True
                conn.close()
        scheme, host, port, _ = key
        if scheme == "https":
            return http.client.HTTPSConnection(host, port, timeout=timeout, context=context or self._context()), False
        return http.client.HTTPConnection(host, port, timeout=timeout), False

    def _give(self, key: _Key, conn: http.client.HTTPConnection) -> None:
        with self._lock:
            conns = self._idle.setdefault(key, [])
            if len(conns) < self._max_idle:
                conns.append((conn, time.monotonic()))
                return
        conn.close()

    def _context(self) -> ssl.SSLContext:
        if self._ssl is None:
            self._ssl = ssl.create_default_context()  # what urllib uses: certificates and host names checked
        return self._ssl


POOL = ConnectionPool()  # one per process
