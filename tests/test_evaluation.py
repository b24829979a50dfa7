"""The PolNeAR loader, the scorer and `whosaid eval polnear`, on a tiny split we wrote (fixtures/polnear).

The scorer is tested with hand-built reports, so its arithmetic is checked independently of the engine; one
test runs the real engine end to end on the fixture split.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import Field

from bot.cli import main
from bot.errors import InputError
from bot.evaluation.polnear import PolnearDocument, eval_command, load_split, parse_annotations, parse_spans
from bot.evaluation.presentation import ErrorLog, flagged_conflicts
from bot.evaluation.scoring import (
    GoldAttribution,
    Totals,
    character_jaccard,
    content_matches,
    merge_spans,
    precision_recall_f1,
    score_document,
    speaker_right,
)
from bot.report import Claim, Conflict, Figure, Report, Span
from bot.settings import Settings

SPLIT = Path(__file__).resolve().parent / "fixtures" / "polnear"


def quote(text: str, spans) -> list[str]:
    return [text[start:end] for start, end in spans]


@pytest.fixture(scope="module")
def split():
    return load_split(SPLIT)


def document(split, label: str) -> PolnearDocument:
    return next(doc for doc in split.documents if doc.label == label)


# --- loader -------------------------------------------------------------------------------------------------


def test_each_text_annotator_pair_is_one_document(split):
    labels = [doc.label for doc in split.documents]
    assert labels == ["alpha_city-budget_a1b2", "alpha_city-budget_c3d4", "beta_harbor-strike_a1b2"]
    assert [(doc.name, doc.annotator) for doc in split.documents][:2] == [
        ("alpha_city-budget", "a1b2"),
        ("alpha_city-budget", "c3d4"),
    ]
    assert split.documents[0].text is not None
    assert split.documents[0].text == split.documents[1].text


def test_texts_and_annotations_without_a_partner_are_reported(split):
    assert split.texts_without_annotations == ["gamma_weather-notice"]
    assert split.annotations_without_text == ["delta_missing-text_e5f6.ann"]


def test_simple_attribution_roles(split):
    doc = document(split, "alpha_city-budget_a1b2")
    first = doc.attributions[0]
    assert first.label == "E1"
    assert quote(doc.text, first.source) == ["Mayor Lena Ortiz"]
    assert quote(doc.text, first.cue) == ["said"]
    assert quote(doc.text, first.content) == ["the new budget would add 40 bus drivers by the spring"]
    # role order in the E line doesn't matter
    second = doc.attributions[1]
    assert quote(doc.text, second.source) == ["she"]
    assert quote(doc.text, second.content) == ['"We are finally catching up,"']


def test_discontinuous_content_span(split):
    doc = document(split, "alpha_city-budget_a1b2")
    tunnel = next(att for att in doc.attributions if att.label == "E4")
    assert quote(doc.text, tunnel.content) == [
        '"The tunnel repairs will take three years,"',
        '"and they will not be cheap."',
    ]
    assert quote(doc.text, tunnel.source) == ["chief engineer Tomas Brandt"]


def test_numbered_content_role_joins_the_content(split):
    doc = document(split, "beta_harbor-strike_a1b2")
    strike = doc.attributions[0]
    assert quote(doc.text, strike.content) == ['"We will not go back,"', '"Not this week, not next week."']
    assert quote(doc.text, strike.source) == ["union leader Priya Nandakumar"]


def test_missing_source_and_missing_content(split):
    doc = document(split, "alpha_city-budget_a1b2")
    reported = next(att for att in doc.attributions if att.label == "E5")
    assert reported.source == ()
    assert quote(doc.text, reported.cue) == ["it was reported"]
    # E8 has a trigger only: it can't be matched on content, so it is left out and counted
    assert "E8" not in [att.label for att in doc.attributions]
    assert doc.without_content == 1
    assert len(doc.attributions) == 7


def test_one_content_shared_by_two_events(split):
    doc = document(split, "alpha_city-budget_a1b2")
    council, office = (att for att in doc.attributions if att.label in {"E6", "E7"})
    assert council.content == office.content
    assert quote(doc.text, council.content) == ["the vote would be held in May"]
    assert quote(doc.text, council.source) == ["The council"]
    assert quote(doc.text, office.source) == ["the mayor's office"]


def test_notes_discards_and_wrapped_span_text_are_not_attributions(split):
    doc = document(split, "alpha_city-budget_a1b2")
    assert [att.label for att in doc.attributions] == ["E1", "E2", "E3", "E4", "E5", "E6", "E7"]


def test_parse_spans():
    assert parse_spans("315 448;463 553") == ((315, 448), (463, 553))
    assert parse_spans("0 4") == ((0, 4),)


def test_parse_annotations_ignores_events_pointing_at_unknown_spans():
    ann = "T1\tContent 0 4\tabcd\nE1\tAttribution:T9 Content:T1 Source:T7\nE2\tAttribution:T9 Source:T7\n"
    attributions, without_content = parse_annotations(ann)
    assert [(att.content, att.source) for att in attributions] == [(((0, 4),), ())]
    assert without_content == 1


def test_not_a_split_folder(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        load_split(tmp_path / "nowhere")
    with pytest.raises(InputError, match="text/ and attributions/"):
        load_split(tmp_path)


# --- scorer -------------------------------------------------------------------------------------------------


def claim(content, mention=None, speaker="Someone") -> Claim:
    return Claim(
        speaker=speaker if mention is not None else None,
        speaker_mention=Span(start=mention[0], end=mention[1]) if mention is not None else None,
        content=[Span(start=start, end=end) for start, end in content],
        kind="indirect",
    )


def gold(content, source=()) -> GoldAttribution:
    return GoldAttribution(content=tuple(content), source=tuple(source))


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [
        ([(0, 5)], True),  # 5 / 10 = 0.5 exactly
        ([(0, 4)], False),  # 4 / 10
        ([(0, 20)], True),  # 10 / 20 = 0.5 exactly
        ([(0, 21)], False),  # 10 / 21
        ([(5, 15)], False),  # 5 / 15
        ([(0, 10)], True),
        ([(0, 3), (7, 10)], True),  # 6 / 10, content in two pieces
        ([], False),
    ],
)
def test_jaccard_threshold_edges(predicted, matches):
    assert content_matches(predicted, [(0, 10)]) is matches
    score = score_document([gold([(0, 10)])], [claim(predicted)])
    assert len(score.matches) == (1 if matches else 0)


def test_jaccard_counts_characters_of_span_unions():
    assert character_jaccard([(0, 4), (10, 14)], [(0, 14)]) == pytest.approx(8 / 14)
    assert character_jaccard([(0, 5), (3, 8)], [(0, 8)]) == 1.0  # overlapping spans count once
    assert character_jaccard([(0, 4)], [(4, 8)]) == 0.0
    assert merge_spans([(5, 8), (0, 3), (3, 4), (7, 9), (2, 2)]) == [(0, 4), (5, 9)]


def test_one_to_one_two_predictions_for_one_gold():
    score = score_document([gold([(0, 10)])], [claim([(0, 10)]), claim([(0, 9)])])
    assert [(m.gold, m.predicted) for m in score.matches] == [(0, 0)]
    assert score.false_positives == [1]
    assert score.missed == []


def test_one_to_one_is_greedy_by_highest_jaccard():
    golds = [gold([(0, 10)]), gold([(0, 12)])]
    # the first prediction fits the second gold best; each prediction gets its best partner
    score = score_document(golds, [claim([(0, 12)]), claim([(0, 10)])])
    assert sorted((m.gold, m.predicted) for m in score.matches) == [(0, 1), (1, 0)]
    assert all(m.jaccard == 1.0 for m in score.matches)


def test_one_prediction_for_a_content_two_sources_share_goes_to_its_speaker():
    golds = [gold([(0, 10)], source=[(20, 25)]), gold([(0, 10)], source=[(30, 35)])]
    score = score_document(golds, [claim([(0, 10)], mention=(31, 33))])
    assert [(m.gold, m.predicted, m.speaker_right) for m in score.matches] == [(1, 0, True)]
    assert score.missed == [0]


@pytest.mark.parametrize(
    ("source", "mention", "right"),
    [
        ([(20, 30)], (29, 35), True),  # one shared character is enough
        ([(20, 30)], (30, 35), False),  # ends are exclusive: touching is not overlapping
        ([(20, 30)], (10, 20), False),
        ([(20, 30)], (22, 24), True),
        ([(20, 25), (40, 45)], (30, 35), False),  # in the gap of a discontinuous source
        ([(20, 25), (40, 45)], (42, 43), True),
        ([], None, True),  # neither names a source
        ([], (20, 30), False),  # the prediction names one where the gold has none
        ([(20, 30)], None, False),  # the prediction names none
    ],
)
def test_speaker_overlap(source, mention, right):
    assert speaker_right(gold([(0, 10)], source), claim([(0, 10)], mention)) is right


def test_totals_and_end_to_end_figures():
    # document 1: 3 gold, 2 predicted; both match, one with the right speaker
    doc1 = score_document(
        [gold([(0, 10)], [(50, 55)]), gold([(100, 110)], [(150, 155)]), gold([(200, 210)], [(250, 255)])],
        [claim([(0, 10)], (50, 52)), claim([(100, 109)], (160, 170))],
    )
    # document 2: 1 gold, 2 predicted; one false positive, one match with no source on either side
    doc2 = score_document([gold([(0, 10)])], [claim([(0, 10)]), claim([(40, 60)], (0, 3))])
    totals = Totals()
    totals.add(doc1)
    totals.add(doc2)
    assert (totals.documents, totals.gold, totals.predicted) == (2, 4, 4)
    assert (totals.content_tp, totals.end_to_end_tp) == (3, 2)
    assert totals.content == pytest.approx((3 / 4, 3 / 4, 3 / 4))
    assert totals.speaker_accuracy == pytest.approx(2 / 3)
    assert totals.end_to_end == pytest.approx((2 / 4, 2 / 4, 2 / 4))
    assert doc1.missed == [2]
    assert doc2.false_positives == [1]


def test_precision_recall_f1_without_predictions_or_gold():
    assert precision_recall_f1(0, 0, 5) == (0.0, 0.0, 0.0)
    assert precision_recall_f1(0, 3, 0) == (0.0, 0.0, 0.0)
    assert precision_recall_f1(1, 4, 2) == pytest.approx((0.25, 0.5, 1 / 3))


def test_gold_given_as_predictions_scores_perfectly(split):
    # includes a content shared by two sources (E6, E7), a missing source (E5) and discontinuous content
    totals = Totals()
    for doc in split.documents:
        claims = [
            claim(att.content, mention=att.source[0] if att.source else None) for att in doc.attributions
        ]
        totals.add(score_document(doc.attributions, claims))
    assert totals.gold == totals.predicted == totals.content_tp == totals.end_to_end_tp == 12
    assert totals.end_to_end == (1.0, 1.0, 1.0)


def test_error_log_records_what_went_wrong(split):
    doc = document(split, "beta_harbor-strike_a1b2")
    text = doc.text
    at = text.index
    strike, operator, _ = doc.attributions
    report = Report(
        text=text,
        claims=[
            # the union leader's words, attributed to the port operator: matched, wrong speaker
            claim(strike.content, mention=operator.source[0], speaker="Quayline"),
            # the headline is not a claim: false positive
            claim(
                [(0, at("\n"))], mention=(at("Pell"), at("Pell") + len("Pell Harbor")), speaker="Pell Harbor"
            ),
        ],
    )
    score = score_document(doc.attributions, report.claims)
    log = ErrorLog()
    log.add(doc, report, score)
    kinds = [record["kind"] for record in log.records]
    assert kinds == ["missed", "missed", "false_positive", "wrong_speaker"]
    missed = log.records[0]
    assert missed["source"] == "The port operator, Quayline"
    assert missed["cue"] == "denied"
    assert missed["content"] == "that any contracts had been cancelled"
    assert missed["nearest_prediction"] is None
    false_positive = log.records[2]
    assert false_positive["content"] == "Dock Workers Walk Out at Pell Harbor"
    assert false_positive["speaker_mention"] == "Pell Harbor"
    wrong = log.records[3]
    assert wrong["gold_source"] == "union leader Priya Nandakumar"
    assert wrong["predicted_mention"] == "The port operator, Quayline"
    assert wrong["content"] == '"We will not go back," … "Not this week, not next week."'


# --- conflicts flagged in political news ---------------------------------------------------------------------


class RuledFigure(Figure):
    """A figure as the engine will give it, with the labels of the patterns that fired."""

    rules: list[str] = Field(default_factory=list)


class RuledConflict(Conflict):
    rules: list[str] = Field(default_factory=list)


def flagged_report(conflict: Conflict, figures: list[Figure]) -> Report:
    return Report(
        text="Police said 40 came; organisers said 400 came.", figures=figures, conflicts=[conflict]
    )


def test_flagged_conflicts_keep_notes_and_rules_when_the_report_has_them():
    plain = [Figure(value=40, span=Span(start=12, end=14)), Figure(value=400, span=Span(start=33, end=36))]
    ruled = [
        RuledFigure(value=40, span=Span(start=12, end=14), rules=["holder.said"]),
        RuledFigure(value=400, span=Span(start=33, end=36)),
    ]
    reports = {
        "quiet": Report(text="Nothing to count."),
        "refused": None,
        "old": flagged_report(Conflict(measure="people", figures=[0, 1], note="40 vs 400"), plain),
        "new": flagged_report(
            RuledConflict(measure="people", figures=[0, 1], note="40 vs 400", rules=["same.event"]), ruled
        ),
    }
    flagged = flagged_conflicts(reports)
    assert flagged == [
        {"text": "old", "conflicts": [{"note": "40 vs 400", "rules": [], "figure_rules": [[], []]}]},
        {
            "text": "new",
            "conflicts": [
                {"note": "40 vs 400", "rules": ["same.event"], "figure_rules": [["holder.said"], []]}
            ],
        },
    ]
    log = ErrorLog()
    log.add_flagged(flagged)
    assert [(record["kind"], record["text"]) for record in log.records] == [
        ("conflict", "old"),
        ("conflict", "new"),
    ]


# --- end to end, with the real engine -----------------------------------------------------------------------


def test_eval_command_on_the_fixture_split(capsys, tmp_path):
    errors = tmp_path / "errors.jsonl"
    code = eval_command(str(SPLIT), limit=None, as_json=True, settings=Settings(), errors=str(errors))
    assert code == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["documents"], figures["texts"], figures["texts_with_several_annotators"]) == (3, 2, 1)
    assert (figures["gold"], figures["gold_left_out_without_content"]) == (12, 1)
    assert (figures["texts_without_annotations"], figures["annotations_without_text"]) == (1, 1)
    assert figures["texts_refused"] == 0
    assert figures["engine_failures"] == 0
    assert figures["reports_with_other_text"] == 0
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    missed = sum(1 for record in records if record["kind"] == "missed")
    assert missed == figures["gold"] - figures["content"]["matched"]
    conflicts = figures["conflicts"]
    assert conflicts["texts"] == 2 and conflicts["texts_flagged"] == len(conflicts["flagged"])
    assert conflicts["conflicts"] == sum(1 for record in records if record["kind"] == "conflict")
    # These are the plainest patterns of the issue ("X said", "according to X", a quote split by its
    # speaker, "X denied that ..."): a working engine gets most of them, speakers included.
    assert figures["content"]["f1"] >= 0.6
    assert figures["end_to_end"]["f1"] >= 0.5


def test_eval_via_the_command_line(capsys):
    assert main(["eval", "polnear", str(SPLIT), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "documents" in out
    assert "end-to-end" in out
    assert "(1 text;" in out
    assert "conflicts flagged" in out


def test_eval_of_a_folder_that_is_not_a_split(capsys, tmp_path):
    assert main(["eval", "polnear", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "PolNeAR" in err
    assert "Traceback" not in err
