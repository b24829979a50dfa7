"""Reported speech: 'X said (that) …', 'told Reuters', 'claimed/denied/warned', 'according to X', statements."""

from __future__ import annotations

import pytest

from bot.engine import analyze
from bot.report import Claim, Report
from tests.support.engine_checks import claim_saying


def joined(report: Report, claim: Claim) -> str:
    return " ".join(report.quote(span) for span in claim.content)


@pytest.mark.parametrize("that", ["that ", ""])
def test_x_said_with_and_without_that(that: str) -> None:
    text = f"Harbour master Pieter Vos said {that}the ferry had left the port late."
    report = analyze(text)
    claim = claim_saying(report, "the ferry had left the port late")
    assert joined(report, claim) == "the ferry had left the port late"
    assert claim.kind == "indirect"
    assert claim.speaker == "Pieter Vos"
    assert claim.role == "Harbour master"
    assert claim.cue is not None and report.quote(claim.cue) == "said"
    assert claim.via is None


@pytest.mark.parametrize(
    ("outlet", "via"),
    [
        ("Reuters", "Reuters"),
        ("AFP", "AFP"),
        ("The Associated Press", "The Associated Press"),
    ],
)
def test_told_an_outlet_sets_via(outlet: str, via: str) -> None:
    text = f"Regional governor Elin Saar told {outlet} that the dam had not been inspected for years."
    report = analyze(text)
    claim = claim_saying(report, "the dam had not been inspected")
    assert claim.via == via
    assert claim.speaker == "Elin Saar"
    assert claim.cue is not None and report.quote(claim.cue) == "told"
    # The outlet is where the source spoke, not part of what was said.
    assert outlet not in joined(report, claim)


def test_told_reporters_is_no_outlet() -> None:
    report = analyze("Regional governor Elin Saar told reporters the dam had not been inspected for years.")
    claim = claim_saying(report, "the dam had not been inspected")
    assert claim.via is None
    assert claim.speaker == "Elin Saar"


@pytest.mark.parametrize(
    ("sentence", "speaker", "content", "cue"),
    [
        ("The rebel commander claimed the town was under his control.", "rebel commander",
         "the town was under his control", "claimed"),
        ("The army denied that its soldiers had withdrawn from the ridge.", "army",
         "its soldiers had withdrawn from the ridge", "denied"),
        ("Meteorologist Kaspar Linde warned that the river could burst its banks again.", "Kaspar Linde",
         "the river could burst its banks again", "warned"),
    ],
)  # fmt: skip
def test_claimed_denied_warned(sentence: str, speaker: str, content: str, cue: str) -> None:
    report = analyze(sentence)
    claim = claim_saying(report, content)
    assert claim.speaker is not None and claim.speaker.endswith(speaker)
    assert claim.cue is not None and report.quote(claim.cue) == cue
    assert claim.kind == "indirect"


def test_according_to_x() -> None:
    report = analyze("According to the fire service, the blaze started in a kitchen on the ground floor.")
    claim = claim_saying(report, "the blaze started in a kitchen")
    assert claim.speaker is not None and claim.speaker.lower().endswith("fire service")
    assert claim.cue is not None and report.quote(claim.cue).lower() == "according to"


def test_according_to_x_after_the_content() -> None:
    report = analyze("The blaze started in a kitchen on the ground floor, according to the fire service.")
    claim = claim_saying(report, "The blaze started in a kitchen")
    assert claim.speaker is not None and claim.speaker.lower().endswith("fire service")


def test_in_a_statement_x_said() -> None:
    report = analyze("In a statement, the Transport Ministry said the line would stay closed until Friday.")
    claim = claim_saying(report, "the line would stay closed")
    assert claim.speaker == "Transport Ministry"
    assert "In a statement" not in joined(report, claim)


def test_claimed_responsibility() -> None:
    text = (
        "A group calling itself the Northern Front claimed responsibility for the bombing of the rail depot."
    )
    report = analyze(text)
    claim = claim_saying(report, "the bombing of the rail depot")
    assert claim.speaker == "Northern Front"
    assert claim.cue is not None and report.quote(claim.cue) == "claimed"


def test_reports_said_is_anonymous() -> None:
    report = analyze("Reports said the convoy had been stopped at the border crossing.")
    claim = claim_saying(report, "the convoy had been stopped")
    assert claim.anonymous


def test_parenthetical_said_splits_the_content() -> None:
    text = (
        "Mayor Ilse Korhonen said the shelters were ready. "
        "The plan, she said, was to evacuate the valley before the storm arrived."
    )
    report = analyze(text)
    claim = claim_saying(report, "evacuate the valley")
    assert "The plan" in joined(report, claim)
    assert claim.cue is not None and report.quote(claim.cue) == "said"
    assert claim.speaker == "Ilse Korhonen"
    # The attribution itself is not part of what was said.
    assert all("she said" not in report.quote(span) for span in claim.content)


