"""Choosing the mode: one environment token, or installs by OAuth; the process serves the install pages."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from bot.settings import ConfigError, load_settings
from tests.foundation.test_serve_http import _free_port
from tests.workspaces.conftest import CLIENT_ID, CLIENT_SECRET, fetch


def test_token_and_client_credentials_together_are_refused_in_one_line() -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(slack_bot_token="xoxb-1", slack_client_id=CLIENT_ID, slack_client_secret=CLIENT_SECRET)
    assert "SLACK_BOT_TOKEN" in str(err.value) and "SLACK_CLIENT_ID" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(ConfigError, match="SLACK_CLIENT_SECRET"):
        load_settings(slack_client_id=CLIENT_ID)


def test_with_oauth_installers_replace_bootstrap_admins() -> None:
    single = load_settings(slack_bot_token="xoxb-1", bootstrap_admin_ids="UADMIN01")
    many = load_settings(slack_client_id=CLIENT_ID, slack_client_secret=CLIENT_SECRET, bootstrap_admin_ids="UADMIN01")
    assert not single.oauth_enabled and single.admin_ids == ["UADMIN01"]
    assert many.oauth_enabled and many.admin_ids == []


def _env(database_url: str, api_url: str) -> dict[str, str]:
    env = {**os.environ, "SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": CLIENT_SECRET,
           "SLACK_SIGNING_SECRET": "proc-secret", "SLACK_API_URL": api_url, "DATABASE_URL": database_url,
           "LOG_LEVEL": "WARNING"}
    env.pop("SLACK_BOT_TOKEN", None)
    return env


def test_oauth_mode_runs_in_http_only(database_url: str, fake_slack) -> None:  # type: ignore[no-untyped-def]
    for argv in (["serve", "--socket"], []):
        proc = subprocess.run([sys.executable, "-m", "bot.cli", *argv], env=_env(database_url, fake_slack.api_url),
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2 and "HTTP mode" in proc.stderr, proc.stderr


def test_serve_http_in_oauth_mode_offers_the_install_pages(database_url: str, db, fake_slack) -> None:  # type: ignore[no-untyped-def]
    """(`db` empties the tables afterwards: the state this page issued.)"""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--http", "--host", "127.0.0.1", "--port",
                             str(port)], env=_env(database_url, fake_slack.api_url), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        page = fetch(f"http://127.0.0.1:{port}/slack/install?partnership=halton")
        assert page.status == 200 and page.headers["Set-Cookie"].startswith("slack-app-oauth-state=halton~")
        assert f"{fake_slack.url}/oauth/v2/authorize?" in page.text and f"client_id={CLIENT_ID}" in page.text
    finally:
        proc.terminate()
        proc.wait(timeout=10)
