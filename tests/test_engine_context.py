"""The article around its claims: headline, dateline, entities, the article's own event and its day."""

from __future__ import annotations

import pytest

from bot.engine import analyze
from bot.engine.context import find_dateline, find_headline, resolve_day
from bot.report import Dateline, Event, Span


@pytest.mark.parametrize(
    ("text", "place", "date", "outlet"),
    [
        ("Title\n\nMERVAN, Oct 3 (Reuters) - The council said ...", "Mervan", "Oct 3", "Reuters"),
        ("Title\n\nMERVAN, Dalrovia (AP) — The council said ...", "Mervan", None, "AP"),
        (
            "Title\n\nMERVAN, Dalrovia, Sept. 14 (Reuters) - The council said ...",
            "Mervan",
            "Sept. 14",
            "Reuters",
        ),
        ("Title\n\nMervan (AFP) - The council said ...", "Mervan", None, "AFP"),
        ("Title\n\nPORT ELLIS — The council said ...", "Port Ellis", None, None),
    ],
)
def test_datelines(text: str, place: str, date: str | None, outlet: str | None) -> None:
    dateline = find_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.outlet) == (place, date, outlet)


def test_a_sentence_opening_with_a_capitalised_word_is_no_dateline() -> None:
    assert find_dateline("Title\n\nThe council - which met on Monday - said ...") is None
    assert find_dateline("Title\n\nMervan council said on Monday it would act.") is None


@pytest.mark.parametrize("label", ["UPDATE", "BREAKING", "EXCLUSIVE"])
def test_a_flash_label_in_capitals_is_no_dateline(label: str) -> None:
    assert find_dateline(f"{label} — Dessel blast toll rises\n\nThe emergency service said 14 died.") is None


def test_headline_is_a_short_first_line_without_a_full_stop() -> None:
    assert find_headline("Storm hits Mervan\n\nThe storm ...") == Span(start=0, end=17)
    assert find_headline("The storm hit Mervan on Monday.\n\nIt ...") is None


def _dateline(date: str | None) -> Dateline:
    return Dateline(span=Span(start=0, end=1), place="Mervan", date=date, outlet=None)


@pytest.mark.parametrize(
    ("written", "dateline_date", "published", "day"),
    [
        ("Tuesday evening", "Oct 9", "2031-10-09T18:00:00Z", "2031-10-07"),
        ("on Thursday", None, "2031-10-09T18:00:00Z", "2031-10-09"),
        ("yesterday", None, "2031-10-09T08:00:00Z", "2031-10-08"),
        ("Monday, Sept. 22", None, "2031-10-09T08:00:00Z", "2031-09-22"),
        ("Tuesday", "Oct 9", None, None),
    ],
)
def test_event_day_resolved_against_dateline_or_publication(
    written: str, dateline_date: str | None, published: str | None, day: str | None
) -> None:
    event = Event(kind="explosion", date=written)
    resolve_day(event, _dateline(dateline_date), published)
    assert event.day == day


def test_report_carries_event_entities_and_sentences() -> None:
    text = (
        "Blast at Harlo fertiliser works\n\nHARLO, May 4 (AP) - An explosion tore through a fertiliser works in "
        "Harlo on Tuesday, the company Brenmark Agro said. Police chief Ona Veld said three people were hurt."
    )
    report = analyze(text, published="2033-05-04T12:00:00Z")
    assert report.event is not None
    assert (report.event.kind, report.event.date, report.event.day) == ("explosion", "Tuesday", "2033-05-03")
    labels = {(e.text, e.label) for e in report.entities}
    assert ("Ona Veld", "PERSON") in labels
    assert all(
        e.span.start >= report.dateline.span.end or e.span.end <= report.dateline.span.start
        for e in report.entities
    )
    assert [report.text[s.start : s.end].strip()[:5] for s in report.sentences][:2] == ["Blast", "HARLO"]


def test_a_disasters_verb_done_by_people_is_a_figure_of_speech() -> None:
    report = analyze("KELSO (AFP) — More than 200,000 people flooded the streets of Kelso on Saturday to protest.")
    assert report.event is not None and report.event.kind != "flood"
    report = analyze("Protesters stormed the parliament in Vell on Monday. Police said 3,000 people took part.")
    assert report.event is None or report.event.kind != "storm"
    # what floods or storms of itself is still the event
    assert analyze("Floods swept through Kelso on Monday, killing 12 people, officials said.").event.kind == "flood"
