"""Configuration from environment variables, validated once at start.

A bad value stops start-up with one line naming the variable (see `load_settings`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
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

    @property
    def admin_ids(self) -> list[str]:
        return [u.strip() for u in self.bootstrap_admin_ids.split(",") if u.strip()]

    @property
    def has_slack_credentials(self) -> bool:
        return self.slack_bot_token is not None

    @property
    def dashboard_configured(self) -> bool:
        return bool(self.dashboard_client_id and self.secret("dashboard_client_secret") and self.dashboard_redirect_uri)

    def secret(self, name: Literal["slack_bot_token", "slack_signing_secret", "slack_app_token",
                                   "dashboard_client_secret"]) -> str | None:
        value: SecretStr | None = getattr(self, name)
        return value.get_secret_value() if value else None


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else "?"
        raise ConfigError(f"configuration error: {field.upper()}: {err['msg']}") from None


def require(settings: Settings, *names: str) -> None:
    """Fail with one line naming the first missing variable a run mode needs."""
    for name in names:
        if not settings.secret(name):  # type: ignore[arg-type]
            raise ConfigError(f"configuration error: {name.upper()} is required for this mode")
