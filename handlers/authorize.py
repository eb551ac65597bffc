"""One way to refuse: audit the refusal in its own committed transaction, then tell the person.

Every capability refuses with the same text (bot.authz.REFUSAL) unless it shows something more useful
(the escalation route to a practitioner). The audit row is committed before the reply, so a reader of
the audit never lags the person who was refused, and it keeps no typed text: ids that are not of the
expected shape are recorded as "invalid".
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from bot.authz import REFUSAL, Permission
from bot.services import Services
from handlers.context import CommandContext, SubcommandHandler
from storage import audit

Record = Callable[[Session], None]
"""Writes the refusal's audit row in the session it is given."""


def refuse(services: Services, record: Record, tell: Callable[[str], None], text: str = REFUSAL) -> None:
    """Audit (committed) first, then reply: the only place a refusal is told to a person."""
    with services.db.session() as s:
        record(s)
    tell(text)


def refuse_command(cmd: CommandContext, record: Record) -> None:
    """`refuse` for a slash-command subcommand: an ephemeral reply to the person who typed it."""
    refuse(cmd.services, record, cmd.reply)


def requires(
    permission: Permission,
    record: Callable[[Session, CommandContext], None],
    otherwise: Callable[[CommandContext], None] | None = None,
) -> Callable[[SubcommandHandler], SubcommandHandler]:
    """A subcommand runs only for people holding `permission`; others are audited and refused.

    `otherwise` replaces the refusal text when the capability has something better to show.
    """

    def decorate(fn: SubcommandHandler) -> SubcommandHandler:
        @functools.wraps(fn)
        def wrapper(cmd: CommandContext) -> None:
            if cmd.can(permission):
                fn(cmd)
                return
            if otherwise is None:
                refuse_command(cmd, lambda s: record(s, cmd))
                return
            with cmd.services.db.session() as s:
                record(s, cmd)
            otherwise(cmd)

        return wrapper

    return decorate


def workspace_refused(action: str) -> Callable[[Session, CommandContext], None]:
    """A refused workspace-wide command (admin, contacts): recorded against the workspace itself."""

    def record(s: Session, cmd: CommandContext) -> None:
        audit.record(s, team_id=cmd.team_id, actor_id=cmd.user_id, action=action, entity_type="workspace",
                     entity_id=cmd.team_id)

    return record


def reminder_refused(s: Session, team_id: str, user_id: str, what: str, entity_id: str = "-",
                     **extra: Any) -> None:
    """A refused reminder action, by series number only: anything else typed is recorded as "invalid"."""
    number = entity_id.strip().lstrip("#")
    kept = number if number.isascii() and number.isdigit() and len(number) <= 9 else "-" if entity_id == "-" \
        else "invalid"
    audit.record(s, team_id=team_id, actor_id=user_id, action="reminder.refused", entity_type="reminder",
                 entity_id=kept, after={"attempted": what, **extra})
