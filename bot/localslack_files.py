"""The fake Slack's file uploads: files_upload_v2's three steps, checked as Slack checks them.

1. `files.getUploadURLExternal` (filename, length, alt text within Slack's limit) gives an id and an upload URL;
2. the bytes are POSTed to that URL (refused unless the id was issued and the length matches);
3. `files.completeUploadExternal` shares the uploaded ids into a known channel (unknown or not-yet-uploaded ids
   are `file_not_found`). What was shared is kept in `files` for tests to read.
"""

from __future__ import annotations

import json
import threading
from typing import Any

from bot import slacklimits

FILE_METHODS = frozenset({"files.getUploadURLExternal", "files.completeUploadExternal"})


class FileUploads:
    """Mixed into LocalSlack, which provides the lock, `url`, `knows_channel` and `_record`."""

    _lock: threading.Condition
    uploads: dict[str, dict[str, Any]]
    files: list[dict[str, Any]]
    url: str

    def knows_channel(self, channel: str) -> bool:  # pragma: no cover - LocalSlack's
        raise NotImplementedError

    def _file_answer(self, method: str, params: dict[str, Any], n: int) -> dict[str, Any]:
        if method == "files.getUploadURLExternal":
            file_id = f"F{n:08d}"
            with self._lock:
                self.uploads[file_id] = {"filename": params.get("filename"), "length": int(params["length"]),
                                         "alt_txt": params.get("alt_txt"), "data": None}
            return {"upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        shared = []
        with self._lock:
            for f in _file_list(params):
                up = self.uploads.pop(f["id"])
                shared.append({"id": f["id"], "title": f.get("title") or up["filename"]})
                self.files.append({**up, "id": f["id"], "title": f.get("title"), "channel": params.get("channel_id"),
                                   "thread_ts": params.get("thread_ts"),
                                   "initial_comment": params.get("initial_comment")})
        return {"files": shared}

    def _file_refusal(self, method: str, params: dict[str, Any]) -> str | None:
        """files_upload_v2's steps as Slack checks them: sizes, alt text, uploaded bytes, a known channel."""
        if method == "files.getUploadURLExternal":
            if not params.get("filename") or not str(params.get("length") or "").isdigit():
                return "invalid_arguments"
            if int(params["length"]) <= 0:
                return "invalid_arguments"
            if len(str(params.get("alt_txt") or "")) > slacklimits.ALT_TEXT:
                return "invalid_arguments"
            return None
        files = _file_list(params)
        channel = str(params.get("channel_id") or "")
        if not files:
            return "invalid_arguments"
        with self._lock:
            for f in files:
                up = self.uploads.get(str(f.get("id")))
                if up is None or up["data"] is None:
                    return "file_not_found"  # unknown id, or completed before the bytes were uploaded
        if channel and not self.knows_channel(channel):
            return "channel_not_found"
        return None

    def _receive_upload(self, file_id: str, data: bytes) -> int:
        """The upload URL: HTTP 200 when the id was issued and the bytes match the length announced."""
        with self._lock:
            up = self.uploads.get(file_id)
            if up is None or len(data) != up["length"]:
                return 400
            up["data"] = data
        return 200


def _file_list(params: dict[str, Any]) -> list[dict[str, Any]]:
    files = params.get("files")
    if isinstance(files, str):
        try:
            files = json.loads(files)
        except ValueError:
            return []
    return [f for f in files if isinstance(f, dict)] if isinstance(files, list) else []


