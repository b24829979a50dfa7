"""Conflicts: same measure, different values, different sources (or one source revising); background kept out."""

from __future__ import annotations

import pytest

from bot.engine import analyze
from bot.report import Conflict, Report
from tests.conftest import fixture_text


def conflict_values(report: Report, conflict: Conflict) -> set[float]:
    return {report.figures[i].value for i in conflict.figures}


def only_conflict(report: Report, measure: str) -> Conflict:
    found = [c for c in report.conflicts if c.measure == measure]
    assert len(found) == 1, report.conflicts
    return found[0]


def test_different_sources_different_values_make_a_conflict() -> None:
    report = analyze(
        "Rescuers said 17 people had been killed in the blast. "
        "The army said 22 people were killed. "
        "A hospital official told Reuters that 19 people had died."
    )
    conflict = only_conflict(report, "killed")
    assert conflict_values(report, conflict) == {17, 19, 22}
    assert len(conflict.figures) == 3
    for word in ("17", "19", "22", "Rescuers", "Reuters"):
        assert word in conflict.note


def test_agreement_is_no_conflict() -> None:
    report = analyze(
        "Rescuers said 17 people had been killed in the blast. "
        "The hospital director said 17 people were killed. "
        "Police also said 17 people had died."
    )
    assert [f.value for f in report.figures if f.measure == "killed"] == [17, 17, 17]
    assert report.conflicts == []


def test_different_measures_do_not_conflict() -> None:
    report = analyze("Rescuers said 17 people had been killed. The army said 22 people were wounded.")
    assert report.conflicts == []


def test_agreeing_sources_are_grouped_inside_a_conflict() -> None:
    report = analyze(
        "Rescuers said 17 people had been killed. The hospital director said 17 people were killed. "
        "The army said 22 people were killed."
    )
    conflict = only_conflict(report, "killed")
    assert len(conflict.figures) == 3
    assert conflict_values(report, conflict) == {17, 22}


def test_figure_about_an_earlier_event_is_kept_out() -> None:
    report = analyze(
        "The attack two weeks ago killed three guards at the depot. "
        "On Sunday, 12 people were killed in the market, the governor said. "
        "Medics said 15 people were killed in the market."
    )
    earlier = next(f for f in report.figures if f.value == 3)
    assert earlier.background
    assert earlier.measure == "killed"
    conflict = only_conflict(report, "killed")
    assert conflict_values(report, conflict) == {12, 15}


def test_earlier_event_alone_makes_no_conflict() -> None:
    report = analyze(
        "The attack two weeks ago killed three guards at the depot. "
        "On Sunday, 12 people were killed in the market, the governor said."
    )
    assert [f.background for f in report.figures] == [True, False]
    assert report.conflicts == []


@pytest.mark.parametrize(
    "earlier",
    [
        "Last year a similar crash on the line injured 14 people.",
        "In February, a passenger train derailed near Orlov, injuring 14 people.",
        "A similar crash in 2019 injured 14 people.",
    ],
)
def test_earlier_event_with_a_time_marker_is_background(earlier: str) -> None:
    report = analyze(f"Rescuers said nine people were injured in Saturday's derailment. {earlier}")
    assert [(f.value, f.background) for f in report.figures] == [(9, False), (14, True)]
    assert report.conflicts == []


def test_a_source_revising_its_number_is_a_conflict_noted_as_such() -> None:
    report = analyze(
        "The police chief said on Monday that 52 people had died. On Tuesday he said 40 people had died."
    )
    # A toll lowered is a revision; one that rises as the count goes on is not (test_engine_frame).
    conflict = only_conflict(report, "killed")
    assert conflict_values(report, conflict) == {40, 52}
    assert "same source" in conflict.note.lower()


def test_a_source_revising_a_count_of_things_is_a_conflict() -> None:
    report = analyze(
        "The rail operator Varnirail said 23 wagons had been damaged. Varnirail later said 31 wagons were damaged."
    )
    [conflict] = report.conflicts
    assert conflict_values(report, conflict) == {23, 31}
    assert "same source" in conflict.note.lower()


def test_counts_of_things_with_nothing_said_to_happen_to_them_are_not_compared() -> None:
    # Precision first: "derailed" and "left the tracks" name no known quantity, so the engine can't tell that the
    # two counts measure one thing, and flags nothing.
    report = analyze(
        "The rail operator Varnirail said 23 wagons had derailed. Varnirail later said 31 wagons had left the tracks."
    )
    assert report.conflicts == []


def test_different_sources_are_not_noted_as_one_revising() -> None:
    report = analyze("Rescuers said 17 people had been killed. The army said 22 people were killed.")
    assert "same source" not in only_conflict(report, "killed").note.lower()


