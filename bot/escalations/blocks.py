"""Block Kit for escalations: the raise modal, the card, the action modals, the route, the list."""

from __future__ import annotations

from typing import Any

from bot import listing
from bot.escalations import texts
from bot.escalations.fields import CATEGORY_LABELS
from bot.escalations.ids import ACTION_BUTTONS, VALUE, ActionId, ActMeta, BlockId, CallbackId, NotifyMeta, RaiseMeta
from bot.escalations.routes import RouteSnapshot, StepSnapshot
from bot.escalations.states import Action, State, allowed_actions
from bot.timeutil import format_date
from knowledge.partnerships import PARTNERSHIPS, display_name
from storage.escalations import Escalation, EscalationEvent

Block = dict[str, Any]


def _pt(text: str, limit: int = 75) -> dict[str, Any]:
    return {"type": "plain_text", "text": text if len(text) <= limit else text[: limit - 1] + "…"}


def _md(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:2990]}}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:2990]}]}


def _option(value: str, text: str) -> dict[str, Any]:
    return {"text": _pt(text), "value": value[:150]}


def _input(block_id: BlockId, label: str, element: dict[str, Any], *, optional: bool = False,
           hint: str | None = None) -> Block:
    block: Block = {"type": "input", "block_id": block_id.value, "label": _pt(label, 2000),
                    "element": {**element, "action_id": VALUE}, "optional": optional}
    if hint:
        block["hint"] = _pt(hint, 2000)
    return block


def _text_input(multiline: bool = True, max_length: int = 2000) -> dict[str, Any]:
    return {"type": "plain_text_input", "multiline": multiline, "max_length": max_length}


