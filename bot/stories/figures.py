"""Figures of one measure compared across the articles of a story.

Each article contributes the figures it gives about the story's event: where the engine found a conflict for a
measure, the figures of that conflict (the engine already left out figures about other events); otherwise the
article's figures of that measure, minus background ones (the engine's `Figure.background`, or a sentence that
points to another event: "an attack two weeks ago killed one"). Differences between outlets are flagged with
both the outlet and the source it cites; two outlets citing one source with different numbers are said
explicitly; when publication times are known, a later figure that updates an earlier one is marked as newer.
Agreement is not a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.report import Figure, Report, format_figure
from bot.stories.fingerprint import normalise_key

# A figure in a sentence with one of these is about an earlier or other event, not the story's own.
_OTHER_EVENT = re.compile(
    r"\b(?:ago|last (?:week|month|year)|earlier this (?:week|month|year)|previous(?:ly)?|came after|"
    r"in (?:19|20)\d\d|a year earlier|the year before|since (?:19|20)\d\d)\b",
    re.I,
)
# Words around a figure saying that it revises an earlier number ("the toll has risen to 27").
_UPDATE_WORDS = re.compile(
    r"\b(?:ris(?:en|es|ing)|rose|climb(?:ed|s|ing)?|jump(?:ed|s)?|increas(?:ed|es)|revis(?:ed|es)|rais(?:ed|es)|"
    r"updated?|now stands?|fell|dropped|lowered|new toll|latest toll)\b",
    re.I,
)
_GENERIC_SOURCE_WORDS = frozenset(
    ["official", "officials", "source", "sources", "spokesman", "spokeswoman", "group"]
)


@dataclass(frozen=True)
class StoryFigure:
    """One figure of one article, with who gives it: the outlet and the source the outlet cites."""

    article: int
    figure: int
    outlet: str
    source: str
    source_key: str | None
    label: str
    value: tuple[float, float | None]
    published: datetime | None
    says_update: bool = False


@dataclass(frozen=True)
class StoryConflict:
    """Figures of one measure that differ between a story's articles.

    `figures` are (article index, figure index) pairs; `newer` those marked as updating an earlier figure;
    `same_source` the sources two or more outlets cite with different numbers; `lines` the note cut into
    display lines (one per figure, then one per remark) for views that list rather than run on.
    """

    measure: str
    figures: tuple[tuple[int, int], ...]
    note: str
    newer: tuple[tuple[int, int], ...] = ()
    same_source: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()

    def involves(self, article: int) -> bool:
        """Whether one of the conflict's figures comes from `article` (for a reply about that article)."""
        return any(index == article for index, _ in self.figures)

    def to_dict(self) -> dict:
        """The `whosaid.story/1` form of a conflict."""
        return {
            "measure": self.measure,
            "figures": [list(pair) for pair in self.figures],
            "note": self.note,
            "newer": [list(pair) for pair in self.newer],
            "same_source": list(self.same_source),
        }


