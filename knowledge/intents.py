"""What a question is asking for (cues from `data/vocabulary.yaml`), so ranking can prefer the entry that holds it:

* `is_help_request`: "help", "can you help me?", "what can you do" ask for the bot's help, not a topic;
* `is_definition_request`: "what is X" wants the meaning (a glossary entry) before a group named after X;
* list / contact / action / group / figure / local-count requests, and the entries that answer them (`carries_list`,
  `figure_heavy`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.counting import SECTION_OR_YEAR_RE
from knowledge.models import Entry
from knowledge.shown import fold_question, per_entry
from knowledge.slots import found as _found
from knowledge.text import STOPWORDS, british, fold, raw_tokens, stem, without_places
from knowledge.vocabulary import vocabulary

_DEFINITION_RE = re.compile(
    r"^\s*(what(s| is)( an?)? \w+( \w+){0,3}\W*$|define\b|definition of\b|meaning of\b|"
    r"what do(es)? .+ (mean|stand for)\b)"
    # "... keeps mentioning operation encompass. briefly, what is it?": the meaning of what the clause before names
    r"|[.!?,;:]\s*(briefly,? )?(what(s| is) (it|that|this)|what do(es)? (it|that|this) (mean|stand for))\W*$"
    # "cdop keep saying modifiable factors what does that actually mean": "that" points back without punctuation
    r"|\bwhat do(es)? (it|that|this) (actually |really |exactly |even )?(mean|stand for)\W*$"
    # "whats the early help assessment called (in wirral)": the name a term goes by
    r"|^\s*what(s| is| are) (the|their|our) \w+( \w+){0,3} called\b"
    # "NYAS?": one word asked, nothing else
    r"|^\s*[a-z][a-z0-9]{1,7}\s*\?+\s*$"
)


# "what does MACE stand for and which function does it sit under": a meaning asked, then something besides it
_BESIDES_RE = re.compile(r"\b(mean|means|stand for|stands for)\b\W*(and|also|plus)?\s*"
                         r"(which|what|whats|who|whos|where|when|how|does|do|is|are)\b")


def asks_besides_meaning(question: str) -> bool:
    """After the meaning asked, the message asks something else: the entry that holds both, not only the glossary."""
    return _BESIDES_RE.search(fold(question)) is not None


def is_help_request(question: str) -> bool:
    words = [t for t in raw_tokens(question) if t not in STOPWORDS]
    return all(w in vocabulary().help_words for w in words)


def is_list_request(question: str) -> bool:
    return _found(vocabulary().list_cues, british(fold_question(question))) is not None


def is_name_request(question: str) -> bool:
    """'what do they call the early help plan here': the name something goes by is asked for."""
    return _found(vocabulary().name_cues, fold_question(question)) is not None


def asks_group_list(question: str) -> bool:
    """"what groups sit under the executive": the list asked is of groups, not a named group's levels or members."""
    q = fold_question(question)
    return any("group" in cue and _found([cue], q) for cue in vocabulary().list_cues)


def carries_list(e: Entry) -> bool:
    """The entry holds a whole list: agencies, threshold levels, route steps or a bulleted answer."""
    return bool(e.agencies or (e.threshold and e.threshold.levels) or (e.route and len(e.route.steps) > 1)
                or e.answer.count("•") >= 3 or e.answer.count("\n- ") >= 3)


def is_level_request(question: str) -> bool:
    """'which level is that', also with the area between ('which halton level')."""
    folded = fold_question(question)
    cues = vocabulary().level_cues
    return (_found(cues, folded) or _found(cues, without_places(folded))) is not None


def is_contact_request(question: str) -> bool:
    return _found(vocabulary().contact_cues, fold_question(question)) is not None


def is_service_request(question: str) -> bool:
    """'how do I apply for a DBS', 'where can I get a copy of ...': getting something for oneself."""
    return _found(vocabulary().service_cues, fold_question(question)) is not None


def is_action_request(question: str) -> bool:
    """'what do I do', 'who do I tell', 'who handles': asks what to do, not what something is or how many."""
    return _found(vocabulary().action_cues, fold_question(question)) is not None


def is_group_request(question: str) -> bool:
    """'which group/panel/team ...' (singular): the group doing something, not the topic it works on."""
    return _found(vocabulary().group_cues, fold_question(question)) is not None


def is_engagement_request(question: str) -> bool:
    """'which groups does youth justice sit on', 'are we expected to sit on the groups': how an agency takes part;
    not 'I sit on the QA group', 'who sits on the exec' (the clause must open as a question)."""
    v = vocabulary()
    for clause in _CLAUSE_RE.split(fold_question(question)):
        words = clause.split()
        if words and words[0] in v.engagement_openers and _found(v.engagement_cues, clause):
            return True
    return False


_CLAUSE_RE = re.compile(r"[.?!;,:]|\s-\s")


def is_who_request(question: str) -> bool:
    """'who's on the panel', 'who actually does the rapid reviews': the people or body, not when."""
    return _found(vocabulary().who_cues, fold_question(question)) is not None


def is_partners_request(question: str) -> bool:
    """'who are the safeguarding partners under the new hcypsp', 'which police force covers X' aside: the organisations
    that are the statutory partners are asked, not what the partnership aims at or the relevant agencies."""
    return _found(vocabulary().partner_cues, fold_question(question)) is not None


def is_local_count_request(question: str) -> bool:
    """'how many children ... in Warrington': a count only the area's own entries can hold."""
    q = fold_question(question)
    return any(k.local_only and _found(k.cues, q) and not (k.unless and _found(k.unless, q))
               for k in vocabulary().out_of_scope.fact_kinds)


def is_figure_request(question: str) -> bool:
    """'how many', 'number of', 'what percentage': an entry made of figures is preferred."""
    q = fold_question(question)
    return any(k.prefer_figures and _found(k.cues, q) for k in vocabulary().out_of_scope.fact_kinds)


@lru_cache(maxsize=1)
def name_noise() -> tuple[frozenset[str], frozenset[str]]:
    """Stemmed words that tell no relevant agency / no group apart (vocabulary `*_name_noise`)."""
    v = vocabulary()
    return frozenset(map(stem, v.agency_name_noise)), frozenset(map(stem, v.group_name_noise))


_NUMBER_RE = re.compile(r"\b\d[\d,.]*%?")


def figure_heavy(e: Entry) -> bool:
    """The entry is mostly figures (four or more numbers besides section numbers and years)."""
    return per_entry("figures", e, _count_figures) >= 4


def _count_figures(e: Entry) -> int:
    return len(_NUMBER_RE.findall(SECTION_OR_YEAR_RE.sub(" ", fold(e.answer))))


def is_definition_request(question: str) -> bool:
    return bool(_DEFINITION_RE.search(fold_question(question)))
