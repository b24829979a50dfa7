"""Page bytes to an article: content types, charsets, trafilatura's body and metadata, boilerplate."""

from __future__ import annotations

import pytest

from bot.errors import FetchError
from bot.extract import (
    ContentType,
    decode_body,
    drop_boilerplate,
    extract_article,
    sniff_content_type,
)
from tests.conftest import FIXTURES, fixture_text

PAGES = FIXTURES / "pages"

# Text that sits around the article on the fixture pages: navigation, ads, related links with their own quotes
# and numbers, reader comments, donation pleas, footers. None of it may reach the analyzed text.
FERRY_PAGE_NOISE = [
    "Port strike",
    "4,500 workers",
    "Bus crash near Pelara",
    "19 hours",
    "6 of 10 safety checks",
    "Refinance your home",
    "150,000",
    "2,300 homeless",
    "We have never seen water this high",
    "Mine collapse",
    "61 percent",
    "at least 200 people",
    "nobody was charged",
    "50 people were rescued",
    "Leave a Reply",
    "WhatsApp",
    "Donate",
    "3 euros a month",
    "120,000 readers",
    "Derby ends 3-3",
    "Bread prices",
    "Registered newsroom",
    "All rights reserved",
    "We use cookies",
    "Rescue boats search",
    "Share on Facebook",
]
WATER_PAGE_NOISE = [
    "Weather",
    "What's On",
    "WhatsApp",
    "Share this",
    "the network is falling apart",
    "3rd time",
    "7.5 million",
    "Library to cut opening hours",
    "Rovers win",
    "22 percent",
    "17 percent",
    "Leave a Reply",
    "Donate from 2 pounds",
    "1.2 million",
    "Proudly powered by WordPress",
    "Councillors during",
]


def split_fixture(name: str) -> tuple[str, str]:
    """A links_*.txt fixture as (headline, body): the first line is the headline."""
    headline, _, body = fixture_text(name).partition("\n\n")
    return headline.strip(), body.strip()


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


# --- The realistic pages ---


@pytest.mark.parametrize(
    ("page_name", "article_name", "noise", "site", "author", "published"),
    [
        (
            "ferry_capsize.html",
            "links_ferry_capsize.txt",
            FERRY_PAGE_NOISE,
            "The Marsala Courier",
            "Ines Kowal",
            "2026-03-17",
        ),
        (
            "water_tariff.html",
            "links_water_tariff.txt",
            WATER_PAGE_NOISE,
            "Dunmore Evening Post",
            "Tom Hale",
            "2026-02-26",
        ),
    ],
)
def test_a_news_page_gives_its_article_and_nothing_around_it(
    page_name: str, article_name: str, noise: list[str], site: str, author: str, published: str
) -> None:
    headline, body = split_fixture(article_name)
    article = extract_article(
        page(page_name), content_type="text/html; charset=utf-8", url="https://n.example/a"
    )

    for paragraph in body.split("\n\n"):
        assert paragraph in article.text
    for text in noise:
        assert text not in article.text, text
    assert article.text == body
    assert article.title == headline
    assert article.site == site
    assert article.author == author
    assert article.published == published
    assert article.url == "https://n.example/a"


def test_xhtml_is_read_like_html() -> None:
    article = extract_article(page("ferry_capsize.html"), content_type="application/xhtml+xml", url=None)
    assert "Morning Heron" in article.text


def test_the_site_falls_back_to_the_host_name() -> None:
    html = (
        b"<html><body><article><p>The harbour master said 12 boats were damaged in the storm on Sunday.</p>"
        b"<p>Fishermen said the warning had come too late for most of the fleet to reach shelter.</p>"
        b"</article></body></html>"
    )
    assert extract_article(html, content_type="text/html", url=None).site is None
    article = extract_article(html, content_type="text/html", url="https://www.harbour-news.example/story")
    assert article.site == "harbour-news.example"


# --- Pages that are not articles ---


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>App</title></head><body><div id='root'></div><script>go()</script></body></html>",
        "<html><body><article><p>Subscribe to continue reading.</p><a href=/login>Log in</a></article>",
        "<html><body><nav><a href='/a'>World</a> <a href='/b'>Sport</a> <a href='/c'>Business</a></nav>",
    ],
)
def test_a_page_without_an_article_body_says_so(html: str) -> None:
    with pytest.raises(FetchError, match=r"^I couldn't find an article there"):
        extract_article(html.encode(), content_type="text/html", url="https://n.example/")


@pytest.mark.parametrize("body", [b"", b"   \n\t  "])
@pytest.mark.parametrize("content_type", ["text/html", "text/plain", None])
def test_an_empty_page_says_it_is_empty(body: bytes, content_type: str | None) -> None:
    with pytest.raises(FetchError, match="the page is empty"):
        extract_article(body, content_type=content_type)


@pytest.mark.parametrize(
    "content_type",
    ["application/pdf", "image/png", "video/mp4", "application/json", "application/octet-stream"],
)
def test_other_content_types_are_named_in_the_message(content_type: str) -> None:
    with pytest.raises(FetchError, match=rf"^I can't read this kind of link \({content_type}\)"):
        extract_article(b"%PDF-1.7 ...", content_type=f"{content_type}; charset=binary")


