"""One subcommand router (handlers/router.py) behind every slash command: the help is made from the table, so
every verb is listed, and a word that is no verb gets that help (a question, for `/safeguarding`)."""

from __future__ import annotations

import json

import pytest

from handlers.router import Router, Verb, registered

COMMANDS = ("/case-review", "/escalate", "/reminders")


class _Cmd:
    def __init__(self, text: str) -> None:
        self.text, self.replies = text, []

    def reply(self, text: str, blocks: object = None) -> None:
        self.replies.append(text)


def _routed(router: Router, text: str) -> list[str]:
    """What the person was told (`route` takes anything with `text` and `reply`, as CommandContext has)."""
    cmd = _Cmd(text)
    router.route(cmd)  # type: ignore[arg-type]
    return cmd.replies


def test_the_table_routes_words_aliases_and_the_bare_command_and_makes_the_help() -> None:
    seen: list[tuple[str, str]] = []

    def note(name: str):  # type: ignore[no-untyped-def]
        return lambda cmd: seen.append((name, cmd.text))

    router = Router("/thing", "*Things*", [Verb(("move", "shift"), note("move"), "<id> <where>", "move one"),
                                           Verb(("secret",), note("secret"))],
                    bare=note("form"), bare_does="open the form", footer="Footer line.")
    for text in ("move 7 left", "SHIFT 7 right", "", "secret x"):
        _routed(router, text)
    assert seen == [("move", "7 left"), ("move", "7 right"), ("form", ""), ("secret", "x")]
    help_text = router.help_text()
    assert help_text.splitlines() == ["*Things*", "• `/thing` — open the form",
                                      "• `/thing move <id> <where>` — move one", "• `/thing help` — this message",
                                      "Footer line."]
    assert _routed(router, "frobnicate 7") == [help_text] == _routed(router, "help")
    assert len(seen) == 4


def test_text_that_is_no_verb_is_the_otherwise_handler_with_all_of_it() -> None:
    asked: list[str] = []
    router = Router("/ask", "*Ask*", otherwise=lambda cmd: asked.append(cmd.text), otherwise_usage="<question>",
                    otherwise_does="ask")
    _routed(router, "  who is the lado  ")
    assert asked == ["who is the lado"]
    assert "• `/ask <question>` — ask" in router.help_text()
    assert router.is_verb("HELP") and not router.is_verb("who")


def _reply(fake_slack, count: int) -> str:  # type: ignore[no-untyped-def]
    return str(fake_slack.wait_for("response_url", count=count)[-1].params["text"])


@pytest.mark.parametrize("command", COMMANDS)
def test_every_verb_is_in_the_help_and_an_unknown_verb_gets_it(slack, fake_slack, command):  # type: ignore[no-untyped-def]
    slack.command(command, "help")
    help_text = _reply(fake_slack, 1)
    slack.command(command, "frobnicate CR-2026-001")
    assert _reply(fake_slack, 2) == help_text
    router = registered()[command]
    for verb in router.verbs:
        assert f"`{command} {verb.words[0]}" in help_text, verb.words
    assert router.footer.split()[0] in help_text


def test_safeguarding_help_lists_its_own_verbs_and_every_other_command(slack, fake_slack):  # type: ignore[no-untyped-def]
    slack.command("/safeguarding", "help")
    help_text = _reply(fake_slack, 1)
    for word in ("topics", "area", "admin"):
        assert f"`/safeguarding {word}" in help_text
    for command in COMMANDS:
        assert f"`{command}" in help_text
    assert "call 999" in help_text and "arrangements of 2019" in help_text
    assert json.dumps(help_text).count("/safeguarding help") == 1
