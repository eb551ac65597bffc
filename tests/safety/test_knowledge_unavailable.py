"""The 999 line never depends on the knowledge base (red team, thirteenth session, finding 4): when the shipped files
cannot be loaded (here a real folder holding a damaged YAML file), the app still starts; a worried practitioner
still gets 999 and the partnerships' children's social care by DM and by /safeguarding; anything else is told the
service is unavailable and nothing was saved, never a traceback. Seen failing on the commit before (the app did
not start).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import create_app
from bot.liveknowledge import LiveKnowledge
from bot.services import Services
from tests.conftest import served
from tests.safety.test_slack import LEAD
from tests.slackclient import SignedSlack

WORRY = "a year 5 boy told me his mum's boyfriend hit him with a belt last night, what do I do"


@pytest.fixture
def knowledge_damaged(settings, db, fake_slack, tmp_path: Path) -> Iterator[SignedSlack]:  # type: ignore[no-untyped-def]
    (tmp_path / "halton.yaml").write_text("entries:\n  - id: [unclosed\n", encoding="utf-8")
    services = Services(settings=settings, db=db)
    services.__dict__["knowledge"] = LiveKnowledge(db, path=tmp_path)  # the files this process would load
    with served(create_app(services), services, fake_slack) as client:
        yield client


def test_a_worried_dm_gets_999_and_children_s_social_care(knowledge_damaged, fake_slack, caplog) -> None:
    logging.getLogger().addHandler(caplog.handler)
    try:
        assert knowledge_damaged.dm(WORRY).status == 200
        post = fake_slack.wait_for("chat.postMessage", timeout=15)[-1]
        body = json.dumps(post.params, ensure_ascii=False)
        assert LEAD in str(post.get("text")) and "children's social care" in body, body[:500]
        assert "answers.knowledge_base_unavailable" in caplog.text and "belt" not in caplog.text
    finally:
        logging.getLogger().removeHandler(caplog.handler)


def test_a_worry_by_command_gets_999_and_a_question_is_told_nothing_was_saved(knowledge_damaged, fake_slack) -> None:
    assert knowledge_damaged.command("/safeguarding", WORRY).status == 200
    first = json.dumps(fake_slack.wait_for("response_url", timeout=15)[-1].params, ensure_ascii=False)
    assert LEAD in first, first[:500]
    assert knowledge_damaged.command("/safeguarding", "how often does the executive meet").status == 200
    second = str(fake_slack.wait_for("response_url", count=2, timeout=15)[-1].get("text"))
    assert "Nothing was saved" in second and "Traceback" not in second, second
