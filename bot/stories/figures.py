"""Figures compared across the articles of a story.

What each article contributes is the engine's reading, taken from its report:
- which figures may take part (`Figure.comparable`: attributed, about the article's own event, not a part of
  another figure, with a known structure);
- what a figure measures (`counted`, `quantity`, `unit`, `change`, `period`) and when two figures measure the
  same thing (`bot.engine.structure.compatible`), so vote shares, turnout and "62% of polling stations
  counted" stay apart while "$4.2 billion" and "4.2 billion dollars" meet;
- the value, normalised ("forty-four" is 44, "1.2 million" is 1,200,000), and when two values can both be
  right (`bot.engine.conflicts.values_agree`: "at least 15" agrees with 21);
- who gives the figure (`Figure.source`, `Figure.source_key`) and which figures revise an earlier one of
  their source (`Conflict.newer`).
A report without the structure fields (made before they existed) is read by `measure` and `background`.

Differences between outlets are flagged with both the outlet and the source it cites; two outlets citing one
source with different numbers are said explicitly; when publication times are known, a later figure that
updates an earlier one is marked as newer. Agreement is not a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.report import Figure, Report, format_figure
from bot.stories.fingerprint import normalise_key

if TYPE_CHECKING:
    from bot.engine.structure import Structure

_GENERIC_SOURCE_WORDS = frozenset(
    ["official", "officials", "source", "sources", "spokesman", "spokeswoman", "group"]
)
# "74 per cent" read as a count of "cent" by a report that predates the engine's unit for it.
_PERCENT_NOUNS = frozenset(["cent", "percent", "per cent"])
_PEOPLE = "people"  # the engine's family name for counted persons of no particular kind
_PER_CENT = re.compile(r"\s*(?:per ?cent|%)", re.I)


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
    subject: str = ""


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
    subject: str | None = None

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
            **({"subject": self.subject} if self.subject else {}),
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
    """Who an article credits a figure to: 'a medical source via Reuters'; '' when it cites no one.

    The engine's `Figure.source`; for a report that predates it, the engine's label of the figure's claim.
    """
    if figure.source:
        return figure.source
    if figure.claim is None or not 0 <= figure.claim < len(report.claims):
        return ""
    from bot.engine.conflicts import claim_source_label

    return claim_source_label(report.claims[figure.claim])


def source_key(report: Report, figure: Figure) -> str | None:
    """A named source's matching form, for 'two outlets cite the same source'; None when it can't be matched.

    Built on the engine's `Figure.source_key` (None for anonymous and unnamed sources: two outlets' "a medical
    source" may well be different people); generic words ("officials") match nothing either.
    """
    key = figure.source_key
    if key is None and figure.claim is not None and 0 <= figure.claim < len(report.claims):
        from bot.engine.conflicts import claim_source_key

        key = claim_source_key(report.claims[figure.claim])
    if not key:
        return None
    key = normalise_key(key)
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


def has_structure(report: Report) -> bool:
    """Whether the engine recorded what the report's figures measure (reports made before it did: no)."""
    return any(f.comparable or f.quantity or f.counted or f.unit for f in report.figures)


def figure_structure(report: Report, figure: Figure) -> Structure | None:
    """The engine's structure of a figure, rebuilt from the report; None when the engine didn't know it."""
    from bot.engine.structure import Structure

    counted, unit = figure.counted, figure.unit
    if unit is None and counted in _PERCENT_NOUNS and _PER_CENT.match(report.text, figure.span.end):
        counted, unit = None, "%"
    elif unit in _PERCENT_NOUNS:
        unit = "%"  # "per cent" and "%" are one unit
    structure = Structure(
        counted=counted,
        quantity=figure.quantity,
        unit=unit,
        period=figure.period,
        status=figure.status,
        change=figure.change,
        place=figure.place,
        belongs_to=figure.belongs_to,
    )
    return structure if structure.known else None


def story_figures(report: Report) -> dict[str, list[int]]:
    """The figures this article gives about its own event, by what they measure.

    With the engine's structure: the comparable figures, keyed by what they measure ('people killed',
    'turnout (%)'). Without it (an older report): per measure, the figures of the engine's conflict for it,
    else that measure's figures minus the background ones.
    """
    if has_structure(report):
        result: dict[str, list[int]] = {}
        for index, figure in enumerate(report.figures):
            structure = figure_structure(report, figure)
            if figure.comparable and not figure.background and structure is not None:
                result.setdefault(structure.readable(), []).append(index)
        return result
    from_conflicts: dict[str, list[int]] = {}
    for conflict in report.conflicts:
        indexes = from_conflicts.setdefault(conflict.measure, [])
        indexes.extend(i for i in conflict.figures if i not in indexes and 0 <= i < len(report.figures))
    result = {measure: sorted(indexes) for measure, indexes in from_conflicts.items()}
    for index, figure in enumerate(report.figures):
        if figure.measure and figure.measure not in from_conflicts and not figure.background:
            result.setdefault(figure.measure, []).append(index)
    return result


