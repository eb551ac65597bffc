"""The weekly gaps list reaches each business-unit member by DM (by default never the channel: no typed text there)
through the one reminder engine, exactly once, and "Write an answer" opens a new entry with the question as a
phrasing; an admin may send it to the business-unit channel instead (once a week there, audited)."""

from __future__ import annotations

import json

import time_machine
from sqlalchemy import select

from bot.answers.ids import ActionId as AnswerAction
from bot.jobs import lay_knowledge_reviews
from bot.kbedit.ids import ActionId, BlockId
from bot.reminders.engine import dispatch_once
from bot.slack import make_client
from storage.core import AuditLog
from tests.case_reviews.helpers import london
from tests.conftest import ADMIN
from tests.kbedit.helpers import BU, BU2, BU_CHANNEL, ENTRY, PRACT, QUESTION, configure, initial, text_of, view_of

UNANSWERED = "which car park should visitors use at the partnership offices"


def test_the_gaps_dm_goes_once_to_each_business_unit_member_and_write_an_answer_opens_a_draft(
        slack, fake_slack, db, services, settings):
    configure(db, fake_slack)
    with time_machine.travel(london(2026, 12, 3, 11), tick=True):  # Thursday: questions during the week
        for n, question in enumerate((UNANSWERED, UNANSWERED.upper(), QUESTION), 1):
            slack.command("/safeguarding", question, user=PRACT)
            fake_slack.wait_for("response_url", count=n)
        slack.action(AnswerAction.NOT_HELPFUL, json.dumps({"id": ENTRY, "q": QUESTION}), user=PRACT)
        fake_slack.wait_for("response_url", count=4)
    client = make_client(settings)
    with time_machine.travel(london(2026, 12, 7, 9, 30), tick=True):  # Monday
        for _ in range(2):
            lay_knowledge_reviews(services)
            dispatch_once(db, client, grace_hours=6)
    dms = [c for c in fake_slack.calls_to("chat.postMessage") if str(c.get("text")).startswith("Questions without")]
    assert sorted(c["channel"] for c in dms) == ["D" + BU, "D" + BU2]  # each member once, by DM; never the channel
    assert not [c for c in fake_slack.calls_to("chat.postMessage")
                if c["channel"] == BU_CHANNEL and UNANSWERED in text_of(c)]
    shown = text_of(dms[0])
    assert f"2× _{UNANSWERED}_" in shown.lower() and "marked not helpful" in shown.lower()
    assert "Funding (Halton)" in shown

    write = next(el for b in json.loads(json.dumps(dms[0].get("blocks"))) if b.get("accessory")
                 for el in [b["accessory"]])
    before = len(fake_slack.calls_to("views.open"))
    slack.action(write["action_id"], write["value"], user=BU)
    view = view_of(fake_slack.wait_for("views.open", count=before + 1)[-1])
    assert initial(view, BlockId.PHRASINGS).lower() == UNANSWERED and initial(view, BlockId.KIND) == "faq"
    assert write["action_id"].startswith(ActionId.WRITE)


