"""The views of `bot.views` and `bot.stories.view` as Telegram HTML: the summary reply, /sources, /figures,
/claims, /history and /story.

Formatting only: what to show is decided once in the view modules (the terminal formats the same views).
Every piece of article or user text is escaped; each line opens and closes its own tags, and
`bot.telegram_html.split_message` is the one splitter. The summary is built to be one message for any
article: its sections are capped and end in a pointer to the full view ("…and 38 more figures: /figures").
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.report import Claim, Report
from bot.telegram_html import MESSAGE_LIMIT, escape, split_message, utf16_len
from bot.views import (
    UNNAMED,
    FigureEntry,
    FigureLine,
    FigureSource,
    SourceGroup,
    article_title,
    claim_text,
    differing_figures,
    figures_by_measure,
    group_sources,
    short_hedge,
    shorten,
    source_name,
)
from storage.articles import ArticleMeta, Origin

if TYPE_CHECKING:
    from bot.stories.view import StoryMeasure, StoryPanel

__all__ = [
    "MESSAGE_LIMIT",
    "UNNAMED",
    "article_title",
    "claim_pages",
    "claim_text",
    "conflict_line",
    "escape",
    "group_sources",
    "render_across_articles",
    "render_claims_page",
    "render_figures",
    "render_history",
    "render_sources",
    "render_story",
    "render_summary",
    "short_hedge",
    "shorten",
    "split_message",
    "utf16_len",
]

# Room a summary leaves for the "Across your articles" section added under it, which is fitted to this room.
ACROSS_ROOM = 1100
SUMMARY_LIMIT = MESSAGE_LIMIT - ACROSS_ROOM - len("\n\n")
SUMMARY_MAX_MEASURES = 4
SUMMARY_FIGURES_PER_MEASURE = 5
SUMMARY_MAX_SOURCES = 8
SUMMARY_CLAIMS_PER_SOURCE = 2
SUMMARY_CLAIM_CHARS = 160
SOURCE_NAME_CHARS = 48
TITLE_CHARS = 150
ORIGIN_CHARS = 64
LINK_TEXT_CHARS = 60
# A link longer than this is shown as its site, without the link (it would crowd the message out).
LINK_MAX_CHARS = 1000
CLAIM_PAGE_UNITS = 3600
# Room for a claims page's heading: 'All claims (1234) — page 12 of 99' and the blank line above it.
CLAIM_HEADING_ROOM = 80
CLAIM_MAX_CHARS = 900
HISTORY_TITLE_CHARS = 80


def _short(text: str, limit: int) -> str:
    return escape(shorten(text, limit))


def render_origin(origin: Origin) -> str:
    """'↪️ Forwarded from channel Name' with a t.me link when the origin is public."""
    kinds = {"channel": "channel ", "chat": "group ", "user": "", "hidden_user": ""}
    name = _short(origin.name, ORIGIN_CHARS)
    if origin.link:
        name = f'<a href="{escape(origin.link, quote=True)}">{name}</a>'
    hidden = " <i>(hidden account)</i>" if origin.kind == "hidden_user" else ""
    return f"↪️ Forwarded from {kinds[origin.kind]}{name}{hidden}"


def _title_line(report: Report) -> str:
    return f"📰 <b>{_short(article_title(report), TITLE_CHARS)}</b>"


def _header(report: Report, origin: Origin | None) -> list[str]:
    lines = [_title_line(report)]
    if origin is not None:
        lines.append(render_origin(origin))
    shown = _short(report.site or report.url or "", LINK_TEXT_CHARS)
    if report.url and len(report.url) <= LINK_MAX_CHARS:
        lines.append(f'🔗 <a href="{escape(report.url, quote=True)}">{shown}</a>')
    elif shown:
        lines.append(f"🔗 {shown}")
    return lines


def _source(source: FigureSource) -> str:
    name = _short(source.name, SOURCE_NAME_CHARS) if source.name else "the article itself"
    return f"{name} ({escape(', '.join(source.notes))})" if source.notes else name


def _entry(entry: FigureEntry) -> str:
    source = entry.source
    if source.name is not None and len(source.name) > SOURCE_NAME_CHARS:
        source = FigureSource(shorten(source.name, SOURCE_NAME_CHARS), source.notes)
    return f"<b>{escape(entry.value)}</b> ({escape(source.inline())})"


def _about(line: FigureLine) -> str:
    return f"<i>{escape(line.about or line.measure)}</i>"


def _revised_line(line: FigureLine, source: FigureSource) -> str:
    """'⚠️ rail operator revised the number of people wounded from 8 to 15', and any other source's figure."""
    values = [f"<b>{escape(entry.value)}</b>" for entry in line.revised]
    steps = f"from {values[0]} to {values[1]}" + "".join(f", then {value}" for value in values[2:])
    others = [_entry(entry) for entry in line.entries if entry.source != source]
    also = f"; also {' · '.join(others)}" if others else ""
    name = shorten(source.inline(), SOURCE_NAME_CHARS)
    name = escape(name[:1].upper() + name[1:])  # it opens the sentence
    return f"⚠️ {name} revised {_about(line)} {steps}{also}"