def _revised(report: Report) -> set[int]:
    """Figures the engine marks as revising an earlier figure of their source ('raised the toll to 44')."""
    return {index for conflict in report.conflicts for index in conflict.newer}


def collect_story_figures(
    reports: Sequence[Report], members: Sequence[int], outlets: Sequence[str]
) -> dict[str, list[StoryFigure]]:
    """The figures each of a story's articles gives about the story's event, grouped by what they measure, in
    article order. Within one article, a source repeating its number counts once.

    Figures with a structure are grouped with the engine's `compatible`: a figure whose counted thing is
    unknown ("74% took part") joins the one group of its quantity and unit that names a counted thing, and
    stays apart when several do (it could be either). Older reports' figures are grouped by `measure`.
    """
    found: list[tuple[StoryFigure, Structure | None]] = []
    for article in members:
        report = reports[article]
        published = parse_published(report.published)
        revised = _revised(report)
        seen: set[tuple[str, str, tuple[float, float | None], str | None]] = set()
        for measure, indexes in story_figures(report).items():
            for index in indexes:
                figure = report.figures[index]
                value = (float(figure.value), None if figure.upper is None else float(figure.upper))
                source = source_label(report, figure)
                # A source repeating its number counts once ("at least 14" and "14" are two figures).
                repeated = (measure, _bare_source(source), value, figure.qualifier)
                if repeated in seen:
                    continue
                seen.add(repeated)
                story_figure = StoryFigure(
                    article=article,
                    figure=index,
                    outlet=outlets[article],
                    source=source,
                    source_key=source_key(report, figure),
                    label=format_figure(figure),
                    value=value,
                    published=published,
                    says_update=index in revised,
                    subject=measure,
                )
                found.append(
                    (story_figure, figure_structure(report, figure) if has_structure(report) else None)
                )
    groups = [part for group in _group_by_structure(found) for part in _split_parts(group)]
    by_measure: dict[str, list[StoryFigure]] = {}
    for group in groups:
        name = group[0].subject
        suffix = 2
        while name in by_measure:
            name, suffix = f"{group[0].subject} ({suffix})", suffix + 1
        by_measure[name] = _once_per_source(sorted(group, key=lambda f: (members.index(f.article), f.figure)))
    return by_measure


def _once_per_source(group: list[StoryFigure]) -> list[StoryFigure]:
    """An article's source repeating one number counts once in a group, even when the engine read the two
    mentions as counting differently worded things ('23 people killed', 'the 23 fighters killed')."""
    seen: set[tuple[int, str, tuple[float, float | None]]] = set()
    kept = []
    for figure in group:
        key = (figure.article, _bare_source(figure.source).casefold(), figure.value)
        if key not in seen:
            seen.add(key)
            kept.append(figure)
    return kept


def _group_by_structure(found: list[tuple[StoryFigure, Structure | None]]) -> list[list[StoryFigure]]:
    from bot.engine.structure import compatible

    groups: list[list[tuple[StoryFigure, Structure | None]]] = []
    legacy: dict[str, list[tuple[StoryFigure, Structure | None]]] = {}
    # Figures that name their counted thing first, so that one naming none can see every group it could join.
    ordered = sorted(found, key=lambda item: item[1] is None or item[1].counted is None)
    for item in ordered:
        figure, structure = item
        if structure is None:
            legacy.setdefault(figure.subject, []).append(item)
            continue
        fitting = [
            group
            for group in groups
            if all(other is not None and compatible(structure, other) for _, other in group)
        ]
        specific = [group for group in fitting if any(other.counted for _, other in group if other)]
        if structure.counted is None and len(specific) > 1:
            # "23 killed" counts people unless something says otherwise; beside "people killed" and
            # "fighters killed" it goes with the people, and beside two other things with neither.
            people = [g for g in specific if any(o is not None and o.counted == _PEOPLE for _, o in g)]
            fitting = people[:1] or [group for group in fitting if group not in specific]
        if fitting:
            fitting[0].append(item)
        else:
            groups.append([item])
    # A group is named by its most specific member ("people killed" rather than "killed").
    named = []
    for group in [*groups, *legacy.values()]:
        best = max(group, key=lambda item: item[1] is not None and item[1].counted is not None)
        named.append([_with_subject(figure, best[0].subject) for figure, _ in group])
    return named


