"""Issue #10 part 2, classes found with blind-l and own-answers7-a, through the real Slack protocol (signed HTTP
in, recorded Web API calls out): what the question names (a group, the asker's organisation, a later year, a year
range, a successor in post) decides the answer, not the words it shares with a loosely related entry."""

from __future__ import annotations

import pytest

from bot.partnerships import set_user_partnership
from tests.answers.test_slack import blocks_of, text_of
from tests.conftest import TEAM_ID


def _command(slack, fake_slack, question: str) -> str:
    slack.command("/safeguarding", question)
    return text_of(blocks_of(fake_slack.wait_for("response_url")[-1]))


def _dm(slack, fake_slack, db, partnership: str, question: str) -> str:
    with db.session() as s:
        set_user_partnership(s, TEAM_ID, "UPRACT01", partnership)
    slack.dm(question)
    return text_of(blocks_of(fake_slack.wait_for("chat.postMessage")[-1]))


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # Cheshire West's group asked of Halton: not answered with Halton's Safeguarding Practice Group
        ("how often does the runcorn practice improvement group meet", "Halton's arrangements name no Practice "
                                                                      "Improvement Group"),
        # written as its acronym
        ("who sits on the PIG in widnes", "Halton's arrangements name no Practice Improvement Group"),
        # Cheshire West's group asked of Wirral
        ("what does the wirral quality assurance and scrutiny group do", "Wirral's arrangements name no Quality "
                                                                         "Assurance and Scrutiny Group"),
    ],
)
def test_a_group_another_partnership_has_is_said_to_be_theirs(slack, fake_slack, question, says) -> None:
    body = _command(slack, fake_slack, question)
    assert says in body and "Cheshire West and Chester's" in body
    assert "_Source:" not in body


def test_the_partnerships_own_group_is_still_answered(slack, fake_slack) -> None:
    body = _command(slack, fake_slack, "what does the practice improvement group in chester do")
    assert "Practice Improvement Group" in body and "_Source:" in body and "name no" not in body


def test_a_later_year_asked_of_a_named_area_is_not_answered_with_the_national_update(slack, fake_slack) -> None:
    body = _command(slack, fake_slack, "what is different in the halton partnership since the 2023 guidance")
    assert "changed locally in or after 2023" in body and "_Source:" not in body
    assert "Working Together 2023" in body  # the national entry is offered, not answered


def test_the_national_update_is_still_answered_when_no_area_is_named(slack, fake_slack) -> None:
    body = _command(slack, fake_slack, "what is a lead safeguarding partner")
    assert "Working Together 2023" in body and "_Source:" in body


def test_an_organisation_asking_if_it_is_a_relevant_agency_gets_the_areas_list(slack, fake_slack, db) -> None:
    body = _dm(slack, fake_slack, db, "wirral", "i coach an under 12s netball team in heswall - are we a relevant "
                                                "agency?")
    assert "Relevant agencies in Wirral" in body and "_Source:" in body


def test_an_organisation_the_list_names_is_picked_out(slack, fake_slack, db) -> None:
    body = _dm(slack, fake_slack, db, "warrington", "citizens advice adviser here, are we part of the arrangements")
    assert "*Citizens Advice* is a relevant agency" in body or "Citizens Advice is a relevant agency" in body
    assert "Key delivery partner" in body and "_Source:" in body


def test_a_membership_question_about_another_area_is_still_declined(slack, fake_slack) -> None:
    body = _command(slack, fake_slack, "are we part of the knowsley arrangements as a youth club")
    assert "Knowsley" in body and "_Source:" not in body


def test_a_question_naming_one_group_in_full_is_answered_not_offered(slack, fake_slack) -> None:
    body = _command(slack, fake_slack, "senco at a warrington primary - could i go to the impact forum?")
    assert "Impact forum" in body and "_Source:" in body and "Did you mean" not in body


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # a year range the entry does not cover, however it is written (the entry quotes Working Together 2018)
        ("how many rapid reviews were there in wirral in 2018/19", "do not give that figure"),
        # who holds a post after someone the documents name moved on
        ("who has taken over as independent chair in cheshire west since gill frame", "date from 2019"),
        ("who is gill frame's successor", "date from 2019"),
        # an inflection of a national-guidance topic
        ("are foster carers allowed to smack in wirral", "do not cover smack"),
    ],
)
def test_what_the_documents_cannot_say_is_declined(slack, fake_slack, question, says) -> None:
    body = _command(slack, fake_slack, question)
    assert says in body and "_Source:" not in body


def test_a_range_the_entry_covers_is_still_answered(slack, fake_slack) -> None:
    body = _command(slack, fake_slack, "how many children did i-art get concerns about in 2017/2018 in cheshire west")
    assert "12,896" in body and "_Source:" in body


def test_a_child_living_with_a_family_friend_is_answered_with_private_fostering(slack, fake_slack) -> None:
    body = _command(slack, fake_slack, "what's the rule when a child lives with a family friend in chester")
    assert "28 days" in body and "_Source:" in body


def test_an_adults_elderly_parent_is_not_a_child_safety_alarm(slack, fake_slack) -> None:
    body = _command(slack, fake_slack, "my colleague's 82 year old dad is being financially abused by his carer in "
                                       "widnes")
    assert "999" not in body and "_Source:" not in body


def test_a_person_the_documents_name_is_answered_with_their_role(slack, fake_slack, db) -> None:
    body = _dm(slack, fake_slack, db, "warrington", "who's michelle creed?")
    assert "Michelle Creed" in body and "_Source:" in body and "Did you mean" not in body


def test_a_named_persons_mobile_is_declined(slack, fake_slack) -> None:
    body = _command(slack, fake_slack, "can i get paul boyce's mobile, wirral")
    assert "no phone number" in body and "_Source:" not in body


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # a contact word beside a person the documents name, without the words "phone number"
        ("what's the number to ring denise worth on", "no phone number"),
        ("email for andrew lewis please", "no email address"),
        ("direct number for the runcorn lado?", "no phone number"),
        # as asked today, "last year" is long after the 2019 documents
        ("how many children went missing in wirral last year", "date from 2019"),
    ],
)
def test_a_persons_contact_or_last_years_figure_is_declined(slack, fake_slack, question, says) -> None:
    body = _command(slack, fake_slack, question)
    assert says in body and "_Source:" not in body


def test_where_the_asker_read_it_does_not_pick_the_entry(slack, fake_slack, db) -> None:
    body = _dm(slack, fake_slack, db, "warrington", "how many children were missing according to the document?")
    assert "49" in body and "_Source:" in body


def test_a_remark_after_a_dash_does_not_sink_the_question(slack, fake_slack) -> None:
    body = _command(slack, fake_slack, "what are the relevant agencies in warrington - asking for our new starters "
                                       "pack")
    assert "Relevant agencies and key delivery partners in Warrington" in body and "_Source:" in body
