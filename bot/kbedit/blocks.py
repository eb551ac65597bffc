"""Block Kit for knowledge upkeep: the browser, the edit and reason modals, the approval card and the history.

Entry text is procedure text, not case text, but it is what a person typed: it is escaped wherever it is shown
(bot.mrkdwn.escape), and the card shows only what changed, field by field.
"""

from __future__ import annotations

import difflib
import json
from datetime import date
from typing import Any

from bot import blockkit as bk
from bot import slacklimits as limits
from bot.kbedit import details, texts
from bot.kbedit.forms import NEW_KINDS
from bot.kbedit.ids import VALUE, ActionId, BlockId, CallbackId, ChangeMeta, EditMeta
from bot.kbedit.states import Change, DraftState
from bot.listing import MESSAGE_BLOCKS, sections
from bot.mrkdwn import escape, literal
from bot.timeutil import format_date
from knowledge.models import Entry
from knowledge.partnerships import NATIONAL
from storage.kbedit import KnowledgeDraft, KnowledgeVersion

Block = dict[str, Any]
LIST_MAX = 15  # entries in one search reply: a section and a row of buttons each
ANSWER_MAX = 2900
NATIONAL_TOPIC = "|"  # a national topic button's value: "national|<topic>"
FIELDS: tuple[tuple[str, str], ...] = (("kind", "Kind"), ("title", "Title"), ("answer", "Answer"),
                                       ("phrasings", "Phrasings"), ("contact", "Contact"), ("source", "Source"),
                                       ("review_by", "Review date"), ("note", "Note"),
                                       *((key, key.capitalize()) for key in details.PAYLOADS))
DETAILS_HINT = ("Laid out as in the knowledge files: keep each name and colon; steps numbered 1, 2, 3 in order; a "
                "window's days as start_day and end_day. Checked like the shipped files before anything is saved.")


# -- the browser -------------------------------------------------------------------------------------------
def _topic_rows(buttons: list[Block], first_row: int = 0) -> list[Block]:
    return [bk.actions(f"{BlockId.TOPICS.value}_{first_row + start // 5}", buttons[start:start + 5])
            for start in range(0, len(buttons), 5)]


def browse_blocks(area: str, partnership: str, topics: dict[str, list[Entry]],
                  national: list[str], *, shipped_only: str | None = None) -> list[Block]:
    """The partnership's topics, then (for admins) the national entries' topics, then New entry; first, for a
    workspace with no approved version yet, where its knowledge comes from (`shipped_only`: its team id)."""
    blocks: list[Block] = [bk.header(f"Knowledge: {area}"),
                           bk.context("Pick a topic, or search: `/safeguarding kb <words>`. A change is a draft "
                                      "until a second person of the business unit approves it.")]
    if shipped_only:
        blocks.append(bk.context(literal(texts.SHIPPED_ONLY.format(team=shipped_only))))  # its <placeholders>
    buttons = [bk.button(ActionId.TOPIC.numbered(i), topic, topic) for i, topic in enumerate(topics)]
    rows = _topic_rows(buttons)
    blocks += rows
    if national:
        blocks.append(bk.section("*National entries* (Working Together, the glossary): admins keep them for "
                                 "every partnership."))
        blocks += _topic_rows([bk.button(ActionId.TOPIC.numbered(len(buttons) + i), topic,
                                         f"{NATIONAL}{NATIONAL_TOPIC}{topic}") for i, topic in enumerate(national)],
                              len(rows))
    blocks.append(bk.actions(BlockId.CARD_ACTIONS, [bk.button(ActionId.NEW, "New entry", partnership,
                                                              style="primary")]))
    return blocks


def entries_blocks(title: str, entries: list[Entry], versions: dict[str, int]) -> list[Block]:
    """Each entry with Edit, History and Retire (at most LIST_MAX, and how many more). The title is mrkdwn-safe
    already: the caller escapes it, or quotes typed words with `echo` (never escaped twice)."""
    blocks: list[Block] = [bk.section(f"*{title}*")]
    for i, e in enumerate(entries[:LIST_MAX]):
        review = f" · review by {format_date(e.review_by)}" if e.review_by else ""
        blocks.append(bk.section(f"*{escape(e.title)}*\n`{e.id}` · {e.topic} · version {versions.get(e.id, 0)}"
                                 f"{review}"))
        blocks.append(bk.actions(f"{BlockId.ENTRY_ACTIONS.value}_{i}", [
            bk.button(ActionId.EDIT, "Edit", e.id, style="primary"),
            bk.button(ActionId.HISTORY, "History", e.id),
            bk.button(ActionId.RETIRE, "Retire", e.id, style="danger"),
        ]))
    if len(entries) > LIST_MAX:
        blocks.append(bk.context(f"…and {len(entries) - LIST_MAX} more: search with more words."))
    return blocks


