"""A fake Telegram Bot API server speaking real HTTP on 127.0.0.1, for end-to-end tests and benchmarks.

The real python-telegram-bot `Application` talks to it through `base_url`. It queues updates the test makes
(`send_message`, `press_button`), serves them to `getUpdates` with a short long-poll, answers the methods the
bot calls (sendMessage, editMessageText, answerCallbackQuery, sendChatAction, setMyCommands, getFile and file
downloads, ...), records every request, and injects faults into chosen methods:

- `inject_error`: answer with an error (a 429 with `retry_after`, a 5xx) a number of times, or for a number of
  seconds (`for_seconds`), optionally letting the first `skip` calls through;
- `drop_connection`: close the connection without an answer, before doing the call or after doing it (the
  message is delivered, the bot can't know);
- `hang`: do the call, then hold the answer back for a while (the bot's read timeout fires first).

Like Telegram, getUpdates never hands out an update confirmed by an earlier, higher offset. Test code reads
the state through async `wait_for`, so the bot's event loop keeps running while a test waits: it is woken by
the fake itself whenever a request is recorded or an update queued (an `asyncio.Event` per waiter, set from
the server's thread), and only re-checks on its own, every `RECHECK_SECONDS`, for conditions about the bot's
side that the fake can't see.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.support.telegram_html import MESSAGE_LIMIT, TelegramHTMLError, parse_telegram_html

T = TypeVar("T")

# How often `wait_for` looks again at a condition when nothing happened at the fake (a condition about the
# bot's own state, a database row): a fallback, not the way it usually wakes.
RECHECK_SECONDS = 0.25

TOKEN = "123456789:TEST-fake-token-Zx9_secret"
BOT_USER = {
    "id": 123456789,
    "is_bot": True,
    "first_name": "WhoSaid",
    "username": "WhoSaidTestBot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
ADMIN_RIGHTS = {
    "can_be_edited": False, "is_anonymous": False, "can_manage_chat": True, "can_delete_messages": True,
    "can_manage_video_chats": True, "can_restrict_members": True, "can_promote_members": False,
    "can_change_info": True, "can_invite_users": True, "can_post_stories": False, "can_edit_stories": False,
    "can_delete_stories": False,
}  # fmt: skip
_JSON_FIELDS = {
    "reply_markup",
    "reply_parameters",
    "commands",
    "allowed_updates",
    "link_preview_options",
    "entities",
    "scope",
}
_INT_FIELDS = {"chat_id", "message_id", "offset", "limit", "timeout", "reply_to_message_id"}


@dataclass
class RecordedRequest:
    """One call the bot made: method, decoded parameters, when, and the HTTP status we answered."""

    method: str
    params: dict[str, Any]
    at: float
    status: int = 200


@dataclass
class _InjectedError:
    status: int
    retry_after: int | None
    times: int
    until: float | None = None
    skip: int = 0


@dataclass
class _ConnectionFault:
    """`drop_before` / `drop_after` close the connection unanswered; `hang` answers `seconds` late."""

    kind: str
    times: int
    seconds: float = 0.0


@dataclass
class _State:
    updates: list[dict[str, Any]] = field(default_factory=list)
    requests: list[RecordedRequest] = field(default_factory=list)
    messages: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    errors: dict[str, list[_InjectedError]] = field(default_factory=dict)
    connection_faults: dict[str, list[_ConnectionFault]] = field(default_factory=dict)
    faults_applied: list[tuple[str, str]] = field(default_factory=list)
    served_at: dict[int, float] = field(default_factory=dict)
    update_made_at: dict[int, float] = field(default_factory=dict)
    commands: list[dict[str, Any]] = field(default_factory=list)
    callback_answers: list[dict[str, Any]] = field(default_factory=list)
    confirmed_offset: int = 0
    refused: list[dict[str, Any]] = field(default_factory=list)
    admins: set[tuple[int, int]] = field(default_factory=set)
    webhook: dict[str, Any] | None = None


def _decode_value(key: str, value: str) -> Any:
    if key in _JSON_FIELDS:
        return json.loads(value)
    if key in _INT_FIELDS:
        try:
            return int(value)
        except ValueError:
            return value
    return value


def utf16_offset(text: str, index: int) -> int:
    """A `str` index as Telegram counts offsets (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


def auto_entities(text: str) -> list[dict[str, Any]]:
    """The `url` and `mention` entities Telegram would add to `text` (UTF-16 offsets)."""
    found = []
    for kind, pattern in (("url", r"https?://[^\s]+"), ("mention", r"(?<!\w)@\w{5,32}")):
        for match in re.finditer(pattern, text):
            start, end = utf16_offset(text, match.start()), utf16_offset(text, match.end())
            found.append({"type": kind, "offset": start, "length": end - start})
    return sorted(found, key=lambda entity: entity["offset"])


class FakeTelegram:
    """The fake server. Use as a context manager, or call `start()` and `stop()`."""

    def __init__(self, *, token: str = TOKEN, long_poll_cap: float = 0.5) -> None:
        self.token = token
        self.long_poll_cap = long_poll_cap
        self._state = _State()
        self._changed = threading.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count] = {}
        self._file_ids = itertools.count(1)
        self._update_of_message: dict[tuple[int, int], int] = {}
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()

    def _signal(self) -> None:
        """Something changed (call with `_changed` held): wake threads and every async `wait_for`."""
        self._changed.notify_all()
        for loop, event in self._waiters:
            with contextlib.suppress(RuntimeError):  # a loop that has closed meanwhile
                loop.call_soon_threadsafe(event.set)

    # ----- lifecycle -------------------------------------------------------------------------------------
    def start(self) -> FakeTelegram:
        """Listen on an ephemeral port of 127.0.0.1 in a background thread."""
        fake = self

        class Handler(_Handler):
            server_fake = fake

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-telegram", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() the fake first"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """The `base_url` for python-telegram-bot (the token is appended to it)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # ----- making updates --------------------------------------------------------------------------------
    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _queue(self, payload: dict[str, Any]) -> int:
        with self._changed:
            update_id = next(self._update_ids)
            message = payload.get("message")
            if message is not None:
                self._update_of_message[(message["chat"]["id"], message["message_id"])] = update_id
            self._state.updates.append({"update_id": update_id, **payload})
            self._state.update_made_at[update_id] = time.perf_counter()
            self._signal()
        return update_id

    @staticmethod
    def chat(chat_id: int, chat_type: str = "private") -> dict[str, Any]:
        if chat_type == "private":
            return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
        return {"id": chat_id, "type": chat_type, "title": f"Group {chat_id}"}

    @staticmethod
    def user(user_id: int) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}", "language_code": "en"}

    def send_message(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        user_id: int | None = None,
        chat_type: str = "private",
        entities: list[dict[str, Any]] | None = None,
        caption: str | None = None,
        caption_entities: list[dict[str, Any]] | None = None,
        document: dict[str, Any] | None = None,
        forward_origin: dict[str, Any] | None = None,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Queue a message from a user; returns the Message dict (its `message_id` identifies replies)."""
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": self.chat(chat_id, chat_type),
            "from": self.user(user_id if user_id is not None else abs(chat_id)),
        }
        if text is not None:
            message["text"] = text
            # Like Telegram, mark bare links and @mentions as entities unless the test gives its own entities.
            found = list(entities) if entities is not None else auto_entities(text)
            if text.startswith("/"):
                found.insert(0, {"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
            if found:
                message["entities"] = found
        if caption is not None:
            message["caption"] = caption
            found = list(caption_entities) if caption_entities is not None else auto_entities(caption)
            if found:
                message["caption_entities"] = found
        if document is not None:
            message["document"] = document
        if forward_origin is not None:
            message["forward_origin"] = forward_origin
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        self._queue({"message": message})
        return message

    # ----- albums and channel forwards (articles sent in parts) -----------------------------------------
    def send_album(
        self,
        chat_id: int,
        captions: list[str | None],
        *,
        media_group_id: str = "album1",
        forward_origin: dict[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        """Queue an album: one photo message per caption (None: a photo without one), one media group."""
        sent = []
        for number, caption in enumerate(captions):
            message: dict[str, Any] = {
                "message_id": self._next_message_id(chat_id),
                "date": int(time.time()),
                "chat": self.chat(chat_id),
                "from": self.user(abs(chat_id)),
                "media_group_id": media_group_id,
                "photo": [{"file_id": f"photo{number}", "file_unique_id": f"uphoto{number}", "width": 640,
                           "height": 480}],
            }  # fmt: skip
            if caption is not None:
                message["caption"] = caption
            if forward_origin is not None:
                message["forward_origin"] = forward_origin
            self._queue({"message": message})
            sent.append(message)
        return sent

    @staticmethod
    def channel_origin(channel_id: int, title: str, message_id: int, username: str | None = None) -> dict[str, Any]:
        """The `forward_origin` of a post forwarded from a channel."""
        chat: dict[str, Any] = {"id": channel_id, "type": "channel", "title": title}
        if username:
            chat["username"] = username
        return {"type": "channel", "date": int(time.time()), "chat": chat, "message_id": message_id}

    def press_button(
        self, chat_id: int, message: dict[str, Any], data: str, *, user_id: int | None = None
    ) -> str:
        """Queue a callback query as if the user pressed a button with `data` under `message`."""
        query_id = f"cq{next(self._update_ids)}"
        self._queue(
            {
                "callback_query": {
                    "id": query_id,
                    "from": self.user(user_id if user_id is not None else abs(chat_id)),
                    "chat_instance": f"ci{chat_id}",
                    "message": message,
                    "data": data,
                }
            }
        )
        return query_id

    def add_document(self, content: bytes, file_name: str, mime_type: str) -> dict[str, Any]:
        """Store a file the bot can fetch with getFile; returns the Document dict to attach to a message."""
        number = next(self._file_ids)
        file_id = f"file{number}"
        with self._changed:
            self._state.files[file_id] = (f"documents/{number}_{file_name}", content)
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(content),
        }

    def make_admin(self, chat_id: int, user_id: int) -> None:
        """Make a user an administrator of a group (getChatMember answers accordingly)."""
        with self._changed:
            self._state.admins.add((chat_id, user_id))

    def inject_error(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int | None = 1,
        times: int = 1,
        for_seconds: float | None = None,
        skip: int = 0,
    ) -> None:
        """Answer calls of `method` with an error (429 carries `retry_after`): the next `times` calls, or
        every call for `for_seconds` from now; the first `skip` calls go through untouched."""
        until = time.monotonic() + for_seconds if for_seconds is not None else None
        with self._changed:
            self._state.errors.setdefault(method, []).append(
                _InjectedError(status, retry_after, times if until is None else 1, until, skip)
            )

    def drop_connection(self, method: str, *, after_delivery: bool, times: int = 1) -> None:
        """Close the connection of the next `times` calls of `method` without answering; with
        `after_delivery` the call is done first (a message is delivered), else it is not done at all."""
        kind = "drop_after" if after_delivery else "drop_before"
        with self._changed:
            self._state.connection_faults.setdefault(method, []).append(_ConnectionFault(kind, times))

    def hang(self, method: str, *, seconds: float, times: int = 1) -> None:
        """Do the next `times` calls of `method`, then hold each answer back for `seconds`."""
        with self._changed:
            self._state.connection_faults.setdefault(method, []).append(_ConnectionFault("hang", times, seconds))

    def clear_faults(self) -> None:
        """Stop injecting anything."""
        with self._changed:
            self._state.errors.clear()
            self._state.connection_faults.clear()

    @property
    def faults_applied(self) -> list[tuple[str, str]]:
        """(method, fault) for every connection fault applied so far."""
        with self._changed:
            return list(self._state.faults_applied)

    def take_connection_fault(self, method: str) -> _ConnectionFault | None:
        """The connection fault for this call of `method`, if one is due (used by the HTTP handler)."""
        with self._changed:
            queue = self._state.connection_faults.get(method)
            if not queue:
                return None
            fault = queue[0]
            fault.times -= 1
            if fault.times <= 0:
                queue.pop(0)
            self._state.faults_applied.append((method, fault.kind))
            return fault

    # ----- reading state ---------------------------------------------------------------------------------
    def request_count(self) -> int:
        """How many calls the bot has made so far (of any method, file downloads included)."""
        with self._changed:
            return len(self._state.requests)

    def calls(self, method: str) -> list[RecordedRequest]:
        """Every recorded call of `method`, in order."""
        with self._changed:
            return [request for request in self._state.requests if request.method == method]

    def bot_messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Messages the bot has sent to `chat_id` (edits applied), oldest first."""
        with self._changed:
            return [dict(message) for message in self._state.messages.get(chat_id, [])]

    def replies_to(self, chat_id: int, message_id: int) -> list[dict[str, Any]]:
        """The bot's messages sent as replies to user message `message_id`."""
        return [
            message
            for message in self.bot_messages(chat_id)
            if message.get("reply_to_message", {}).get("message_id") == message_id
        ]

    @property
    def commands(self) -> list[dict[str, Any]]:
        with self._changed:
            return list(self._state.commands)

    @property
    def callback_answers(self) -> list[dict[str, Any]]:
        with self._changed:
            return list(self._state.callback_answers)

    @property
    def refused(self) -> list[dict[str, Any]]:
        """Messages and edits refused as Telegram would refuse them (bad HTML, too long, empty)."""
        with self._changed:
            return list(self._state.refused)

    def served_at(self, update_id: int) -> float | None:
        """When `getUpdates` first handed this update to the bot (perf_counter)."""
        with self._changed:
            return self._state.served_at.get(update_id)

    def update_id_of(self, message: dict[str, Any]) -> int:
        """The update that carried a message made with `send_message`."""
        with self._changed:
            return self._update_of_message[(message["chat"]["id"], message["message_id"])]

    def pending_updates(self) -> int:
        with self._changed:
            return sum(
                1 for update in self._state.updates if update["update_id"] >= self._state.confirmed_offset
            )

    async def wait_for(
        self, predicate: Callable[[], T], *, timeout: float = 30.0, what: str = "condition"
    ) -> T:
        """Wait until `predicate` returns something truthy, looking again each time the fake records a request
        or queues an update (and every `RECHECK_SECONDS` otherwise), without blocking the event loop."""
        changed = asyncio.Event()
        waiter = (asyncio.get_running_loop(), changed)
        with self._changed:
            self._waiters.add(waiter)
        try:
            deadline = time.monotonic() + timeout
            while True:
                changed.clear()  # before looking: a change from here on wakes the wait below
                result = predicate()
                if result:
                    return result
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(changed.wait(), min(remaining, RECHECK_SECONDS))
        finally:
            with self._changed:
                self._waiters.discard(waiter)

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[RecordedRequest], bool] = lambda request: True,
        *,
        timeout: float = 30.0,
    ) -> RecordedRequest:
        """The first recorded call of `method` that matches `predicate`, once the bot has made it."""
        found = await self.wait_for(
            lambda: next((call for call in self.calls(method) if predicate(call)), None),
            timeout=timeout,
            what=f"a {method} call",
        )
        assert found is not None
        return found

    # ----- answering the bot -----------------------------------------------------------------------------
    def error_due(self, method: str) -> bool:
        """Whether the next call of `method` will be answered with an injected error."""
        with self._changed:
            queue = self._state.errors.get(method)
            while queue and queue[0].until is not None and time.monotonic() > queue[0].until:
                queue.pop(0)
            return bool(queue) and queue[0].skip == 0

    def _injected_error(self, method: str) -> dict[str, Any] | None:
        queue = self._state.errors.get(method)
        while queue and queue[0].until is not None and time.monotonic() > queue[0].until:
            queue.pop(0)
        if not queue:
            return None
        error = queue[0]
        if error.skip > 0:
            error.skip -= 1
            return None
        if error.until is None:
            error.times -= 1
            if error.times <= 0:
                queue.pop(0)
        body: dict[str, Any] = {"ok": False, "error_code": error.status}
        if error.status == 429:
            body["description"] = f"Too Many Requests: retry after {error.retry_after}"
            body["parameters"] = {"retry_after": error.retry_after}
        else:
            body["description"] = {502: "Bad Gateway", 503: "Service Unavailable"}.get(
                error.status, "Internal Server Error"
            )
        return body

    def handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API call; returns (HTTP status, JSON body)."""
        with self._changed:
            request = RecordedRequest(method=method, params=params, at=time.perf_counter())
            self._state.requests.append(request)
            self._signal()
            error = self._injected_error(method)
            if error is not None:
                request.status = error["error_code"]
                return error["error_code"], error
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        with self._changed:
            answer = getattr(self, f"_api_{method}", None)
            if answer is None:
                request.status = 404
                return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
            result = answer(params)
            self._signal()
        if isinstance(result, tuple):
            request.status = result[0]
            return result
        return 200, {"ok": True, "result": result}

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        wait = min(float(params.get("timeout") or 0), self.long_poll_cap)
        deadline = time.monotonic() + wait
        with self._changed:
            # Telegram forgets what an earlier, higher offset confirmed: offset 0 means "the first unconfirmed".
            offset = max(offset, self._state.confirmed_offset)
            self._state.confirmed_offset = offset
            while True:
                ready = [update for update in self._state.updates if update["update_id"] >= offset][:limit]
                remaining = deadline - time.monotonic()
                if ready or remaining <= 0:
                    break
                self._changed.wait(remaining)
            now = time.perf_counter()
            for update in ready:
                self._state.served_at.setdefault(update["update_id"], now)
            return ready

    def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return BOT_USER

    def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        return True

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        self._state.webhook = dict(params)
        return True

    @property
    def webhook(self) -> dict[str, Any] | None:
        """The parameters of the last setWebhook call (url, secret_token, ...)."""
        with self._changed:
            return self._state.webhook

    def make_update(self, chat_id: int, text: str) -> dict[str, Any]:
        """An update carrying a user's message, not queued for getUpdates (to post to a webhook)."""
        with self._changed:
            update_id = next(self._update_ids)
        message = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": self.chat(chat_id),
            "from": self.user(abs(chat_id)),
            "text": text,
        }
        return {"update_id": update_id, "message": message}

    def _api_setMyCommands(self, params: dict[str, Any]) -> bool:
        self._state.commands = list(params.get("commands") or [])
        return True

    def _api_getMyCommands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self._state.commands

    def _api_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (params.get("chat_id"), int(params.get("user_id") or 0))
        status = "administrator" if key in self._state.admins else "member"
        member: dict[str, Any] = {"status": status, "user": self.user(key[1])}
        if status == "administrator":
            member.update(ADMIN_RIGHTS)
        return member

    def _api_sendChatAction(self, params: dict[str, Any]) -> bool:
        return True

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        self._state.callback_answers.append(params)
        return True

    def _api_close(self, params: dict[str, Any]) -> bool:
        return True

    def _api_logOut(self, params: dict[str, Any]) -> bool:
        return True

    def _find_message(self, params: dict[str, Any]) -> dict[str, Any] | None:
        for message in self._state.messages.get(params.get("chat_id"), []):
            if message["message_id"] == params.get("message_id"):
                return message
        return None

    @staticmethod
    def _refused_text(params: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        """Telegram's 400 for text it can't show: bad HTML, empty, or over 4096 characters."""
        text = params.get("text", "")
        try:
            if params.get("parse_mode") == "HTML":
                parse_telegram_html(text)
            elif not text.strip() or len(text.encode("utf-16-le")) // 2 > MESSAGE_LIMIT:
                raise TelegramHTMLError("message text is empty or too long")
        except TelegramHTMLError as error:
            description = f"Bad Request: can't parse entities: {error}"
            return 400, {"ok": False, "error_code": 400, "description": description}
        return None

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any] | tuple[int, dict[str, Any]]:
        refused = self._refused_text(params)
        if refused is not None:
            self._state.refused.append(params)
            return refused
        chat_id = params["chat_id"]
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": self.chat(chat_id, "private" if chat_id > 0 else "supergroup"),
            "from": BOT_USER,
            "text": params.get("text", ""),
            "parse_mode": params.get("parse_mode"),
            "sent_at": time.perf_counter(),
        }
        replied = (params.get("reply_parameters") or {}).get("message_id") or params.get(
            "reply_to_message_id"
        )
        if replied:
            message["reply_to_message"] = {
                "message_id": replied,
                "date": int(time.time()),
                "chat": message["chat"],
            }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self._state.messages.setdefault(chat_id, []).append(message)
        return message

    def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any] | tuple[int, dict[str, Any]]:
        message = self._find_message(params)
        if message is None:
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message to edit not found",
            }
        refused = self._refused_text(params)
        if refused is not None:
            self._state.refused.append(params)
            return refused
        message["text"] = params.get("text", "")
        message["parse_mode"] = params.get("parse_mode")
        message["edited"] = message.get("edited", 0) + 1
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        else:
            message.pop("reply_markup", None)
        return message

    def _api_editMessageReplyMarkup(
        self, params: dict[str, Any]
    ) -> dict[str, Any] | tuple[int, dict[str, Any]]:
        message = self._find_message(params)
        if message is None:
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message to edit not found",
            }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        else:
            message.pop("reply_markup", None)
        return message

    def _api_deleteMessage(self, params: dict[str, Any]) -> bool:
        messages = self._state.messages.get(params.get("chat_id"), [])
        messages[:] = [message for message in messages if message["message_id"] != params.get("message_id")]
        return True

    def _api_getFile(self, params: dict[str, Any]) -> dict[str, Any] | tuple[int, dict[str, Any]]:
        file_id = params.get("file_id")
        if file_id not in self._state.files:
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: invalid file_id"}
        path, content = self._state.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(content),
            "file_path": path,
        }

    def handle_download(self, path: str) -> None:
        """Record a file download as a call of "download" (tests count them like Bot API calls)."""
        with self._changed:
            self._state.requests.append(
                RecordedRequest(method="download", params={"file_path": path}, at=time.perf_counter())
            )
            self._signal()

    def file_content(self, path: str) -> bytes | None:
        """The bytes of a stored file, by the `file_path` getFile gave out."""
        with self._changed:
            for stored_path, content in self._state.files.values():
                if stored_path == path:
                    return content
        return None


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up mid-long-poll (the bot stopping) is normal here, not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server_fake: FakeTelegram
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read the recorded requests instead
        pass

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _params(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        kind = self.headers.get("Content-Type", "")
        params: dict[str, Any] = {}
        if kind.startswith("application/json") and raw:
            return json.loads(raw)
        if kind.startswith("multipart/form-data"):
            message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {kind}\r\n\r\n".encode() + raw)
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if part.get_filename() is None and name:
                    params[name] = _decode_value(name, part.get_content())
            return params
        query = urlsplit(self.path).query
        for key, value in parse_qsl(raw.decode("utf-8") or query, keep_blank_values=True):
            params[key] = _decode_value(key, value)
        return params

    def _route(self) -> None:
        fake = self.server_fake
        path = unquote(urlsplit(self.path).path)
        file_prefix = f"/file/bot{fake.token}/"
        if path.startswith(file_prefix):
            # File downloads take faults like a method named "download" (inject_error, drop_connection).
            if fake.error_due("download"):
                status, body = fake.handle("download", {"file_path": path[len(file_prefix) :]})
                self._send(status, json.dumps(body).encode())
                return
            fault = fake.take_connection_fault("download")
            fake.handle_download(path[len(file_prefix) :])
            if fault is not None and fault.kind == "drop_before":
                self._hang_up()
                return
            content = fake.file_content(path[len(file_prefix) :])
            if content is None:
                self._send(404, b"not found", "text/plain")
            else:
                self._send(200, content, "application/octet-stream")
            return
        prefix = f"/bot{fake.token}/"
        if not path.startswith(prefix):
            self._send(
                401, json.dumps({"ok": False, "error_code": 401, "description": "Unauthorized"}).encode()
            )
            return
        method = path[len(prefix) :]
        params = self._params()
        # An injected error answers first; a connection fault waits for a call that would otherwise succeed.
        fault = None if fake.error_due(method) else fake.take_connection_fault(method)
        if fault is not None and fault.kind == "drop_before":
            self._hang_up()
            return
        status, body = fake.handle(method, params)
        if fault is not None and fault.kind == "drop_after":
            self._hang_up()
            return
        if fault is not None and fault.kind == "hang":
            time.sleep(fault.seconds)
        with contextlib.suppress(OSError):  # the bot may have given up waiting for a hung answer
            self._send(status, json.dumps(body).encode())

    def _hang_up(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    do_GET = _route
    do_POST = _route
