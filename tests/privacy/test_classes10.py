"""Classes the tenth round of the screen added (branch privacy10), one written example each, none copied from a
corpus or from the round's probe sets: NHS numbers grouped any way after a cue, initials beside a child word and an
age, lower-case full names, combinations (a condition, a set of twins, a family business, fame, police operations,
travelling families), workplaces given through a pronoun or a bare post, quoted handles, spaced plates; and the
false alarms removed: name-words used as verbs or in titles, things named "a X Y event", faith leaders, meeting
roles and charities in role, plural role words before an ordinary word."""

from __future__ import annotations

import pytest

from bot.privacy import find_identifiers


def _kinds(text: str) -> set[str]:
    return {f.kind for f in find_identifiers(text)}


@pytest.mark.parametrize(("text", "kind"), [
    ("nhs no. 7260 4418 93 on the discharge letter", "nhs_number"),
    ("NHS: 61 2048 8115 for the little one", "nhs_number"),
    ("his nhs number is 3 1 4 1 5 9 2 6 5 3 from the red book", "nhs_number"),
    ("the girl PM (7) keeps falling asleep in class", "initials"),
    ("DO'C, 14, missing since Sunday", "initials"),
    ("worried about grace jenkins, she won't go home", "name"),
    ("child with spina bifida at a tiny primary in Lymm, mum not coping", "combination"),
    ("the triplets in Helsby, dad has left and mum is struggling", "combination"),
    ("the family who own the garage in Tarvin, their daughter says she's scared", "combination"),
    ("the baby that was on Granada Reports after the flood", "combination"),
    ("the family with the police siege on Tuesday in Winsford", "combination"),
    ("that lad from the travelling family camped by the river in Northwich", "combination"),
    ("report about stepdad, he's a paramedic at Arrowe Park, nights", "workplace"),
    ("her gf is the receptionist at Lymm vets", "workplace"),
    ("grandad is licensee of the Red Lion in Kelsall", "workplace"),
    ("she streams on twitch as 'Sparkle Girl' every night", "social_media"),
    ("car reg 'KD 19 XPT' seen outside the school", "vehicle"),
    ("the family home is no. 4 on Hawthorn Avenue", "address"),
    ("his brothers are at Hillcrest High in years 8 and 11", "school_year"),
    ("Holly D'Costa (6) has missed every dental appointment", "name"),
    ("will's been sleeping in the car", "name"),
    ("the Runcorns have moved into the flat", "family_name"),
    ("nhs number (612) 204 8115 on the red book", "nhs_number"),
    ("his gamertag is Night Fury 7 and older lads message him", "social_media"),
    ("she is the only Year 9 at the academy with a hearing dog", "combination"),
])
def test_identifying_class_is_found(text, kind):
    assert kind in _kinds(text), text


@pytest.mark.parametrize("text", [
    "please remember to Mark the visit as completed on the system",
    "could you Chase up the school for the attendance figures",
    "there's a Robin Hood day at school for the looked after children",
    "the choir is singing Joy to the World at the carol service",
    "is this a level 2 or level 3? we have tried everything with the parents too",
    "Ayesha from Women's Aid is doing the safety plan with mum",
    "Imam Yusuf runs the madrassah safeguarding training",
    "Father Michael is the diocesan safeguarding lead",
    "Dominic Hale is chairing the strategy meeting tomorrow",
    "Bev is our new early help coordinator for the west locality",
    "our head, Mrs Doyle, will attend the conference",
    "gran has a Child Arrangements Order, can she get help from the LA?",
    "the Abbey Gardens trip is for the children in care",
    "we meet at the Ness Gardens cafe",
    "ICPC is due 15 days after the strat - strat was Friday",
    "we need to Mark this as closed before the audit",
    "Rose Hill school is hosting the DSL network",
    "the username is the same as your work email",
    "Amber and Red flags on the risk tool mean a strategy discussion",
])
def test_benign_class_passes(text):
    assert find_identifiers(text) == [], (text, _kinds(text))


@pytest.mark.parametrize(("text", "kind"), [
    ("Leah from the Women's Aid refuge said her stepdad hits her", "name"),  # a child in the refuge
    ("the girl said her Father John hits her", "name"),  # an owner before "Father": her dad, not a priest
    ("spoke to Mark the same day, he said mum had gone", "name"),  # "spoke to": the person, not the verb
    ("the kids ruby and jade were seen at the park", "name"),  # a name after a plural role word, joined by "and"
    ("NHS plans for 2024 2025 2026 are published", None),  # twelve digits after the cue: no NHS number
    ("Amber and her brother were left alone overnight", "name"),  # a colour-name with no other colour: a child
])
def test_guards_keep_what_they_should(text, kind):
    kinds = _kinds(text)
    if kind is None:
        assert "nhs_number" not in kinds, (text, kinds)
    else:
        assert kind in kinds, (text, kinds)
