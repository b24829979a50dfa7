"""Direct quotations in every common style, with the speaker before, after or between the parts."""

from __future__ import annotations

import pytest

from bot.engine import analyze
from bot.report import Claim, Report
from tests.support.engine_checks import claim_saying, contents


def only_claim(report: Report) -> Claim:
    assert len(report.claims) == 1, [report.quote(c.content[0]) for c in report.claims]
    return report.claims[0]


def test_curly_quotes_speaker_after() -> None:
    report = analyze("“The bridge will reopen on Monday,” Mayor Tomas Reyk said.")
    claim = only_claim(report)
    assert contents(report, claim) == ["The bridge will reopen on Monday"]
    assert claim.kind == "direct"
    assert claim.speaker == "Tomas Reyk"
    assert claim.role == "Mayor"
    assert claim.cue is not None and report.quote(claim.cue) == "said"
    assert claim.speaker_mention is not None and report.quote(claim.speaker_mention) == "Mayor Tomas Reyk"


def test_straight_quotes_inverted_said_x() -> None:
    report = analyze('"The water is safe to drink," said Hanna Olsen, the utility\'s director.')
    claim = only_claim(report)
    assert contents(report, claim) == ["The water is safe to drink"]
    assert claim.kind == "direct"
    assert claim.speaker == "Hanna Olsen"
    assert claim.role is not None and "director" in claim.role


def test_single_curly_quotes_speaker_before_with_colon() -> None:
    report = analyze("Deputy minister Arvid Palm said: ‘We have no plans to raise the tariff this year.’")
    claim = only_claim(report)
    assert contents(report, claim)[0].startswith("We have no plans to raise the tariff this year")
    assert claim.kind == "direct"
    assert claim.speaker == "Arvid Palm"
    assert claim.role == "Deputy minister"


def test_single_quotes_keep_contractions_inside() -> None:
    report = analyze("Deputy minister Arvid Palm said: ‘We don’t have the money for the new road.’")
    claim = only_claim(report)
    assert contents(report, claim)[0].startswith("We don’t have the money for the new road")


def test_single_quotes_keep_plural_possessive_inside() -> None:
    report = analyze("Deputy minister Arvid Palm said: ‘The farmers’ patience is running out.’")
    claim = only_claim(report)
    assert contents(report, claim)[0].startswith("The farmers’ patience is running out")


def test_guillemets_speaker_before() -> None:
    report = analyze("Police chief Dora Meszaros said: «The suspect fled towards the harbour before dawn.»")
    claim = only_claim(report)
    assert contents(report, claim)[0].startswith("The suspect fled towards the harbour before dawn")
    assert claim.speaker == "Dora Meszaros"
    assert claim.role == "Police chief"


def test_guillemets_speaker_after() -> None:
    report = analyze("«We found nothing on the boat,» customs officer Lars Bekker said.")
    claim = only_claim(report)
    assert contents(report, claim) == ["We found nothing on the boat"]
    assert claim.speaker == "Lars Bekker"


def test_said_x_after_a_curly_quote() -> None:
    report = analyze(
        "“This is the worst flood in living memory,” said Nadia Holm, who runs the village shop."
    )
    claim = only_claim(report)
    assert contents(report, claim) == ["This is the worst flood in living memory"]
    assert claim.speaker == "Nadia Holm"


def test_quote_after_a_colon_keeps_its_speaker_when_the_next_sentence_has_a_verb() -> None:
    report = analyze("Coach Bram Idsinga said: “We played well.” The fans cheered.")
    claim = claim_saying(report, "We played well")
    assert claim.speaker == "Bram Idsinga"


def test_quote_after_a_colon_is_not_given_to_the_next_sentence() -> None:
    report = analyze("Coach Bram Idsinga said: “We played well.” Fans disagreed.")
    claim = claim_saying(report, "We played well")
    assert claim.speaker == "Bram Idsinga"


def test_speaker_between_the_parts_is_one_claim_with_two_spans() -> None:
    text = "Peter Brandt said the protest would continue. “We are not leaving,” he said, “until the council listens.”"
    report = analyze(text)
    claim = claim_saying(report, "We are not leaving")
    assert contents(report, claim) == ["We are not leaving", "until the council listens."]
    assert claim.speaker == "Peter Brandt"
    assert claim.kind == "direct"


def test_inverted_speaker_between_the_parts_is_one_claim() -> None:
    report = analyze('"We are not leaving," said Ivo Brandt, "until the council listens to us."')
    claim = only_claim(report)
    assert len(claim.content) == 2
    assert claim.speaker == "Ivo Brandt"


