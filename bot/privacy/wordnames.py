"""Names that are also words, used as words: where a word in the name lists ("Mark", "Chase", "Joy", "Grace")
is a verb, part of a title or a thing's name, or the sentence going on after a plural ("kids fed"), so a capitalised
or lower-case name-word there is no child's name (names.py asks these before it calls a name-word a name).
"""

from __future__ import annotations

import re
from functools import cache

from bot.privacy.lexicon import Lexicon, Vocabulary, vocabulary
from bot.privacy.person_cues import aged_aside, listed_place, names_of_things, water_name
from bot.privacy.programmes import broadcaster, programme_title
from bot.privacy.tokens import (
    _DETERMINERS,
    _FUNCTION,
    _PHRASE_PUNCT,
    _SMALL,
    _STOP_PUNCT,
    Classifier,
    Tok,
    Toks,
    _neighbours,
    _sentence_start,
)

# Verbs whose person follows 'to' or 'with' ("spoke to amber"; not "visit to carry out").
_SPEAK = frozenset({"spoke", "spoken", "speak", "speaking", "talked", "talk", "talking", "chatted", "chat", "chatting",
                    "met", "meet", "meeting", "wrote", "write", "explained", "listened", "sat", "worked", "working",
                    "played", "went", "go", "going", "stayed", "staying", "lives", "living", "contact"})


_OPENERS = _FUNCTION | frozenset({"did", "does", "has", "is", "was", "will", "where", "when", "how", "why", "what",
                                  "who"})


