"""Right, or honestly not, through the real Slack protocol (signed HTTP in, recorded Web API calls out)."""

from __future__ import annotations

from sqlalchemy import select

from bot.partnerships import set_user_partnership
from storage.answers import UnansweredQuestion
from tests.answers.test_slack import blocks_of, text_of
from tests.conftest import TEAM_ID


def test_a_care_home_concern_points_to_adult_social_care_without_the_child_alarm(slack, fake_slack, db) -> None:
    slack.command("/safeguarding", "worried about a resident in an older peoples nursing home, who do I tell?")
    reply = fake_slack.wait_for("response_url")[-1]
    body = text_of(blocks_of(reply))
    assert "adult social care" in body and "999" not in body and "_Source:" not in body
    with db.session() as s:  # a decline is kept (screened) for the partnership's gaps review
        assert len(s.scalars(select(UnansweredQuestion)).all()) == 1


def test_a_phone_number_the_documents_do_not_give_is_declined_in_a_dm(slack, fake_slack, db) -> None:
    with db.session() as s:
        set_user_partnership(s, TEAM_ID, "UPRACT01", "warrington")
    slack.dm("what's the LADO phone number?")
    body = text_of(blocks_of(fake_slack.wait_for("chat.postMessage")[-1]))
    assert "no phone number" in body and "_Source:" not in body
    assert "Warrington" in body  # the contact line names the user's partnership


def test_practitioners_words_are_answered_through_a_mention(slack, fake_slack) -> None:
    slack.mention("who r the safeguarding partners in widnes? need it for a doc")
    post = fake_slack.wait_for("chat.postMessage")[-1]
    body = text_of(blocks_of(post))
    assert "Cheshire Constabulary" in body and "_Source:" in body


def test_a_timescale_for_another_process_is_not_answered_with_ours(slack, fake_slack) -> None:
    slack.command("/safeguarding", "how long does an EHCP assessment take in halton")
    body = text_of(blocks_of(fake_slack.wait_for("response_url")[-1]))
    assert "15 working days" not in body and "_Source:" not in body


def test_an_email_question_gets_the_entry_holding_the_email_through_a_dm(slack, fake_slack, db) -> None:
    with db.session() as s:
        set_user_partnership(s, TEAM_ID, "UPRACT01", "halton")
    slack.dm("which email do I use for questions about halton's levels of need")
    body = text_of(blocks_of(fake_slack.wait_for("chat.postMessage")[-1]))
    assert "cypolicy@halton.gov.uk" in body and "Levels of Need" in body and "_Source:" in body


def test_two_groups_named_in_a_command_are_both_answered_with_both_sources(slack, fake_slack) -> None:
    slack.command("/safeguarding", "what do the warrington impact forum and the strategic group each do")
    body = text_of(blocks_of(fake_slack.wait_for("response_url")[-1]))
    assert "Impact forum" in body and "Strategic safeguarding group" in body and body.count("_Source:") == 2


def test_a_slot_the_group_entry_does_not_state_is_declined_and_one_it_states_is_answered(slack, fake_slack, db) -> None:
    with db.session() as s:
        set_user_partnership(s, TEAM_ID, "UPRACT01", "halton")
    slack.dm("does the halton safeguarding executive group meet monthly?")
    body = text_of(blocks_of(fake_slack.wait_for("chat.postMessage")[-1]))
    assert "do not say how often" in body and "_Source:" not in body and "every 6 months" not in body
    slack.command("/safeguarding", "how often does the cheshire west child exploitation working group meet")
    body = text_of(blocks_of(fake_slack.wait_for("response_url")[-1]))
    assert "quarterly" in body and "_Source:" in body
