"""Who is asking, said before the question: "SW here, ...", "frontline HV: ...", "DSL at a primary - ...".

Such a lead says who asks, not what about. Read as words of the question, a role abbreviation nothing here holds
("HV", "SW") weighs as much as the rarest domain word and pushes the right entry into "did you mean"; read as
context (knowledge/question.split_context's weights) it can support an entry without outvoting the question.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.text import STOPWORDS, raw_tokens
from knowledge.vocabulary import vocabulary

LEAD_WORDS = 8  # a lead longer than this is a sentence of its own (split_context reads those)
_OTHERS = frozenset({"our", "my", "the", "their", "his", "her"})  # "our DSL ...", "my manager ...": not who asks
REST_WORDS = 1  # ... and the question after it needs this many words besides stopwords to stand alone
ROLE_OPENING = 2  # who asks names their role this near the lead's start ("frontline HV", "new DSL at a primary") ...
ROLE_ONLY_WORDS = 3  # a lead of this many words ending with a role's head noun is that role ("sports club coach")
_SELF = frozenset({"i", "im", "iam", "as", "we", "were", "am"})  # ... unless they say it of themselves ("im a ...")

# the lead ends at a comma, colon, semicolon, a dash between spaces or a full stop, or right after "here"
_LEAD_RE = re.compile(r"^\s*(?P<lead>[^,:;.?!]+?)"
                      r"(?:\s*(?:[,:;.]|\s[-\u2013\u2014]+)\s+|\s+(?P<here>here)\b[\s,:;.\-\u2013\u2014]*)"
                      r"(?P<rest>\S.*)$", re.S)


@lru_cache(maxsize=1)
def _roles() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """(one-word roles, several-word roles) from `self_roles`."""
    words = [tuple(r.split()) for r in vocabulary().self_roles]
    return frozenset(w[0] for w in words if len(w) == 1), tuple(w for w in words if len(w) > 1)


def role_words() -> frozenset[str]:
    """The one-word roles ("sw", "hv", "dsl"): a practitioner's own role, never the topic (search, evidence)."""
    return _roles()[0]


def roles() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """(one-word roles, several-word roles as token tuples): a practitioner named by role is never a term asked."""
    return _roles()


def names_role(tokens: list[str]) -> bool:
    """The folded tokens name a practitioner's role ("dsl", "health visitor")."""
    return any(_role_starts(tokens, i) for i in range(len(tokens)))


def role_lead(question: str) -> tuple[str, str]:
    """(the lead that says who asks, the rest of the message); ("", question) when the message does not open so."""
    m = _LEAD_RE.match(question or "")
    if m is None:
        return "", question
    lead, rest = m.group("lead"), m.group("rest")
    tokens = raw_tokens(lead.lower())
    if not tokens or len(tokens) > LEAD_WORDS or sum(t not in STOPWORDS for t in raw_tokens(rest.lower())) < REST_WORDS:
        return "", question
    headed = (m.group("here") or tokens[0] in _SELF) and _headed(tokens)  # "DA worker here", "im a youth leader, ..."
    # "food bank volunteer - do charities count ...": a short lead that is a role, ending with its head noun (not
    # a post the question may go on to ask about: "new independent chair - when does she start")
    headed = headed or (len(tokens) <= ROLE_ONLY_WORDS and tokens[-1] in vocabulary().role_heads
                        and tokens[-1] not in vocabulary().role_nouns)
    if vocabulary().question_words.intersection(tokens) or not (names_role(tokens) or headed):
        return "", question
    if tokens[0] in _OTHERS:  # "our DSL keeps mentioning X. what is it?": someone else, and what they said is asked
        return "", question
    if _role_at(tokens) > ROLE_OPENING and tokens[0] not in _SELF:  # "basic awareness for my nursery staff - who ..."
        return "", question  # the role is whom the topic is for, far into a lead that names the topic
    return lead.strip(), rest.strip()


def introduces_self(words: list[str]) -> bool:
    """The words say who asks ("..., locum paeds registrar starting tomorrow", "..., new DSL", "..., SW here"): a role
    with a word that places the asker in it, not a role offered as the answer ("..., the DSL or the head?")."""
    for i in range(len(words)):
        size = _role_size(words, i)
        after = words[i + size] if size and i + size < len(words) else ""
        if size and ((i and words[i - 1] == "new") or after == "here" or is_ing_word(after)):
            return True  # the placing word beside the role: "new DSL", "SW here", "registrar starting monday"
    return False


def is_ing_word(word: str) -> bool:
    """An -ing word long enough to be a verb's ("going", "writing", not "ring" or "king")."""
    return word.endswith("ing") and len(word) >= 5 and word not in vocabulary().not_ing_verbs


def _headed(tokens: list[str]) -> bool:
    """A role the list does not name, by its head noun near the start ("substance misuse worker", "youth leader at a
    church"): said of oneself ("... here", "im a ...") it says who asks."""
    return not vocabulary().role_heads.isdisjoint(tokens[:ROLE_OPENING + 2])


def _role_starts(tokens: list[str], i: int) -> bool:
    """A listed role, one word or several, starts at token i."""
    return _role_size(tokens, i) > 0


def _role_size(tokens: list[str], i: int) -> int:
    """How many words the listed role starting at token i has (0: none starts there)."""
    single, multi = _roles()
    return 1 if tokens[i] in single else next((len(m) for m in multi if tuple(tokens[i:i + len(m)]) == m), 0)


def _role_at(tokens: list[str]) -> int:
    """Where the first role named in the tokens starts, a role's head noun too (len(tokens) when none)."""
    heads = vocabulary().role_heads
    return next((i for i, t in enumerate(tokens) if t in heads or _role_starts(tokens, i)), len(tokens))


# "... is there a team i can ask as a brand new DSL": the asker's own role said inside the question; "as a" counts only
# after the asker speaks of themselves ("treated as a police matter", "count as a nursery" are what is asked)
_FIRST_PERSON = re.compile(r"\b(?:i|im|i'm|ive|i've|me|my|we|us|our)\b", re.I)
FIRST_PERSON_REACH = 80  # characters before "as a" searched for the asker


@lru_cache(maxsize=1)
def _own_role_re() -> re.Pattern[str]:
    said = sorted(vocabulary().self_roles, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in r.split()) for r in said)
    modifiers = "|".join(re.escape(w) for w in vocabulary().own_role_modifiers)
    return re.compile(rf"\b(?P<opener>as|im|i'm|i\s+am|being)\s+(?:a|an)\s+(?:(?:{modifiers})\s+)*"
                      rf"(?P<role>{alternatives})\b", re.I)


def split_own_role(question: str) -> tuple[str, str]:
    """(the question without the asker's own role said inside it, that role): "as a brand new DSL" says who asks; the
    role weighs as context (search.analyse) and "brand new" not at all, so neither outvotes what is asked, while
    "training for me as a new DSL" keeps the DSL as support."""
    kept, roles, last = [], [], 0
    for m in _own_role_re().finditer(question):
        if m.group("opener").lower() == "as" and not _FIRST_PERSON.search(
                question, max(0, m.start() - FIRST_PERSON_REACH), m.start()):
            continue
        kept.append(question[last:m.start()])
        roles.append(m.group("role"))
        last = m.end()
    if not roles:
        return question, ""
    return " ".join([*kept, question[last:]]), " ".join(roles)
