"""What went wrong in one article (or one stories scenario), for `make eval`'s error log.

The verdicts follow the rules the sets' scorers document (their figures are what the table shows; these
lines say which conflicts make them, and the counts are checked against the scorers' totals):

- Article sets. A predicted conflict is correct when all its figures that overlap gold numbers belong to one
  gold conflict, hit at least 2 of its distinct values, and none overlaps a trap; a gold conflict is found
  when a correct conflict covers all its distinct values.
- Stories. Figures are `[article, figure]` pairs; a predicted conflict is correct when the gold numbers it
  hits belong to one gold conflict, cover 2 distinct required values in 2 different files, touch no trap,
  and every figure lies in that conflict's story; a gold conflict is found when a predicted conflict covers
  all its required values in at least 2 files with different values.

Each finding quotes the conflict's `note` and the `rules` labels (the declared patterns that fired) of the
conflict and of its figures when the report has them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.evaluation.figure_sources import SourceTally, check_sources, figure_spans, rules_of
from bot.evaluation.gold_figures import GoldFigure, GoldFigures, GoldTrap, spans_overlap
from bot.evaluation.scoring import CharSpan

MISSED = "missed conflict"
FALSE = "false conflict"
TRAP_HIT = "trap hit"
WRONG_SOURCE = "wrong source"
NOT_READ = "figure not read"
# How much of a snippet a finding quotes.
_SNIPPET_CHARS = 90


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str


@dataclass
class Review:
    """The conflict counts of one article or scenario, its source checks, and its findings."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0
    found: int = 0
    trap_hits: int = 0
    sources: SourceTally = field(default_factory=SourceTally)
    findings: list[Finding] = field(default_factory=list)


def _with_rules(text: str, item: object) -> str:
    rules = rules_of(item)
    return f"{text} [rules: {', '.join(rules)}]" if rules else text


def _quote(snippet: str) -> str:
    snippet = " ".join(snippet.split())
    return repr(snippet if len(snippet) <= _SNIPPET_CHARS else snippet[: _SNIPPET_CHARS - 1] + "…")


def _describe_conflict(number: int, conflict: dict) -> str:
    subject = conflict.get("subject") or conflict.get("measure") or "?"
    return _with_rules(f"#{number} {subject!s}: note {conflict.get('note')!r}", conflict)


def _describe_figures(figures: Sequence[tuple[str, dict]]) -> str:
    """A conflict's figures, each with its label, source and rules: "figures: '27' (source 'x') [rules: …]; …"."""
    parts = [_with_rules(f"{label} (source {figure.get('source')!r})", figure) for label, figure in figures]
    return "figures: " + "; ".join(parts)


def _trap_text(trap: GoldTrap) -> str:
    where = f"{trap.file}: " if trap.file else ""
    return f"{where}{trap.number!r}" + (f" ({trap.why})" if trap.why else "")


def _missed_text(gold: GoldFigures, conflict: int, read: dict[GoldFigure, bool], covered: int = 0) -> str:
    parts = []
    for figure in gold.of_conflict(conflict):
        where = f"{figure.file}: " if figure.file else ""
        state = "not located in the text" if figure.span is None else ("read" if read[figure] else "not read")
        optional = ", optional" if figure.optional else ""
        parts.append(f"{where}{figure.number!r} ({state}{optional})")
    partly = (
        f"; a correct conflict shows {covered} of its {len(gold.required_values(conflict))} values"
        if covered
        else ""
    )
    return f"{gold.measures[conflict]}: " + ", ".join(parts) + partly


def _source_findings(tally: SourceTally) -> list[Finding]:
    findings = []
    for check in tally.checks:
        gold = check.gold
        where = f"{gold.file}: " if gold.file else ""
        said = f"{where}{gold.number!r} in {_quote(gold.snippet)}"
        if check.figure is None:
            findings.append(Finding(NOT_READ, f"{said}: no report figure reads it"))
        elif not check.right:
            wanted = list(gold.names) if gold.names else "no source (the article's own voice)"
            rules = f" [rules: {', '.join(check.rules)}]" if check.rules else ""
            findings.append(
                Finding(WRONG_SOURCE, f"{said}: report says {check.source!r}{rules}, gold {wanted}")
            )
    return findings


