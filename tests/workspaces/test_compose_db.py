"""compose.yaml whole: its own `db` service (PostgreSQL) healthy by compose's check, `migrate` into it, then `web`
and `clock`, on compose's network by service name (DATABASE_URL left to compose's default), the web answering
/healthz on the published port. The depends_on conditions are followed by the test, in stages, not by the engine:
podman 4.3 cannot (see the test). The registry's `postgres` image cannot be pulled on the development machine,
so `db` runs a stand-in built from Debian's packages (tests/workspaces/postgres_image, the same environment
contract), unless CONTAINER_POSTGRES_IMAGE names one at hand. Skipped as test_container.py is, and on SQLite."""

from __future__ import annotations

import json
import os
import re
import secrets
import time
from datetime import datetime
from pathlib import Path

import pytest

from tests.workspaces.test_container import BASE_IMAGE, _context, _engine_env, _free_port, _healthz, _run

STAND_IN = Path(__file__).parent / "postgres_image"
STAND_IN_TAG = "localhost/safeguarding-postgres-debian:15"


def _postgres_image(env: dict[str, str]) -> str:
    chosen = os.environ.get("CONTAINER_POSTGRES_IMAGE")
    if chosen:
        if _run(["podman", "image", "exists", chosen], env, 30).returncode != 0:
            pytest.skip(f"CONTAINER_POSTGRES_IMAGE={chosen} is not here")
        return chosen
    built = _run(["podman", "build", "-t", STAND_IN_TAG, "--build-arg", f"BASE_IMAGE={BASE_IMAGE}", str(STAND_IN)],
                 env, 600)
    if built.returncode != 0:
        pytest.skip(f"the PostgreSQL stand-in could not be built (Debian's mirror unreachable?): {built.stderr[-300:]}")
    return STAND_IN_TAG


def _state(env: dict[str, str], name: str) -> dict[str, object]:
    out = _run(["podman", "inspect", "--format", "{{json .State}}", name], env, 60).stdout
    return dict(json.loads(out)) if out.strip() else {}


def _healthy(env: dict[str, str], name: str, timeout: float = 120.0) -> bool:
    """Run the container's healthcheck until it passes (the engine would, on a timer, where systemd runs)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _run(["podman", "healthcheck", "run", name], env, 60).returncode == 0:
            return True
        time.sleep(2)
    return False


def _at(stamp: object) -> datetime:
    """podman's RFC 3339 times carry nanoseconds (trailing zeros dropped): to microseconds for comparing."""
    found = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)", str(stamp))
    assert found, stamp
    zone = "+00:00" if found[3] == "Z" else found[3]
    return datetime.fromisoformat(f"{found[1]}.{(found[2] or '0')[:6].ljust(6, '0')}{zone}")


@pytest.mark.timeout(1500)
def test_compose_runs_its_own_database_then_migrate_then_web_and_clock(tmp_path: Path, database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the container tests run once, in the PostgreSQL run of the suite")
    env = _engine_env(tmp_path)
    pg_image = _postgres_image(env)
    ctx = _context(tmp_path, env)
    project, port = f"sgbdb{secrets.token_hex(3)}", _free_port()
    env.pop("DATABASE_URL", None)  # compose's default: the `db` service by name
    env.update(APP_IMAGE=f"localhost/{project}:test", PYTHON_IMAGE=BASE_IMAGE, PIP_NO_INDEX="1",
               POSTGRES_IMAGE=pg_image, WEB_PORT=str(port), PORT="3000", SLACK_BOT_TOKEN="xoxb-container-test",
               SLACK_SIGNING_SECRET="container-test-secret", SLACK_API_URL="http://127.0.0.1:9/api/")
    compose = ["podman-compose", "-p", project, "-f", "compose.yaml"]
    db, migrate, web, clock = (f"{project}_{s}_1" for s in ("db", "migrate", "web", "clock"))
    try:
        built = _run([*compose, "build", "web"], env, 900, cwd=ctx)
        assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
        # In stages, doing what compose's depends_on conditions ask: podman-compose waits for `service_healthy`
        # only with podman 4.6 or later (Debian 12 has 4.3.1, which it warns it ignores), and podman 4.3 cannot
        # start a container whose dependency has exited ("not found in input list"), so `up -d` alone fails here.
        up = _run([*compose, "up", "-d", "db"], env, 300, cwd=ctx)
        assert up.returncode == 0, up.stdout[-3000:] + up.stderr[-3000:]
        assert _healthy(env, db), _run(["podman", "logs", db], env, 60).stdout[-3000:]  # compose's pg_isready
        migrated = _run([*compose, "up", "--no-deps", "migrate"], env, 300, cwd=ctx)
        state = _state(env, migrate)
        assert migrated.returncode == 0 and state.get("ExitCode") == 0, migrated.stdout[-3000:] + \
            migrated.stderr[-3000:]
        started = _run([*compose, "up", "-d", "--no-deps", "web", "clock"], env, 300, cwd=ctx)
        assert started.returncode == 0, started.stdout[-3000:] + started.stderr[-3000:]
        assert _healthz(port, timeout=180), _run(["podman", "logs", web], env, 60).stdout[-4000:]
        assert _run(["podman", "healthcheck", "run", web], env, 60).returncode == 0
        assert _state(env, clock).get("Status") == "running", _run(["podman", "logs", clock], env, 60).stdout[-3000:]
        assert _at(state.get("FinishedAt")) <= _at(_state(env, web).get("StartedAt"))
        tables = _run(["podman", "exec", db, "psql", "-U", "safeguarding", "-d", "safeguarding", "-Atc",
                       "select count(*) from information_schema.tables where table_name in "
                       "('workspaces', 'slack_bots', 'reminder_series')"], env, 60)
        assert tables.stdout.strip() == "3", tables.stdout + tables.stderr  # migrated into compose's database

        for name in (web, clock, db):  # stopped by their stop signals, not killed after the grace period
            assert _run(["podman", "stop", "-t", "20", name], env, 60).returncode == 0
            assert _state(env, name).get("ExitCode") != 137, name
    finally:
        _run([*compose, "down", "-v"], env, 180, cwd=ctx)
        _run(["podman", "rmi", "-f", env["APP_IMAGE"]], env, 120)
