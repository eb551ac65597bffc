"""Workspace configuration rules: which partnership, which channels, who holds which role."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot import timeutil
from bot.authz import Role, grant, members, revoke
from bot.insight.schedule import ensure_default
from bot.mrkdwn import echo
from bot.partnerships import get_workspace, set_channel_partnership
from bot.slackids import parse_channel, parse_user
from knowledge.partnerships import PARTNERSHIPS, display_name
from storage import audit
from storage.core import ChannelSetting

ADMIN_HELP = """*Workspace configuration* (admins)
• `/safeguarding admin show` — current settings
• `/safeguarding admin partnership <slug>` — the workspace's default partnership
• `/safeguarding admin channel <slug>` — this channel's partnership
• `/safeguarding admin business-unit [#channel]` — where case cards and digests go (default: this channel)
• `/safeguarding admin escalation-channel [#channel]` — where escalation cards go
• `/safeguarding admin grant @user <role>` · `revoke @user <role>` · `roles`
Roles: `manager`, `lead` (safeguarding lead), `business_unit`, `admin`. Everyone else is a practitioner.
Partnerships: """ + ", ".join(f"`{p}`" for p in PARTNERSHIPS)


class AdminError(ValueError):
    """A configuration command the admin can correct; the message says how."""


def apply_admin_command(session: Session, team_id: str, actor: str, channel_id: str, text: str) -> str:
    word, _, rest = text.strip().partition(" ")
    word, rest = word.lower(), rest.strip()
    ws = get_workspace(session, team_id)
    before = {"partnership": ws.partnership, "business_unit_channel": ws.business_unit_channel,
              "escalation_channel": ws.escalation_channel}

    def _audit(action: str, entity_type: str, entity_id: str, after: dict[str, object],
               prior: dict[str, object] | None = None) -> None:
        audit.record(session, team_id=team_id, actor_id=actor, action=action, entity_type=entity_type,
                     entity_id=entity_id, before=prior, after=after)

    if word == "show":
        return describe_workspace(session, team_id)
    if word == "partnership":
        slug = _slug(rest)
        ws.partnership = slug
        _audit("workspace.set_partnership", "workspace", team_id, {"partnership": slug},
               {"partnership": before["partnership"]})
        return f"Workspace default partnership set to *{display_name(slug)}*."
    if word == "channel":
        slug = _slug(rest)
        prior = session.get(ChannelSetting, (team_id, channel_id))
        set_channel_partnership(session, team_id, channel_id, slug)
        _audit("channel.set_partnership", "channel", channel_id, {"partnership": slug},
               {"partnership": prior.partnership if prior else None})
        return f"This channel now belongs to *{display_name(slug)}*."
    if word in ("business-unit", "business_unit", "bu"):
        target = parse_channel(rest) or channel_id
        ws.business_unit_channel = target
        _audit("workspace.set_business_unit_channel", "workspace", team_id, {"channel": target},
               {"channel": before["business_unit_channel"]})
        pack = ensure_default(session, team_id=team_id, actor=actor, partnership=ws.partnership, channel_id=target,
                              now=timeutil.now())
        extra = (f" The quarterly QA pack will be posted there too ({pack.rule} at 09:00; `/reminders list` shows it "
                 f"as #{pack.series_id}, to pause, skip or delete)." if pack else "")
        return f"Business-unit channel set to <#{target}>. Case cards and the weekly digest go there.{extra}"
    if word in ("escalation-channel", "escalations"):
        target = parse_channel(rest) or channel_id
        ws.escalation_channel = target
        _audit("workspace.set_escalation_channel", "workspace", team_id, {"channel": target},
               {"channel": before["escalation_channel"]})
        return f"Escalation channel set to <#{target}>."
    if word in ("grant", "revoke"):
        user = parse_user(rest)
        role = _role(rest.split()[-1] if rest.split() else "")
        if user is None:
            raise AdminError("Name the person with an @mention, e.g. `grant @sam manager`.")
        if word == "grant":
            changed = grant(session, team_id, user, role, actor)
        else:
            changed = revoke(session, team_id, user, role)
        if changed:
            _audit(f"role.{word}", "user", user, {"role": role.value})
        verb = "now has" if word == "grant" else "no longer has"
        same = "already had" if word == "grant" else "did not have"
        return f"<@{user}> {verb if changed else same} the *{role.value}* role."
    if word == "roles":
        rows = members(session, team_id)
        if not rows:
            return "No roles given yet: everyone is a practitioner."
        return "*Roles*\n" + "\n".join(f"• <@{r.user_id}> — {r.role}" for r in rows)
    raise AdminError(f"I don't know the admin command `{word}`.")


def describe_workspace(session: Session, team_id: str) -> str:
    ws = get_workspace(session, team_id)
    bu = f"<#{ws.business_unit_channel}>" if ws.business_unit_channel else "_not set_"
    esc = f"<#{ws.escalation_channel}>" if ws.escalation_channel else "_not set (business unit used)_"
    area = display_name(ws.partnership) if ws.partnership else "_not set_"
    return (
        f"*Workspace settings*\n• Default partnership: {area}"
        f"\n• Business-unit channel: {bu}\n• Escalation channel: {esc}"
    )


def _slug(text: str) -> str:
    slug = text.strip().lower()
    if slug not in PARTNERSHIPS:
        raise AdminError(f"`{echo(slug) or '(none)'}` is not a partnership slug.")
    return slug


def _role(text: str) -> Role:
    try:
        role = Role(text.strip().lower())
    except ValueError:
        raise AdminError(f"`{text or '(none)'}` is not a role.") from None
    if role == Role.PRACTITIONER:
        raise AdminError("Everyone is a practitioner already; grant `manager`, `lead`, `business_unit` or `admin`.")
    return role