def report_text(report: dict | None, file_text: str) -> str:
    """The text a report's offsets index: its own `text`, else the input file's (as the scorers read it)."""
    text = report.get("text") if isinstance(report, dict) else None
    return text if isinstance(text, str) and text else file_text


def review_article(gold: GoldFigures, report: dict | None, text: str) -> Review:
    """The conflicts and figure sources of one article's report (JSON) against its gold, located in `text`
    (`report_text`)."""
    report = report if isinstance(report, dict) else {}
    figures = report.get("figures") if isinstance(report.get("figures"), list) else []
    spans = figure_spans(figures)
    review = Review(gold=len(gold.measures), sources=check_sources(gold.figures, figures))
    located = [figure for figure in gold.figures if figure.span is not None]
    traps = [trap for trap in gold.traps if trap.span is not None]
    found: set[int] = set()
    covered: dict[int, int] = {}  # gold conflict -> most of its values one correct conflict shows
    conflicts = [item for item in report.get("conflicts") or [] if isinstance(item, dict)]
    review.predicted = len(conflicts)
    for number, conflict in enumerate(conflicts):
        indexes = [i for i in conflict.get("figures") or [] if isinstance(i, int) and i in spans]
        hits: dict[int, set[object]] = {}
        touched: list[GoldTrap] = []
        for index in indexes:
            for figure in located:
                if spans_overlap(spans[index], figure.span):  # type: ignore[arg-type]
                    hits.setdefault(figure.conflict, set()).add(figure.value_key)
            touched += [trap for trap in traps if spans_overlap(spans[index], trap.span)]  # type: ignore[arg-type]
        resolved = [(repr(text[spans[i][0] : spans[i][1]]), figures[i]) for i in indexes]
        described = f"{_describe_conflict(number, conflict)}; {_describe_figures(resolved)}"
        if touched:
            review.trap_hits += 1
            traps_text = ", ".join(dict.fromkeys(_trap_text(trap) for trap in touched))
            review.findings.append(Finding(TRAP_HIT, f"{described}; touches trap {traps_text}"))
        elif len(hits) == 1 and len(next(iter(hits.values()))) >= 2:
            review.correct += 1
            ((index, values),) = hits.items()
            covered[index] = max(covered.get(index, 0), len(values))
            if values >= gold.required_values(index):
                found.add(index)
        else:
            why = (
                "mixes gold conflicts " + " and ".join(repr(gold.measures[i]) for i in sorted(hits))
                if len(hits) > 1
                else f"only one value of gold conflict {gold.measures[next(iter(hits))]!r}"
                if hits
                else "touches no gold conflict figure"
            )
            review.findings.append(Finding(FALSE, f"{described}; {why}"))
    review.found = len(found)
    read = {figure: any(spans_overlap(span, figure.span) for span in spans.values()) for figure in located}
    review.findings[:0] = [
        Finding(MISSED, _missed_text(gold, index, read, covered.get(index, 0)))
        for index in range(review.gold)
        if index not in found
    ]
    review.findings += _source_findings(review.sources)
    return review


