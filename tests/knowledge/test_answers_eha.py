"""answers17: "EHA" is an early help assessment (vocabulary.yaml acronyms), so a count of them asked with a second
number is the area's figures, not a question sunk by an unknown word.

Sentences are written here, not copied from any set; each was seen failing with the change under it undone.
"""

from __future__ import annotations


def test_eha_counts_are_the_figures(ask) -> None:
    res = ask("warrington 2017-18: number of EHAs completed, and how many went on to a support plan?", "warrington")
    assert res.answered and res.entry is not None and res.entry.id == "warrington.process.figures", res.text