def parse_published(value: str | None) -> datetime | None:
    """An ISO date or date-time ('2026-03-06', '2026-03-06T13:45:00+00:00') as an aware datetime; else None.

    Times without a zone are taken as UTC so that they compare with zoned ones.
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def source_label(report: Report, figure: Figure) -> str:
    """Who an article credits a figure to: 'a medical source via Reuters'; '' when it cites no one."""
    if figure.claim is None or not 0 <= figure.claim < len(report.claims):
        return ""
    claim = report.claims[figure.claim]
    label = claim.speaker or "an unnamed source"
    if claim.anonymous and "anonymous" not in label.lower() and "unnamed" not in label.lower():
        label += " (anonymous)"
    if claim.via:
        label += f" via {claim.via}"
    return label


def source_key(report: Report, figure: Figure) -> str | None:
    """A named source's matching form, for 'two outlets cite the same source'; None when it can't be matched.

    Anonymous and unnamed sources have no key: two outlets' "a medical source" may well be different people.
    """
    if figure.claim is None or not 0 <= figure.claim < len(report.claims):
        return None
    claim = report.claims[figure.claim]
    if claim.anonymous or not claim.speaker:
        return None
    key = normalise_key(claim.speaker)
    if key.startswith(("a ", "an ")) or set(key.split()) <= _GENERIC_SOURCE_WORDS:
        return None
    return key


def same_source(a: str, b: str) -> bool:
    """Whether two source keys name one source: equal, an acronym of the other, or the other's last words.

    "syrian observatory for human rights" matches "sohr", "observatory for human rights" and "observatory".
    """
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    words = long.split()
    initials = "".join(word[0] for word in words)
    initials_no_small = "".join(word[0] for word in words if word not in {"of", "for", "the", "and"})
    if " " not in short and short in (initials, initials_no_small):
        return True
    if " " not in short and short not in _GENERIC_SOURCE_WORDS:
        # "the monitor" for "Veltrian Monitor for Civil Rights": the head noun, before any "of"/"for".
        head = re.split(r" (?:of|for|on|in) ", long)[0].split()[-1]
        return short == head
    return len(short.split()) >= 2 and long.endswith(" " + short)


def story_figures(report: Report) -> dict[str, list[int]]:
    """The figures of each measure that this article gives about its own event."""
    from_conflicts: dict[str, list[int]] = {}
    for conflict in report.conflicts:
        indexes = from_conflicts.setdefault(conflict.measure, [])
        indexes.extend(i for i in conflict.figures if i not in indexes and 0 <= i < len(report.figures))
    result: dict[str, list[int]] = {measure: sorted(indexes) for measure, indexes in from_conflicts.items()}
    for index, figure in enumerate(report.figures):
        if not figure.measure or figure.measure in from_conflicts:
            continue
        if figure.background:
            continue  # the engine says it is about another event
        if _OTHER_EVENT.search(_sentence_around(report.text, figure.span.start, figure.span.end)):
            continue
        result.setdefault(figure.measure, []).append(index)
    return result


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "? ", "! "))
    right_candidates = [pos for mark in (". ", "\n", "? ", "! ") if (pos := text.find(mark, end)) != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right]


def collect_story_figures(
    reports: Sequence[Report], members: Sequence[int], outlets: Sequence[str]
) -> dict[str, list[StoryFigure]]:
    """The figures each of a story's articles gives about the story's event, by measure, in article order.

    Within one article, a source repeating its number counts once.
    """
    by_measure: dict[str, list[StoryFigure]] = {}
    for article in members:
        report = reports[article]
        published = parse_published(report.published)
        for measure, indexes in story_figures(report).items():
            seen: set[tuple[str, tuple[float, float | None]]] = set()
            for index in indexes:
                figure = report.figures[index]
                value = (float(figure.value), None if figure.upper is None else float(figure.upper))
                source = source_label(report, figure)
                if (_bare_source(source), value) in seen:
                    continue
                seen.add((_bare_source(source), value))
                sentence = _sentence_around(report.text, figure.span.start, figure.span.end)
                by_measure.setdefault(measure, []).append(
                    StoryFigure(
                        article=article,
                        figure=index,
                        outlet=outlets[article],
                        source=source,
                        source_key=source_key(report, figure),
                        label=format_figure(figure),
                        value=value,
                        published=published,
                        says_update=bool(_UPDATE_WORDS.search(sentence)),
                    )
                )
    return by_measure


def compare_figures(
    reports: Sequence[Report], members: Sequence[int], outlets: Sequence[str]
) -> list[StoryConflict]:
    """Conflicts between the figures of a story's articles (`members`, indexes into `reports`), by measure.

    `outlets` names each report for people (site, title or input label). Measures whose figures agree across
    the articles give no conflict. Conflicts spanning more articles come first.
    """
    conflicts = [
        _conflict(measure, figures)
        for measure, figures in collect_story_figures(reports, members, outlets).items()
        if _differs_between_articles(figures)
    ]
    conflicts.sort(key=lambda c: (-len({a for a, _ in c.figures}), c.measure))
    return conflicts


def _differs_between_articles(figures: list[StoryFigure]) -> bool:
    """Whether the articles giving this measure don't all give the same numbers.

    Two articles that both report 17 and 22 (each carrying the same disagreement) agree with each other: that
    conflict is each article's own, already flagged in its report.
    """
    values: dict[int, set[tuple[float, float | None]]] = {}
    for figure in figures:
        values.setdefault(figure.article, set()).add(figure.value)
    return len(values) >= 2 and len({frozenset(numbers) for numbers in values.values()}) > 1


def _by_time(figure: StoryFigure) -> tuple:
    return (figure.published is None, figure.published or datetime.min.replace(tzinfo=UTC), figure.article)


def _conflict(measure: str, figures: list[StoryFigure]) -> StoryConflict:
    ordered = sorted(figures, key=_by_time)
    parts = [f"{who_gives(f)}: {f.label} {measure}" for f in ordered]
    sentences = [" · ".join(parts) + "."]
    groups = _same_source_groups(ordered)
    for name, group in groups:
        givers = " and ".join(dict.fromkeys(g.outlet for g in group))
        numbers = " vs ".join(f"{g.label} ({g.outlet})" for g in group)
        sentences.append(f"{givers} both cite {name} but give different numbers: {numbers}.")
    updates = _newer_figures(ordered, groups)
    for figure, earlier in updates:
        was = ", ".join(f"{f.label} ({f.outlet})" for f in earlier)
        cited = f", citing {_bare_source(figure.source)}" if figure.source else ""
        sentences.append(
            f"Newer figure: {figure.label} {measure} ({figure.outlet}{cited}, published "
            f"{figure.published:%Y-%m-%d %H:%M}) updates the earlier {was}."
        )
    newer = [figure for figure, _ in updates]
    return StoryConflict(
        measure=measure,
        figures=tuple((f.article, f.figure) for f in ordered),
        note=" ".join(sentences),
        lines=(*parts, *sentences[1:]),
        newer=tuple((f.article, f.figure) for f in newer),
        same_source=tuple(name for name, _ in groups),
    )


def who_gives(figure: StoryFigure) -> str:
    """'Meridian Wire, citing the monitor' or 'Meridian Wire, citing no source'."""
    return f"{figure.outlet}, citing {figure.source or 'no source'}"


def _same_source_groups(ordered: list[StoryFigure]) -> list[tuple[str, list[StoryFigure]]]:
    """Named sources that two or more outlets cite with different numbers, with those figures."""
    groups: list[tuple[str, list[StoryFigure]]] = []
    placed: set[int] = set()
    for i, first in enumerate(ordered):
        if first.source_key is None or i in placed:
            continue
        members = [first]
        for j in range(i + 1, len(ordered)):
            other = ordered[j]
            if (
                other.source_key is not None
                and j not in placed
                and same_source(first.source_key, other.source_key)
            ):
                members.append(other)
                placed.add(j)
        if len({f.article for f in members}) >= 2 and len({f.value for f in members}) >= 2:
            name = max((_bare_source(f.source) for f in members), key=len)
            groups.append((name, members))
    return groups


def _newer_figures(
    ordered: list[StoryFigure], groups: list[tuple[str, list[StoryFigure]]]
) -> list[tuple[StoryFigure, list[StoryFigure]]]:
    """Figures that update an earlier, different figure, judged by publication time, each with what it updates.

    A figure is newer when its article is published after another article's different figure and either it
    comes from the same source (the source revised its number: it updates that source's earlier figures), or
    its sentence says the number changed ("has risen to 27"), or it is the only figure the latest article gives
    for the measure (both update every earlier, different figure).
    """
    dated = [f for f in ordered if f.published is not None]
    if len({f.article for f in dated}) < 2:
        return []

    def earlier_than(figure: StoryFigure, among: list[StoryFigure]) -> list[StoryFigure]:
        return [
            f
            for f in among
            if f.published is not None
            and f.article != figure.article
            and f.published < figure.published  # type: ignore[operator]
            and f.value != figure.value
        ]

    updates: dict[tuple[int, int], tuple[StoryFigure, list[StoryFigure]]] = {}
    for _, members in groups:
        latest = max((f for f in members if f.published is not None), key=_by_time, default=None)
        if latest is not None and (earlier := earlier_than(latest, members)):
            updates[(latest.article, latest.figure)] = (latest, earlier)
    latest_time = max(f.published for f in dated)  # type: ignore[type-var]
    latest_article = [f for f in dated if f.published == latest_time]
    if len({f.article for f in latest_article}) == 1:
        only_one = len({f.value for f in latest_article}) == 1
        for figure in latest_article:
            earlier = earlier_than(figure, dated)
            if (only_one or figure.says_update) and earlier:
                updates.setdefault((figure.article, figure.figure), (figure, earlier))
    return sorted(updates.values(), key=lambda item: _by_time(item[0]))


def _bare_source(label: str) -> str:
    return label.split(" via ")[0].removesuffix(" (anonymous)")
