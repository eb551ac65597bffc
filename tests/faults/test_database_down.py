"""Database down or locked mid-request: a short 'nothing was saved' reply, the process lives on, and it
recovers by itself when the database returns."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.engine import make_url

from bot.app import create_app
from bot.http import make_server, stop_server
from bot.partnerships import resolve_partnership
from bot.services import Services
from storage.db import Database
from tests.conftest import SIGNING_SECRET, TEAM_ID
from tests.faults.proxy import TcpProxy
from tests.slackclient import SignedSlack


def _serve(services: Services, fake_slack):  # type: ignore[no-untyped-def]
    server = make_server(create_app(services), services)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    host, port = server.socket.getsockname()[:2]
    return (server, thread), SignedSlack(f"http://{host}:{port}", SIGNING_SECRET, fake_slack, team_id=TEAM_ID)


def _last_reply(fake_slack, n: int) -> str:
    return fake_slack.wait_for("response_url", count=n, timeout=15)[-1]["text"]


def test_postgres_outage_reply_and_recovery(database_url, db, settings, fake_slack):
    if db.is_sqlite:
        pytest.skip("PostgreSQL outage test (runs when DATABASE_URL is PostgreSQL)")
    url = make_url(database_url)
    proxy = TcpProxy((url.host or "127.0.0.1", url.port or 5432)).start()
    proxied = Database(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    services = Services(settings=settings, db=proxied)
    server, slack = _serve(services, fake_slack)
    try:
        slack.command("/safeguarding", "area halton", user="UDOWN001", channel="DUDOWN001")
        assert "Halton" in _last_reply(fake_slack, 1)

        proxy.cut()
        resp = slack.command("/safeguarding", "area wirral", user="UDOWN001", channel="DUDOWN001")
        assert resp.status == 200  # still acknowledged
        reply = _last_reply(fake_slack, 2)
        assert "temporarily unavailable" in reply and "Nothing was saved" in reply

        proxy.start()  # the database is back on the same address
        slack.command("/safeguarding", "area wirral", user="UDOWN001", channel="DUDOWN001")
        assert "Wirral" in _last_reply(fake_slack, 3)
        with db.session() as s:
            assert resolve_partnership(s, TEAM_ID, "DUDOWN001", "UDOWN001") == "wirral"
    finally:
        stop_server(*server)
        proxy.cut()
        proxied.dispose()


def test_sqlite_locked_reply_and_recovery(database_url, db, settings, fake_slack):
    if not db.is_sqlite:
        pytest.skip("SQLite lock test")
    locked = Database(database_url, lock_timeout=0.3)
    services = Services(settings=settings, db=locked)
    server, slack = _serve(services, fake_slack)
    holder = db.engine.connect()
    try:
        holder.exec_driver_sql("SELECT 1")  # BEGIN IMMEDIATE taken by the 'begin' hook: the write lock is held
        slack.command("/safeguarding", "area wirral", user="ULOCK001", channel="DULOCK001")
        reply = _last_reply(fake_slack, 1)
        assert "temporarily unavailable" in reply and "Nothing was saved" in reply
        holder.rollback()
        slack.command("/safeguarding", "area wirral", user="ULOCK001", channel="DULOCK001")
        assert "Wirral" in _last_reply(fake_slack, 2)
    finally:
        holder.close()
        stop_server(*server)
        locked.dispose()
