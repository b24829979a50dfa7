"""Acceptance: the seed article (../shared/seed-article.txt) is read right.

Claims are found by the words of their content, never by position, so the checks don't depend on the order
in which the engine happens to emit them. The seed text itself is never copied into the repository.
"""

from __future__ import annotations

import pytest

from bot.engine import analyze
from bot.report import Claim, Figure, Report


@pytest.fixture(scope="module")
def report(seed_text: str) -> Report:
    return analyze(seed_text)


def claim_saying(report: Report, words: str) -> tuple[int, Claim]:
    """The one claim whose content contains `words`, with its index."""
    found = [
        (index, claim)
        for index, claim in enumerate(report.claims)
        if any(words in report.quote(span) for span in claim.content)
    ]
    assert len(found) == 1, f"expected one claim saying {words!r}, found {len(found)}"
    return found[0]


def figures_of(report: Report, claim_index: int) -> list[Figure]:
    return [figure for figure in report.figures if figure.claim == claim_index]


def paragraph_offset(report: Report, opening: str) -> int:
    position = report.text.find(opening)
    assert position >= 0, f"the seed no longer contains {opening!r}"
    return position


@pytest.mark.parametrize(
    "words",
    [
        "At President Biden’s direction",
        "These strikes were authorised",
        "multiple facilities at a border control point",
    ],
)
def test_kirby_is_the_source_of_his_statements(report: Report, words: str) -> None:
    _, claim = claim_saying(report, words)
    assert claim.speaker == "John Kirby"
    assert claim.role == "Pentagon spokesman"
    assert not claim.anonymous


def test_kirby_quotes_are_direct_and_the_pronoun_is_the_mention(report: Report) -> None:
    _, opening = claim_saying(report, "At President Biden’s direction")
    _, follow_up = claim_saying(report, "These strikes were authorised")
    assert opening.kind == follow_up.kind == "direct"
    assert follow_up.speaker_mention is not None
    assert report.quote(follow_up.speaker_mention) == "he"
    assert follow_up.cue is not None and report.quote(follow_up.cue) == "said"


def test_iraqi_militia_official_is_anonymous_with_one_killed_four_wounded(report: Report) -> None:
    index, claim = claim_saying(report, "at least one fighter had been killed")
    assert claim.speaker is not None and "Iraqi militia official" in claim.speaker
    assert claim.anonymous
    figures = {(f.measure, f.value, f.qualifier) for f in figures_of(report, index)}
    assert ("killed", 1, "at least") in figures
    assert ("wounded", 4, None) in figures


def test_medical_and_local_sources_via_reuters_hedged(report: Report) -> None:
    index, claim = claim_saying(report, "17 people had been killed")
    assert claim.via == "Reuters"
    assert claim.anonymous
    assert claim.speaker_mention is not None
    mention = report.quote(claim.speaker_mention)
    assert "medical source" in mention and "local sources" in mention
    assert any("could not be independently confirmed" in hedge for hedge in claim.hedges)
    assert [(f.value, f.measure) for f in figures_of(report, index)] == [(17, "killed")]


def test_syrian_observatory_via_afp_at_least_22(report: Report) -> None:
    index, claim = claim_saying(report, "fighters were killed when the strike hit")
    assert claim.speaker == "Syrian Observatory for Human Rights"
    assert claim.via == "AFP"
    assert not claim.anonymous
    killed = [f for f in figures_of(report, index) if f.measure == "killed"]
    assert [(f.value, f.qualifier) for f in killed] == [(22, "at least")]


@pytest.mark.parametrize(
    ("words", "mention"),
    [
        ("Militia border posts were also destroyed", "the war monitor"),
        ("all the dead were from the Hashed al-Shaabi", "The group"),
    ],
)
def test_war_monitor_and_group_resolve_to_the_observatory(report: Report, words: str, mention: str) -> None:
    _, claim = claim_saying(report, words)
    assert claim.speaker == "Syrian Observatory for Human Rights"
    assert claim.speaker_mention is not None
    assert report.quote(claim.speaker_mention) == mention


