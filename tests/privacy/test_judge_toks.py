"""The name reader's test for names of things (person_cues.names_of_things, asked of most judged words) reads the next
four words' norms from the message's word list, building no Tok for them (speed step 8): its answers are unchanged."""

from __future__ import annotations

from bot.privacy.lexicon import lexicon
from bot.privacy.person_cues import names_of_things
from bot.privacy.tokens import TOKEN, Toks
from bot.privacy.wordshapes import word_spans


def _toks(text: str) -> Toks:
    spans, norms = word_spans(TOKEN, text.lower())
    return Toks(text, spans, norms)


def test_no_tok_built_for_the_words_after() -> None:
    toks = _toks("I saw Grace at the shop on Monday with her friends")
    assert not names_of_things(2, toks, lexicon())
    assert not set(toks) & {4, 5, 6}  # ("the", "shop", "on": read as norms only)


def test_answers_unchanged() -> None:
    lex = lexicon()
    assert names_of_things(0, _toks("Joy and Grace are the names of the two meeting rooms"), lex)
    assert names_of_things(0, _toks("Hope is the name of our new minibus"), lex)
    assert not names_of_things(0, _toks("Ruby is the name of the girl"), lex)
    assert names_of_things(0, _toks("Holly and Ivy rooms are booked"), lex)
    assert not names_of_things(0, _toks("Ruby's mum is the name"), lex)
