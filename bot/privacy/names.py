"""People's names, family surnames and bare initials, found word by word with context.

A word in the first-name or surname list that is not an ordinary English word, place or practice term
("kayla", "Nowak") counts anywhere. A name that is also a word ("grace", "hope", "will", "summer") counts only in
a name position: after a relationship word ("his sister grace"), before a possessive and relation ("faith's
nan"), as the subject that starts a clause ("if grace is..."), after a verb of contact ("saw amber on..."),
or capitalised mid-sentence. Words in no list count in the strongest of those positions (a new name is still a
name). One pass over the words: linear in the length of the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from functools import cache

from bot.privacy.kin import GAELIC_BASES, family_spans, initial_spans, short_capitals
from bot.privacy.lexicon import Lexicon, lexicon
from bot.privacy.org_names import not_people
from bot.privacy.patterns import Source, Span
from bot.privacy.person_cues import aged_aside, let_go, particle_surname, to_be_done, with_described_relative
from bot.privacy.published import eponyms
from bot.privacy.roles import RoleGate
from bot.privacy.tokens import (
    _ACRONYM,
    _DETERMINERS,
    _END_PUNCT,
    _FUNCTION,
    _ORG_CONTACT,
    _PHRASE_PUNCT,
    _SMALL,
    TOKEN,
    Classifier,
    Tok,
    Toks,
    _base,
    _clause_start,
    _neighbours,
    _sentence_start,
    classifier,
    word_pattern,
)
from bot.privacy.wordnames import (
    _RATINGS,
    _SPEAK,
    _about_pronoun,
    _abstract_use,
    _aside_then_verb,
    _first_names,
    _idiom,
    _idioms,
    _in_title_phrase,
    _infinitive,
    _kin_owner,
    _labelled_subject,
    _name_not_modal,
    _named,
    _named_thing,
    _person_state,
    _pet,
    _plural_before_word,
    _rating,
    _verb_use,
)
from bot.privacy.wordshapes import (
    blank_links,
    hyphenated_candidate,
    is_contraction,
    is_lower_initials,
    not_lower_initials,
    place_phrases,
    shared_spans,
    word_norms,
    word_positions,
    word_spans,
)

_NEWS = frozenset({"update", "updates", "news", "info", "information", "concerns", "notes"})  # "update on Esme:"
_GREETINGS = frozenset({"thanks", "thank", "thankyou", "cheers", "hi", "hiya", "hello", "dear", "morning", "ta"})
_NAME_VERBS = frozenset({"will", "may"})  # verbs that are as often a child's name ("his brother will")
_STRICT_TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr"})  # 'ms khan': a title before a lower-case surname
_FILL_AFTER = 64  # candidates read one by one before a message dense with them has all its words built at once


def _name_spans(toks: Toks, cands: list[int], lex: Lexicon, c: Classifier, roles: RoleGate) -> Iterator[Span]:
    """Each candidate read in its context (_judge). `roles.settled(i)` asks the role reader first whether word i is a
    professional named in role (roles.py RoleReader.settled), so its name tests are skipped, and `roles.passed` holds
    the later words of phrases found so ("Jo Hill (IRO)": Hill, once Jo is read), skipped unread: in an attendee list
    most words are such, and reading each word's name tests was most of the time it cost. A word whose context (the
    words every test here and in the role reader can read around it, with the gaps between: Toks.context) was judged
    before in this message is judged from memory, its phrase's words passed again: a long message that repeats
    itself is read once per distinct context."""
    dense, passed, spans = len(cands) * 4 > len(toks), roles.passed, toks.spans
    memo: dict[object, tuple[bool, tuple[int, ...]]] = {}
    norms = toks.norms
    # (a word of one letter or a verb like "were" is no name wherever it is: turned away before its context is read)
    k = -1
    for block, keys in toks.blocks([i for i in cands if len(norms[i]) > 1 and norms[i] not in _FUNCTION]):
        if not k < _FILL_AFTER <= k + len(block) and None not in (answers := set(map(memo.get, keys))) \
                and not any(found[0] or found[1] for found in answers):  # type: ignore[index]
            k += len(block)  # every word judged before as no name, passing no other word: nothing to do here
            continue
        for i, key in zip(block, keys, strict=True):
            k += 1
            if k == _FILL_AFTER and dense and len(memo) * 2 > k:
                toks.fill()  # a long list of names not yet found: nearly every word will be read with its neighbours
            if i in passed:
                continue
            if (found := memo.get(key)) is None:
                roles.added = ()
                found = memo[key] = (_judge(i, toks[i], toks, lex, c, roles.settled),  # type: ignore[arg-type]
                                     roles.added)
            elif found[1]:
                passed.update(i + d for d in found[1])
            if found[0]:
                yield "name", spans[i][0], spans[i][1]


def _judge(i: int, t: Tok, toks: Toks, lex: Lexicon, c: Classifier, settled: Callable[[int], bool]) -> bool:
    """Whether candidate word i is a name."""
    v, n = lex.vocab, len(toks)
    idioms = _idioms()
    prev, nxt = toks[i - 1] if i else None, toks[i + 1] if i + 1 < n else None
    w = t.norm
    titled = prev is not None and (prev.norm in v.titles or _named(prev, toks[i - 2] if i > 1 else None))
    if len(w) < 2 or w in _FUNCTION or ((c.term(w) or w in v.role_words or w in _SMALL or w in _DETERMINERS)
                                        and not (t.cap and titled)):
        return False
    if not titled and w in v.document_parts and t.after.lstrip()[:1].isdigit():
        return False  # "see page 4": a part of a document before its number, though "page" is a name too
    if not t.cap and not titled and w in v.professional_roles:
        return False  # "governor asked", "chair said": a job typed in lower case, though some lists hold it as a name
    if len(w) <= 3 and t.upper:
        return False  # initials are judged separately
    known, common = c.known(w), c.common(w)
    if (t.possessive and nxt is not None and nxt.norm in v.person_relations and _PHRASE_PUNCT.isdisjoint(t.after)
            and _kin_owner(t, prev, lex)):
        return True  # "Reign's nan": only a person has a nan, whatever the word
    if common and not known and not titled:
        return False  # an ordinary word that is in no name list
    if settled(i):
        return False  # a professional named in role: any span here would be let pass
    # (each test after its cheap gate: a word in no saying, colour or season list is none of those)
    if not titled and ((t.cap and common and (_verb_use(i, toks, lex) or _infinitive(i, toks)))
                       or _named_thing(i, toks, lex) or (w in _RATINGS and _rating(i, toks))
                       or (w in idioms and _idiom(i, toks))
                       or (w in v.abstract_name_words and _abstract_use(i, toks, lex))
                       or (nxt is not None and nxt.norm == "the" and _pet(i, toks, lex))):
        return False  # "forgot to Mark the register", "a Jack Frost event": a verb, or a thing named after someone
    if titled and (t.cap or not common or (w in lex.surnames and prev.norm in _STRICT_TITLES)  # type: ignore[union-attr]
                   or (prev.norm in ("mr", "mrs") and w.isalpha() and w not in _DETERMINERS
                       and not t.before.endswith("["))):  # type: ignore[union-attr]
        return True
    prev2 = toks[i - 2] if i > 1 else None
    if not t.cap and w in v.verbs_after and not (w in _NAME_VERBS and _name_not_modal(i, toks, lex)):
        return False  # "mum said she...", "children will also": a verb, though 'said' and 'will' are also names
    determiner_before = prev is not None and prev.norm in _DETERMINERS and not t.before.strip()
    greeted = prev is not None and (prev.norm in _GREETINGS or (prev.norm == "you" and prev2 is not None
                                                                 and prev2.norm == "thank"))
    if determiner_before or (w in v.org_words and t.cap) or greeted:
        return False  # 'thanks Sam', 'hi Jo': a colleague addressed, not a child described
    if known and not common:
        return not _before_org(i, toks, lex)  # not 'Leighton Hospital', not 'the Halliwell Jones stadium'
    if known and _first_names(w, lex) and not (t.cap and _before_org(i, toks, lex)):
        return True  # 'Summer-Rose', 'lily-mae': every part a first name
    if not known and (common or _ACRONYM.fullmatch(t.raw) or not (w.isalpha() or "-" in w)):
        return False
    # the word's position, read only for the words that need it
    nn = nxt.norm if nxt and _PHRASE_PUNCT.isdisjoint(t.after) else ""
    place = c.place(w)
    after_role = (prev is not None and prev.norm in v.role_words and not prev.possessive
                  and _END_PUNCT.isdisjoint(t.before) and not _plural_before_word(t, prev, nxt, c, toks, i)
                  ) or _role_is(t, prev, prev2, lex)
    verb_next = nn in v.verbs_after or t.after.startswith(("'s ", "’s ")) or (nn == "to" and to_be_done(i, toks))
    ing_next = len(nn) > 4 and nn.endswith("ing")
    end_next = nxt is None or not _PHRASE_PUNCT.isdisjoint(t.after) or nn in v.after_contact
    relation_next = t.possessive and nxt is not None and nxt.norm in v.relation_after_possessive
    # "Georgia's boyfriend": a place has no mum or boyfriend (but may have social workers and partners)
    kin_next = relation_next and nxt.norm in v.person_relations  # type: ignore[union-attr]
    contact = prev is not None and (prev.norm in v.contact_verbs or (prev2 is not None and (
        (prev2.norm in _SPEAK and prev.norm in ("to", "with"))
        or (prev2.norm in _PICK and prev.norm == "up" and nn not in _PREPS))))
    clause = _clause_start(t, prev, lex) and not (prev is not None and prev.norm in _DETERMINERS)
    mid_cap = t.cap and not t.upper and not _sentence_start(t, prev)
    if known:  # a name that is also a word, place or term: only in a name position
        first = w in lex.first_names
        return bool((after_role and (t.cap or verb_next or ing_next or end_next or t.possessive))
                    or (t.possessive and not place and w in lex.first_names)
                    or (t.possessive and relation_next and (not place or kin_next))
                    or (first and clause and verb_next and not t.possessive
                        and (not place or nn in v.person_verbs or _person_state(i, toks, lex)))
                    or (first and clause and not place and (_aside_then_verb(i, toks, lex) or _labelled_subject(
                        i, toks, lex) or _unlisted_subject(i, toks, lex)))  # "precious mutasa has" (round 42)
                    or (first and contact and end_next and not place)
                    or (first and not place and _about_pronoun(i, toks, lex))
                    or (first and not place and (_with_relative(i, toks, lex) or _person_cue(i, w, toks, lex)))
                    or (first and _case_for(w, prev, prev2, nn, end_next or verb_next, lex))
                    or (mid_cap and not place and not _in_title_phrase(i, toks, c, lex)
                        and not _before_org(i, toks, lex))  # 'Rose Hill school', 'Grace Road surgery'
                    or (first and ((aged_aside(i, toks) and w not in v.not_name_times)
                                   or (t.cap and _surname_next(i, toks, lex))))
                    or (first and _lower_surname_next(t, toks[i + 1], lex)))
    return bool(  # in no list
            (after_role and (t.cap or verb_next or ing_next or end_next))
            or relation_next
            # "chidi's been excluded": a word in no list, owning or being (not "SCiE's", an organisation)
            or (t.possessive and sum(ch.isupper() for ch in t.raw) <= 1)
            or _with_relative(i, toks, lex) or with_described_relative(i, toks, lex)
            or particle_surname(i, toks, lex, c) or (t.cap and not t.upper and aged_aside(i, toks))  # (round 42)
            or (contact and end_next and not (t.cap and prev is not None and prev.norm in _ORG_CONTACT))
            # "told Jaz we'd ...", "the report for Wiktoria on Friday": a capitalised word in no list, mid-sentence,
            # told or done for
            or (mid_cap and prev is not None and not _before_org(i, toks, lex)
                and (prev.norm in v.contact_verbs or (prev.norm in _FOR_WHOM and prev2 is not None
                                                      and prev2.norm in v.case_nouns)))
            or (prev is not None and prev.norm in ("about", "with") and end_next and not t.cap)
            or (prev is not None and prev.norm == "on" and prev2 is not None and prev2.norm in _NEWS and end_next)
            or (clause and verb_next and not t.possessive)
            # "K. Nowak": a capitalised word in no list after a capital's initial and its full stop (round 34)
            or (t.cap and not t.upper and prev is not None and len(prev.raw) == 1 and prev.cap and t.before == ". ")
            or (clause and not t.possessive and _unlisted_subject(i, toks, lex))
            or (mid_cap and _capitalised_neighbour(i, toks, c) and not _before_org(i, toks, lex)))


def _unlisted_subject(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'bartosz kaczmarek said', 'patrycja nowak-kowalczyk is 15': a word in no list, then a surname or another word in
    no list typed in lower case, then a person's verb: a first name and a surname as a clause's subject (round 33)."""
    t, nxt, after = toks[i], toks[i + 1], toks[i + 2]
    if t is None or nxt is None or after is None or t.after != " " or nxt.after != " " or nxt.cap:
        return False
    w = nxt.norm
    return (len(w) > 2 and w.replace("-", "").isalpha() and after.norm in lex.vocab.verbs_after and (
        (w in lex.surnames and (w not in lex.english or t.norm not in lex.english))  # not "art room is" (round 42)
        or (w not in lex.english and w not in lex.rare_english and w not in lex.places
            and w not in lex.vocab.acronyms and w not in lex.vocab.service_acronyms)))


