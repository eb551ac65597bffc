"""Things people publish that are not a child's: a team's mailbox and a school named without a pupil in it.

"mash@...", "camhs.referrals@..." and "integratedfrontdoor@..." are inboxes every practitioner is given; a name
before the @ ("firstname.lastname@...") is a person's and stays an identifier. A school's name alone ("Great Sankey
High School hosted the cluster meeting") is on every partnership's web page; with a pronoun, a relative or a pupil's
verb in the same sentence ("she has moved to ...") it says where a child is. Word lists are data (vocabulary.yaml).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from bot.privacy.lexicon import Lexicon, lexicon

_MAILBOX_PARTS = re.compile(r"[a-z]{1,64}")
_PUBLIC_DOMAINS = (".gov.uk", ".nhs.net", ".nhs.uk", ".police.uk", ".sch.uk", ".org.uk", ".ac.uk")


# "the looked after team use a shared mailbox, ...", "the unit's generic inbox, ...": the writer says the address is
# a team's (round 28), unless a family member owns it ("mum's shared inbox").
_SHARED = re.compile(r"\b(?:shared|generic|group|team|central|duty|departmental)\s{1,3}(?:mail\s?box|inbox|e-?mail)\b",
                     re.IGNORECASE)
# (the same words as a set, for the 32 characters before every address: a regex search each cost 13 ms a message)
_FAMILY_WORDS = frozenset(w + s for w in ("mum", "mam", "dad", "mother", "father", "nan", "gran", "grandad", "grandma",
                                          "carer", "parent", "aunt", "auntie", "uncle", "sister", "brother", "stepdad",
                                          "stepmum") for s in ("", "s"))
_NOT_LETTER = re.compile(r"[^a-z]{1,32}")  # (read on 32 characters)
_FAMILY = re.compile(r"\b(?:mum|mam|dad|mother|father|nan|gran|grandad|grandma|carer|parent|aunt|auntie|uncle|"
                     r"sister|brother|stepdad|stepmum)s?\b", re.IGNORECASE)


def team_mailbox(address: str, before: str = "") -> bool:
    """'mash@...', 'camhs.referrals@...', 'integratedfrontdoor@...': a local part made only of team and service
    words (vocabulary.yaml: service_mailbox_words, run together or not) is a published inbox, not a person's.
    `before`: the text just before the address, where the writer may call it a team's shared inbox."""
    lex = lexicon()
    words = _mailbox_words()
    local, _, domain = address.lower().partition("@")
    parts = _MAILBOX_PARTS.findall(local)
    if not parts and local[:1].isdigit() and ("." + domain).endswith(_PUBLIC_DOMAINS) \
            and _FAMILY_WORDS.isdisjoint(_NOT_LETTER.sub(" ", before[-32:].lower()).split()):
        return True  # "0-19@bridgewater.nhs.uk": a public service named by the ages it serves (round 36; a family
        # word in the 32 characters before makes it someone's: "dad's work email is 0-19@...")
    service = [_segments(part, words) for part in parts]
    if not parts or all(service):
        return bool(parts)
    if not ("." + domain).endswith(_PUBLIC_DOMAINS):
        return False  # before the costly look at `before` below ("a.b@" repeated: 5,000 addresses)
    if len(parts) == 1 and 2 <= len(local) <= 4 and local.isalpha() and local not in lex.first_names \
            and local not in lex.surnames:
        return True  # "fis@council.gov.uk": a body's short code for a service, not a person's name
    # "cwp.safeguarding@nhs.net": at a public body's domain, a team word with an organisation's short code; a code
    # of two letters too where the writer calls it a team's shared inbox ("the team use a shared mailbox, cw.lac@...")
    shared = bool(before and _SHARED.search(before) and not _FAMILY.search(before))
    shortest = 2 if shared else 3
    if shared:  # an organisation's short code run into a team word ("the team mailbox, cspbusiness@...", round 41)
        service = [ok or any(part[:n] not in lex.first_names and part[:n] not in lex.surnames
                             and _segments(part[n:], words) for n in range(2, 6) if len(part) - n >= 4)
                   for ok, part in zip(service, parts, strict=True)]
    return any(service) and all(
        ok or (shortest <= len(part) <= 5 and part not in lex.first_names and part not in lex.surnames)
        for ok, part in zip(service, parts, strict=True))


