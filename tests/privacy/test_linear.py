"""Screening runs in linear time by construction: every regular expression in the screen has only bounded
quantifiers, so each start position costs a bounded number of steps whatever the input (the e-mail pattern
this replaces had an unbounded run and took seconds on a 40,000-character message). The time itself is printed
by scripts/eval_privacy.py, not asserted here."""

from __future__ import annotations

import re
from re import _parser as sre_parse  # the standard library's own parser of pattern syntax

import pytest

from bot.privacy import (
    accounts,
    aged_initials,
    casework_names,
    combos,
    family_set,
    feats,
    folding,
    informal,
    initial_context,
    kin,
    kin_names,
    known_as,
    lexicon,
    named_outright,
    names,
    patterns,
    phones,
    places,
    pointers,
    public,
    published,
    redaction,
    roles,
    schools,
    siblings,
    tokens,
    visited_family,
)

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def _compiled() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for module in (patterns, siblings, names, tokens, kin, lexicon, pointers, phones, roles, combos, published,
                   accounts, informal, places, public, known_as, feats, named_outright,
                   family_set, kin_names, visited_family, aged_initials, casework_names, initial_context, schools,
                   folding, redaction):
        found += [(f"{module.__name__}.{k}", v) for k, v in vars(module).items() if isinstance(v, re.Pattern)]
    # patterns built from the vocabulary file at first use
    built = [p for p in (*pointers._vocab_patterns(), pointers._work_cue()) if isinstance(p, re.Pattern)]
    found += [(f"bot.privacy.pointers.built{i}", p) for i, p in enumerate(built)]
    found += [(f"bot.privacy.combos.{k}", p) for k, p in combos._patterns().items()]
    found += [(f"bot.privacy.combos.event_{k}", p) for k, p in combos._event_patterns().items()]
    found += [("bot.privacy.accounts.cues", accounts._cues()[0]), ("bot.privacy.combos.newspaper", combos.newspaper())]
    return found


def _unbounded(tree: sre_parse.SubPattern | list) -> list[str]:
    """Descriptions of every repeat without a finite maximum, anywhere in the parsed pattern."""
    out: list[str] = []
    for op, av in tree:
        name = str(op)
        if name in _REPEATS:
            lo, hi, sub = av
            if hi == sre_parse.MAXREPEAT:
                out.append(f"{name} {{{lo},}}")
            out += _unbounded(sub)
        elif name == "SUBPATTERN":
            out += _unbounded(av[-1])
        elif name == "BRANCH":
            for branch in av[1]:
                out += _unbounded(branch)
        elif name in ("ASSERT", "ASSERT_NOT"):
            out += _unbounded(av[1])
    return out


def test_every_pattern_is_checked():
    names_found = {n for n, _ in _compiled()}
    assert "bot.privacy.patterns.EMAIL" in names_found
    assert "bot.privacy.tokens.TOKEN" in names_found
    new = {"bot.privacy.pointers.WORK_TARGET", "bot.privacy.patterns.HOME_NEAR", "bot.privacy.pointers.built1",
           # round 7
           "bot.privacy.pointers.LOWER_PLATE", "bot.privacy.published.LOWER_SCHOOL", "bot.privacy.published.LOWER_AT",
           "bot.privacy.combos.ACHIEVEMENT", "bot.privacy.combos.FAME", "bot.privacy.kin.STATUS_AFTER",
           # round 13
           "bot.privacy.accounts.NINO", "bot.privacy.accounts.IP_ADDRESS", "bot.privacy.siblings.SIBLING_GROUP",
           # round 14 (informal.py, places.py and public.py were not read here before)
           "bot.privacy.informal.SPELT_EMAIL", "bot.privacy.informal.LODGING_ROOM",
           "bot.privacy.informal.SETTING_ROOM", "bot.privacy.informal.SPOKEN_DATE",
           "bot.privacy.informal.NUMBERED_INITIALS", "bot.privacy.places.NAMED_STREET",
           "bot.privacy.public.QUOTED_TRACE", "bot.privacy.public.HOME_EVENT", "bot.privacy.combos.ONLY_CHILD_IN",
           "bot.privacy.combos.newspaper",
           # round 19 (known_as.py)
           "bot.privacy.known_as.NICKNAME", "bot.privacy.known_as.KNOWN_AS", "bot.privacy.known_as.TEAM_POST",
           # round 28 (feats.py, named_outright.py)
           "bot.privacy.feats.WIN", "bot.privacy.feats.SUBJECT", "bot.privacy.named_outright.SET_OFF_NAME",
           "bot.privacy.named_outright.GIVEN_SURNAME", "bot.privacy.informal.SEASON_BIRTH",
           "bot.privacy.published._SHARED",
           # round 29 (family_set.py)
           "bot.privacy.family_set.ONE_TWIN", "bot.privacy.family_set.RARE_SET", "bot.privacy.family_set.ONE_SIBLING",
           "bot.privacy.family_set.SAME_SCHOOL", "bot.privacy.family_set._HERE_ROLE",
           "bot.privacy.family_set.NAMED_SCHOOL", "bot.privacy.kin_names.KIN_NAME",
           "bot.privacy.family_set.DIFFERENT_PARENTS", "bot.privacy.family_set.COUNTED",
           "bot.privacy.visited_family.VISITED", "bot.privacy.aged_initials.AGE_LABEL",
           "bot.privacy.aged_initials.LETTERS_BEFORE", "bot.privacy.family_set.ALL_OF",
           # round 30
           "bot.privacy.casework_names.CASEWORK_NAME", "bot.privacy.known_as.CALLED_QUOTED",
           # round 33
           "bot.privacy.casework_names.IN_YEAR", "bot.privacy.initial_context.KIN_BRACKET",
           "bot.privacy.initial_context.SETTING_BRACKET", "bot.privacy.schools._NAMED_BEFORE",
           "bot.privacy.siblings._AGED", "bot.privacy.published.LOWER_NAMED",
           # round 34
           "bot.privacy.folding.SPACED", "bot.privacy.folding.LINK_WORDS", "bot.privacy.folding.INVISIBLE",
           "bot.privacy.redaction._AFTER"}
    assert new <= names_found
    assert len(names_found) >= 20


@pytest.mark.parametrize(("name", "pattern"), _compiled(), ids=[n for n, _ in _compiled()])
def test_no_unbounded_quantifier(name, pattern):
    assert _unbounded(sre_parse.parse(pattern.pattern, pattern.flags)) == []


def test_the_check_catches_the_old_email_pattern():
    old = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    assert len(_unbounded(sre_parse.parse(old.pattern, old.flags))) == 4  # three runs, one nested


def test_lower_case_copies_find_the_same_spans():
    """Case-insensitive patterns run on a lower-case copy; a letter that changes length in lower case ('İ')
    makes the screen fall back to the original patterns, with the same findings."""
    from bot.privacy import find_identifiers

    for text in ("lives at CH65 2AB, DOB 3 March 2015", "İ lives at CH65 2AB, DOB 3 March 2015"):
        assert {f.kind for f in find_identifiers(text)} == {"postcode", "date_of_birth"}
    assert patterns.Source("İ x").low is None and patterns.Source("A x").low == "a x"
