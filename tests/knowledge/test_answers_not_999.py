"""answers17: "it's not a 999 job / situation" is "not an emergency" (vocabulary.yaml folds): the front door asked
for, not two words no entry holds that sink the question.

Sentences are written here, not copied from any set; each was seen failing with the change under it undone.
"""

from __future__ import annotations

import pytest

from knowledge.text import fold


@pytest.mark.parametrize("said", ["its not a 999 job", "not really a 999 situation", "it isnt a 999 matter"])
def test_not_a_999_job_is_not_an_emergency(said) -> None:
    folded = fold(said)
    assert "emergency" in folded and "999" not in folded
