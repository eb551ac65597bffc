"""Shared fixtures: a real database (SQLite, or a private PostgreSQL database when DATABASE_URL is
PostgreSQL), the local fake Slack Web API on loopback, and the app served over real HTTP."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from bot.app import create_app
from bot.capabilities import register_all
from bot.http import make_server, stop_server
from bot.localslack import LocalSlack
from bot.logs import configure
from bot.services import Services
from bot.settings import Settings, load_settings
from storage.db import Database
from storage.models import metadata
from storage.scratch import create_scratch_database
from tests.slackclient import SignedSlack

# Property tests are reproducible: "ci" (the default, and what scripts/test and CI run) derandomizes, so every run
# tries the same examples and a failure prints its falsifying example and a reproduce blob; "explore" searches
# afresh (HYPOTHESIS_PROFILE=explore) with the local example database.
# No deadline: Hypothesis fails an example that takes over 200 ms, a timed assertion that a loaded machine
# (the first call builds the holiday calendar) trips; correctness is what these tests check.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
hypothesis_settings.register_profile("explore", print_blob=True, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

register_all()  # tests are a runner too: the digest lists every capability's open items

SIGNING_SECRET = "test-signing-secret-" + "0" * 12
TEAM_ID = "T0001"
ADMIN = "UADMIN01"


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A fresh database for this test run (private on PostgreSQL when DATABASE_URL names one), migrated."""
    scratch = create_scratch_database(os.environ.get("DATABASE_URL"), prefix=f"sgb_test_{os.getpid()}")
    yield scratch.url
    scratch.drop()


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    yield database
    _empty(database)
    database.dispose()


def _empty(database: Database, attempts: int = 5) -> None:
    """Empty every table for the next test. Listeners finish after the ack, so one may still be writing when
    the test ends: on PostgreSQL TRUNCATE then meets its row lock and one of the two is chosen as a deadlock
    victim. Retry a few times rather than leave rows behind for the next test."""
    for attempt in range(attempts):
        try:
            with database.engine.begin() as conn:
                existing = set(inspect(conn).get_table_names())
                tables = [t for t in reversed(metadata.sorted_tables) if t.name in existing]
                if database.is_sqlite:
                    for table in tables:
                        conn.execute(table.delete())
                else:
                    names = ", ".join(f'"{t.name}"' for t in tables)
                    conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            return
        except OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


@pytest.fixture(scope="session")
def _fake_slack_server() -> Iterator[LocalSlack]:
    server = LocalSlack(team_id=TEAM_ID).start()
    yield server
    server.stop()


# The workspace the tests' fake Slack has: channels and people the tests configure or post to without a
# request from them first (ids from a signed request are registered by tests.slackclient as they arrive).
# Anything else is refused as real Slack refuses it (channel_not_found, user_not_found).
WORKSPACE_CHANNELS = ("CGENERAL1", "CBU00001", "CGROUP01", "CGROUP02", "CWIRRAL01", "CWIRRAL02", "CHALTON01",
                      "CNOTIN01", "COTHER001", "CESCALATE1", "CQA000001", "CONCE0001", "CGROUPA1", "CGROUPB1",
                      "CGROUPC1")
WORKSPACE_USERS = (ADMIN, "UPRACT01", "UPRACT02", "UMANAGER1", "UMANAGER2", "UBUSUNIT1", "ULEAD0001", "UOWNER01",
                   "UOWNER", "UOTHER001")


@pytest.fixture
def fake_slack(_fake_slack_server: LocalSlack) -> Iterator[LocalSlack]:
    """The fake Slack Web API, emptied for each test, knowing the test workspace's channels and people."""
    _fake_slack_server.reset()
    _fake_slack_server.listeners.clear()
    _fake_slack_server.add_channel(*WORKSPACE_CHANNELS)
    _fake_slack_server.add_user(*WORKSPACE_USERS)
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
    """The app; at the end its listeners (which run after the ack) finish before the tables are emptied."""
    app = create_app(services)
    yield app
    app.listener_runner.listener_executor.shutdown(wait=True)  # type: ignore[attr-defined]


@pytest.fixture
def slack(app, services: Services, fake_slack: LocalSlack) -> Iterator[SignedSlack]:  # type: ignore[no-untyped-def]
    """The app served by waitress on loopback, and a client that signs requests as Slack does."""
    with served(app, services, fake_slack) as client:
        yield client


@contextlib.contextmanager
def served(app, services: Services, fake_slack: LocalSlack) -> Iterator[SignedSlack]:  # type: ignore[no-untyped-def]
    """`app` served by waitress on loopback for the block's length, and a client signing requests as Slack does (also
    for tests that build their own Services: a database that fails, knowledge files that cannot be loaded)."""
    server = make_server(app, services)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    host, port = server.socket.getsockname()[:2]
    try:
        yield SignedSlack(f"http://{host}:{port}", SIGNING_SECRET, fake_slack, team_id=TEAM_ID)
    finally:
        stop_server(server, thread)


@pytest.fixture
def errors_logged(caplog: pytest.LogCaptureFixture) -> Callable[[], list[str]]:
    """ERROR lines logged since the last call (listener faults, Bolt's unhandled errors), then forgotten.

    A fault handler turns any exception into a polite reply; tests of odd input assert this stays empty so a
    crash can never pass as a handled case.
    """
    caplog.set_level(logging.INFO)

    def read() -> list[str]:
        found = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        caplog.clear()
        return found

    return read
