"""Family surnames ("the Nowaks", "the Walsh family") and bare initials ("KM has...", "spoke to RP"), read word
by word like names (bot/privacy/names.py) from the same tokens."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.acronym_defs import defined_before, defines
from bot.privacy.initial_context import (
    CASE_VERBS,
    IS_AGE,
    KIN_WORD_BRACKET,
    about_pair,
    case_noun_after,
    joined_pair,
    kin_after,
    kin_bracketed,
    labelled_note,
    lettered,
    self_harm,
    service_pair_acts,
    setting_bracketed,
    short_caps,
    task_letters,
    titled_before,
)
from bot.privacy.lexicon import Lexicon
from bot.privacy.patterns import Span, has_digit
from bot.privacy.plural_family import (
    AUX,
    FAMILY_SERVICE,
    NATIONAL,
    capital_surname,
    described_family,
    kind_of_case,
    labelled_family,
    lower_family,
    place_before_service,
    plural_surname,
    visited_family,
    word_surname_family,
)
from bot.privacy.tokens import _END_PUNCT, _QUOTES, _STOP_PUNCT, Classifier, Tok, Toks, _neighbours, judged
from bot.privacy.wordshapes import capitalised_words


def family_spans(toks: Toks, cands: list[int], lex: Lexicon, c: Classifier) -> Iterator[Span]:
    spans = toks.spans
    return (("family_name", *spans[i]) for i in judged(toks, cands, lambda *a: _family(*a, toks, lex, c)))


def _short_surname(t: Tok, prev: Tok | None, nxt: Tok | None, lex: Lexicon) -> bool:
    """'the Li family', 'the Wu kids': a two-letter surname, capitalised, between "the" and a family noun (round 44;
    a shorter word is read as a family's name nowhere else)."""
    return (len(t.norm) == 2 and t.cap and not t.upper and t.norm in lex.surnames and prev is not None
            and prev.norm == "the" and nxt is not None and not t.after.strip(" ")
            and nxt.norm in lex.vocab.family_nouns)


_GAELIC = frozenset({"Ó", "O", "Ua", "Mac", "Mc", "Ní", "Nic"})
GAELIC_BASES = frozenset({"o", "ua", "mac", "mc", "ni", "nic"})  # the same, as names.py's folded words


def _gaelic_prefix(i: int, prev: Tok, toks: Toks) -> bool:
    """'the Ó Briains', 'the Mac Gabhanns': a Gaelic surname's prefix typed apart, after "the" (round 48)."""
    return prev.raw in _GAELIC and i >= 2 and toks.norms[i - 2] == "the"


def _family(i: int, t: Tok, prev: Tok | None, nxt: Tok | None, toks: Toks, lex: Lexicon, c: Classifier) -> bool:
    v, w = lex.vocab, t.norm
    if t.upper and len(w) <= 5 and not c.term(w):
        return capital_surname(t, nxt, toks[i + 2], lex, c.common(w))
    if len(w) < 3 and not _short_surname(t, prev, nxt, lex):
        return False
    if c.term(w) or (t.raw[-1:] == "s" and t.raw[:-1].isupper()):
        return False  # ("the RTWs", "the EHCPs": an acronym made plural)
    # "the Nowaks", "the Rahmans' flat", "the o'briens": a plural surname after "the".
    act = toks[i + 2] if nxt is not None and nxt.norm in AUX and not t.after.strip(" ") else nxt
    if nxt is not None and not t.after.strip(" ") and place_before_service(nxt, toks[i + 2], v.family_nouns):
        return False  # "the Seacombes family hub", "the Beechwoods centre": a place's service (round 33)
    if (prev is not None and (prev.norm == "the" or _gaelic_prefix(i, prev, toks)) and w.endswith("s")
            and plural_surname(t, nxt, act, lex, c)) \
            or lower_family(i, t, toks, lex) or described_family(i, t, prev, toks, lex) \
            or visited_family(i, t, prev, toks, lex):
        return True
    # "the Walsh family", "the hughes kids", "five Ahmed children".
    if nxt is None or t.after.strip(" "):
        return False
    home = nxt.norm in v.family_home_nouns and not nxt.cap and prev is not None and prev.norm == "the"
    if nxt.norm not in v.family_nouns and not home:
        return labelled_family(t, prev, nxt, toks[i + 2], lex, c)
    if (after := toks[i + 2]) is not None and after.norm in FAMILY_SERVICE:
        return False  # "the Thornby family hub", "Halton family court": a service named for a place
    if t.cap and nxt.cap and nxt.possessive and after and after.cap and after.norm not in v.person_relations:
        return False  # "Sheffield Children's Hospital", "Birmingham Children's Trust": a body's name (round 41)
    if kind_of_case(t, prev, nxt, lex):
        return False  # "a sextortion case": a kind of case, not a family's (round 33)
    if word_surname_family(t, prev, nxt, lex):
        return True  # "the baker family", "the Hope family" (round 45)
    # 'the Quayle baby': a capitalised proper noun in no name list is a surname here (not a nationality)
    proper = t.cap and w in lex.proper_nouns and not w.endswith(NATIONAL) and w not in v.communities
    odd_word = (c.known(w) or not c.common(w) or w in lex.places or proper) and w not in v.not_names \
        and w not in v.local_places and w not in lex.english and (t.cap or not w.endswith(("ing", "ed", "ly")))
    the_surname = t.cap and w in lex.surnames and w not in lex.places and prev is not None and prev.norm == "the"
    return bool(odd_word or the_surname)


def initial_spans(toks: Toks, cands: list[int], lex: Lexicon) -> Iterator[Span]:
    spans = toks.spans
    return (("initials", *spans[i]) for i in judged(toks, cands, lambda *a: _initials(*a, toks, lex)))


def _initials(i: int, t: Tok, prev: Tok | None, nxt: Tok | None, toks: Toks, lex: Lexicon) -> bool:
    v = lex.vocab
    raw = t.raw[:-2] if t.raw.endswith(("'s", "’s")) else t.raw.rstrip("'’")
    letters = raw.replace("-", "").replace("'", "").replace("’", "")  # "TO'N": an O' surname's initial
    mc = MC_INITIALS.fullmatch(raw) is not None  # "LMcC": no acronym is written with a Mc
    if mc:
        letters = raw.replace("Mac", "M").replace("Mc", "M")
    if letters.islower() and letters.isalpha() and len(letters) <= 3:
        if toks.text[t.start - 1:t.start].isdigit():
            return False  # "9th and 16th": an ordinal's ending (round 38)
        return _lower_pair(i, toks, lex) or _lower_person(i, toks, lex) or (len(letters) == 2 and (
            _kin_owned(t, nxt, lex) or _lower_aged(t, toks, lex)))
    if not letters.isalpha() or not letters.isupper() or len(letters) > 4 or toks.text[t.end:t.end + 1].isdigit():
        return False  # "KS4", "LA2", "M56": a code with its number, not initials
    # ("'JJ' in our room": the closing quote may be read as the word's own, round 36; two letters at most there, as
    # a plate's or tattoo's three letters are quoted so too: "ends in 'RSA'")
    quoted = t.before[-1:] in _QUOTES and (t.after[:1] in _QUOTES or (t.raw[-1:] in ("'", "’") and len(letters) <= 2))
    after_role = prev is not None and prev.norm in v.initial_roles and _END_PUNCT.isdisjoint(t.before)
    if len(letters) == 1:
        # "S.11", "s.47", "S47", "the A41": a section or a road, not an initial
        after = toks.text[t.end:t.end + 2]
        section = after[:1].isdigit() or (after[:1] == "." and after[1:].isdigit())
        # ("child 'I'": the pronoun only when quoted after a child word; "Mr T (the child's stepdad)": kin in brackets)
        pronoun = raw == "I" and not (quoted and prev is not None and prev.norm in v.strong_initial_roles)
        return not pronoun and not section and not lettered(i, toks) and (
            after_role or quoted or _aged(t, nxt) or (t.after.strip() == "(" and KIN_WORD_BRACKET.match(
                toks.text, t.end, t.end + 40) is not None))
    # "child KM", "re: JT", "SD year 8", "KM, TR and the baby": initials even when the letters spell a
    # short word or abbreviation ("infant EC", "re: PT"), unless they name a service ("re: ICPC")
    # "initials CT": letters named as initials, whatever they spell
    named = prev is not None and prev.norm in ("initials", "initial") and _END_PUNCT.isdisjoint(t.before)
    strong = named or service_pair_acts(i, t, nxt, toks, lex) or _strong_cue(i, toks, lex)
    # "ED (looked after)": a child's care status makes even a service's letters a child's initials, unless the
    # letters are that status's own acronym ("CLA (children looked after)")
    status = STATUS_AFTER.match(toks.text, t.end, t.end + 48) is not None and t.norm not in _STATUS_ACRONYMS
    service = t.norm in v.service_acronyms or raw.lower() in v.service_acronyms
    # "RJ (8)": an age right after the letters is said of a person only, so even a service's letters are someone's
    # initials there ("child EHE register", "the LA's partners" are services)
    # ("RJ's mum": only a person has a mum, whatever the letters also stand for; round 36)
    person_only = strong and (_AGE_ONLY.match(toks.text, t.end, t.end + 16) is not None or _kin_owned(t, nxt, lex)
                              or service_pair_acts(i, t, nxt, toks, lex))
    if (not status and not named and not person_only and service) or (not strong and (
            t.norm in v.acronyms or raw.lower() in v.acronyms or _heading(i, toks) or (
            len(letters) > 2 and letters.lower() in lex.english and "-" not in raw)
            or _after_title_word(t, prev, lex))):
        return False  # "HOW THE PARTNERS WORK", "SIN", "Speak UP": words in capitals, not initials
    if nxt is not None and not t.after.strip() and nxt.cap and not nxt.upper and (
            nxt.norm in v.org_words or nxt.norm.split("-")[0] in lex.english):
        return False  # "ACR Sub-Group", "MASH Team": an acronym naming a body
    if not strong and t.after.lstrip()[:1] == ")" and t.before.rstrip()[-1:] == "(" and titled_before(i, toks, lex):
        return False  # "PC Jo Hill (NPT)": a titled professional's unit in brackets after the name
    if not strong and prev is not None and prev.norm == "from" and len(letters) >= 3 and not t.possessive:
        return False  # "the DS from PVP will attend": three or four capitals after "from" are a unit or team
    if not strong and ((prev is not None and prev.norm == "the") or task_letters(i, toks)):
        return False  # "the RFU have written", "RHA needs booking": a body or a piece of work, not a person
    prev2 = toks[i - 2] if i > 1 else None
    cue = (strong or mc or after_role or quoted or "-" in raw or t.possessive or t.after.lstrip().startswith("(")
           or (nxt is not None and nxt.norm in v.verbs_after and _STOP_PUNCT.isdisjoint(t.after))
           # "TW found asleep", "HB missing overnight": a state only a person is in
           or (nxt is not None and nxt.norm in v.person_states and nxt.norm not in _BODY_STATES
               and _STOP_PUNCT.isdisjoint(t.after) and not t.after.startswith("-"))
           or t.before.rstrip().endswith("(")
           # "PJK not in nursery today", "AO'N doing ok at the new placement": where a child is, or how they are
           or PRESENCE_AFTER.match(toks.text, t.end, t.end + 40) is not None
           # "discussed TK at panel", "mum of KL rang", "initials are TFG"
           or (prev is not None and _END_PUNCT.isdisjoint(t.before) and (
               prev.norm in v.contact_verbs or (prev.norm == "of" and prev2 is not None
                                                and prev2.norm in v.role_words)))
           or (prev2 is not None and prev2.norm in ("initials", "initial"))
           or (prev is not None and prev.norm == "on" and prev2 is not None and prev2.norm in ("update", "news"))
           or _and_relative(i, toks, lex) or _with_relative_after(i, toks, lex)
           # "flag TK to the MASH", "TK home visit", "KD + LD" (round 27)
           or (prev is not None and prev.norm in CASE_VERBS and _END_PUNCT.isdisjoint(t.before))
           or case_noun_after(i, toks) or joined_pair(i, toks, lex) or labelled_note(i, toks, lex))
    return bool(cue) and len(letters) <= 3 and not defines(i, letters, toks) and not defined_before(letters, toks)


PRESENCE_AFTER = re.compile(
    r"\s{1,2}(?:(?:is\s{1,2})?(?:not|back|absent|off|late)\s{1,2}(?:(?:in|at|from|to|for)\s{1,2})?(?:the\s{1,2})?"
    r"(?:nursery|school|college|class|placement|contact|today)\b"
    r"|(?:is\s{1,2})?doing\s{1,2}(?:ok|okay|well|better|fine|badly|great|alright|worse)\b)", re.IGNORECASE)
MC_INITIALS = re.compile(r"[A-Z]{1,2}(?:Mc|Mac)[A-Z]{1,2}")
# States a body or team can be in too ("ESC-2026-014 moved", "NWG reported"): no cue after capitals.
_BODY_STATES = frozenset({"moved", "sent", "released", "reported", "charged", "placed", "taken", "brought", "collected",
                          "picked", "discharged", "spoken", "staying", "living", "running", "refusing", "disclosing",
                          "sleeping", "off", "late", "interviewed", "bailed", "born", "adopted"})


def _lower_pair(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'kb and his stepdad', 'jw and lw are': lower-case initials joined by "and" to a relative or to another."""
    t, nxt, after, prev, before = toks[i], toks[i + 1], toks[i + 2], toks[i - 1] if i else None, toks[i - 2] if i > 1 \
        else None
    if t is None or t.after.strip():
        return _lower_and(prev, before, t)
    if nxt is not None and nxt.norm == "and" and after is not None:
        return after.norm in ("his", "her", "their") or after.norm in lex.vocab.person_relations or (
            len(after.norm) <= 3 and after.norm.isalpha() and after.raw.islower() and after.norm not in lex.english
            and not any(ch in "aeiouy" for ch in after.norm))
    return _lower_and(prev, before, t)


def _lower_person(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'rb told his teacher', 'is jb still with his gran', 'has tk been back to see his dad': two lower-case letters
    that are no service's or title's, before what only a person does or a few words before a child's own relative."""
    t, nxt, v = toks[i], toks[i + 1], lex.vocab
    if t is None or len(t.norm) != 2 or t.norm in v.service_acronyms or t.norm in v.titles \
            or t.norm in v.professional_titles or t.norm in v.role_words or t.norm in v.initial_roles:
        return False
    # ("kb - self harmed at 2am": the pair labelling a note of what the person did)
    labelled = t.after.strip() in ("-", "–", "—", ":") and "\n" not in t.after
    if setting_bracketed(i, toks) or about_pair(i, toks, lex):
        return True
    if nxt is not None and (not t.after.strip() or labelled) and (
            nxt.norm in v.person_verbs or nxt.norm in _PERSON_ONLY or self_harm(i + 1, toks)):
        return True
    norms = toks.norms
    near = range(i + 1, min(len(norms) - 1, i + 7))
    return _with_relative_after(i, toks, lex) or any(
        norms[k] in ("his", "her") and norms[k + 1] in v.person_relations for k in near)


def _lower_and(prev: Tok | None, before: Tok | None, t: Tok | None) -> bool:
    """The second of 'jw and lw': after "and" and another vowel-less pair."""
    return (prev is not None and prev.norm == "and" and before is not None and before.raw.islower()
            and 2 <= len(before.norm) <= 3 and not any(ch in "aeiouy" for ch in before.norm) and t is not None)


def _kin_owned(t: Tok, nxt: Tok | None, lex: Lexicon) -> bool:
    """'RJ's mum', 'rj's dad': letters owning a relative only a person has (round 36)."""
    return t.possessive and nxt is not None and nxt.norm in lex.vocab.person_relations and not t.after.strip()


def _lower_aged(t: Tok, toks: Toks, lex: Lexicon) -> bool:
    """'cm is 4 and still in nappies': a lower-case pair starting its clause, then "is" and a child's age (round 36;
    not a service's, title's or short word's letters: "pp is 4 pages", "it is 4")."""
    w, v = t.norm, lex.vocab
    return (w not in v.service_acronyms and w not in v.titles and w not in v.short_words and not t.possessive
            and _END_PUNCT.isdisjoint(t.after) and (t.before == "^" or not _END_PUNCT.isdisjoint(t.before)
                                                     or t.before.endswith(("\n", "- ")))
            and IS_AGE.match(toks.text, t.end, t.end + 40) is not None)


def _aged(t: Tok, nxt: Tok | None) -> bool:
    """'M (age 7)', 'K (14)', 'J. (13)': a capital letter with an age in brackets after it."""
    after = t.after.replace(" ", "").lstrip(".")
    return after.startswith("(") and (after[1:2].isdigit() or (nxt is not None and nxt.norm in ("age", "aged", "yr",
                                                                                                 "year", "y")))


# An age or school year straight after capitals ("SD year 8", "BK, yr 10,", "NM (7)", "LW, 9,"), or a form ("ZH in
# 10C", "year 11B"; round 33: a form's letters in capitals, not "in 3rd", "in 10am").
AGE_AFTER = re.compile(
    r"\s{0,2}[,\-–]?\s{0,2}\(?\s{0,2}(?:(?:in\s{1,2})?(?:year|yr|y)\s{0,2}(?:[1-9]|1[0-3])(?-i:[A-Z]{1,2})?\b"
    r"|in\s{1,2}(?:[1-9]|1[0-3])(?-i:[A-Z]{1,2})\b|aged?\s{0,2}\d{1,2}\b"
    r"|\d{1,2}\s{0,2}(?:yo\b|y/o|yrs?\b|years?\s{1,2}old|(?-i:[MF])?\)|,|\s[\-–]))", re.IGNORECASE)  # ("(14F)")


# A child's care or protection status beside capitals ("MD (looked after)", "JL, CLA,", "TK - on a CP plan").
STATUS_AFTER = re.compile(
    r"\s{0,2}[,(\-–]\s{0,2}(?:looked\s{1,2}after|cla|lac|cic|cin|child\s{1,2}in\s{1,2}need|in\s{1,2}care|uasc|"
    r"on\s{1,2}(?:a|an|the)\s{1,2}(?:cp|cin|child\s{1,2}protection|child\s{1,2}in\s{1,2}need|care|protection)\s{1,2}plan"
    r"|subject\s{1,2}to\s{1,2}(?:a|an)\s{1,2}(?:cp|cin|child\s{1,2}protection|care)\s{1,2}(?:plan|order))\b",
    re.IGNORECASE)
_STATUS_ACRONYMS = frozenset({"cla", "lac", "cic", "cin", "cp", "cpp", "uasc", "ehcp", "sgo"})
# What only a person does, straight after capitals: "MD disclosed", "GE absconded" (not "NWG reported").
_PERSON_ONLY = frozenset({"disclosed", "discloses", "disclosing", "cried", "absconded", "absconds", "self-harmed",
                          "self-harms", "punched", "kicked", "smacked", "bruised", "pregnant", "wet", "soiled"})


def _with_relative_after(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'LM back with mum', 'KD is staying with dad': "with" and a relative within three words of the capitals."""
    norms = toks.norms
    for k in range(i + 1, min(len(norms) - 1, i + 4)):
        if norms[k] == "with":
            nxt = norms[k + 1]
            return nxt in lex.vocab.person_relations or (nxt in ("his", "her", "their") and k + 2 < len(norms)
                                                         and norms[k + 2] in lex.vocab.person_relations)
    return False


# An age said right after the letters ("RJ (8)", "OK (aged 8)", "TM, aged 9", "KB 14yo"); not a year group ("PE in
# year 9" is a subject)
_AGE_ONLY = re.compile(r"\s{0,2}\(\s{0,2}(?:aged?\s{0,2})?\d{1,2}\s{0,2}(?:yo|y/o|yrs?|(?-i:[MF]))?\s{0,2}\)"
                       r"|,?\s{1,2}aged?\s{1,2}\d{1,2}\b|\s{1,2}\d{1,2}\s{0,2}(?:yo|y/o)\b", re.IGNORECASE)
def _strong_cue(i: int, toks: Toks, lex: Lexicon) -> bool:
    """Places where capitals can only be a person: after a child word or "re:", before an age or year group, or in
    a list of such capitals that ends with a relative ("KM, TR and the baby")."""
    t, prev = toks[i], toks[i - 1] if i else None
    if t is None:
        return False
    # ("re. KL": the full stop of "re." is no sentence end)
    before = t.before.replace(".", "", 1) if prev is not None and prev.norm == "re" else t.before
    if prev is not None and prev.norm in lex.vocab.strong_initial_roles and _END_PUNCT.isdisjoint(before) \
            and "\n" not in before and not prev.upper:
        return True
    if AGE_AFTER.match(toks.text, t.end, t.end + 24) or STATUS_AFTER.match(toks.text, t.end, t.end + 48) or (
            kin_bracketed(i, toks)):
        return True
    nxt = toks[i + 1]
    if nxt is not None and nxt.norm in _PERSON_ONLY and not t.after.strip():
        return True
    if t.possessive and nxt is not None and nxt.norm in lex.vocab.person_relations and not t.after.strip():
        return True  # "TM's mum": only a person has a mum
    j = i
    while j < i + 4 and toks[j + 1] is not None and toks[j].after.strip() == "," and short_caps(toks[j + 1]):  # type: ignore[union-attr]
        j += 1
    return _and_relative(j, toks, lex)


def _and_relative(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'LW and her baby', 'NT and sibling', 'TB and his sister': capitals joined to a relative are a person."""
    t, nxt = toks[i], toks[i + 1]
    if t is None or nxt is None:
        return False
    if t.after.strip() == "&":  # "JR & his stepdad": "&" is no word of its own
        k = i + 1
    elif nxt.norm == "and" and not t.after.strip():
        k = i + 2
    else:
        return False
    after = toks[k]
    if after is None:
        return False
    if after.norm in ("his", "her", "their"):
        return True
    if after.norm == "the" and toks[k + 1] is not None:  # "TR and the baby", "OD, RS and the twins"
        w = toks[k + 1].norm  # type: ignore[union-attr]
        return w in lex.vocab.role_words or (w.endswith("s") and w[:-1] in lex.vocab.role_words)
    return after.norm in lex.vocab.relation_after_possessive and after.norm in lex.vocab.role_words


def _after_title_word(t: Tok, prev: Tok | None, lex: Lexicon) -> bool:
    """'Speak UP', 'Stop IT': capitals that end a capitalised title, after an ordinary capitalised word."""
    return (prev is not None and prev.cap and not prev.upper and not t.before.strip()
            and prev.norm in lex.english and prev.norm not in lex.vocab.role_words)


def _heading(i: int, toks: Toks) -> bool:
    """A word in a run of capitals ('FORWARD FROM THE INDEPENDENT CHAIR')."""
    t = toks[i]
    return t is not None and any(o.upper and len(o.norm) > 3 and not between.strip()
                                 for o, between in _neighbours(i, toks))


_STATUS_MARKS = frozenset(",(-–")  # one of which starts a care status after initials (STATUS_AFTER)


def short_capitals(text: str, spans: list[tuple[int, int]], norms: list[str], bases: list[str],
                   lex: Lexicon) -> list[int]:
    """The words initial_spans reads: short words in capitals ("KM", "JT's", "LMcC") that are no known abbreviation,
    or are one with a child's cue around it ("TM's mum", "PT year 9", "ED (looked after)"). Judged by their letters
    first, once per distinct spelling (a list of names is all capitalised words, few of them in capitals)."""
    n = len(spans)
    terms = lex.vocab.acronyms
    strong = lex.vocab.strong_initial_roles
    person_relations = lex.vocab.person_relations
    acts = lex.vocab.person_only_acts | {"missing"}  # (round 53: service_pair_acts)
    digits = has_digit(text)
    in_capitals: dict[str, bool] = {}
    shorts = []
    for i in capitalised_words(text, spans):
        a, b = spans[i]
        if b - a == 1:  # one capital: initials whatever is around it (as the test below finds, at less cost per word)
            if text[a].isupper():
                shorts.append(i)
            continue
        # (a lower-case second letter stays in the letters, and no Mc initials have one: "Jo", "Hill" are not)
        if b - a <= 8 and text[a].isupper() and (b - a == 1 or not text[a + 1].islower()):
            raw = text[a:b]
            if (capitals := in_capitals.get(raw)) is None:
                capitals = in_capitals[raw] = (
                    raw.removesuffix("'s").removesuffix("’s").replace("-", "").replace("'", "").isupper()
                    or MC_INITIALS.fullmatch(raw) is not None)
            if capitals and (
                    b - a == 1 or bases[i] not in terms or (i and bases[i - 1] in strong)
                    # "TM's mum", "PT year 9": an abbreviation's letters owning a relative or given an age
                    or (i + 1 < n and norms[i].endswith(("'s", "’s")) and bases[i + 1] in person_relations)
                    or (i + 1 < n and (bases[i + 1] in _PERSON_ONLY or bases[i + 1] in acts))
                    # (an age needs a digit, a care status a comma, bracket or dash just after: "IRO)" has neither)
                    or (digits and AGE_AFTER.match(text, b, b + 24) is not None)
                    or (not _STATUS_MARKS.isdisjoint(text[b:b + 3])
                        and STATUS_AFTER.match(text, b, b + 48) is not None)
                    or (i + 1 < n and ("(" in text[b:b + 3] or norms[i + 1] == "and")
                        and kin_after(text, spans, norms, i))):
                shorts.append(i)
    return shorts
