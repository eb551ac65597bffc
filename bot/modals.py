"""The one modal reader: a submitted view's values and its private_metadata, whatever the capability.

Slack sends a view's answers as `state.values[block_id][action_id]`, each element type under its own key
(`value`, `selected_option`, `selected_date`, ...). Every capability's forms read them here, so an absent
block, a cleared answer or a forged payload reads the same way everywhere (None, never a KeyError), and
modal metadata is always a capability's pydantic model (a forged one raises ValidationError, which the
listener's fault handler turns into "nothing was saved").
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

Values = dict[str, dict[str, dict[str, Any]]]
Meta = TypeVar("Meta", bound=BaseModel)

_SCALARS = ("selected_date", "selected_time", "selected_conversation", "selected_channel", "selected_user")


def values_of(view: dict[str, Any]) -> Values:
    """The view's submitted answers by block id ({} when Slack sent none)."""
    state = view.get("state")
    found = state.get("values") if isinstance(state, dict) else None
    return found if isinstance(found, dict) else {}


def metadata(view: dict[str, Any], model: type[Meta]) -> Meta:
    """The view's private_metadata as the capability's model (an empty one gives the model's defaults)."""
    return model.model_validate_json(view.get("private_metadata") or "{}")


def element(values: Values, block: str, action_id: str | None = None) -> dict[str, Any]:
    """One element's state: the one under `action_id`, or the block's only element when none is named."""
    actions = values.get(str(block))
    if not isinstance(actions, dict) or not actions:
        return {}
    state = actions.get(str(action_id)) if action_id is not None else next(iter(actions.values()))
    return state if isinstance(state, dict) else {}


def answer(state: dict[str, Any]) -> Any:
    """The raw answer of one element, whatever its type (None when nothing was chosen)."""
    if "selected_option" in state:
        return (state.get("selected_option") or {}).get("value")
    for key in _SCALARS:
        if state.get(key):
            return state[key]
    return state.get("value")


def value(values: Values, block: str, action_id: str | None = None) -> str | None:
    """The answer as text, None when empty (typed text is not stripped: see `text`)."""
    raw = answer(element(values, block, action_id))
    return str(raw) if raw else None


def text(values: Values, block: str, action_id: str | None = None) -> str | None:
    """Typed text, stripped; None when empty or only white space."""
    raw = element(values, block, action_id).get("value")
    return raw.strip() if isinstance(raw, str) and raw.strip() else None


def selected_many(values: Values, block: str, action_id: str | None = None) -> list[str]:
    chosen = element(values, block, action_id).get("selected_options") or []
    return [str(o.get("value")) for o in chosen if isinstance(o, dict) and o.get("value")]


def picked_date(values: Values, block: str, action_id: str | None = None) -> date | None:
    """A datepicker's date; None when empty or not a date."""
    raw = element(values, block, action_id).get("selected_date")
    try:
        return date.fromisoformat(raw) if isinstance(raw, str) and raw else None
    except ValueError:
        return None


def answers(view: dict[str, Any]) -> dict[str, Any]:
    """Every block's raw answer (a form whose elements each carry their own action id)."""
    return {block: answer(element(values_of(view), block)) for block in values_of(view)}
