"""Hostile text: absurd numbers, broken Unicode, storms of marks and floods of tokens.

Speed is measured in benchmarks/bench_adversarial.py; these tests pin what the bounds must never change: the
analysed text and its offsets, the reading of ordinary articles, and a clear answer for every input.
"""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from bot.engine import analyze, get_pipeline
from bot.engine.analyzer import MAX_FIGURE_VALUE, _owning_claims
from bot.engine.figures import FoundFigure
from bot.engine.inputcheck import MAX_TOKENS_PER_CHAR, refuse_token_flood
from bot.engine.pipeline import MAX_SENTENCE_TOKENS, mark_paragraph_starts
from bot.engine.quotes import find_quotations
from bot.engine.ranges import RangeSet
from bot.engine.structure import Structure
from bot.engine.tokenizer import LONG_CHUNK, MARK_RUN_PIECE, BoundedTokenizer
from bot.errors import InputError
from bot.report import Claim, Figure, Report, Span, format_figure, format_number
from bot.settings import get_settings

ARTICLE = (
    "Storm floods Varenna valley\n\n"
    "At least 1,200 people were moved to shelters on Tuesday, officials said.\n\n"
    "“We have never seen the water rise this fast,” Mayor Ilse Korhonen told reporters. "
    "The fire service put the number of people evacuated at 1,450.\n"
)


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline(get_settings().spacy_model)


# --- Numbers ---


@pytest.mark.parametrize(
    "number", ["1e308", "9" * 400, "1" + ",000" * 110, "99999999999999999999", "1e308k", "9" * 330 + "bn"]
)
def test_absurd_magnitudes_are_not_figures(number: str) -> None:
    report = analyze(f"Officials said {number} people were killed and 12 were wounded in the blast.")
    values = [figure.value for figure in report.figures]
    assert 12 in values
    assert all(math.isfinite(value) and abs(value) <= MAX_FIGURE_VALUE for value in values)
    assert Report.model_validate_json(report.to_json()) == report


def test_a_large_but_real_sum_is_still_a_figure() -> None:
    report = analyze("The ministry said the programme would cost $3.4 trillion over a decade.")
    assert [format_figure(figure) for figure in report.figures] == ["$3.4 trillion"]


@given(
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(min_value=-(10**500), max_value=10**500),
    )
)
@settings(max_examples=200, deadline=None)
def test_format_number_never_raises(value: float) -> None:
    assert format_number(value)


def test_format_number_names_what_is_not_a_number() -> None:
    assert format_number(float("inf")) == "infinity"
    assert format_number(float("-inf")) == "-infinity"
    assert format_number(float("nan")) == "not a number"
    assert format_number(10**30) == "1,000,000,000,000,000,000,000,000,000,000"
    assert format_number(1.2e6) == "1.2 million"


def test_a_figure_made_by_hand_with_infinity_still_formats() -> None:
    figure = Figure(value=float("inf"), upper=None, qualifier="at least", span=Span(start=0, end=1))
    assert format_figure(figure) == "at least infinity"


@pytest.mark.parametrize(
    ("value", "upper", "qualifier", "measure", "unit", "shown"),
    [
        (0.84, None, None, "cents", "USD per share", "84 cents"),
        (0.86, 0.88, None, "cents", "USD per share", "between 86 and 88 cents"),
        (0.125, None, "about", "pence", "GBP", "about 12.5 pence"),
        (1.45, None, None, "dollars", "USD per share", "$1.45"),
        (1.5, None, None, "cents", "USD", "150 cents"),
        (84, None, None, "cents", None, "84"),  # (no currency: the value was never turned into dollars)
    ],
)
def test_a_sum_in_cents_reads_as_the_text_gives_it(value, upper, qualifier, measure, unit, shown) -> None:
    figure = Figure(
        value=value, upper=upper, qualifier=qualifier, measure=measure, unit=unit, span=Span(start=0, end=1)
    )
    assert format_figure(figure) == shown


# --- Broken Unicode ---