def _split_parts(group: list[StoryFigure]) -> list[list[StoryFigure]]:
    """Each article listing the same number of values, from one source, none of them shared with another
    article, lists parts ("54.3% for Amber, 41.8% for Halvik" against "51.6% ... 44.9%"): the winner's share
    is compared with the winner's, the runner-up's with the runner-up's, matched by rank. Values that sources
    dispute (police 8,000, organisers 25,000) come from several sources and stay one group."""
    values: dict[int, set[tuple[float, float | None]]] = {}
    sources: dict[int, set[str]] = {}
    for figure in group:
        values.setdefault(figure.article, set()).add(figure.value)
        if figure.source_key:
            sources.setdefault(figure.article, set()).add(figure.source_key)
    counts = {len(found) for found in values.values()}
    every_value = [value for found in values.values() for value in found]
    if (
        len(values) < 2
        or len(counts) != 1
        or counts == {1}
        or len(set(every_value)) != len(every_value)
        or any(len(named) > 1 for named in sources.values())
    ):
        return [group]
    ranks: dict[tuple[int, tuple[float, float | None]], int] = {}
    for article, found in values.items():
        for rank, value in enumerate(sorted(found, reverse=True)):
            ranks[(article, value)] = rank
    parts: dict[int, list[StoryFigure]] = {}
    for figure in group:
        parts.setdefault(ranks[(figure.article, figure.value)], []).append(figure)
    ordinals = ("largest", "second largest", "third largest")
    return [
        [
            _with_subject(f, f"{f.subject}, {ordinals[rank] if rank < len(ordinals) else f'no. {rank + 1}'}")
            for f in part
        ]
        for rank, part in sorted(parts.items())
    ]


def _with_subject(figure: StoryFigure, subject: str) -> StoryFigure:
    return figure if figure.subject == subject else replace(figure, subject=subject)


def compare_figures(
    reports: Sequence[Report], members: Sequence[int], outlets: Sequence[str]
) -> list[StoryConflict]:
    """Conflicts between the figures of a story's articles (`members`, indexes into `reports`).

    `outlets` names each report for people (site, title or input label). A group of figures that measure one
    thing is a conflict when the articles don't all give the same numbers and two articles give values that
    can't both be right. Conflicts spanning more articles come first.
    """
    conflicts = []
    for measure, figures in collect_story_figures(reports, members, outlets).items():
        if not _differs_between_articles(figures) or not _values_disagree(reports, figures):
            continue
        conflicts.append(_conflict(_measure_word(reports, figures), figures, subject=measure))
    conflicts.sort(key=lambda c: (-len({a for a, _ in c.figures}), c.measure))
    return conflicts


def _values_disagree(reports: Sequence[Report], figures: list[StoryFigure]) -> bool:
    """Whether two articles give values that can't both be right ("at least 15" and 21 can)."""
    from bot.engine.conflicts import same_scale, values_agree

    for position, first in enumerate(figures):
        for second in figures[position + 1 :]:
            if first.article == second.article:
                continue
            a = reports[first.article].figures[first.figure]
            b = reports[second.article].figures[second.figure]
            if not values_agree(a, b) and same_scale(a, b):
                return True
    return False


def _measure_word(reports: Sequence[Report], figures: list[StoryFigure]) -> str:
    """The conflict's `measure`: the figures' commonest `measure` ('killed'), else what they measure."""
    counts: dict[str, int] = {}
    for figure in figures:
        measure = reports[figure.article].figures[figure.figure].measure
        if measure:
            counts[measure] = counts.get(measure, 0) + 1
    return max(counts, key=lambda m: counts[m]) if counts else figures[0].subject


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


def _conflict(measure: str, figures: list[StoryFigure], *, subject: str | None = None) -> StoryConflict:
    """The conflict's note says what is compared ('people killed') and who gives which figure."""
    ordered = sorted(figures, key=_by_time)
    parts = [f"{who_gives(f)}: {f.label} {measure}" for f in ordered]
    sentences = [(f"{subject}: " if subject else "") + " · ".join(parts) + "."]
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
        subject=subject,
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
