"""`safeguarding-bot reminders tick`: run one dispatcher pass now (operators, and checking a deployment)."""

from __future__ import annotations

import argparse


def _tick(args: argparse.Namespace) -> int:
    from bot.cli import _services, _settings
    from bot.reminders.engine import dispatch_once
    from bot.workspaces.tokens import team_clients

    services = _services(_settings())
    stats = dispatch_once(services.db, team_clients(services),
                          grace_hours=services.settings.reminder_grace_hours)
    print(f"materialised {stats.materialised}, sent {stats.sent}, retried {stats.retried}, "
          f"failed {stats.failed}, missed {stats.missed}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rem = subparsers.add_parser("reminders", help="scheduled reminders")
    rsub = rem.add_subparsers(title="reminders commands", metavar="ACTION", required=True)
    rsub.add_parser("tick", help="claim and send every due reminder once, now").set_defaults(func=_tick)