def test_lone_surrogates_become_replacement_characters_in_place() -> None:
    text = "Officials said 12 people were hurt\udf32 in the blast, police said \ud800.\n"
    report = analyze(text, title="Blast \udc00 report")
    assert report.text == text.replace("\udf32", "\ufffd").replace("\ud800", "\ufffd")
    assert len(report.text) == len(text)
    assert report.title == "Blast \ufffd report"
    assert [report.quote(figure.span) for figure in report.figures] == ["12"]
    assert Report.model_validate_json(report.to_json()) == report


# --- The tokenizer keeps text and offsets exact ---


@pytest.mark.parametrize(
    "text",
    [
        "」" * 5_000,
        "He said „„„„„„„„ hello, and ’’’’’’’ 12 people   left.\n",
        "😀" * 3_000 + " said the mayor",
        "(" * 2_000 + "seven killed" + ")" * 2_000,
        "a」" * 3_000,
        "officials" * 100 + " said 7 people died. " + "9" * 1_000,
        "'s" * 2_000,
        "x" * LONG_CHUNK + "「" * 7 + " \n\n „„„„„„  end",
    ],
)
def test_cut_text_tokenizes_to_exactly_the_text(nlp, text: str) -> None:
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert all(token.text for token in doc)
    # Runs of marks are cut into pieces, not left one token per mark.
    assert len(doc) <= len(text) // 2 + 10


def test_a_run_of_marks_becomes_pieces(nlp) -> None:
    doc = nlp.make_doc("The mayor said " + "„" * (3 * MARK_RUN_PIECE + 5) + " nothing.")
    run = [token.text for token in doc if token.text.startswith("„")]
    assert [len(piece) for piece in run] == [MARK_RUN_PIECE] * 3 + [5]
    assert [token.text for token in doc][-2:] == ["nothing", "."]


def test_ordinary_text_is_tokenized_as_spacy_does(nlp) -> None:
    assert isinstance(nlp.tokenizer, BoundedTokenizer)
    text = ARTICLE + "See https://news.example/2026/03/17/storm-floods-the-valley?ref=front for more.\n"
    ours = nlp.make_doc(text)
    theirs = nlp.tokenizer.inner(text)
    assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs]


def test_an_article_with_a_run_of_marks_reads_as_without_it() -> None:
    plain = analyze(ARTICLE)
    stormy_text = ARTICLE + "\n" + "」" * 3_000 + "\n"
    stormy = analyze(stormy_text)
    assert stormy.text == stormy_text
    assert [(c.speaker, [plain.quote(s) for s in c.content]) for c in plain.claims] == [
        (c.speaker, [stormy.quote(s) for s in c.content]) for c in stormy.claims
    ]
    assert [format_figure(f) for f in plain.figures] == [format_figure(f) for f in stormy.figures]


# --- Token floods ---


@pytest.mark.parametrize("text", ["7 " * 1_000, "a\n" * 1_000, "“a " * 400, ". " * 600])
def test_a_flood_of_tokens_is_refused_before_parsing(text: str) -> None:
    with pytest.raises(InputError, match="doesn't read like an article"):
        analyze(text)


def test_the_token_flood_check_spares_short_texts_and_prose() -> None:
    refuse_token_flood(tokens=300, chars=400)  # short: quick whatever it holds
    refuse_token_flood(tokens=int(1_000 * MAX_TOKENS_PER_CHAR), chars=1_000)
    with pytest.raises(InputError):
        refuse_token_flood(tokens=int(1_000 * MAX_TOKENS_PER_CHAR) + 1, chars=1_000)
    analyze(ARTICLE * 5)


# --- Quotations in storms of marks ---


@pytest.mark.parametrize("mark", ["'", "’", "„", "«", '"', "‘"])
def test_a_storm_of_one_mark_holds_no_quotation_that_is_not_there(mark: str) -> None:
    text = (" " + mark + "a") * 2_000
    for quotation in find_quotations(text):
        for segment in quotation.segments:
            assert 0 <= segment.start <= segment.inner_start <= segment.inner_end <= segment.end <= len(text)


def test_quotes_still_pair_after_a_storm() -> None:
    text = "„" * 500 + " x\nShe said “we will rebuild” and left.\n"
    segments = [segment for quotation in find_quotations(text) for segment in quotation.segments]
    inner = [text[segment.inner_start : segment.inner_end] for segment in segments if segment.closed]
    assert "we will rebuild" in inner


