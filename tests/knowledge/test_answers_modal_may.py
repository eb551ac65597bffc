"""answers19: "may" as a verb ("an adult who may have harmed a child") is no month: an entry whose only date-like
word is that verb gives no timescale, so "how quickly must we refer" to it is declined; "by 1 May", "May 2019" still
count. Sentences are written here, not taken from a corpus."""

from __future__ import annotations

import re

from knowledge.vocabulary import vocabulary
from tests.knowledge.conftest import assert_declined


def _timescale_evidence() -> list[str]:
    return next(k.evidence for k in vocabulary().out_of_scope.fact_kinds if k.name == "a timescale")


def test_the_verb_may_is_no_month() -> None:
    assert not any(re.search(p, "a coach who may have hurt a pupil") for p in _timescale_evidence())
    assert any(re.search(p, "reported by 1 may") for p in _timescale_evidence())
    assert any(re.search(p, "from may 2019") for p in _timescale_evidence())


def test_a_speed_asked_of_the_lado_definition_is_declined(ask) -> None:
    assert_declined(ask("which LADO covers wallasey schools and how quickly should an allegation be referred to them",
                        "wirral"), "timescale")
