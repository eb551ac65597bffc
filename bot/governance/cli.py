"""`safeguarding-bot audit export` and `safeguarding-bot retention run`."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from datetime import date, datetime, time

from bot.timeutil import LONDON


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _services():  # type: ignore[no-untyped-def]
    from bot.services import build_services
    from bot.settings import load_settings
    from storage.migrate import upgrade

    settings = load_settings()
    upgrade(settings.database_url)
    return build_services(settings)


def cmd_audit_export(args: argparse.Namespace) -> int:
    from bot.governance.audit_export import export_csv

    services = _services()
    since = datetime.combine(args.since, time.min, tzinfo=LONDON)
    target = open(args.output, "w", newline="", encoding="utf-8") if args.output else nullcontext(sys.stdout)  # noqa: SIM115
    with target as out, services.db.session() as s:
        count = export_csv(s, out, since=since, team_id=args.team)
    print(f"{count} audit entries exported", file=sys.stderr)
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from bot.governance.retention import run_retention

    services = _services()
    report = run_retention(services, dry_run=args.dry_run)
    for line in report.lines():
        print(line)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = sub.add_parser("audit", help="audit log")
    audit_sub = audit.add_subparsers(metavar="ACTION", required=True)
    export = audit_sub.add_parser("export", help="write the audit log as CSV")
    export.add_argument("--since", type=_date, required=True, help="YYYY-MM-DD (London)")
    export.add_argument("--team", default=None, help="one workspace's entries only")
    export.add_argument("--output", "-o", default=None, help="file to write (default: stdout)")
    export.set_defaults(func=cmd_audit_export)

    retention = sub.add_parser("retention", help="reduce closed cases to their audit trail after RETENTION_MONTHS")
    retention_sub = retention.add_subparsers(metavar="ACTION", required=True)
    run = retention_sub.add_parser("run", help="apply the retention rule")
    run.add_argument("--dry-run", action="store_true", help="show what would go, change nothing")
    run.set_defaults(func=cmd_retention)