def test_an_admin_may_send_the_gaps_to_the_business_unit_channel_instead_once_a_week(
        slack, fake_slack, db, services, settings):
    configure(db, fake_slack)
    slack.command("/safeguarding", "kb gaps channel", user=BU)  # not an admin: refused, nothing changes
    assert "permission" in str(fake_slack.wait_for("response_url")[-1].params.get("text"))
    slack.command("/safeguarding", "kb gaps channel", user=ADMIN)
    assert "business-unit channel" in str(fake_slack.wait_for("response_url", count=2)[-1].params.get("text"))
    with time_machine.travel(london(2026, 12, 3, 11), tick=True):
        slack.command("/safeguarding", UNANSWERED, user=PRACT)
        fake_slack.wait_for("response_url", count=3)
    client = make_client(settings)
    with time_machine.travel(london(2026, 12, 7, 9, 30), tick=True):
        for _ in range(2):
            lay_knowledge_reviews(services)
            dispatch_once(db, client, grace_hours=6)
    posts = [c for c in fake_slack.calls_to("chat.postMessage") if str(c.get("text")).startswith("Questions without")]
    assert [c["channel"] for c in posts] == [BU_CHANNEL]  # once, in the channel; no DMs
    assert f"1× _{UNANSWERED}_" in text_of(posts[0]).lower()
    write = next(b["accessory"] for b in posts[0]["blocks"] if b.get("accessory"))
    before = len(fake_slack.calls_to("views.open"))
    slack.action(write["action_id"], write["value"], user=BU, channel=BU_CHANNEL)
    view = view_of(fake_slack.wait_for("views.open", count=before + 1)[-1])
    assert initial(view, BlockId.PHRASINGS).lower() == UNANSWERED
    with db.read() as s:
        rows = [(a.action, a.actor_id, a.after) for a in s.scalars(select(AuditLog).where(
            AuditLog.action.in_(("kb.gaps_set", "kb.refused"))).order_by(AuditLog.id))]
    assert rows == [("kb.refused", BU, {"attempted": "gaps"}), ("kb.gaps_set", ADMIN, {"channel": True})]


# "did you mean": Thresholds and the front door ("... for a referral about parking" fell just under the suggestion bar
# when the knowledge upkeep pass added phrasings, and was then declined as near no topic)
THRESHOLD = "what is the threshold for parking"
# "did you mean": Escalation and disputes ("escalation about parking disputes" named a disputes entry's title and is
# answered since answers26)
ESCALATION = "conflict about the parking, ring 07700 900123"


def _under_headings(blocks: list[dict]) -> tuple[list[str], dict[str, str]]:
    """The topic headings in order, and each question (the section with a button) to the heading above it."""
    headings, under, current = [], {}, ""
    for b in blocks[2:]:
        if b["type"] != "section":  # the engine's snooze buttons
            continue
        shown = b["text"]["text"]
        if b.get("accessory"):
            under[shown.split("_")[1].lower()] = current
        elif shown.startswith("*"):
            current = shown.strip("*")
            headings.append(current)
    return headings, under


def test_the_gaps_are_grouped_by_the_topic_each_question_came_nearest_to(slack, fake_slack, db, services, settings):
    configure(db, fake_slack)
    with time_machine.travel(london(2026, 12, 3, 11), tick=True):
        for n, question in enumerate((THRESHOLD, UNANSWERED, ESCALATION, THRESHOLD), 1):
            slack.command("/safeguarding", question, user=PRACT)
            fake_slack.wait_for("response_url", count=n)
        slack.action(AnswerAction.NOT_HELPFUL, json.dumps({"id": ENTRY, "q": QUESTION}), user=PRACT)
        fake_slack.wait_for("response_url", count=5)
    client = make_client(settings)
    with time_machine.travel(london(2026, 12, 7, 9, 30), tick=True):
        lay_knowledge_reviews(services)
        dispatch_once(db, client, grace_hours=6)
    dm = next(c for c in fake_slack.calls_to("chat.postMessage")
              if str(c.get("text")).startswith("Questions without") and c["channel"] == "D" + BU)
    blocks = json.loads(json.dumps(dm["blocks"]))
    headings, under = _under_headings(blocks)
    # most asked topic first, "near no topic" after the topics with questions, a topic with only "not helpful" last
    assert headings == ["Thresholds and the front door", "Escalation and disputes", "Near no topic", "Processes"]
    assert under == {THRESHOLD: "Thresholds and the front door", "conflict about the parking, ring [removed]":
                     "Escalation and disputes", UNANSWERED: "Near no topic"}  # redacted as before
    assert "07700" not in text_of(dm) and "Funding (Halton): 1 not helpful" in text_of(dm)

    write = next(b["accessory"] for b in blocks if b.get("accessory") and "conflict" in b["text"]["text"])
    before = len(fake_slack.calls_to("views.open"))
    slack.action(write["action_id"], write["value"], user=BU)
    view = view_of(fake_slack.wait_for("views.open", count=before + 1)[-1])
    assert initial(view, BlockId.PHRASINGS) == "conflict about the parking, ring [removed]"
