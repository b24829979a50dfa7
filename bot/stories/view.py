"""The story view of several analysed articles: its `whosaid.story/1` JSON and its terminal rendering."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from bot.report import Report
from bot.stories.chart import Bar, render_bars
from bot.stories.figures import (
    StoryConflict,
    collect_story_figures,
    compare_figures,
    parse_published,
    source_label,
)
from bot.stories.fingerprint import fingerprint
from bot.stories.grouping import Story, group_stories
from bot.stories.similarity import TermStats

STORY_SCHEMA = "whosaid.story/1"


@dataclass(frozen=True)
class StoryResult:
    """One story: which articles, why they are one story, and the figures that differ between them."""

    story: Story
    conflicts: tuple[StoryConflict, ...]

    def to_dict(self) -> dict:
        """The `whosaid.story/1` form of a story."""
        return {
            "articles": list(self.story.articles),
            "why": list(self.story.why),
            "conflicts": [conflict.to_dict() for conflict in self.conflicts],
        }


@dataclass(frozen=True)
class StoryView:
    """Reports (input order), how each is named for people, and the stories they form."""

    reports: tuple[Report, ...]
    outlets: tuple[str, ...]
    stories: tuple[StoryResult, ...]

    def to_json(self) -> str:
        """The `whosaid.story/1` contract: one line, `schema` first, reports as `Report.to_json` has them."""
        articles = ",".join(report.to_json() for report in self.reports)
        stories = json.dumps(
            [story.to_dict() for story in self.stories], ensure_ascii=False, separators=(",", ":")
        )
        return f'{{"schema":"{STORY_SCHEMA}","articles":[{articles}],"stories":{stories}}}'


def outlet_label(report: Report, fallback: str) -> str:
    """How people know an article: its site, else its title, else the label it was given (a file name)."""
    return report.site or report.title or fallback


def build_story_view(
    reports: Sequence[Report],
    *,
    labels: Sequence[str],
    excluded: Collection[tuple[int, int]] = frozenset(),
) -> StoryView:
    """Group `reports` into stories and compare each story's figures.

    `labels` name the reports when they have no site or title; `excluded` holds "not the same story" decisions
    as (article index, story id) pairs, as `group_stories` takes them.
    """
    fingerprints = [fingerprint(report) for report in reports]
    # Which names recur across stories is only known once there are stories: group once without statistics,
    # count names per story (a ten-article story counts once), then group with them.
    first = group_stories(fingerprints, excluded=excluded)
    story_of = {article: story.id for story in first for article in story.articles}
    stats = TermStats.from_fingerprints(fingerprints, [story_of.get(i) for i in range(len(fingerprints))])
    outlets = tuple(outlet_label(report, label) for report, label in zip(reports, labels, strict=True))
    results = []
    for story in group_stories(fingerprints, excluded=excluded, stats=stats):
        conflicts = compare_figures(reports, story.articles, outlets)
        results.append(StoryResult(story=story, conflicts=tuple(conflicts)))
    return StoryView(reports=tuple(reports), outlets=outlets, stories=tuple(results))


def render_story_view(view: StoryView) -> str:
    """The story view for a terminal: per story its outlets and who each cites, conflicts first, then every
    figure per measure side by side and a chart of the differing values; then the articles in no story."""
    blocks = []
    grouped: set[int] = set()
    for number, result in enumerate(view.stories, start=1):
        grouped.update(result.story.articles)
        blocks.append(_render_story(view, number, result))
    alone = [index for index in range(len(view.reports)) if index not in grouped]
    if alone:
        lines = ["Not in a story with another article:"]
        lines += [f"  [{index + 1}] {view.outlets[index]}" for index in alone]
        blocks.append("\n".join(lines) + "\n")
    if not view.stories:
        blocks.insert(0, "No two of these articles report the same event.\n")
    return "\n".join(blocks)


def _render_story(view: StoryView, number: int, result: StoryResult) -> str:
    story = result.story
    lines = [f"Story {number}: {len(story.articles)} articles", f"Same story: {', '.join(story.why)}", ""]
    lines.append("Outlets:")
    for index in story.articles:
        report = view.reports[index]
        when = parse_published(report.published)
        stamp = f" ({when:%Y-%m-%d %H:%M})" if when else ""
        cited = list(dict.fromkeys(_claim_source(report, i) for i in range(len(report.claims))))
        cites = "; ".join(cited[:6]) if cited else "no attributed sources found"
        lines.append(f"  [{index + 1}] {view.outlets[index]}{stamp} — cites: {cites}")
    lines.append("")
    if result.conflicts:
        lines.append("Conflicts:")
        for conflict in result.conflicts:
            lines.append(f"  {conflict.measure}")
            lines += [f"    {line}" for line in conflict.lines]
    else:
        lines.append("No figures differ between these articles.")
    figures_lines = _figures_side_by_side(view, story)
    if figures_lines:
        lines += ["", "Figures:", *figures_lines]
    charts = [_chart(view, conflict) for conflict in result.conflicts]
    if charts:
        lines += ["", *[chart.rstrip("\n") for chart in charts]]
    return "\n".join(lines) + "\n"


def _claim_source(report: Report, claim_index: int) -> str:
    claim = report.claims[claim_index]
    label = claim.speaker or "an unnamed source"
    if claim.anonymous and "anonymous" not in label.lower():
        label += " (anonymous)"
    return label + (f" via {claim.via}" if claim.via else "")


def _figures_side_by_side(view: StoryView, story: Story) -> list[str]:
    """Every measure two or more of the story's articles count, one line each: 'outlet (source) value · …'."""
    lines = []
    for measure, figures in collect_story_figures(view.reports, story.articles, view.outlets).items():
        if len({figure.article for figure in figures}) < 2:
            continue
        items = [f"{f.outlet} ({f.source or 'no source'}) {f.label}" for f in figures]
        lines.append(f"  {measure}: {' · '.join(items)}")
    return lines


def _chart(view: StoryView, conflict: StoryConflict) -> str:
    bars = []
    for article, figure_index in conflict.figures:
        figure = view.reports[article].figures[figure_index]
        bars.append(
            Bar(
                label=who_gives_short(view, article, figure_index),
                value=float(figure.value),
                upper=None if figure.upper is None else float(figure.upper),
                text=view.reports[article].figure_label(figure),
                mark="newer" if (article, figure_index) in conflict.newer else "",
            )
        )
    return render_bars(conflict.measure, bars)


def who_gives_short(view: StoryView, article: int, figure_index: int) -> str:
    """A chart row's label: 'Outlet · source'."""
    report = view.reports[article]
    source = source_label(report, report.figures[figure_index]).split(" via ")[0]
    return f"{view.outlets[article]} · {source}" if source else view.outlets[article]
