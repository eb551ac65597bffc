"""Red team, fifth session: a fault in the middle of a change. The database fails just after Slack was
called, or Slack fails just after the commit: the person is told what was saved (or that nothing was), and
no half record is left. Real server, signed HTTP; the fault is injected when the fake Slack sees the call."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from storage.case_reviews import CaseReview
from tests.case_reviews.helpers import BU_CHANNEL, PRACT, configure, form
from tests.conftest import ADMIN
from tests.escalations.conftest import eventually
from tests.escalations.conftest import workspace as workspace  # the escalation tests' fixture


class BrokenAfter:
    """From the moment the fake Slack records a matching call, the database's writes fail (as an outage
    would); reads keep working unless `reads` is set."""

    def __init__(self, db, fake_slack, method: str, channel: str | None = None, reads: bool = False,  # type: ignore[no-untyped-def]
                 once: bool = False) -> None:
        self.db, self.broken, self.reads, self.once = db, threading.Event(), reads, once
        self._session, self._read = db.session, db.read

        def listener(call) -> None:  # type: ignore[no-untyped-def]
            if call.method == method and (channel is None or call.get("channel") == channel):
                self.broken.set()

        fake_slack.listeners.append(listener)
        db.session = self._guard(self._session)
        db.read = self._guard(self._read) if reads else self._read

    def _guard(self, real):  # type: ignore[no-untyped-def]
        @contextlib.contextmanager
        def guarded() -> Iterator[object]:
            if self.broken.is_set():
                if self.once:  # one brief fault: every later transaction works
                    self.heal()
                raise OperationalError("injected", {}, Exception("database went away"))
            with real() as s:
                yield s

        return guarded

    def heal(self) -> None:
        self.db.session, self.db.read = self._session, self._read


@pytest.fixture
def break_db_after(db, fake_slack):  # type: ignore[no-untyped-def]
    made: list[BrokenAfter] = []

    def make(method: str, channel: str | None = None, reads: bool = False, once: bool = False) -> BrokenAfter:
        made.append(BrokenAfter(db, fake_slack, method, channel, reads, once))
        return made[-1]

    yield make
    for b in made:
        b.heal()


def _dm_to(fake_slack, user: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(c.get("text", "")) for c in fake_slack.calls_to("chat.postMessage") if c.get("channel") == user]


@pytest.mark.parametrize("reads", [False, True])
def test_case_review_card_posted_then_database_fails_the_notifier_still_learns_the_reference(
        slack, fake_slack, db, break_db_after, reads):
    """The case is committed; the card goes to the business unit; then the database fails (saving the card's
    place, or reading the case back for the confirmation). The notifier must not be left thinking nothing
    happened (they would submit again and make a second case)."""
    configure(db)
    view = slack.open_modal("/case-review", user=PRACT)
    broken = break_db_after("chat.postMessage", channel=BU_CHANNEL, reads=reads)
    assert not slack.submit(view, form(), user=PRACT).text
    told = eventually(lambda: _dm_to(fake_slack, PRACT))
    broken.heal()
    assert told, "the notifier heard nothing"
    with db.session() as s:
        ref = s.scalars(select(CaseReview.ref)).one()
    assert ref in told[-1]


def test_reminder_saved_but_the_channel_refuses_the_confirmation_the_person_is_told_by_dm(slack, fake_slack, db):
    """The series is committed; the ephemeral confirmation fails (the bot is not in that channel). The person
    hears what was saved, and that the bot must be invited, in a DM."""
    from tests.security.test_tampered_forms import _reminder_values

    view = slack.open_modal("/reminders", "add", user=ADMIN, channel="CGROUP01")
    fake_slack.fail_next("chat.postEphemeral", "not_in_channel")
    assert not slack.submit(view, _reminder_values("CGROUP01"), user=ADMIN).text
    told = eventually(lambda: _dm_to(fake_slack, ADMIN))
    assert told and "Forum meeting" in told[-1] and "#" in told[-1]
    with db.session() as s:
        from storage.reminders import ReminderSeries

        assert s.scalar(select(func.count()).select_from(ReminderSeries)) == 1


def test_notify_my_manager_fails_at_slack_the_practitioner_is_told_it_did_not_go(slack, fake_slack, db):
    from bot.escalations.ids import BlockId
    from tests.escalations.conftest import MANAGER, PRACTITIONER
    from tests.slackclient import state

    slack.action("escalation_notify_manager", "warrington", user=PRACTITIONER)
    view = fake_slack.wait_for("views.open")[-1]["view"]
    fake_slack.fail_next("chat.postMessage", "internal_error", channel=MANAGER)
    values = state(**{BlockId.MANAGER.value: ("value", {"type": "users_select", "selected_user": MANAGER})})
    assert not slack.submit(view, values, user=PRACTITIONER).text
    told = eventually(lambda: _dm_to(fake_slack, PRACTITIONER))
    assert told and "couldn't send" in told[-1]


def _cards_in(fake_slack, channel: str, method: str = "chat.postMessage") -> list[dict]:  # type: ignore[no-untyped-def]
    return [c for c in fake_slack.calls_to(method) if c.get("channel") == channel
            and str(c.get("text", "")).startswith("Escalation ESC-")]


def test_escalation_card_place_lost_once_is_saved_on_retry_and_the_next_change_updates(
        slack, fake_slack, db, workspace, break_db_after):
    """Both cards are posted, then the database fails once as their places are saved. The save is retried,
    so the next change updates the two cards rather than posting them again."""
    from tests.escalations.conftest import ESC_CHANNEL, MANAGER, raise_one

    break_db_after("chat.postMessage", channel=ESC_CHANNEL, once=True)
    ref = raise_one(slack, fake_slack)
    assert eventually(lambda: places(db, ref)[1])
    slack.command("/escalate", f"note {ref} Chased the team manager", user=MANAGER, channel=ESC_CHANNEL)
    assert eventually(lambda: len(_cards_in(fake_slack, ESC_CHANNEL, "chat.update")) == 1)
    updated = eventually(lambda: {c.get("channel") for c in fake_slack.calls_to("chat.update")} - {ESC_CHANNEL})
    assert updated and all(ch.startswith("D") for ch in updated)  # the raiser's DM card too
    assert len(_cards_in(fake_slack, ESC_CHANNEL)) == 1 and len(_cards_in(fake_slack, MANAGER)) == 1


def places(db, ref: str) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    """The escalation's saved (dm_ts, card_ts)."""
    from storage.escalations import Escalation

    with db.read() as s:
        esc = s.scalars(select(Escalation).where(Escalation.ref == ref)).one()
        return esc.dm_ts, esc.card_ts