def _verb_use(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'forgot to Mark the register', 'can you Chase up the GP': after "to" (not "spoke to"), "you", "someone" or
    "please", and
    before an article or particle, a name that is also an English verb is the verb."""
    prev, prev2, nxt = toks[i - 1] if i else None, toks[i - 2] if i > 1 else None, toks[i + 1]
    if prev is None or nxt is None or not _PHRASE_PUNCT.isdisjoint(toks[i].after) or nxt.norm not in \
            lex.vocab.verb_particles:  # type: ignore[union-attr]
        return False
    if prev.norm == "to":
        return prev2 is None or (prev2.norm not in _SPEAK and prev2.norm not in lex.vocab.contact_verbs)
    return prev.norm in ("you", "please", "pls", "plz", "someone", "somebody", "anyone", "anybody")  # (round 38)


# Verbs that take "to" and an infinitive: after them a name-word is the verb ("we need to Mark this").
_INFINITIVE = frozenset({"need", "needs", "needed", "have", "has", "had", "want", "wants", "wanted", "remember",
                         "forgot", "forget", "try", "tried", "trying", "able", "ought", "help", "helps"})


def _infinitive(i: int, toks: Toks) -> bool:
    prev, prev2 = toks[i - 1] if i else None, toks[i - 2] if i > 1 else None
    t = toks[i]
    return (t is not None and not t.possessive and prev is not None and prev2 is not None and prev.norm == "to"
            and prev2.norm in _INFINITIVE and not prev.before.strip() and not t.before.strip())


def _named_thing(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'a Jack Frost event', 'an Andy Pandy costume': capitalised words after "a" / "an" and before a lower-case
    word that is no verb name a kind of thing; a person is not "a Tom Smith". Also a course named by name-words
    ("the Joy and Hope group") and a broadcaster watched ("watching Sky"): programmes.py, round 28."""
    if programme_title(i, toks) or broadcaster(i, toks) or names_of_things(i, toks, lex) or water_name(i, toks, lex) \
            or listed_place(i, toks, lex):
        return True
    j = i
    while j > i - 3 and j > 0 and toks[j - 1] is not None and toks[j - 1].cap and toks[j - 1].after == " ":  # type: ignore[union-attr]
        j -= 1
    before = toks[j - 1] if j else None
    if before is None or before.norm not in ("a", "an") or before.after != " " or (j == i and toks[i].before != " "):  # type: ignore[union-attr]
        return False
    k = i
    while k < i + 3 and toks[k + 1] is not None and toks[k].after == " " and toks[k + 1].cap:  # type: ignore[union-attr]
        k += 1
    after = toks[k + 1]
    v = lex.vocab
    return (after is not None and toks[k].after == " " and not after.cap and after.norm.isalpha()  # type: ignore[union-attr]
            and after.norm not in v.verbs_after and after.norm not in v.person_verbs and after.norm not in _FUNCTION
            and after.norm not in v.person_states and after.norm not in _SMALL)


# Ratings by colour ("Red, Amber, Green"): a colour that is also a name, listed with another colour, is a rating.
_RATINGS = frozenset({"red", "amber", "green", "blue", "grey", "gold", "silver", "pink", "white", "black"})


_RATED = frozenset({"rag", "rated", "rating", "ratings", "rate", "graded", "grading", "flagged", "rag-rated"})


def _rating(i: int, toks: Toks) -> bool:
    """'Amber and Red flags', 'a Red/Amber rating': colours listed together are a rating, not two children."""
    t = toks[i]
    if t is None or t.norm not in _RATINGS:
        return False
    if not _RATED.isdisjoint(toks.norms[max(0, i - 12):i + 13]):
        return True  # "we rated it Amber on the RAG, should it have been Red" (round 36)
    for j, joiner in ((i - 2, i - 1), (i + 2, i + 1)):
        o, mid = (toks[j], toks[joiner]) if j >= 0 else (None, None)
        if o is not None and mid is not None and o.norm in _RATINGS and mid.norm in ("and", "or", "to"):
            return True
    near = [toks[j] for j in (i - 1, i + 1) if j >= 0]
    return any(o is not None and o.norm in _RATINGS and (t.after.strip() in (",", "/") or o.after.strip() in (",", "/"))
               for o in near)


def _plural_before_word(t: Tok, prev: Tok, nxt: Tok | None, c: Classifier, toks: Toks, i: int) -> bool:
    """'kids fed', 'parents too': after a plural role word, a lower-case ordinary word that starts no list of names
    is the sentence going on ('the twins ruby and jade' is still a name; 'kids fed and clean' is not, as the word
    after "and" is no name: round 53)."""
    then = toks[i + 2] if nxt is not None and nxt.norm == "and" else None
    return (prev.norm.endswith("s") and not t.cap and c.common(t.norm) and t.after.strip() not in (",", "&")
            and not (nxt is not None and nxt.norm in ("and", "&") and (then is None or c.known(then.norm))))


def _in_title_phrase(i: int, toks: Toks, c: Classifier, lex: Lexicon) -> bool:
    """'Hope House', 'Victim Support': a capitalised word beside a capitalised ordinary word or org word."""
    for o, between in _neighbours(i, toks):
        ordinary = o.norm in lex.vocab.org_words or (c.common(o.norm) and not c.known(o.norm))
        if o.cap and not between.strip() and ordinary and not _opening_word(o, toks[i - 2] if i > 1 else None):
            return True
    return _title_before(i, toks, c) or _title_after(i, toks, c, lex)


def _title_before(i: int, toks: Toks, c: Classifier) -> bool:
    """"Plan to Protect from Harm": a capitalised ordinary word a few small words before."""
    for j in range(i - 1, max(-1, i - 4), -1):
        o = toks[j]
        if o is None or (not o.cap and o.norm not in _SMALL) or not _STOP_PUNCT.isdisjoint(o.after):
            return False
        if _opening_word(o, toks[j - 1] if j else None):
            return False
        if o.cap and o.norm not in _SMALL:
            return c.common(o.norm) and not c.known(o.norm)
    return False


def _title_after(i: int, toks: Toks, c: Classifier, lex: Lexicon) -> bool:
    """"Joy to the World", "Hope for the Future": small words, then a capitalised ordinary word (not a place or
    body's word: "Grace at the Hospital" may still be a child)."""
    if toks[i] is None or not _STOP_PUNCT.isdisjoint(toks[i].after):  # type: ignore[union-attr]
        return False
    for j in range(i + 1, i + 4):
        o = toks[j]
        if o is None or o.norm not in _SMALL or o.cap:
            return (j > i + 1 and o is not None and o.cap and not o.upper and c.common(o.norm)
                    and not c.known(o.norm) and o.norm not in lex.vocab.org_words and not c.place(o.norm))
        if not _STOP_PUNCT.isdisjoint(o.after):
            return False
    return False


def _opening_word(o: Tok, before: Tok | None) -> bool:
    """'Is Joy still...', 'Did Faith...': a verb or question word capitalised only because it opens a sentence."""
    return o.norm in _OPENERS and _sentence_start(o, before)


@cache
def _idioms() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """Each word of a saying made of names -> (the saying's words, the word's place in it)."""
    out: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for idiom in vocabulary().name_idioms:
        # a word's norm has no "'s" ("bob's your uncle" is matched as "bob your uncle")
        words = tuple(w[:-2] if w.endswith("'s") else w for w in idiom.split())
        for k, w in enumerate(words):
            out.setdefault(w, []).append((words, k))
    return {w: tuple(v) for w, v in out.items()}


def _idiom(i: int, toks: Toks) -> bool:
    """'rob Peter to pay Paul', 'every Tom, Dick and Harry': a name inside a saying made of names."""
    t = toks[i]
    for words, k in _idioms().get(t.norm, ()) if t is not None else ():
        if all((o := toks[i - k + j]) is not None and o.norm == w for j, w in enumerate(words)):
            return True
    return False


_ADVERBS = frozenset({"always", "usually", "often", "normally", "generally", "typically", "definitely", "really",
                      "very", "so", "even", "much", "getting", "a", "bit"})


def _abstract_use(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'Summer is always quieter', 'Patience is key', 'patience needed': a season or virtue spoken of as a thing."""
    t, v = toks[i], lex.vocab
    if t is None or t.norm not in v.abstract_name_words or t.possessive:
        return False
    if t.norm in v.not_name_times and _season_term(i, toks, v):
        return True  # "Autumn term dates are out, Spring to follow" (round 45)
    j = i + 1
    if toks[j] is not None and toks[j].norm in ("is", "was", "'s"):  # type: ignore[union-attr]
        j += 1
    while j < i + 5 and toks[j] is not None and toks[j].norm in _ADVERBS:  # type: ignore[union-attr]
        j += 1
    o = toks[j]
    return o is not None and o.norm in v.abstract_predicates




def _season_term(i: int, toks: Toks, v: Vocabulary) -> bool:
    """A season before "term", or one standing in a list ("Autumn to follow", "Spring and Summer") within twelve words
    of a season before "term": a school's terms, no child. A season followed by anything else ("Autumn missed the
    whole Spring term", "Summer told her teacher") may be a child's name."""
    nxt = toks[i + 1]
    if nxt is not None and nxt.norm in v.season_event_nouns:
        return True  # "Summer term", "Winter briefing": the season names an event
    if nxt is not None and nxt.norm not in v.season_list_words:
        return False
    for k in range(max(0, i - 12), i + 13):
        o, nxt = toks[k], toks[k + 1]
        if o is not None and nxt is not None and o.norm in v.not_name_times and nxt.norm in ("term", "terms") and o.cap:
            return True
    return False


def _pet(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'Marley the dog was rehomed': a name-word just before "the" and an animal is a pet's."""
    the, animal, t = toks[i + 1], toks[i + 2], toks[i]
    return (t is not None and the is not None and animal is not None and the.norm == "the"
            and animal.norm in lex.vocab.pet_words and not t.after.strip() and not the.after.strip())


_NOT_OWNERS = frozenset({"everyone", "someone", "anyone", "nobody", "somebody", "anybody", "everybody", "one", "who",
                         "whose", "each", "other", "another", "mother", "father", "today", "yesterday", "tomorrow"})


def _kin_owner(t: Tok, prev: Tok | None, lex: Lexicon) -> bool:
    """A word before "'s" and a relative only a person has, not after a determiner ("the landlord's son") and not a
    pronoun, place or role ("everyone's mum", "Halton's dad"?)."""
    w = t.norm
    return (t.possessive and (prev is None or prev.norm not in _DETERMINERS) and w not in _NOT_OWNERS
            and w not in lex.vocab.role_words and w not in lex.vocab.not_names and w not in lex.vocab.acronyms
            and not (w in lex.places and w not in lex.english) and w.isalpha())


def _name_not_modal(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'his brother will', 'that will was missing', 'told will his mum': not the modal ('children will also')."""
    prev, nxt = toks[i - 1] if i else None, toks[i + 1]
    if toks[i] is not None and toks[i].possessive:  # type: ignore[union-attr]
        return True  # "will's been off": the modal takes no 's
    return (prev is not None and prev.norm in lex.vocab.person_relations) or (
        nxt is not None and nxt.norm in ("was", "is", "has", "had", "said", "says", "told", "his", "her", "and")) or (
        aged_aside(i, toks) or (nxt is not None and not nxt.cap and nxt.norm in lex.surnames  # "will (yr 4)"
                                and nxt.norm not in lex.english and nxt.norm not in lex.rare_english))  # "may nguyen"


def _named(prev: Tok, before: Tok | None) -> bool:
    """'surname is Petrescu', 'family name is ...', 'surname Petrescu': the word after is a name."""
    return prev.norm in ("surname", "surnames") or (
        prev.norm in ("is", "was") and before is not None and before.norm in ("surname", "name"))


def _first_names(w: str, lex: Lexicon) -> bool:
    parts = w.split("-")
    return len(parts) > 1 and all(len(p) > 2 and p in lex.first_names for p in parts)


def _person_state(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'brooke was found', 'chester is missing': is/was and a state only a person is in, after a name that is
    also a place."""
    nxt, after = toks[i + 1], toks[i + 2]
    return (nxt is not None and after is not None and nxt.norm in ("is", "was", "has", "had", "been")
            and after.norm in lex.vocab.person_states)


def _about_pronoun(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'worried about river, he's...': a first name after about/re/for, then a comma and a pronoun; or after
    "worried / concerned about", then a comma and a description with his or her later in its sentence ('worried
    about river, new clothes nobody bought her', round 37; not a season or an abstract word, "worried about summer")."""
    t, prev, nxt = toks[i], toks[i - 1] if i else None, toks[i + 1]
    if prev is None or t is None or prev.norm not in ("about", "re", "for", "with") or t.after.strip() != ",":
        return False
    if nxt is not None and nxt.norm in ("he", "she", "they", "he's", "she's", "they're", "hes", "shes"):
        return True
    v = lex.vocab
    if i < 2 or (w := toks[i - 2]) is None or w.norm not in _WORRIED or t.norm in v.not_name_times or (
            t.norm in v.abstract_name_words):
        return False
    for k in range(i + 1, min(len(toks), i + 14)):
        if (n := toks[k]) is None or (k > i + 1 and not _STOP_PUNCT.isdisjoint(n.before)) or "\n" in n.before:
            return False
        if n.norm in _HIS_HER:
            return True
    return False


_WORRIED = frozenset({"worried", "concerned", "worries", "concerns", "worry", "concern", "anxious"})
_HIS_HER = frozenset({"he", "she", "his", "her", "him", "hers", "himself", "herself", "he's", "she's", "hes", "shes"})



# An aside in brackets that says something of a person: an age, a school year, a pronoun or gender, "that's his name".
_ASIDE = re.compile(r"\s{0,2}\((?=[^()\n]{0,40}?(?:(?<![\d/.:])\d{1,2}(?![\d/.:])|\b(?:his|her|their|name|boy|girl|"
                    r"yo|aged?|yrs?|year|non-binary|nb|trans|twins?|baby|he|she|they)\b))[^()\n.;!?]{1,40}\)"
                    r"\s{1,2}([a-z’']{2,12})\b", re.IGNORECASE)


def _aside_then_verb(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'sky (year 5) says', 'honey (2) had', 'bear (yes that's his name) hasn't': a first name opening its clause, an
    aside in brackets that says something of a person, then a person's verb (round 36; not "summer (2 weeks) is")."""
    t, v = toks[i], lex.vocab
    if t is None or t.possessive or t.norm in v.abstract_name_words:
        return False
    m = _ASIDE.match(toks.text, t.end, t.end + 64)
    verb = m.group(1).lower().replace("’", "'") if m else ""
    return verb in v.verbs_after or verb in v.person_verbs


_LABEL_MARKS = frozenset({"-", "–", "—", ":"})


def _labelled_subject(i: int, toks: Toks, lex: Lexicon) -> bool:
    """'mason - missing again last night', 'hope: excluded today': a first name that is also a word, alone at its
    line's start before a dash or colon, then within four words a state only a person is in (person_states): the
    note's subject (round 37; not a season or month heading, "summer - missing episodes rose")."""
    t, prev = toks[i], toks[i - 1] if i else None
    if t is None or t.norm in lex.vocab.not_name_times or t.after.lstrip()[:1] not in _LABEL_MARKS or (
            prev is not None and "\n" not in t.before):
        return False
    states = lex.vocab.person_states
    return any((n := toks[k]) is not None and n.norm in states for k in range(i + 1, min(len(toks), i + 5)))