def review_scenario(gold: GoldFigures, result: dict | None, files: Sequence[str]) -> Review:
    """The cross-article conflicts of one `whosaid compare` result (JSON) and its figure sources."""
    result = result if isinstance(result, dict) else {}
    articles = [item if isinstance(item, dict) else {} for item in result.get("articles") or []]
    spans_by_article = [figure_spans(article.get("figures")) for article in articles]
    review = Review(gold=len(gold.measures))
    for position, file in enumerate(files):
        if position < len(articles):
            mine = [figure for figure in gold.figures if figure.file == file]
            review.sources.extend(check_sources(mine, articles[position].get("figures")))
    numbers: dict[str, list[tuple[CharSpan, GoldFigure | GoldTrap]]] = {}
    for item in (*gold.figures, *gold.traps):
        if item.span is not None and item.file is not None:
            numbers.setdefault(item.file, []).append((item.span, item))
    required = {index: gold.required_values(index) for index in range(review.gold)}
    found: set[int] = set()
    conflicts = [
        conflict
        for story in result.get("stories") or []
        if isinstance(story, dict)
        for conflict in story.get("conflicts") or []
        if isinstance(conflict, dict)
    ]
    review.predicted = len(conflicts)
    for number, conflict in enumerate(conflicts):
        resolved: list[tuple[str, CharSpan, dict]] = []
        for reference in conflict.get("figures") or []:
            if (
                isinstance(reference, list)
                and len(reference) == 2
                and all(isinstance(i, int) for i in reference)
            ):
                article, index = reference
                if 0 <= article < min(len(files), len(articles)) and index in spans_by_article[article]:
                    resolved.append(
                        (
                            files[article],
                            spans_by_article[article][index],
                            articles[article]["figures"][index],
                        )
                    )
        hits: dict[int, set[tuple[str, object]]] = {}
        touched: list[GoldTrap] = []
        for file, span, _ in resolved:
            for gold_span, item in numbers.get(file, []):
                if not spans_overlap(span, gold_span):
                    continue
                if isinstance(item, GoldTrap):
                    touched.append(item)
                else:
                    hits.setdefault(item.conflict, set()).add((file, item.value_key))
        for index, pairs in hits.items():
            pairs = {pair for pair in pairs if pair[1] in required[index]}
            if _across_files(pairs) and {value for _, value in pairs} >= required[index]:
                found.add(index)
        shown = [
            (f"{file}: {_text_of(articles, files, file, span)}", figure) for file, span, figure in resolved
        ]
        described = f"{_describe_conflict(number, conflict)}; {_describe_figures(shown)}"
        if touched:
            review.trap_hits += 1
            traps_text = ", ".join(dict.fromkeys(_trap_text(trap) for trap in touched))
            review.findings.append(Finding(TRAP_HIT, f"{described}; touches trap {traps_text}"))
            continue
        if len(hits) == 1:
            ((index, pairs),) = hits.items()
            pairs = {pair for pair in pairs if pair[1] in required[index]}
            touched_files = {file for file, _, _ in resolved}
            if (
                len({value for _, value in pairs}) >= 2
                and _across_files(pairs)
                and touched_files <= (gold.story_files[index])
            ):
                review.correct += 1
                continue
            why = f"under 2 values in 2 files of gold conflict {gold.measures[index]!r}, or outside its story"
        elif hits:
            why = "mixes gold conflicts " + " and ".join(repr(gold.measures[i]) for i in sorted(hits))
        else:
            why = "touches no gold conflict figure"
        review.findings.append(Finding(FALSE, f"{described}; {why}"))
    review.found = len(found)
    read = {}
    for figure in gold.figures:
        if figure.span is not None:
            position = files.index(figure.file) if figure.file in files else len(articles)
            spans = spans_by_article[position].values() if position < len(articles) else ()
            read[figure] = any(spans_overlap(span, figure.span) for span in spans)
    review.findings[:0] = [
        Finding(MISSED, _missed_text(gold, index, read)) for index in range(review.gold) if index not in found
    ]
    review.findings += _source_findings(review.sources)
    return review


def _across_files(pairs: set[tuple[str, object]]) -> bool:
    """Two of the (file, value) pairs are in different files with different values."""
    return any(f1 != f2 and v1 != v2 for f1, v1 in pairs for f2, v2 in pairs)


def _text_of(articles: list[dict], files: Sequence[str], file: str, span: CharSpan) -> str:
    text = articles[files.index(file)].get("text")
    return repr(text[span[0] : span[1]]) if isinstance(text, str) else "?"
