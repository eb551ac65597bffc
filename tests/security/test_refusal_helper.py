"""handlers.authorize: the one refusal path commits its audit row before anyone is told."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.authz import REFUSAL, Permission, Role
from handlers.authorize import refuse, reminder_refused, requires
from handlers.context import CommandContext
from storage.core import AuditLog


def _cmd(services: Any, replies: list[str], roles: frozenset[Role], text: str = "") -> CommandContext:
    return CommandContext(services=services, team_id="T1", user_id="U1", channel_id="C1", command="/reminders",
                          text=text, respond=lambda **kw: replies.append(kw["text"]), client=None,  # type: ignore[arg-type]
                          partnership=None, roles=roles)


def test_the_audit_row_is_committed_before_the_reply(services):
    seen: list[list[str]] = []

    def tell(text: str) -> None:  # another session must already see the row when the person is told
        with services.db.read() as s:
            seen.append([a.action for a in s.scalars(select(AuditLog))])

    refuse(services, lambda s: reminder_refused(s, "T1", "U1", "add"), tell)
    assert seen == [["reminder.refused"]]


def test_requires_refuses_without_running_and_keeps_no_typed_text(services):
    ran: list[str] = []
    replies: list[str] = []

    @requires(Permission.REMINDERS_MANAGE, lambda s, cmd: reminder_refused(s, cmd.team_id, cmd.user_id, "pause",
                                                                           cmd.text))
    def handler(cmd: CommandContext) -> None:
        ran.append(cmd.text)

    handler(_cmd(services, replies, frozenset({Role.PRACTITIONER}), "#Ocelot typed"))
    handler(_cmd(services, replies, frozenset({Role.MANAGER}), "#7"))
    assert ran == ["#7"] and replies == [REFUSAL]
    with services.db.read() as s:
        rows = [(r.action, r.entity_id, r.after) for r in s.scalars(select(AuditLog))]
    assert rows == [("reminder.refused", "invalid", {"attempted": "pause"})]
