"""A fetched page's bytes to an `Article`: decode them, find the article body and its metadata.

HTML goes through trafilatura tuned for precision (leave navigation, related links, comments and footers out:
every sentence kept here may become a claim or a figure in the report), plain text is kept as it is, and
anything else gets a message saying we can't read that kind of link.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import trafilatura

from bot.article import Article
from bot.errors import FetchError

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})

NO_ARTICLE_MESSAGE = "I couldn't find an article there."
EMPTY_PAGE_MESSAGE = "I couldn't find an article there: the page is empty."

# Fewer words than this is a teaser, a paywall notice or a cookie wall, not an article.
MIN_ARTICLE_WORDS = 15

# How far into an HTML document a `<meta charset>` may appear (browsers look at the first 1024 bytes; some
# sites put a long comment or script first, so we look a little further).
_META_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)

# Labels the WHATWG Encoding Standard reads as windows-1252 — what pages declaring them really contain.
_WINDOWS_1252_LABELS = frozenset({"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1"})

# Lines news sites put in or under the article body that are not reporting. Only short lines are tested, so a
# paragraph that merely mentions WhatsApp or a donation stays.
_BOILERPLATE_MAX_CHARS = 200
_BOILERPLATE_LINES = re.compile(
    r"""
    ^(?:please\s+)?(?:follow|join|click)\b.{0,60}\b(?:whatsapp|telegram|google\s+news|channel|group)\b
    | ^leave\s+a\s+(?:reply|comment)\b
    | ^(?:share\s+this|share\s+on\s+\w+|click\s+to\s+share)\b
    | ^(?:also\s+read|read\s+also|read\s+more|see\s+also|related)\s*[:|–-]
    | ^(?:advertisement|sponsored\s+content|sponsored)$
    | ^(?:subscribe|sign\s+up)\b.{0,60}\b(?:newsletter|continue\s+reading|unlimited\s+access)\b
    | ^(?:please\s+)?(?:donate|make\s+a\s+donation)\b
    | ^(?:support|help\s+fund)\s+(?:us|our|independent|local|the\s+\w+)\b.{0,80}\b(?:journalism|news)\b
    | ^independent\s+journalism\s+costs\b
    | \bdonate\s+(?:now|today)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Precision over recall: a missed paragraph costs less than a reader's comment reported as the article.
TRAFILATURA_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
}


@dataclass(frozen=True)
class ContentType:
    """A Content-Type header, split: `text/html; charset=UTF-8` -> ('text/html', 'utf-8')."""

    media_type: str | None
    charset: str | None

    @classmethod
    def parse(cls, header: str | None) -> ContentType:
        """Parse a header value; a missing or empty header gives `ContentType(None, None)`."""
        if not header or not header.strip():
            return cls(None, None)
        media_type, *parameters = header.split(";")
        charset = None
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "charset":
                charset = value.strip().strip("\"'").lower() or None
        return cls(media_type.strip().lower() or None, charset)

    @property
    def is_html(self) -> bool:
        return self.media_type in HTML_TYPES

    @property
    def is_text(self) -> bool:
        return self.media_type in TEXT_TYPES


def check_readable(content_type: ContentType) -> None:
    """Refuse, before downloading the body, a type we can't turn into an article (PDF, images, video, ...).

    A missing type is let through: the body is sniffed once it has arrived.
    """
    if content_type.media_type is None or content_type.is_html or content_type.is_text:
        return
    kind = content_type.media_type
    raise FetchError(f"I can't read this kind of link ({kind}). Send a link to a web page.")


def sniff_content_type(body: bytes) -> ContentType:
    """A best guess for a response without a Content-Type: HTML, plain text, or something binary."""
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<!--", b"<p", b"<div")):
        return ContentType("text/html", None)
    if b"\x00" in head or head.startswith(b"%pdf"):
        return ContentType("application/octet-stream", None)
    return ContentType("text/plain", None)


def _usable_codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _WINDOWS_1252_LABELS:
        return "windows-1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page can't really be UTF-16 if its <meta> was readable as ASCII; browsers read such pages as UTF-8.
    return "utf-8" if name.startswith("utf-16") or name.startswith("utf-32") else name


def _bom_codec(body: bytes) -> str | None:
    if body.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:_META_PRESCAN_BYTES])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


def decode_body(body: bytes, content_type: ContentType) -> str:
    """Bytes to text: byte-order mark, then the header's charset, then (HTML) a `<meta>` charset, then UTF-8
    if the bytes are valid UTF-8, else windows-1252. Bytes the chosen charset can't decode become U+FFFD."""
    codec = (
        _bom_codec(body)
        or _usable_codec(content_type.charset)
        or (_usable_codec(_meta_charset(body)) if content_type.is_html else None)
    )
    if codec is None:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            codec = "windows-1252"
    return body.decode(codec, errors="replace")


def drop_boilerplate(text: str) -> str:
    """`text` without the short lines news sites add around articles (join our WhatsApp group, leave a reply,
    share this, donation pleas, read-also links). Longer lines are always kept."""
    kept = [
        line
        for line in text.split("\n")
        if len(line.strip()) > _BOILERPLATE_MAX_CHARS or not _BOILERPLATE_LINES.search(line.strip())
    ]
    return "\n".join(kept)


def _paragraphs(text: str) -> str:
    """trafilatura's paragraph-a-line text as paragraphs separated by blank lines, like a pasted article."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host or None


# Trafilatura's time grows with the number of elements (about 0.2 ms each, and faster than linearly past
# 10,000: 30,000 tiny paragraphs took 10 s on a busy machine, 150,000 close to a minute). A real article page
# has a few thousand; past this many tags the rest of the page is not looked at.
MAX_HTML_TAGS = 15_000
_TAG_START = re.compile(r"<[A-Za-z]")


def bound_html(html: str, max_tags: int = MAX_HTML_TAGS) -> str:
    """The page cut before its `max_tags + 1`-th tag (whole when it has fewer)."""
    for count, match in enumerate(_TAG_START.finditer(html), start=1):
        if count > max_tags:
            return html[: match.start()]
    return html


def extract_html(html: str, *, url: str | None = None) -> Article:
    """The article in an HTML page: body text (paragraphs separated by blank lines) and metadata.

    Raises `FetchError` ("I couldn't find an article there.") when the page has no article body — a paywall,
    a script-only page, a list of links.
    """
    document = trafilatura.bare_extraction(bound_html(html), url=url, **TRAFILATURA_OPTIONS)
    text = _paragraphs(drop_boilerplate(document.text or "")) if document is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise FetchError(NO_ARTICLE_MESSAGE)
    return Article(
        text=text,
        title=document.title or None,
        url=url,
        site=document.sitename or _site_from_url(url),
        author=document.author or None,
        published=document.date or None,
    )


def extract_article(body: bytes, *, content_type: str | None, url: str | None = None) -> Article:
    """A response body and its Content-Type header as an `Article`; `FetchError` with a message otherwise."""
    if not body.strip():
        raise FetchError(EMPTY_PAGE_MESSAGE)
    parsed = ContentType.parse(content_type)
    check_readable(parsed)
    if parsed.media_type is None:
        sniffed = sniff_content_type(body)
        check_readable(sniffed)
        parsed = ContentType(sniffed.media_type, parsed.charset)
    text = decode_body(body, parsed)
    if parsed.is_html:
        return extract_html(text, url=url)
    if not text.strip():
        raise FetchError(EMPTY_PAGE_MESSAGE)
    return Article(text=text, url=url, site=_site_from_url(url))
