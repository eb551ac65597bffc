"""An adult offering a child money or goods, a child back after nights away and a passed-on worry nobody's acted on
alarm; a topic's name closed by a child word ("... in non-mobile babies protocol"), a habit inside a hypothetical's
clause, "who picks it up" and a case told as stable give no child's alarm (branch safety61). The review of safety61
withdrew four of its readings that hid real cases: the order of two steps asked ("police first or social care
first?"), an exam or essay question, a training or teaching case, and "what should I do if I think a child ..." are
no frames, as each is written about a case told as often as in general. Sentences are written here, not copied from
any corpus."""

from __future__ import annotations

import pytest

from knowledge.safety import detect_worry, get_detector

ALARM = [
    # fails on main 2385eea8
    "special guardian here - M got back after three nights away and won't say where, the police safe and well is done "
    "but nobody's done the return interview. whose job is it?",
    # guards (alarm on main too)
    "S turned up back at the unit after 3 days away, won't talk about it. what do i do",
    "he reappeared after a weekend away and has a new phone he can't explain",
    "flagged a 4 year old coming in hungry to the office in march and nobody's done anything",
    "no one's been out to see her since the referral and she says dad is still hitting her, is that right?",
    "a man keeps giving her money and lifts after school, she's 14",
    "procedure question - if a 9 yr old says her stepdad hurts her and she's going home to him tonight, who do i ring",
    "she got picked up from school by two men in a car again today",
    "what should I do if I think a child in my class is being hit? she told me dad hits her with a belt",
    "she's just told me her uncle raped her last night - police first or social care first?",
    "young lad discloses he was assaulted by his mum's partner: police first or social care first?",
    "a pupil discloses sexual assault to her form tutor: police first or social care first?",  # (quiet on f133ae8)
    # an exam, essay or training word beside a real case, and a real case after "if I think ..." (quiet on f133ae8):
    # the review of safety61 found these hidden, so the exam, training-case and "if I think" readings are withdrawn
    "this is not an essay question, it's real: a boy in my form told me today his stepdad beats him",
    "before my revision session - a year 10 just told me her boyfriend choked her last night",
    "If I think a child is being neglected what do I do, a boy in my class has had no coat or lunch all week and "
    "smells",
    "what should I do if I suspect a child is being hit, a girl in reception has a handprint on her face today",
    # making peace is no fiction: the situation's signs count (quiet on e2425a2)
    "she says she made up with her mum but her stepdad hit her again last night",
    "child shows a bruise to the school nurse, strategy meeting first or the medical first?",  # (quiet on f133ae8)
    "a 12 yr old at our training session today told me her dad hits her",
]

# the lexicon's own reading (the statistical backstop raises some of these on main; az's line it did not)
OFFERS = [
    # fail on main 2385eea8
    "her friend says a bloke at the park promised her vodka if she comes to his, what now",
    "taxi firm owner keeps offering her free lifts and a phone, she's 14 and in our care",
    "messages on L's (12) phone from someone offering him 100 pounds to collect a bag. what do I do",
]

QUIET = [
    # fail on main 2385eea8
    "need the link to the burns in non-mobile babies protocol for our childminders' handbook",
    "if a pupil turns up hungry every day, what should the breakfast club staff do?",
    "a notification about a 15 yr old lands on a bank holiday - who picks it up, the out of hours team or the front "
    "door?",
    "the IRO for one of our looked after girls (placement stable) has left and we dont know who's got her now, who do "
    "i ask",
    # guards
    "what should be in our protocol for a child who goes missing?",
    "when a young person returns home after being missing, who does the return home interview?",
    "what do we do if we suspect a pupil is being exploited by older lads?",
]


@pytest.mark.parametrize("text", ALARM)
def test_returns_and_worries_nobody_acted_on_alarm(text: str) -> None:
    assert detect_worry(text).is_worry, detect_worry(text)


@pytest.mark.parametrize("text", OFFERS)
def test_an_adult_offering_a_child_money_or_goods_is_read_as_exploitation(text: str) -> None:
    worry = get_detector().detect(text, use_model=False)
    assert worry.is_worry and worry.category == "sexual_exploitation", worry


@pytest.mark.parametrize("text", QUIET)
def test_topic_names_habits_in_hypotheticals_exam_questions_and_stable_cases_stay_quiet(text: str) -> None:
    assert not detect_worry(text).is_worry, detect_worry(text)
