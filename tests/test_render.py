"""Telegram HTML rendering of reports: grouping, conflict lines, escaping, paging, and splitting."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.render import (
    MESSAGE_LIMIT,
    claim_pages,
    conflict_line,
    group_sources,
    render_claims_page,
    render_figures,
    render_history,
    render_sources,
    render_summary,
    short_hedge,
    split_message,
    utf16_len,
)
from bot.report import Claim, Conflict, Figure, Report, Span
from storage.articles import ArticleMeta, Origin


def spans_of(text: str, *phrases: str) -> list[Span]:
    return [Span(start=text.index(phrase), end=text.index(phrase) + len(phrase)) for phrase in phrases]


TEXT = (
    "Harbor fire in Velmora\n\n"
    "Fire chief Lena Okafor said 4 people died in the blaze. "
    "A hospital worker told the Coastline Wire that 9 people had died, a figure that could not be verified. "
    "Okafor said the cause <was> unknown & under review. "
    "The Velmora Rescue League said at least 12 people were killed."
)


def harbor_report() -> Report:
    claims = [
        Claim(speaker="Lena Okafor", role="fire chief", content=spans_of(TEXT, "4 people died in the blaze"),
              kind="indirect"),
        Claim(speaker=None, role="hospital worker", anonymous=True, via="Coastline Wire",
              hedges=["unverified"], content=spans_of(TEXT, "9 people had died"), kind="indirect"),
        Claim(speaker="Lena Okafor", role="fire chief", kind="indirect",
              content=spans_of(TEXT, "the cause <was> unknown & under review")),
        Claim(speaker="Velmora Rescue League", content=spans_of(TEXT, "at least 12 people were killed"),
              kind="indirect"),
    ]
    figures = [
        Figure(value=4, measure="killed", span=spans_of(TEXT, "4")[0], claim=0),
        Figure(value=9, measure="killed", span=spans_of(TEXT, "9")[0], claim=1),
        Figure(value=12, qualifier="at least", measure="killed", span=spans_of(TEXT, "12")[0], claim=3),
    ]
    return Report(text=TEXT, claims=claims, figures=figures,
                  conflicts=[Conflict(measure="killed", figures=[2, 0, 1], note="4, 9 or at least 12")])


def test_sources_are_grouped_most_cited_first() -> None:
    groups = group_sources(harbor_report())
    assert [group.name for group in groups] == ["Lena Okafor", "hospital worker", "Velmora Rescue League"]
    assert groups[0].claims == [0, 2]
    assert groups[0].roles == ["fire chief"]
    assert groups[1].anonymous and groups[1].vias == ["Coastline Wire"]


def test_conflict_line_names_each_value_with_its_source() -> None:
    report = harbor_report()
    line = conflict_line(report, "killed")
    plain = unescape(re.sub(r"<[^>]+>", "", line))
    assert plain == (
        "⚠️ killed: 4 (Lena Okafor) · 9 (hospital worker via Coastline Wire, unverified) "
        "· at least 12 (Velmora Rescue League)"
    )


def test_summary_has_title_origin_sources_and_differing_figures() -> None:
    origin = Origin(kind="channel", name="Velmora <News>", username="velmoranews")
    html = render_summary(harbor_report(), origin)
    plain = unescape(re.sub(r"<[^>]+>", "", html))
    assert plain.startswith("📰 Harbor fire in Velmora\n↪️ Forwarded from channel Velmora <News>")
    assert '<a href="https://t.me/velmoranews">Velmora &lt;News&gt;</a>' in html
    assert "Who said what" in plain
    assert "Lena Okafor — fire chief · 2 claims" in plain
    assert "hospital worker — via Coastline Wire, 🕶 anonymous" in plain
    # What differs comes first, right under the title and origin; then who said what.
    assert plain.index("⚠️ killed: 4 (Lena Okafor)") < plain.index("Who said what")
    who = plain[plain.index("Who said what") :]
    assert who.index("Lena Okafor") < who.index("hospital worker") < who.index("Velmora Rescue League")


def test_everything_from_the_article_is_escaped() -> None:
    report = harbor_report()
    html = render_summary(report) + render_claims_page(report)[0] + render_sources(report)
    assert "<was>" not in html
    assert "&lt;was&gt; unknown &amp; under review" in html
    assert_valid_telegram_html(html)


def test_hidden_user_origin_is_marked() -> None:
    html = render_summary(Report(text="Short text"), Origin(kind="hidden_user", name="Sam & Co"))
    assert "Forwarded from Sam &amp; Co <i>(hidden account)</i>" in html
    assert "no attributed claims" in html


def test_figures_view_puts_conflicts_first() -> None:
    report = harbor_report()
    report.figures.append(Figure(value=30, measure="rescued", span=Span(start=0, end=1)))
    plain = unescape(re.sub(r"<[^>]+>", "", render_figures(report)))
    assert plain.index("⚠️ killed") < plain.index("rescued")
    assert "30 — the article itself" in plain
    # The differing values are listed smallest first, as in the summary's conflict line.
    assert plain.index("• 4 —") < plain.index("• 9 —") < plain.index("• at least 12 —")


def test_sources_view_counts_claims() -> None:
    plain = unescape(re.sub(r"<[^>]+>", "", render_sources(harbor_report())))
    assert "Sources (3)" in plain
    assert "1. Lena Okafor — fire chief · 2 claims" in plain
    assert "2. hospital worker — via Coastline Wire, 🕶 anonymous · 1 claim" in plain
    assert "unverified" in plain
    assert "3. Velmora Rescue League · 1 claim" in plain


def test_claims_are_paged_and_every_claim_appears_once() -> None:
    text = " ".join(f"Speaker{n} said the sky was number {n} and " + "more words " * 60 for n in range(40))
    claims = [
        Claim(speaker=f"Speaker{n}", kind="indirect",
              content=spans_of(text, f"the sky was number {n} and " + "more words " * 60))
        for n in range(40)
    ]
    report = Report(text=text, claims=claims)
    pages = claim_pages(report)
    assert len(pages) > 1
    seen = []
    for page in range(len(pages)):
        html, shown, count = render_claims_page(report, page)
        assert shown == page and count == len(pages)
        assert utf16_len(html) <= MESSAGE_LIMIT
        seen += re.findall(r"“the sky was number (\d+) ", html)
    assert seen == [str(n) for n in range(40)]
    # Out-of-range pages (a stale button) clamp instead of failing.
    assert render_claims_page(report, 99)[1] == len(pages) - 1


def test_history_lists_articles_newest_first() -> None:
    metas = [
        ArticleMeta(id="x", chat_id=1, created_at=1000.0, source="text", url=None, content_hash="h",
                    title="A <b>", site=None, published=None, origin=None, claim_count=3, conflict_count=1),
        ArticleMeta(id="y", chat_id=1, created_at=0.0, source="link", url="https://e.org/a", content_hash="g",
                    title=None, site=None, published=None, origin=None, claim_count=1, conflict_count=0),
    ]
    html = render_history(metas, now=4600.0)
    assert "1. <b>A &lt;b&gt;</b> — 3 claims · ⚠️ 1 differing figure · 1 h ago" in html
    assert "2. <b>https://e.org/a</b>" in html
    assert "Nothing here yet" in render_history([])


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_valid_telegram_html(html: str) -> str:
    checker = _TagChecker()
    checker.feed(html)
    checker.close()
    assert checker.stack == [], f"unclosed tags {checker.stack}"
    allowed = {"b", "i", "a", "code", "pre", "u", "s"}
    assert set(re.findall(r"</?([a-z-]+)", html)) <= allowed
    return "".join(checker.text)


def test_long_summary_splits_on_lines_under_the_limit() -> None:
    text = "".join(f"Source{n} said word{n} " + "filler " * 30 + ". " for n in range(200))
    claims = [
        Claim(speaker=f"Source{n}", role="official <x>", content=spans_of(text, f"word{n} "), kind="indirect")
        for n in range(200)
    ]
    html = render_sources(Report(text=text, claims=claims))
    parts = split_message(html)
    assert len(parts) > 1
    for part in parts:
        assert utf16_len(part) <= MESSAGE_LIMIT
        assert_valid_telegram_html(part)
    assert "\n".join(parts) == html


def test_one_huge_line_is_cut_outside_tags_and_entities() -> None:
    line = "<b>" + "fish &amp; chips " * 800 + "</b> <i>tail 😀</i>"
    parts = split_message(line, limit=500)
    assert len(parts) > 1
    for part in parts:
        assert utf16_len(part) <= 500
        assert not re.search(r"&[a-z]*$", part)
        assert_valid_telegram_html(part)
    joined = "".join(assert_valid_telegram_html(part) for part in parts)
    assert joined == unescape(re.sub(r"<[^>]+>", "", line))


safe_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=300)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "b", "i"]), safe_text), max_size=40), st.integers(40, 600))
def test_split_never_exceeds_the_limit_or_breaks_markup(lines: list[tuple[str, str]], limit: int) -> None:
    from html import escape

    html = "\n".join(f"<{tag}>{escape(text)}</{tag}>" if tag else escape(text) for tag, text in lines)
    parts = split_message(html, limit=limit)
    plain = []
    for part in parts:
        assert utf16_len(part) <= limit
        plain.append(assert_valid_telegram_html(part))
    squash = lambda value: re.sub(r"\s+", "", value)  # noqa: E731
    assert squash("".join(plain)) == squash(unescape(re.sub(r"<[^>]+>", "", html)))


def test_a_surname_alone_joins_the_full_name() -> None:
    text = "Elise Marchetti said the offer was fair. Marchetti said talks should resume. Reyna disagreed."
    claims = [
        Claim(speaker="Elise Marchetti", role="spokeswoman", content=spans_of(text, "the offer was fair"),
              kind="indirect"),
        Claim(speaker="Marchetti", content=spans_of(text, "talks should resume"), kind="indirect"),
        Claim(speaker="Reyna", content=spans_of(text, "disagreed"), kind="indirect"),
    ]
    groups = group_sources(Report(text=text, claims=claims))
    assert [(group.name, group.claims) for group in groups] == [("Elise Marchetti", [0, 1]), ("Reyna", [2])]


def test_hedges_are_shortened_in_figure_lines_only() -> None:
    report = harbor_report()
    report.claims[1].hedges = ["could not be independently confirmed", "reportedly"]
    line = plain_text(conflict_line(report, "killed"))
    assert "9 (hospital worker via Coastline Wire, unconfirmed, reportedly)" in line
    assert "could not be independently confirmed" in plain_text(render_sources(report))
    assert short_hedge("was unable to verify") == "unverified"
    assert short_hedge("has not been corroborated") == "uncorroborated"
    assert short_hedge("allegedly") == "allegedly"


def plain_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))
