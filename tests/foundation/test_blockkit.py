"""The one Block Kit builder set (bot.blockkit) and the one modal reader (bot.modals)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from bot import blockkit as bk
from bot import modals
from bot.slacklimits import blocks_problem


def test_cut_is_the_one_truncation_rule() -> None:
    assert bk.cut("short", 10) == "short"
    assert bk.cut("x" * 10, 10) == "x" * 10
    cut = bk.cut("word " * 20, 12)
    assert len(cut) <= 12 and cut.endswith("…") and not cut.endswith(" …")


ROOT = Path(__file__).resolve().parents[2]
# A text cut by hand before it is shown: a slice with "…" added, or typed text sliced inside `escape(...)`.
HAND_CUT = re.compile(r"""\[:[^\]]+\]\s*\+\s*["']…|escape\([^()]*\[:\s*\d+\]\)""")


def test_no_text_is_cut_by_hand_before_it_is_shown() -> None:
    """What people read is cut one way (bot.blockkit.cut, with "…"), never by a slice that drops the end silently."""
    sources = [p for folder in ("bot", "handlers") for p in (ROOT / folder).rglob("*.py")]
    found = [f"{p.relative_to(ROOT)}:{n}" for p in sources for n, line in enumerate(p.read_text().splitlines(), 1)
             if HAND_CUT.search(line)]
    assert found == []


def test_over_long_texts_are_cut_to_what_slack_accepts() -> None:
    long = "a" * 5000
    blocks = [bk.header(long), bk.section(long), bk.context(long), bk.fields(long, long, text=long),
              bk.actions("acts", [bk.button("act", long, long, style="primary")]),
              bk.input_block("b", long, bk.static_select([(long, long)], initial=long[:150]), action_id="v",
                             hint=long)]
    assert blocks_problem(blocks) is None
    assert blocks[0]["text"]["text"].endswith("…") and len(blocks[0]["text"]["text"]) == 150
    assert len(blocks[1]["text"]["text"]) == 3000
    assert blocks[4]["elements"][0]["text"]["text"].endswith("…")


def test_static_select_preselects_only_an_offered_value_and_shows_at_most_100() -> None:
    choices = {str(n): f"Choice {n}" for n in range(150)}
    select = bk.static_select(choices, initial="7")
    assert len(select["options"]) == 100
    assert select["initial_option"] == {"text": bk.plain("Choice 7", 75), "value": "7"}
    assert "initial_option" not in bk.static_select(choices, initial="149")  # not offered: not preselected
    assert "initial_option" not in bk.static_select(choices, initial=None)


class _Meta(BaseModel):
    ref: str
    channel_id: str | None = None


def test_modal_metadata_round_trips_through_the_reader() -> None:
    view = bk.modal("cb", "A very long modal title indeed", "Save", [], _Meta(ref="CR-2026-001"))
    assert len(view["title"]["text"]) <= 24 and view["callback_id"] == "cb"
    assert modals.metadata(view, _Meta) == _Meta(ref="CR-2026-001")
    with pytest.raises(ValidationError):  # forged or missing metadata is refused, never half-read
        modals.metadata({"private_metadata": '{"channel_id": "C1"}'}, _Meta)


def test_reader_reads_every_element_type_and_never_raises_on_odd_payloads() -> None:
    values: modals.Values = {
        "sel": {"v": {"type": "static_select", "selected_option": {"value": "police"}}},
        "none": {"v": {"type": "static_select", "selected_option": None}},
        "txt": {"v": {"type": "plain_text_input", "value": "  typed  "}},
        "blank": {"v": {"type": "plain_text_input", "value": "   "}},
        "day": {"v": {"type": "datepicker", "selected_date": "2026-03-10"}},
        "bad_day": {"v": {"type": "datepicker", "selected_date": "0134-99-01"}},
        "many": {"v": {"type": "checkboxes", "selected_options": [{"value": "a"}, {"nope": 1}, {"value": "b"}]}},
        "user": {"v": {"type": "users_select", "selected_user": "U1"}},
        "own": {"rem_pick": {"type": "conversations_select", "selected_conversation": "C9"}},
        "odd": "not a dict",  # type: ignore[dict-item]
    }
    assert modals.value(values, "sel", "v") == "police"
    assert modals.value(values, "none", "v") is None
    assert modals.value(values, "txt", "v") == "  typed  " and modals.text(values, "txt", "v") == "typed"
    assert modals.text(values, "blank", "v") is None
    assert modals.picked_date(values, "day", "v") == date(2026, 3, 10)
    assert modals.picked_date(values, "bad_day", "v") is None
    assert modals.selected_many(values, "many", "v") == ["a", "b"]
    assert modals.value(values, "user", "v") == "U1"
    assert modals.value(values, "own") == "C9"  # the block's only element when no action id is named
    assert modals.value(values, "own", "v") is None  # a named action id must match
    assert modals.value(values, "odd", "v") is None and modals.value(values, "missing") is None
    view = {"state": {"values": values}}
    assert modals.answers(view)["own"] == "C9" and modals.answers(view)["day"] == "2026-03-10"
    assert modals.values_of({}) == {} and modals.values_of({"state": None}) == {}
