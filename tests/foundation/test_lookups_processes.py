"""A grant or revoke made by another process reaches this process's cached lookups within a second.

The other process is a real one (a subprocess with its own interpreter, so its own in-memory generation
counter): only the database's config stamp can tell this process about its change."""

from __future__ import annotations

import subprocess
import sys

from bot.authz import Role, grant
from bot.lookups import LookupCache
from bot.services import Services
from storage.db import Database
from tests.conftest import TEAM_ID

USER = "UMANAGER1"
OTHER_PROCESS = """
import sys
from bot.authz import Role, grant, revoke
from storage.db import Database
db = Database(sys.argv[1])
with db.session() as s:
    (grant if sys.argv[2] == "grant" else revoke)(s, sys.argv[3], sys.argv[4], Role.MANAGER)
db.dispose()
"""


def _in_other_process(db: Database, action: str) -> None:
    url = db.engine.url.render_as_string(hide_password=False)
    subprocess.run([sys.executable, "-c", OTHER_PROCESS, url, action, TEAM_ID, USER], check=True, timeout=60)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _watched(services: Services, clock: Clock) -> None:
    services.lookups = LookupCache(clock=clock)  # a cache with a clock the test moves
    services.lookups.watch(services._config_stamp)


def _is_manager(services: Services, db: Database) -> bool:
    with db.read() as s:
        return Role.MANAGER in services.roles_of(s, TEAM_ID, USER)


def test_another_process_grant_and_revoke_show_after_the_next_stamp_check(services, db):
    clock = Clock()
    _watched(services, clock)
    assert not _is_manager(services, db)  # cached: not a manager
    _in_other_process(db, "grant")
    assert not _is_manager(services, db)  # within the check interval the cached answer stands (the bound)
    clock.now += 1.01
    assert _is_manager(services, db)  # the stamp moved: the cache was dropped
    _in_other_process(db, "revoke")
    clock.now += 1.01
    assert not _is_manager(services, db)  # a revoke is seen as fast: permissions narrow within a second


def test_the_stamp_moves_once_per_transaction_and_not_on_reads(services, db):
    with db.read() as s:
        before = services._config_stamp()
        services.roles_of(s, TEAM_ID, USER)
    assert services._config_stamp() == before  # reading configuration does not move it
    with db.session() as s:
        grant(s, TEAM_ID, USER, Role.MANAGER)
        s.flush()
        grant(s, TEAM_ID, "UOTHER001", Role.MANAGER)
    assert services._config_stamp() == (before or 0) + 1


def test_a_rolled_back_change_does_not_move_the_stamp(services, db):
    before = services._config_stamp()
    try:
        with db.session() as s:
            grant(s, TEAM_ID, USER, Role.MANAGER)
            s.flush()
            raise RuntimeError("abandon the transaction")
    except RuntimeError:
        pass
    assert services._config_stamp() == before
    with db.session() as s:  # and the next transaction in a fresh session moves it as usual
        grant(s, TEAM_ID, USER, Role.MANAGER)
    assert services._config_stamp() == (before or 0) + 1
