"""`safeguarding-bot deadlines`: the deadline rule, checkable from outside the bot."""

from __future__ import annotations

import argparse
import json
from datetime import date

from bot.case_reviews.deadlines import LABELS, compute, from_kb
from bot.timeutil import format_date

# What to pass for a deadline that cannot be computed from --aware alone.
NEEDS: dict[str, str] = {
    "panel_notification_due": "--aware", "partners_informed_due": "--aware", "rapid_review_due": "--notified",
    "publication_due": "--review-decision", "report_to_panel_due": "--review-decision or --publication",
}


def _iso(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("deadlines", help="compute a case review's statutory deadlines (working days)")
    p.add_argument("--aware", type=_iso, required=True, metavar="YYYY-MM-DD",
                   help="date the local authority became aware of the incident")
    p.add_argument("--notified", type=_iso, metavar="YYYY-MM-DD", help="date the Panel was notified")
    p.add_argument("--review-decision", type=_iso, metavar="YYYY-MM-DD",
                   help="date of the decision to hold a local review")
    p.add_argument("--publication", type=_iso, metavar="YYYY-MM-DD", help="planned publication date")
    p.add_argument("--json", action="store_true", help="print JSON (ISO dates or null)")
    p.set_defaults(func=cmd_deadlines)


def cmd_deadlines(args: argparse.Namespace) -> int:
    from knowledge import load_knowledge_base

    deadlines = compute(from_kb(load_knowledge_base()), aware=args.aware, notified=args.notified,
                        review_decision=args.review_decision, publication=args.publication)
    if args.json:
        print(json.dumps(deadlines.as_json(), indent=2))
        return 0
    width = max(len(label) for label in LABELS.values())
    for name, value in deadlines.as_json().items():
        shown = format_date(date.fromisoformat(value)) if value else f"— (give {NEEDS[name]})"
        print(f"{LABELS[name]:<{width}}  {shown}")
    return 0