_FOR_WHOM = frozenset({"for", "re"})  # "the report for Wiktoria", "re Kacper"
# "dad picked up faith drunk" (round 46; not "picked up faith in the process")
_PICK, _PREPS = frozenset({"picked", "pick", "picks", "picking"}), frozenset({"in", "on", "at", "into", "and", "about"})
_SOON = frozenset({"tmrw", "tomorrow", "tomoz", "today", "tonight", "asap", "later", "pls", "please"})


def _case_for(w: str, prev: Tok | None, prev2: Tok | None, nn: str, ends: bool, lex: Lexicon) -> bool:
    """'cp plan for mason ended', 'strategy meeting for harley', 'chase the iro about brooke tmrw': a first name that
    is also a word, after a piece of casework and "for / re / about", ending its phrase: the child the work is for."""
    v = lex.vocab
    return (prev is not None and prev2 is not None and prev.norm in ("for", "re", "about", "regarding")
            and prev2.norm in v.case_nouns and w not in v.not_name_times and w not in v.local_places
            and (ends or nn in _SOON or nn.endswith("ed")))


def _role_is(t: Tok, prev: Tok | None, prev2: Tok | None, lex: Lexicon) -> bool:
    """'the child is Oakley', 'mum was Leanne': a capitalised first name after a family or child word and is/was."""
    return (prev is not None and prev2 is not None and prev.norm in ("is", "was") and t.cap
            and prev2.norm in lex.vocab.role_words and prev2.norm not in ("name", "names", "initials", "re")
            and not prev2.possessive and t.norm not in lex.vocab.communities and t.norm not in lex.proper_nouns
            and (t.norm in lex.first_names or (t.norm not in lex.english and t.norm not in lex.rare_english)))