def test_escalation_raisers_card_refused_they_are_told_and_it_comes_with_the_next_change(
        slack, fake_slack, db, workspace):
    """Slack refuses the raiser's DM card (the modal has closed): the raiser gets a plain DM with the
    reference, and the card is posted with the next change (no place was kept for it)."""
    from tests.escalations.conftest import ESC_CHANNEL, MANAGER, raise_values

    view = slack.open_modal("/escalate", user=MANAGER, channel=ESC_CHANNEL)
    fake_slack.fail_next("chat.postMessage", "invalid_blocks", channel=MANAGER)
    assert not slack.submit(view, raise_values(), user=MANAGER).text
    told = eventually(lambda: [t for t in _dm_to(fake_slack, MANAGER) if "refused its card" in t])
    assert told, "the raiser heard nothing"
    ref = told[-1].split()[0]
    assert ref.startswith("ESC-") and places(db, ref)[0] is None
    slack.command("/escalate", f"note {ref} Chased the team manager", user=MANAGER, channel=ESC_CHANNEL)
    assert eventually(lambda: _cards_in(fake_slack, MANAGER))
    assert eventually(lambda: places(db, ref)[0])


def test_case_review_card_place_lost_once_is_saved_on_retry(slack, fake_slack, db, break_db_after):
    """The card is posted to the business unit, then the database fails once as its place is saved: the
    retry keeps the place, so later changes update the card in place."""
    configure(db)
    view = slack.open_modal("/case-review", user=PRACT)
    break_db_after("chat.postMessage", channel=BU_CHANNEL, once=True)
    assert not slack.submit(view, form(), user=PRACT).text

    def card_ts() -> str | None:
        with db.read() as s:
            return s.scalars(select(CaseReview.card_ts)).one_or_none()

    assert eventually(card_ts)


# -- an outage that outlasts the retry: the next change finds the card by its metadata and updates it ----------

def _logged(caplog, event: str, attempt: int = 2) -> bool:  # type: ignore[no-untyped-def]
    return any(event in r.getMessage() and f'"attempt": {attempt}' in r.getMessage() for r in caplog.records)


def test_escalation_card_place_lost_for_the_whole_outage_the_next_change_updates_both_cards(
        slack, fake_slack, db, workspace, break_db_after, caplog):
    """Both cards are posted, then every write fails until both attempts to save their places have failed.
    The next change finds each card in its conversation's history (by the escalation's id in the message
    metadata) and updates it, and keeps the place: no second card in the channel or the raiser's DMs."""
    import logging

    from tests.escalations.conftest import ESC_CHANNEL, MANAGER, raise_one

    caplog.set_level(logging.INFO)
    broken = break_db_after("chat.postMessage", channel=ESC_CHANNEL)
    ref = raise_one(slack, fake_slack)
    assert eventually(lambda: _logged(caplog, "escalation.card_place_failed"))
    broken.heal()
    assert places(db, ref) == (None, None)
    slack.command("/escalate", f"note {ref} Chased the team manager", user=MANAGER, channel=ESC_CHANNEL)
    assert eventually(lambda: len({c.get("channel") for c in fake_slack.calls_to("chat.update")}) == 2
                      or len(_cards_in(fake_slack, ESC_CHANNEL)) > 1)
    assert len(_cards_in(fake_slack, ESC_CHANNEL)) == 1 and len(_cards_in(fake_slack, MANAGER)) == 1
    assert {c.get("channel") for c in fake_slack.calls_to("chat.update")} == {ESC_CHANNEL, "D" + MANAGER}
    dm_ts, card_ts = eventually(lambda: all(places(db, ref)) and places(db, ref))
    assert {dm_ts, card_ts} == {c["ts"] for c in fake_slack.calls_to("chat.update")}


