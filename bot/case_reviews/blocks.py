"""Block Kit for case reviews: the notification form, the case card, step and date-correction modals, lists."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot import blockkit as bk
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
from bot.mrkdwn import escape
from bot.timeutil import format_date
from knowledge.partnerships import PARTNERSHIPS, display_name
from storage.case_reviews import CaseReview

Block = bk.Block

# Which recorded date meets each deadline (to show "done" instead of a countdown).
MET_BY = {"panel_notification_due": "notified_on", "partners_informed_due": "partners_consulted_on",
          "rapid_review_due": "rapid_review_sent_on", "publication_due": "published_on",
          "report_to_panel_due": "report_sent_on"}


def _input(block_id: str, label: str, element: dict[str, Any], *, optional: bool = False,
           hint: str | None = None) -> Block:
    """An input whose answer the case-review forms read under VALUE."""
    return bk.input_block(block_id, label, element, action_id=VALUE, optional=optional, hint=hint)


def notify_modal(partnership: str | None, channel_id: str,
                 yours: list[str] | tuple[str, ...] = ()) -> dict[str, Any]:
    """The notification form; `yours`, the person's own open notifications, are named at the top."""
    partnership_el = bk.static_select(PARTNERSHIPS, initial=partnership)
    blocks = [bk.context(texts.YOURS_OPEN.format(refs=", ".join(yours)))] if yours else []
    blocks += [
        bk.context("Never enter a child's or family member's name, date of birth, address, NHS number or contact "
                   "details. The bot gives the case an anonymised reference: use only that."),
        _input(BlockId.PARTNERSHIP, "Partnership", partnership_el),
        _input(BlockId.AGENCY, "Notifying agency", bk.static_select(AGENCIES)),
        _input(BlockId.ROLE, "Your role", bk.text_input(max_length=MAX_LENGTH[BlockId.ROLE]), optional=True,
               hint="e.g. designated safeguarding lead"),
        _input(BlockId.INCIDENT, "Date the incident happened", bk.datepicker()),
        _input(BlockId.AWARE, "Date the local authority became aware", bk.datepicker(),
               hint="The 5-working-day deadline to notify the Panel runs from this date."),
        _input(BlockId.CRITERIA, "Criteria (tick all that apply)",
               {"type": "checkboxes", "options": bk.options(CRITERIA)}),
        _input(BlockId.AGE, "Child's age band", bk.static_select(AGE_BANDS)),
        _input(BlockId.AGENCIES, "Agencies involved with the child or family",
               {"type": "multi_static_select", "options": bk.options(AGENCIES)}, optional=True),
        _input(BlockId.SUMMARY, "Short summary (no names or identifying details)",
               bk.text_input(multiline=True, max_length=MAX_LENGTH[BlockId.SUMMARY]), optional=True),
    ]
    return bk.modal(CallbackId.NOTIFY, "Case Review Notification", "Notify", blocks,
                    NotifyMeta(channel_id=channel_id))


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
        bk.header(f"Case review {case.ref}"),
        bk.section(f"*State:* {_state_line(case)}\n*Partnership:* {display_name(case.partnership)}\n"
            f"*Criteria:* {criteria}\n*Age band:* {AGE_BANDS.get(case.age_band, case.age_band)} · "
            f"*Notified by:* {AGENCIES.get(case.notifying_agency, case.notifying_agency)}"),
        bk.section("*Deadlines* (England working days)\n" + "\n".join(deadline_lines(case, deadlines, today))),
        bk.context(" · ".join(f"{DATE_LABELS[n]}: {format_date(getattr(case, n))}"
                              for n in (*DATE_FIELDS, "planned_publication_on") if getattr(case, n))),
    ]
    if case.partnership == "cheshire-west-and-chester" and case.state in (State.NOTIFIED, State.PARTNERS_CONSULTED):
        blocks.append(bk.context(texts.CWAC_DCS_RULE))
    buttons: list[dict[str, Any]] = [
        bk.button(transition_action_id(t.action), t.label, case.ref, style="primary" if i == 0 else None)
        for i, t in enumerate(allowed_transitions(case.state))
    ]
    if case.state != State.CLOSED.value:
        buttons.append(bk.button(ActionId.CORRECT, "Correct dates", case.ref))
        blocks.append(bk.actions(BlockId.ACTIONS, buttons))
    return blocks


def card_text(case: CaseReview) -> str:
    return f"Case review {case.ref}: {_state_line(case)}"


