"""The front door the 999 line names comes from the live knowledge base, which the business unit edits (red team,
thirteenth session, findings 5 and 6): an edit cannot put Slack's link or mention characters into a contact (the form
refuses them by field, so the 999 line can never carry a disguised link), and an approved version that no longer
validates (a later schema change) keeps the shipped entry instead of leaving the area with no front door. Signed
HTTP through the real edit flow; both were seen wrong on the commit before the change.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from bot.kbedit.ids import ActionId
from storage.kbedit import KnowledgeVersion
from tests.conftest import TEAM_ID
from tests.kbedit.helpers import BU, BU2, configure, edit_values, open_view_after

DOOR = "halton.front-door.childrens-social-care"
WORRY = "a year 3 girl says her mum's boyfriend burns her with cigarettes, what do i do"


def _safety_reply(slack, fake_slack, services) -> str:  # type: ignore[no-untyped-def]
    services.knowledge.refresh()
    n = len(fake_slack.calls_to("response_url"))
    slack.command("/safeguarding", WORRY, user="UPRACT01")
    return json.dumps(fake_slack.wait_for("response_url", count=n + 1)[-1].params, ensure_ascii=False)


def test_a_contact_with_a_disguised_link_is_refused_by_field(slack, fake_slack, db) -> None:
    configure(db, fake_slack)
    view = open_view_after(slack, fake_slack, ActionId.EDIT, DOOR, BU)
    resp = slack.submit(view, edit_values(view, kb_reason="New web address for the front door",
                                          kb_contact_url="<https://example.org|halton.gov.uk>"), user=BU)
    assert resp.status == 200
    errors = json.loads(resp.text or "{}").get("errors") or {}
    assert any("http" in str(msg) for msg in errors.values()), resp.text


def test_a_stored_version_that_no_longer_validates_keeps_the_shipped_front_door(slack, fake_slack, db,
                                                                                 services) -> None:
    configure(db, fake_slack)
    content = services.knowledge.base.get(DOOR).model_dump(mode="json", exclude_none=True)
    content.pop("confirmed", None)
    content["field_from_an_older_schema"] = "x"  # how an old version reads after the schema moves on
    now = datetime.now(UTC)
    with db.session() as s:
        s.add(KnowledgeVersion(team_id=TEAM_ID, entry_id=DOOR, version=1, partnership="halton", change="edit",
                               content=content, draft_id=1, reason="an older edit", author_id=BU, approved_by=BU2,
                               drafted_at=now, approved_at=now))
    out = _safety_reply(slack, fake_slack, services)
    assert "call 999" in out and "Halton Borough Council children" in out, out[:600]
    assert "name no front door" not in out, out[:600]
