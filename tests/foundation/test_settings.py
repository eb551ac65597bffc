from __future__ import annotations

import pytest

from bot.settings import ConfigError, load_settings, require


def test_postgres_url_form_from_hosting_platforms_is_accepted():
    s = load_settings(database_url="postgres://u:p@db.example:5432/app")
    assert s.database_url == "postgresql+psycopg://u:p@db.example:5432/app"


def test_bad_variable_is_named_in_one_line():
    with pytest.raises(ConfigError) as err:
        load_settings(database_url="mysql://x")
    assert str(err.value).startswith("configuration error: DATABASE_URL:")
    assert "\n" not in str(err.value)


def test_bad_token_prefix_is_named():
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        load_settings(slack_bot_token="xapp-wrong-kind")


def test_mode_requirements_name_the_missing_variable():
    s = load_settings(slack_bot_token="xoxb-1")
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        require(s, "slack_bot_token", "slack_signing_secret")


def test_defaults_are_sqlite_under_data():
    s = load_settings(_env_file=None) if False else load_settings()
    assert s.database_url.startswith(("sqlite", "postgresql"))
    assert s.reminder_grace_hours == 6.0
