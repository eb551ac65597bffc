"""Block Kit for escalations: the raise modal, the card, the action modals, the route, the list."""

from __future__ import annotations

from typing import Any

from bot import blockkit as bk
from bot import listing, modals
from bot.escalations import texts
from bot.escalations.fields import Category, category_label
from bot.escalations.ids import ACTION_BUTTONS, VALUE, ActionId, ActMeta, BlockId, CallbackId, NotifyMeta, RaiseMeta
from bot.escalations.routes import RouteSnapshot, StepSnapshot
from bot.escalations.states import Action, State, allowed_actions
from bot.mrkdwn import escape
from bot.timeutil import format_date
from knowledge.partnerships import PARTNERSHIPS, display_name
from storage.escalations import Escalation, EscalationEvent

Block = bk.Block


def _input(block_id: BlockId, label: str, element: dict[str, Any], *, optional: bool = False,
           hint: str | None = None) -> Block:
    """An input whose answer the escalation forms read under VALUE."""
    return bk.input_block(block_id, label, element, action_id=VALUE, optional=optional, hint=hint)


def _text_input(multiline: bool = True, max_length: int = 2000) -> dict[str, Any]:
    return bk.text_input(multiline=multiline, max_length=max_length)


def _carry(blocks: list[Block], values: modals.Values) -> None:
    """Keep what the person already typed or chose when the modal is rebuilt (a choice that is no longer
    offered, e.g. another partnership's agency, is dropped)."""
    for block in blocks:
        state = modals.element(values, str(block.get("block_id")), VALUE)
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
    area = bk.static_select(PARTNERSHIPS, initial=partnership)
    blocks: list[Block] = [
        bk.context("Never type a child's or family member's name, details or an agency's case or record number:"
                 " the bot gives the escalation its own reference."),
        {**_input(BlockId.PARTNERSHIP, "Partnership", area), "dispatch_action": True},
    ]
    if agencies:
        blocks.append(_input(BlockId.AGENCY, "Agency the disagreement is with",
                             bk.static_select((a, a) for a in agencies),
                             optional=True, hint="Or type it in the next field."))
    blocks += [
        _input(BlockId.AGENCY_OTHER, "Agency (if not in the list)" if agencies else "Agency the disagreement is with",
               _text_input(False, 200), optional=bool(agencies)),
        _input(BlockId.CATEGORY, "What is the disagreement about?",
               bk.static_select((c.value, c.label) for c in Category)),
    ]
    if route is not None and route.last_step > 1:
        steps = bk.static_select(((str(s.number), f"Step {s.number}: {s.title}") for s in route.steps),
                                 initial=str(route.steps[0].number))
        blocks.append(_input(BlockId.START_STEP, "Start at", steps, optional=True,
                             hint="Step 1 unless the earlier steps have already been tried."))
    blocks += [
        _input(BlockId.TRIED, "What has been tried already?", _text_input()),
        _input(BlockId.OUTCOME_WANTED, "What outcome do you want?", _text_input()),
    ]
    if keep:
        _carry(blocks, keep)
    return bk.modal(CallbackId.RAISE, "Raise an escalation", "Raise", blocks, meta)


def step_line(step: StepSnapshot, due: Any) -> str:
    window = f" ({step.window.describe()})" if step.window else ""
    close = f"Window closes *{format_date(due)}*" if due else f"_{texts.NO_WINDOW}_"
    return f"*Step {step.number}: {step.title}*{window}\n*Who acts:* {step.who}\n{step.action}\n{close}"


def card(
    esc: Escalation, route: RouteSnapshot, history: list[EscalationEvent], mention: str | None = None,
    *, full: bool = True,
) -> list[Block]:
    """The escalation card. `full=False` is the channel's card: structured fields only, no free text
    (what was tried, the outcome wanted, notes); the raiser's DM and `show` carry the full card, escaped."""
    state = State(esc.state)
    status = {State.OPEN: f"Open, step {esc.step} of {route.last_step}",
              State.RESOLVED: f"Resolved {format_date(esc.closed_on)}" if esc.closed_on else "Resolved",
              State.WITHDRAWN: f"Withdrawn {format_date(esc.closed_on)}" if esc.closed_on else "Withdrawn"}[state]
    blocks: list[Block] = [
        bk.header(f"Escalation {esc.ref}"),
        bk.fields(f"*Status*\n{status}", f"*Partnership*\n{display_name(esc.partnership)}",
                  f"*With*\n{escape(bk.cut(esc.agency, 200))}" + (f" ({mention})" if mention else ""),
                  f"*About*\n{category_label(esc.category)}",
                  f"*Raised by*\n<@{esc.raised_by}> · Day 1 {format_date(esc.day_one)}"),
    ]
    if full:
        blocks += [bk.section(f"*Tried already:* {escape(esc.tried)}"),
                   bk.section(f"*Outcome wanted:* {escape(esc.outcome_wanted)}")]
    if state == State.OPEN:
        blocks.append(bk.section(step_line(route.step(esc.step), esc.step_due_on)))
        if esc.step < route.last_step:
            nxt = route.step(esc.step + 1)
            blocks.append(bk.context(f"Next: step {nxt.number}, {nxt.title} ({nxt.who})"))
    elif esc.outcome and full:
        blocks.append(bk.section(f"*Outcome:* {escape(esc.outcome)}"))
    notes = [e for e in history if e.text and e.kind in ("note", "advance", "withdraw")] if full else []
    for e in notes[-3:]:
        label = {"note": "Note", "advance": f"Escalated to step {e.step}", "withdraw": "Withdrawn"}[e.kind]
        blocks.append(bk.context(f"{label} by <@{e.actor_id}>: {escape(e.text)}"))
    actions = allowed_actions(state, step=esc.step, steps=route.last_step)
    if actions:
        blocks.append(bk.actions(BlockId.ACTIONS, [_button(a, esc.ref) for a in actions]))
    source = (f"{route.title} — {route.document}, {route.section} (as of {route.as_of:%B %Y}); "
              "route copied when raised")
    blocks.append(bk.context(source))
    return blocks


