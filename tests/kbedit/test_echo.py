"""Words typed into `/safeguarding kb <words>` come back in the reply through `bot.mrkdwn.echo`, as every other
capability quotes typed text: what looks identifying removed, cut, and escaped so a typed link, mention or ping
stays text. Through signed HTTP and the fake Slack."""

from __future__ import annotations

import re

from tests.kbedit.helpers import BU, configure, text_of

LIVE = re.compile(r"<(?:https?://|!|@U|#C)")  # what Slack would turn into a link, a ping or a mention
LINK = "<https://evil.example|Click> <!channel> funding"
PHONE = "ring 07700 900123 <@U0ALL> about the LADO"


def test_search_words_are_quoted_back_redacted_cut_and_escaped(slack, fake_slack, db):
    configure(db, fake_slack)
    shown = []
    for n, typed in enumerate((LINK, PHONE), 1):
        slack.command("/safeguarding", f"kb {typed}", user=BU)
        shown.append(text_of(fake_slack.wait_for("response_url", count=n)[-1]))
    for reply in shown:
        assert "No entry of Halton matches" in reply or "Entries matching" in reply
        assert not LIVE.search(reply), reply
    assert "&lt;https://evil.example|Click&gt;" in shown[0] and "&lt;!channel&gt;" in shown[0]  # text to read
    # the number is removed; the mention typed after it is removed with it or kept as text, never live (round 34
    # joins spans three characters apart into one [removed])
    assert "07700" not in shown[1] and "Entries matching: ring [removed]" in shown[1]
