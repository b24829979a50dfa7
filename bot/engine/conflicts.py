"""Conflicts: figures of one measure, about the article's own event, whose values differ between sources."""

from __future__ import annotations

from collections import defaultdict

from bot.report import Claim, Conflict, Figure, format_figure


def source_label(figure: Figure, claims: list[Claim]) -> str:
    """Who gives a figure, as a person reads it: 'medical source (via Reuters)', 'the article'."""
    if figure.claim is None:
        return "the article"
    claim = claims[figure.claim]
    label = claim.speaker or "an unnamed source"
    if claim.via:
        label += f" via {claim.via}"
    return label


def source_key(figure: Figure, claims: list[Claim]) -> str:
    """Identity of a figure's source for telling sources apart."""
    if figure.claim is None:
        return "article"
    claim = claims[figure.claim]
    return (claim.speaker or f"claim-{figure.claim}").lower()


def _without_parts(indexes: list[int], figures: list[Figure]) -> list[int]:
    """'12 civilians and 3 soldiers were killed': one claim giving several values of a measure is listing
    parts of a whole, which can't be weighed against another source's total."""
    values_by_claim: dict[int | None, set] = defaultdict(set)
    for i in indexes:
        values_by_claim[figures[i].claim].add((figures[i].value, figures[i].upper))
    return [i for i in indexes if figures[i].claim is None or len(values_by_claim[figures[i].claim]) < 2]


def find_conflicts(figures: list[Figure], claims: list[Claim], comparable: list[bool]) -> list[Conflict]:
    """Group comparable figures by measure and report each measure whose values differ.

    `comparable[i]` says whether figure i may be compared at all (see the analyzer). Values that differ
    only within one sentence of one source ("12 civilians and 5 soldiers") are parts, not a disagreement.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for index, figure in enumerate(figures):
        if comparable[index] and figure.measure:
            groups[figure.measure].append(index)
    conflicts = []
    for measure, grouped in groups.items():
        indexes = _without_parts(grouped, figures)
        values = {(figures[i].value, figures[i].upper) for i in indexes}
        if len(values) < 2:
            continue
        if len({figures[i].claim if figures[i].claim is not None else f"article-{i}" for i in indexes}) < 2:
            continue  # one statement giving several numbers lists parts, it doesn't disagree with itself
        sources = {source_key(figures[i], claims) for i in indexes}
        by_value: dict[tuple, list[int]] = defaultdict(list)
        for i in indexes:
            by_value[(figures[i].value, figures[i].upper)].append(i)
        parts = []
        # A single value sorts before a range starting at it ('5' before 'between 5 and 10'); None and a number
        # don't compare.
        for value in sorted(by_value, key=lambda pair: (pair[0], pair[1] is not None, pair[1] or 0)):
            # Name the value as its first attributed source gives it ("17", not the headline's "at least 17").
            members = sorted(by_value[value], key=lambda i: figures[i].claim is None)
            labels = list(dict.fromkeys(source_label(figures[i], claims) for i in members))
            parts.append(f"{format_figure(figures[members[0]])} ({'; '.join(labels)})")
        if len(sources) == 1:
            note = f"The same source gives different figures for {measure}: " + ", ".join(parts)
        else:
            note = f"Sources differ on {measure}: " + ", ".join(parts)
        conflicts.append(Conflict(measure=measure, figures=sorted(indexes), note=note))
    return conflicts
