"""The part of a message that asks the question: without who passes it on ("my manager asked ...") or a short
remark after it ("...? need it for a doc"). Those words must not pick the entry."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.described import named as described
from knowledge.roles import introduces_self, is_ing_word, names_role
from knowledge.text import STOPWORDS, fold, raw_tokens, stem, strip_places
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
    who = r"(?:(?:my|our|a|an)\s+(?:[a-z]+\s+){1,3}?|(?:someone|somebody|people|everyone)\s+(?:[a-z]+\s+){0,2}?)"
    # "governor on our safeguarding committee asked how much ...": a role opening the message, a few words on who
    # it is, then the question itself (a question word right after the verb: "the chair asked for the minutes" is not)
    v = vocabulary()
    roles = "|".join(re.escape(r) for r in sorted({*v.role_nouns, *v.role_heads, *v.self_roles}, key=len, reverse=True))
    asks = "|".join(sorted(v.question_words | {"whether", "if"}))
    role = (r"(?:(?:the|our|my|a|an)\s+)?(?:" + roles + r")\s+(?:[a-z]+\s+){0,5}?(?=(?:" + alts
            + r")\b(?:\s+(?:me|us))?[\s:,-]*(?:" + asks + r")\b)")
    return re.compile(r"^\s*(?:" + who + "|" + role + r")(?:" + alts + r")\b(?:\s+(?:me|us))?[\s:,-]*", re.I)


def _relayed(question: str) -> str:
    """'my manager asked who ...', 'someone asked me which ...' -> the question: who passes it on is not what it
    is about."""
    pattern = _relayed_re()
    rest = pattern.sub("", question, count=1) if pattern else question
    return rest if raw_tokens(rest) else question


# Clause edges: after a sentence's end (".", "!", "?", ";", ":") or at a dash between spaces or a line break.
_CLAUSE_RE = re.compile(r"(?<=[.!?;:])\s+|\s+[-\u2013\u2014]+\s+|\n+")
# ... and the last comma of a clause when a question word opens what follows it ("disagree with CSC closing a case,
# which policy applies"): the situation told first, then the question. Only the last comma (an earlier ", which" is
# usually relative), and not after a condition ("if it reaches step 2, who ..." is one question).
_COMMA_QUESTION_RE = re.compile(  # (a short follow-up after it, "..., still cheshire?", leaves that comma the last)
    r",\s+(?=(?:at\s+)?(?:what|whats|which|who|whos|how|hows|when|where|why)\b[^,]*"
    r"(?:,\s+(?!(?:what|whats|which|who|whos|how|hows|when|where|why)\b)[^,]{1,24}\?+)?$"
    r"|(?:is|was|are|does|did|has)\s+(?:it|that|this|they)\b[^,]*$"  # "..., is it CAF still": a follow-up
    r"|(?:is|are)\s+there\s+any\b[^,]*$"  # "we run a summer camp, is there any training"
    # "our staff go into homes, does the partnership run any training": a yes-or-no question after the situation told
    r"|(?:does|do|can|could|will|would|should|are)\s+(?:the|any|an?|our|my|we|i)\s[^,]*\?*$"
    # "i work on a reception desk, if im worried about a child who do i ring": a condition holding the question
    r"|(?:if|when)\s[^,]*\b(?:who|what|whats|how|where|which)\s+(?:do|does|should|can|would|will|is|are)\s[^,]*$)",
    re.I)
_CONDITION_RE = re.compile(r"^\W*(?:if|when|once|after|before|unless|where|whenever|should|in case)\b", re.I)
# "who do i ring", "how many", "what is": a question inside a clause that opens with a condition ("if im worried ...")
_INNER_Q_RE = re.compile(
    r"\b(?:what|whats|who|whos|how|hows|when|where|which|why)\s+"
    r"(?:do|does|did|is|are|was|were|can|could|should|would|will|many|much|long|often|exactly|actually)\b")
# A question word this near a clause's start (places left out) opens its question: "in warrington who leads ...";
# further in it is usually relative ("a paediatrician who has just moved").
WH_OPENING = 3
_WH = frozenset({"what", "whats", "who", "whos", "how", "hows", "when", "whens", "where", "wheres", "which", "why"})
# With fewer content words than this the asking clauses lean on the context ("is that right?"): nothing is split.
MIN_ASKING_WORDS = 3
# A clause this short that points back ("is it offered at what levels?") asks about the clause before it; a longer
# one names its own subject ("when was it last refreshed" after "what is the threshold document called").
BACK_REFERENCE_WORDS = 4
# A question this long (words) before a trailing remark stands on its own.
REMARK_HEAD_WORDS = 4


def clauses(text: str) -> list[str]:
    """The message cut into sentences and dash-separated parts, in order."""
    parts = (part.strip() for part in _CLAUSE_RE.split(text))
    return [c for part in parts if part
            for c in (_after_split(part) if _CONDITION_RE.match(part)
                      else _remark_split(_COMMA_QUESTION_RE.split(part))) if c]


# "after a serious incident notification what's the timescale for the rapid review": a time phrase before the question
# says when, the question what; "if it reaches step 2, who ..." stays one question (the condition is what is asked)
_AFTER_RE = re.compile(r"^\W*(?:after|before|following|once)\s")
_WH_START_RE = re.compile(r"\s(?=(?:what|whats|what's|who|whos|who's|how|hows|when|where|which)\s)", re.I)


def _after_split(part: str) -> list[str]:
    """The time phrase and the question, when the question names its own subject (no "it", "that" pointing back)."""
    m = _WH_START_RE.search(part) if _AFTER_RE.match(part.lower()) else None
    if m is None:
        return [part]
    asked = raw_tokens(part[m.end():])
    if len(asked) < REMARK_HEAD_WORDS or not vocabulary().back_references.isdisjoint(asked):
        return [part]
    return [part[:m.start()], part[m.end():]]


# "who are the partners now the lscb's gone?": a clause opening "now (that)" after the question says why it is asked
_NOW_CLAUSE_RE = re.compile(r"\s+now\s+(?:that\s+)?(?=(?:the|it|its|it's|we|were|we're|they|there|our|lscb|lscbs|"
                            r"lscb's|everything|everyone|things)\b)", re.I)


# "... and i genuinely didnt know", "but we were told otherwise": the asker speaking of themselves after the question
_OWN_OPENER = r"(?:and|but|as|cos|coz|because|so)\s+(?:i|im|i'm|ive|i've|we|were|we're|weve)\b"
_FIRST_PERSON_RE = re.compile(r"^\W*" + _OWN_OPENER, re.I)
_FIRST_PERSON_SPLIT_RE = re.compile(r"\s+(?=" + _OWN_OPENER + ")", re.I)


def _stands(head: str) -> bool:
    """What precedes a cut asks, with words enough to stand alone."""
    return asks(head) and len(raw_tokens(head)) >= REMARK_HEAD_WORDS


# "what does X mean, <where it was seen>": a meaning question is whole once it says "mean" or "stand for"
_MEANING_COMMA_RE = re.compile(r"^\W*what(?:'s|s| is| does| do)\s.{1,40}?\b(?:mean|means|stand for|stands for)\s*,\s*",
                               re.I)


def _remark_split(parts: list[str]) -> list[str]:
    """The last part cut where a remark begins, when what precedes it stands alone: the asker speaking of themselves
    ("... and i didnt know, can u tell me"), a "now (that) ..." clause, a tail after a meaning question's comma or
    the last comma that opens with a remark word or an -ing word, and asks nothing ("list the levels of need pls,
    going on a course")."""
    last = parts[-1]
    meaning = _MEANING_COMMA_RE.match(last)
    if meaning and not asks(last[meaning.end():]):
        return [*parts[:-1], last[:meaning.end()].rstrip(" ,"), last[meaning.end():].strip()]
    own = _FIRST_PERSON_SPLIT_RE.search(last)
    if own and _stands(last[:own.start()]):
        return [*parts[:-1], last[:own.start()].rstrip(" ,;"), *_remark_split([last[own.start():].strip()])]
    now = _NOW_CLAUSE_RE.search(last)
    if now and _stands(last[:now.start()]):
        return [*parts[:-1], last[:now.start()], last[now.start():].strip()]
    head, sep, tail = last.rpartition(",")
    words = [w for w in raw_tokens(tail) if w not in vocabulary().clause_fillers]
    if not sep or not words or not (words[0] in vocabulary().remark_openers or _states(words) or _relays(words) or
                                    is_ing_word(words[0]) or introduces_self(words)):
        return parts
    if asks(tail) or not _stands(head):
        return parts
    return [*parts[:-1], head, tail.strip()]


def _states(words: list[str]) -> bool:
    """The words say how things were or stand ("in scotland it was totally different"): a remark, not a question."""
    said = f" {' '.join(words)} "
    return any(f" {p} " in said for p in vocabulary().remark_statements)


def _relays(words: list[str]) -> bool:
    """The words end saying who passed the question on ("..., a mum at our playgroup asked me"): a remark."""
    said = " ".join(w for w in words if w not in ("me", "us"))
    return any(said.endswith(f" {v}") for v in vocabulary().relayed_verbs)


def asks(clause: str) -> bool:
    """The clause asks something: it ends with "?", opens with a question or request word ("who", "list", "can"),
    holds a question after a condition ("if im worried who do i ring") or a request ("can you", "walk me through")."""
    if _NOW_CLAUSE_RE.match(" " + clause) or (
            _FIRST_PERSON_RE.match(clause) and not _WH.intersection(raw_tokens(clause))):
        return False  # "now the lscb's gone?", "and i didnt know, can u tell me": why it is asked, not what
    if clause.rstrip().endswith("?"):
        return True
    v = vocabulary()
    words = raw_tokens(clause)
    opening = [w for w in raw_tokens(strip_places(fold(clause))) if w not in v.clause_fillers][:WH_OPENING]
    if opening and (opening[0] in v.question_words or opening[0] in v.clause_openers):
        return True
    if any(w in _WH for w in opening):  # "in warrington who leads on ...", "for 2017-18, how many ..."
        return True
    return bool(_INNER_Q_RE.search(" " + " ".join(words) + " ")) or _requests(clause)


def _content(text: str) -> int:
    return sum(1 for w in raw_tokens(strip_places(fold(text))) if w not in STOPWORDS)


def _requests(clause: str) -> bool:
    """A request to the bot ("can you explain", "walk me through"); not the asker's own purpose told ("trying to
    explain the governance to my team."): a cue after "to" is what they mean to do, unless "you to" asks it."""
    folded = " " + " ".join(raw_tokens(clause)) + " "
    for cue in vocabulary().request_cues:
        at = folded.find(f" {cue} ")
        while at >= 0:
            before = folded[:at].split()[-2:]
            if not (before[-1:] == ["to"] and before[:1] not in (["you"], ["u"])):
                return True
            at = folded.find(f" {cue} ", at + 1)
    return False


def _thin(text: str, n: int | None = None) -> bool:
    """Too few words of its own to stand alone ("how often?", "- to which job titles?"); a request ("can you walk
    me through the escalation steps") stands alone with fewer."""
    return (_content(text) if n is None else n) < MIN_ASKING_WORDS and not _requests(text)


def _wh_named(asking: str) -> bool:
    """'who are the safeguarding partners': a question word opening two words of its own and no pronoun pointing
    back stands alone, however short."""
    words = raw_tokens(strip_places(fold(asking)))  # the words _content counts, read once
    # ("roughly how many LADO contacts ...": a word before the question word qualifies it; "to which job titles"
    # points back to what was said before)
    at = next((i for i, w in enumerate(words[:WH_OPENING]) if w in _WH), None)
    if at and not vocabulary().pointing_back_words.isdisjoint(words[:at]):
        return False
    return (at is not None and sum(w not in STOPWORDS for w in words[at:]) >= MIN_ASKING_WORDS - 1
            and vocabulary().back_references.isdisjoint(words))


def _stands_named(clause: str) -> bool:
    """'whats the partnership called' after 'new to halton': a short question naming its own subject, pointing at
    nothing before it ("how long do they last?" points back), does not take the clause before it."""
    return _wh_named(clause) and vocabulary().pointing_words.isdisjoint(raw_tokens(clause)) \
        and not _names_nothing(clause)


def _names_nothing(clause: str) -> bool:
    """Its words only ask who prevails, what follows or what a thing is called (`subjectless_words`): "whose view
    wins?", "what's the service called?" ask about what was said before."""
    v, words = vocabulary(), raw_tokens(strip_places(fold(clause)))
    content = [w for w in words if w not in STOPWORDS]
    # "what can the partnership ultimately do?", "what can we do": only what can be done, of what was told before
    said = " ".join(w for w in words if w not in v.recourse_fillers)
    return said in _recourse() or (bool(content) and set(content) <= v.subjectless_words)


@lru_cache(maxsize=1)
def _recourse() -> frozenset[str]:
    """The recourse questions as `_names_nothing` reads a clause: folded, fillers left out."""
    v = vocabulary()
    return frozenset(" ".join(w for w in raw_tokens(strip_places(fold(q))) if w not in v.recourse_fillers)
                     for q in v.recourse_questions)


_FOLLOW_UP_RE = re.compile(r"^\W*(?:and\s+)?(?:is|was|are|does|did|has)\s+(?:it|that|this|they)\b", re.I)


def _follows_up(clause: str) -> bool:
    """'is it the same as ...', 'does it still ...': a yes-or-no about the thing the question before named; not one
    offering the answers it expects ("is it the council or the police"), which say what is asked."""
    return _FOLLOW_UP_RE.match(clause) is not None and not _offers_answers(clause)


# "is it (still) X or Y": the follow-up names the answers the asker expects; "or not", "or what" offer none
_CHOICE_RE = re.compile(r"^\W*(?:and\s+)?(?:is|was|are)\s+(?:it|that|this|they)\s+(?P<first>.+?)\s+or\s+"
                        r"(?!not\b|what\b|something\b|anything\b|whatever\b)\w", re.I)


def _offers_answers(clause: str) -> bool:
    """A follow-up offering candidate answers, the first with a word of its own ("is it still i-art or ...")."""
    m = _CHOICE_RE.match(clause)
    if m is None:
        return False
    v = vocabulary()
    words = [w for w in raw_tokens(strip_places(fold(m.group("first"))))
             if w not in STOPWORDS and w not in v.now_words and w not in v.choice_fillers]
    return bool(words) and words[0] not in v.choice_none


def leans_back(clause: str) -> bool:
    """A short asking clause that needs the one before it: a fragment ("- to which job titles?") or a pronoun near
    its start ("is that right?", "how often is it run?"); a pronoun further in is usually a relative one ("a group
    that looks at ...") or points inside its own clause ("how often does X meet and who chairs it?")."""
    n = _content(clause)
    if _thin(clause, n):
        return True
    if _names_nothing(clause):  # "whose view wins?", "what's the service called?"
        return True
    words = raw_tokens(clause)
    back = vocabulary().back_references
    return n <= BACK_REFERENCE_WORDS and not back.isdisjoint(words[:4])


# "cwac child deaths - which cdop ...", "in warrington escalation, who counts as ...": a few words naming a topic
# (no one speaking, nothing done) open the message as its subject, not as context
TOPIC_WORDS = 4
_TOPIC_JOINERS = frozenset({"in", "for", "the", "of", "on", "at", "a", "an", "and", "re", "about", "to"})


def _topic_label(clause: str, topics: frozenset[str]) -> bool:
    """A few words, each a word of some entry's title (`topics`: stems) or a number ("escalation step 2"), with no
    role and nothing said or done."""
    words = raw_tokens(strip_places(fold(clause)))
    content = [w for w in words if w not in STOPWORDS]
    return (0 < len(content) <= TOPIC_WORDS and all(w in _TOPIC_JOINERS for w in words if w in STOPWORDS)
            and not names_role(words) and vocabulary().role_nouns.isdisjoint(words)
            and all(w.isdigit() or stem(w) in topics for w in content))


def split_context(question: str, topics: frozenset[str] = frozenset()) -> tuple[str, str]:
    """(the clauses that ask, the context before or around them). Practitioners often say who they are and why they
    ask before the question ("new DSL here, covering for ... . who are the partners?"); those words must not outvote
    the question. A clause that asks by pointing back ("is that right?", "how often is it run?") keeps the clause
    before it, and so does a first clause that only names a topic (`topics`: the stems of the entries' titles);
    a message whose asking clauses hold too few words of their own is not split ("" context)."""
    parts = [_relayed(p) for p in clauses(question)]  # "... . someone asked me which ...": each clause
    # "quick one - private fostering, how long ...": a greeting or filler clause says nothing, so the topic named
    # after it is still the first clause
    fillers = vocabulary().clause_fillers
    said = [p for p in parts if not set(raw_tokens(p)) <= fillers] or parts
    if len(said) < len(parts):  # "morning - the LADO, what ...": what is asked, without "morning"
        question, parts = " - ".join(said), said
    if len(parts) < 2:
        return question, ""
    flags = [asks(p) for p in parts]
    if all(flags) and len(parts) == 2 and leans_back(parts[1]) and _stands(parts[0]) \
            and (not _thin(parts[0]) or _wh_named(parts[0])) and _follows_up(parts[1]):
        # "what's X for? is it the same as the old board", "what does the X group do, is it like the old board": X
        # is what is asked about (a question word with two words of its own names it, however short)
        return parts[0], parts[1]
    if all(flags) or not any(flags):
        return question, ""
    for i in range(1, len(parts)):
        if flags[i] and not flags[i - 1] and ((leans_back(parts[i]) and not _stands_named(parts[i]))
                                             or (i == 1 and _topic_label(parts[0], topics))):
            flags[i - 1] = True
    asking = " ".join(p for p, f in zip(parts, flags, strict=True) if f)
    context = " ".join(p for p, f in zip(parts, flags, strict=True) if not f)
    if not context or (_thin(asking) and not _wh_named(asking)):
        return question, ""
    return asking, context


# Where one question ends and the next begins inside the clauses that ask: a question mark, or "and" / "," before a
# question word ("what counts as X, and how many Y were there?").
_PART_RE = re.compile(
    r"\?+\s*|;\s*|,?\s+(?:and|n|&)\s+(?=(?:what|whats|who|whos|how|hows|when|where|which|why|whose|is|are|does|do|did|can|"
    r"could|has|have|was|were)\b)|,\s+(?=(?:what|whats|who|whos|how|hows|when|where|which|why)\b)", re.I)


def question_parts(asking: str) -> list[str]:
    """Every question-shaped part of the asking clauses, short ones kept apart ("..., and when is it reviewed"): what
    a word such as "still" or "now" qualifies stands in its own part."""
    return [p for p in (p.strip() for p in _PART_RE.split(asking)) if p]


PART_WORDS = 3  # words a question needs to stand apart: "what does the budget pay for" does, "and how often?" not


def sub_questions(asking: str) -> list[str]:
    """The separate questions in a message's asking part, each with at least PART_WORDS words of its own (a short
    follow-up such as "and how often?" stays with the question before it)."""
    out: list[str] = []
    lead = ""  # "In Halton, which group ... and how long ...": a place or filler opening the message is no question
    for part in (p.strip() for p in _PART_RE.split(asking)):
        if not part:
            continue
        if out and _content(part) < PART_WORDS and not _wh_two(part):
            out[-1] += " " + part
        elif not out and _content(part) == 0:
            lead = f"{lead} {part}".strip()
        else:
            out.append(f"{lead} {part}".strip() if not out and lead else part)
    return out or ([lead] if lead else [])



def _wh_two(part: str) -> bool:
    """'n when does panel get the report': a question word (after fillers) opening two words of its own is a question
    apart, though short; "and how often?" is not."""
    v = vocabulary()
    words = [w for w in raw_tokens(strip_places(fold(part))) if w not in v.clause_fillers]
    return bool(words) and words[0] in _WH and sum(w not in STOPWORDS for w in words) >= PART_WORDS - 1


def with_named(asking: str, context: str, question: str) -> tuple[str, str]:
    """What to search, and its context: a concept the message describes without naming it ("staying with a family
    friend for 6 weeks") is what it asks about, and the description is its context (knowledge/described.py)."""
    names = described(question)
    return (" ".join(names), f"{asking} {context}".strip()) if names else (asking, context)
