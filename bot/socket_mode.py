"""Socket Mode runner: no public URL needed, the usual choice inside a council network."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.settings import Settings


def run_socket_mode(app: App, settings: Settings) -> None:
    SocketModeHandler(app, settings.secret("slack_app_token")).start()
