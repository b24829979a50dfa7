"""Fetching links against a real HTTP server on 127.0.0.1.

The guard is lifted only in tests that need to reach the loopback server as if it were a news site. Tests that
check refusals keep it on and, where the first hop must succeed, trust exactly one loopback port (the server
standing in for a public site). Every client dials through `LoopbackOnlyDialer`, so nothing can leave the
machine even if the guard were broken, and resolvers are stubs: no DNS outside the machine.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import ipaddress
import json
import threading
import zlib

import httpx
import pytest

from bot.article import Article
from bot.cli import main as cli_main
from bot.engine import analyze, analyze_article
from bot.errors import FetchError
from bot.fetch import MAX_REDIRECTS, USER_AGENT, fetch_article, make_http_client
from bot.netguard import HostNotFoundError, IPAddress, NetworkGuard, is_public_address
from bot.report import Report
from bot.settings import Settings, get_settings
from tests.conftest import FIXTURES, fixture_text
from tests.support.loopback_http import (
    LoopbackOnlyDialer,
    LoopbackServer,
    Route,
    endless,
    endless_gzip,
    gzip_bomb,
)

# Made once: building 50 MB of gzip takes a moment.
cached_gzip_bomb = functools.cache(gzip_bomb)

LOOPBACK = ipaddress.IPv4Address("127.0.0.1")
PAGES = FIXTURES / "pages"
REFUSED = "private or local network address"


def make_settings(**overrides: object) -> Settings:
    """Settings with quick timeouts and the guard on, unless a test says otherwise."""
    values: dict[str, object] = {
        "allow_private_networks": False,
        "fetch_timeout": 3.0,
        "fetch_connect_timeout": 1.0,
        "fetch_max_bytes": 5_000_000,
    }
    values.update(overrides)
    return Settings().model_copy(update=values)


class StubResolver:
    """Answers from a table; a list of answers per name is used in turn (the last one repeats)."""

    def __init__(self, table: dict[str, list[list[str]]] | None = None) -> None:
        self.table = table or {}
        self.calls: list[str] = []

    async def __call__(self, host: str, port: int) -> list[IPAddress]:
        self.calls.append(host)
        answers = self.table.get(host)
        if not answers:
            raise HostNotFoundError(
                f"I couldn't find the site {host} (no such host). Is the link spelled right?"
            )
        answer = answers[min(self.calls.count(host), len(answers)) - 1]
        return [ipaddress.ip_address(address) for address in answer]


def lifted_client(
    settings: Settings, dialer: LoopbackOnlyDialer, resolver: StubResolver | None = None
) -> httpx.AsyncClient:
    """A client with the guard lifted (WHOSAID_ALLOW_PRIVATE_NETWORKS=1), reaching only 127.0.0.1."""
    guard = NetworkGuard(allow_private=True, resolver=resolver or StubResolver(), resolve_timeout=1.0)
    return make_http_client(settings, guard=guard, dialer=dialer)


def guarded_client(
    settings: Settings,
    dialer: LoopbackOnlyDialer,
    *,
    trusted_port: int | None = None,
    resolver: StubResolver | None = None,
) -> httpx.AsyncClient:
    """A client with the guard on; 127.0.0.1:`trusted_port` stands in for one public news site."""

    def policy(address: IPAddress, port: int) -> bool:
        return (address == LOOPBACK and port == trusted_port) or is_public_address(address)

    guard = NetworkGuard(resolver=resolver or StubResolver(), address_policy=policy, resolve_timeout=1.0)
    return make_http_client(settings, guard=guard, dialer=dialer)


@pytest.fixture
def server():
    with LoopbackServer() as running:
        yield running


@pytest.fixture
def dialer() -> LoopbackOnlyDialer:
    return LoopbackOnlyDialer()


async def fetch(server_url: str, dialer: LoopbackOnlyDialer, **overrides: object) -> Article:
    settings = make_settings(**overrides)
    async with lifted_client(settings, dialer) as client:
        return await fetch_article(server_url, settings, client=client)


async def fetch_error(server_url: str, dialer: LoopbackOnlyDialer, **overrides: object) -> str:
    with pytest.raises(FetchError) as caught:
        await fetch(server_url, dialer, **overrides)
    return str(caught.value)


def split_fixture(name: str) -> tuple[str, str]:
    headline, _, body = fixture_text(name).partition("\n\n")
    return headline.strip(), body.strip()


# --- A realistic page gives the same report as its plain text ---


def report_summary(report: Report) -> dict[str, object]:
    """What a reader sees, independent of offsets: claims, speakers, conflicts."""
    claims = [
        (
            claim.speaker,
            claim.kind,
            claim.anonymous,
            tuple(report.quote(span) for span in claim.content),
            report.quote(claim.cue) if claim.cue else None,
            tuple(claim.hedges),
        )
        for claim in report.claims
    ]
    conflicts = [
        (conflict.measure, tuple(report.figure_label(report.figures[i]) for i in conflict.figures))
        for conflict in report.conflicts
    ]
    return {
        "claims": claims,
        "speakers": sorted({str(c.speaker) for c in report.claims}),
        "conflicts": conflicts,
    }


@pytest.mark.parametrize(
    ("page", "fixture", "site"),
    [
        ("ferry_capsize.html", "links_ferry_capsize.txt", "The Marsala Courier"),
        ("water_tariff.html", "links_water_tariff.txt", "Dunmore Evening Post"),
    ],
)
async def test_a_news_page_gives_the_same_report_as_its_plain_text(
    server: LoopbackServer, dialer: LoopbackOnlyDialer, page: str, fixture: str, site: str
) -> None:
    headline, body = split_fixture(fixture)
    server.page("/world/story", (PAGES / page).read_bytes())
    article = await fetch(server.url("/world/story"), dialer)

    assert article.text == body
    from_page = analyze_article(article)
    from_text = analyze(body)
    assert from_page.title == headline
    assert from_page.url == server.url("/world/story")
    assert from_page.site == site
    assert from_page.published is not None
    assert from_page.claims, "the fixture article has attributed claims"
    assert report_summary(from_page) == report_summary(from_text)


async def test_the_ferry_page_keeps_the_conflicting_death_tolls(
    server: LoopbackServer, dialer: LoopbackOnlyDialer
) -> None:
    # The agency's 23 against the rescuers' 31: the conflict the article is about must survive the page.
    server.page("/ferry", (PAGES / "ferry_capsize.html").read_bytes())
    report = analyze_article(await fetch(server.url("/ferry"), dialer))
    assert report.conflicts
    labels = {report.figure_label(report.figures[i]) for c in report.conflicts for i in c.figures}
    assert {"at least 23", "31"} <= labels


# --- Redirects ---


async def test_a_redirect_chain_is_followed_to_the_article(
    server: LoopbackServer, dialer: LoopbackOnlyDialer
) -> None:
    server.page("/2026/03/17/ferry", (PAGES / "ferry_capsize.html").read_bytes())
    server.redirect("/s/x1", server.url("/amp/ferry"), status=301)
    server.redirect("/amp/ferry", "/news/ferry?ref=amp", status=302)
    server.redirect("/news/ferry", "../2026/03/17/ferry", status=303)  # relative to /news/
    server.redirect("/2026/03/17/ferry-old", "ferry", status=307)
    server.redirect("/start", "/2026/03/17/ferry-old", status=308)
    server.redirect("/news/ferry?ref=amp", f"//127.0.0.1:{server.port}/start", status=301)

    article = await fetch(server.url("/s/x1"), dialer)

    assert server.paths() == [
        "/s/x1",
        "/amp/ferry",
        "/news/ferry?ref=amp",
        "/start",
        "/2026/03/17/ferry-old",
        "/2026/03/17/ferry",
    ]
    assert article.url == server.url("/2026/03/17/ferry")
    assert "Morning Heron" in article.text


async def test_at_most_five_redirects_are_followed(
    server: LoopbackServer, dialer: LoopbackOnlyDialer
) -> None:
    server.page("/end", (PAGES / "water_tariff.html").read_bytes())
    for hop in range(MAX_REDIRECTS + 1):
        server.redirect(f"/hop{hop}", f"/hop{hop + 1}")
    server.redirect(f"/hop{MAX_REDIRECTS + 1}", "/end")

    article = await fetch(server.url("/hop2"), dialer)  # five redirects
    assert "Dunmore" in article.text

    message = await fetch_error(server.url("/hop1"), dialer)  # six
    assert message == "The link redirected more than 5 times, so I stopped following it."


async def test_a_redirect_loop_stops(server: LoopbackServer, dialer: LoopbackOnlyDialer) -> None:
    server.redirect("/a", "/b")
    server.redirect("/b", "/a")
    assert "redirected more than 5 times" in await fetch_error(server.url("/a"), dialer)
    assert len(server.paths()) == MAX_REDIRECTS + 1


async def test_cookies_last_one_fetch_only(server: LoopbackServer, dialer: LoopbackOnlyDialer) -> None:
    server.route(
        "/consent",
        Route(
            status=302, content_type=None, headers={"Location": "/story", "Set-Cookie": "consent=yes; Path=/"}
        ),
    )
    server.page(
        "/story", (PAGES / "water_tariff.html").read_bytes(), headers={"Set-Cookie": "reader=42; Path=/"}
    )
    settings = make_settings()
    async with lifted_client(settings, dialer) as client:
        await fetch_article(server.url("/consent"), settings, client=client)
        await fetch_article(server.url("/story"), settings, client=client)
    cookies = [hit.headers.get("cookie") for hit in server.hits]
    assert cookies == [None, "consent=yes", None]


async def test_a_redirect_to_another_scheme_is_refused(
    server: LoopbackServer, dialer: LoopbackOnlyDialer
) -> None:
    server.redirect("/leak", "file:///etc/passwd")
    message = await fetch_error(server.url("/leak"), dialer)
    assert message == "The link redirected to file:, which I can't read; I only follow web links."


async def test_a_redirect_without_location_is_an_error(
    server: LoopbackServer, dialer: LoopbackOnlyDialer
) -> None:
    server.route("/nowhere", Route(status=302, content_type=None))
    assert "redirected without saying where to (HTTP 302)" in await fetch_error(
        server.url("/nowhere"), dialer
    )


# --- The guard, with a real server behind it ---


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{other}/secret",
        "http://2130706433:{other}/secret",
        "http://0x7f.1:{other}/secret",
        "http://127.1:{other}/secret",
        "http://[::ffff:127.0.0.1]:{other}/secret",
        "http://localhost.test:{other}/secret",
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://metadata.test/computeMetadata/v1/",
    ],
)
async def test_a_redirect_to_a_private_address_is_refused(
    server: LoopbackServer, dialer: LoopbackOnlyDialer, target: str
) -> None:
    resolver = StubResolver({"localhost.test": [["127.0.0.1"]], "metadata.test": [["169.254.169.254"]]})
    settings = make_settings()
    with LoopbackServer() as internal:
        internal.page("/secret", "<p>internal admin page</p>")
        server.redirect("/go", target.format(other=internal.port))
        async with guarded_client(settings, dialer, trusted_port=server.port, resolver=resolver) as client:
            with pytest.raises(FetchError, match=REFUSED):
                await fetch_article(server.url("/go"), settings, client=client)
        assert internal.paths() == []
    assert server.paths() == ["/go"]
    assert dialer.dialed == [("127.0.0.1", server.port)]


ADDRESS_FORMS = [
    "http://127.0.0.1/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://127.1/",
    "http://0177.0.0.1/",
    "http://0x7f000001/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[fc00::1]/",
    "http://[fe80::1]/",
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://224.0.0.1/",
    "http://240.0.0.1/",
    "http://0.0.0.0/",
    "http://0/",
    "https://localhost.test/",
    "http://metadata.test/",
    "http://mixed.test/",
]


@pytest.mark.parametrize("url", ADDRESS_FORMS)
async def test_every_private_address_form_is_refused(url: str, dialer: LoopbackOnlyDialer) -> None:
    resolver = StubResolver(
        {
            "localhost.test": [["127.0.0.1"]],
            "metadata.test": [["169.254.169.254"]],
            "mixed.test": [["93.184.215.14", "10.20.30.40"]],
        }
    )
    settings = make_settings()
    async with guarded_client(settings, dialer, resolver=resolver) as client:
        with pytest.raises(FetchError, match=REFUSED) as caught:
            await fetch_article(url, settings, client=client)
    assert "I only read links on the public internet" in str(caught.value)
    assert dialer.dialed == []


async def test_a_name_rebound_to_a_private_address_between_hops_is_refused(
    server: LoopbackServer, dialer: LoopbackOnlyDialer
) -> None:
    server.redirect("/first", "/second")
    server.page("/second", (PAGES / "ferry_capsize.html").read_bytes())
    resolver = StubResolver({"news.test": [["127.0.0.1"], ["10.0.0.5"]]})
    settings = make_settings()
    async with guarded_client(settings, dialer, trusted_port=server.port, resolver=resolver) as client:
        with pytest.raises(
            FetchError, match=r"news\.test leads to a private or local network address \(10\.0\.0\.5\)"
        ):
            await fetch_article(f"http://news.test:{server.port}/first", settings, client=client)
    assert server.paths() == ["/first"]
    assert dialer.dialed == [("127.0.0.1", server.port)]


async def test_a_name_is_dialed_at_its_checked_address_and_keeps_its_host_header(
    server: LoopbackServer, dialer: LoopbackOnlyDialer
) -> None:
    server.page("/story", (PAGES / "water_tariff.html").read_bytes())
    resolver = StubResolver({"dunmorepost.test": [["127.0.0.1"]]})
    settings = make_settings()
    async with guarded_client(settings, dialer, trusted_port=server.port, resolver=resolver) as client:
        article = await fetch_article(
            f"http://DunmorePost.test.:{server.port}/story", settings, client=client
        )
    assert article.url == f"http://dunmorepost.test:{server.port}/story"
    assert server.hits[0].headers["host"] == f"dunmorepost.test:{server.port}"
    assert server.hits[0].headers["user-agent"] == USER_AGENT
    assert server.hits[0].headers["accept-encoding"] == "gzip, deflate"
    assert dialer.dialed == [("127.0.0.1", server.port)]
    assert resolver.calls == ["dunmorepost.test"]


def test_the_guard_is_on_unless_the_environment_lifts_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WHOSAID_ALLOW_PRIVATE_NETWORKS", raising=False)
    assert Settings(_env_file=None).allow_private_networks is False
    monkeypatch.setenv("WHOSAID_ALLOW_PRIVATE_NETWORKS", "1")
    assert Settings(_env_file=None).allow_private_networks is True


async def test_without_a_client_the_default_guard_refuses_loopback(server: LoopbackServer) -> None:
    server.page("/story", (PAGES / "water_tariff.html").read_bytes())
    with pytest.raises(FetchError, match=REFUSED):
        await fetch_article(server.url("/story"), make_settings())
    assert server.paths() == []


async def test_without_a_client_a_lifted_guard_fetches(server: LoopbackServer) -> None:
    server.page("/story", (PAGES / "water_tariff.html").read_bytes())
    article = await fetch_article(server.url("/story"), make_settings(allow_private_networks=True))
    assert article.title is not None and article.title.startswith("Dunmore council approves")


# --- Time and size limits ---


async def test_a_slow_server_times_out(server: LoopbackServer, dialer: LoopbackOnlyDialer) -> None:
    slow = Route(hold=threading.Event(), body=b"<p>too late</p>")
    server.route("/slow", slow)
    try:
        message = await fetch_error(server.url("/slow"), dialer, fetch_timeout=0.3)
        assert message == "127.0.0.1 took too long to answer (timed out after 0.3 seconds)."
        assert not slow.answered.is_set(), "the fetch gave up before the server answered"
    finally:
        slow.hold.set()  # type: ignore[union-attr]


async def test_a_trickling_body_hits_the_overall_deadline(
    server: LoopbackServer, dialer: LoopbackOnlyDialer
) -> None:
    # Every read is quick, so only a deadline on the whole fetch stops it.
    # The body never ends and stays far under the size cap, so "took too long" can only be that deadline.
    server.route("/trickle", Route(chunks=endless(b"<p>word</p>"), chunk_delay=0.05))
    assert "took too long" in await fetch_error(server.url("/trickle"), dialer, fetch_timeout=0.5)


async def test_an_endless_body_stops_at_the_cap(server: LoopbackServer, dialer: LoopbackOnlyDialer) -> None:
    server.route("/endless", Route(chunks=endless()))
    message = await fetch_error(server.url("/endless"), dialer, fetch_max_bytes=300_000)
    assert message == "That page is too large to read (more than 0.3 MB)."


async def test_a_declared_length_over_the_cap_is_refused(
    server: LoopbackServer, dialer: LoopbackOnlyDialer
) -> None:
    server.page("/huge", b"<p>" + b"x" * 400_000 + b"</p>")
    assert "too large" in await fetch_error(server.url("/huge"), dialer, fetch_max_bytes=300_000)


@pytest.mark.parametrize("endless_stream", [False, True])
async def test_a_gzip_bomb_stops_at_the_cap(
    server: LoopbackServer, dialer: LoopbackOnlyDialer, endless_stream: bool
) -> None:
    if endless_stream:
        # Decodes to infinity: only counting while decoding can stop it.
        route = Route(chunks=endless_gzip(), headers={"Content-Encoding": "gzip"})
    else:
        route = Route(body=cached_gzip_bomb(50_000_000), headers={"Content-Encoding": "gzip"})
    server.route("/bomb", route)
    # The endless stream can only be stopped by counting while decoding (it has no end to decode up to).
    message = await fetch_error(server.url("/bomb"), dialer, fetch_max_bytes=1_000_000)
    assert message == "That page is too large to read (more than 1 MB)."


async def test_a_deflate_bomb_stops_at_the_cap(server: LoopbackServer, dialer: LoopbackOnlyDialer) -> None:
    server.route(
        "/bomb", Route(body=zlib.compress(b"\n" * 20_000_000, 9), headers={"Content-Encoding": "deflate"})
    )
    assert "too large" in await fetch_error(server.url("/bomb"), dialer, fetch_max_bytes=1_000_000)


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
async def test_compressed_pages_are_read(
    server: LoopbackServer, dialer: LoopbackOnlyDialer, encoding: str
) -> None:
    html = (PAGES / "ferry_capsize.html").read_bytes()
    if encoding == "gzip":
        body = gzip.compress(html)
    elif encoding == "deflate":
        body = zlib.compress(html)
    else:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        body = compressor.compress(html) + compressor.flush()
    server.route("/story", Route(body=body, headers={"Content-Encoding": encoding.removeprefix("raw-")}))
    article = await fetch(server.url("/story"), dialer)
    assert article.text == split_fixture("links_ferry_capsize.txt")[1]


async def test_an_unknown_compression_is_named(server: LoopbackServer, dialer: LoopbackOnlyDialer) -> None:
    server.route("/br", Route(body=b"\x1b\x00", headers={"Content-Encoding": "br"}))
    message = await fetch_error(server.url("/br"), dialer)
    assert message == "The site sent the page compressed in a way I can't read (br)."


async def test_a_damaged_gzip_body_is_an_error(server: LoopbackServer, dialer: LoopbackOnlyDialer) -> None:
    server.route("/bad", Route(body=b"this is not gzip at all", headers={"Content-Encoding": "gzip"}))
    assert await fetch_error(server.url("/bad"), dialer) == "The site sent a damaged compressed page."


# --- Status codes, content types, charsets, empty pages ---


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (404, "127.0.0.1 says that page doesn't exist (HTTP 404 Not Found). Check the link."),
        (410, "127.0.0.1 says that page doesn't exist (HTTP 410 Gone). Check the link."),
        (500, "127.0.0.1 had a problem answering (HTTP 500 Internal Server Error). Try again later."),
        (503, "127.0.0.1 had a problem answering (HTTP 503 Service Unavailable). Try again later."),
        (
            403,
            "127.0.0.1 wouldn't show me that page (HTTP 403 Forbidden); it may need a login or a subscription.",
        ),
        (
            429,
            "127.0.0.1 is turning away requests right now (HTTP 429 Too Many Requests). Try again in a few minutes.",
        ),
    ],
)
async def test_http_errors_say_which(
    server: LoopbackServer, dialer: LoopbackOnlyDialer, status: int, expected: str
) -> None:
    server.route("/page", Route(status=status, body=b"<h1>Error</h1>"))
    assert await fetch_error(server.url("/page"), dialer) == expected


@pytest.mark.parametrize("content_type", ["application/pdf", "image/jpeg", "video/mp4"])
async def test_other_content_types_are_refused_by_name(
    server: LoopbackServer, dialer: LoopbackOnlyDialer, content_type: str
) -> None:
    server.page("/file", b"%PDF-1.7\n" + b"\x00" * 1000, content_type=content_type)
    message = await fetch_error(server.url("/file"), dialer)
    assert message == f"I can't read this kind of link ({content_type}). Send a link to a web page."


@pytest.mark.parametrize(
    ("content_type", "meta"),
    [
        ("text/html", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
        ("text/html; charset=windows-1252", ""),
    ],
)
async def test_a_windows_1252_page_is_read_correctly(
    server: LoopbackServer, dialer: LoopbackOnlyDialer, content_type: str, meta: str
) -> None:
    html = (
        f"<html><head>{meta}<title>Caf\u00e9 rents</title></head><body><article>"
        "<p>The caf\u00e9 owners\u2019 association said rents had risen by \u20ac1,200 a year.</p>"
        "<p>\u201cWe cannot survive another rise,\u201d its chairwoman, Ren\u00e9e Duval, told the council.</p>"
        "</article></body></html>"
    )
    server.page("/cafe", html.encode("windows-1252"), content_type=content_type)
    article = await fetch(server.url("/cafe"), dialer)
    assert "caf\u00e9 owners\u2019 association said rents had risen by \u20ac1,200" in article.text
    assert "\u201cWe cannot survive another rise,\u201d its chairwoman, Ren\u00e9e Duval" in article.text


async def test_a_page_in_the_wrong_charset_still_reads(
    server: LoopbackServer, dialer: LoopbackOnlyDialer
) -> None:
    html = (
        "<html><body><article><p>R\u00e9sum\u00e9: the caf\u00e9 owners said rents rose by 40 percent in 2025.</p>"
        "<p>The council said the rise was the first in six years and that help was on its way.</p>"
        "</article></body></html>"
    )
    server.page("/wrong", html.encode("windows-1252"), content_type="text/html; charset=utf-8")
    article = await fetch(server.url("/wrong"), dialer)
    assert "R\ufffdsum\ufffd: the caf\ufffd owners said rents rose by 40 percent" in article.text


@pytest.mark.parametrize("route", [Route(body=b""), Route(status=204, body=b""), Route(body=b"  \n ")])
async def test_an_empty_page_says_so(
    server: LoopbackServer, dialer: LoopbackOnlyDialer, route: Route
) -> None:
    server.route("/empty", route)
    assert (
        await fetch_error(server.url("/empty"), dialer)
        == "I couldn't find an article there: the page is empty."
    )


async def test_a_script_only_page_has_no_article(server: LoopbackServer, dialer: LoopbackOnlyDialer) -> None:
    server.page("/app", "<html><body><div id=root></div><script src=/app.js></script></body></html>")
    assert await fetch_error(server.url("/app"), dialer) == "I couldn't find an article there."


async def test_plain_text_is_read_as_it_is(server: LoopbackServer, dialer: LoopbackOnlyDialer) -> None:
    text = fixture_text("links_water_tariff.txt")
    server.page("/story.txt", text, content_type="text/plain; charset=utf-8")
    article = await fetch(server.url("/story.txt"), dialer)
    assert article.text == text
    assert article.site == "127.0.0.1"


# --- Links that can't be fetched at all ---


@pytest.mark.parametrize(
    "link", ["ftp://news.test/a", "file:///etc/passwd", "javascript:alert(1)", "news.test/a"]
)
async def test_only_web_links_are_fetched(link: str, dialer: LoopbackOnlyDialer) -> None:
    settings = make_settings()
    async with guarded_client(settings, dialer) as client:
        with pytest.raises(
            FetchError, match=r"^I can only read web links \(starting with http:// or https://\)\.$"
        ):
            await fetch_article(link, settings, client=client)


@pytest.mark.parametrize("link", ["http:///path", "http://news.test:99999/", "http://1.2.3.4.5/"])
async def test_malformed_links_are_explained(link: str, dialer: LoopbackOnlyDialer) -> None:
    settings = make_settings()
    async with guarded_client(settings, dialer) as client:
        with pytest.raises(FetchError, match=r"valid|no site name"):
            await fetch_article(link, settings, client=client)
    assert dialer.dialed == []


INVALID_NAME = r"^That (link's address .* isn't a valid web address|doesn't look like a valid link)\.$"


@pytest.mark.parametrize("link", ["http://xn--ls8h.la/", "https://news.xn--ls8h/story", "http://💩.la/"])
async def test_an_invalid_international_name_is_explained_before_any_lookup(
    link: str, dialer: LoopbackOnlyDialer
) -> None:
    resolver = StubResolver()
    settings = make_settings()
    async with guarded_client(settings, dialer, resolver=resolver) as client:
        with pytest.raises(FetchError, match=INVALID_NAME):
            await fetch_article(link, settings, client=client)
    assert resolver.calls == []
    assert dialer.dialed == []


async def test_a_redirect_to_an_invalid_international_name_is_explained(
    server: LoopbackServer, dialer: LoopbackOnlyDialer
) -> None:
    server.redirect("/moved", "http://xn--ls8h.la/story")
    message = await fetch_error(server.url("/moved"), dialer)
    assert message == "The link redirected to an address that isn't a valid web address."


async def test_an_unknown_host_says_no_such_host(dialer: LoopbackOnlyDialer) -> None:
    settings = make_settings()
    async with guarded_client(settings, dialer) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_article("https://no-such-paper.test/story", settings, client=client)
    assert (
        str(caught.value)
        == "I couldn't find the site no-such-paper.test (no such host). Is the link spelled right?"
    )


async def test_a_resolver_that_hangs_times_out(dialer: LoopbackOnlyDialer) -> None:
    never = asyncio.Event()
    abandoned = asyncio.Event()

    async def hanging(host: str, port: int) -> list[IPAddress]:
        try:
            await never.wait()  # a resolver that never answers
        except asyncio.CancelledError:
            abandoned.set()
            raise
        return []

    settings = make_settings(fetch_connect_timeout=0.2)
    guard = NetworkGuard(resolver=hanging, resolve_timeout=settings.fetch_connect_timeout)
    async with make_http_client(settings, guard=guard, dialer=dialer) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_article("https://slow-dns.test/story", settings, client=client)
    assert (
        str(caught.value) == "slow-dns.test took too long to answer (timed out connecting after 0.2 seconds)."
    )
    assert abandoned.is_set(), "the guard stopped waiting for the resolver"
    assert dialer.dialed == []


async def test_a_closed_port_says_the_site_may_be_down(dialer: LoopbackOnlyDialer) -> None:
    with LoopbackServer() as closed:
        url = closed.url("/story")
    message = await fetch_error(url, dialer)
    assert message == "I couldn't connect to 127.0.0.1; the site may be down."


# --- The command line ---


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch):
    """Run `whosaid` in-process with fresh settings read from the environment."""
    monkeypatch.setenv("WHOSAID_FETCH_TIMEOUT", "3")
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def test_cli_analyzes_a_link(server: LoopbackServer, cli_env: pytest.MonkeyPatch, capsys) -> None:
    cli_env.setenv("WHOSAID_ALLOW_PRIVATE_NETWORKS", "1")
    server.page("/world/ferry", (PAGES / "ferry_capsize.html").read_bytes())

    assert cli_main(["analyze", server.url("/world/ferry"), "--json"]) == 0

    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    report = json.loads(out[0])
    assert report["schema"] == "whosaid.report/1"
    assert (
        report["title"]
        == "Ferry capsizes on Lake Verrin as officials and rescuers give different death tolls"
    )
    assert report["url"] == server.url("/world/ferry")
    assert report["site"] == "The Marsala Courier"
    assert report["published"] == "2026-03-17"
    assert report["text"] == split_fixture("links_ferry_capsize.txt")[1]


def test_cli_fetch_errors_exit_2_with_the_message(
    server: LoopbackServer, cli_env: pytest.MonkeyPatch, capsys
) -> None:
    cli_env.setenv("WHOSAID_ALLOW_PRIVATE_NETWORKS", "1")
    assert cli_main(["analyze", server.url("/gone"), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err
        == "whosaid: 127.0.0.1 says that page doesn't exist (HTTP 404 Not Found). Check the link.\n"
    )


def test_cli_explains_an_invalid_international_name(cli_env: pytest.MonkeyPatch, capsys) -> None:
    assert cli_main(["analyze", "http://xn--ls8h.la/"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "whosaid: That link's address (xn--ls8h.la) isn't a valid web address.\n"


def test_cli_refuses_private_links_by_default(
    server: LoopbackServer, cli_env: pytest.MonkeyPatch, capsys
) -> None:
    cli_env.delenv("WHOSAID_ALLOW_PRIVATE_NETWORKS", raising=False)
    server.page("/world/ferry", (PAGES / "ferry_capsize.html").read_bytes())
    assert cli_main(["analyze", server.url("/world/ferry")]) == 2
    assert REFUSED in capsys.readouterr().err
    assert server.paths() == []
