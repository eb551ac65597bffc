"""`safeguarding-bot escalations report`: the figures quality assurance groups ask for."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from knowledge.partnerships import PARTNERSHIPS


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("escalations", help="escalation reports")
    sub = parser.add_subparsers(title="escalations commands", metavar="ACTION", required=True)
    report = sub.add_parser("report", help="counts by agency, category and step; time to resolution; overdue")
    report.add_argument("--partnership", required=True, choices=sorted(PARTNERSHIPS))
    report.add_argument("--since", required=True, type=date.fromisoformat, help="YYYY-MM-DD (Day 1 on or after)")
    report.add_argument("--team", default=None, help="only this Slack workspace (team id)")
    report.add_argument("--csv", action="store_true", help="CSV on stdout instead of text")
    report.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from bot.escalations import report
    from bot.settings import load_settings
    from bot.timeutil import today
    from storage.db import Database

    db = Database(load_settings().database_url)
    try:
        with db.session() as s:
            result = report.build(s, partnership=args.partnership, since=args.since, today=today(),
                                  team_id=args.team)
    finally:
        db.dispose()
    sys.stdout.write(report.to_csv(result) if args.csv else report.to_text(result))
    return 0