def _surname_next(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'Brandon Shaw', 'Chester Wilde': a first name that is also a place or word, then a capitalised surname (or a
    word in no list) that is no English word (not 'Rose Room', 'Victoria Park', 'Grace Hall') nor an organisation."""
    t, nxt = toks[i], toks[i + 1]
    return (t is not None and nxt is not None and t.after == " " and nxt.cap and not nxt.upper
            and t.norm not in lex.vocab.patron_titles and nxt.norm not in lex.english
            and nxt.norm.replace("'", "").isalpha()  # "D'Souza", "O'Neill"
            and (nxt.norm in lex.surnames or (nxt.norm not in lex.rare_english and nxt.norm not in lex.places))
            and nxt.norm not in lex.vocab.org_words
            and not _before_org(i + 1, toks, lex) and not _before_org(i, toks, lex))


def _lower_surname_next(t: Tok, nxt: Tok | None, lex: Lexicon) -> bool:
    """'re: hope atkinson': a first name typed in lower case, then a surname that is no English word or place."""
    return (nxt is not None and not t.cap and not nxt.cap and t.after == " " and nxt.norm.isalpha()
            and nxt.norm in lex.surnames and nxt.norm not in lex.english and nxt.norm not in lex.rare_english
            and nxt.norm not in lex.places and nxt.norm not in lex.vocab.not_names)


def _before_org(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'Leighton Hospital', 'the Halliwell Jones stadium', 'Joseph Rowntree Foundation': a word right before an
    organisation word is part of its name, unless a person's verb follows ('Lucy Green told')."""
    t, nxt = toks[i], toks[i + 1]
    prev = toks[i - 1] if i else None
    if t is None or nxt is None or t.after.strip():
        return False
    if t.upper and len(t.norm) > 3 and nxt.norm in lex.vocab.org_words | lex.vocab.service_units:
        return True  # 'CAIT switchboard', 'JADE team': a service's acronym, though its letters spell a name
    if nxt.norm not in lex.vocab.org_words:
        # 'Lucy Faithfull Foundation': two capitalised words, then the organisation word
        org = toks[i + 2]
        return (t.cap and nxt.cap and not nxt.after.strip() and org is not None and org.cap
                and org.norm in lex.vocab.org_words)
    if not (nxt.cap or (prev is not None and prev.cap and not t.before.strip(" "))):
        return False
    after = toks[i + 2]
    return not (after is not None and after.norm in lex.vocab.person_verbs and not nxt.after.strip())


def _person_cue(i: int, w: str, toks: Toks, lex: Lexicon) -> bool:
    """'will (yr 4)', 'let summer go', 'ruby and her little brother' (person_cues.py; a month or season: a verb too)."""
    return ((aged_aside(i, toks) and w not in lex.vocab.not_name_times) or let_go(i, toks, lex)
            or with_described_relative(i, toks, lex))


def _with_relative(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'summer and her mum', 'will and his nan': a first name joined to a relative."""
    norms = toks.norms  # looked up without building tokens: most words are not followed by "and"
    return (i + 3 < len(norms) and norms[i + 1] == "and" and norms[i + 2] in ("his", "her", "their")
            and _base(norms[i + 3]) in lex.vocab.relation_after_possessive)


def _capitalised_neighbour(i: int, toks: Toks, c: Classifier) -> bool:
    """Two capitalised words, neither an ordinary word: a full name ('Kasia Wiśniewska')."""
    return any(o.cap and not o.upper and not between.strip() and not c.common(o.norm)
               for o, between in _neighbours(i, toks))


def name_detectors(text: str, src: Source | None = None) -> list[Iterator[Span]]:
    """Lazy detectors of names, family surnames and initials. Only words that could be one (in a name list, in
    no word list, short capitals, after a title or "the") are looked at closely: an ordinary word costs a few
    set lookups, so screening stays linear and cheap."""
    lex = lexicon()
    text, links = blank_links(text)  # a link's words are not names (same offsets)
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length in lower case: look up word by word
        lowered = text
    # plain ASCII lower case: the same words as TOKEN, matched with a class the regex engine tests far faster
    # (words and spans from one split, no Python step per word and no list of match objects: 20,000 of them kept
    # alive brought a full cyclic collection into the screening, costing more than the scan)
    spans, norms = shared_spans(src, text) or word_spans(word_pattern(lowered) if lowered is not text else TOKEN,
                                                         lowered)
    norms, bases = word_norms(text, lowered, spans, norms)
    n = len(spans)
    at = word_positions(bases)
    distinct = at.keys()  # (a set-like view)
    names, ordinary, openers = _cues()
    # Ordinary words are most words: one set difference leaves the few to look at (names, words in no list).
    odd = {b for b in distinct - ordinary if not is_contraction(b, ordinary)} | names.intersection(distinct)
    cand: set[int] = set()
    for b in odd:
        if b in names or "-" not in b or hyphenated_candidate(b, names, ordinary):
            cand.update(at[b])
    cand.update(i + 1 for b in openers & distinct for i in at[b])
    shorts = short_capitals(text, spans, norms, bases, lex)
    cand.update(shorts)
    relations = lex.vocab.person_relations
    # "Reign's nan": any word owning a relative is looked at
    cand.update(i - 1 for b in relations & distinct for i in at[b] if i and norms[i - 1].endswith(("'s", "’s")))
    # 'kb and his stepdad', 'rb told', 'jb ... with his gran': initials typed in lower case, two or three letters with
    # no vowel (kin.py decides from the words around them)
    pairs = "and" in distinct
    lower_initials = {b for b in distinct if len(b) < 4 and is_lower_initials(b, lex)  # (a call saved per long word)
                      and (pairs or b not in not_lower_initials())}
    if lower_initials:  # each distinct word judged once; then only its places are looked at
        shorts = sorted(set(shorts) | {i for b in lower_initials for i in at[b] if text[spans[i][0]].islower()})
    phrases = place_phrases()
    cand.difference_update(j for first in phrases.keys() & distinct for i in at[first]
                           if i + 1 < n and bases[i + 1] in phrases[first] for j in (i, i + 1))
    cand.difference_update(eponyms(text, spans, bases, at, cand, lex))
    cand.difference_update(not_people(text, src, links, spans, bases, at, lex))
    # "a DS from CAIT": a service's acronym typed in capitals, though its letters spell a name ("cait's mum") (round 28)
    cand.difference_update(i for b in lex.vocab.service_acronyms & distinct for i in at[b]
                           if text[spans[i][0]:spans[i][1]].isupper())
    cands = sorted(cand)
    cands = cands[bisect.bisect_left(cands, 0):bisect.bisect_left(cands, n)]
    family_nouns = lex.vocab.family_nouns | lex.vocab.family_home_nouns | lex.vocab.family_case_labels  # (round 49)
    english = lex.english
    frequent = lex.frequent_surnames
    # "the Nowaks", "the Walsh family", "the hughes kids" (round 48, "the Ó Briains"): the words worth building for
    families = sorted({i + 1 for i in at.get("the", ()) if i + 1 < n and bases[i + 1][-1:] == "s"
                       and (text[spans[i + 1][0]].isupper() or bases[i + 1] in odd or bases[i + 1][:-1] in frequent)}
                      | {i - 1 for b in family_nouns & distinct for i in at[b]
                         if i and (text[spans[i - 1][0]].isupper() or bases[i - 1] not in english
                                   or bases[i - 1] in frequent)}
                      | {i for b in odd if b[-1:] == "s" and b.startswith(("mc", "mac")) for i in at[b]}  # round 27
                      | {i + 2 for i in at.get("the", ()) if i + 2 < n and bases[i + 1] in GAELIC_BASES
                         and bases[i + 2][-1:] == "s"})  # 'the Ó Briains' (round 48)
    toks = Toks(text, spans, norms)
    c = classifier()
    roles = RoleGate(toks, lex)
    return [roles.unless_in_role(_name_spans(toks, cands, lex, c, roles)),
            family_spans(toks, families, lex, c),
            initial_spans(toks, shorts, lex)]


@cache
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Name-list words (less those _name_spans never takes for a name: 'the', 'an', 'case'); ordinary words (a name
    only in a name position); titles (any word after one is looked at)."""
    lex = lexicon()
    v = lex.vocab
    c = classifier()
    never = _FUNCTION | _SMALL | _DETERMINERS | v.not_names | v.acronyms | v.role_words
    return ((lex.first_names | lex.surnames) - never,
            c.stop | lex.places | lex.proper_nouns | (lex.rare_english - lex.first_names - lex.surnames),
            v.titles)