def _differing_line(line: FigureLine, limit: int = SUMMARY_FIGURES_PER_MEASURE) -> str:
    """One differing measure, saying in words what differs: 'Sources differ on the number of fighters killed:'
    and each source's value; or, for one source correcting itself, 'X revised ... from A to B'."""
    if line.revised_by is not None:
        return _revised_line(line, line.revised_by)
    shown = [_entry(entry) for entry in line.entries[:limit]]
    more = len(line.entries) - limit
    if more > 0:
        shown.append(f"+{more} more")
    return f"⚠️ Sources differ on {_about(line)}: " + " · ".join(shown)


def conflict_line(report: Report, measure: str) -> str:
    """The summary's line for one differing measure: '⚠️ Sources differ on the number killed: 1 (KH official)
    · 17 (medics (via …))'."""
    for line in differing_figures(report):
        if line.measure == measure:
            return _differing_line(line)
    return ""


def _source_details(group: SourceGroup) -> list[str]:
    details = [escape(role) for role in group.roles]
    details += [f"via {escape(via)}" for via in group.vias]
    if group.anonymous:
        details.append("🕶 anonymous")
    return details


def _source_block(report: Report, group: SourceGroup) -> list[str]:
    count = len(group.claims)
    head = f"• <b>{_short(group.name, SOURCE_NAME_CHARS)}</b>"
    details = _source_details(group)
    if details:
        head += " — " + ", ".join(details)
    if count > 1:
        head += f" · {count} claims"
    lines = [head]
    if group.hedges:
        lines.append(f"   ❔ <i>{_short('; '.join(group.hedges), SUMMARY_CLAIM_CHARS)}</i>")
    said = [shorten(claim_text(report, report.claims[index]), SUMMARY_CLAIM_CHARS) for index in group.claims]
    for text in list(dict.fromkeys(text for text in said if text))[:SUMMARY_CLAIMS_PER_SOURCE]:
        lines.append(f"   “{escape(text)}”")
    return lines


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def render_summary(report: Report, origin: Origin | None = None, *, limit: int = SUMMARY_LIMIT) -> str:
    """The reply to an article, one message: title and origin, the differing figures, who said what.

    Sections are cut to fit `limit` (who-said-what first, then the figures), each ending in a pointer to
    the view that lists everything."""
    header = _header(report, origin)
    differing = differing_figures(report)
    figure_count = sum(len(line.entries) for line in differing)
    groups = group_sources(report)
    blocks = [_source_block(report, group) for group in groups]
    tail = ["", "<i>The article was long: I read only its beginning.</i>"] if report.truncated else []

    def compose(measures: int, sources: int) -> str:
        lines = [*header, ""]
        if differing:
            shown = differing[:measures]
            lines += [_differing_line(line) for line in shown]
            hidden = figure_count - sum(min(len(line.entries), SUMMARY_FIGURES_PER_MEASURE) for line in shown)
            if hidden > 0:
                lines.append(f"…and {_plural(hidden, 'more figure')}: /figures")
            lines.append("")
        if not groups:
            lines.append("I found no attributed claims in this text: nobody in it is quoted or cited.")
        else:
            lines.append("<b>Who said what</b>")
            for block in blocks[:sources]:
                lines += block
            hidden_sources = len(groups) - min(sources, len(groups))
            if hidden_sources > 0:
                lines.append(f"…and {_plural(hidden_sources, 'more source')}: /sources")
        return "\n".join(lines + tail)

    measures = min(len(differing), SUMMARY_MAX_MEASURES)
    sources = min(len(groups), SUMMARY_MAX_SOURCES)
    html = compose(measures, sources)
    while utf16_len(html) > limit and (sources > 0 or measures > 1):
        if sources > 0:
            sources -= 1
        else:
            measures -= 1
        html = compose(measures, sources)
    return html


