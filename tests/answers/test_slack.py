"""Answers through the real Slack protocol: signed HTTP in, recorded Web API calls out."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from bot.answers.ids import ActionId, BlockId
from bot.partnerships import get_workspace, set_channel_partnership, set_user_partnership
from storage.answers import AnswerFeedback, UnansweredQuestion
from storage.core import UserSetting
from tests.conftest import TEAM_ID

WIRRAL_CHANNEL = "CWIRRAL01"


def blocks_of(call: Any) -> list[dict[str, Any]]:
    blocks = call.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else blocks


def text_of(blocks: list[dict[str, Any]]) -> str:
    return "\n".join(b["text"]["text"] for b in blocks if b.get("type") == "section" and "text" in b)


def test_slash_question_gets_an_ephemeral_cited_answer_with_feedback(slack, fake_slack, db) -> None:
    with db.session() as s:
        get_workspace(s, TEAM_ID).partnership = "warrington"
    resp = slack.command("/safeguarding", "what happens at step 4 of the escalation process?")
    assert resp.status == 200
    reply = fake_slack.wait_for("response_url")[-1]
    assert reply["response_type"] == "ephemeral"
    blocks = blocks_of(reply)
    body = text_of(blocks)
    assert "written representations" in body and "_Source:" in body
    feedback = next(b for b in blocks if b.get("block_id") == BlockId.FEEDBACK.value)
    ids = [e["action_id"] for e in feedback["elements"]]
    assert ids == [ActionId.HELPFUL.value, ActionId.NOT_HELPFUL.value]
    assert feedback["elements"][0]["value"] == "warrington.escalation.professional-differences"


def test_off_topic_is_declined_and_recorded_screened(slack, fake_slack, db) -> None:
    slack.command("/safeguarding", "how do I claim mileage expenses? ring me on 07700 900123")
    reply = fake_slack.wait_for("response_url")[-1]
    assert "can't answer that" in reply["text"]
    with db.session() as s:
        rows = s.scalars(select(UnansweredQuestion)).all()
    assert len(rows) == 1 and rows[0].team_id == TEAM_ID
    assert "07700" not in rows[0].question and "[removed]" in rows[0].question


def test_topics_subcommand_lists_the_area(slack, fake_slack, db) -> None:
    with db.session() as s:
        set_channel_partnership(s, TEAM_ID, WIRRAL_CHANNEL, "wirral")
    slack.command("/safeguarding", "topics", channel=WIRRAL_CHANNEL)
    reply = fake_slack.wait_for("response_url")[-1]
    blocks = blocks_of(reply)
    assert blocks[0]["type"] == "header" and "Wirral" in blocks[0]["text"]["text"]
    assert "Supporting Families Enhancing Futures" in text_of(blocks)
    assert len(blocks) <= 50


def test_dm_is_answered_in_the_dm_with_the_users_area(slack, fake_slack, db) -> None:
    with db.session() as s:
        set_user_partnership(s, TEAM_ID, "UPRACT01", "halton")
    slack.dm("how often do the accountable officers meet?")
    post = fake_slack.wait_for("chat.postMessage")[-1]
    assert post["channel"] == "DUPRACT01"
    assert "every 6 months" in text_of(blocks_of(post))


def test_safety_worry_leads_with_999_and_front_door(slack, fake_slack, db) -> None:
    with db.session() as s:
        set_user_partnership(s, TEAM_ID, "UPRACT01", "cheshire-west-and-chester")
    slack.dm("a child has told me she is being hurt at home")
    post = fake_slack.wait_for("chat.postMessage")[-1]
    body = text_of(blocks_of(post))
    assert body.index("999") < body.index("i-ART")
    assert "999" in post["text"]


def test_mention_is_answered_in_a_thread(slack, fake_slack) -> None:
    slack.mention("what is a LADO?")
    post = fake_slack.wait_for("chat.postMessage")[-1]
    assert post["channel"] == "CGENERAL1" and post.get("thread_ts")
    assert "Local Authority Designated Officer" in text_of(blocks_of(post))


def test_feedback_button_from_before_questions_were_kept_is_still_stored(slack, fake_slack, db) -> None:
    resp = slack.action(ActionId.NOT_HELPFUL.value, "national.glossary.lado")  # a bare entry id, no question
    assert resp.status == 200
    fake_slack.wait_for("response_url")
    with db.session() as s:
        rows = s.scalars(select(AnswerFeedback)).all()
    assert [(r.team_id, r.entry_id, r.helpful, r.question) for r in rows] == [
        (TEAM_ID, "national.glossary.lado", False, None)]


def test_feedback_for_unknown_entry_is_not_stored(slack, fake_slack, db) -> None:
    slack.action(ActionId.HELPFUL.value, "made.up.entry")
    assert "no longer" in fake_slack.wait_for("response_url")[-1]["text"]
    with db.session() as s:
        assert s.scalars(select(AnswerFeedback)).all() == []


def test_area_buttons_then_answer_for_the_chosen_area(slack, fake_slack) -> None:
    slack.command("/safeguarding", "how is the partnership funded?")
    reply = fake_slack.wait_for("response_url")[-1]
    areas = next(b for b in blocks_of(reply) if b.get("block_id") == BlockId.AREAS.value)
    halton = next(e for e in areas["elements"] if e["action_id"] == ActionId.CHOOSE_AREA.numbered("halton"))
    slack.action(halton["action_id"], halton["value"])
    answer = fake_slack.wait_for("response_url", count=2)[-1]
    assert "in-kind" in text_of(blocks_of(answer))


def test_suggestion_button_shows_that_entry(slack, fake_slack) -> None:
    value = json.dumps({"id": "wirral.process.sfef", "p": "wirral"})
    slack.action(ActionId.SUGGESTION.numbered(1), value)
    reply = fake_slack.wait_for("response_url")[-1]
    assert "Jan Horwath" in text_of(blocks_of(reply))


def test_app_home_shows_topics_and_area_select(slack, fake_slack, db) -> None:
    with db.session() as s:
        set_user_partnership(s, TEAM_ID, "UPRACT01", "warrington")
    slack.event({"type": "app_home_opened", "user": "UPRACT01", "channel": "DUPRACT01", "tab": "home"})
    view = fake_slack.wait_for("views.publish")[-1]
    assert view["user_id"] == "UPRACT01"
    v = view["view"] if isinstance(view["view"], dict) else json.loads(view["view"])
    area = next(b for b in v["blocks"] if b.get("block_id") == BlockId.HOME_AREA.value)
    assert area["accessory"]["initial_option"]["value"] == "warrington"
    assert "Warrington" in area["text"]["text"]


def test_choosing_area_in_app_home_saves_it_and_republishes(slack, fake_slack, db) -> None:
    option = {"text": {"type": "plain_text", "text": "Wirral"}, "value": "wirral"}
    slack.action(ActionId.HOME_AREA.value, view={"id": "VHOME", "type": "home"}, selected_option=option)
    fake_slack.wait_for("views.publish")
    with db.session() as s:
        assert s.get(UserSetting, (TEAM_ID, "UPRACT01")).partnership == "wirral"


def test_help_in_a_dm_shows_the_bots_help_and_is_not_recorded(slack, fake_slack, db) -> None:
    slack.dm("can you help me?")
    post = fake_slack.wait_for("chat.postMessage")[-1]
    body = text_of(blocks_of(post))
    assert "What I can help with" in body and "/safeguarding topics" in body
    assert not any(b.get("block_id") == BlockId.FEEDBACK.value for b in blocks_of(post))
    with db.session() as s:
        assert s.scalars(select(UnansweredQuestion)).all() == []


def test_another_area_is_declined_plainly(slack, fake_slack, db) -> None:
    slack.command("/safeguarding", "who do I contact in Manchester to escalate a disagreement with social care")
    reply = fake_slack.wait_for("response_url")[-1]
    body = text_of(blocks_of(reply))
    assert "not Manchester" in body and "_Source:" not in body


def test_button_values_never_carry_the_typed_identifiers(slack, fake_slack, db) -> None:
    """Slack stores button values: the area question and the "not helpful" copy are redacted first."""
    slack.command("/safeguarding", "how is the partnership funded? kayla asked")
    areas = json.dumps(fake_slack.wait_for("response_url")[-1].params)
    assert BlockId.AREAS.value in areas
    with db.session() as s:
        get_workspace(s, TEAM_ID).partnership = "warrington"
    slack.command("/safeguarding", "what happens at step 4 of the escalation process for kayla")
    answered = json.dumps(fake_slack.wait_for("response_url", count=2)[-1].params)
    assert BlockId.FEEDBACK.value in answered
    for sent in (areas, answered):
        assert "kayla" not in sent
