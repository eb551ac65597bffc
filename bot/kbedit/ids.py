"""Block, action and callback ids for knowledge upkeep, and the metadata its modals carry."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, Field

from bot.kbedit.states import Change

VALUE = "value"  # the action_id of every input element


class ActionId(StrEnum):
    EDIT = "kbedit_edit"  # value: entry id
    RETIRE = "kbedit_retire"  # value: entry id
    HISTORY = "kbedit_history"  # value: entry id
    NEW = "kbedit_new"  # value: partnership slug
    REVERT = "kbedit_revert"  # + "_<n>"; value: {"id": entry id, "v": version}
    TOPIC = "kbedit_topic"  # + "_<n>"; value: topic name
    APPROVE = "kbedit_approve"  # value: draft id
    REJECT = "kbedit_reject"  # value: draft id
    HOME = "kbedit_home"  # App Home: the knowledge list
    STILL_RIGHT = "kbedit_still_right"  # the monthly review list; value: entry id
    WRITE = "kbedit_write"  # + "_<n>"; the weekly gaps DM; value: {"p": partnership, "q": redacted question}

    def numbered(self, suffix: str | int) -> str:
        return f"{self.value}_{suffix}"

    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"^{re.escape(self.value)}_[\w-]+$")


class CallbackId(StrEnum):
    EDIT = "kbedit_edit"  # edit an entry, or write a new one
    CHANGE = "kbedit_change"  # retire or revert: a reason only


class BlockId(StrEnum):
    KIND = "kb_kind"
    TITLE = "kb_title"
    ANSWER = "kb_answer"
    PHRASINGS = "kb_phrasings"
    CONTACT_NAME = "kb_contact_name"
    CONTACT_PHONE = "kb_contact_phone"
    CONTACT_EMAIL = "kb_contact_email"
    CONTACT_URL = "kb_contact_url"
    CONTACT_ADDRESS = "kb_contact_address"
    DETAILS = "kb_details"  # the structured payloads (route, group, agencies, timescale, threshold) as text
    DOCUMENT = "kb_document"
    SECTION = "kb_section"
    REVIEW_BY = "kb_review_by"
    NOTE = "kb_note"
    REASON = "kb_reason"
    CARD = "kb_card"
    CARD_ACTIONS = "kb_card_actions"
    ENTRY_ACTIONS = "kb_entry"  # + "_<n>"
    TOPICS = "kb_topics"  # + "_<n>"
    REVIEW = "kb_review"  # + "_<n>": one entry of the monthly review list
    GAP = "kb_gap"  # + "_<n>": one question of the weekly gaps DM


ENTRY_ID = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")  # knowledge.models.Entry.id's pattern


def safe_id(raw: str) -> str:
    """An entry id fit for the audit log: the id itself when it has an id's shape, else "invalid"."""
    return raw if len(raw) <= 200 and ENTRY_ID.match(raw) else "invalid"


class EditMeta(BaseModel):
    """An edit (or a new entry): which entry, the version it was opened at, where it was opened."""

    entry_id: str = Field(max_length=200)
    change: Change
    base_version: int = 0
    partnership: str = Field(max_length=64)
    channel_id: str = ""


class ChangeMeta(BaseModel):
    """Retire or revert: the entry, the version it was opened at and, to revert, the version wanted back."""

    entry_id: str = Field(max_length=200)
    change: Change
    base_version: int = 0
    target_version: int | None = None
    channel_id: str = ""