def test_split_quote_never_loses_either_part() -> None:
    """Whatever the grouping, both halves of a split quotation are reported, with the speaker's cue."""
    report = analyze('"We are not leaving," said Ivo Brandt, "until the council listens to us."')
    said = [report.quote(s) for c in report.claims for s in c.content]
    assert "We are not leaving" in said
    assert any(part.startswith("until the council listens to us") for part in said)
    assert all(c.speaker == "Ivo Brandt" for c in report.claims)


MULTI_PARAGRAPH = """Union leader Mara Lindqvist said the strike would go on.

“The drivers have waited three years for this agreement.

“Nobody in management has taken them seriously.

“We will stay out until the company puts a real offer on the table,” she said.

The company did not reply to a request for comment."""


def test_quotation_over_several_paragraphs_is_one_claim() -> None:
    report = analyze(MULTI_PARAGRAPH)
    claim = claim_saying(report, "The drivers have waited")
    assert contents(report, claim) == [
        "The drivers have waited three years for this agreement.",
        "Nobody in management has taken them seriously.",
        "We will stay out until the company puts a real offer on the table",
    ]
    assert claim.kind == "direct"
    assert claim.speaker == "Mara Lindqvist"
    assert claim.cue is not None and report.quote(claim.cue) == "said"


def test_paragraphs_of_one_quotation_are_not_separate_claims() -> None:
    report = analyze(MULTI_PARAGRAPH)
    mentioning = [
        c for c in report.claims if any("Nobody in management" in report.quote(s) for s in c.content)
    ]
    assert len(mentioning) == 1
    assert len(report.claims) == 2  # the reported speech first, then the quotation


def test_quotation_resuming_after_the_attribution_continues_over_paragraphs() -> None:
    text = (
        "“The drivers have waited three years,” union leader Mara Lindqvist said. “Nobody has taken them "
        "seriously.\n\n“We will stay out until the company puts a real offer on the table.”"
    )
    report = analyze(text)
    claim = only_claim(report)
    assert contents(report, claim)[0] == "The drivers have waited three years"
    assert contents(report, claim)[-1].startswith("We will stay out")
    assert claim.speaker == "Mara Lindqvist"


def test_attribution_paragraph_ending_in_a_colon_introduces_the_quotation() -> None:
    text = (
        "Union leader Mara Lindqvist said:\n\n"
        "“The drivers have waited three years for this agreement.\n\n"
        "“We will stay out until the company puts a real offer on the table.”\n\n"
        "The company did not comment."
    )
    report = analyze(text)
    claim = only_claim(report)
    assert claim.speaker == "Mara Lindqvist"
    assert len(claim.content) == 2


def test_straight_single_quotes_are_a_direct_quotation() -> None:
    report = analyze(
        "Mara Lindqvist said the strike would go on. 'We will stay out until we get a real offer,' she said."
    )
    claim = claim_saying(report, "We will stay out")
    assert claim.kind == "direct"
    assert contents(report, claim) == ["We will stay out until we get a real offer"]


def test_closed_quotes_in_consecutive_paragraphs_stay_apart() -> None:
    text = (
        "“The water came in through the floor,” said Nadia Holm.\n\n"
        "“We lost everything in the cellar,” said her neighbour Otto Sandvik."
    )
    report = analyze(text)
    assert len(report.claims) == 2
    assert claim_saying(report, "water came in").speaker == "Nadia Holm"
    assert claim_saying(report, "lost everything").speaker == "Otto Sandvik"
    assert all(len(c.content) == 1 for c in report.claims)


@pytest.mark.parametrize(
    "text",
    [
        "Finance minister Osric Bell said the budget was “a plan for growth” and would cut the deficit.",
        'Finance minister Osric Bell said the budget was "a plan for growth" and would cut the deficit.',
    ],
)
def test_scare_quotes_inside_reported_speech_make_a_mixed_claim(text: str) -> None:
    report = analyze(text)
    claim = only_claim(report)
    assert claim.kind == "mixed"
    assert claim.speaker == "Osric Bell"
    assert "a plan for growth" in contents(report, claim)[0]
    assert contents(report, claim)[0].startswith("the budget was")


def test_reported_speech_without_quote_marks_is_indirect() -> None:
    report = analyze("Finance minister Osric Bell said the budget would cut the deficit.")
    assert only_claim(report).kind == "indirect"


def test_quoted_name_without_a_speaker_is_no_claim() -> None:
    report = analyze("The town's new slogan, “Greener Together”, was painted on every bus.")
    assert report.claims == []


def test_quote_offsets_index_the_text_exactly() -> None:
    text = "Intro line.\n\n“Prices will fall by spring,” economist Rita Vance said on Tuesday."
    report = analyze(text)
    claim = only_claim(report)
    start = text.index("Prices")
    assert (claim.content[0].start, claim.content[0].end) == (
        start,
        start + len("Prices will fall by spring"),
    )
