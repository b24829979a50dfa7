"""Property: on any text, `analyze` returns a valid report or a friendly `InputError` — never anything else."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import analyze
from bot.errors import InputError
from bot.report import Report, Span
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


def inside(span: Span | None, length: int) -> bool:
    return span is None or 0 <= span.start <= span.end <= length


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_analyze_returns_a_valid_report_or_an_input_error(text: str) -> None:
    try:
        report = analyze(text)
    except InputError as error:
        assert str(error).strip()
        return
    assert Report.model_validate_json(report.to_json()) == report
    assert report.text == text
    length = len(report.text)
    for claim in report.claims:
        assert claim.content
        assert all(inside(span, length) for span in claim.content)
        assert inside(claim.speaker_mention, length)
        assert inside(claim.cue, length)
    for figure in report.figures:
        assert inside(figure.span, length)
        assert figure.claim is None or 0 <= figure.claim < len(report.claims)
    for conflict in report.conflicts:
        assert all(0 <= index < len(report.figures) for index in conflict.figures)


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
