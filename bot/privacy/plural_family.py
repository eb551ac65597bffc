"""Families named by a surname, as kin.py's family_spans reads them: plural ("the Nowaks", moved here in round 34),
plural in lower case (round 27: a surname that is also a word, at a piece of casework, "the bakers at conference";
a Mc, Mac or O' surname made plural, which no English word is, "visit mcgraths"), and in capitals before a family
word (round 34, "the NOWAK family"). Each looks at a few words.
"""

from __future__ import annotations

from bot.privacy.lexicon import Lexicon
from bot.privacy.tokens import Classifier, Tok, Toks

# Where a service is, after a place's name ("the Seacombes family hub", "the Beechwoods centre"): no family's (round
# 33); a service after "family" ("family hub", "family court"): the word before names a place, not a family.
_VENUES = frozenset({"hub", "hubs", "centre", "centres", "center", "clinic", "surgery", "library"})
FAMILY_SERVICE = frozenset({"hub", "hubs", "centre", "centres", "center", "court", "courts", "zone", "project", "room",
                            "hall", "drop-in", "partnership", "network", "services"})


def place_before_service(nxt: Tok, after: Tok | None, family_nouns: frozenset[str]) -> bool:
    """The words after a plural name: a venue, or a family noun and a service ("family hub")."""
    return nxt.norm in _VENUES or (nxt.norm in family_nouns and after is not None and after.norm in FAMILY_SERVICE
                                   and not nxt.after.strip(" "))


# Endings of a kind of case ("a sextortion case", "a nudification case"), not a family's name (round 33).
_KIND_ENDS = ("ion", "ism", "ity", "ness")


def kind_of_case(t: Tok, prev: Tok | None, nxt: Tok, lex: Lexicon) -> bool:
    """A lower-case word in no surname list before "case", after "a / an" or with a noun's ending: the case's kind.
    Or a capitalised word before a capitalised plural family noun, not after "the": a charity's name ("Ormiston
    Families run ...", round 50), not "the Walsh family"."""
    if t.cap and nxt.cap and nxt.norm.endswith("s") and not nxt.possessive and (prev is None or prev.norm != "the"):
        return True
    return (nxt.norm == "case" and not t.cap and t.norm not in lex.surnames
            and (t.norm.endswith(_KIND_ENDS) or prev is None or prev.norm in ("a", "an")))


_AT = frozenset({"at", "in", "to", "for"})
_MC = ("mc", "mac", "o'", "o’")


def lower_family(i: int, t: Tok, toks: Toks, lex: Lexicon) -> bool:
    w, v = t.norm, lex.vocab
    if not w.endswith("s") or len(w) < 4:
        return False
    stem = w[:-1]
    if i and toks.norms[i - 1] == "the" and (_double_barrelled(w, stem, lex) or _apposed(i, stem, toks, lex)):
        return True
    if t.cap or len(w) < 5:
        return False
    if w.startswith(_MC) and not any(x in lex.english or x in lex.rare_english for x in (stem, w)):
        return True  # 'joint visit mcgraths', 'the macleods': no word is spelt so
    norms = toks.norms
    if i and norms[i - 1] == "the" and _surname_no_word(w, stem, lex) and _where_lives(i + 1, norms, lex):
        return True  # 'the pembertons on the estate', 'the hargreaves have moved' (round 38)
    if i == 0 or norms[i - 1] != "the" or stem not in lex.frequent_surnames or stem in v.colours:
        return False
    if stem in v.org_words or stem in v.role_words or stem in v.titles or w in lex.places:
        return False
    k = i + 1
    return (k + 1 < len(norms) and norms[k] in _AT and not t.after.strip()
            and any(norms[j] in v.casework_words or norms[j] == "core" for j in range(k + 1, min(len(norms), k + 4))))


_APPOSING = frozenset("-–—,:(")


def _double_barrelled(w: str, stem: str, lex: Lexicon) -> bool:
    """'the hussain-khans': every part of a hyphened plural a surname, and the whole no word (round 48)."""
    parts = stem.split("-")
    return len(parts) > 1 and w not in lex.english and all(p in lex.surnames and len(p) > 2 for p in parts)


