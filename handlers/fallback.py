"""Registered last: acknowledge events no capability handles (edits, joins...), so Slack does not retry them."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.services import Services


def register(app: App, services: Services) -> None:
    @app.event(re.compile(".*"))
    def ignore_other_events() -> None:
        return None
