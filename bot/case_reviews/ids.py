"""Block, action and callback ids for case reviews, and the metadata its modals carry."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel

from bot.case_reviews.states import Action

VALUE = "value"  # the action_id of every input element
COMMAND = "/case-review"


class ActionId(StrEnum):
    TRANSITION_PREFIX = "case_review_act:"  # + states.Action value; the button's value is the reference
    CORRECT = "case_review_correct"


TRANSITION_ACTION = re.compile(r"^case_review_act:")


def transition_action_id(action: Action) -> str:
    return f"{ActionId.TRANSITION_PREFIX}{action.value}"


class CallbackId(StrEnum):
    NOTIFY = "case_review_notify"
    TRANSITION = "case_review_transition"
    CORRECT = "case_review_correct"


class BlockId(StrEnum):
    PARTNERSHIP = "cr_partnership"
    AGENCY = "cr_agency"
    ROLE = "cr_role"
    INCIDENT = "cr_incident"
    AWARE = "cr_aware"
    CRITERIA = "cr_criteria"
    AGE = "cr_age"
    AGENCIES = "cr_agencies"
    SUMMARY = "cr_summary"
    HAPPENED = "cr_happened"
    RATIONALE = "cr_rationale"
    PUBLICATION = "cr_publication"
    ACTIONS = "cr_actions"


def date_block(field: str) -> str:
    """Block id of a date in the 'correct dates' modal (named after the CaseReview column)."""
    return f"cr_date_{field}"


class NotifyMeta(BaseModel):
    channel_id: str = ""


class TransitionMeta(BaseModel):
    ref: str
    action: Action
    state: str  # the state the card showed; a different state on submit means someone else moved it
    channel_id: str = ""


class CorrectMeta(BaseModel):
    ref: str
    channel_id: str = ""