def home_blocks() -> list[Block]:
    """The App Home's knowledge section, for the business unit and admins."""
    return [bk.divider(), bk.header("Knowledge upkeep"),
            bk.section("Correct an answer, write a new one, retire or revert one: each change is a draft a second "
                       "person approves.", accessory=bk.button(ActionId.HOME, "Open the knowledge", "home"))]


# -- modals ------------------------------------------------------------------------------------------------
def _text(block: BlockId, label: str, initial: str | None, *, multiline: bool = False, optional: bool = False,
          max_length: int | None = None, hint: str | None = None) -> Block:
    element = bk.text_input(multiline=multiline, max_length=max_length)
    if initial:
        element["initial_value"] = initial
    return bk.input_block(block, label, element, action_id=VALUE, optional=optional, hint=hint)


def edit_modal(meta: EditMeta, data: dict[str, Any], *, reason_hint: str, source_hint: str) -> dict[str, Any]:
    """The entry's fields, filled with what it says now (a new entry: the business unit as its source)."""
    new = meta.change == Change.NEW
    contact = data.get("contact") or {}
    review = data.get("review_by")
    blocks: list[Block] = []
    if new:
        select = {**bk.static_select(NEW_KINDS, initial=str(data.get("kind") or "faq")), "action_id": VALUE}
        blocks.append(bk.input_block(BlockId.KIND, "Kind", select))
    blocks += [
        _text(BlockId.TITLE, "Title", data.get("title"), max_length=150),
        _text(BlockId.ANSWER, "Answer", data.get("answer"), multiline=True, max_length=ANSWER_MAX),
        _text(BlockId.PHRASINGS, "Phrasings (one question a line)", "\n".join(data.get("phrasings") or []),
              multiline=True, optional=True, max_length=3000),
    ]
    if new or data.get("contact") is not None or data.get("kind") in ("contact", "front_door"):
        blocks += [_text(BlockId.CONTACT_NAME, "Contact: name", contact.get("name"), optional=True),
                   _text(BlockId.CONTACT_PHONE, "Contact: phone", contact.get("phone"), optional=True),
                   _text(BlockId.CONTACT_EMAIL, "Contact: email", contact.get("email"), optional=True),
                   _text(BlockId.CONTACT_URL, "Contact: web address", contact.get("url"), optional=True),
                   _text(BlockId.CONTACT_ADDRESS, "Contact: address", contact.get("address"), optional=True)]
    structured = details.payloads_of(data)
    if structured and (shown := details.editable_text(data)) is not None:
        blocks.append(_text(BlockId.DETAILS, "Details (" + ", ".join(structured) + ")", shown, multiline=True,
                            max_length=details.TEXT_MAX, hint=DETAILS_HINT))
    elif structured:
        blocks.append(bk.context("Its details (" + ", ".join(structured) + ") are too long to edit here: change "
                                 "them with `safeguarding-bot kb export` and `kb import`. They are kept as they are."))
    source = data.get("source") or {}
    blocks += [
        _text(BlockId.DOCUMENT, "Source", source.get("document"), hint=source_hint),
        _text(BlockId.SECTION, "Section of the source", source.get("section")),
        bk.input_block(BlockId.REVIEW_BY, "Review date",
                       bk.datepicker(date.fromisoformat(review) if isinstance(review, str) else None),
                       action_id=VALUE, optional=True),
        _text(BlockId.NOTE, "Note (shown under answers that link here)", data.get("note"), optional=True,
              multiline=True, max_length=500),
        _text(BlockId.REASON, "Reason for the change", None, max_length=200, hint=reason_hint),
    ]
    title = "New entry" if new else "Edit entry"
    return bk.modal(CallbackId.EDIT, title, "Save draft", blocks, meta)


def change_modal(meta: ChangeMeta, intro: str, reason_hint: str) -> dict[str, Any]:
    """Retire or revert: what will happen, and the one-line reason."""
    title = meta.change.label
    return bk.modal(CallbackId.CHANGE, f"{title} entry", "Save draft", [
        bk.section(intro), _text(BlockId.REASON, "Reason for the change", None, max_length=200, hint=reason_hint)],
        meta)


