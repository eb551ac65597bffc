"""Configuration from environment variables, validated once at start.

A bad value stops start-up with one line naming the variable (see `load_settings`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge.partnerships import PARTNERSHIPS
from storage.db import normalise_url

DEFAULT_DATABASE_URL = "sqlite:///./data/safeguarding.db"
TIMEZONE = "Europe/London"  # the bot always works in London time, whatever TZ the host has


class ConfigError(Exception):
    """A setting is missing or invalid; the message is one line naming the variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=None, extra="ignore", case_sensitive=False)

    slack_bot_token: SecretStr | None = Field(None, description="Bot token (xoxb-...)")
    slack_signing_secret: SecretStr | None = Field(None, description="Signing secret (HTTP mode)")
    slack_app_token: SecretStr | None = Field(None, description="App-level token (xapp-..., Socket Mode)")
    database_url: str = Field(DEFAULT_DATABASE_URL, description="SQLAlchemy URL; postgres:// accepted")
    slack_api_url: str | None = Field(None, description="Web API base URL (tests point it at a local server)")
    bootstrap_admin_ids: str = Field("", description="Comma-separated Slack user ids made admins at start")
    default_partnership: str | None = Field(None, description="Partnership for workspaces not yet configured")
    log_format: Literal["json", "console"] = "json"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    port: int = Field(3000, ge=1, le=65535)
    reminder_grace_hours: float = Field(6.0, ge=0, description="Missed reminders sent on start within this")
    retention_months: int = Field(12, ge=1, description="Closed cases reduced to their audit trail after this")
    # The web dashboard's "Sign in with Slack" (OpenID Connect). Not SLACK_CLIENT_ID/SECRET: Bolt would read those
    # and switch itself to multi-workspace OAuth installs. All three set, or the dashboard says it is not set up.
    dashboard_client_id: str | None = Field(None, description="Slack app client id for Sign in with Slack")
    dashboard_client_secret: SecretStr | None = Field(None, description="Slack app client secret (signs sessions)")
    dashboard_redirect_uri: str | None = Field(None, description="https://host/dashboard/callback, as in the app")
    # Many workspaces installed by OAuth (docs/workspaces.md): both set and SLACK_BOT_TOKEN unset.
    slack_client_id: str | None = Field(None, description="Slack app client id (OAuth installs)")
    slack_client_secret: SecretStr | None = Field(None, description="Slack app client secret (OAuth installs)")
    slack_redirect_uri: str | None = Field(None, description="https://host/slack/oauth_redirect, as in the app")

    @field_validator("database_url")
    @classmethod
    def _db_url(cls, v: str) -> str:
        v = normalise_url(v.strip())
        if not (v.startswith("sqlite") or v.startswith("postgresql")):
            raise ValueError("must be a sqlite:/// or postgres(ql):// URL")
        return v

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, v: str | None) -> str | None:
        if v in (None, ""):
            return None
        if not v.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return v if v.endswith("/") else v + "/"

    @field_validator("dashboard_redirect_uri")
    @classmethod
    def _redirect_uri(cls, v: str | None) -> str | None:
        if v in (None, ""):
            return None
        if not v.startswith(("http://", "https://")) or not v.rstrip("/").endswith("/dashboard/callback"):
            raise ValueError("must be the address of /dashboard/callback, starting with https://")
        return v

    @field_validator("slack_redirect_uri")
    @classmethod
    def _install_redirect(cls, v: str | None) -> str | None:
        if v in (None, ""):
            return None
        if not v.startswith(("http://", "https://")) or not v.rstrip("/").endswith("/slack/oauth_redirect"):
            raise ValueError("must be the address of /slack/oauth_redirect, starting with https://")
        return v

    @field_validator("default_partnership")
    @classmethod
    def _partnership(cls, v: str | None) -> str | None:
        if v in (None, ""):
            return None
        if v not in PARTNERSHIPS:
            raise ValueError(f"must be one of {', '.join(PARTNERSHIPS)}")
        return v

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None and v.get_secret_value() and not v.get_secret_value().startswith("xoxb-"):
            raise ValueError("must start with xoxb-")
        return v or None

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None and v.get_secret_value() and not v.get_secret_value().startswith("xapp-"):
            raise ValueError("must start with xapp-")
        return v or None

    @model_validator(mode="after")
    def _one_mode(self) -> Settings:
        if self.slack_bot_token is not None and (self.slack_client_id or self.slack_client_secret):
            # Bolt itself would read SLACK_CLIENT_ID/SECRET and switch to installs, ignoring the token
            raise ValueError("set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET "
                             "(OAuth installs), not both")
        if bool(self.slack_client_id) != bool(self.slack_client_secret):
            raise ValueError("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set together (OAuth installs)")
        return self

    @property
    def admin_ids(self) -> list[str]:
        """BOOTSTRAP_ADMIN_IDS; with OAuth installs each workspace's installer is its first admin instead."""
        if self.oauth_enabled:
            return []
        return [u.strip() for u in self.bootstrap_admin_ids.split(",") if u.strip()]

    @property
    def oauth_enabled(self) -> bool:
        """Many workspaces, each installed through /slack/install, each with its own token."""
        return self.slack_bot_token is None and bool(self.slack_client_id and self.slack_client_secret)

    @property
    def has_slack_credentials(self) -> bool:
        return self.slack_bot_token is not None

    @property
    def dashboard_configured(self) -> bool:
        return bool(self.dashboard_client_id and self.secret("dashboard_client_secret") and self.dashboard_redirect_uri)

    def secret(self, name: Literal["slack_bot_token", "slack_signing_secret", "slack_app_token",
                                   "dashboard_client_secret", "slack_client_secret"]) -> str | None:
        value: SecretStr | None = getattr(self, name)
        return value.get_secret_value() if value else None


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        err = exc.errors()[0]
        if not err["loc"]:  # a rule across variables names them itself
            raise ConfigError(f"configuration error: {str(err['msg']).removeprefix('Value error, ')}") from None
        field = str(err["loc"][0])
        raise ConfigError(f"configuration error: {field.upper()}: {err['msg']}") from None


def require(settings: Settings, *names: str) -> None:
    """Fail with one line naming the first missing variable a run mode needs."""
    for name in names:
        if not settings.secret(name):  # type: ignore[arg-type]
            raise ConfigError(f"configuration error: {name.upper()} is required for this mode")
