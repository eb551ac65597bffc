"""The worry detector's classes, pass by pass, as one data-driven test (safety16 onwards).

Every case is in tests/safety/classes.yaml (written examples, none copied from a corpus), validated here when the
module is collected: an undescribed pass or a repeated sentence fails collection rather than testing less. One case is
one sentence and one expectation: the detector reads a worry about a child (alarm), or it does not (quiet).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from knowledge.safety import detect_worry

DATA = Path(__file__).with_name("classes.yaml")


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    pass_: str = Field(alias="pass", min_length=1)
    name: str = Field(alias="class", min_length=1)
    expect: Literal["alarm", "quiet"]
    cases: list[str] = Field(min_length=1)


class Classes(BaseModel):
    model_config = ConfigDict(extra="forbid")

    passes: dict[str, str]
    groups: list[Group]

    @model_validator(mode="after")
    def whole(self) -> Classes:
        seen: set[str] = set()
        for group in self.groups:
            if group.pass_ not in self.passes:
                raise ValueError(f"{group.name}: pass {group.pass_} is not described")
            for text in group.cases:
                if text in seen:
                    raise ValueError(f"repeated case {text!r}")
                seen.add(text)
        return self


CLASSES = Classes.model_validate(yaml.safe_load(DATA.read_text(encoding="utf-8")))
CASES = [pytest.param(group, text, id=f"{group.pass_}-{group.expect}-{i}")
         for group in CLASSES.groups for i, text in enumerate(group.cases)]


@pytest.mark.parametrize(("group", "text"), CASES)
def test_class(group: Group, text: str) -> None:
    assert detect_worry(text).is_worry == (group.expect == "alarm"), (group.name, text)


def test_every_case_is_collected() -> None:
    """The three files this replaced (test_imminent.py, test_reported.py, test_told_after.py) held 22 cases: none
    was lost."""
    assert sum(len(g.cases) for g in CLASSES.groups if g.pass_ in {"safety16", "safety17", "safety18"}) == 22