# --- Index structures that replaced scans ---


def test_range_set_merges_and_answers_membership() -> None:
    ranges = RangeSet([(10, 20), (15, 30), (40, 41), (5, 5)])
    assert [offset for offset in range(0, 45) if offset in ranges] == [*range(10, 30), 40]
    assert 5 not in RangeSet([])


def _found(end: int) -> FoundFigure:
    return FoundFigure(
        value=1,
        upper=None,
        qualifier=None,
        measure=None,
        start=end - 1,
        end=end,
        sentence_start=0,
        normalised_measure=False,
        background=False,
        subset=False,
        structure=Structure(),
    )


def _claim(*spans: tuple[int, int]) -> Claim:
    return Claim(speaker=None, content=[Span(start=s, end=e) for s, e in spans], kind="direct")


def test_a_figure_belongs_to_the_innermost_claim_holding_it() -> None:
    claims = [_claim((0, 100)), _claim((20, 40)), _claim((60, 70), (80, 90)), _claim((20, 40))]
    figures = [_found(end) for end in (30, 41, 42, 85, 95, 99, 101, 102, 10)]
    # 41: one past a span's end still belongs to it; ties go to the earlier claim.
    assert _owning_claims(figures, claims) == [1, 1, 0, 2, 0, 0, 0, None, 0]
    assert _owning_claims(figures, []) == [None] * len(figures)


# --- Sentences have a length limit ---


def test_an_endless_sentence_is_cut(nlp) -> None:
    doc = nlp("officials said that 5 people " * 300)
    assert max(len(sentence) for sentence in doc.sents) <= MAX_SENTENCE_TOKENS


def test_a_long_stretch_is_cut_where_a_full_stop_ends_a_sentence(nlp) -> None:
    words = "officials said that 5 people".split() * 45 + ["it", "ended", ".", "Then"]
    words += "officials said that 5 people".split() * 60
    doc = mark_paragraph_starts(Doc(nlp.vocab, words=words))
    starts = [token.i for token in doc if token.is_sent_start and token.i > 0]
    then = words.index("Then")
    assert starts[0] == then
    assert all(later - earlier == MAX_SENTENCE_TOKENS for earlier, later in itertools.pairwise(starts))
    assert len(doc) - starts[-1] <= MAX_SENTENCE_TOKENS


def test_a_stretch_without_full_stops_is_cut_at_the_limit(nlp) -> None:
    doc = mark_paragraph_starts(Doc(nlp.vocab, words=["said"] * (3 * MAX_SENTENCE_TOKENS + 7)))
    starts = [token.i for token in doc if token.is_sent_start and token.i > 0]
    assert starts == [MAX_SENTENCE_TOKENS, 2 * MAX_SENTENCE_TOKENS, 3 * MAX_SENTENCE_TOKENS]


# --- Patterns that backtracked ---


def test_a_long_gap_after_a_capitalised_word_is_no_dateline() -> None:
    report = analyze("The mayor said WASHINGTON" + " " * 3_000 + "is a big city.")
    assert [report.quote(span).split() for span in report.claims[0].content] == [
        ["WASHINGTON", "is", "a", "big", "city"]
    ]


@pytest.mark.parametrize(
    "text",
    ["WASHINGTON — The toll rose to 12, the mayor said.", "BRUSSELS, Belgium - The toll rose to 12, officials said."],
)
def test_a_dateline_is_still_dropped_from_reported_content(text: str) -> None:
    report = analyze(text)
    assert [report.quote(span) for span in report.claims[0].content] == ["The toll rose to 12"]


def test_a_value_and_a_range_starting_at_it_can_conflict() -> None:
    report = analyze(
        "Five people were killed in the blast, police said. Between five and ten people were killed, a doctor "
        "said. Twelve people were killed, officials said."
    )
    notes = [conflict.note for conflict in report.conflicts]
    assert len(notes) == 1
    assert notes[0].index("5 (") < notes[0].index("between 5 and 10") < notes[0].index("12 (")
