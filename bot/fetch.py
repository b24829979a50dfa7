"""A link to an `Article`: fetch the page safely, then extract the article from it.

Safety is the point of this module. Every hop of a redirect chain is re-checked (scheme here, address in
`bot.netguard`), at most `MAX_REDIRECTS` hops are followed, the whole fetch has a deadline, and the body is
counted as it is decompressed so a compression bomb stops at the cap instead of filling memory. Every failure
becomes a `FetchError` whose message a person understands.

The bot should share one client: create it with `make_http_client(settings)` at start-up, pass it to
`fetch_article(url, settings, client=client)` and close it (`await client.aclose()`) at shutdown.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import ssl
import zlib
from dataclasses import dataclass
from http import HTTPStatus
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpcore
import httpx

from bot.article import Article
from bot.errors import FetchError
from bot.extract import NO_ARTICLE_MESSAGE, ContentType, check_readable, extract_article
from bot.netguard import GuardedNetworkBackend, InvalidHostError, NetworkGuard, normalise_host
from bot.settings import Settings

logger = logging.getLogger(__name__)

USER_AGENT = "WhoSaidBot/0.1 (+news attribution bot)"
DEFAULT_LIMITS = httpx.Limits(max_connections=20, max_keepalive_connections=10, keepalive_expiry=5.0)
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
    "Accept-Language": "en;q=1.0, *;q=0.5",
    # Only encodings `BoundedDecoder` can decompress with a size limit.
    "Accept-Encoding": "gzip, deflate",
}


@dataclass(frozen=True)
class FetchedPage:
    """A successful response, read to the end: where it finally came from, its type and its decoded body."""

    url: str
    content_type: str | None
    body: bytes


@functools.cache
def _shared_ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle takes a noticeable fraction of a second; one verifying context serves every client.
    return httpx.create_ssl_context()


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport, with its connection pool dialing through `GuardedNetworkBackend`.

    httpx doesn't take a network backend, so we build the httpcore pool it would build, with ours.
    """

    def __init__(
        self,
        guard: NetworkGuard,
        *,
        limits: httpx.Limits | None = None,
        dialer: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        limits = limits or DEFAULT_LIMITS
        ssl_context = _shared_ssl_context()
        super().__init__(verify=ssl_context, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=GuardedNetworkBackend(guard, dialer),
        )


def make_http_client(
    settings: Settings,
    *,
    guard: NetworkGuard | None = None,
    dialer: httpcore.AsyncNetworkBackend | None = None,
) -> httpx.AsyncClient:
    """The httpx client link fetches go through: guarded connections, our User-Agent, no automatic redirects,
    no proxies from the environment (a proxy would dial addresses the guard never saw), and a cookie jar that
    keeps nothing (each fetch carries its own cookies, see `_follow`).

    `guard` defaults to one honouring `settings.allow_private_networks`; tests pass one with a stub resolver,
    and a `dialer` (the backend that opens the checked addresses) that can only reach 127.0.0.1.
    """
    guard = guard or NetworkGuard(
        allow_private=settings.allow_private_networks, resolve_timeout=settings.fetch_connect_timeout
    )
    client = httpx.AsyncClient(
        transport=GuardedTransport(guard, dialer=dialer),
        headers=DEFAULT_HEADERS,
        timeout=httpx.Timeout(settings.fetch_timeout, connect=settings.fetch_connect_timeout),
        follow_redirects=False,
        trust_env=False,
    )
    client.cookies.jar.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    return client


def checked_url(link: str, *, redirected: bool = False) -> httpx.URL:
    """`link` as an httpx URL we are willing to request: http or https, a readable host in canonical form
    (`http://0x7f.1/` becomes `http://127.0.0.1/`), no credentials, no fragment."""
    try:
        parts = urlsplit(link.strip())
        port = parts.port
    except ValueError as error:
        raise FetchError("That doesn't look like a valid link.") from error
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"{scheme}:" if scheme else "a link without http://"
        if redirected:
            raise FetchError(f"The link redirected to {shown}, which I can't read; I only follow web links.")
        raise FetchError("I can only read web links (starting with http:// or https://).")
    if not parts.hostname:
        raise FetchError("That link has no site name in it.")
    host = normalise_host(parts.hostname)
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    try:
        return httpx.URL(urlunsplit((scheme, netloc, parts.path or "/", parts.query, "")))
    except httpx.InvalidURL as error:
        raise FetchError("That doesn't look like a valid link.") from error


class _TooLargeError(Exception):
    pass


class BoundedDecoder:
    """Undo a response's Content-Encoding while never producing more than `limit` bytes.

    zlib is asked for at most the bytes still allowed (`max_length`), so a few kilobytes of gzip that would
    inflate to gigabytes stop at the cap after producing only `limit + 1` bytes.
    """

    def __init__(self, content_encoding: str | None, *, limit: int) -> None:
        self._limit = limit
        self._total = 0
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        for coding in codings:
            if coding not in ("gzip", "x-gzip", "deflate"):
                raise FetchError(f"The site sent the page compressed in a way I can't read ({coding}).")
        # Encodings are listed in the order they were applied, so they are undone last to first.
        self._layers = [_Inflater(coding) for coding in reversed(codings)]

    def feed(self, data: bytes) -> bytes:
        """Decoded bytes for the next raw chunk; raises when the running total passes the limit."""
        for layer in self._layers:
            data = layer.inflate(data, self._limit - self._total + 1)
        return self._count(data)

    def flush(self) -> bytes:
        """Whatever the decompressors still hold at the end of the body."""
        data = b""
        for layer in self._layers:
            data = layer.inflate(data, self._limit - self._total + 1) + layer.flush()
        return self._count(data)

    def _count(self, data: bytes) -> bytes:
        self._total += len(data)
        if self._total > self._limit:
            raise _TooLargeError
        return data


class _Inflater:
    def __init__(self, coding: str) -> None:
        self._coding = coding
        self._first = True
        wbits = zlib.MAX_WBITS | 16 if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._decompressor = zlib.decompressobj(wbits)

    def inflate(self, data: bytes, max_length: int) -> bytes:
        if not data:
            return b""
        try:
            output = self._decompressor.decompress(data, max(max_length, 1))
        except zlib.error as error:
            if not (self._first and self._coding == "deflate"):
                raise FetchError("The site sent a damaged compressed page.") from error
            # Some servers send raw deflate without the zlib header the standard asks for.
            self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
            output = self._decompressor.decompress(data, max(max_length, 1))
        self._first = False
        if self._decompressor.unconsumed_tail:
            # zlib stopped at max_length: there is more output than the cap allows.
            raise _TooLargeError
        return output

    def flush(self) -> bytes:
        try:
            return self._decompressor.flush()
        except zlib.error as error:
            raise FetchError("The site sent a damaged compressed page.") from error


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


def _status_message(status: int, reason: str, host: str) -> str:
    label = f"HTTP {status} {reason}".strip()
    if status in (404, 410):
        return f"{host} says that page doesn't exist ({label}). Check the link."
    if status in (401, 402, 403, 451):
        return f"{host} wouldn't show me that page ({label}); it may need a login or a subscription."
    if status == 429:
        return f"{host} is turning away requests right now ({label}). Try again in a few minutes."
    if status >= 500:
        return f"{host} had a problem answering ({label}). Try again later."
    return f"{host} answered {label} instead of the page."


def _redirect_target(response: httpx.Response) -> str | None:
    if response.status_code not in REDIRECT_STATUSES:
        return None
    location = response.headers.get("location")
    if not location:
        return None
    return urljoin(str(response.url), location.strip())


async def _read_body(response: httpx.Response, settings: Settings) -> bytes:
    limit = settings.fetch_max_bytes
    too_large = FetchError(f"That page is too large to read (more than {_megabytes(limit)}).")
    declared = response.headers.get("content-length", "")
    decoder = BoundedDecoder(response.headers.get("content-encoding"), limit=limit)
    if declared.isdigit() and int(declared) > limit and not response.headers.get("content-encoding"):
        raise too_large
    chunks: list[bytes] = []
    try:
        async for raw in response.aiter_raw():
            chunks.append(decoder.feed(raw))
        chunks.append(decoder.flush())
    except _TooLargeError:
        raise too_large from None
    return b"".join(chunks)


async def _read_page(response: httpx.Response, settings: Settings) -> FetchedPage:
    host = response.url.host
    status = response.status_code
    if status >= 400 or status < 200:
        reason = response.reason_phrase or _standard_reason(status)
        raise FetchError(_status_message(status, reason, host))
    if status in REDIRECT_STATUSES:
        raise FetchError(f"{host} redirected without saying where to (HTTP {status}).")
    content_type = response.headers.get("content-type")
    check_readable(ContentType.parse(content_type))
    body = await _read_body(response, settings)
    return FetchedPage(url=str(response.url), content_type=content_type, body=body)


def _standard_reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


async def _follow(url: httpx.URL, settings: Settings, client: httpx.AsyncClient) -> FetchedPage:
    # Cookies live for one fetch only: some sites set one on the first hop and want it back on the next, but
    # one chat's cookies must never ride along on another chat's fetch through the shared client.
    cookies = httpx.Cookies()
    for _hop in range(MAX_REDIRECTS + 1):
        request = client.build_request("GET", url)
        cookies.set_cookie_header(request)
        try:
            response = await client.send(request, stream=True)
        except UnicodeError as error:
            # httpx works out a redirect's next hop itself, and a Location naming an invalid international
            # name ('xn--ls8h') fails in there (an IDNAError) before the response reaches us.
            raise InvalidHostError(
                "The link redirected to an address that isn't a valid web address."
            ) from error
        try:
            cookies.extract_cookies(response)
            target = _redirect_target(response)
            if target is None:
                return await _read_page(response, settings)
        finally:
            await response.aclose()
        url = checked_url(target, redirected=True)
    raise FetchError(f"The link redirected more than {MAX_REDIRECTS} times, so I stopped following it.")


async def fetch_page(link: str, settings: Settings, *, client: httpx.AsyncClient) -> FetchedPage:
    """GET `link`, following up to `MAX_REDIRECTS` redirects by hand, within `settings.fetch_timeout`.

    `client` must come from `make_http_client`: its transport is what refuses private addresses.
    """
    url = checked_url(link)
    timeout = settings.fetch_timeout
    try:
        async with asyncio.timeout(timeout):
            return await _follow(url, settings, client)
    except httpx.ConnectTimeout as error:
        connect = settings.fetch_connect_timeout
        message = f"{url.host} took too long to answer (timed out connecting after {connect:g} seconds)."
        raise FetchError(message) from error
    except (TimeoutError, httpx.TimeoutException) as error:
        raise FetchError(
            f"{url.host} took too long to answer (timed out after {timeout:g} seconds)."
        ) from error
    except httpx.ConnectError as error:
        raise FetchError(_connect_message(url.host, error)) from error
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as error:
        raise FetchError(f"The connection to {url.host} broke off before the page arrived.") from error
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
        raise FetchError("That doesn't look like a valid link.") from error
    except httpx.HTTPError as error:
        logger.warning("fetch of %s failed: %r", url.host, error)
        raise FetchError(f"I couldn't fetch the page from {url.host}.") from error


def _connect_message(host: str, error: Exception) -> str:
    if "ssl" in str(error).lower() or "certificate" in str(error).lower():
        return f"I couldn't make a secure connection to {host} (its certificate didn't check out)."
    return f"I couldn't connect to {host}; the site may be down."


async def fetch_article(url: str, settings: Settings, *, client: httpx.AsyncClient | None = None) -> Article:
    """The article at `url`: fetched safely (see the module docstring), then extracted.

    Raises `FetchError` with a message for a person for every failure. Pass the bot's shared `client` (from
    `make_http_client`); without one, a client is made for this call and closed after it.
    """
    if client is None:
        async with make_http_client(settings) as own_client:
            page = await fetch_page(url, settings, client=own_client)
    else:
        page = await fetch_page(url, settings, client=client)
    try:
        # Extraction is CPU work (lxml, trafilatura); keep it off the event loop the bot answers chats on.
        return await asyncio.to_thread(
            extract_article, page.body, content_type=page.content_type, url=page.url
        )
    except FetchError:
        raise
    except Exception as error:
        logger.warning("extracting %s failed: %r", page.url, error)
        raise FetchError(NO_ARTICLE_MESSAGE) from error
