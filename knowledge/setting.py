"""The asker's own setting said first: "housing repairs in widnes - the levels thing, what are the levels?" opens with
where the asker works, then names the topic and asks a question leaning back on it. The label is context, not what is
asked (read by the search's split and by the out-of-scope topics), so a service word in a team's name ("repairs")
neither declines the question nor outvotes the topic."""

from __future__ import annotations

import re

from knowledge.question import TOPIC_WORDS, asks, clauses, leans_back
from knowledge.roles import LEAD_WORDS
from knowledge.text import STOPWORDS, raw_tokens, strip_places
from knowledge.vocabulary import vocabulary

_DASH_RE = re.compile(r"\s+[-\u2013\u2014]+\s+")


def setting_lead(question: str) -> tuple[str, str]:
    """(the setting label, the rest of the message), or ("", question): a short label before a dash, then a clause
    naming a topic in a few words, then a question leaning back on it. A question leaning straight on the label
    ("housing repairs - who do i ring?") asks about it."""
    dash = _DASH_RE.search(question or "")
    if dash is None:
        return "", question
    lead, rest = question[:dash.start()].strip(), question[dash.end():].strip()
    parts = clauses(rest)
    flags = [asks(c) for c in parts]
    first = next((n for n, a in enumerate(flags) if a), None)
    if not lead or asks(lead) or len(raw_tokens(lead)) > LEAD_WORDS or first is None or first < 1 \
            or not leans_back(parts[first]):
        return "", question
    topic = [w for w in raw_tokens(strip_places(parts[first - 1].lower())) if w not in STOPWORDS]
    return (lead, rest) if 0 < len(topic) <= TOPIC_WORDS else ("", question)


def examples_apart(asking: str) -> tuple[str, str]:
    """(the asking text without examples after "like", the examples): "can staff like sports coaches or youth leaders
    come to the forum" asks whether staff may come; the examples illustrate "staff" and must not outvote "forum".
    Two or more examples joined by "or" / "and", each of at most three words, ending before an `example_ends` word."""
    ends = vocabulary().example_ends
    words = asking.split()
    for i, w in enumerate(words):
        if w.lower() != "like" or i == 0:
            continue
        joined, j, run = 0, i + 1, 0
        while j < len(words) and run <= 3:
            bare = re.sub(r"\W", "", words[j].lower())
            if bare in ("or", "and"):
                joined, run = joined + 1, 0
            elif bare in ends or not bare:
                break
            else:
                run += 1
            j += 1
        if joined and run and j < len(words) and run <= 3:
            return " ".join(words[:i] + words[j:]), " ".join(words[i + 1:j])
    return asking, ""