@functools.cache
def _mailbox_words() -> frozenset[str]:
    """Team and service words a published inbox's local part is made of (built once: a text of thousands of
    addresses checks each one, round 34)."""
    vocab = lexicon().vocab
    return vocab.service_mailbox_words | frozenset(a for a in vocab.service_acronyms if len(a) >= 3)


@functools.lru_cache(maxsize=1024)
def _segments(part: str, words: frozenset[str]) -> bool:
    """Whether `part` is one or more of `words` run together (words of two letters or more; at most 64 letters)."""
    ok = [True] + [False] * len(part)
    for end in range(2, len(part) + 1):
        ok[end] = any(ok[start] and part[start:end] in words for start in range(max(0, end - 20), end - 1))
    return ok[-1]


_PUPIL_WORDS = re.compile(r"[a-z]{1,20}")


def child_at_school(low: str, a: int, b: int) -> bool:
    """Whether the sentence low[a:b] (lower-cased text) speaks of someone at a school it names (a pronoun, a relative
    or child, a pupil's verb): "Birchwood High School hosted the forum" names a school, "she goes to ..." places a
    child in it."""
    words = set(_PUPIL_WORDS.findall(low[a:b].replace("'", "").replace("’", "")))
    v = lexicon().vocab
    return bool(words & v.pupil_cues or words & (v.role_words - {"name", "names", "initials"}))


# Words that describe a school without naming it ("at high school", "at a special school", "at secondary school").
NOT_SCHOOL_NAME = frozenset({"secondary", "high", "primary", "junior", "infant", "middle", "grammar",
                              "boarding", "special", "private", "independent", "faith", "catholic", "state", "new",
                              "same", "another", "local", "mainstream", "his", "her", "their", "this", "that", "a",
                              "an", "the", "sixth", "senior", "prep", "free", "nursery", "village", "previous", "old",
                              "current", "different", "alternative", "residential", "day", "every", "any", "each",
                              "our", "your", "my", "one", "its", "religious", "church", "community", "summer",
                              "forest", "sunday", "driving", "medical", "law", "art", "music", "dance", "of",
                              "in", "and", "or", "big", "small", "first", "next", "last", "other"})


# In lower case, a name before a school word ("at helsby high", "at the oaks primary").
_LADY = frozenset({"lady", "lady's", "ladys", "lady’s"})  # "our lady's": a patron, not a possessive "our"
LOWER_SCHOOL = re.compile(
    r"\b(?:at|from|attends|attending|to)\s{1,3}(?:the\s{1,3})?((?:[a-z][\w'’\-]{1,30}\s{1,3}){1,3})"
    r"(?:primary|high|academy|grammar|college|school|infants?|juniors?|sixth\s{1,3}form|pru)\b")


# After a year group, "at" and a name in no word list ("yr1 at meadowbank") or after a patron ("at bishop challoner"),
# or a school word and "in" a town ("the grammar school in ripon").
# (round 33: also after "goes / went to", "attends")
LOWER_AT = re.compile(r"\b(?:at|attends|attending|(?:goes|go|going|went|gone)\s{1,3}to)\s{1,3}(?:the\s{1,3})?"
                      r"([a-z][a-z'’\-]{1,30})(?:\s{1,3}([a-z][a-z'’\-]{1,30}))?")
# A school's name in lower case with its school word and no preposition ("year 3 (greystones primary)", round 33):
# one or two words in no word list.
LOWER_NAMED = re.compile(r"\b([a-z][a-z'’\-]{2,30}(?:\s{1,3}[a-z][a-z'’\-]{2,30})?)\s{1,3}"
                         r"(?:primary|high|academy|grammar|infants|juniors|college)\b")
SCHOOL_IN = re.compile(r"\b(?i:school|academy|primary|college|grammar|high)\s{1,3}in\s{1,3}([A-Za-z][a-z'’\-]{2,30})")
# "the catholic high school in town": the one of its kind in the writer's town
_ONE_IN_TOWN = frozenset({"town"})


def _in_town(text: str, end: int, b: int, lex: Lexicon) -> bool:
    """The word after `end` (an "in") is a town or place."""
    m = _NEXT_WORD.match(text, end, b)
    return m is not None and (m.group(1).lower() in lex.places or m.group(1).lower() in lex.vocab.local_places)


_NEXT_WORD = re.compile(r"\s{1,3}([A-Za-z][a-z'’\-]{2,30})")


