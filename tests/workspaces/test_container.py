"""The container image and compose.yaml, built and started for real with podman and podman-compose: the migration
once, then the web process answering /healthz (its HEALTHCHECK passing) and the clock running, as a non-root
user, all stopped by their stop signal (not killed). Skipped, saying why, where no engine, no compose tool or no
Python base image is at hand, and on SQLite (compose's processes share one PostgreSQL database).

PostgreSQL itself is the suite's (the processes run on the host's network), not compose's `db` service: its image
comes from a registry, and none is reachable on the development machine (docs/deployment.md)."""

from __future__ import annotations

import fnmatch
import getpass
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from storage.db import normalise_url

ROOT = Path(__file__).resolve().parents[2]
BASE_IMAGE = os.environ.get("CONTAINER_PYTHON_IMAGE", "docker.io/library/python:3.11-slim")
# This sandbox's kernel refuses crun's rlimits and its cgroup layout: runc with modest limits works (podman reads
# CONTAINERS_CONF). Harmless where the defaults work.
CONTAINERS_CONF = '[containers]\ndefault_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]\n' \
                  '[engine]\nruntime = "{runtime}"\n'
HOST_NETWORK = "services:\n" + "".join(f"  {s}:\n    network_mode: host\n" for s in ("migrate", "web", "clock"))


def _run(cmd: list[str], env: dict[str, str], timeout: float, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)


def _engine_env(tmp_path: Path) -> dict[str, str]:
    if shutil.which("podman") is None:
        pytest.skip("no container engine: podman is not installed (Debian: apt-get install podman runc)")
    if shutil.which("podman-compose") is None:
        pytest.skip("no compose tool: podman-compose is not installed (pip install 'podman-compose>=1.1')")
    version = re.search(r"podman-compose version (\d+)\.(\d+)", subprocess.run(
        ["podman-compose", "version"], capture_output=True, text=True, check=False, timeout=60).stdout)
    if version is None or (int(version[1]), int(version[2])) < (1, 1):
        pytest.skip("podman-compose before 1.1 (Debian 12 has 1.0.3) ignores --no-deps and build-argument defaults: "
                    "pip install 'podman-compose>=1.1'")
    conf = tmp_path / "containers.conf"
    conf.write_text(CONTAINERS_CONF.format(runtime="runc" if shutil.which("runc") else "crun"))
    env = {**os.environ, "CONTAINERS_CONF": str(conf), "BUILDAH_FORMAT": "docker"}  # docker format: HEALTHCHECK
    if _run(["podman", "image", "exists", BASE_IMAGE], env, 30).returncode != 0 and \
            _run(["podman", "pull", BASE_IMAGE], env, 120).returncode != 0:
        pytest.skip(f"no Python base image: {BASE_IMAGE} is not here and cannot be pulled; set "
                    "CONTAINER_PYTHON_IMAGE to a local one (docs/deployment.md says how to make one)")
    return env


@pytest.fixture
def empty_database(database_url: str) -> Iterator[str]:
    if not database_url.startswith("postgresql"):
        pytest.skip("compose's processes share one PostgreSQL database")
    url = make_url(normalise_url(database_url))
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"sgb_container_{secrets.token_hex(4)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    # the container's user is not this one: name the database user the URL would otherwise take from the OS
    yield url.set(database=name, username=url.username or getpass.getuser()).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _context(tmp_path: Path, env: dict[str, str]) -> Path:
    """The build context as .dockerignore leaves it, with a wheelhouse so the build needs no package index."""
    lines = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines() if line.strip()]
    anywhere = [line.removeprefix("**/") for line in lines if line.startswith("**/")]
    at_root = {line for line in lines if not line.startswith("**/")} | {"wheelhouse"}

    def ignore(directory: str, names: list[str]) -> set[str]:  # as Docker reads it: a bare name at the root only
        top = Path(directory) == ROOT
        return set(shutil.ignore_patterns(*anywhere)(directory, names)) | \
            {n for n in names if top and any(fnmatch.fnmatch(n, pattern) for pattern in at_root)}

    ctx = tmp_path / "context"
    shutil.copytree(ROOT, ctx, ignore=ignore)
    wheels = _run([sys.executable, "-m", "pip", "wheel", "-q", "-c", "constraints.txt", "-w", "wheelhouse",
                   ".[postgres]", "setuptools>=69", "wheel"], env, 600, cwd=ctx)
    assert wheels.returncode == 0, wheels.stderr[-2000:]
    return ctx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthz(port: int, timeout: float = 90.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=3) as resp:
                return resp.status == 200
        except OSError:
            time.sleep(1)
    return False


@pytest.mark.timeout(1500)
def test_the_image_builds_and_compose_starts_migrate_web_and_clock(tmp_path: Path, empty_database: str) -> None:
    env = _engine_env(tmp_path)
    ctx = _context(tmp_path, env)
    (ctx / "compose.host.yaml").write_text(HOST_NETWORK)
    project, port = f"sgbtest{secrets.token_hex(3)}", _free_port()
    env.update(APP_IMAGE=f"localhost/{project}:test", PYTHON_IMAGE=BASE_IMAGE, PIP_NO_INDEX="1",
               DATABASE_URL=empty_database, PORT=str(port), SLACK_BOT_TOKEN="xoxb-container-test",
               SLACK_SIGNING_SECRET="container-test-secret", SLACK_API_URL="http://127.0.0.1:9/api/")
    compose = ["podman-compose", "-p", project, "-f", "compose.yaml", "-f", "compose.host.yaml"]
    try:
        built = _run([*compose, "build", "web"], env, 900, cwd=ctx)
        assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]

        migrated = _run([*compose, "up", "--no-deps", "migrate"], env, 300, cwd=ctx)
        code = _run(["podman", "inspect", "--format", "{{.State.ExitCode}}", f"{project}_migrate_1"], env, 60)
        assert migrated.returncode == 0 and code.stdout.strip() == "0", migrated.stdout[-3000:] + \
            migrated.stderr[-3000:]
        engine = create_engine(normalise_url(empty_database))
        assert {"workspaces", "slack_bots", "reminder_series"} <= set(inspect(engine).get_table_names())
        engine.dispose()

        started = _run([*compose, "up", "-d", "--no-deps", "web", "clock"], env, 300, cwd=ctx)
        assert started.returncode == 0, started.stdout[-3000:] + started.stderr[-3000:]
        assert _healthz(port), _run([*compose, "logs", "web"], env, 60, cwd=ctx).stdout[-3000:]
        web, clock = f"{project}_web_1", f"{project}_clock_1"
        assert _run(["podman", "healthcheck", "run", web], env, 60).returncode == 0  # the image's HEALTHCHECK
        assert _run(["podman", "exec", web, "id", "-u"], env, 60).stdout.strip() == "10001"  # not root
        state = _run(["podman", "inspect", "--format", "{{.State.Status}}", clock], env, 60).stdout.strip()
        assert state == "running", _run(["podman", "logs", clock], env, 60).stdout[-3000:]

        for name in (web, clock):  # stopped by the stop signal, not killed after the grace period (exit 137)
            assert _run(["podman", "stop", "-t", "20", name], env, 60).returncode == 0
            code = _run(["podman", "inspect", "--format", "{{.State.ExitCode}}", name], env, 60).stdout.strip()
            assert code != "137", (name, code)
    finally:
        _run([*compose, "down"], env, 180, cwd=ctx)
        _run(["podman", "rmi", "-f", env["APP_IMAGE"]], env, 120)