def transition_modal(case: CaseReview, t: Transition, today: date, channel_id: str) -> dict[str, Any]:
    blocks: list[Block] = [bk.section(f"*{case.ref}* — {t.label}")]
    if t.action.value == "decide_not_to_notify" and case.partnership == "cheshire-west-and-chester":
        blocks.append(bk.context(texts.CWAC_DCS_RULE))
    blocks.append(_input(BlockId.HAPPENED, t.date_label, bk.datepicker(today)))
    if t.asks_publication_date:
        hint = ("The report to the Panel, SoS and Ofsted is due 7 working days before it. Publication is due "
                "within 6 months of the decision.")
        blocks.append(_input(BlockId.PUBLICATION, "Planned publication date",
                             bk.datepicker(case.planned_publication_on), optional=True, hint=hint))
    if t.needs_rationale:
        blocks.append(_input(BlockId.RATIONALE, "Rationale (no names or identifying details)",
                             bk.text_input(multiline=True, max_length=MAX_LENGTH[BlockId.RATIONALE])))
    meta = TransitionMeta(ref=case.ref, action=t.action, state=case.state, channel_id=channel_id)
    return bk.modal(CallbackId.TRANSITION, "Case review step", "Record", blocks, meta)


def correct_modal(case: CaseReview, channel_id: str) -> dict[str, Any]:
    blocks: list[Block] = [bk.section(f"*{case.ref}* — correct recorded dates. Deadlines are recomputed.")]
    for name in (*DATE_FIELDS, "planned_publication_on"):
        value = getattr(case, name)
        wanted = value is not None or (name == "planned_publication_on" and case.review_type == "local")
        if wanted and name != "closed_on":
            blocks.append(_input(date_block(name), DATE_LABELS[name], bk.datepicker(value),
                                 optional=name not in ("incident_on", "aware_on")))
    return bk.modal(CallbackId.CORRECT, "Correct dates", "Save", blocks,
                    CorrectMeta(ref=case.ref, channel_id=channel_id))


LIST_SHOWN = 50  # `/case-review list`; `list all` shows every open case
LIST_ALL = "`/case-review list all`"


def list_lines(rows: list[tuple[CaseReview, DeadlineStatus | None]]) -> list[str]:
    lines = []
    for case, nxt in rows:
        due = f"{nxt.label} {format_date(nxt.due)} — {_left(nxt)}" if nxt else "no deadline pending"
        lines.append(f"• *{case.ref}* · {STATE_LABELS[State(case.state)]} · {due}")
    return lines


def list_title(count: int) -> str:
    return f"*Open case reviews ({count})*, nearest deadline first"


def list_blocks(rows: list[tuple[CaseReview, DeadlineStatus | None]]) -> list[Block]:
    """The nearest `LIST_SHOWN` (overdue first), then an honest "…and N more — `/case-review list all`"."""
    if not rows:
        return [bk.section(texts.NO_OPEN)]
    body, _shown = listing.sections(list_lines(rows), max_blocks=listing.MESSAGE_BLOCKS - 1, more=LIST_ALL,
                                    limit=LIST_SHOWN)
    return [bk.section(list_title(len(rows))), *body]


def list_all_pages(rows: list[tuple[CaseReview, DeadlineStatus | None]]) -> list[list[Block]]:
    if not rows:
        return [[bk.section(texts.NO_OPEN)]]
    return listing.pages(list_title(len(rows)), list_lines(rows))


def show_blocks(case: CaseReview, deadlines: Deadlines, today: date) -> list[Block]:
    """The card plus summary and history; its buttons work here too (the card in the channel is updated)."""
    blocks = card(case, deadlines, today)
    actions = [b for b in blocks if b.get("type") == "actions"]
    blocks = [b for b in blocks if b.get("type") != "actions"]
    if case.summary:
        blocks.append(bk.section(f"*Summary*\n{escape(case.summary)}"))
    history = [f"• {format_date(e.happened_on) if e.happened_on else '—'}: {e.action.replace('_', ' ')}"
               + (f" — _{escape(e.rationale)}_" if e.rationale else "") for e in case.events]
    if history:
        blocks.append(bk.section("*History*\n" + "\n".join(history)))
    return blocks + actions


def confirmation(case: CaseReview, deadlines: Deadlines, today: date, note: str | None) -> tuple[str, list[Block]]:
    text = f"Thank you. Your notification is recorded as {case.ref}."
    blocks = [bk.section(f"Thank you. Your notification is recorded as *{case.ref}*. Use this reference, never "
                  "the child's name, in any follow-up."),
              bk.section("*Deadlines*\n" + "\n".join(deadline_lines(case, deadlines, today)))]
    if note:
        blocks.append(bk.section(note))
    return text, blocks
