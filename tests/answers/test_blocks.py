"""Block Kit shapes Slack accepts: limits, unique action ids, button values that round-trip."""

from __future__ import annotations

from bot.answers.blocks import answer_blocks, home_view, parse_value, topics_blocks
from bot.answers.ids import ActionId, BlockId
from bot.answers.service import AnswerService
from knowledge import load_knowledge_base
from knowledge.answering import Answer, Suggestion, get_answerer

KB = load_knowledge_base()
SVC = AnswerService(kb=KB)


def _actions(blocks, block_id):  # type: ignore[no-untyped-def]
    return next(b for b in blocks if b.get("block_id") == block_id)


def _check_limits(blocks) -> None:  # type: ignore[no-untyped-def]
    assert len(blocks) <= 50
    for b in blocks:
        if b["type"] == "section":
            assert len(b["text"]["text"]) <= 3000
        if b["type"] == "actions":
            ids = [e["action_id"] for e in b["elements"]]
            assert len(ids) == len(set(ids)) and len(ids) <= 25
            for e in b["elements"]:
                if e["type"] == "button":
                    assert len(e["text"]["text"]) <= 75 and len(e["value"]) <= 2000


def test_confident_answer_has_text_then_feedback() -> None:
    ans = get_answerer(KB).answer("who chairs the rapid review panel", "cheshire-west-and-chester")
    blocks = answer_blocks(ans)
    _check_limits(blocks)
    assert blocks[0]["block_id"] == BlockId.ANSWER.value and "Independent Chair" in blocks[0]["text"]["text"]
    fb = _actions(blocks, BlockId.FEEDBACK.value)
    helpful, not_helpful = fb["elements"]
    assert helpful["value"] == ans.entry_id  # a helpful rating needs no question
    assert parse_value(not_helpful["value"]) == {"id": ans.entry_id, "q": "who chairs the rapid review panel"}


def test_ask_partnership_has_one_button_per_area_carrying_the_question() -> None:
    ans = get_answerer(KB).answer("how is the partnership funded", None)
    assert ans.outcome == "ask_partnership"
    blocks = answer_blocks(ans)
    _check_limits(blocks)
    areas = _actions(blocks, BlockId.AREAS.value)
    values = [parse_value(e["value"]) for e in areas["elements"]]
    assert [v["p"] for v in values] == ["cheshire-west-and-chester", "halton", "warrington", "wirral"]
    assert all(v["q"] == "how is the partnership funded" for v in values)
    assert all(e["action_id"].startswith(ActionId.CHOOSE_AREA.value + "_") for e in areas["elements"])


def test_did_you_mean_buttons_name_entries() -> None:
    sugg = [Suggestion("halton.process.funding", "Funding (Halton)", "halton"),
            Suggestion("halton.process.training", "Multi-agency training in Halton", "halton")]
    blocks = answer_blocks(Answer("did_you_mean", "Did you mean:", "q", "halton", suggestions=sugg))
    _check_limits(blocks)
    actions = _actions(blocks, BlockId.SUGGESTIONS.value)
    assert [e["action_id"] for e in actions["elements"]] == [ActionId.SUGGESTION.numbered(1),
                                                             ActionId.SUGGESTION.numbered(2)]
    assert [parse_value(e["value"])["id"] for e in actions["elements"]] == [s.entry_id for s in sugg]
    assert all(b.get("block_id") != BlockId.FEEDBACK.value for b in blocks)


def test_long_answers_are_split_and_long_values_trimmed() -> None:
    long = Answer("ask_partnership", "x\n" * 4000, "q" * 5000, None)
    blocks = answer_blocks(long)
    _check_limits(blocks)
    assert sum(1 for b in blocks if b["type"] == "section") >= 3


def test_cannot_answer_has_no_buttons() -> None:
    ans = get_answerer(KB).answer("what is the capital of France", None)
    assert all(b["type"] != "actions" for b in answer_blocks(ans))


def test_topics_and_home_view_fit_slack_limits() -> None:
    for area in (None, "cheshire-west-and-chester", "wirral"):
        topics = SVC.topics(area)
        blocks = topics_blocks(topics, area)
        _check_limits(blocks)
        view = home_view(topics, area, area)
        assert view["type"] == "home" and len(view["blocks"]) <= 100
        for b in view["blocks"]:
            if b["type"] == "actions":
                assert len({e["action_id"] for e in b["elements"]}) == len(b["elements"])


def test_topic_browser_app_home_and_help_say_the_arrangements_date_from_2019() -> None:
    from bot import texts
    from bot.answers.blocks import topic_detail_blocks

    topics = AnswerService(kb=KB).topics("halton")
    for blocks in (topics_blocks(topics, "halton"), home_view(topics, "halton", "halton")["blocks"],
                   topic_detail_blocks("Glossary", topics["Glossary"])):
        shown = str(blocks)
        assert "arrangements of 2019" in shown and "may have changed" in shown
        assert "Sat 1 Jun" not in shown
    assert "arrangements of 2019" in texts.HELP_FOOTER and "may have changed" in texts.HELP_FOOTER