def lower_school(text: str, a: int, b: int) -> re.Match[str] | None:
    """A school named in lower case in text[a:b] (the sentence of a year group): a word before the school word that
    is not a description, a patron and a name, a word in no list after "at", or a school word in a town."""
    found = next((m for m in LOWER_SCHOOL.finditer(text, a, b)
                  if any(w not in NOT_SCHOOL_NAME for w in m.group(1).split())), None)
    if found:
        return found
    lex = lexicon()
    for m in LOWER_AT.finditer(text, a, b):
        first, second = m.group(1), m.group(2)
        if (first in lex.vocab.patron_titles and second) or (first == "our" and second in _LADY):
            return m  # "at bishop challoner", "at our lady's"
        at = m.group(0)[:2].lower() == "at"
        if at and all(w not in lex.english and w not in lex.rare_english and w not in lex.vocab.common_words
                      for w in (first, second) if w) and first not in NOT_SCHOOL_NAME:
            return m
        # "year 7 at the grange": straight after a year group, "the" and a word that names one house or school in
        # England ("the oaks", "the priory"), not "at the moment" or "at the academy" (round 53)
        if at and first in lex.vocab.named_place_words and " the " in f" {m.group(0).lower()} " and \
                _YEAR_BEFORE.search(text, max(a, m.start() - 12), m.start()):
            return m
        # "y9 at wade deacon", "year 10 at upton hall": straight after a year group, two words each a name, a place or
        # in no list (round 37; not "at youth club", "at home all week", "at forest park": a word no name)
        if at and second and _YEAR_BEFORE.search(text, max(a, m.start() - 12), m.start()) and all(
                _name_word(w, lex) for w in (first, second)):
            return m
        # "yr 9 at hillside in wallasey": straight after a year group, one name word, then "in" a town (round 39)
        if at and second == "in" and _YEAR_BEFORE.search(text, max(a, m.start() - 16), m.start()) and _name_word(
                first, lex) and _in_town(text, m.end(), b, lex):
            return m
        # ("at thornleigh in year 8", "goes to westbrook and is in year 10": the name, then a small word, round 33)
        if first not in NOT_SCHOOL_NAME and _unlisted(first, lex) and (not second or second in _AFTER_NAME or (
                _unlisted(second, lex) and not at)):
            return m
    for m in LOWER_NAMED.finditer(text, a, b):
        if all(_unlisted(w, lex) and w not in NOT_SCHOOL_NAME for w in m.group(1).split()):
            return m
    for m in SCHOOL_IN.finditer(text, a, b):
        w = m.group(1).lower()
        if (w in lex.places and w not in lex.english) or w in _ONE_IN_TOWN or (
                m.group(1)[0].isupper() and w not in lex.english and w not in lex.rare_english
                and w not in lex.vocab.common_words):  # "the village school in Ellerby": a place in no list
            return m
    return None


_AFTER_NAME = frozenset({"in", "and", "but", "so", "since", "until", "for", "from", "where", "when", "with", "now",
                         "then", "last", "this", "til", "till"})


def _unlisted(word: str, lex: Lexicon) -> bool:
    """A word in no word list: no English word, abbreviation or partnership area."""
    v = lex.vocab
    return (word not in lex.english and word not in lex.rare_english and word not in v.common_words
            and word not in v.acronyms and word not in v.service_acronyms and word not in v.local_places)


# (round 39: a year in words, the sixth form's years, reception and foundation years too)
_YEAR_BEFORE = re.compile(r"\b(?:(?:year|yr|y)\s{0,2}(?:[1-9]|1[0-3])s?|(?:year|yr)\s{1,2}(?:one|two|three|"
                          r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)|(?:lower|upper)\s{1,2}(?:sixth|6th)|"
                          r"reception|(?:fs|foundation)\s{0,2}[12])\s{1,2}$", re.IGNORECASE)


def _name_word(word: str, lex: Lexicon) -> bool:
    """A word of a school's name typed in lower case: a name, a place or a word in no list, not a description."""
    v = lex.vocab
    return word not in NOT_SCHOOL_NAME and word not in v.common_words and word not in v.not_name_times and (
        word in lex.surnames or word in lex.places or word in lex.first_names or _unlisted(word, lex))