def _apposed(i: int, stem: str, toks: Toks, lex: Lexicon) -> bool:
    """'traveller family - the lees -', 'the family, the Bakers, ...': a surname's plural set beside a family noun
    before it is that family's name, though the plural is also a word (round 48)."""
    v, the = lex.vocab, toks[i - 1]
    if i < 2 or the is None or toks.norms[i - 2] not in v.family_nouns or not _APPOSING & set(the.before):
        return False
    practice = stem in v.org_words or stem in v.role_words or stem in v.titles or stem in v.colours
    return (stem in lex.surnames or stem in lex.frequent_surnames) and not practice and stem not in v.not_names


_LIVES_AT = frozenset({"on", "in", "from", "at", "behind", "near", "off"})


def _surname_no_word(w: str, stem: str, lex: Lexicon) -> bool:
    """A plural whose singular is a surname, or in no list at all, and neither is a word, place, group or term."""
    v = lex.vocab
    if any(x in lex.english or x in lex.rare_english or x in lex.places or x in v.local_places or x in v.acronyms
           or x in v.service_acronyms or x in v.not_names or x in v.communities for x in (w, stem)):
        return False
    return stem in lex.surnames or stem in lex.frequent_surnames or not (
        stem in lex.proper_nouns or w in lex.proper_nouns or stem in lex.first_names)


def _where_lives(k: int, norms: list[str], lex: Lexicon) -> bool:
    """What a family does next ("have moved"), or where it lives within four words ("on the estate", "in the
    flats")."""
    if k >= len(norms):
        return False
    if norms[k] in _PLURAL_VERBS:
        return True
    homes = lex.vocab.settings | lex.vocab.family_home_nouns | {"flats", "road", "street", "lane", "close", "avenue"}
    return norms[k] in _LIVES_AT and any(norms[j] in homes for j in range(k + 1, min(len(norms), k + 5)))


_VOWELS = frozenset("aeiouy")


def capital_surname(t: Tok, nxt: Tok | None, after: Tok | None, lex: Lexicon, common: bool) -> bool:
    """'the NOWAK family', 'SMITH family', 'for the KHAN children': a surname in capitals, as records write it,
    straight before a family word (round 34; a capitals word of up to five letters is otherwise read as an acronym).
    Not an acronym or a service's letters ('the SEND children'), a community, a place, a word of three letters or one
    with no vowel ('the LAC children', 'the GRT family'), nor a service named for a place ('the SMITH family hub'). A
    word in a list counts only as a frequent surname, the family word not in capitals too ('THE YOUNG FAMILY', 'EACH
    child': a text in capitals, a word stressed)."""
    v, w = lex.vocab, t.norm
    if nxt is None or t.after.strip(" ") or nxt.norm not in v.family_nouns or len(w) < 4 or _VOWELS.isdisjoint(w):
        return False
    if (w in v.acronyms or w in v.service_acronyms or w in v.not_names or w in v.communities or w in v.local_places
            or w in lex.places or (after is not None and after.norm in FAMILY_SERVICE and not nxt.after.strip(" "))):
        return False
    if not common and w not in lex.english:
        return True  # a word in no list ("NOWAK")
    return w in lex.frequent_surnames and not nxt.upper


# What a family does, after its plural name typed in lower case.
_PLURAL_VERBS = frozenset({"have", "are", "were", "had", "moved", "live", "lived", "say", "said", "refused", "refuse",
                           "haven't", "aren't", "didn't", "don't", "won't", "need", "want", "wanted", "asked", "got"})
# What only a family does with services, after its plural name that is also a word ("the shepherds have refused").
AUX = frozenset({"have", "had", "has", "were", "are", "also", "again", "still", "just"})
_FAMILY_ACTS = frozenset({"refused", "refuse", "declined", "decline", "disengaged", "cancelled", "haven't", "havent",
                          "didn't", "didnt", "won't", "wont"})
