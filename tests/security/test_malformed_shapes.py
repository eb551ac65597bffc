"""Red team, fifth session: signed bodies that are JSON objects but not Slack's shapes (types Bolt and the
listeners index into). Before the gate's shape check these were 500s with a traceback (RecursionError,
KeyError deep in Bolt) or a listener fault that posted "something went wrong"; now 400 and nothing happens."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.security.test_http_gate import _nothing_happened, _post_bytes, _sign_bytes

JSON, FORM = "application/json", "application/x-www-form-urlencoded"


@pytest.mark.parametrize(("raw", "ctype"), [
    (b'{"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}", JSON),  # nested past the parser's recursion limit
    (b"payload=" + quote("[" * 50_000 + "]" * 50_000).encode(), FORM),
    (b'{"type":"block_actions","team":[],"user":"UPRACT01","actions":{}}', JSON),
    (b'{"type":"view_submission","team":{"id":"T0001"},"user":{"id":"UPRACT01"},"view":[]}', JSON),
    (b'{"type":"event_callback","team_id":"T0001","event":"x","event_id":"E1"}', JSON),
    (b'{"type":"event_callback","team_id":"T0001","event_id":"E2",'
     b'"event":{"type":"message","text":"hi","user":[],"channel":"D1"}}', JSON),
    (b'{"type":"block_actions","team":{"id":"T0001"},"user":{"id":"UPRACT01"},'
     b'"actions":[{"action_id":"case_review_act:advance","value":["CR-2026-001"]}]}', JSON),
    (b'{"type":"view_submission","team":{"id":"T0001"},"user":{"id":"UPRACT01"},'
     b'"view":{"callback_id":"case_review_notify","private_metadata":"{}","state":{"values":[]}}}', JSON),
    (b'{"type":"view_submission","team":{"id":"T0001"},"user":{"id":"UPRACT01"},'
     b'"view":{"callback_id":"case_review_notify","state":{"values":{"b":{"a":"x"}}}}}', JSON),
])
def test_signed_body_not_of_slacks_shape_gets_400(slack, fake_slack, db, errors_logged, raw, ctype):
    assert _post_bytes(slack, raw, ctype, _sign_bytes(raw)) == 400
    _nothing_happened(fake_slack, db)
    assert errors_logged() == []
