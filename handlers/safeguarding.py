"""`/safeguarding`: acknowledges at once, then routes the first word through its handlers.router table.

Capabilities add their words with `add_subcommand` and the free-text fallback (a question) with `set_default`,
from their own `register()`; this module knows none of them. Its help ends with every other command's summary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from bot import texts
from bot.partnerships import choose_area
from bot.services import Services
from handlers.common import build_command_context, guarded
from handlers.context import CommandContext, SubcommandHandler
from handlers.router import Router, Verb
from knowledge.partnerships import display_name, resolve_partnership

COMMAND = "/safeguarding"

# Answers the free-text default without the database (a worry about a child); False = cannot.
_offline: list[Callable[[str, Respond], bool]] = []


def set_area(cmd: CommandContext) -> None:
    match = resolve_partnership(cmd.text)
    slug = match.slug
    if slug is None:
        cmd.reply(texts.area_question(match.candidates, bool(cmd.text.strip())))
        return
    with cmd.services.db.session() as s:
        choose_area(s, cmd.team_id, cmd.user_id, slug)
    cmd.reply(f"Your area is now *{display_name(slug)}*. Channel settings still win inside configured channels.")


AREA = Verb(("area",), set_area, "<partnership>", "set your own area")
ROUTER = Router(COMMAND, texts.HELP_TITLE, [AREA], otherwise_usage=texts.ASK_USAGE, otherwise_does=texts.ASK_DOES,
                footer=texts.HELP_FOOTER, overview=True)


def add_subcommand(name: str, handler: SubcommandHandler, usage: str = "", does: str = "") -> None:
    ROUTER.add(Verb((name.lower(),), handler, usage, does))


def set_default(handler: SubcommandHandler, offline: Callable[[str, Respond], bool] | None = None,
                worry: Callable[[str], bool] | None = None) -> None:
    """The free-text question's handler; `offline` answers a worry with the database down; `worry` says whether a
    text reads as a worry, which then goes to the handler whatever its first word."""
    ROUTER.otherwise = handler
    ROUTER.worry_first = worry
    _offline[:] = [offline] if offline else []


def reset_registry() -> None:
    """Each app built gets a fresh table (tests build many apps in one process)."""
    ROUTER.verbs = [AREA]
    ROUTER.otherwise = None
    ROUTER.worry_first = None
    _offline.clear()


def register(app: App, services: Services) -> None:
    reset_registry()

    @app.command(COMMAND)
    @guarded
    def on_command(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient,
                   context: BoltContext) -> None:
        ack()
        text = str(body.get("text") or "")
        try:
            cmd = build_command_context(services, body, respond, client, text, context)
        except SQLAlchemyError:
            if not _answer_offline(text, respond):
                raise  # guarded: "temporarily unavailable, nothing was saved"
            return
        ROUTER.route(cmd)


def _answer_offline(text: str, respond: Respond) -> bool:
    """With the database down, a question (not a subcommand) that is a worry still gets 999 and the front door."""
    word = text.strip().partition(" ")[0]
    if not text.strip() or (ROUTER.is_verb(word) and not ROUTER.reads_as_worry(text)) or not _offline:
        return False
    return _offline[0](text.strip(), respond)
