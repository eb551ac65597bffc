"""`safeguarding-bot report`: the quality-assurance pack (charts, CSVs, index.html) for a partnership and period."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from knowledge.partnerships import partnership_arg

ALL = "all"


def _iso(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _scope(value: str) -> str:
    return ALL if value == ALL else partnership_arg(value)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("report", help="write the quality-assurance charts, CSVs and index.html")
    p.add_argument("--partnership", type=_scope, required=True, metavar="SLUG",
                   help="the partnership's slug, or 'all'")
    p.add_argument("--since", type=_iso, required=True, metavar="YYYY-MM-DD", help="first day of the period")
    p.add_argument("--until", type=_iso, default=None, metavar="YYYY-MM-DD", help="last day (default: today)")
    p.add_argument("--team", default=None, help="only this Slack workspace (team id)")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write into (created)")
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from bot.case_reviews.deadlines import from_kb
    from bot.insight import measures, pack
    from bot.settings import load_settings
    from bot.timeutil import today
    from knowledge import load_knowledge_base
    from storage.db import Database

    until = args.until or today()
    if args.since > until:
        print(f"--since {args.since} is after --until {until}: give a period that runs forwards", file=sys.stderr)
        return 2
    period = measures.Period(None if args.partnership == ALL else args.partnership, args.since, until, args.team)
    scales = from_kb(load_knowledge_base())
    db = Database(load_settings().database_url)
    try:
        with db.session() as s:
            result = measures.build(s, period, scales, today())
    finally:
        db.dispose()
    files = pack.write(result, scales, args.out)
    print(f"{pack.scope_words(result)}: wrote {len(files)} files to {args.out} (open {files[-1]})")
    return 0
