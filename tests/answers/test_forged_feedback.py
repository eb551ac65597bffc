"""A "not helpful" button keeps its question for the business unit; the value comes back from Slack and can be
forged (red team, thirteenth session, finding 10): the question stored keeps no Slack ping, mention or disguised
link (they are Slack's own tokens, never a practitioner's words) and a NUL character fails nothing. Through signed
HTTP; seen storing the ping, and failing on the NUL under PostgreSQL, on the commit before the change.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from bot.answers.ids import ActionId
from storage.answers import AnswerFeedback


def test_a_forged_not_helpful_question_keeps_no_slack_tokens(slack, fake_slack, db) -> None:
    forged = json.dumps({"id": "national.glossary.lado", "q": "who is the <!channel> lado <@U0ALL> <https://evil.example|"
                                                           "gov.uk> now\u0000"})
    assert slack.action(ActionId.NOT_HELPFUL.value, forged).status == 200
    fake_slack.wait_for("response_url")
    with db.session() as s:
        stored = [r.question for r in s.scalars(select(AnswerFeedback)).all()]
    assert len(stored) == 1 and stored[0] is not None, stored
    assert "<" not in stored[0] and "evil.example" not in stored[0] and "\x00" not in stored[0], stored
    assert "who is the" in stored[0] and "lado" in stored[0], stored
