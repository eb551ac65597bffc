"""Data retention: closed case reviews and escalations are reduced to their audit trail and figures
RETENTION_MONTHS after closure. The audit log itself is kept (it holds no free text)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from bot.services import Services
from bot.timeutil import today
from storage import audit

# function(session, cutoff, dry_run) -> [(team_id, reference)] reduced (or that would be), one per capability.
Policy = Callable[[Session, date, bool], list[tuple[str, str]]]


def policies() -> list[tuple[str, Policy]]:
    """Every capability's retention rule, listed explicitly."""
    from bot.answers.feedback import clear_old_questions
    from bot.answers.retention import delete_old_questions
    from bot.case_reviews.retention import reduce_closed as case_reviews_reduce
    from bot.escalations.retention import reduce_closed as escalations_reduce
    from bot.governance.replay_claims import prune_claims
    from bot.reminders.retention import prune_settled, reduce_ended

    return [("case reviews", case_reviews_reduce), ("escalations", escalations_reduce),
            ("answer feedback", clear_old_questions), ("unanswered questions", delete_old_questions),
            ("reminders", reduce_ended), ("reminder deliveries", prune_settled),
            ("replay and event claims", prune_claims)]


@dataclass
class RetentionReport:
    cutoff: date
    dry_run: bool
    reduced: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        verb = "would reduce" if self.dry_run else "reduced"
        out = [f"retention: records closed before {self.cutoff.isoformat()} ({verb})"]
        for name, items in self.reduced.items():
            refs = [ref for _team, ref in items]
            rest = f", …and {len(refs) - 20} more" if len(refs) > 20 else ""
            shown = f" ({', '.join(refs[:20])}{rest})" if refs else ""
            out.append(f"  {name}: {len(refs)}{shown}")
        if not self.reduced:
            out.append("  nothing to do")
        return out


def run_retention(services: Services, *, dry_run: bool, on: date | None = None) -> RetentionReport:
    cutoff = (on or today()) - relativedelta(months=services.settings.retention_months)
    report = RetentionReport(cutoff=cutoff, dry_run=dry_run)
    for name, policy in policies():
        with services.db.session() as s:
            items = policy(s, cutoff, dry_run)
            if not dry_run:
                for team_id, ref in items:
                    audit.record(s, team_id=team_id, actor_id="retention", action="retention.reduced",
                                 entity_type=name.replace(" ", "_"), entity_id=ref, after={"cutoff": cutoff})
        report.reduced[name] = items
    return report