def test_kh_official_via_the_associated_press_only_one_killed(report: Report) -> None:
    index, claim = claim_saying(report, "only one person was killed")
    assert claim.speaker is not None and "KH official" in claim.speaker
    assert claim.via == "The Associated Press"
    killed = [f for f in figures_of(report, index) if f.measure == "killed"]
    assert [(f.value, f.qualifier) for f in killed] == [(1, "only")]


@pytest.mark.parametrize("words", ["proportionate", "We have acted in a deliberate manner"])
def test_pentagon_statements(report: Report, words: str) -> None:
    _, claim = claim_saying(report, words)
    assert claim.speaker == "Pentagon"


def test_pentagon_proportionate_is_a_mixed_claim(report: Report) -> None:
    _, claim = claim_saying(report, "proportionate")
    assert claim.kind == "mixed"


def test_us_official_is_anonymous(report: Report) -> None:
    _, claim = claim_saying(report, "did not want to escalate the situation")
    assert claim.speaker is not None and "US official" in claim.speaker
    assert claim.anonymous


def test_two_paragraph_quotation_is_one_claim_without_a_speaker(report: Report) -> None:
    _, claim = claim_saying(report, "The administration is trying to portray")
    assert len(claim.content) == 2
    first, second = (report.quote(span) for span in claim.content)
    assert first.startswith("The administration is trying to portray")
    assert second.startswith("The rocket attacks")
    assert second.rstrip(",.").endswith("from external threats")
    assert claim.kind == "direct"
    assert claim.speaker is None
    assert claim.cue is not None and report.quote(claim.cue) == "added"
    assert claim.speaker_mention is not None and report.quote(claim.speaker_mention) == "she"
    # The second paragraph is part of this claim, not a claim of its own.
    assert sum("The rocket attacks" in report.quote(s) for c in report.claims for s in c.content) == 1


def test_killed_conflict_holds_1_17_22_with_sources_and_no_erbil_figure(report: Report) -> None:
    killed = [conflict for conflict in report.conflicts if conflict.measure == "killed"]
    assert len(killed) == 1
    members = [report.figures[i] for i in killed[0].figures]
    assert {f.value for f in members} == {1, 17, 22}
    assert all(f.claim is not None for f in members), "every conflicting figure names its source"
    assert {report.claims[f.claim].via for f in members} >= {"Reuters", "AFP", "The Associated Press"}
    erbil_start = paragraph_offset(report, "The US move came after an attack")
    erbil_end = report.text.index("\n", erbil_start)
    assert not any(erbil_start <= f.span.start < erbil_end for f in members)
    assert "17" in killed[0].note and "22" in killed[0].note


def test_erbil_figures_are_background(report: Report) -> None:
    erbil_start = paragraph_offset(report, "The US move came after an attack")
    erbil_end = report.text.index("\n", erbil_start)
    erbil = [f for f in report.figures if erbil_start <= f.span.start < erbil_end]
    assert {(f.value, f.measure) for f in erbil} == {(1, "killed"), (9, "wounded")}
    assert all(f.background for f in erbil)
    in_conflicts = {i for conflict in report.conflicts for i in conflict.figures}
    assert not any(report.figures.index(f) in in_conflicts for f in erbil)


def test_no_wounded_conflict_from_the_earlier_attack(report: Report) -> None:
    assert not [c for c in report.conflicts if c.measure == "wounded"]


def test_nothing_from_the_site_boilerplate(report: Report) -> None:
    furniture = paragraph_offset(report, "Follow this link")
    for claim in report.claims:
        spans = [*claim.content, claim.cue, claim.speaker_mention]
        assert all(span is None or span.start < furniture for span in spans), claim
    assert all(figure.span.start < furniture for figure in report.figures)


def test_the_pentagon_bomb_counts_are_not_casualties(report: Report) -> None:
    """'seven 500-lb ... bombs': seven counts bombs; 500 (a modifier) is no figure at all."""
    start = paragraph_offset(report, "According to the Pentagon")
    end = report.text.index("\n", start)
    values = [f.value for f in report.figures if start <= f.span.start < end]
    assert 500 not in values
    assert all(f.measure not in {"killed", "wounded"} for f in report.figures if start <= f.span.start < end)


def test_report_round_trips_through_json(report: Report) -> None:
    again = Report.model_validate_json(report.to_json())
    assert again == report
