"""The local fake of Sign in with Slack refuses what Slack refuses, through slack_sdk's own client."""

from __future__ import annotations

import http.client
from urllib.parse import parse_qs, urlsplit

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.oauth import OpenIDConnectAuthorizeUrlGenerator

from bot.localslack import LocalSlack

REDIRECT = "http://127.0.0.1:9/dashboard/callback"


def _get(url: str) -> tuple[int, str | None, str]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", f"{parts.path}?{parts.query}")
    reply = conn.getresponse()
    out = reply.status, reply.getheader("Location"), reply.read().decode()
    conn.close()
    return out


def _code(fake: LocalSlack, redirect: str = REDIRECT, client_id: str = "C1") -> tuple[int, str | None, str]:
    url = OpenIDConnectAuthorizeUrlGenerator(client_id=client_id, redirect_uri=redirect, scopes=["openid"],
                                             authorization_url=fake.url + "/openid/connect/authorize")
    return _get(url.generate(state="s1", nonce="n1"))


@pytest.fixture
def oidc(fake_slack: LocalSlack) -> LocalSlack:
    fake_slack.openid.register_client("C1", "right-secret", REDIRECT)
    fake_slack.openid.sign_in_as("UBUSUNIT1")
    return fake_slack


def test_authorize_redirects_back_with_a_code_and_the_state(oidc: LocalSlack):
    status, location, _ = _code(oidc)
    assert status == 302 and location is not None and location.startswith(REDIRECT + "?")
    query = parse_qs(urlsplit(location).query)
    assert query["state"] == ["s1"] and len(query["code"][0]) > 10
    client = WebClient(base_url=oidc.api_url)
    token = client.openid_connect_token(client_id="C1", client_secret="right-secret", code=query["code"][0],
                                        redirect_uri=REDIRECT)
    info = WebClient(base_url=oidc.api_url, token=token["access_token"]).openid_connect_userInfo()
    assert info["https://slack.com/user_id"] == "UBUSUNIT1" and info["https://slack.com/team_id"] == oidc.team_id


def test_authorize_refuses_an_unknown_client_or_an_unregistered_redirect(oidc: LocalSlack):
    assert _code(oidc, client_id="C2")[0] == 400
    status, location, page = _code(oidc, redirect="http://127.0.0.1:9/elsewhere")
    assert status == 400 and location is None and "redirect_uri did not match" in page


@pytest.mark.parametrize(("secret", "redirect", "error"), [
    ("wrong-secret", REDIRECT, "bad_client_secret"),
    ("right-secret", "http://127.0.0.1:9/other/callback", "bad_redirect_uri"),
])
def test_token_refuses_a_wrong_secret_or_redirect(oidc: LocalSlack, secret: str, redirect: str, error: str):
    code = parse_qs(urlsplit(_code(oidc)[1] or "").query)["code"][0]
    with pytest.raises(SlackApiError) as exc:
        WebClient(base_url=oidc.api_url).openid_connect_token(client_id="C1", client_secret=secret, code=code,
                                                              redirect_uri=redirect)
    assert exc.value.response["error"] == error


def test_a_code_works_once_and_user_info_needs_a_token_it_issued(oidc: LocalSlack):
    code = parse_qs(urlsplit(_code(oidc)[1] or "").query)["code"][0]
    client = WebClient(base_url=oidc.api_url)
    client.openid_connect_token(client_id="C1", client_secret="right-secret", code=code, redirect_uri=REDIRECT)
    with pytest.raises(SlackApiError) as exc:
        client.openid_connect_token(client_id="C1", client_secret="right-secret", code=code, redirect_uri=REDIRECT)
    assert exc.value.response["error"] == "invalid_code"
    with pytest.raises(SlackApiError) as exc:
        WebClient(base_url=oidc.api_url, token="xoxp-made-up").openid_connect_userInfo()
    assert exc.value.response["error"] == "invalid_auth"
    assert all("client_secret" not in c.params for c in oidc.calls_to("openid.connect.token"))
