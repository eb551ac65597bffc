"""The identifier screen's classes, round by round, as one data-driven test.

Every case is in tests/privacy/classes.yaml (written examples, none copied from a corpus), validated here when the
module is collected: an unknown kind, a group whose expectation does not fit its fields, or a repeated case fails
collection rather than testing less. One case is one text and one expectation (found, absent, clean, redacted).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.privacy import DESCRIPTIONS, find_identifiers, redact

DATA = Path(__file__).with_name("classes.yaml")
Kind = Literal[tuple(DESCRIPTIONS)]  # type: ignore[valid-type]  # the screen's own kinds: a typo fails validation


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    kind: Kind | None = None  # for a `found` group whose cases find different kinds
    note: str | None = None
    gone: tuple[str, ...] = ()  # `redacted`: what the redaction removes
    ends: tuple[str, ...] = Field(default=(), max_length=2)  # `redacted`: the text kept at its start and end


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    round: int
    name: str = Field(alias="class", min_length=1)
    expect: Literal["found", "absent", "clean", "redacted"]
    kinds: tuple[Kind, ...] = ()
    cases: list[Case] = Field(min_length=1)

    @model_validator(mode="after")
    def fits(self) -> Group:
        for case in self.cases:
            one = [case.kind] if case.kind else list(self.kinds)
            if self.expect == "found" and (len(one) != 1 or (case.kind and self.kinds)):
                raise ValueError(f"{self.name}: a found case names exactly one kind ({case.text!r})")
            if self.expect == "absent" and (not self.kinds or case.kind):
                raise ValueError(f"{self.name}: an absent group names its kinds, its cases none")
            if self.expect in ("clean", "redacted") and one:
                raise ValueError(f"{self.name}: a {self.expect} case names no kind")
            if self.expect != "redacted" and (case.gone or case.ends):
                raise ValueError(f"{self.name}: gone and ends belong to redacted cases")
            if len(case.ends) == 1:
                raise ValueError(f"{self.name}: ends gives the start and the end")
        return self


class Classes(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rounds: dict[int, str]
    groups: list[Group]

    @model_validator(mode="after")
    def whole(self) -> Classes:
        seen: set[tuple[str, str, tuple[str, ...]]] = set()
        for group in self.groups:
            if group.round not in self.rounds:
                raise ValueError(f"{group.name}: round {group.round} is not described")
            for case in group.cases:
                key = (case.text, group.expect, (case.kind,) if case.kind else group.kinds)
                if key in seen:
                    raise ValueError(f"repeated case {case.text!r}")
                seen.add(key)
        return self


CLASSES = Classes.model_validate(yaml.safe_load(DATA.read_text(encoding="utf-8")))
CASES = [pytest.param(group, case, id=f"r{group.round}-{group.name.replace(' ', '_')}-{i}")
         for group in CLASSES.groups for i, case in enumerate(group.cases)]


def _kinds(text: str) -> set[str]:
    return {f.kind for f in find_identifiers(text)}


@pytest.mark.parametrize(("group", "case"), CASES)
def test_class(group: Group, case: Case) -> None:
    if group.expect == "found":
        kind = case.kind or group.kinds[0]
        assert kind in _kinds(case.text), (case.text, _kinds(case.text))
    elif group.expect == "absent":
        assert not _kinds(case.text) & set(group.kinds), (case.text, _kinds(case.text))
    elif group.expect == "clean":
        assert find_identifiers(case.text) == [], (case.text, _kinds(case.text))
    else:
        out = redact(case.text)
        assert find_identifiers(out) == [], out
        assert not [g for g in case.gone if g in out], out
        if case.ends:
            assert out.startswith(case.ends[0]) and out.endswith(case.ends[1]), out


def test_every_case_is_collected() -> None:
    """The nine files this replaced held 389 checks (388 tests, one with two assertions), round 13 added 44, round 14
    added 44, round 15 added 43, round 16 added 21, rounds 17-24 (once eight test_roundN.py files: each found line
    also redacted clean, but round 24's) added 105, round 25 added 36, round 26 added 36, round 27
    added 42, round 28 added 96, round 29 added 67, round 30 added 48, round 31 added 13, round 32 added 40, round
    33 added 78, round 34 added 38, round 35 added 61, round 36 added 49, round 37 added 54, round 38 added 60,
    round 40 added 58, round 42 added 24, round 43 added 31, round 44 added 11, round 45 added 16, round 46 added
    20, round 47 added 31, round 48 added 13, the review mends (49) added 8, round 49 (privacy49) added 42, round 50
    (privacy50) added 35: none was lost."""
    assert len(CASES) == 1738