def test_said_inside_a_plain_sentence_gives_one_claim_per_cue() -> None:
    text = (
        "Fisheries minister Jonas Eklund said quotas would be cut. "
        "Union leader Mara Lindqvist said the cut would cost jobs."
    )
    report = analyze(text)
    assert len(report.claims) == 2
    assert claim_saying(report, "quotas would be cut").speaker == "Jonas Eklund"
    assert claim_saying(report, "the cut would cost jobs").speaker == "Mara Lindqvist"


def test_narration_without_speech_is_no_claim() -> None:
    report = analyze("The ferry left the port late on Tuesday and reached the island after dark.")
    assert report.claims == []


def test_quoted_as_saying() -> None:
    report = analyze(
        "The state news agency KNA quoted governor Rolf Amsel as saying that 12 villages had been cut off."
    )
    claim = claim_saying(report, "12 villages had been cut off")
    assert claim.speaker == "Rolf Amsel"


# --- hedges: doubts the article attaches to a claim -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "hedge"),
    [
        ("The rebels said 30 soldiers had been captured, a figure that could not be independently confirmed.",
         "30 soldiers had been captured", "could not be independently confirmed"),
        ("The rebels said 30 soldiers had been captured. The claim could not be independently verified.",
         "30 soldiers had been captured", "could not be independently verified"),
        ("The rebels said 30 soldiers had been captured. Reuters could not independently verify the report.",
         "30 soldiers had been captured", "could not independently verify"),
        ("The minister reportedly told aides that the deal was dead.", "the deal was dead", "reportedly"),
        ("Officials said the suspect had allegedly smuggled the weapons across the river.",
         "smuggled the weapons", "allegedly"),
        ("The militia claimed that its fighters had shot down a drone.", "shot down a drone", "claimed"),
        ("The governor said the opposition had rigged the vote, without providing evidence.",
         "the opposition had rigged the vote", "without providing evidence"),
    ],
)  # fmt: skip
def test_hedges(text: str, content: str, hedge: str) -> None:
    claim = claim_saying(analyze(text), content)
    assert hedge in claim.hedges


def test_doubt_in_the_next_sentence_reaches_only_the_claims_before_it() -> None:
    text = (
        "The mayor said the bridge was safe. "
        "The rebels said 30 soldiers had been captured. That could not be independently confirmed."
    )
    report = analyze(text)
    assert claim_saying(report, "30 soldiers had been captured").hedges == [
        "could not be independently confirmed"
    ]
    assert claim_saying(report, "the bridge was safe").hedges == []


def test_plain_claims_carry_no_hedges() -> None:
    report = analyze("Harbour master Pieter Vos said the ferry had left the port late.")
    assert claim_saying(report, "the ferry had left").hedges == []


def test_said_is_not_a_hedge_but_claimed_is() -> None:
    report = analyze("The army said the road was open. The militia claimed the road was mined.")
    assert claim_saying(report, "the road was open").hedges == []
    assert "claimed" in claim_saying(report, "the road was mined").hedges


# --- things that look like attribution but are not ---------------------------------------------------


def test_dateline_is_no_attribution() -> None:
    report = analyze(
        "Orsk: The city council on Wednesday approved plans for a tram line to the Vellen estate."
    )
    assert report.claims == []


def test_headline_is_no_attribution() -> None:
    report = analyze(
        "Council Backs New Tram Line After Heated Debate\n\n"
        "The city council on Wednesday approved plans for a tram line to the Vellen estate."
    )
    assert report.claims == []


def test_dateline_before_reported_speech_does_not_become_the_speaker() -> None:
    report = analyze(
        "Orsk: The city council said on Wednesday it would build a tram line to the Vellen estate."
    )
    claim = claim_saying(report, "it would build a tram line")
    assert claim.speaker is not None and "council" in claim.speaker.lower()


def test_a_verb_of_saying_after_a_long_apposition_is_a_cue_whatever_its_tag() -> None:
    # the tagger reads "stated" after the long apposition as a bare participle
    report = analyze(
        "Maren Tolvik, the former prime minister and leader of the Commonwealth observers' delegation, stated at a "
        "press conference that turnout was as low as 22 percent."
    )
    assert [claim.speaker for claim in report.claims] == ["Maren Tolvik"]


def test_people_told_to_do_something_say_nothing() -> None:
    report = analyze("Residents within 1 km told to keep windows closed.")
    assert report.claims == []