def _carry(blocks: list[Block], values: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Keep what the person already typed or chose when the modal is rebuilt (a choice that is no longer
    offered, e.g. another partnership's agency, is dropped)."""
    for block in blocks:
        state = (values.get(str(block.get("block_id"))) or {}).get(VALUE) or {}
        element = block.get("element") or {}
        if block.get("block_id") == BlockId.PARTNERSHIP.value or not state:
            continue
        if element.get("type") == "plain_text_input" and state.get("value"):
            element["initial_value"] = str(state["value"])
        elif element.get("type") == "static_select" and state.get("selected_option"):
            chosen = state["selected_option"].get("value")
            match = [o for o in element["options"] if o["value"] == chosen]
            if match:
                element["initial_option"] = match[0]
            else:
                element.pop("initial_option", None)


def raise_modal(partnership: str | None, agencies: list[str], route: RouteSnapshot | None, meta: RaiseMeta,
                keep: dict[str, dict[str, dict[str, Any]]] | None = None) -> Block:
    """The `/escalate` form. Changing the partnership sends a block action (`dispatch_action`) and the handler
    rebuilds the form for it with `keep` (the view's state values) so nothing typed is lost."""
    area = {"type": "static_select", "options": [_option(s, n) for s, n in PARTNERSHIPS.items()]}
    if partnership in PARTNERSHIPS:
        area["initial_option"] = _option(partnership, PARTNERSHIPS[partnership])
    blocks: list[Block] = [
        _context("Never type a child's or family member's name or details: use the anonymised case reference."),
        {**_input(BlockId.PARTNERSHIP, "Partnership", area), "dispatch_action": True},
        _input(BlockId.CASE_REF, "Case reference (anonymised)", _text_input(False, 40),
               hint="The reference in your agency's system, e.g. LCS-204518. Never a name."),
    ]
    if agencies:
        blocks.append(_input(BlockId.AGENCY, "Agency the disagreement is with",
                             {"type": "static_select", "options": [_option(a, a) for a in agencies[:100]]},
                             optional=True, hint="Or type it in the next field."))
    blocks += [
        _input(BlockId.AGENCY_OTHER, "Agency (if not in the list)" if agencies else "Agency the disagreement is with",
               _text_input(False, 200), optional=bool(agencies)),
        _input(BlockId.CATEGORY, "What is the disagreement about?",
               {"type": "static_select", "options": [_option(c.value, label) for c, label in CATEGORY_LABELS.items()]}),
    ]
    if route is not None and route.last_step > 1:
        steps = {"type": "static_select", "options": [_option(str(s.number), f"Step {s.number}: {s.title}")
                                                      for s in route.steps]}
        steps["initial_option"] = steps["options"][0]
        blocks.append(_input(BlockId.START_STEP, "Start at", steps, optional=True,
                             hint="Step 1 unless the earlier steps have already been tried."))
    blocks += [
        _input(BlockId.TRIED, "What has been tried already?", _text_input()),
        _input(BlockId.OUTCOME_WANTED, "What outcome do you want?", _text_input()),
    ]
    if keep:
        _carry(blocks, keep)
    return {"type": "modal", "callback_id": CallbackId.RAISE.value, "title": _pt("Raise an escalation", 24),
            "submit": _pt("Raise"), "close": _pt("Cancel"), "private_metadata": meta.model_dump_json(),
            "blocks": blocks}


def step_line(step: StepSnapshot, due: Any) -> str:
    window = f" ({step.window.describe()})" if step.window else ""
    close = f"Window closes *{format_date(due)}*" if due else f"_{texts.NO_WINDOW}_"
    return f"*Step {step.number}: {step.title}*{window}\n*Who acts:* {step.who}\n{step.action}\n{close}"


def card(
    esc: Escalation, route: RouteSnapshot, history: list[EscalationEvent], mention: str | None = None
) -> list[Block]:
    state = State(esc.state)
    status = {State.OPEN: f"Open, step {esc.step} of {route.last_step}",
              State.RESOLVED: f"Resolved {format_date(esc.closed_on)}" if esc.closed_on else "Resolved",
              State.WITHDRAWN: f"Withdrawn {format_date(esc.closed_on)}" if esc.closed_on else "Withdrawn"}[state]
    blocks: list[Block] = [
        {"type": "header", "text": _pt(f"Escalation {esc.ref}", 150)},
        {"type": "section", "fields": [
            {"type": "mrkdwn", "text": f"*Status*\n{status}"},
            {"type": "mrkdwn", "text": f"*Partnership*\n{display_name(esc.partnership)}"},
            {"type": "mrkdwn", "text": f"*With*\n{esc.agency[:200]}" + (f" ({mention})" if mention else "")},
            {"type": "mrkdwn", "text": f"*About*\n{CATEGORY_LABELS.get(esc.category, esc.category)}"},  # type: ignore[call-overload]
            {"type": "mrkdwn", "text": f"*Case ref*\n{esc.case_ref}"},
            {"type": "mrkdwn", "text": f"*Raised by*\n<@{esc.raised_by}> · Day 1 {format_date(esc.day_one)}"},
        ]},
        _md(f"*Tried already:* {esc.tried}"),
        _md(f"*Outcome wanted:* {esc.outcome_wanted}"),
    ]
    if state == State.OPEN:
        blocks.append(_md(step_line(route.step(esc.step), esc.step_due_on)))
        if esc.step < route.last_step:
            nxt = route.step(esc.step + 1)
            blocks.append(_context(f"Next: step {nxt.number}, {nxt.title} ({nxt.who})"))
    elif esc.outcome:
        blocks.append(_md(f"*Outcome:* {esc.outcome}"))
    notes = [e for e in history if e.text and e.kind in ("note", "advance", "withdraw")]
    for e in notes[-3:]:
        label = {"note": "Note", "advance": f"Escalated to step {e.step}", "withdraw": "Withdrawn"}[e.kind]
        blocks.append(_context(f"{label} by <@{e.actor_id}>: {e.text}"))
    actions = allowed_actions(state, step=esc.step, steps=route.last_step)
    if actions:
        blocks.append({"type": "actions", "block_id": BlockId.ACTIONS.value, "elements": [
            _button(a, esc.ref) for a in actions]})
    source = (f"{route.title} — {route.document}, {route.section} (as of {route.as_of:%B %Y}); "
              "route copied when raised")
    blocks.append(_context(source))
    return blocks


def _button(action: Action, ref: str) -> Block:
    button: Block = {"type": "button", "action_id": ACTION_BUTTONS[action].value, "value": ref,
                     "text": _pt(texts.BUTTON[action.value])}
    if action == Action.ADVANCE:
        button["style"] = "primary"
    if action == Action.WITHDRAW:
        button["style"] = "danger"
    return button


def card_text(esc: Escalation, route: RouteSnapshot) -> str:
    """The notification text: reference, step and dates only."""
    if esc.state != State.OPEN.value:
        return f"Escalation {esc.ref}: {esc.state}"
    return f"Escalation {esc.ref}: step {esc.step}, {route.step(esc.step).title}. {texts.window_line(esc.step_due_on)}"


def act_modal(action: Action, esc: Escalation, route: RouteSnapshot, channel_id: str | None = None) -> Block:
    intro = f"*{esc.ref}* — step {esc.step}: {route.step(esc.step).title}"
    if action == Action.ADVANCE and esc.step < route.last_step:
        nxt = route.step(esc.step + 1)
        intro += f"\nNext: *step {nxt.number}, {nxt.title}* ({nxt.who}). Its window starts now."
    element = _text_input()
    blocks = [_md(intro), _input(BlockId.TEXT, texts.TEXT_LABEL[action.value], element,
                                 optional=action == Action.WITHDRAW,
                                 hint="No names or details of the child or family.")]
    return {"type": "modal", "callback_id": CallbackId.ACT.value, "title": _pt(texts.MODAL_TITLE[action.value], 24),
            "submit": _pt("Save"), "close": _pt("Cancel"),
            "private_metadata": ActMeta(ref=esc.ref, action=action, channel_id=channel_id).model_dump_json(),
            "blocks": blocks}


def route_blocks(route: RouteSnapshot, *, advice: str | None = None, notify_button: bool = False) -> list[Block]:
    blocks: list[Block] = []
    if advice:
        blocks.append(_md(advice))
    head = f"*{route.title}*" + (f" ({route.policy})" if route.policy else "")
    blocks.append(_md(head))
    for step in route.steps:
        window = f" — {step.window.days()}" if step.window else ""
        blocks.append(_md(f"*{step.number}. {step.title}*{window}\n_{step.who}_\n{step.action}"))
    windows = [s.window for s in route.steps if s.window]
    if windows:
        blocks.append(_context(f"Days as the policy writes them, {windows[0].counting()}."))
    else:
        blocks.append(_context("The document gives no day windows for these steps."))
    blocks.append(_context(f"Source: {route.document}, {route.section} (as of {route.as_of:%B %Y})"))
    if notify_button:
        blocks.append({"type": "actions", "block_id": BlockId.ACTIONS.value, "elements": [
            {"type": "button", "action_id": ActionId.NOTIFY_MANAGER.value, "value": route.partnership,
             "text": _pt("Notify my manager")}]})
    return blocks


def notify_modal(partnership: str | None) -> Block:
    return {"type": "modal", "callback_id": CallbackId.NOTIFY_MANAGER.value, "title": _pt("Notify my manager", 24),
            "submit": _pt("Send"), "close": _pt("Cancel"),
            "private_metadata": NotifyMeta(partnership=partnership).model_dump_json(),
            "blocks": [_md("I'll send them a short message asking to talk. No case details are included."),
                       _input(BlockId.MANAGER, "Your line manager or safeguarding lead", {"type": "users_select"})]}


LIST_SHOWN = 45  # `/escalate list`; `list all` shows every one
LIST_ALL = "`/escalate list all`"


def list_lines(rows: list[Escalation], today: Any) -> list[str]:
    lines = []
    for esc in rows:
        step = RouteSnapshot.from_json(esc.route).step(esc.step)
        if esc.step_due_on is None:
            when = "no window"
        elif esc.step_due_on < today:
            when = f":warning: window closed {format_date(esc.step_due_on)}"
        else:
            when = f"window closes {format_date(esc.step_due_on)}"
        lines.append(f"• *{esc.ref}* · {display_name(esc.partnership)} · step {esc.step}: {step.title} · {when}"
                     f" · raised by <@{esc.raised_by}>")
    return lines


def list_blocks(rows: list[Escalation], today: Any, *, every: bool = False) -> list[list[Block]]:
    """Messages to send: the nearest `LIST_SHOWN` and an honest "…and N more", or (`every`) all of them."""
    if not rows:
        return [[_md("No open escalations.")]]
    title = f"*Open escalations* ({len(rows)}), nearest window end first"
    if every:
        return listing.pages(title, list_lines(rows, today))
    body, _shown = listing.sections(list_lines(rows, today), max_blocks=listing.MESSAGE_BLOCKS - 1, more=LIST_ALL,
                                    limit=LIST_SHOWN)
    return [[_md(title), *body]]


def reminder(ref: str, text: str, *, has_next: bool) -> list[Block]:
    elements = []
    if has_next:
        elements.append(_button(Action.ADVANCE, ref))
    elements += [_button(Action.RESOLVE, ref), _button(Action.NOTE, ref)]
    return [_md(text), {"type": "actions", "block_id": BlockId.ACTIONS.value, "elements": elements}]
