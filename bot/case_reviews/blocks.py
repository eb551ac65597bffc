"""Block Kit for case reviews: the notification form, the case card, step and date-correction modals, lists."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot import listing
from bot.case_reviews import texts
from bot.case_reviews.deadlines import Deadlines, DeadlineStatus, statuses
from bot.case_reviews.forms import AGE_BANDS, AGENCIES, CRITERIA, MAX_LENGTH
from bot.case_reviews.ids import (
    VALUE,
    ActionId,
    BlockId,
    CallbackId,
    CorrectMeta,
    NotifyMeta,
    TransitionMeta,
    date_block,
    transition_action_id,
)
from bot.case_reviews.service import DATE_FIELDS, DATE_LABELS
from bot.case_reviews.states import OUTCOME_LABELS, STATE_LABELS, State, Transition, allowed_transitions
from bot.timeutil import format_date
from knowledge.partnerships import PARTNERSHIPS, display_name
from storage.case_reviews import CaseReview

Block = dict[str, Any]

# Which recorded date meets each deadline (to show "done" instead of a countdown).
MET_BY = {"panel_notification_due": "notified_on", "partners_informed_due": "partners_consulted_on",
          "rapid_review_due": "rapid_review_sent_on", "publication_due": "published_on",
          "report_to_panel_due": "report_sent_on"}


def _pt(s: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": s[:150], "emoji": False}


def _md(s: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": s[:3000]}}


def _context(s: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": s[:3000]}]}


def _options(choices: dict[str, str]) -> list[dict[str, Any]]:
    return [{"text": _pt(label), "value": value} for value, label in choices.items()]


def _input(block_id: str, label: str, element: dict[str, Any], *, optional: bool = False,
           hint: str | None = None) -> Block:
    block: Block = {"type": "input", "block_id": block_id, "label": _pt(label),
                    "element": {"action_id": VALUE, **element}, "optional": optional}
    if hint:
        block["hint"] = _pt(hint)
    return block


def _datepicker(initial: date | None = None) -> dict[str, Any]:
    el: dict[str, Any] = {"type": "datepicker"}
    if initial:
        el["initial_date"] = initial.isoformat()
    return el


def _modal(callback: str, title: str, submit: str, blocks: list[Block], meta: str) -> dict[str, Any]:
    return {"type": "modal", "callback_id": callback, "title": _pt(title[:24]), "submit": _pt(submit),
            "close": _pt("Cancel"), "private_metadata": meta, "blocks": blocks}


def notify_modal(partnership: str | None, channel_id: str) -> dict[str, Any]:
    partnership_el: dict[str, Any] = {"type": "static_select", "options": _options(PARTNERSHIPS)}
    if partnership in PARTNERSHIPS:
        partnership_el["initial_option"] = {"text": _pt(PARTNERSHIPS[partnership]), "value": partnership}
    blocks = [
        _context("Never enter a child's or family member's name, date of birth, address, NHS number or contact "
                 "details. The bot gives the case an anonymised reference: use only that."),
        _input(BlockId.PARTNERSHIP, "Partnership", partnership_el),
        _input(BlockId.AGENCY, "Notifying agency", {"type": "static_select", "options": _options(AGENCIES)}),
        _input(BlockId.ROLE, "Your role", {"type": "plain_text_input", "max_length": MAX_LENGTH[BlockId.ROLE]},
               optional=True,
               hint="e.g. designated safeguarding lead"),
        _input(BlockId.INCIDENT, "Date the incident happened", _datepicker()),
        _input(BlockId.AWARE, "Date the local authority became aware", _datepicker(),
               hint="The 5-working-day deadline to notify the Panel runs from this date."),
        _input(BlockId.CRITERIA, "Criteria (tick all that apply)",
               {"type": "checkboxes", "options": _options(CRITERIA)}),
        _input(BlockId.AGE, "Child's age band", {"type": "static_select", "options": _options(AGE_BANDS)}),
        _input(BlockId.AGENCIES, "Agencies involved with the child or family",
               {"type": "multi_static_select", "options": _options(AGENCIES)}, optional=True),
        _input(BlockId.SUMMARY, "Short summary (no names or identifying details)",
               {"type": "plain_text_input", "multiline": True, "max_length": MAX_LENGTH[BlockId.SUMMARY]},
               optional=True),
    ]
    return _modal(CallbackId.NOTIFY, "Case Review Notification", "Notify",
                  blocks, NotifyMeta(channel_id=channel_id).model_dump_json())


def _left(st: DeadlineStatus) -> str:
    if st.working_days_left > 0:
        n = st.working_days_left
        return f"{n} working day{'s' if n != 1 else ''} left"
    if st.working_days_left == 0:
        return "*due today*"
    n = -st.working_days_left
    return f":warning: *{n} working day{'s' if n != 1 else ''} overdue*"


def deadline_lines(case: CaseReview, deadlines: Deadlines, today: date) -> list[str]:
    lines = []
    for st in statuses(deadlines, case.state, today):
        when = format_date(st.due)
        met_on = getattr(case, MET_BY[st.name])
        if st.open:
            lines.append(f"• {st.label}: {when} — {_left(st)}")
        elif met_on:
            late = met_on > st.due
            lines.append(f"• {st.label}: {when} — done {format_date(met_on)}{' (late)' if late else ''}")
        else:
            lines.append(f"• {st.label}: {when} — not needed")
    return lines


def _state_line(case: CaseReview) -> str:
    label = STATE_LABELS[State(case.state)]
    if case.state == State.CLOSED.value and case.outcome:
        label += f" ({OUTCOME_LABELS.get(case.outcome, case.outcome)})"
    return label


def card(case: CaseReview, deadlines: Deadlines, today: date) -> list[Block]:
    criteria = ", ".join(CRITERIA[c].lower() for c in case.criteria if c in CRITERIA)
    blocks: list[Block] = [
        {"type": "header", "text": _pt(f"Case review {case.reference}")},
        _md(f"*State:* {_state_line(case)}\n*Partnership:* {display_name(case.partnership)}\n"
            f"*Criteria:* {criteria}\n*Age band:* {AGE_BANDS.get(case.age_band, case.age_band)} · "
            f"*Notified by:* {AGENCIES.get(case.notifying_agency, case.notifying_agency)}"),
        _md("*Deadlines* (England working days)\n" + "\n".join(deadline_lines(case, deadlines, today))),
        _context(" · ".join(f"{DATE_LABELS[n]}: {format_date(getattr(case, n))}"
                            for n in (*DATE_FIELDS, "planned_publication_on") if getattr(case, n))),
    ]
    if case.partnership == "cheshire-west-and-chester" and case.state in (State.NOTIFIED, State.PARTNERS_CONSULTED):
        blocks.append(_context(texts.CWAC_DCS_RULE))
    buttons: list[dict[str, Any]] = [
        {"type": "button", "action_id": transition_action_id(t.action), "text": _pt(t.label),
         "value": case.reference, **({"style": "primary"} if i == 0 else {})}
        for i, t in enumerate(allowed_transitions(case.state))
    ]
    if case.state != State.CLOSED.value:
        buttons.append({"type": "button", "action_id": ActionId.CORRECT, "text": _pt("Correct dates"),
                        "value": case.reference})
        blocks.append({"type": "actions", "block_id": BlockId.ACTIONS, "elements": buttons})
    return blocks


def card_text(case: CaseReview) -> str:
    return f"Case review {case.reference}: {_state_line(case)}"


def transition_modal(case: CaseReview, t: Transition, today: date, channel_id: str) -> dict[str, Any]:
    blocks: list[Block] = [_md(f"*{case.reference}* — {t.label}")]
    if t.action.value == "decide_not_to_notify" and case.partnership == "cheshire-west-and-chester":
        blocks.append(_context(texts.CWAC_DCS_RULE))
    blocks.append(_input(BlockId.HAPPENED, t.date_label, _datepicker(today)))
    if t.asks_publication_date:
        blocks.append(_input(BlockId.PUBLICATION, "Planned publication date", _datepicker(case.planned_publication_on),
                             optional=True, hint="The report to the Panel, SoS and Ofsted is due 7 working days "
                                                 "before it. Publication is due within 6 months of the decision."))
    if t.needs_rationale:
        blocks.append(_input(BlockId.RATIONALE, "Rationale (no names or identifying details)",
                             {"type": "plain_text_input", "multiline": True,
                              "max_length": MAX_LENGTH[BlockId.RATIONALE]}))
    meta = TransitionMeta(ref=case.reference, action=t.action, state=case.state, channel_id=channel_id)
    return _modal(CallbackId.TRANSITION, "Case review step", "Record", blocks, meta.model_dump_json())


def correct_modal(case: CaseReview, channel_id: str) -> dict[str, Any]:
    blocks: list[Block] = [_md(f"*{case.reference}* — correct recorded dates. Deadlines are recomputed.")]
    for name in (*DATE_FIELDS, "planned_publication_on"):
        value = getattr(case, name)
        wanted = value is not None or (name == "planned_publication_on" and case.review_type == "local")
        if wanted and name != "closed_on":
            blocks.append(_input(date_block(name), DATE_LABELS[name], _datepicker(value),
                                 optional=name not in ("incident_on", "aware_on")))
    return _modal(CallbackId.CORRECT, "Correct dates", "Save", blocks,
                  CorrectMeta(ref=case.reference, channel_id=channel_id).model_dump_json())


LIST_SHOWN = 50  # `/case-review list`; `list all` shows every open case
LIST_ALL = "`/case-review list all`"


def list_lines(rows: list[tuple[CaseReview, DeadlineStatus | None]]) -> list[str]:
    lines = []
    for case, nxt in rows:
        due = f"{nxt.label} {format_date(nxt.due)} — {_left(nxt)}" if nxt else "no deadline pending"
        lines.append(f"• *{case.reference}* · {STATE_LABELS[State(case.state)]} · {due}")
    return lines


def list_title(count: int) -> str:
    return f"*Open case reviews ({count})*, nearest deadline first"


def list_blocks(rows: list[tuple[CaseReview, DeadlineStatus | None]]) -> list[Block]:
    """The nearest `LIST_SHOWN` (overdue first), then an honest "…and N more — `/case-review list all`"."""
    if not rows:
        return [_md(texts.NO_OPEN)]
    body, _shown = listing.sections(list_lines(rows), max_blocks=listing.MESSAGE_BLOCKS - 1, more=LIST_ALL,
                                    limit=LIST_SHOWN)
    return [_md(list_title(len(rows))), *body]


def list_all_pages(rows: list[tuple[CaseReview, DeadlineStatus | None]]) -> list[list[Block]]:
    if not rows:
        return [[_md(texts.NO_OPEN)]]
    return listing.pages(list_title(len(rows)), list_lines(rows))


def show_blocks(case: CaseReview, deadlines: Deadlines, today: date) -> list[Block]:
    """The card plus summary and history; its buttons work here too (the card in the channel is updated)."""
    blocks = card(case, deadlines, today)
    actions = [b for b in blocks if b.get("type") == "actions"]
    blocks = [b for b in blocks if b.get("type") != "actions"]
    if case.summary:
        blocks.append(_md(f"*Summary*\n{case.summary}"))
    history = [f"• {format_date(e.happened_on) if e.happened_on else '—'}: {e.action.replace('_', ' ')}"
               + (f" — _{e.rationale}_" if e.rationale else "") for e in case.events]
    if history:
        blocks.append(_md("*History*\n" + "\n".join(history)))
    return blocks + actions


def confirmation(case: CaseReview, deadlines: Deadlines, today: date, note: str | None) -> tuple[str, list[Block]]:
    text = f"Thank you. Your notification is recorded as {case.reference}."
    blocks = [_md(f"Thank you. Your notification is recorded as *{case.reference}*. Use this reference, never "
                  "the child's name, in any follow-up."),
              _md("*Deadlines*\n" + "\n".join(deadline_lines(case, deadlines, today)))]
    if note:
        blocks.append(_md(note))
    return text, blocks