def _button(action: Action, ref: str) -> Block:
    style = {Action.ADVANCE: "primary", Action.WITHDRAW: "danger"}.get(action)
    return bk.button(ACTION_BUTTONS[action], texts.BUTTON[action.value], ref, style=style)


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
    blocks = [bk.section(intro), _input(BlockId.TEXT, texts.TEXT_LABEL[action.value], element,
                                 optional=action == Action.WITHDRAW,
                                 hint="No names or details of the child or family.")]
    return bk.modal(CallbackId.ACT, texts.MODAL_TITLE[action.value], "Save", blocks,
                    ActMeta(ref=esc.ref, action=action, channel_id=channel_id))


def route_blocks(route: RouteSnapshot, *, advice: str | None = None, notify_button: bool = False) -> list[Block]:
    blocks: list[Block] = []
    if advice:
        blocks.append(bk.section(advice))
    head = f"*{route.title}*" + (f" ({route.policy})" if route.policy else "")
    blocks.append(bk.section(head))
    for step in route.steps:
        window = f" — {step.window.days()}" if step.window else ""
        blocks.append(bk.section(f"*{step.number}. {step.title}*{window}\n_{step.who}_\n{step.action}"))
    windows = [s.window for s in route.steps if s.window]
    if windows:
        blocks.append(bk.context(f"Days as the policy writes them, {windows[0].counting()}."))
    else:
        blocks.append(bk.context("The document gives no day windows for these steps."))
    blocks.append(bk.context(f"Source: {route.document}, {route.section} (as of {route.as_of:%B %Y})"))
    if notify_button:
        blocks.append(bk.actions(BlockId.ACTIONS, [bk.button(ActionId.NOTIFY_MANAGER, "Notify my manager",
                                                             route.partnership)]))
    return blocks


def notify_modal(partnership: str | None) -> Block:
    blocks = [bk.section("I'll send them a short message asking to talk. No case details are included."),
              _input(BlockId.MANAGER, "Your line manager or safeguarding lead", {"type": "users_select"})]
    return bk.modal(CallbackId.NOTIFY_MANAGER, "Notify my manager", "Send", blocks, NotifyMeta(partnership=partnership))


LIST_SHOWN = 45  # `/escalate list`; `list all` shows every one
NOTE_SHOWN = 5  # the viewer's own escalations named as not yet in their DMs
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


def list_blocks(rows: list[Escalation], today: Any, *, every: bool = False,
                viewer: str | None = None) -> list[list[Block]]:
    """Messages to send: the nearest `LIST_SHOWN` and an honest "…and N more", or (`every`) all of them.

    The `viewer`'s own escalations whose DM card has no place (Slack refused it and the plain DM after it) are
    named first, whatever the cut: the list is where the raiser learns the reference."""
    if not rows:
        return [[bk.section("No open escalations.")]]
    unplaced = sorted((e.ref for e in rows if viewer is not None and e.raised_by == viewer and not e.dm_ts),
                      reverse=True)  # newest first
    named = ", ".join(unplaced[:NOTE_SHOWN]) + (f" and {len(unplaced) - NOTE_SHOWN} more" if len(unplaced) > NOTE_SHOWN
                                                 else "")
    note = [bk.context(texts.CARD_NOT_PLACED.format(refs=named))] if unplaced else []
    title = f"*Open escalations* ({len(rows)}), nearest window end first"
    if every:
        return ([note] if note else []) + listing.pages(title, list_lines(rows, today))
    body, _shown = listing.sections(list_lines(rows, today), max_blocks=listing.MESSAGE_BLOCKS - 1 - len(note),
                                    more=LIST_ALL, limit=LIST_SHOWN)
    return [[bk.section(title), *note, *body]]


def reminder(ref: str, text: str, *, has_next: bool) -> list[Block]:
    elements = []
    if has_next:
        elements.append(_button(Action.ADVANCE, ref))
    elements += [_button(Action.RESOLVE, ref), _button(Action.NOTE, ref)]
    return [bk.section(text), bk.actions(BlockId.ACTIONS, elements)]
