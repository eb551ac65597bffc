"""The install pages a browser sees: choose the partnership, Add to Slack, installed, or what went wrong."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from knowledge.partnerships import PARTNERSHIPS, display_name

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}"
          "a.button{display:inline-block;padding:.6rem 1rem;background:#4a154b;color:#fff;border-radius:4px;"
          "text-decoration:none;margin:.25rem 0}")

# What the installer can do about each reason Bolt's flow (or this project) gives for a failed install.
FAILURES = {
    "access_denied": "The install was cancelled in Slack, so nothing was installed.",
    "invalid_browser": "This install was started in another browser, or its link is more than ten minutes old.",
    "invalid_state": "This install link has expired or was already used.",
    "missing_code": "Slack did not send the install back complete.",
    "invalid_code": "Slack did not confirm the install (its one-time code was refused or had expired).",
    "storage_error": "The install could not be saved. Nothing is half-installed; please try again, and tell "
                     "whoever runs this service if it happens again.",
}


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body><h1>{escape(title)}</h1>{body}</body></html>")


def choose(install_path: str) -> str:
    """Step 1: which partnership this workspace belongs to (asked once, at the first install)."""
    links = "".join(f"<li><a class='button' href='{escape(install_path)}?partnership={quote(slug)}'>"
                    f"{escape(display_name(slug))}</a></li>" for slug in PARTNERSHIPS)
    return _page("Install the safeguarding assistant",
                 "<p>Which safeguarding partnership does this Slack workspace belong to? Answers, case reviews "
                 f"and escalations follow its published arrangements.</p><ul id='partnerships'>{links}</ul>"
                 "<p>Admins can later map single channels to another partnership in Slack. Installing for a whole "
                 "Enterprise Grid organisation: this is where each of its workspaces starts, and each workspace's "
                 "admins can choose its own.</p>")


def add_to_slack(authorize_url: str, partnership: str) -> str:
    """Step 2: Bolt's Add to Slack link (the state cookie is set with this page)."""
    return _page("Add to Slack",
                 f"<p>Partnership: <strong id='partnership'>{escape(display_name(partnership))}</strong>.</p>"
                 f"<p><a class='button' id='add' href='{escape(authorize_url)}'>Add to Slack</a></p>"
                 "<p>You will become this workspace's first admin of the assistant.</p>")


def installed(team: str, partnership: str | None, first: bool) -> str:
    area = escape(display_name(partnership)) if partnership else "not set"
    what = ("You are its first admin. In Slack, name the business unit's channel with "
            "<code>/safeguarding admin business-unit #channel</code> and grant roles with "
            "<code>/safeguarding admin grant @person manager</code>." if first else
            "It was installed before: its partnership, roles, records and reminders are as they were.")
    return _page("Installed", f"<p id='result'>The safeguarding assistant is installed in <strong>{escape(team)}"
                              f"</strong>, partnership <strong>{area}</strong>.</p><p>{what}</p>")


def add_to_workspaces_url(enterprise_id: str, app_id: str) -> str:
    """Slack's org admin page that adds an org-wide app to the org's workspaces (nothing is in one until then)."""
    return f"https://app.slack.com/manage/{quote(enterprise_id)}/integrations/profile/{quote(app_id)}/workspaces/add"


def installed_org(org: str, partnership: str | None, first: bool, add_url: str) -> str:
    """An Enterprise Grid org-wide install: the choice is each workspace's starting partnership."""
    area = escape(display_name(partnership)) if partnership else "not set"
    what = ("You are the first admin of each workspace you add it to. Each workspace starts with this partnership; "
            "its admins can choose its own with <code>/safeguarding admin partnership &lt;slug&gt;</code> and map "
            "channels with <code>/safeguarding admin channel &lt;slug&gt;</code>." if first else
            "It was installed before: the workspaces keep their partnerships, roles, records and reminders.")
    return _page("Installed for the organisation",
                 f"<p id='result'>The safeguarding assistant is installed for the whole of <strong>{escape(org)}"
                 f"</strong>, default partnership <strong>{area}</strong>.</p><p>{what}</p>"
                 f"<p>It is in no workspace yet: <a class='button' id='add-workspaces' href='{escape(add_url)}'>"
                 "Add it to your workspaces</a></p>")


def failed(reason: str, install_path: str) -> str:
    sentence = FAILURES.get(reason, "The install did not complete.")
    return _page("Not installed", f"<p id='error' data-reason='{escape(reason)}'>{escape(sentence)}</p>"
                                  f"<p><a class='button' href='{escape(install_path)}'>Start again</a></p>")
