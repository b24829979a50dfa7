"""Telegram HTML rendering of reports: grouping, conflict lines, escaping, paging, and splitting."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest
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
        "⚠️ Sources differ on the number killed: 4 (Lena Okafor) · 9 (hospital worker via Coastline Wire, "
        "unverified) · at least 12 (Velmora Rescue League)"
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
    assert plain.index("⚠️ Sources differ on the number killed: 4 (Lena Okafor)") < plain.index("Who said what")
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


# --- The summary says in words what its figure lines show ------------------------------------------------

RAIL = (
    "Rail crash near Osterby\n\n"
    "The rail operator said 8 passengers were injured. Later the rail operator said 15 passengers were injured. "
    "Paramedics said 15 passengers were injured."
)


def rail_report(reason: str, **conflict: object) -> Report:
    claims = [
        Claim(speaker="rail operator", content=spans_of(RAIL, "8 passengers were injured"), kind="indirect"),
        Claim(speaker="rail operator", content=spans_of(RAIL, "15 passengers were injured"), kind="indirect"),
        Claim(speaker="Paramedics", content=[spans_of(RAIL, "Paramedics said 15")[0]], kind="indirect"),
    ]
    at = [RAIL.index("8 pass"), RAIL.index("15 pass"), RAIL.rindex("15 pass")]
    figures = [
        Figure(value=value, measure="wounded", span=Span(start=start, end=start + len(str(value))), claim=claim,
               counted="passenger", quantity="wounded", comparable=True)
        for value, start, claim in zip((8, 15, 15), at, (0, 1, 2), strict=True)
    ]  # fmt: skip
    found = Conflict(measure="wounded", figures=[0, 1, 2], note="8 vs 15", subject="passengers wounded",
                     reason=reason, **conflict)  # fmt: skip
    return Report(text=RAIL, claims=claims, figures=figures, conflicts=[found])


def summary_lines(report: Report) -> list[str]:
    return [line for line in unescape(re.sub(r"<[^>]+>", "", render_summary(report))).splitlines() if "⚠️" in line]


def test_differing_sources_are_said_in_words_with_what_they_count() -> None:
    report = rail_report("sources")
    report.figures[1] = report.figures[1].model_copy(update={"claim": 2})  # a second source gives 15
    report.figures[2] = report.figures[2].model_copy(update={"value": 17})
    [line] = summary_lines(report)
    assert line.startswith("⚠️ Sources differ on the number of passengers wounded: 8 (rail operator) · ")


def test_a_source_revising_its_own_figure_is_said_as_a_revision() -> None:
    [line] = summary_lines(rail_report("revision", newer=[1]))
    assert line == "⚠️ Rail operator revised the number of passengers wounded from 8 to 15; also 15 (Paramedics)"
    assert "Sources differ" not in line
    figures = unescape(re.sub(r"<[^>]+>", "", render_figures(rail_report("revision", newer=[1]))))
    assert "wounded — revised by its source" in figures and "sources differ" not in figures


def test_a_revision_in_three_steps_names_each_value_once_in_order() -> None:
    report = rail_report("revision", newer=[1, 2])
    report.figures[2] = report.figures[2].model_copy(update={"value": 21, "claim": 1})
    [line] = summary_lines(report)
    assert line == "⚠️ Rail operator revised the number of passengers wounded from 8 to 15, then 21"


@pytest.mark.parametrize(
    ("changes", "subject", "words"),
    [
        ({"unit": "%", "counted": None, "quantity": "took part"}, "turnout (%)", "the turnout (%)"),
        ({"counted": None, "quantity": "magnitude"}, "magnitude", "the magnitude"),
        ({"counted": None, "quantity": "wounded"}, "wounded", "the number wounded"),
        ({"change": True}, "change in passengers wounded", "the change in passengers wounded"),
    ],
)
def test_what_is_compared_reads_as_words(changes: dict, subject: str, words: str) -> None:
    report = rail_report("sources")
    report.figures[2] = report.figures[2].model_copy(update={"value": 17})
    report.figures[:] = [figure.model_copy(update=changes) for figure in report.figures]
    report.conflicts[0] = report.conflicts[0].model_copy(update={"subject": subject})
    [line] = summary_lines(report)
    assert line.startswith(f"⚠️ Sources differ on {words}: ")


def test_every_differing_measure_is_still_one_line_first() -> None:
    report = rail_report("sources")
    report.figures[2] = report.figures[2].model_copy(update={"value": 17})
    text = unescape(re.sub(r"<[^>]+>", "", render_summary(report)))
    lines = text.splitlines()
    assert lines[2].startswith("⚠️ Sources differ on ") and not lines[3].strip()
    assert text.index("⚠️") < text.index("Who said what")


def test_a_figure_a_conflict_shows_is_not_listed_again_under_its_own_measure() -> None:
    from bot.engine import analyze

    report = analyze(
        "The National Teachers Union said about 14,000 schools were closed. The education ministry put the number "
        "of closed schools at 6,200."
    )
    assert len(report.conflicts) == 1
    figures = unescape(re.sub(r"<[^>]+>", "", render_figures(report))).split("Figures", 1)[1]
    assert figures.count("6,200") == 1
    assert figures.count("14,000") == 1
