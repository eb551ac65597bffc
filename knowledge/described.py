"""A concept described rather than named: "her 11yo is staying with a family friend (not related) for about 6 weeks"
is private fostering, though the message never says so. When a message holds a sign of every group of a concept's
`signs` (vocabulary.yaml `described`: care by someone, someone outside the family, a child or a length of time), the
concept's name joins the words searched, so the entry named for it is found; the signs stay data, not code."""

from __future__ import annotations

from knowledge.slots import found
from knowledge.text import fold
from knowledge.vocabulary import vocabulary


def named(question: str) -> list[str]:
    """The names of the concepts the message describes without naming them."""
    q = fold(question)
    return [d.name for d in vocabulary().described
            if all(found(group, q) for group in d.signs) and not found([d.name, *d.unless], q)]

