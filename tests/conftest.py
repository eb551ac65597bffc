"""Shared fixtures: a real database (SQLite, or a private PostgreSQL database when DATABASE_URL is
PostgreSQL), the local fake Slack Web API on loopback, and the app served over real HTTP."""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from bot.app import create_app
from bot.context import Services
from bot.http import make_server, stop_server
from bot.localslack import LocalSlack
from bot.logs import configure
from bot.settings import Settings, load_settings
from storage.db import Database, normalise_url
from storage.migrate import upgrade
from storage.models import metadata
from tests.slackclient import SignedSlack

SIGNING_SECRET = "test-signing-secret-" + "0" * 12
TEAM_ID = "T0001"
ADMIN = "UADMIN01"


def _postgres_requested() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql")) else None


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh database for this test run, migrated with Alembic to every head."""
    pg = _postgres_requested()
    if pg is None:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        upgrade(url)
        yield url
        return
    base = make_url(normalise_url(pg))
    name = f"sgb_test_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    yield database
    with database.engine.begin() as conn:
        existing = set(inspect(conn).get_table_names())
        tables = [t for t in reversed(metadata.sorted_tables) if t.name in existing]
        if database.is_sqlite:
            for table in tables:
                conn.execute(table.delete())
        else:
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    database.dispose()


@pytest.fixture(scope="session")
def _fake_slack_server() -> Iterator[LocalSlack]:
    server = LocalSlack(team_id=TEAM_ID).start()
    yield server
    server.stop()


@pytest.fixture
def fake_slack(_fake_slack_server: LocalSlack) -> Iterator[LocalSlack]:
    """The fake Slack Web API, emptied for each test."""
    _fake_slack_server.reset()
    _fake_slack_server.listeners.clear()
    yield _fake_slack_server
    _fake_slack_server.reset()


@pytest.fixture
def settings(database_url: str, fake_slack: LocalSlack) -> Settings:
    configure("json", "INFO")
    return load_settings(
        database_url=database_url,
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.api_url,
        bootstrap_admin_ids=ADMIN,
        log_format="json",
    )


@pytest.fixture
def services(settings: Settings, db: Database) -> Services:
    return Services(settings=settings, db=db)


@pytest.fixture
def app(services: Services):  # type: ignore[no-untyped-def]
    return create_app(services)


@pytest.fixture
def slack(app, services: Services, fake_slack: LocalSlack) -> Iterator[SignedSlack]:  # type: ignore[no-untyped-def]
    """The app served by waitress on loopback, and a client that signs requests as Slack does."""
    server = make_server(app, services)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    host, port = server.socket.getsockname()[:2]
    yield SignedSlack(f"http://{host}:{port}", SIGNING_SECRET, fake_slack, team_id=TEAM_ID)
    stop_server(server, thread)
