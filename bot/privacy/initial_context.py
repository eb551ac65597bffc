"""Contexts that decide whether letters are someone's initials (round 26, read by kin.py's initial_spans): letters
naming lettered parts ("parts C and D"), a titled professional's unit in brackets ("DS Jo Hill (CAIT)"), and the
person's act after a lower-case pair labelling a note ("kb - self harmed"). Each looks at a few words: linear time.
"""

from __future__ import annotations

import re

from bot.privacy.lexicon import Lexicon
from bot.privacy.tokens import Tok, Toks

# Plural nouns before lettered parts ("options C or D", "sections E and F"): the letters name parts, not people.
_LETTERED = frozenset({"parts", "sections", "steps", "stages", "options", "appendices", "annexes", "schedules", "tiers",
                       "levels", "points", "boxes", "questions", "columns", "phases", "categories", "pages", "forms",
                       "modules", "blocks", "wards", "rooms", "zones", "types", "plans", "routes", "pathways",
                       "code", "codes", "grade", "grades", "band", "bands", "category"})  # round 36: "code N and O"


def lettered(i: int, toks: Toks) -> bool:
    norms = toks.norms
    return (i >= 3 and norms[i - 1] in ("and", "or", "to") and len(norms[i - 2]) == 1 and norms[i - 3] in _LETTERED)


def titled_before(i: int, toks: Toks, lex: Lexicon) -> bool:
    """A professional title within the three capitalised words before word i ("PC Jo Hill (NPT)")."""
    for k in range(i - 1, max(-1, i - 5), -1):
        tok = toks[k]
        if tok is None or not tok.cap:
            return False
        if tok.norm in lex.vocab.professional_titles:
            return k < i - 1
    return False


def self_harm(i: int, toks: Toks) -> bool:
    return toks.norms[i] == "self" and i + 1 < len(toks.norms) and toks.norms[i + 1] in ("harmed", "harming", "harms")


# Casework verbs whose object is a child's case (round 27: "flag TK to the MASH", "escalate RB", "refer LM").
CASE_VERBS = frozenset({"flag", "flagged", "flagging", "escalate", "escalated", "escalating", "refer", "referred",
                        "referring"})
# What is said of a piece of work the letters name ("the RHA needs booking", "PEP needs updating"): a task, no person.
_TASK_STATES = frozenset({"doing", "done", "completing", "completed", "booking", "booked", "sending", "sent",
                          "updating", "updated", "signing", "signed", "writing", "written", "filling", "chasing",
                          "arranging", "arranged", "submitting", "submitted", "reviewing", "reviewed"})


_CHILD_CASEWORK = frozenset({"visit", "visits", "review", "plan", "meeting", "referral", "placement", "appointment",
                             "medical", "assessment", "strategy", "chronology", "interview"})
_LABEL_DASHES = frozenset({"-", "–", "—", ":"})


def task_letters(i: int, toks: Toks) -> bool:
    norms = toks.norms
    return i + 2 < len(norms) and norms[i + 1] in ("needs", "need") and norms[i + 2] in _TASK_STATES


def case_noun_after(i: int, toks: Toks) -> bool:
    """'TK home visit', 'RB review tomorrow': two capitals straight before a piece of one child's casework (three are
    as often the work itself: "the IHA forms")."""
    t, norms = toks[i], toks.norms
    if t is None or i + 1 >= len(norms) or len(t.norm) != 2:
        return False
    if t.after.strip():  # "EJ – ABE interview prep", "TK: strategy" (a reminder's label, round 49): past one acronym
        k = i + 2 if (a := toks[i + 1]) is not None and a.upper and len(a.norm) <= 4 else i + 1
        return t.after.strip() in _LABEL_DASHES and k < len(norms) and norms[k] in _CHILD_CASEWORK
    nxt = norms[i + 1]
    after = norms[i + 2] if i + 2 < len(norms) else ""
    # ("LH core group minutes", round 49)
    return nxt in _CHILD_CASEWORK or (nxt == "home" and after in ("visit", "visits")) \
        or (nxt, after) == ("core", "group")


