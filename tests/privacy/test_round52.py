"""Round 52 (branch privacy52): one written example per class mended, and the guards that keep practice text clean.
None of these sentences is from a corpus or a probe set."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers

FOUND = [
    # a relative holding a post the area knows its holder by, its place or time between article and post
    ("her uncle is the deputy mayor this term so it will get noticed", "workplace"),
    ("the stepmum is a Halton councillor and wants updates", "workplace"),
    ("nan sits as a magistrate at the family court", "workplace"),
    # a relative's job at a chain's branch, said of he or she after "at his work"
    ("went to see her at her work - she's the duty manager at Lidl in Birkenhead", "workplace"),
    # a relative's job in brackets after them
    ("aunt (receptionist at the Brookside Dental) shouted at staff", "workplace"),
    # a long personal number typed in groups after its cue
    ("mum's passport number is 712 004 388 if needed", "personal_number"),
    # what a relative is called, in brackets and quotes
    ("uncle ('Daz') collects her most days", "name"),
    # initials after "w/", a note's "with"
    ("call w/ RT about the burns, mum not answering", "initials"),
    # twins and their age opening a note
    ("Twins aged 9 left at the bus stop after school", "sibling"),
    # a birth told with its day and where it happened
    ("baby born last night at Arrowe Park, mum left the ward", "event"),
    # a child or relative seen on a programme the country watched
    ("the boy was on the X Factor auditions with his band", "combination"),
    ("dad appeared on Benefits Street and the kids get picked on", "combination"),
    # a form named by its tutor's two letters in lower case, at a school
    ("he's in 10jb at fairfield high and refusing to go in", "school_year"),
    # a sibling's age said after them
    ("spoke to her brother who's 17, he says mum drinks every night", "sibling"),
    # a worker named as the subject of an allegation never passes in role
    ("is there an update on the allegation against Lisa Hartley, the nursery manager", "name"),
    # an age set off by commas after one person described
    ("deaf lad, 13, lives in the last cottage before Tarvin", "combination"),
]

PASSES = [
    # acronyms of practice and legal shorthand ("EH" and "PVP" no longer pass: a child's initials passed with them,
    # tests/privacy/test_review19.py)
    "is a non mol or an occupation order quicker",
    # a family's own head holds no post; a post spoken of beside a relative is nobody's
    "mum is the head of the family now",
    "mum said the mayor visited the school",
    # a worker's job, in role, at a service
    "she's the manager at the hub on tuesdays",
    # numbers of practice after a personal number's cue (dates, short counts)
    "the prison visit is on 12 03 2026 at 2pm",
    # a worker in role beside an allegation that is not against them
    "Priya Shah (LADO) will chair the allegation meeting",
    # a relative's word in brackets that is no name
    "mum (Polish) speaks little English, interpreter booked",
    # "w/" before a service
    "joint visit w/ CAMHS on thursday",
    # twins spoken of in general
    "twins: do they get one assessment or two?",
    # births in general, not one child's
    "babies born in the last year in Halton who had a pre-birth assessment",
    # a programme spoken of, nobody in it
    "there was a documentary on Channel 4 about neglect, worth watching for training",
    # counts of time after a sibling
    "her brother is 2 years older and doing well",
    # lists of numbers, not an age
    "stages 4, 5, 6 in Halton all need updating",
    # a count in lower case, not a form
    "in 10th at the county final, the team did well",
]


@pytest.mark.parametrize(("text", "kind"), FOUND)
def test_round52_finds(text: str, kind: str) -> None:
    kinds = {f.kind for f in find_identifiers(text)}
    assert kind in kinds, (text, kinds)


@pytest.mark.parametrize("text", PASSES)
def test_round52_passes(text: str) -> None:
    assert find_identifiers(text) == [], text
