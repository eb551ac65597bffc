"""A specific child now versus a general, hypothetical or historic question (knowledge/safety_frames.py and
data/safety/frames.yaml): one test per class of false alarm seen on unseen text, and the worries that share
its wording but describe one real child, which must still alarm. Lexicon only where the class is the
lexicon's; the full detector (lexicon + backstop) where the product's behaviour is asserted."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from knowledge.safety import Detector, detect_worry, get_detector
from knowledge.safety_lexicon import Lexicon, raw_lexicon

QUIET = {
    "policy hypothetical": [
        "when a PE teacher is accused of grabbing a pupil by the neck, who takes the lead?",
        "suppose a child tells a dentist her mum's boyfriend hits her, what's the dentist meant to do?",
        "teacher accused of hitting a pupil - does the school suspend them straight away or wait for the LADO?",
        "do we need parental consent to refer a 15 year old who is self-harming to CAMHS?",
        "in the event that a foster carer is arrested, who informs the child's social worker?",
    ],
    "timescale": [
        "how long do we have to notify the panel after a child dies in care?",
        "by what day must the notification go in when a child in care is seriously injured?",
    ],
    "definition naming an injury": [
        "does serious harm include emotional damage or only physical injuries?",
        "under the guidance, is a burn from a cigarette always considered non-accidental?",
        "is a black eye considered significant harm on its own?",
    ],
    "review of a closed case": [
        "in the review of the baby who died from a head injury, what were the key findings?",
        "looking back at the serious case review from 2016, the boy had been hit by his stepfather for months - "
        "what did agencies miss?",
        "the review into the 15 year old who took his own life found poor information sharing; what followed?",
    ],
    "training, statistics, admin, law": [
        "role play scenario for training: a child tells you her uncle touched her - what are the learning points?",
        "has anyone got slides on spotting signs of child sexual exploitation for a team briefing?",
        "number of child protection plans for sexual abuse in Wirral",
        "please send me the body map template for recording injuries",
        "can a 16 year old legally leave home?",
        "are schools allowed to search a pupil for a knife?",
    ],
    # safety24 (eleventh session): a service's details asked, a training's name, a child now doing well
    "a service's details asked": [
        "details of the FGM service? putting them on the A&E noticeboard for staff",
        "contact for the child sexual exploitation team at the council? adding it to the A&E handbook",
    ],
    "a course named with a cue's word": [
        "governor here - our new caretaker did safer recruitment checks, do they cover volunteers who work with the "
        "year 6 kids",
    ],
    "a partnership's forum": [
        "who is on the warrington impact forum right now please",
    ],
    "a child now doing well": [
        "a year 8 girl came off her CP plan in the summer and is doing brilliantly. who chairs the CIN reviews now?",
        "our looked after lad moved to a new placement and hes doing really well - do I still go to his PEP?",
    ],
}

ALARM = {
    "a general question, then one child now": [
        "what counts as neglect? asking because one family on my list has no food in and the kids wear the same "
        "clothes all week",
        "how long do I have to report it? a girl in my form told me this morning her uncle touches her",
        "who leads when a teacher is accused? one of our TAs was seen dragging a year 1 boy across the hall this "
        "morning",
    ],
    "a review or meeting, and something new": [
        "the review of our case is next week but the boy went missing again last night",
        "in the review meeting yesterday mum said her partner threw the baby onto the sofa",
    ],
    "a child described with 'a'": [
        "a child in nursery has a bite mark on her arm that looks adult sized, what's the process?",
        "a young person I support says she's being made to sell drugs to pay off a debt, where do I refer?",
        "can a nurse come out? a baby I visited has bruises on his cheeks and mum's partner won't let me in",
    ],
    "buried in admin": [
        "can you send me the body map form - the 3 year old in room 2 has come in with marks on both cheeks",
        "hi, need a room booking for Thursday, also the girl in 9R told me she's being made to marry her cousin",
    ],
    "a relative with a word between": [
        "scout leader - a 14 year old says his older cousin is recruiting him into a group that calls itself "
        "'the true patriots', they meet in the woods and practise with air rifles",
    ],
    "a forum online": [
        "year 10 lad in my form is posting on a far right forum every night and now says muslims should be deported",
    ],
    "an opening that sounds general": [
        "suppose I just wait till monday - the girl says her uncle is visiting again this weekend",
        "is a school allowed to keep a child back if dad turns up drunk again? he's here now",
    ],
}


@pytest.mark.parametrize("kind", sorted(QUIET))
def test_general_hypothetical_and_historic_questions_stay_quiet(kind: str) -> None:
    alarmed = [t for t in QUIET[kind] if detect_worry(t).is_worry]
    assert not alarmed, alarmed


@pytest.mark.parametrize("kind", sorted(ALARM))
def test_a_specific_child_now_still_alarms(kind: str) -> None:
    missed = [t for t in ALARM[kind] if not detect_worry(t).is_worry]
    assert not missed, missed


def test_the_same_wording_flips_on_a_now_marker() -> None:
    """A review names a past case; the same sentence with "again last night" is a child now."""
    det = get_detector()
    past = det.detect("in the review of the boy who went missing from care, what did the panel find?", use_model=False)
    now = det.detect("in the review of the boy who went missing from care he went missing again last night",
                     use_model=False)
    assert not past.is_worry and now.is_worry
    assert now.frames < past.frames


def test_a_time_describes_the_child_only_outside_a_hypothetical_clause() -> None:
    """"today" in "if a child discloses today ..." dates the question; in a clause of its own it dates a child."""
    assert not detect_worry("our new starter asked me yesterday what she should do if a child tells her they're "
                            "being hurt - where's the guidance?").is_worry
    assert detect_worry("what should she do if a child is hurt? a boy came in today with a cut lip").is_worry


def test_an_indefinite_child_in_a_question_weighs_as_a_hypothetical() -> None:
    """"a 15 year old" inside a question is nobody in particular; "the 15 year old on my caseload" is."""
    det = get_detector()
    general = det.detect("do we need consent to refer a 15 year old who is self-harming?", use_model=False)
    particular = det.detect("do we need consent to refer the 15 year old on my caseload who is self-harming?",
                            use_model=False)
    assert not general.is_worry and particular.is_worry


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("social worker noticed fingertip bruising on the toddler at the home visit yesterday", "physical"),
        ("the social worker on the case told us the baby has a fractured rib", "physical"),
        ("in supervision today my social worker said the baby on her caseload had a bruise to the cheek", "physical"),
        ("the child's social worker grabbed him by the arm and left marks, he showed me", "allegation_staff_carer"),
        ("our TA was seen dragging a year 1 boy across the hall this morning", "allegation_staff_carer"),
        ("a dinner lady was heard telling a year 3 girl she'd slap her if she cried again", "allegation_staff_carer"),
        ("childminder's husband was seen smacking a 3yo across the legs in the garden", "allegation_staff_carer"),
        ("Youth worker: lad of 15 says his stepdad punched him and he is sleeping at a mate's", "physical"),
        # safety55: the writer's role with where they work is a label too, and a family's debt is hardship, not a
        # child's debt to someone (each was another category on 25eb027)
        ("Family support worker at a children's centre. the 6yo's attendance is 60% and he comes in hungry most days",
         "neglect"),
        ("mum and dad are struggling with debt and the 9yo keeps coming to school hungry with no coat", "neglect"),
        ("a 15yo says he owes older lads money and has to do a run to pay it back", "criminal_exploitation"),
        ("dinner lady here - a year 2 girl has finger marks on her arm and says mum grabbed her", "physical"),
        ("Swimming coach - parents say he hugs the girls and slaps them on the bottom in the pool",
         "allegation_staff_carer"),
    ],
)
def test_a_worker_who_noticed_or_is_writing_is_not_the_one_accused(text: str, category: str) -> None:
    w = detect_worry(text)
    assert w.is_worry and w.category == category, w


def test_frames_file_errors_name_the_frames_list() -> None:
    raw = raw_lexicon()
    Detector(Lexicon.model_validate(raw))
    raw["frames"] = {**raw["frames"], "now": ["@nosuchset"]}
    with pytest.raises(ValidationError, match=r"frames\.now: '@nosuchset': unknown set"):
        Lexicon.model_validate(raw)
    raw["frames"] = {**raw["frames"], "now": [], "stray": 1}
    with pytest.raises(ValidationError, match="stray"):
        Lexicon.model_validate(raw)
