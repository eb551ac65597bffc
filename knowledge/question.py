"""The part of a message that asks the question: without who passes it on ("my manager asked ...") or a short
remark after it ("...? need it for a doc"). Those words must not pick the entry."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.text import STOPWORDS, fold, raw_tokens, strip_places
from knowledge.vocabulary import vocabulary


def main_question(question: str) -> str:
    """The question without a short trailing remark after its question mark ("...? need it for a doc") or, with
    no question mark, after a dash that follows a question ("who are ... - need the list for induction"):
    practitioners add why they ask, and those words must not pick the entry. A tail that asks something
    itself ("...? and how often does it meet") is kept."""
    question = _relayed(question)
    head, sep, tail = question.rpartition("?")
    if not sep:  # "who are the relevant agencies - need the list for induction": a dash before the remark
        head, sep, tail = question.rpartition(" - ")
        if not sep or not vocabulary().question_words.intersection(raw_tokens(head)):
            return question
    words = raw_tokens(tail)
    content = [w for w in raw_tokens(strip_places(fold(tail))) if w not in STOPWORDS]
    if not sep or not raw_tokens(head) or not words or len(content) > 5:
        return question
    if vocabulary().question_words.intersection(words):
        return question
    return head + "?" if sep == "?" else head


@lru_cache(maxsize=1)
def _relayed_re() -> re.Pattern[str] | None:
    verbs = vocabulary().relayed_verbs
    if not verbs:
        return None
    alts = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    return re.compile(r"^\s*(?:my|our)\s+(?:[a-z]+\s+){1,3}?(?:" + alts + r")\b(?:\s+(?:me|us))?[\s:,-]*", re.I)


def _relayed(question: str) -> str:
    """'my manager asked who ...' -> 'who ...': who passes the question on is not what it is about."""
    pattern = _relayed_re()
    rest = pattern.sub("", question, count=1) if pattern else question
    return rest if raw_tokens(rest) else question
