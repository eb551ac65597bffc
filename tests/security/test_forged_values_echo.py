"""Forged button values say nothing back (red team, thirteenth session, finding 11): a case reference of no CR shape
is not echoed in "there is no case ...", a topic no Home tab offers posts no heading made of the value, and the
"notify my manager" modal carries only a known partnership in its metadata. The whole of every Slack call is
searched for the forged text. Each was seen echoing it on the commit before the change.
"""

from __future__ import annotations

import json
import time

import pytest

from bot.authz import Role, grant
from bot.partnerships import get_workspace
from tests.conftest import TEAM_ID

FORGED = "Rhiannon Pryce-Jones 4 Larch Close"


@pytest.mark.parametrize("action", ["case_review_correct", "answer_topic_0", "escalation_notify_manager"])
def test_a_forged_value_is_not_said_back(slack, fake_slack, db, action: str) -> None:
    with db.session() as s:
        ws = get_workspace(s, TEAM_ID)
        ws.partnership, ws.business_unit_channel = "halton", "CBU00001"
        grant(s, TEAM_ID, "UBUSUNIT1", Role.BUSINESS_UNIT)
    slack.action(action, FORGED, user="UBUSUNIT1", channel="CBU00001",
                 message={"ts": "1.000001", "type": "message", "text": ""})
    time.sleep(1.5)
    said = json.dumps([c.params for c in fake_slack.calls], ensure_ascii=False)
    assert fake_slack.calls, "the press got no answer at all"
    assert "Pryce" not in said and "Larch" not in said, said[:600]