# -- the approval card -------------------------------------------------------------------------------------
def _show(value: Any, key: str = "") -> list[str]:
    if value is None or value == [] or value == {}:
        return []
    if key in details.PAYLOADS:  # a step, a window, a member: each line of the text the modal shows
        return details.as_text({key: value}).splitlines()[1:]
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, dict):
        return [f"{k}: {v}" for k, v in value.items() if v not in (None, "", [])]
    return str(value).splitlines() or [""]


def diff_lines(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    """What changed, field by field: removed lines "–", added lines "+", every typed character escaped."""
    out: list[str] = []
    for key, label in FIELDS:
        old, new = _show((before or {}).get(key), key), _show((after or {}).get(key), key)
        if old == new:
            continue
        out.append(f"*{label}*")
        for line in difflib.ndiff(old, new):
            if line[:2] in ("- ", "+ "):
                mark = "–" if line[0] == "-" else "+"
                out.append(f"{mark} {escape(line[2:]) or '(blank line)'}")
    return out


def card_blocks(draft: KnowledgeDraft, title: str, before: dict[str, Any] | None,
                after: dict[str, Any] | None, rule: str) -> list[Block]:
    change = Change(draft.change)
    blocks: list[Block] = [
        bk.header(f"Knowledge draft: {change.label}"),
        bk.section(f"*{escape(title)}*\n`{draft.entry_id}` · drafted by <@{draft.author_id}> · draft "
                   f"{draft.id}\n*Why:* {escape(draft.reason)}", BlockId.CARD),
    ]
    if change == Change.RETIRE:
        lines = ["It stops answering once approved (its history is kept)."]
    else:
        lines = diff_lines(before, after) or ["(no change to what the entry says)"]
    room = MESSAGE_BLOCKS - len(blocks) - 3
    shown, _n = sections(lines, max_blocks=room, more="open the entry to read it whole")
    blocks += shown
    state = DraftState(draft.state)
    if state == DraftState.PENDING:
        blocks.append(bk.context(f"Goes live when approved: {rule}."))
        blocks.append(bk.actions(BlockId.CARD_ACTIONS, [
            bk.button(ActionId.APPROVE, "Approve", str(draft.id), style="primary"),
            bk.button(ActionId.REJECT, "Reject", str(draft.id), style="danger")]))
    else:
        when = format_date(draft.decided_at.date()) if draft.decided_at else ""
        blocks.append(bk.context(f"*{state.value.capitalize()}* by <@{draft.decided_by}> on {when}."))
    return blocks


def card_text(draft: KnowledgeDraft, title: str) -> str:
    return bk.cut(f"Knowledge draft ({Change(draft.change).label}): {title}", 300)


# -- history -----------------------------------------------------------------------------------------------
def history_lines(shipped: bool, versions: list[KnowledgeVersion], drafts: list[KnowledgeDraft]) -> list[str]:
    """Every version with who, when and why; then drafts that were rejected or are waiting."""
    lines = ["v0 · the shipped knowledge file"] if shipped else []
    for v in versions:
        what = Change(v.change).label.lower()
        lines.append(f"v{v.version} · {what} · drafted by <@{v.author_id}>, approved by <@{v.approved_by}> on "
                     f"{format_date(v.approved_at.date())} · {escape(v.reason)}")
    for d in drafts:
        if d.state != DraftState.APPROVED.value:
            lines.append(f"draft {d.id} · {Change(d.change).label.lower()} · {d.state} · by "
                         f"<@{d.author_id}> · {escape(d.reason)}")
    return lines


def history_blocks(entry_id: str, title: str, lines: list[str], revertible: list[int]) -> list[Block]:
    blocks: list[Block] = [bk.section(f"*History of {escape(title)}* (`{entry_id}`)")]
    body, _n = sections(lines or ["No versions yet."], max_blocks=MESSAGE_BLOCKS - 4)
    blocks += body
    buttons = [bk.button(ActionId.REVERT.numbered(v), f"Revert to v{v}",
                         json.dumps({"id": entry_id, "v": v}, separators=(",", ":")))
               for v in revertible[-limits.ACTIONS_ELEMENTS:]]
    if buttons:
        blocks.append(bk.actions(f"{BlockId.ENTRY_ACTIONS.value}_revert", buttons))
    return blocks
