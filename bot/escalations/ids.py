"""Block, action and callback ids for escalations, and the metadata its modals carry."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

from bot.escalations.states import Action

VALUE = "value"  # the action_id of every input element


class ActionId(StrEnum):
    ADVANCE = "escalation_advance"
    NOTE = "escalation_note"
    RESOLVE = "escalation_resolve"
    WITHDRAW = "escalation_withdraw"
    NOTIFY_MANAGER = "escalation_notify_manager"


class CallbackId(StrEnum):
    RAISE = "escalation_raise"
    ACT = "escalation_act"
    NOTIFY_MANAGER = "escalation_notify_manager"


class BlockId(StrEnum):
    PARTNERSHIP = "esc_partnership"
    CASE_REF = "esc_case_ref"  # retired: the form no longer asks for an agency record number
    AGENCY = "esc_agency"
    AGENCY_OTHER = "esc_agency_other"
    CATEGORY = "esc_category"
    START_STEP = "esc_start_step"
    TRIED = "esc_tried"
    OUTCOME_WANTED = "esc_outcome_wanted"
    TEXT = "esc_text"
    MANAGER = "esc_manager"
    ACTIONS = "esc_actions"


BUTTON_ACTIONS: dict[ActionId, Action] = {
    ActionId.ADVANCE: Action.ADVANCE,
    ActionId.NOTE: Action.NOTE,
    ActionId.RESOLVE: Action.RESOLVE,
    ActionId.WITHDRAW: Action.WITHDRAW,
}
ACTION_BUTTONS: dict[Action, ActionId] = {v: k for k, v in BUTTON_ACTIONS.items()}


class RaiseMeta(BaseModel):
    channel_id: str = ""


class ActMeta(BaseModel):
    ref: str
    action: Action
    channel_id: str | None = None  # where the button was pressed: the partnership check on submit uses it


class NotifyMeta(BaseModel):
    partnership: str | None = None
