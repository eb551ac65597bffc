"""National entries (Working Together, the glossary) are admins' to edit: an admin finds them with
`/safeguarding kb <words>` beside the partnership's own and opens one; the business unit's search does not list them."""

from __future__ import annotations

from sqlalchemy import select

from bot.kbedit.ids import ActionId, BlockId
from storage.core import AuditLog
from tests.conftest import ADMIN
from tests.kbedit.helpers import BU, blocks_of, configure, initial, open_view_after, text_of, values_of

NATIONAL_ENTRY = "national.glossary.lado"


def test_an_admin_finds_and_opens_a_national_entry_the_business_unit_does_not_see(slack, fake_slack, db):
    configure(db, fake_slack)
    slack.command("/safeguarding", "kb what is a lado", user=ADMIN)
    found = fake_slack.wait_for("response_url")[-1]
    assert NATIONAL_ENTRY in values_of(found, ActionId.EDIT)
    slack.command("/safeguarding", f"kb {NATIONAL_ENTRY}", user=ADMIN)  # an id as typed
    assert values_of(fake_slack.wait_for("response_url", count=2)[-1], ActionId.EDIT)[0] == NATIONAL_ENTRY
    view = open_view_after(slack, fake_slack, ActionId.EDIT, NATIONAL_ENTRY, ADMIN)
    assert "LADO" in str(initial(view, BlockId.TITLE))

    slack.command("/safeguarding", "kb what is a lado", user=BU)
    assert NATIONAL_ENTRY not in values_of(fake_slack.wait_for("response_url", count=3)[-1], ActionId.EDIT)


def test_the_topic_browser_offers_national_topics_to_an_admin_and_refuses_them_to_the_business_unit(
        slack, fake_slack, db):
    configure(db, fake_slack)
    slack.command("/safeguarding", "kb", user=ADMIN)
    browse = fake_slack.wait_for("response_url")[-1]
    national = values_of(browse, ActionId.TOPIC.numbered(0))
    topics = {el["text"]["text"]: el["value"] for b in blocks_of(browse) if b["type"] == "actions"
              for el in b["elements"] if el["action_id"].startswith(ActionId.TOPIC.value)}
    assert topics["Glossary"] == "national|Glossary" and topics["Groups and meetings"] == "Groups and meetings"
    assert national  # the partnership's own topics come first
    slack.action(ActionId.TOPIC.numbered(99), topics["Glossary"], user=ADMIN)
    listed = fake_slack.wait_for("response_url", count=2)[-1]
    assert NATIONAL_ENTRY in values_of(listed, ActionId.EDIT) and "Glossary (national)" in text_of(listed)

    slack.command("/safeguarding", "kb", user=BU)
    own = fake_slack.wait_for("response_url", count=3)[-1]
    assert "national|" not in text_of(own)
    slack.action(ActionId.TOPIC.numbered(0), "Groups and meetings", user=BU)
    assert "halton.group.executive" in values_of(fake_slack.wait_for("response_url", count=4)[-1], ActionId.EDIT)
    slack.action(ActionId.TOPIC.numbered(99), "national|Glossary", user=BU)  # a forged button
    told = fake_slack.wait_for("response_url", count=5)[-1]
    assert NATIONAL_ENTRY not in text_of(told)
    with db.read() as s:
        refused = [(r.actor_id, r.after) for r in s.scalars(select(AuditLog).where(AuditLog.action == "kb.refused"))]
    assert refused == [(BU, {"attempted": "topic"})]
