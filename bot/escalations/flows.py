"""What follows an escalation change: the tracking actions in one transaction, then the cards in Slack.

`act` authorises and applies one action (advance, note, resolve, withdraw) in one transaction, the step
reminders with it (bot.escalations.service lays them). A refusal changes nothing and is returned, not
written: the listener audits it and replies through handlers.authorize.refuse, the one refusal path.
`publish` posts or updates the raiser's and the channel's cards after the commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session

from bot.authz import Role
from bot.cardplace import card_metadata, find_lost, save_place
from bot.escalations import blocks, contacts, service, texts
from bot.escalations.fields import check_text
from bot.escalations.states import Action, TransitionError
from bot.logs import get_logger
from bot.partnerships import escalation_channel
from storage import audit
from storage.db import Database
from storage.escalations import Escalation

log = get_logger(__name__)


@dataclass(frozen=True)
class Outcome:
    """What became of one action: done or not, what to tell the person, and (refused) the reference to audit."""

    done: bool
    message: str
    refused: str | None = None
    reason: str | None = None  # why it was refused: "not_found" or "not_permitted" (for the log line)


def _permitted(s: Session, team_id: str, user_id: str, roles: frozenset[Role], assigned: str | None, ref: str,
               *, lock: bool = False) -> tuple[Escalation | None, Outcome | None]:
    """The escalation when this person may act on it, else the refusal (not found, or not theirs)."""
    try:
        esc = service.find(s, team_id, ref, lock=lock)
    except service.EscalationNotFound:
        return None, Outcome(False, texts.NOT_FOUND.format(ref=service.safe_ref(ref)), refused=ref, reason="not_found")
    if not service.may_act(esc, user_id, roles, assigned):
        return None, Outcome(False, texts.NOT_YOURS.format(ref=esc.ref), refused=esc.ref,
                             reason="not_permitted")
    return esc, None


def refusal(db: Database, team_id: str, user_id: str, roles: frozenset[Role], assigned: str | None,
            ref: str) -> Outcome | None:
    """The refusal when this person may not act on this escalation, else None: checked (read-only) before any
    typed text is screened, so a refused person's text is never looked at."""
    with db.read() as s:
        return _permitted(s, team_id, user_id, roles, assigned, ref)[1]


def act(db: Database, team_id: str, user_id: str, roles: frozenset[Role], assigned: str | None, ref: str,
        action: Action, text: str | None) -> Outcome:
    """Authorise and apply one tracking action in one transaction (the row locked while it changes)."""
    with db.session() as s:
        esc, refused = _permitted(s, team_id, user_id, roles, assigned, ref, lock=True)
        if esc is None:
            assert refused is not None
            log.info("escalation.refused", ref=service.safe_ref(refused.refused), action=action.value,
                     reason=refused.reason)
            return refused
        if text and (msg := check_text(text, required=False)):  # screened only once permitted, within the limit
            return Outcome(False, f":warning: {msg} Nothing was saved.")
        try:
            service.apply(s, esc, action, actor=user_id, text=text)
        except TransitionError as exc:
            return Outcome(False, f"{esc.ref}: {exc}")
        step = service.route_of(esc).step(esc.step)
        log.info("escalation.changed", ref=esc.ref, action=action.value, state=esc.state, step=esc.step)
        return Outcome(True, texts.DONE[action.value].format(ref=esc.ref, step=esc.step, title=step.title,
                                                             window=texts.window_line(esc.step_due_on)))


def publish(db: Database, client: WebClient, team_id: str, ref: str, *, fresh: bool = False) -> None:
    """Post the card to the raiser (DM) and the escalation channel, or update both in place.

    A card Slack refused keeps no place, so the next change posts it afresh: that is the record of what is
    owed, and no other is needed. A card whose place was lost (the database down past the retry) is found
    by its metadata in the conversation's history and updated, not posted again (bot.cardplace.find_lost);
    `fresh` (just raised) skips that look, as nothing was posted yet. The raiser alone may be left unaware
    (the modal has closed, and a channel card tells them nothing), so when their first card is refused they
    get a plain DM with the reference (the one fallback a closed modal leaves; no blocks, which are the usual
    cause); if that is refused too, `/escalate list` names it to them until their card is placed. The places
    are saved through bot.cardplace.save_place (retried once, else logged by ids)."""
    with db.session() as s:
        esc = service.find(s, team_id, ref)
        route = service.route_of(esc)
        mention = contacts.mention_for(s, team_id, esc.partnership, esc.agency)
        history = service.events(s, esc)
        cards = {"dm": blocks.card(esc, route, history, mention),  # the raiser: the full card
                 "card": blocks.card(esc, route, history, mention, full=False)}  # the channel: no free text
        text = blocks.card_text(esc, route)
        channel = escalation_channel(s, team_id)
        raiser, esc_id = esc.raised_by, esc.id
        targets = [("dm", esc.dm_channel or raiser, esc.dm_ts),
                   ("card", esc.card_channel or channel, esc.card_ts)]
    posted: dict[str, tuple[str, str]] = {}
    for name, where, ts in targets:
        if not where:
            continue
        if not ts and not fresh and (found := find_lost(client, where, "escalation", esc_id, ref=ref)):
            (where, ts), posted[name] = found, found  # update the card already there, and keep its place
        try:
            if ts:
                client.chat_update(channel=where, ts=ts, text=text, blocks=cards[name])
            else:
                resp = client.chat_postMessage(channel=where, text=text, blocks=cards[name],
                                               metadata=card_metadata("escalation", esc_id))
                posted[name] = (str(resp["channel"]), str(resp["ts"]))
        except SlackApiError as exc:
            log.warning("escalation.card_failed", ref=ref, target=name, error=exc.response.get("error"))
            if name == "dm" and not ts:
                _tell_raiser(client, raiser, ref)
    if posted:
        save_place(db, lambda s: service.set_messages(s, service.find(s, team_id, ref), dm=posted.get("dm"),
                                                      card=posted.get("card")),
                   event="escalation.card_place_failed", ref=ref)


def _tell_raiser(client: WebClient, raiser: str, ref: str) -> None:
    """The raiser's card was refused: a plain DM with the reference, so they do not raise it again."""
    try:
        client.chat_postMessage(channel=raiser, text=texts.CARD_NOT_SENT.format(ref=ref))
    except SlackApiError as exc:
        log.warning("escalation.card_notice_failed", ref=ref, error=exc.response.get("error"))


def record_manager_notified(db: Database, team_id: str, user_id: str, manager: str) -> None:
    """The practitioner asked their manager to talk (audited by ids only: no case details exist here)."""
    with db.session() as s:
        audit.record(s, team_id=team_id, actor_id=user_id, action="escalation.manager_notified",
                     entity_type="user", entity_id=manager)


def notify_manager(client: WebClient, user_id: str, manager: str) -> None:
    """A short DM to the manager asking to talk, and a note to the practitioner that it went."""
    try:
        client.chat_postMessage(channel=manager, text=texts.NOTIFY_DM.format(user=user_id))
    except SlackApiError as exc:  # the modal has closed: the practitioner must not think it went
        log.warning("escalation.notify_failed", error=exc.response.get("error"))
        sent = texts.NOTIFY_NOT_SENT.format(manager=manager)
    else:
        sent = texts.NOTIFY_SENT.format(manager=manager)
    try:
        client.chat_postMessage(channel=user_id, text=sent)
    except SlackApiError as exc:
        log.warning("escalation.notify_failed", error=exc.response.get("error"))
