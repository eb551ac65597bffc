"""answers17: whether training "actually works" is its impact, the documents' evaluation of it (vocabulary.yaml folds),
not whoever checks other things.

Sentences are written here, not copied from any set; each was seen failing with the change under it undone.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "partnership", "entry"),
    [
        ("does anybody look at whether the wirral courses actually work for staff", "wirral",
         "wirral.process.training-evaluation"),
        ("how do they tell if the wirral safeguarding training is really working", "wirral",
         "wirral.process.training-evaluation"),
    ],
)
def test_training_that_works_is_its_evaluation(ask, question, partnership, entry) -> None:
    res = ask(question, partnership)
    assert res.answered and res.entry is not None and res.entry.id == entry, res.text
