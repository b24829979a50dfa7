"""The fake Bot API in webhook mode (scale-out tests): it POSTs updates to the bot's webhook replicas.

A subclass of `FakeTelegram`, kept apart from it: everything else (sendMessage, recorded requests, waiting)
is the fake's own. `setWebhook` records the URL and the secret each replica registered; `deliver` POSTs one
update to the replica a test names, with Telegram's `X-Telegram-Bot-Api-Secret-Token` header, the way
Telegram calls the load balancer in front of the replicas. Only loopback URLs are ever called.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import httpx

from tests.support.fake_telegram import FakeTelegram

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


class WebhookFakeTelegram(FakeTelegram):
    """Telegram pushing updates to webhooks instead of serving `getUpdates`."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.webhooks: list[dict[str, Any]] = []

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhooks.append({"url": params.get("url"), "secret_token": params.get("secret_token")})
        return True

    def _api_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        url = self.webhooks[-1]["url"] if self.webhooks else ""
        return {"url": url, "has_custom_certificate": False, "pending_update_count": 0}

    def update(self, update_id: int) -> dict[str, Any]:
        """The update made with `send_message` / `press_button`, as Telegram would send it."""
        with self._changed:
            return next(dict(update) for update in self._state.updates if update["update_id"] == update_id)

    async def deliver(self, update: dict[str, Any], url: str, *, timeout: float = 30.0) -> int:
        """POST `update` to a replica's webhook `url`; returns the HTTP status the replica answered."""
        host = urlsplit(url).hostname
        if host not in LOOPBACK_HOSTS:
            raise ValueError(f"the fake only calls loopback webhooks, not {host}")
        secret = self.webhooks[-1]["secret_token"] if self.webhooks else None
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        async with httpx.AsyncClient(timeout=timeout, trust_env=False) as client:
            response = await client.post(url, json=update, headers=headers)
        return response.status_code
