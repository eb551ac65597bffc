"""Slack's own tables for OAuth installs: slack_sdk's SQLAlchemy installation store (slack_bots,
slack_installations) and OAuth state store (slack_oauth_states), built here into the project's metadata with
the library's own definitions, so migration 0009 is checked against exactly what the stores read and write
(tests/foundation/test_storage.py) and the tests empty them like every other table."""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from storage.base import Base

BOTS = SQLAlchemyInstallationStore.default_bots_table_name
INSTALLATIONS = SQLAlchemyInstallationStore.default_installations_table_name
OAUTH_STATES = SQLAlchemyOAuthStateStore.default_table_name

bots = SQLAlchemyInstallationStore.build_bots_table(Base.metadata, BOTS)
installations = SQLAlchemyInstallationStore.build_installations_table(Base.metadata, INSTALLATIONS)
oauth_states = SQLAlchemyOAuthStateStore.build_oauth_states_table(Base.metadata, OAUTH_STATES)
