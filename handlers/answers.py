"""Slack listeners for answers (filled in by that capability)."""

from __future__ import annotations

from slack_bolt import App

from bot.context import Services


def register(app: App, services: Services) -> None:
    """Nothing yet."""