NATIONAL = ("ish", "ese", "ian", "an", "ic", "i", "ch")


def plural_surname(t: Tok, nxt: Tok | None, act: Tok | None, lex: Lexicon, c: Classifier) -> bool:
    """'the Nowaks' (a surname in no word list, any case), 'the Smiths' (a frequent surname that is also a word,
    capitalised mid-phrase: not 'the Heads of Service', not 'the Courts', not 'the Meadows')."""
    w, v = t.norm, lex.vocab
    if w.endswith("ss"):
        return False  # 'the Ness', 'the Moss': no plural ends in a double s ('the Rosses')
    stem = w[:-2] if w.endswith("es") and w[:-2] in lex.surnames else w[:-1]
    if stem in v.not_names:
        return False
    if stem in lex.surnames and w not in lex.english and (t.cap or stem not in lex.english):
        return True  # 'the Begums', 'the o'briens'
    if t.cap and not c.common(w) and not c.common(stem):
        return True  # 'the Nowaks' (a surname in no list)
    if t.cap and stem in lex.places and w not in lex.places and stem not in lex.english and w not in lex.english:
        return True  # 'the Ramsbottoms': a town is never plural, a family named after one is
    if (t.cap and stem in lex.proper_nouns and not stem.endswith(NATIONAL) and stem not in v.communities
            and w not in lex.english and nxt is not None and nxt.norm in _PLURAL_VERBS):
        return True  # 'the Ashcrofts are planning ...': a proper noun made plural that does what people do
    if (not c.common(w) and not c.common(stem) and stem not in v.acronyms and stem not in v.service_acronyms
            and nxt is not None and nxt.norm in _PLURAL_VERBS):
        return True  # 'the kowalczyks have moved': in lower case, a plural in no word list that does what people do
    practice = stem in v.org_words or stem in v.role_words or stem in v.titles or w in lex.places
    if (not t.cap and stem in lex.frequent_surnames and not practice and nxt is not None
            and ((t.raw.endswith(("s'", "s’")) and nxt.norm in v.family_nouns | v.person_relations)
                 or (act is not None and act.norm in _FAMILY_ACTS))):
        return True  # 'the bakers' youngest', 'the shepherds refused the EHA': a family, though its name is a word
    return (t.cap and not t.upper and stem in lex.frequent_surnames and not practice
            and (nxt is None or (not nxt.cap and nxt.norm != "of")))


# what a family's eldest or youngest is called after its plural name ("the Wards' eldest"), beside family_nouns
_ORDERED = frozenset({"eldest", "youngest", "oldest", "middle", "twins", "baby", "kids", "children", "boys", "girls"})
_ARE = frozenset({"are", "were"})


def described_family(i: int, t: Tok, prev: Tok | None, toks: Toks, lex: Lexicon) -> bool:
    """'the Wards are a traveller family', 'the Hills' eldest': a capitalised surname made plural after "the", that is
    also a word or a place of practice (a ward, a court), said to be a family, or owning a child or a relative (round
    42): no ward or court is "a ... family" or has an eldest."""
    w, v = t.norm, lex.vocab
    if prev is None or prev.norm != "the" or not t.cap or t.upper or not w.endswith("s") or w[:-1] not in lex.surnames:
        return False
    nxt = toks[i + 1]
    if nxt is None or t.after.strip(" ") not in ("", "'", "’"):
        return False
    if t.possessive:
        return nxt.norm in _ORDERED or nxt.norm in v.person_relations
    if nxt.norm not in _ARE or (a := toks[i + 2]) is None or a.norm not in ("a", "an") or nxt.after != " ":
        return False
    for k in range(i + 3, i + 7):  # "are a traveller family", "are a large extended family"
        o = toks[k]
        if o is None or o.before.strip():  # (within its clause)
            return False
        if o.norm in ("family", "families", "household"):
            return True
    return False


# A family's group words after its name; a name that is also a place needs one that only a household is called.
_GROUPS = frozenset({"family", "families", "fam", "fams", "household", "households", "kids", "children", "lot", "clan",
                     "brood", "tribe"})
