"""A mixed burst: 50 simultaneous case-review notifications and 50 escalation transitions. Nothing lost,
nothing duplicated, the audit log complete (run on PostgreSQL in CI; SQLite serialises writers)."""

from __future__ import annotations

import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from bot.authz import Role, grant
from storage.case_reviews import CaseReview
from storage.core import AuditLog
from storage.escalations import Escalation, EscalationEvent
from tests.case_reviews.helpers import BU_CHANNEL, configure, form
from tests.conftest import TEAM_ID
from tests.escalations.conftest import raise_values

MANAGER = "UMANAGER1"
CASES, ESCALATIONS = 50, 25


def _audit(db) -> Counter[str]:
    with db.session() as s:
        return Counter(dict(s.execute(select(AuditLog.action, func.count()).group_by(AuditLog.action)).all()))


def _wait(check, timeout: float = 90.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_mixed_burst_loses_and_duplicates_nothing(slack, fake_slack, db):
    configure(db, partnership="warrington")
    with db.session() as s:
        grant(s, TEAM_ID, MANAGER, Role.MANAGER)
    view = slack.open_modal("/escalate", user=MANAGER, channel=BU_CHANNEL)
    for _ in range(ESCALATIONS):
        assert not slack.submit(view, raise_values(), user=MANAGER).text
    assert _wait(lambda: _audit(db)["escalation.raised"] == ESCALATIONS)
    with db.session() as s:
        refs = s.scalars(select(Escalation.ref)).all()

    notify_view = slack.open_modal("/case-review", user="UPRACT01")

    def notify(i: int) -> int:
        return slack.submit(notify_view, form(), user=f"UPRACT{i:03d}").status

    def advance(ref: str) -> int:
        return slack.command("/escalate", f"advance {ref} Decision still not changed", user=MANAGER,
                             channel=BU_CHANNEL).status

    def note(ref: str) -> int:
        return slack.command("/escalate", f"note {ref} Chased the team manager", user=MANAGER,
                             channel=BU_CHANNEL).status

    with ThreadPoolExecutor(max_workers=50) as pool:
        futures = [pool.submit(notify, i) for i in range(CASES)]
        futures += [pool.submit(advance, r) for r in refs] + [pool.submit(note, r) for r in refs]
        statuses = [f.result() for f in futures]
    assert set(statuses) == {200}

    expected = {"case_review.notify": CASES, "escalation.advanced": ESCALATIONS, "escalation.noted": ESCALATIONS}
    assert _wait(lambda: all(_audit(db)[k] >= v for k, v in expected.items())), _audit(db)
    time.sleep(0.5)
    audit = _audit(db)
    assert {k: audit[k] for k in expected} == expected  # complete, and nothing twice
    with db.session() as s:
        references = s.scalars(select(CaseReview.ref)).all()
        assert len(references) == CASES and len(set(references)) == CASES
        assert sorted(int(r.rsplit("-", 1)[1]) for r in references) == list(range(1, CASES + 1))
        assert set(s.scalars(select(Escalation.step)).all()) == {2}
        kinds = Counter(s.scalars(select(EscalationEvent.kind)).all())
        assert kinds["note"] == ESCALATIONS and kinds["advance"] == ESCALATIONS
