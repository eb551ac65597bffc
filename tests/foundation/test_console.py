"""The console drives the same Bolt app through Slack-shaped payloads."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.console import Console

# A fresh process imports everything, migrates a new database and builds the answer index: ~3 s of CPU, up to 45 s of
# wall clock on a 2-core machine shared with other suites. The timeout only guards against a hang (one was real: the
# clock's dispatch still running at exit waited forever on a lane the exiting interpreter would not start).
HANG_GUARD = 120
pytestmark = pytest.mark.timeout(HANG_GUARD + 60)


def feed(*lines: str):
    it = iter(lines)

    def read(_prompt: str) -> str:
        try:
            return next(it)
        except StopIteration:
            raise EOFError from None

    return read


def test_console_help_and_role_switch(services):
    out: list[str] = []
    read = feed("/safeguarding help", "/as admin", "/safeguarding admin show", "/as nobody", "/quit")
    console = Console(services, read=read, write=out.append)
    console.run()
    text = "\n".join(out)
    assert "Safeguarding assistant" in text
    assert "You are now admin." in text
    assert "Workspace settings" in text and "Cheshire West and Chester" in text
    assert "Roles: practitioner" in text


def test_console_refuses_admin_for_practitioner(services):
    out: list[str] = []
    console = Console(services, read=feed("/safeguarding admin show"), write=out.append)
    console.run()
    assert any("don't have permission" in line for line in out)


def test_run_command_starts_console_without_credentials(tmp_path):
    env = {"PATH": "", "DATABASE_URL": f"sqlite:///{tmp_path}/c.db", "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "bot.cli"], input="/safeguarding help\n", capture_output=True,
                          text=True, timeout=HANG_GUARD, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "Safeguarding assistant" in proc.stdout


def test_cli_db_upgrade_and_config_error(tmp_path):
    env = {"PATH": "", "DATABASE_URL": f"sqlite:///{tmp_path}/d.db", "HOME": str(tmp_path)}
    ok = subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], capture_output=True, text=True,
                        timeout=HANG_GUARD, env=env)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], capture_output=True, text=True,
                         timeout=HANG_GUARD, env={**env, "DATABASE_URL": "oracle://x"})
    assert bad.returncode == 2
    assert bad.stderr.strip().startswith("configuration error: DATABASE_URL")


def test_run_command_default_database_on_a_fresh_checkout(tmp_path):
    env = {"PATH": "", "HOME": str(tmp_path)}  # no DATABASE_URL: the default ./data/safeguarding.db
    proc = subprocess.run([sys.executable, "-m", "bot.cli"], input="/safeguarding help\n", capture_output=True,
                          text=True, timeout=HANG_GUARD, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Safeguarding assistant" in proc.stdout
    assert (tmp_path / "data" / "safeguarding.db").exists()


def test_unreachable_database_is_one_line_not_a_traceback(tmp_path):
    env = {"PATH": "", "HOME": str(tmp_path), "DATABASE_URL": "postgresql://127.0.0.1:1/none"}
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], capture_output=True, text=True,
                          timeout=HANG_GUARD, env=env, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("database error: cannot use DATABASE_URL")
    assert "Traceback" not in proc.stderr


def test_postgresql_without_its_driver_is_one_line_not_a_traceback(tmp_path):
    """`pip install -e .` (the README's run command) has no PostgreSQL driver: say how to install it."""
    env = {"PATH": "", "HOME": str(tmp_path), "DATABASE_URL": "postgresql://127.0.0.1:1/none"}
    code = "import sys; sys.modules['psycopg'] = None; from bot.cli import main; sys.exit(main(['db', 'upgrade']))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=HANG_GUARD, env=env,
                          cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("configuration error: DATABASE_URL is PostgreSQL and its driver is not installed")
    assert "Traceback" not in proc.stderr