def render_sources(report: Report) -> str:
    """/sources: every source, named or anonymous, with role, via, number of claims and hedges."""
    groups = group_sources(report)
    lines = [_title_line(report), ""]
    if not groups:
        lines.append("No sources: nobody is quoted or cited in this article.")
        return "\n".join(lines)
    lines.append(f"<b>Sources</b> ({len(groups)})")
    for number, group in enumerate(groups, start=1):
        details = _source_details(group)
        count = len(group.claims)
        described = f" — {', '.join(details)}" if details else ""
        lines.append(f"{number}. <b>{_short(group.name, 120)}</b>{described} · {_plural(count, 'claim')}")
        if group.hedges:
            lines.append(f"   ❔ <i>{escape('; '.join(group.hedges))}</i>")
    return "\n".join(lines)


def render_figures(report: Report) -> str:
    """/figures: the figures by measure, differing measures first, each figure on its own line."""
    lines = [_title_line(report), ""]
    if not report.figures:
        lines.append("No figures: the article doesn't count anything I could find.")
        return "\n".join(lines)
    lines.append("<b>Figures</b>")
    for line in figures_by_measure(report):
        lines.append("")
        if line.revised_by is not None:
            lines.append(f"⚠️ <b>{escape(line.measure)}</b> — revised by its source")
        elif line.differing:
            lines.append(f"⚠️ <b>{escape(line.measure)}</b> — sources differ")
        else:
            lines.append(f"<b>{escape(line.measure or 'other numbers')}</b>")
        for entry in line.entries:
            # A figure about an earlier or separate event is shown, but never weighed against the others.
            note = " <i>(another, earlier event)</i>" if entry.background else ""
            lines.append(f"  • <b>{escape(entry.value)}</b> — {_source(entry.source)}{note}")
    return "\n".join(lines)


def _claim_entry(report: Report, number: int, claim: Claim, units: int) -> str:
    kind = {"direct": "quoted", "indirect": "reported", "mixed": "partly quoted"}[claim.kind]
    notes = [kind]
    if claim.via:
        notes.append(f"via {claim.via}")
    if claim.anonymous:
        notes.append("anonymous")
    notes += claim.hedges
    head = f"{number}. <b>{_short(source_name(claim), 120)}</b> <i>({_short(', '.join(notes), 300)})</i>"
    said = claim_text(report, claim)
    limit = CLAIM_MAX_CHARS
    while True:
        entry = f"{head}\n   “{_short(said, limit)}”"
        # Escaping and characters outside the BMP can make a text several times longer on the wire.
        if utf16_len(entry) <= units or limit <= 20:
            return entry
        limit //= 2


def claim_pages(report: Report, page_units: int | None = None) -> list[list[str]]:
    """Every claim entry, packed into pages of at most `page_units` UTF-16 units (by default, what a message
    leaves beside the page's title and heading)."""
    if page_units is None:
        page_units = min(CLAIM_PAGE_UNITS, MESSAGE_LIMIT - utf16_len(_title_line(report)) - CLAIM_HEADING_ROOM)
    pages: list[list[str]] = []
    size = page_units + 1
    for number, claim in enumerate(report.claims, start=1):
        entry = _claim_entry(report, number, claim, page_units)
        if size + utf16_len(entry) + 1 > page_units:
            pages.append([])
            size = 0
        pages[-1].append(entry)
        size += utf16_len(entry) + 1
    return pages


def render_claims_page(report: Report, page: int = 0) -> tuple[str, int, int]:
    """/claims: one page of every claim; returns (html, page shown, page count). A page is one message."""
    pages = claim_pages(report)
    lines = [_title_line(report), ""]
    if not pages:
        lines.append("No claims: nobody is quoted or cited as saying anything.")
        return "\n".join(lines), 0, 1
    page = max(0, min(page, len(pages) - 1))
    suffix = f" — page {page + 1} of {len(pages)}" if len(pages) > 1 else ""
    lines.append(f"<b>All claims</b> ({len(report.claims)}){suffix}")
    lines.extend(pages[page])
    return "\n".join(lines), page, len(pages)


def _age(created_at: float, now: float) -> str:
    seconds = max(0, int(now - created_at))
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds // size} {unit} ago"
    return "just now"


def render_history(articles: Sequence[ArticleMeta], now: float | None = None) -> str:
    """/history: the chat's recent articles, numbered like the buttons that reopen them."""
    if not articles:
        return "Nothing here yet. Forward me an article or send a link."
    now = time.time() if now is None else now
    lines = ["<b>Your recent articles</b>"]
    for number, meta in enumerate(articles, start=1):
        title = shorten(meta.title or meta.url or "Untitled", HISTORY_TITLE_CHARS)
        facts = [_plural(meta.claim_count, "claim")]
        if meta.conflict_count:
            facts.append(f"⚠️ {_plural(meta.conflict_count, 'differing figure')}")
        if meta.origin:
            facts.append(f"from {shorten(meta.origin.name, ORIGIN_CHARS)}")
        facts.append(_age(meta.created_at, now))
        lines.append(f"{number}. <b>{escape(title)}</b> — {escape(' · '.join(facts))}")
    return "\n".join(lines)


