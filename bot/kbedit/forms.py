"""Reading the edit modal into a candidate entry, validated with the schema the shipped files use.

The candidate starts from the entry as it is (or a new entry's skeleton) and takes the modal's fields; pydantic
(knowledge.models.Entry) and the cross-entry rules (knowledge.base.entry_problems) judge it, and every problem is
put under the field it concerns. Nothing is saved unless there are none.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import ValidationError

from bot import modals
from bot.kbedit import details
from bot.kbedit.ids import BlockId
from knowledge.base import entry_problems
from knowledge.dating import long_date
from knowledge.models import BUSINESS_UNIT_SOURCE, Entry

REASON_MAX = 200
NEW_KINDS: dict[str, str] = {"faq": "A question practitioners ask", "process": "A process", "contact": "A contact"}
NEW_SECTION = "Confirmed by the partnership business unit"

# The block a problem with each entry field is shown under.
FIELD_BLOCKS: dict[str, BlockId] = {
    "kind": BlockId.KIND, "title": BlockId.TITLE, "answer": BlockId.ANSWER, "phrasings": BlockId.PHRASINGS,
    "contact": BlockId.CONTACT_NAME, "contact.name": BlockId.CONTACT_NAME, "contact.phone": BlockId.CONTACT_PHONE,
    "contact.email": BlockId.CONTACT_EMAIL, "contact.url": BlockId.CONTACT_URL,
    "contact.address": BlockId.CONTACT_ADDRESS, "source": BlockId.DOCUMENT,
    "source.document": BlockId.DOCUMENT, "source.section": BlockId.SECTION, "review_by": BlockId.REVIEW_BY,
    "note": BlockId.NOTE, "see_also": BlockId.NOTE, "id": BlockId.TITLE,
    **{payload: BlockId.DETAILS for payload in details.PAYLOADS},
}
CONTACT_FIELDS: tuple[tuple[str, BlockId], ...] = (
    ("name", BlockId.CONTACT_NAME), ("phone", BlockId.CONTACT_PHONE), ("email", BlockId.CONTACT_EMAIL),
    ("url", BlockId.CONTACT_URL), ("address", BlockId.CONTACT_ADDRESS))


def business_unit_source(day: date) -> str:
    return f"{BUSINESS_UNIT_SOURCE}, {long_date(day)}"


def skeleton(entry_id: str, partnership: str, day: date) -> dict[str, Any]:
    """A new entry before the modal's fields: dated today, vouched for by the business unit."""
    return {"id": entry_id, "kind": "faq", "partnership": partnership, "as_of": day.isoformat(),
            "source": {"document": business_unit_source(day), "section": NEW_SECTION}}


def editable(entry: Entry) -> dict[str, Any]:
    """The entry as data a draft can start from (who confirmed it is set again at approval)."""
    return entry.model_dump(mode="json", exclude={"confirmed"}, exclude_none=True, exclude_defaults=True)


def _lines(raw: str | None) -> list[str]:
    return [line.strip() for line in (raw or "").splitlines() if line.strip()]


def read_edit(values: modals.Values, start: Mapping[str, Any], *,
              new: bool) -> tuple[dict[str, Any], str | None, dict[str, str]]:
    """The candidate entry (as data), the reason and any field that could not be read, from a submitted modal."""
    data = dict(start)
    text = lambda block: modals.text(values, block)  # noqa: E731
    if new:
        data["kind"] = modals.value(values, BlockId.KIND) or data.get("kind")
    data["title"] = text(BlockId.TITLE) or ""
    data["answer"] = text(BlockId.ANSWER) or ""
    data["phrasings"] = _lines(text(BlockId.PHRASINGS))
    contact = {key: text(block) for key, block in CONTACT_FIELDS if block.value in values}
    if BlockId.CONTACT_NAME.value in values:
        kept = {k: v for k, v in (data.get("contact") or {}).items() if k not in contact}
        filled = {k: v for k, v in contact.items() if v}
        data["contact"] = {**kept, **filled} if filled else None
    source = dict(data.get("source") or {})
    source["document"] = text(BlockId.DOCUMENT) or ""
    source["section"] = text(BlockId.SECTION) or ""
    data["source"] = source
    review = modals.picked_date(values, BlockId.REVIEW_BY)
    data["review_by"] = review.isoformat() if review else None
    data["note"] = text(BlockId.NOTE)
    if BlockId.DETAILS.value in values:  # shown only for an entry that has structured payloads
        typed, problem = details.read_text(text(BlockId.DETAILS), set(details.payloads_of(dict(start))))
        if problem is not None:
            return data, text(BlockId.REASON), {BlockId.DETAILS.value: problem}
        data.update(typed)
    return data, text(BlockId.REASON), {}


def reason_problem(reason: str | None) -> str | None:
    if not reason:
        return "Say in one line why (it is kept in the history)."
    if "\n" in reason or len(reason) > REASON_MAX:
        return f"One line of at most {REASON_MAX} characters."
    return None


def _block_for(loc: tuple[Any, ...], message: str) -> BlockId:
    name = ".".join(str(p) for p in loc if not isinstance(p, int))
    while name and name not in FIELD_BLOCKS:
        name = name.rpartition(".")[0]
    if name:
        return FIELD_BLOCKS[name]
    if any(f"'{payload}'" in message for payload in details.PAYLOADS):  # "kind 'escalation' needs a 'route' ..."
        return BlockId.DETAILS
    for field, block in FIELD_BLOCKS.items():  # a rule over the whole entry names its field in the message
        if field in message:
            return block
    return BlockId.TITLE


def _where(loc: tuple[Any, ...]) -> str:
    """A payload field's place as a person counts ("route, steps item 2, window"), from pydantic's location."""
    out: list[str] = []
    for part in loc:
        if isinstance(part, int) and out:
            out[-1] += f" item {part + 1}"
        else:
            out.append(str(part))
    return ", ".join(out)


def validate(data: dict[str, Any], ids: set[str], notes: dict[str, str | None]) -> tuple[Entry | None, dict[str, str]]:
    """The entry, or the problems by block id: the schema first, then the rules across entries."""
    errors: dict[str, str] = {}
    try:
        entry = Entry.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            message = str(err["msg"]).removeprefix("Value error, ")
            block = _block_for(tuple(err["loc"]), message)
            if block == BlockId.DETAILS and err["loc"]:  # one text holds several fields: say which
                message = f"{_where(tuple(err['loc']))}: {message}"
            errors.setdefault(block.value, message)
        return None, errors
    for field, message in entry_problems(entry, ids | {entry.id}, notes):
        errors.setdefault(_block_for(tuple(field.split(".")), message).value, message)
    return (None, errors) if errors else (entry, {})
