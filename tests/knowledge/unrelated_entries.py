"""Entries about nothing the questions ask, put into a copy of the knowledge base (test_rank_stability).

Their words are held by no other entry, so every word the questions use keeps its document count: only the number
of entries grows, which is what moved the weight of words no entry holds (and with it the bar) before.
"""

from __future__ import annotations

from knowledge.base import KnowledgeBase

FILLER = ("quokka", "narwhal", "axolotl", "pangolin", "okapi", "tapir", "wombat", "dugong", "gharial", "saiga")


def with_unrelated(kb: KnowledgeBase, how_many: int = 6) -> KnowledgeBase:
    """The same entries plus `how_many` national glossary entries made of FILLER words."""
    entries = list(kb)
    base = next(e for e in entries if e.partnership == "national" and e.kind == "glossary")
    extra = []
    for i in range(how_many):
        words = [FILLER[(i + j) % len(FILLER)] for j in range(4)]
        extra.append(base.model_copy(update={
            "id": f"national.glossary.filler-{i}", "title": f"{words[0].title()} {words[1]}",
            "answer": " ".join(words * 3) + ".", "phrasings": [" ".join(words[:3])], "keywords": words[2:],
            "see_also": [], "note": None}))
    return KnowledgeBase(entries + extra)