def test_case_review_card_place_lost_for_the_whole_outage_the_next_change_updates_the_card(
        slack, fake_slack, db, break_db_after):
    """The business unit's card is posted and its place lost (both attempts fail); the business unit's next
    change (corrected dates) updates that card, found by the case's id in its metadata, and keeps its place."""
    from tests.case_reviews.helpers import BU, view_of
    from tests.slackclient import date_value, state

    configure(db)
    view = slack.open_modal("/case-review", user=PRACT)
    broken = break_db_after("chat.postMessage", channel=BU_CHANNEL)
    assert not slack.submit(view, form(), user=PRACT).text
    assert eventually(lambda: _dm_to(fake_slack, PRACT))  # told after the place's two attempts
    broken.heal()
    with db.read() as s:
        case = s.scalars(select(CaseReview)).one()
        ref, lost = case.ref, case.card_ts
    assert lost is None
    posted = [c for c in fake_slack.calls_to("chat.postMessage") if c.get("channel") == BU_CHANNEL]
    assert len(posted) == 1
    before = len(fake_slack.calls_to("views.open"))
    slack.action("case_review_correct", ref, user=BU, channel=BU_CHANNEL, message={"ts": "1.0", "text": ""})
    correct = view_of(fake_slack.wait_for("views.open", count=before + 1)[-1])
    resp = slack.submit(correct, state(cr_date_incident_on=date_value("2026-03-30"),
                                       cr_date_aware_on=date_value("2026-03-31")), user=BU)
    assert "errors" not in resp.text, resp.text

    def card_ts() -> str | None:
        with db.read() as s:
            return s.scalars(select(CaseReview.card_ts)).one()

    assert eventually(card_ts) == fake_slack.wait_for("chat.update")[-1]["ts"]
    assert [c for c in fake_slack.calls_to("chat.postMessage") if c.get("channel") == BU_CHANNEL] == posted


def test_escalation_card_and_its_fallback_refused_the_raisers_list_names_it(slack, fake_slack, db, workspace):
    """Slack refuses the raiser's card and then the plain DM too (logged by ids, left for the next change).
    The raiser's next `/escalate list` names the reference, even past the list's cut (45 lines), here with 46
    of the partnership's escalations due as soon as it."""
    import time_machine

    from bot.escalations import service as esc_service
    from bot.escalations.fields import Category
    from bot.escalations.routes import snapshot_route
    from knowledge import load_knowledge_base
    from storage.escalations import Escalation
    from tests.conftest import TEAM_ID
    from tests.escalations.conftest import ESC_CHANNEL, MANAGER, OTHER_MANAGER, london, raise_values

    with time_machine.travel(london(2026, 3, 16, 10), tick=True):
        route = snapshot_route(load_knowledge_base(), "warrington")
        with db.session() as s:
            for i in range(46):
                request = esc_service.RaiseRequest(partnership="warrington", case_ref=f"LCS-{i:05d}", agency="Police",
                                                   category=next(iter(Category)), tried="Discussed twice.",
                                                   outcome_wanted="A strategy discussion.")
                esc_service.raise_escalation(s, team_id=TEAM_ID, user_id=OTHER_MANAGER, request=request, route=route)
        view = slack.open_modal("/escalate", user=MANAGER, channel=ESC_CHANNEL)
        fake_slack.fail_next("chat.postMessage", "invalid_blocks", times=2, channel=MANAGER)
        assert not slack.submit(view, raise_values(), user=MANAGER).text
        assert eventually(lambda: len([c for c in fake_slack.calls if c.method == "chat.postMessage"
                                       and c.get("channel") == MANAGER]) == 2)
        with db.read() as s:
            ref = s.scalars(select(Escalation.ref).where(Escalation.raised_by == MANAGER)).one()
        before = len(fake_slack.calls_to("response_url"))
        slack.command("/escalate", "list", user=MANAGER, channel=ESC_CHANNEL)
        reply = json.dumps(fake_slack.wait_for("response_url", count=before + 1)[-1].params)
    assert ref in reply and "not reached your DMs" in reply


def test_case_review_confirmation_and_its_fallback_refused_the_notifiers_next_form_names_it(
        slack, fake_slack, db):
    """The notifier's confirmation and the plain DM after it are both refused: their next `/case-review`
    form names the stored reference, so they do not notify it again."""
    configure(db)
    view = slack.open_modal("/case-review", user=PRACT)
    fake_slack.fail_next("chat.postMessage", "invalid_blocks", times=2, channel=PRACT)
    assert not slack.submit(view, form(), user=PRACT).text
    assert eventually(lambda: len([c for c in fake_slack.calls if c.method == "chat.postMessage"
                                   and c.get("channel") == PRACT]) == 2)
    with db.read() as s:
        ref = s.scalars(select(CaseReview.ref)).one()
    again = slack.open_modal("/case-review", user=PRACT)
    assert ref in str(again["blocks"][0])
