"""Views built once and formatted twice: what a summary leads with, what fits one message, phone width, the
one splitter, the terminal's safety, and the small modules around them (language, read more, callback data)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from bot.readmore import read_more_link
from bot.render import render_claims_page, render_summary
from bot.report import Claim, Conflict, Figure, Report, Span
from bot.stories.chart import Bar, render_bars_narrow
from bot.telegram_html import MESSAGE_LIMIT, split_message, utf16_len, visible_text
from bot.terminal import render_report
from bot.views import claim_text, differing_figures, group_sources, is_source_name, printable
from handlers.callbacks import (
    forget_data,
    not_same_data,
    parse_forget,
    parse_not_same,
    parse_read_more,
    parse_view,
    read_more_data,
    view_data,
)


def span(text: str, phrase: str, start: int = 0) -> Span:
    at = text.index(phrase, start)
    return Span(start=at, end=at + len(phrase))


TEXT = (
    "Quarry collapse in Dunmore\n\n"
    "The Dunmore Rescue Service said 5 workers died. Later the Dunmore Rescue Service said 8 workers died. "
    "A nurse told Valley Radio that 11 workers died, which could not be independently confirmed. "
    "Mine owner Petra Lusk said the site was inspected last week."
)


def quarry_report(**changes: object) -> Report:
    claims = [
        Claim(speaker="Dunmore Rescue Service", content=[span(TEXT, "5 workers died")], kind="indirect"),
        Claim(speaker="Dunmore Rescue Service", content=[span(TEXT, "8 workers died")], kind="indirect"),
        Claim(speaker=None, role="nurse", via="Valley Radio", anonymous=True, kind="indirect",
              hedges=["could not be independently confirmed"], content=[span(TEXT, "11 workers died")]),
        Claim(speaker="Petra Lusk", role="mine owner", kind="indirect",
              content=[span(TEXT, "the site was inspected last week")]),
    ]  # fmt: skip
    figures = [
        Figure(value=5, measure="killed", span=span(TEXT, "5"), claim=0),
        Figure(value=8, measure="killed", span=span(TEXT, "8"), claim=1),
        Figure(value=11, measure="killed", span=span(TEXT, "11"), claim=2),
    ]
    report = Report(text=TEXT, claims=claims, figures=figures,
                    conflicts=[Conflict(measure="killed", figures=[0, 1, 2], note="5, 8 or 11")])  # fmt: skip
    return report.model_copy(update=changes)


def plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_a_source_that_revised_its_figure_is_shown_once_with_its_newest() -> None:
    [line] = differing_figures(quarry_report())
    assert [(entry.value, entry.source.inline()) for entry in line.entries] == [
        ("8", "Dunmore Rescue Service"),
        ("11", "nurse via Valley Radio, unconfirmed"),
    ]


def test_the_summary_leads_with_what_differs() -> None:
    text = plain(render_summary(quarry_report()))
    lines = text.splitlines()
    assert lines[0] == "📰 Quarry collapse in Dunmore"
    assert lines[2] == (
        "⚠️ Sources differ on the number killed: 8 (Dunmore Rescue Service) · 11 (nurse via Valley Radio, "
        "unconfirmed)"
    )
    assert text.index("⚠️ Sources differ") < text.index("Who said what") < text.index("Petra Lusk")


def test_a_huge_title_and_link_still_make_one_message() -> None:
    report = quarry_report(title="Quarry & collapse " * 2000, url="https://example.org/" + "a&b" * 20000)
    html = render_summary(report)
    assert utf16_len(html) <= MESSAGE_LIMIT
    assert len(split_message(html)) == 1
    assert "…" in plain(html).splitlines()[0]


def test_many_sources_and_figures_are_capped_with_pointers() -> None:
    sentences = [f"Official{n} Speaker said {n + 3} people were killed." for n in range(120)]
    text = " ".join(sentences)
    claims, figures = [], []
    for n, sentence in enumerate(sentences):
        start = text.index(sentence)
        said = f"{n + 3} people were killed"
        claims.append(
            Claim(speaker=f"Official{n} Speaker", kind="indirect", content=[span(text, said, start)])
        )
        figures.append(Figure(value=n + 3, measure="killed", span=span(text, f"{n + 3}", start), claim=n))
    report = Report(text=text, claims=claims, figures=figures,
                    conflicts=[Conflict(measure="killed", figures=list(range(120)), note="many")])  # fmt: skip
    html = render_summary(report)
    assert len(split_message(html)) == 1
    text = plain(html)
    assert re.search(r"\+115 more", text)
    assert re.search(r"…and 115 more figures: /figures", text)
    assert re.search(r"…and \d+ more sources: /sources", text)


@pytest.mark.parametrize("run", ["😀" * 3000, "&" * 3000, "<>" * 1500, "x" * 9000])
def test_claim_pages_fit_even_with_unsplittable_runs(run: str) -> None:
    text = f"Ada Moor said {run}."
    claims = [Claim(speaker="Ada Moor", kind="indirect", content=[span(text, run)]) for _ in range(5)]
    report = Report(text=text, claims=claims, title=run[:200])
    _, _, pages = render_claims_page(report)
    for page in range(pages):
        html, _, _ = render_claims_page(report, page)
        assert utf16_len(html) <= MESSAGE_LIMIT
        assert len(split_message(html)) == 1


def test_a_pre_block_never_spans_two_messages() -> None:
    chart = "<pre>" + "\n".join(f"row {n} ██████" for n in range(40)) + "</pre>"
    html = "\n".join(f"<b>line {n}</b> " + "words " * 10 for n in range(60)) + "\n" + chart
    parts = split_message(html, limit=900)
    for part in parts:
        assert part.count("<pre>") == part.count("</pre>")
        assert visible_text(part).strip()
    assert sum("<pre>" in part for part in parts) == 1, "the chart fits one message, so it is sent whole"
    huge = "<pre>" + "\n".join(f"row {n} ██████" for n in range(400)) + "</pre>"
    pieces = split_message(huge, limit=500)
    assert len(pieces) > 1
    assert all(p.startswith("<pre>") and p.endswith("</pre>") and utf16_len(p) <= 500 for p in pieces)


def test_no_part_is_empty() -> None:
    parts = split_message("<b></b>\n<i> </i>\n" + "<b>" + "a" * 30 + "</b>", limit=20)
    assert parts and all(visible_text(part).strip() for part in parts)


def test_the_narrow_chart_fits_a_phone() -> None:
    bars = [
        Bar(label="Northline News · medical source at the hospital", value=14, text="at least 14"),
        Bar(
            label="Meridian Wire · Veltrian Monitor for Civil Rights",
            value=23,
            text="at least 23",
            mark="newer",
        ),
        Bar(label="Harbor Radio", value=9, upper=40, text="between 9 and 40"),
        Bar(label="Long values", value=35, text="between 35 and 41 according to the latest count"),
    ]
    chart = render_bars_narrow("killed in the strikes on the depot and the market", bars)
    assert max(len(line) for line in chart.splitlines()) <= 32
    assert "at least 23 newer" in chart and "█" in chart and "░" in chart


def test_times_dates_and_bylines_are_never_sources() -> None:
    for name in ("21:35", "9.30 pm GMT", "6 March 2026", "Tuesday, March 3", "2026-03-06", "By Jane Doe"):
        assert not is_source_name(name), name
    for name in ("Marchetti", "May", "Mayor of Dunmore", "Monday Group", "Petra Lusk"):
        assert is_source_name(name), name
    text = "Officials said 53 were hurt."
    report = Report(
        text=text, claims=[Claim(speaker="21:35", kind="indirect", content=[span(text, "53 were hurt")])]
    )
    assert [group.name for group in group_sources(report)] == ["unnamed source"]


def test_a_claim_cut_inside_a_word_ends_at_a_whole_word() -> None:
    text = "The statement described it as “proportionate”, co-ordinated with partners."
    claim = Claim(speaker="Pentagon", kind="mixed", content=[span(text, "it as “proportionate”, co")])
    assert claim_text(Report(text=text), claim) == "it as “proportionate”…"


def test_the_terminal_never_prints_control_characters_from_an_article() -> None:
    text = "Evil\x1b]0;owned\x07 title\n\nAda Moor said the \x1b[31mred\x1b[0m line\u202e held."
    claim = Claim(speaker="Ada\x1b[2J Moor", kind="indirect", content=[span(text, "the \x1b[31mred")])
    report = Report(text=text, title="Evil\x1b]0;owned\x07 title", claims=[claim])
    for color in (False, True):
        shown = render_report(report, label="a\x1bb.txt", color=color)
        painted = re.sub(r"\x1b\[[0-9;]*m", "", shown)  # our own colours only
        assert "\x1b" not in painted and "\x07" not in painted and "\u202e" not in painted
    assert printable("a\x1bb\tc\n") == "a␛b\tc\n"


def test_the_language_of_other_text_is_named() -> None:
    from bot.engine.inputcheck import prepare_text
    from bot.errors import InputError

    german = (
        "Die Regierung sagte am Dienstag, dass mindestens siebzehn Menschen bei dem Angriff ums Leben kamen, "
        "während die Rettungskräfte weiter nach Vermissten suchten und die Straßen gesperrt blieben."
    )
    with pytest.raises(InputError, match=r"This looks like German\. Only English is supported for now"):
        prepare_text(german, max_chars=10_000)


def test_read_more_links_are_found_at_the_end_only() -> None:
    assert read_more_link("Body text.\n\nRead more: https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert read_more_link("Body.\n👉 Read the full story → https://example.org/x.") == "https://example.org/x"
    assert read_more_link("Read more: https://example.org/top\n\n" + "More text.\n" * 5) is None
    assert read_more_link("A body that mentions https://example.org in passing.") is None


def test_callback_data_round_trips_and_refuses_what_we_never_make() -> None:
    assert parse_view(view_data("cp", "abcDEF123456", 3)).page == 3  # type: ignore[union-attr]
    assert parse_forget(forget_data(True, 42)) is not None
    assert parse_not_same(not_same_data("abcDEF123456", "zyxWVU987654")) == ("abcDEF123456", "zyxWVU987654")
    assert parse_read_more(read_more_data("abcDEF123456")) == "abcDEF123456"
    for forged in ("s:../../etc", "forget:yes:me", "ns:short:id", "rm:https://evil", "", None):
        assert parse_view(forged) is None and parse_forget(forged) is None
        assert parse_not_same(forged) is None and parse_read_more(forged) is None
    for data in (view_data("cp", "A" * 12, 9999), not_same_data("A" * 12, "B" * 12)):
        assert len(data.encode()) <= 64


def test_the_bot_and_the_terminal_list_the_same_sources_in_the_same_order() -> None:
    from bot.engine import analyze
    from bot.render import render_sources
    from tests.conftest import fixture_text

    report = analyze(fixture_text("engine_mine_collapse.txt"))
    bot_names = re.findall(r"^\d+\. (.+?)(?: — .*)? · \d+ claims?$", plain(render_sources(report)), re.MULTILINE)
    terminal = render_report(report, label="mine.txt")
    who = terminal[terminal.index("Who said what") : terminal.index("\nFigures")]
    terminal_names = [
        line[2:].split(",")[0].split(" [anonymous]")[0].split(" — via")[0].split("  (")[0]
        for line in who.splitlines()
        if line.startswith("  ") and not line.startswith("    ")
    ]
    terminal_names = ["unnamed source" if name == "Unresolved speaker" else name for name in terminal_names]
    assert bot_names and bot_names == terminal_names


def test_a_figures_own_source_wins_over_the_speaker_of_its_claim_in_every_view() -> None:
    # ("On board:" reads as a speaker's label; the engine gives each value its bracketed source)
    from bot.engine import analyze
    from bot.views import figures_by_measure

    report = analyze("Ferry sinks off Palo island\nOn board: 180 (operator) vs 260 (survivors)\nRescued: 112")
    names = {entry.value: entry.source.name for line in figures_by_measure(report) for entry in line.entries}
    assert {names[k] for k in names if k in ("180", "260")} == {"operator", "survivors"}
    figures = render_report(report, label="post.txt").split("Figures")[1].split("Conflicts")[0]
    assert "survivors" in figures and not re.search(r"\bboard\s*$", figures, re.MULTILINE)