# Small words that are never part of an institution's name ("aoife in clinic").
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "to", "from", "in", "on", "with", "at", "a", "an", "by", "&"})
# Words that end an institution's name ("florence nightingale hospice", "queen elizabeth hospital").
INSTITUTIONS = frozenset({"foundation", "hospice", "hospital", "trust", "institute", "charity", "fund", "society",
                           "primary", "academy", "college", "infants", "juniors", "centre", "clinic"})


def lower_institution(i: int, text: str, spans: list[tuple[int, int]], bases: list[str], patrons: frozenset[str],
                       orgs: frozenset[str]) -> bool:
    """A name typed in lower case inside an institution's name: after a patron's title and before an organisation
    word ("st george's hospital", "queen elizabeth hospital", "st joseph's catholic primary"), or two words before
    an institution word ("lucy faithfull foundation", "florence nightingale hospice"). Not "kayla's school" (one
    word), not "aoife in clinic" (a small word), not "X Y house" (a house is also a home)."""
    n = len(bases)
    if not text[spans[i][0]].islower():
        return False
    after = range(i + 1, min(n, i + 4))
    if ((i > 0 and bases[i - 1] in patrons) or (i > 1 and bases[i - 2] in patrons)) and any(
            bases[j] in orgs for j in after):
        return True
    return any(j + 2 < n and bases[j + 2] in INSTITUTIONS and text[spans[j][0]].islower()
               and text[spans[j + 1][0]].islower() and not bases[j + 1].endswith("'s")
               and bases[j] not in _SMALL_WORDS and bases[j + 1] not in _SMALL_WORDS for j in (i, i - 1) if j >= 0)


def eponyms(text: str, spans: list[tuple[int, int]], bases: list[str], at: dict[str, list[int]], cand: set[int],
             lex: Lexicon) -> set[int]:
    """Candidates that name a law, test or institution, not a person: before an eponym noun ("Gillick competence",
    "Clare's Law", "Jessie's Fund": not "Kayla's review"), or capitalised after a patron's title ("St Chad's",
    "Sir Thomas Boteler"). Found from where the eponym nouns and titles are, not by asking each candidate."""
    v, n = lex.vocab, len(bases)

    def cap(j: int) -> bool:
        return 0 <= j < n and text[spans[j][0]].isupper()

    out = set()
    for noun in v.eponym_nouns & at.keys():
        for j in at[noun]:  # the word before, one space between
            if j - 1 in cand and j >= 1 and text[spans[j - 1][1]:spans[j][0]] == " ":
                out.add(j - 1)
    for title in v.patron_titles & at.keys():
        for j in at[title]:  # one or two capitalised words after a capitalised title
            if cap(j) and cap(j + 1):
                out.update(k for k in (j + 1, j + 2) if k in cand and cap(k))
    for phrase in v.named_place_nouns:
        parts = phrase.split()
        for j in at.get(parts[0], ()):
            after = j + len(parts)  # not "X Wing said": a capitalised one-word noun then a person's verb is a surname
            surname = after == j + 1 and cap(j) and after < n and bases[after] in v.verbs_after
            if bases[j:after] == parts and not surname:
                out.update(_named_run(j, text, spans, bases, cand, cap))
    # (lower_institution holds only one or two words before an institution word or after a patron's title: only
    # those candidates are asked)
    near = {q - d for w in INSTITUTIONS & at.keys() for q in at[w] for d in (1, 2)} | {
        q + d for w in v.patron_titles & at.keys() for q in at[w] for d in (1, 2)}
    out.update(i for i in cand & near if 0 <= i < n and lower_institution(i, text, spans, bases, v.patron_titles,
                                                                           v.org_words))
    return out


def _named_run(j: int, text: str, spans: list[tuple[int, int]], bases: list[str], cand: set[int],
               cap: Callable[[int], bool]) -> set[int]:
    """The capitalised words (up to four, "and" or "&" between two) straight before word j, and word j too if it is
    capitalised after them: the name of a wing or a food bank ("X Y Anderson wing", "X and Y food bank")."""
    out: set[int] = set()
    k = j - 1
    while k >= 0 and len(out) < 4 and text[spans[k][1]:spans[k + 1][0]] == " ":
        if cap(k) and not bases[k].endswith("'s"):
            out.add(k)
        elif bases[k] in ("and", "&") and out and cap(k - 1):
            pass
        else:
            break
        k -= 1
    if out and cap(j):
        out.add(j)
    return out & cand