def joined_pair(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'KD + LD', 'TM & JM': capitals joined by a plus or an ampersand to another pair of capitals that is no
    service's letters (the letters themselves have passed the acronym lists already)."""
    def pair(k: int) -> bool:
        tok = toks[k] if 0 <= k < len(toks.norms) else None
        return (tok is not None and tok.upper and 2 <= len(tok.norm) <= 3 and tok.norm.isalpha()
                and tok.norm not in lex.vocab.service_acronyms)

    t = toks[i]
    if t is None or not pair(i):
        return False
    return (t.after.strip() in ("+", "&") and pair(i + 1)) or (
        i > 0 and (prev := toks[i - 1]) is not None and prev.after.strip() in ("+", "&") and pair(i - 1))


# Twins or siblings in brackets after letters ("BW and CW (twins)"), and a child's setting in brackets after a
# lower-case pair ("nk (nursery) picked up late"): only a child is named so (round 33).
# Round 35: between dashes or commas too ("IK and SK - twins - are they open", "AB, CB, siblings, are on plans").
_KIN = r"(?:the\s{1,2})?(?:twins?|triplets|siblings?|brothers|sisters)"
KIN_BRACKET = re.compile(rf"\s{{0,2}}(?:\(\s{{0,2}}{_KIN}\s{{0,2}}\)|[-–—,]\s{{1,2}}{_KIN}\s{{0,2}}(?:[-–—,:;.)]|$))",
                         re.IGNORECASE)
SETTING_BRACKET = re.compile(r"\s{0,2}\(\s{0,2}(?:nursery|pre-?school|reception|infants|juniors)\s{0,2}\)",
                             re.IGNORECASE)


def kin_bracketed(i: int, toks: Toks) -> bool:
    """'JK (twins)', and the first of 'BW and CW (twins)': a pair of capitals joined by "and" to the bracket's."""
    return kin_after(toks.text, toks.spans, toks.norms, i)


def kin_after(text: str, spans: list[tuple[int, int]], norms: list[str], i: int) -> bool:
    """kin_bracketed on the message's words (kin.short_capitals asks it before the words are tokens)."""
    b = spans[i][1]
    if KIN_BRACKET.match(text, b, b + 32):
        return True
    if i + 2 >= len(spans) or norms[i + 1] != "and" or text[b:spans[i + 1][0]].strip():
        return False
    a2, b2 = spans[i + 2]
    return 2 <= b2 - a2 <= 3 and text[a2:b2].isupper() and KIN_BRACKET.match(text, b2, b2 + 32) is not None


def setting_bracketed(i: int, toks: Toks) -> bool:
    """'nk (nursery)': a vowel-less lower-case pair before a child's setting in brackets (not "pe (nursery)")."""
    t = toks[i]
    return (t is not None and not any(ch in "aeiou" for ch in t.norm)
            and (SETTING_BRACKET.match(toks.text, t.end, t.end + 32) is not None or kin_bracketed(i, toks)))


# Round 36. A relative named in brackets straight after one capital ("Mr T (the child's stepdad)", "K (mum's
# partner)"): the letter is that person's initial, as only a person is someone's stepdad.
_RELATIVE = (r"(?:step-?dad|step-?mum|step-?father|step-?mother|mum|mam|mother|dad|father|nan|nana|gran|grandma|"
             r"grandad|grandpa|aunt|aunty|auntie|uncle|brother|sister|cousin|boyfriend|girlfriend|partner|carer)")
KIN_WORD_BRACKET = re.compile(
    r"\s{0,2}\(\s{0,2}(?:(?:the|a|an|his|her|their|child'?s|child’s|mum'?s|mum’s|dad'?s|dad’s|baby'?s|baby’s|"
    rf"birth|ex|new|older|younger)\s{{1,2}}){{0,3}}{_RELATIVE}s?\b", re.IGNORECASE)
# "is 4 and still in nappies", "is 3, barely speaks", "is nearly 14": a child's age said after a clause's subject.
IS_AGE = re.compile(r"\s{1,2}(?:is|was|'s|’s)\s{1,2}(?:only\s{1,2}|just\s{1,2}|nearly\s{1,2}|now\s{1,2}|almost\s{1,2})?"
                    r"(?:1[0-7]|[1-9])(?:\s{0,2}(?:yo|y/o|years?\s{1,2}old|months?(?:\s{1,2}old)?)\b|\s{0,2}(?=[,.;!?)]|"
                    r"\s{1,2}(?:and|but|now|so|&)\b)|\s{0,2}$)", re.IGNORECASE)


# Round 37. A lower-case pair as the one a note is about: after about / re, then a comma and a pronoun ("worried about
# kt, she's stopped eating"), or after "for" ending its line, a chasing verb a few words before ("chase the GP for mb").
_ABOUT = frozenset({"about", "re", "regarding"})
_PRONOUNS = frozenset({"he", "she", "he's", "she's", "hes", "shes"})
_CHASE = frozenset({"chase", "chasing", "chased", "follow", "following", "remind", "reminder", "ask", "asked",
                    "request", "requested", "book", "booked"})


def about_pair(i: int, toks: Toks, lex: Lexicon) -> bool:
    """The lower-case pair at word i is the one the note is about (see above); no English word ("for am")."""
    t, prev, nxt, norms = toks[i], toks[i - 1] if i else None, toks[i + 1], toks.norms
    if t is None or prev is None or t.norm in lex.english or any(ch in ".;!?\n" for ch in t.before):
        return False
    if prev.norm in _ABOUT and t.after.strip() == ",":
        return nxt is not None and nxt.norm in _PRONOUNS
    ends = nxt is None or "\n" in t.after or t.after.strip()[:1] in (".", "!", "?")
    return prev.norm == "for" and ends and any(norms[k] in _CHASE for k in range(max(0, i - 8), i - 1))


# Round 37. Capitals labelling a line of minutes or a note, then what the person did or how they are ("KT - self
# harmed at the weekend", "minutes: JB - no concerns, attending well"): a dash or colon after the letters at the
# line's or sentence's start, and within four words a person's verb or one of these.
_NOTE_WORDS = frozenset({"concerns", "concern", "screening", "attending", "attendance", "excluded", "missing",
                         "harmed", "disclosed", "disclosure", "absent", "absconded", "upset", "crying", "scared"})


def labelled_note(i: int, toks: Toks, lex: Lexicon) -> bool:
    t = toks[i]
    if t is None or t.after.strip() not in ("-", "–", "—", ":") or "\n" in t.after or not (
            i == 0 or "\n" in t.before or t.before.strip()[-1:] in (":", ".", ";")):
        return False
    verbs, norms = lex.vocab.person_verbs, toks.norms
    return any(norms[k] in _NOTE_WORDS or norms[k] in verbs for k in range(i + 1, min(len(norms), i + 5)))


def short_caps(t: Tok) -> bool:
    """Two or three capitals: a list of initials ("KM, TR and the baby"), read by kin._strong_cue."""
    letters = t.raw.replace("-", "")
    return 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()


# Two service letters that name a person ("PC", "HT", "YP"): their act is a professional's or no one's in particular.
_PERSON_LETTERS = frozenset({"pc", "ds", "dc", "di", "ot", "ht", "mp", "pa", "ta", "sw", "gp", "hv", "yp"})


def service_pair_acts(i: int, t: Tok, nxt: Tok | None, toks: Toks, lex: Lexicon) -> bool:
    """'HB missing overnight', 'LD crying in class' (round 53): two capitals straight before an act only a person
    does, then a when or where or the clause's end, are someone's initials even when they also spell a service
    ("housing benefit"). Not after an article ("the CP"), nor an act used as an adjective ("UK abused children"),
    nor a form's "ID missing from the file" (missing needs a when)."""
    if nxt is None or nxt.upper or t.after.strip() or len(t.norm) != 2 or t.norm in _PERSON_LETTERS:
        return False
    norms = toks.norms
    if i and norms[i - 1] in _ARTICLES and not t.before.strip():
        return False
    missing = nxt.norm == "missing"
    if not missing and nxt.norm not in lex.vocab.person_only_acts:
        return False
    if nxt.after.strip()[:1] in (",", ".", ";", "!", "?", "-", "–") or i + 2 >= len(norms):
        return not missing
    return norms[i + 2] in _WHEN or (not missing and norms[i + 2] in _WHERE)


_ARTICLES = frozenset({"the", "a", "an", "our", "their", "this", "that", "any", "no"})
_WHEN = frozenset({"overnight", "since", "again", "tonight", "today", "yesterday", "last", "this", "after", "when",
                   "while", "all"})
_WHERE = frozenset({"in", "at", "on", "by", "outside", "near", "with", "and", "over"})