_HOUSEHOLD = frozenset({"family", "families", "fam", "fams", "household", "households"})


def _plain_surname(w: str, lex: Lexicon, describing: bool = True) -> bool:
    """A frequent surname that is no colour, venue, role, title or community (nor, `describing`, a word describing a
    family: "young" is one, "youngs" no word)."""
    v = lex.vocab
    return w in lex.frequent_surnames and not (describing and w in v.family_describers) and not any(
        w in s for s in (v.colours, v.org_words, v.role_words, v.titles, v.communities))


def word_surname_family(t: Tok, prev: Tok | None, nxt: Tok, lex: Lexicon) -> bool:
    """'the baker family', 'the hardy kids', 'the Hope family': a frequent surname that is also a word or a place,
    between "the" and a family's group word (round 45; not 'the foster family', 'the little kids', 'the Bolton family
    hub'), in lower case or capitalised."""
    if prev is None or prev.norm != "the" or nxt.cap or t.upper or not _plain_surname(t.norm, lex):
        return False
    if t.norm in lex.places or t.norm in lex.vocab.local_places:
        return nxt.norm in _HOUSEHOLD
    return nxt.norm in _GROUPS


_TO_THE = frozenset({"to", "on", "about", "re"})


def visited_family(i: int, t: Tok, prev: Tok | None, toks: Toks, lex: Lexicon) -> bool:
    """'joint visit to the youngs', 'worried about the Wards,': a frequent surname made plural after "the" and a visit
    or a worry (round 45): capitalised mid-sentence, or in lower case a plural that no English word is spelt as (not
    'visit the wards')."""
    w, v = t.norm, lex.vocab
    if prev is None or prev.norm != "the" or t.upper or not w.endswith("s") or not (
            _plain_surname(w[:-1], lex, describing=False)
            or (t.cap and w[:-1] in lex.frequent_surnames and w[:-1] not in v.family_describers)):
        return False
    cue = toks[i - 2] if i > 1 else None
    if cue is not None and cue.norm in _TO_THE:
        cue = toks[i - 3] if i > 2 else None
    if cue is None or cue.norm not in v.family_visit_cues:
        return False
    if not t.cap and (w in lex.english or w in lex.rare_english or w in lex.places):
        return w not in lex.places and _family_near(i, toks.norms, v.family_context_words)
    return True


def _family_near(i: int, norms: list[str], context: frozenset[str]) -> bool:
    """A plural that is also a word ('the stones', 'the fishers') is a family only with one at hand: a child, a parent
    or a joint visit within six words after it (round 46; 'the students visit the wards' has none)."""
    return any(norms[j] in context for j in range(i + 1, min(len(norms), i + 7)))


def labelled_family(t: Tok, prev: Tok | None, nxt: Tok, after: Tok | None, lex: Lexicon, c: Classifier) -> bool:
    """'Nowak core group 10am', 'cover the Okafor visit', 'the Sandhu grandparents': a capitalised surname, or a word
    in no list, straight before what casework labels with a family's name (vocabulary family_case_labels, round 49).
    Not a place, a first name or an English word ("the Halton visit", "the Christmas visit", "the Home visit")."""
    w, v = t.norm, lex.vocab
    if not t.cap or t.upper or t.possessive or nxt.cap or t.after != " " or nxt.norm not in v.family_case_labels:
        return False
    if nxt.norm == "core" and (after is None or after.norm != "group"):
        return False
    if prev is not None and (prev.cap or prev.norm in v.titles):
        return False  # "Jo Nowak visit", "Dr Okafor visit": a person's name, read by names.py
    listed = w in lex.surnames or w in lex.frequent_surnames
    unknown = not c.common(w) and not c.known(w) and w not in lex.proper_nouns
    return (listed or unknown) and w not in lex.places and w not in lex.english and w not in lex.first_names \
        and w not in v.not_names and w not in v.family_case_labels and w.isalpha()  # "new Genogram chronology"
