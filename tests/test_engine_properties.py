"""Property: on any text, `analyze` returns a valid report or a friendly `InputError` — never anything else.

Beyond random text and news-like word salad, each family of hostile input gets its own strategy: quotation-mark
storms, runs without spaces, emoji runs, nested brackets, digit runs (absurd magnitudes included) and lone
surrogates.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import analyze
from bot.engine.analyzer import MAX_FIGURE_VALUE
from bot.engine.inputcheck import without_lone_surrogates
from bot.errors import InputError
from bot.report import Report, Span, format_figure
from bot.terminal import render_report

WORDS = [
    "said", "told", "Reuters", "according", "to", "the", "official", "he", "she", "it", "they", "Mayor",
    "Anna", "Kovac", "ministry", "group", "killed", "wounded", "at", "least", "more", "than", "between",
    "and", "seven", "17", "2,000", "1.2", "million", "$3.4", "billion", "claimed", "reportedly", "500-lb",
    "could", "not", "be", "independently", "confirmed", "people", "were", "added", "a", "of", "two",
    "weeks", "ago", "one", "speaking", "on", "condition", "anonymity", ",", ".", ":", ";", "-", "–",
]  # fmt: skip
MARKS = ["“", "”", "‘", "’", '"', "'", "«", "»", "\n", "\n\n", " ", "(", ")"]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.integers(0, 10_000).map(str))
news_like = st.lists(token, max_size=120).map(" ".join)
glued = st.lists(st.one_of(token, st.text(max_size=6)), max_size=80).map("".join)
texts = st.one_of(st.text(max_size=300), news_like, glued)

# Hostile families: runs long enough to reach the tokenizer's cutting (marks from 6, chunks from 200 characters)
# and the token-density check (texts from 500 characters), mixed with news words so some pass the English check.
QUOTE_MARKS = "「」『』„‟“”‘’‚'\"«»‹›"
EMOJI = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
GLUE = st.sampled_from(["", " ", "\n", "\n\n"])


CLOSE = str.maketrans("([{«", ")]}»")


def mixed_with_news(run: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(run, token, token, token)
    return st.lists(st.tuples(piece, GLUE), max_size=40).map(lambda parts: "".join(p + g for p, g in parts))


def runs_of(characters: st.SearchStrategy[str], longest: int = 400) -> st.SearchStrategy[str]:
    """One character repeated, or a jumble, up to `longest` characters."""
    repeated = st.builds(lambda ch, n: ch * n, characters, st.integers(1, longest))
    return st.one_of(repeated, st.text(alphabet=characters, min_size=1, max_size=longest))


quote_storms = mixed_with_news(runs_of(st.sampled_from(QUOTE_MARKS + " a")))
no_space_runs = mixed_with_news(
    st.lists(st.sampled_from([w for w in WORDS + MARKS if not w.isspace()]), min_size=1, max_size=150).map(
        "".join
    )
)
emoji_runs = mixed_with_news(runs_of(EMOJI))
nested_brackets = mixed_with_news(
    st.builds(
        lambda depth, opener, inner: opener * depth + inner + "".join(reversed(opener.translate(CLOSE))) * depth,
        st.integers(1, 300),
        st.sampled_from(["(", "[", "{", "([{", "«"]),
        st.sampled_from(["", "said", "17 killed", "“yes”"]),
    )
)
digit_runs = mixed_with_news(
    st.one_of(
        runs_of(st.sampled_from("0123456789"), 420),
        st.text(alphabet="0123456789,.", min_size=1, max_size=60),
        st.sampled_from(["1e308", "1.7976931348623157e308", "9" * 400, "10" + ",000" * 120, "1e308k", "9" * 330 + "bn"]),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
    )
)
surrogates = mixed_with_news(st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=3))
HOSTILE_FAMILIES = {
    "quote storms": quote_storms,
    "no-space runs": no_space_runs,
    "emoji runs": emoji_runs,
    "nested brackets": nested_brackets,
    "digit runs": digit_runs,
    "lone surrogates": surrogates,
}


def inside(span: Span | None, length: int) -> bool:
    return span is None or 0 <= span.start <= span.end <= length


def assert_valid(report: Report, text: str) -> None:
    """The report is whole: it survives JSON, indexes the text it was given and holds only sane figures."""
    assert Report.model_validate_json(report.to_json()) == report
    assert report.text == without_lone_surrogates(text)
    assert len(report.text) == len(text)
    length = len(report.text)
    for claim in report.claims:
        assert claim.content
        assert all(inside(span, length) for span in claim.content)
        assert inside(claim.speaker_mention, length)
        assert inside(claim.cue, length)
    for figure in report.figures:
        assert inside(figure.span, length)
        assert figure.claim is None or 0 <= figure.claim < len(report.claims)
        for value in (figure.value, figure.upper):
            assert value is None or (math.isfinite(value) and abs(value) <= MAX_FIGURE_VALUE)
        assert format_figure(figure)
    for conflict in report.conflicts:
        assert all(0 <= index < len(report.figures) for index in conflict.figures)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_analyze_returns_a_valid_report_or_an_input_error(text: str) -> None:
    try:
        report = analyze(text)
    except InputError as error:
        assert str(error).strip()
        return
    assert_valid(report, text)


@pytest.mark.parametrize("family", HOSTILE_FAMILIES)
def test_hostile_text_gives_a_valid_report_or_an_input_error(family: str) -> None:
    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(HOSTILE_FAMILIES[family])
    def check(text: str) -> None:
        try:
            report = analyze(text)
        except InputError as error:
            assert str(error).strip()
            return
        assert_valid(report, text)

    check()


@settings(max_examples=25, deadline=None)
@given(st.lists(token, min_size=1, max_size=60).map(" ".join))
def test_report_json_is_one_line_with_the_schema_first(text: str) -> None:
    try:
        report = analyze(text)
    except InputError:
        return
    line = report.to_json()
    assert "\n" not in line
    assert line.startswith('{"schema":"whosaid.report/1"')


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like, st.integers(min_value=1, max_value=400))
def test_cut_text_is_a_prefix_and_offsets_stay_inside_it(text: str, max_chars: int) -> None:
    try:
        report = analyze(text, max_chars=max_chars)
    except InputError as error:
        assert str(error).strip()
        return
    assert text.startswith(report.text)
    assert len(report.text) <= max_chars
    assert report.truncated == (len(text) > max_chars)
    length = len(report.text)
    assert all(inside(span, length) for claim in report.claims for span in claim.content)
    assert all(inside(figure.span, length) for figure in report.figures)


ANSI = re.compile(r"\x1b\[[0-9;]*m")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_terminal_view_renders_any_report(text: str) -> None:
    try:
        report = analyze(text)
    except InputError:
        return
    plain = render_report(report, label="any")
    coloured = render_report(report, label="any", color=True)
    assert "\x1b[" not in plain
    assert ANSI.sub("", coloured) == plain
    for claim in report.claims:
        assert (claim.speaker or "Unresolved speaker") in plain
    for conflict in report.conflicts:
        assert " ".join(conflict.note.split()) in " ".join(plain.split())
