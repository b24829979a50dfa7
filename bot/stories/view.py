"""The story view: its `whosaid.story/1` JSON, what a story view shows (`story_panel`, built once for the bot
and the terminal), and its terminal rendering."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

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
from bot.views import article_title, group_sources, printable

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
    figure per measure side by side and a chart of the differing values; then the articles in no story.
    Control characters from the articles are shown as symbols, never sent to the terminal."""
    blocks = []
    grouped: set[int] = set()
    for number, result in enumerate(view.stories, start=1):
        grouped.update(result.story.articles)
        panel = story_panel(
            view.reports, result.story.articles, view.outlets, result.conflicts, result.story.why
        )
        blocks.append(_render_story(panel, number))
    alone = [index for index in range(len(view.reports)) if index not in grouped]
    if alone:
        lines = ["Not in a story with another article:"]
        lines += [f"  [{index + 1}] {view.outlets[index]}" for index in alone]
        blocks.append("\n".join(lines) + "\n")
    if not view.stories:
        blocks.insert(0, "No two of these articles report the same event.\n")
    return printable("\n".join(blocks))


def _render_story(panel: StoryPanel, number: int) -> str:
    lines = [f"Story {number}: {len(panel.outlets)} articles", f"Same story: {', '.join(panel.why)}", ""]
    lines.append("Outlets:")
    for row in panel.outlets:
        stamp = f" ({row.published:%Y-%m-%d %H:%M})" if row.published else ""
        lines.append(f"  [{row.number}] {row.outlet}{stamp} — cites: {row.cites_text()}")
    lines.append("")
    if panel.conflicts:
        lines.append("Conflicts:")
        for conflict in panel.conflicts:
            lines.append(f"  {conflict.measure}")
            lines += [f"    {row.outlet}, citing {row.source}: {row.value}{' (newer)' if row.newer else ''}"
                      for row in conflict.rows]  # fmt: skip
            lines += [f"    {remark}" for remark in conflict.remarks]
    else:
        lines.append("No figures differ between these articles.")
    if panel.side_by_side:
        lines += ["", "Figures:"]
        for line in panel.side_by_side:
            items = [f"{row.outlet} ({row.source}) {row.value}" for row in line.rows]
            lines.append(f"  {line.measure}: {' · '.join(items)}")
    charts = [render_bars(conflict.measure, conflict.bars).rstrip("\n") for conflict in panel.conflicts]
    if charts:
        lines += ["", *charts]
    return "\n".join(lines) + "\n"


# --- The story as people see it, built once for the bot and the terminal -----------------------------------

STORY_MAX_CITED = 5


@dataclass(frozen=True)
class OutletRow:
    """One article of a story: its number in the view, outlet, publication time, title and who it cites."""

    number: int
    outlet: str
    published: datetime | None
    title: str
    cites: tuple[str, ...]

    def cites_text(self, limit: int = STORY_MAX_CITED) -> str:
        """'A; B via Reuters; and 3 more', or a line saying nobody is cited."""
        if not self.cites:
            return "no attributed sources found"
        more = len(self.cites) - limit
        return "; ".join(self.cites[:limit]) + (f"; and {more} more" if more > 0 else "")


@dataclass(frozen=True)
class StoryFigureRow:
    """One outlet's figure for a measure: who gives it and whether it is the newer one."""

    article: int
    outlet: str
    source: str
    value: str
    newer: bool = False


@dataclass(frozen=True)
class StoryMeasure:
    """A measure across the story: its figures, what else the comparison says, and the chart's bars."""

    measure: str
    rows: tuple[StoryFigureRow, ...]
    remarks: tuple[str, ...] = ()
    bars: tuple[Bar, ...] = ()


@dataclass(frozen=True)
class StoryPanel:
    """Everything a story view shows: why, the outlets, differing measures first, then those that agree."""

    why: tuple[str, ...]
    outlets: tuple[OutletRow, ...]
    conflicts: tuple[StoryMeasure, ...]
    side_by_side: tuple[StoryMeasure, ...]

    @property
    def agreeing(self) -> tuple[StoryMeasure, ...]:
        """The measures two or more articles count that don't differ."""
        differing = {conflict.measure for conflict in self.conflicts}
        return tuple(measure for measure in self.side_by_side if measure.measure not in differing)

    def involving(self, article: int) -> tuple[StoryMeasure, ...]:
        """The differing measures in which `article` gives a figure."""
        return tuple(c for c in self.conflicts if any(row.article == article for row in c.rows))


def cited_sources(report: Report) -> tuple[str, ...]:
    """Who an article cites, as the bot's and the terminal's source lists name them."""
    names = []
    for group in group_sources(report):
        label = group.name
        if group.anonymous and "anonymous" not in label.lower():
            label += " (anonymous)"
        if group.vias:
            label += " via " + ", ".join(group.vias)
        names.append(label)
    return tuple(names)


def story_panel(
    reports: Sequence[Report],
    members: Sequence[int],
    outlets: Sequence[str],
    conflicts: Sequence[StoryConflict],
    why: Sequence[str],
) -> StoryPanel:
    """The story view's content for the `members` of `reports` (numbered by their index + 1)."""
    rows = tuple(
        OutletRow(
            number=index + 1,
            outlet=outlets[index],
            published=parse_published(reports[index].published),
            title=article_title(reports[index]),
            cites=cited_sources(reports[index]),
        )
        for index in members
    )
    measures = []
    for conflict in conflicts:
        figure_rows = []
        bars = []
        for article, figure_index in conflict.figures:
            report = reports[article]
            figure = report.figures[figure_index]
            source = source_label(report, figure) or "no source"
            newer = (article, figure_index) in conflict.newer
            figure_rows.append(
                StoryFigureRow(article, outlets[article], source, report.figure_label(figure), newer)
            )
            bars.append(
                Bar(
                    label=who_gives_short(outlets[article], report, figure_index),
                    value=float(figure.value),
                    upper=None if figure.upper is None else float(figure.upper),
                    text=report.figure_label(figure),
                    mark="newer" if newer else "",
                )
            )
        measures.append(
            StoryMeasure(
                measure=conflict.measure,
                rows=tuple(figure_rows),
                remarks=tuple(conflict.lines[len(conflict.figures) :]),
                bars=tuple(bars),
            )
        )
    side_by_side = []
    for measure, figures in collect_story_figures(reports, members, outlets).items():
        if len({figure.article for figure in figures}) < 2:
            continue
        side_by_side.append(
            StoryMeasure(
                measure=measure,
                rows=tuple(
                    StoryFigureRow(f.article, f.outlet, f.source or "no source", f.label) for f in figures
                ),
            )
        )
    return StoryPanel(
        why=tuple(why), outlets=rows, conflicts=tuple(measures), side_by_side=tuple(side_by_side)
    )


def who_gives_short(outlet: str, report: Report, figure_index: int) -> str:
    """A chart row's label: 'Outlet · source'."""
    source = source_label(report, report.figures[figure_index]).split(" via ")[0]
    return f"{outlet} · {source}" if source else outlet


# --- A chat's story (the bot): its stored articles, named and dated as people know them ------------------
