"""Reading the modals' submitted state into domain requests, with field-level messages keyed by block id."""

from __future__ import annotations

from bot import modals
from bot.escalations.fields import MAX_AGENCY, NO_CASE_REF, Category, check_text
from bot.escalations.ids import VALUE, BlockId
from bot.escalations.service import RaiseRequest
from bot.escalations.states import Action
from bot.modals import Values
from knowledge.partnerships import PARTNERSHIPS


def value(values: Values, block: BlockId) -> str | None:
    """The submitted value of one input, whatever its element type (bot.modals)."""
    return modals.value(values, block, VALUE)


def parse_raise(values: Values, *, list_shown: bool = False) -> tuple[dict[str, str], RaiseRequest | None]:
    """`list_shown`: the modal offered the knowledge base's agencies (the "missing" message goes there)."""
    errors: dict[str, str] = {}
    partnership = value(values, BlockId.PARTNERSHIP)
    if partnership not in PARTNERSHIPS:
        errors[BlockId.PARTNERSHIP] = "Choose the partnership."
    chosen, typed = value(values, BlockId.AGENCY), (value(values, BlockId.AGENCY_OTHER) or "").strip()
    agency = typed or chosen or ""
    if typed and (msg := check_text(typed, limit=MAX_AGENCY)):
        errors[BlockId.AGENCY_OTHER] = msg
    elif chosen and not typed and (msg := check_text(chosen, limit=MAX_AGENCY)):
        errors[BlockId.AGENCY] = msg  # the list's value reaches the channel card: a forged one is text like any
    elif chosen and typed:
        errors[BlockId.AGENCY_OTHER] = "Choose an agency from the list or type one, not both."
    elif not agency:
        target = BlockId.AGENCY if list_shown else BlockId.AGENCY_OTHER
        errors[target] = "Which agency is the disagreement with? Choose one or type it."
    category = value(values, BlockId.CATEGORY)
    if category not in Category._value2member_map_:
        errors[BlockId.CATEGORY] = "Choose what the disagreement is about."
    step = value(values, BlockId.START_STEP) or "1"
    if not step.isdigit() or int(step) < 1:
        errors[BlockId.START_STEP] = "Choose a step."
    tried, wanted = value(values, BlockId.TRIED), value(values, BlockId.OUTCOME_WANTED)
    if msg := check_text(tried):
        errors[BlockId.TRIED] = msg
    if msg := check_text(wanted):
        errors[BlockId.OUTCOME_WANTED] = msg
    if errors:
        return {str(k): v for k, v in errors.items()}, None
    return {}, RaiseRequest(
        partnership=str(partnership), case_ref=NO_CASE_REF, agency=agency, category=Category(category),
        tried=str(tried), outcome_wanted=str(wanted), start_step=int(step),
    )


def parse_action_text(values: Values, action: Action) -> tuple[dict[str, str], str | None]:
    text = value(values, BlockId.TEXT)
    if msg := check_text(text, required=action != Action.WITHDRAW):
        return {BlockId.TEXT.value: msg}, None
    return {}, (text or "").strip() or None