@pytest.mark.parametrize(
    "second",
    [
        "Rescuers put the toll at 40.",
        "Rescuers said the toll was 40.",
        "Rescuers said the death toll had risen to 40.",
    ],
)
def test_toll_phrasings_count_the_killed(second: str) -> None:
    report = analyze(f"The death toll from the flooding rose to 31, officials said. {second}")
    conflict = only_conflict(report, "killed")
    assert conflict_values(report, conflict) == {31, 40}


def test_conflict_indexes_point_at_figures_of_its_measure() -> None:
    report = analyze(
        "Rescuers said 17 people had been killed and 30 wounded. The army said 22 people were killed "
        "and 41 were wounded."
    )
    assert {c.measure for c in report.conflicts} == {"killed", "wounded"}
    for conflict in report.conflicts:
        assert all(report.figures[i].measure == conflict.measure for i in conflict.figures)
        assert conflict.figures == sorted(set(conflict.figures))


def test_own_mine_collapse_article() -> None:
    """A full wire story of our own with the seed's patterns: conflicting tolls, an earlier disaster, furniture."""
    report = analyze(fixture_text("engine_mine_collapse.txt"))
    conflict = only_conflict(report, "killed")
    members = [report.figures[i] for i in conflict.figures]
    assert {f.value for f in members} == {9, 14, 19}
    assert all(f.claim is not None for f in members)
    assert {report.claims[f.claim].via for f in members} >= {"Reuters", "AFP", "The Associated Press"}
    earlier = report.text.index("The disaster came after")
    earlier_end = report.text.index("\n", earlier)
    background = [f for f in report.figures if earlier <= f.span.start < earlier_end]
    assert {(f.value, f.measure) for f in background} == {(4, "killed"), (12, "wounded")}
    assert all(f.background for f in background)
    assert not [c for c in report.conflicts if c.measure == "wounded"]
    furniture = report.text.index("Share this article")
    assert all(c.content[0].start < furniture for c in report.claims)
    assert all(f.span.start < furniture for f in report.figures)


def test_own_train_derailment_article_figures() -> None:
    report = analyze(fixture_text("engine_train_derailment.txt"))
    by_words = {report.quote(f.span): f for f in report.figures}
    assert by_words["about 50,000"].value == 50_000 and by_words["about 50,000"].qualifier == "about"
    assert by_words["more than 300"].qualifier == "more than"
    assert "ten" not in by_words, "'ten-kilometre' is a modifier"
    assert by_words["23"].claim is not None and by_words["31"].claim is not None


def test_own_train_derailment_article_earlier_crash_is_background() -> None:
    report = analyze(fixture_text("engine_train_derailment.txt"))
    earlier = next(f for f in report.figures if report.quote(f.span) == "14")
    assert earlier.background


def test_a_count_beside_the_remaining_ones_is_a_part_of_the_whole() -> None:
    text = (
        "Rescue teams recovered 14 bodies from the Varro pit, officials said. While three bodies were recovered "
        "during the night, the remaining 11 were brought up in the morning, the mines inspector said."
    )
    assert analyze(text).conflicts == []
    # the rest of another measure leaves the first count whole: "12 were killed; the remaining 8 were rescued"
    text = "Rescuers said 12 miners were killed and the remaining 8 were rescued. Union officials said 17 miners died."
    assert [c.subject for c in analyze(text).conflicts] == ["miners killed"]


def test_a_comparison_with_another_year_leaves_the_figure_of_its_own_event() -> None:
    text = (
        "The commission said final turnout was 62.6 per cent, five per cent less than in 2015. "
        "Officials had earlier given a provisional turnout of 61.5 per cent."
    )
    report = analyze(text)
    assert [f.background for f in report.figures] == [False, False, False]
    assert report.figures[1].change  # "five per cent less": the amount it differs by
    assert len(report.conflicts) == 1
    # a figure inside the comparison is the other year's
    text = "About 3.4 million had voted, more than in the 2019 election, when turnout was 58.9%, officials said."
    assert analyze(text).figures[-1].background


def test_a_clause_set_a_day_after_the_sentences_own_tells_of_another_occasion() -> None:
    text = "Some 40,000 people marched in Orsk, police said, a day after 25,000 marched in Vell, according to organisers."
    assert analyze(text).conflicts == []
    # a span of time before the article's own event still dates the article's own figures
    text = (
        "Two days after the earthquake, rescuers pulled 14 survivors from the rubble, officials said. "
        "The army said it had rescued 20 people."
    )
    assert len(analyze(text).conflicts) == 1


def test_sources_giving_several_values_of_a_measure_list_things_not_one_count() -> None:
    # Units of music players and of phones, the products named only in the sentences' subjects' "of".
    report = analyze(
        "The company sold 2.52 million laptops in the quarter, while sales of its music players rose 3 percent to "
        "22.7 million units. Analysts had expected sales of around 2.5 million laptops and 18.5 million units. "
        "Sales of its phone totalled 4.3 million units. Analysts had expected sales of roughly 5 million units."
    )
    assert report.conflicts == []