def test_plain_text_is_kept_as_it_is() -> None:
    _, body = split_fixture("links_ferry_capsize.txt")
    text = "  " + body + "\n\nFollow this link to join our WhatsApp group\n"
    article = extract_article(text.encode("utf-8"), content_type="text/plain", url="https://n.example/a.txt")
    assert article.text == text
    assert article.title is None
    assert article.site == "n.example"


# --- Types and charsets ---


def test_content_type_parsing() -> None:
    assert ContentType.parse('Text/HTML; Charset="Windows-1252"') == ContentType("text/html", "windows-1252")
    assert ContentType.parse("text/plain") == ContentType("text/plain", None)
    assert ContentType.parse("") == ContentType(None, None)
    assert ContentType.parse(None) == ContentType(None, None)


def test_missing_content_types_are_sniffed() -> None:
    assert sniff_content_type(b"\n  <!DOCTYPE html><html>").media_type == "text/html"
    assert sniff_content_type(b"Ministers said on Monday ...").media_type == "text/plain"
    assert sniff_content_type(b"%PDF-1.7\n%\xe2\xe3").media_type == "application/octet-stream"
    with pytest.raises(FetchError, match="can't read this kind of link"):
        extract_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", content_type=None)


WINDOWS_1252_ARTICLE = (
    "<p>The caf\u00e9 owners\u2019 association said rents had risen by \u20ac1,200 a year. "
    "\u201cWe cannot survive another rise,\u201d its chairwoman, Ren\u00e9e Duval, "
    "told the council on Monday.</p>"
    "<p>The council said the increase was the first in 6 years and that 40 businesses would get help.</p>"
)


@pytest.mark.parametrize(
    ("content_type", "head"),
    [
        ("text/html", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
        ("text/html", '<meta charset="iso-8859-1">'),  # which browsers, and we, read as windows-1252
        ("text/html; charset=windows-1252", ""),
        ("text/html", ""),  # undeclared and not UTF-8: the web's usual fallback
    ],
)
def test_a_windows_1252_page_is_decoded_correctly(content_type: str, head: str) -> None:
    body = f"<body><article>{WINDOWS_1252_ARTICLE}</article></body>"
    html = f"<html><head>{head}<title>Rents</title></head>{body}</html>"
    article = extract_article(
        html.encode("windows-1252"), content_type=content_type, url="https://n.example/"
    )
    assert "caf\u00e9 owners\u2019 association" in article.text
    assert "\u20ac1,200" in article.text
    assert "\u201cWe cannot survive another rise,\u201d its chairwoman, Ren\u00e9e Duval" in article.text


def test_a_page_in_the_wrong_charset_gets_replacement_characters_not_a_crash() -> None:
    html = f"<html><body><article>{WINDOWS_1252_ARTICLE}</article></body></html>"
    article = extract_article(html.encode("windows-1252"), content_type="text/html; charset=utf-8", url=None)
    assert "\ufffd" in article.text
    assert "The council said the increase was the first in 6 years" in article.text


def test_charset_precedence() -> None:
    html = ContentType("text/html", None)
    assert (
        decode_body(b"\xef\xbb\xbf<p>\xc3\xa9</p>", ContentType("text/html", "windows-1252"))
        == "<p>\u00e9</p>"
    )
    assert decode_body("<p>\u00e9</p>".encode("utf-16"), html) == "<p>\u00e9</p>"
    assert decode_body(b'<meta charset="koi8-r"><p>\xc1</p>', html).endswith("<p>\u0430</p>")
    assert decode_body(b'<?xml version="1.0" encoding="iso-8859-2"?><p>\xb1</p>', html).endswith(
        "<p>\u0105</p>"
    )
    assert decode_body(b'<meta charset="no-such-charset"><p>\xc3\xa9</p>', html).endswith("<p>\u00e9</p>")
    # A <meta> only counts in HTML; plain text follows the header, then UTF-8, then windows-1252.
    assert decode_body(b'<meta charset="koi8-r"> \xc1', ContentType("text/plain", None)).endswith(" \u00c1")


# --- Boilerplate ---


def test_boilerplate_lines_are_dropped_and_reporting_is_kept() -> None:
    kept = [
        "He urged residents to make a donation to the flood fund, the mayor said.",
        "The group said 40 members had joined its WhatsApp channel since May, a spokesman said.",
        "Supporters said they would share the footage with police.",
    ]
    dropped = [
        "Follow this link to join our WhatsApp group",
        "Join our Telegram channel for breaking news",
        "Leave a Reply",
        "Share this:",
        "Also read: Bus crash kills 14, police say",
        "Advertisement",
        "Subscribe to our newsletter",
        "Donate now",
        "Please donate to keep us going.",
        "Support independent journalism from 3 euros a month.",
        "Independent journalism costs money.",
    ]
    text = "\n".join(kept[:1] + dropped[:6] + kept[1:] + dropped[6:])
    assert drop_boilerplate(text).split("\n") == kept
