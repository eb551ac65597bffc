"""The dashboard through the real server on loopback: Sign in with Slack via the local fake, who may see what,
sessions that expire and cannot be forged, and figures that are the database's."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import time_machine
from pydantic import SecretStr

from bot.case_reviews import service as cases
from bot.insight import measures
from bot.insight import page as page_module
from bot.insight.charts import _month
from bot.insight.signin import SESSION_COOKIE
from bot.timeutil import format_date, today
from tests.conftest import ADMIN, TEAM_ID
from tests.insight.conftest import CLIENT_ID, OTHER_TEAM, Browser, Tables, Web
from tests.insight.test_measures import Q2, _case

PERIOD = "period=custom&since=2026-03-01&until=2026-05-31"


def _seed_ten(db) -> list[str]:  # type: ignore[no-untyped-def]
    """As tests/insight/test_measures.py: ten Halton cases aware March-May 2026, nine told the Panel in time."""
    with db.session() as s:
        refs = [_case(s, date(2026, 3, 31), notified=date(2026, 4, 9)).ref,
                _case(s, date(2026, 3, 2), notified=date(2026, 3, 10)).ref]
        refs += [_case(s, date(2026, 5, d), notified=date(2026, 5, d + 1)).ref
                 for d in (3, 4, 5, 10, 11, 12, 17, 18)]
        refs.append(_case(s, date(2026, 4, 1), partnership="wirral", notified=date(2026, 4, 20)).ref)
    return refs


def test_sign_in_round_trip_shows_the_partnerships_figures_from_the_database(web: Web, db):
    *refs, wirral = _seed_ten(db)
    browser = Browser()
    first = browser.get(f"{web.base}/dashboard")
    assert first.status == 200 and 'href="/dashboard/login"' in first.body
    login = browser.get(f"{web.base}/dashboard/login")
    assert login.status == 302
    assert (login.header("Location") or "").startswith(web.fake.url + "/openid/connect/authorize?")
    state_cookie = login.cookies_set()[0]
    assert "HttpOnly" in state_cookie and "SameSite=Lax" in state_cookie and "Secure" not in state_cookie  # loopback
    web.fake.openid.sign_in_as("UBUSUNIT1")
    back = browser.get(login.header("Location") or "")
    assert back.status == 302 and (back.header("Location") or "").startswith(f"{web.base}/dashboard/callback?code=")
    signed = browser.get(back.header("Location") or "")
    assert signed.status == 302 and signed.header("Location") == "/dashboard"
    session = next(c for c in signed.cookies_set() if c.startswith(SESSION_COOKIE + "="))
    assert "HttpOnly" in session and "SameSite=Lax" in session and f"Max-Age={8 * 3600}" in session
    assert web.fake.calls_to("openid.connect.token")[0]["_ok"] is True

    shown = browser.get(f"{web.base}/dashboard?{PERIOD}")
    assert shown.status == 200, shown.body
    with db.session() as s:
        m = measures.build(s, Q2, cases.timescales(), date.today())
    page = Tables(shown.body)
    assert page.texts["scope"].startswith("Halton, Sun 1 Mar 2026 to Sun 31 May 2026")
    assert m.case_reviews.panel_within.words() == "9 of 10"
    assert page.texts["case-review-timeliness-title"].startswith("Panel notified within 5 working days: 9 of 10")
    notified = {row[0]: row[1] for row in page.tables["case-review-notifications"]}
    assert notified == {_month(k): measures.shown(v) for k, v in m.case_reviews.by_month.items()}
    assert notified == {"Mar 2026": "fewer than 5", "Apr 2026": "0", "May 2026": "8"}
    assert f"panel notification: {refs[1]}" in page.texts["late-list"]
    assert page.tables["case-review-timeliness"][0][1:] == ["10", "9", "90.0"]
    assert refs[-1] in shown.body and wirral not in shown.body  # another partnership's case is not shown
    assert "<script" not in shown.body and "http://" not in shown.body and "https://" not in shown.body
    assert "default-src 'none'" in (shown.header("Content-Security-Policy") or "")


def test_default_period_is_the_last_whole_quarter_and_a_bad_period_is_refused(web: Web):
    browser = web.sign_in("ULEAD0001")
    page = browser.get(f"{web.base}/dashboard")
    last = page_module.quarters(today())[1]
    expected = f"Halton, {format_date(last)} to {format_date(page_module._quarter_end(last))}."
    assert page.status == 200 and Tables(page.body).texts["scope"].startswith(expected)
    bad = browser.get(f"{web.base}/dashboard?period=custom&since=2026-05-31&until=2026-03-01")
    assert bad.status == 400 and "runs backwards" in bad.body


def test_practitioner_and_manager_are_refused_with_a_plain_page(web: Web, db):
    for user in ("UPRACT01", "UMANAGER1"):
        browser = web.sign_in(user)
        page = browser.get(f"{web.base}/dashboard?{PERIOD}")
        assert page.status == 403 and "No access" in page.body and "<img" not in page.body
    from sqlalchemy import select

    from storage.core import AuditLog

    with db.session() as s:  # each refusal audited, with no typed text
        rows = [(a.actor_id, a.action, a.after) for a in s.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert {(actor, action) for actor, action, _ in rows} == {("UPRACT01", "insight.refused"),
                                                               ("UMANAGER1", "insight.refused"),
                                                               ("UPRACT01", "dashboard.signed_in"),
                                                               ("UMANAGER1", "dashboard.signed_in")}
    assert all(not after for _, _, after in rows)  # signing in lands on the page, so each is refused twice


def test_another_partnerships_business_unit_sees_only_their_own(web: Web, db):
    _seed_ten(db)
    browser = web.sign_in("UBUWIRRAL", team_id=OTHER_TEAM)
    assert browser.get(f"{web.base}/dashboard?{PERIOD}&partnership=halton").status == 403
    assert browser.get(f"{web.base}/dashboard?{PERIOD}&partnership=all").status == 403
    own = browser.get(f"{web.base}/dashboard?{PERIOD}")
    assert own.status == 200 and Tables(own.body).texts["scope"].startswith("Wirral")
    assert "9 of 10" not in own.body


def test_admin_may_pick_any_partnership_or_all(web: Web, db):
    _seed_ten(db)
    browser = web.sign_in(ADMIN)
    every = browser.get(f"{web.base}/dashboard?{PERIOD}&partnership=all")
    assert every.status == 200 and Tables(every.body).texts["scope"].startswith("All partnerships")
    assert browser.get(f"{web.base}/dashboard?{PERIOD}&partnership=wirral").status == 200
    assert browser.get(f"{web.base}/dashboard?{PERIOD}&partnership=nowhere").status == 400


def test_session_expires_after_eight_hours(web: Web):
    browser = web.sign_in("UBUSUNIT1")
    assert browser.get(f"{web.base}/dashboard?{PERIOD}").status == 200
    with time_machine.travel(datetime.now(UTC) + timedelta(hours=8, minutes=1)):
        later = browser.get(f"{web.base}/dashboard?{PERIOD}")
    assert later.status == 200 and 'href="/dashboard/login"' in later.body and "<img" not in later.body


def _tampered(token: str, **changes: str) -> str:
    body, _, sig = token.partition(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload.update(changes)
    raw = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")
    return f"{raw}.{sig}"


def test_tampered_or_signed_out_cookie_is_not_a_session(web: Web):
    browser = web.sign_in("UPRACT01")
    jar = browser.cookies["127.0.0.1"]
    token = jar[SESSION_COOKIE]
    jar[SESSION_COOKIE] = _tampered(token, u=ADMIN)  # a practitioner claims to be the admin
    forged = browser.get(f"{web.base}/dashboard?{PERIOD}")
    assert forged.status == 200 and 'href="/dashboard/login"' in forged.body and "<img" not in forged.body
    jar[SESSION_COOKIE] = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert 'href="/dashboard/login"' in browser.get(f"{web.base}/dashboard").body

    bu = web.sign_in("UBUSUNIT1")
    kept = bu.cookies["127.0.0.1"][SESSION_COOKIE]
    page = bu.get(f"{web.base}/dashboard?{PERIOD}")
    csrf = page.body.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    assert bu.request("POST", f"{web.base}/dashboard/logout", body="csrf=wrong").status == 400
    out = bu.request("POST", f"{web.base}/dashboard/logout", body=f"csrf={csrf}")
    assert out.status == 200 and SESSION_COOKIE not in bu.cookies["127.0.0.1"]
    bu.cookies["127.0.0.1"][SESSION_COOKIE] = kept  # a copy of the cookie kept from before signing out
    assert 'href="/dashboard/login"' in bu.get(f"{web.base}/dashboard?{PERIOD}").body


def test_callback_refuses_a_replayed_code_another_browsers_state_and_a_cancel(web: Web):
    browser = Browser()
    web.fake.openid.sign_in_as("UBUSUNIT1")
    login = browser.get(f"{web.base}/dashboard/login")
    callback = browser.get(login.header("Location") or "").header("Location") or ""
    stranger = Browser()  # a link planted in another person's browser: no state cookie there
    assert stranger.get(callback).status == 400
    assert browser.get(callback).status == 302  # the state was not spent by the stranger's attempt
    again = Browser(cookies={"127.0.0.1": dict(browser.cookies["127.0.0.1"])})
    again.cookies["127.0.0.1"]["sgb-dashboard-state"] = parse_qs(urlsplit(callback).query)["state"][0]
    replay = again.get(callback)
    assert replay.status == 400 and "already used" in replay.body
    cancel = browser.get(f"{web.base}/dashboard/callback?error=access_denied&state=x")
    assert cancel.status == 400 and "cancelled" in cancel.body


def test_dashboard_says_it_is_not_set_up_without_credentials(slack):  # type: ignore[no-untyped-def]
    reply = Browser().get(f"{slack.base_url}/dashboard")
    assert reply.status == 503 and "DASHBOARD_CLIENT_ID" in reply.body
    assert TEAM_ID  # the ordinary app: no dashboard settings


def test_a_client_secret_slack_does_not_know_signs_nobody_in(web: Web):
    web.fake.openid.register_client(CLIENT_ID, "rotated-in-slack", f"{web.base}/dashboard/callback")
    browser = Browser()
    web.fake.openid.sign_in_as("UBUSUNIT1")
    done = browser.get(f"{web.base}/dashboard/login", follow=True)
    assert done.status == 400 and "Slack did not confirm who you are" in done.body
    assert web.fake.calls_to("openid.connect.token")[0]["_error"] == "bad_client_secret"
    assert SESSION_COOKIE not in browser.cookies.get("127.0.0.1", {})


def test_cookies_are_secure_when_the_dashboard_is_not_on_loopback(settings):  # type: ignore[no-untyped-def]
    from bot.insight.signin import SignIn

    public = settings.model_copy(update={"dashboard_client_id": CLIENT_ID, "dashboard_client_secret": SecretStr("x"),
                                         "dashboard_redirect_uri": "https://qa.example.org/dashboard/callback"})
    signin = SignIn(public)
    _, state = signin.start()
    for cookie in (state, signin.new_session(TEAM_ID, "UBUSUNIT1")[1], signin.clear_cookie()):
        assert cookie.endswith("; Secure") and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_sign_in_and_out_are_audited_and_a_sign_out_holds_in_every_process(web: Web, db):
    from sqlalchemy import select

    from bot.insight.dashboard import Dashboard
    from bot.services import Services
    from storage.core import AuditLog

    bu = web.sign_in("UBUSUNIT1")
    kept = bu.cookies["127.0.0.1"][SESSION_COOKIE]
    other = Dashboard(Services(settings=web.settings, db=db))  # a second web process: its own memory

    def shown_by_other() -> bool:
        environ = {"PATH_INFO": "/dashboard", "REQUEST_METHOD": "GET", "QUERY_STRING": PERIOD,
                   "HTTP_COOKIE": f"{SESSION_COOKIE}={kept}"}
        body = b"".join(other(environ, lambda status, headers: None)).decode()
        return "<img" in body

    assert shown_by_other()
    page = bu.get(f"{web.base}/dashboard?{PERIOD}")
    csrf = page.body.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    assert bu.request("POST", f"{web.base}/dashboard/logout", body=f"csrf={csrf}").status == 200
    assert not shown_by_other()
    with db.session() as s:
        rows = [(a.actor_id, a.action, a.entity_type) for a in s.scalars(
            select(AuditLog).where(AuditLog.entity_type == "dashboard_session").order_by(AuditLog.id))]
        stored = " ".join(f"{a.entity_id} {a.before} {a.after}" for a in s.scalars(select(AuditLog)))
    assert rows == [("UBUSUNIT1", "dashboard.signed_in", "dashboard_session"),
                    ("UBUSUNIT1", "dashboard.signed_out", "dashboard_session")]
    assert kept not in stored and kept.split(".")[0] not in stored  # the cookie itself is never kept
