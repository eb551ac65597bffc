"""Slack listeners, registered in one visible place. Each module's `register(app, services)` adds its own."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services


def register_all(app: App, services: Services) -> None:
    from handlers import (
        admin,
        answers,
        case_reviews,
        errors,
        escalations,
        fallback,
        insight,
        kbedit,
        middleware,
        reminders,
        safeguarding,
        workspaces,
    )

    middleware.register(app, services)
    errors.register(app, services)
    safeguarding.register(app, services)  # owns /safeguarding; must come before modules adding subcommands
    admin.register(app, services)
    answers.register(app, services)
    kbedit.register(app, services)  # after answers: it adds to the App Home
    case_reviews.register(app, services)
    escalations.register(app, services)
    reminders.register(app, services)
    insight.register(app, services)
    workspaces.register(app, services)  # uninstalls (OAuth installs only)
    fallback.register(app, services)  # last: acknowledges events nobody else handles