# --- Stories: the "Across your articles" section of a summary and the /story view -------------------------

ACROSS_MAX_CONFLICTS = 3
STORY_OUTLET_CHARS = 40
STORY_SOURCE_CHARS = 48


def _story_row(measure: StoryMeasure) -> list[str]:
    return [
        f"{_short(row.outlet, STORY_OUTLET_CHARS)}, citing {_short(row.source, STORY_SOURCE_CHARS)}: "
        f"<b>{escape(row.value)}</b>{' 🆕 <i>newer</i>' if row.newer else ''}"
        for row in measure.rows
    ]


def _remarks(measure: StoryMeasure) -> list[str]:
    return [f"   ↳ <i>{_short(remark, 300)}</i>" for remark in measure.remarks]


def render_across_articles(
    panel: StoryPanel, position: int | None, count: int, *, limit: int = ACROSS_ROOM
) -> str:
    """The short section under a summary whose article (number `position` of the story's `count`) joined a
    story: the figures that differ between this article and the story's others, with outlet and cited source;
    fitted to `limit`. Empty when the article isn't in the story."""
    if position is None or count < 2:
        return ""
    others = count - 1
    head = [
        f"🧩 <b>Across your articles</b> — same story as {_plural(others, 'other article')}",
        f"<i>{_short(', '.join(panel.why), 200)}</i>",
    ]
    mine = panel.involving(position)
    blocks = [
        [f"⚠️ Your articles differ on <i>{escape(measure.measure)}</i>: " + " · ".join(_story_row(measure)), *_remarks(measure)]
        for measure in mine[:ACROSS_MAX_CONFLICTS]
    ]
    shown = len(blocks)
    while True:
        lines = list(head)
        if not mine:
            lines.append("Their figures agree with this one.")
        for block in blocks[:shown]:
            lines += block
        if shown < len(mine):
            lines.append(f"…and {_plural(len(mine) - shown, 'more differing measure')}")
        lines.append("The whole story: /story")
        html = "\n".join(lines)
        if utf16_len(html) <= limit or shown == 0:
            return html
        shown -= 1


def render_story(panel: StoryPanel, count: int) -> tuple[str, str]:
    """/story: (the view, the chart). The view lists the outlets and who each cites, the differing figures
    first, then the figures that agree; the chart draws the differing values in one `<pre>` block no wider
    than a phone ('' when nothing differs), sent with the view or after it when both don't fit."""
    from bot.stories.chart import render_bars_narrow

    lines = [
        f"🧩 <b>Story: {count} articles</b>",
        f"Same story: <i>{_short(', '.join(panel.why), 300)}</i>",
        "",
        "<b>Outlets</b>",
    ]
    for row in panel.outlets:
        stamp = f" · {row.published:%Y-%m-%d %H:%M}" if row.published else ""
        title = _short(row.title, 90)
        lines.append(
            f"{row.number}. <b>{_short(row.outlet, STORY_OUTLET_CHARS)}</b>{escape(stamp)} — {title}"
        )
        lines.append(f"   cites: {_short(row.cites_text(), 400)}")
    lines.append("")
    if panel.conflicts:
        lines.append("<b>⚠️ Differing figures</b>")
        for measure in panel.conflicts:
            lines.append(f"<i>{escape(measure.measure)}</i>")
            lines += [f"  • {row}" for row in _story_row(measure)]
            lines += _remarks(measure)
    else:
        lines.append("No figures differ between these articles.")
    if panel.agreeing:
        lines += ["", "<b>Figures that agree</b>"]
        for measure in panel.agreeing:
            items = [
                f"{_short(row.outlet, STORY_OUTLET_CHARS)} ({_short(row.source, STORY_SOURCE_CHARS)}) "
                f"<b>{escape(row.value)}</b>"
                for row in measure.rows
            ]
            lines.append(f"<i>{escape(measure.measure)}</i>: " + " · ".join(items))
    charts = [render_bars_narrow(m.measure, m.bars).rstrip("\n") for m in panel.conflicts[:STORY_MAX_CHARTS]]
    chart = f"<pre>{escape(chr(10).join(c + chr(10) for c in charts).rstrip())}</pre>" if charts else ""
    return "\n".join(lines).rstrip("\n"), chart


STORY_MAX_CHARTS = 4
