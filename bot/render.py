"""Reports as Telegram HTML: the summary reply and the /sources, /figures, /claims and /history views.

Every piece of article or user text goes through `html.escape`. Each rendered line opens and closes its own
tags, so a message can be split on any line boundary; `split_message` keeps each part under Telegram's 4096
characters and, for a single line longer than that, closes and reopens tags around the cut.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape as _html_escape
from typing import TYPE_CHECKING

from bot.report import Claim, Conflict, Figure, Report, format_figure
from storage.articles import ArticleMeta, Origin, StoredArticle

if TYPE_CHECKING:
    from bot.stories import StoryConflict
    from storage.stories import ChatStory


def escape(text: str, quote: bool = False) -> str:
    """HTML-escape for Telegram: `<`, `>` and `&` always, quotes only inside attributes (quote=True)."""
    return _html_escape(text, quote=quote)


MESSAGE_LIMIT = 4096
SUMMARY_MAX_SOURCES = 8
SUMMARY_CLAIMS_PER_SOURCE = 2
SUMMARY_CLAIM_CHARS = 160
CLAIM_PAGE_CHARS = 3200
CLAIM_MAX_CHARS = 900
UNNAMED = "unnamed source"


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def shorten(text: str, limit: int) -> str:
    """`text` with spacing collapsed, cut at a word boundary to at most `limit` characters (plus '…')."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.—-") + "…"


@dataclass
class SourceGroup:
    """Every claim one source made, with what the article says about that source."""

    name: str
    roles: list[str] = field(default_factory=list)
    vias: list[str] = field(default_factory=list)
    anonymous: bool = False
    hedges: list[str] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)


def _add_unique(items: list[str], value: str | None) -> None:
    if value and value.casefold() not in {item.casefold() for item in items}:
        items.append(value)


def source_name(claim: Claim) -> str:
    """How a claim's source is called: its name, else its description, else 'unnamed source'."""
    return (claim.speaker or claim.role or UNNAMED).strip() or UNNAMED


def group_sources(report: Report) -> list[SourceGroup]:
    """Claims grouped by source, most-cited first (ties keep the order sources first appear in)."""
    groups: dict[str, SourceGroup] = {}
    for index, claim in enumerate(report.claims):
        name = source_name(claim)
        group = groups.setdefault(name.casefold(), SourceGroup(name=name))
        group.claims.append(index)
        if claim.speaker and claim.role:
            _add_unique(group.roles, claim.role)
        _add_unique(group.vias, claim.via)
        group.anonymous = group.anonymous or claim.anonymous
        for hedge in claim.hedges:
            _add_unique(group.hedges, hedge)
    ordered = _merge_surnames(list(groups.values()))
    ordered.sort(key=lambda group: -len(group.claims))  # stable: first appearance breaks ties
    return ordered


def _merge_surnames(groups: list[SourceGroup]) -> list[SourceGroup]:
    """Fold a one-word source ('Marchetti') into the one full name ending with it ('Elise Marchetti')."""
    merged: list[SourceGroup] = []
    for group in groups:
        words = group.name.split()
        fuller = [
            other
            for other in groups
            if len(words) == 1
            and other is not group
            and len(other.name.split()) > 1
            and other.name.split()[-1].casefold() == group.name.casefold()
        ]
        if len(fuller) == 1 and group.name[:1].isupper():
            target = fuller[0]
            target.claims = sorted(target.claims + group.claims)
            for role in group.roles:
                _add_unique(target.roles, role)
            for via in group.vias:
                _add_unique(target.vias, via)
            for hedge in group.hedges:
                _add_unique(target.hedges, hedge)
            target.anonymous = target.anonymous or group.anonymous
        else:
            merged.append(group)
    return merged


def claim_text(report: Report, claim: Claim) -> str:
    """What a claim says, its spans joined."""
    return " … ".join(" ".join(report.quote(span).split()) for span in claim.content)


def article_title(report: Report) -> str:
    """The report's title, else the text's first line when it reads like a headline, else its first words."""
    if report.title and report.title.strip():
        return " ".join(report.title.split())
    for line in report.text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= 150 else shorten(line, 90)
    return "Untitled"


def render_origin(origin: Origin) -> str:
    """'↪️ Forwarded from channel Name' with a t.me link when the origin is public."""
    kinds = {"channel": "channel ", "chat": "group ", "user": "", "hidden_user": ""}
    name = escape(origin.name)
    if origin.link:
        name = f'<a href="{escape(origin.link, quote=True)}">{name}</a>'
    hidden = " <i>(hidden account)</i>" if origin.kind == "hidden_user" else ""
    return f"↪️ Forwarded from {kinds[origin.kind]}{name}{hidden}"


def _header(report: Report, origin: Origin | None) -> list[str]:
    lines = [f"📰 <b>{escape(article_title(report))}</b>"]
    if origin is not None:
        lines.append(render_origin(origin))
    if report.url:
        lines.append(f'🔗 <a href="{escape(report.url, quote=True)}">{escape(report.site or report.url)}</a>')
    elif report.site:
        lines.append(f"🔗 {escape(report.site)}")
    return lines


def _source_details(group: SourceGroup) -> list[str]:
    details = [escape(role) for role in group.roles]
    details += [f"via {escape(via)}" for via in group.vias]
    if group.anonymous:
        details.append("🕶 anonymous")
    return details


_NOT_CHECKED = re.compile(r"\b(?:not|unable|n't|cannot)\b.*\b(confirm|verif|corroborat)", re.IGNORECASE)


def short_hedge(hedge: str) -> str:
    """A hedge in a word where one says it: 'could not be independently confirmed' -> 'unconfirmed'."""
    match = _NOT_CHECKED.search(hedge)
    if match is None:
        return hedge
    stem = match.group(1).lower()
    return {"confirm": "unconfirmed", "verif": "unverified", "corroborat": "uncorroborated"}[stem]


def figure_source(report: Report, figure: Figure) -> str:
    """Who gives a figure, escaped: 'medical source (via Reuters, unconfirmed)', or 'the article itself'."""
    if figure.claim is None or not 0 <= figure.claim < len(report.claims):
        return "the article itself"
    claim = report.claims[figure.claim]
    notes = [f"via {claim.via}"] if claim.via else []
    for hedge in claim.hedges:
        _add_unique(notes, short_hedge(hedge))
    label = escape(source_name(claim))
    if notes:
        label += f" ({escape(', '.join(notes))})"
    return label


def _conflict_figures(report: Report, conflict: Conflict) -> list[Figure]:
    figures = [report.figures[index] for index in conflict.figures if 0 <= index < len(report.figures)]
    return sorted(figures, key=lambda figure: figure.value)


def conflict_line(report: Report, conflict: Conflict) -> str:
    """One line per conflict: 'killed: 1 — Iraqi militia official · 17 — medical source (via Reuters)'."""
    parts = [
        f"<b>{escape(report.figure_label(figure))}</b> — {figure_source(report, figure)}"
        for figure in _conflict_figures(report, conflict)
    ]
    return f"<i>{escape(conflict.measure)}</i>: " + " · ".join(parts)


def render_summary(report: Report, origin: Origin | None = None) -> str:
    """The reply to an article: title, origin, who said what, differing figures."""
    lines = _header(report, origin)
    groups = group_sources(report)
    lines.append("")
    if not groups:
        lines.append("I found no attributed claims in this text: nobody in it is quoted or cited.")
    else:
        lines.append("<b>Who said what</b>")
        for group in groups[:SUMMARY_MAX_SOURCES]:
            details = _source_details(group)
            count = len(group.claims)
            head = f"• <b>{escape(group.name)}</b>"
            if details:
                head += " — " + ", ".join(details)
            if count > 1:
                head += f" · {count} claims"
            lines.append(head)
            if group.hedges:
                lines.append(f"   ❔ <i>{escape('; '.join(group.hedges))}</i>")
            for index in group.claims[:SUMMARY_CLAIMS_PER_SOURCE]:
                said = shorten(claim_text(report, report.claims[index]), SUMMARY_CLAIM_CHARS)
                if said:
                    lines.append(f"   “{escape(said)}”")
        hidden = len(groups) - SUMMARY_MAX_SOURCES
        if hidden > 0:
            lines.append(f"…and {hidden} more source{'s' if hidden > 1 else ''}: /sources")
    if report.conflicts:
        lines.append("")
        lines.append("<b>⚠️ Differing figures</b>")
        lines.extend(conflict_line(report, conflict) for conflict in report.conflicts)
    if report.truncated:
        lines.append("")
        lines.append("<i>The article was long: I read only its beginning.</i>")
    return "\n".join(lines)


def render_sources(report: Report) -> str:
    """/sources: every source, named or anonymous, with role, via, number of claims and hedges."""
    groups = group_sources(report)
    lines = [f"📰 <b>{escape(article_title(report))}</b>", ""]
    if not groups:
        lines.append("No sources: nobody is quoted or cited in this article.")
        return "\n".join(lines)
    lines.append(f"<b>Sources</b> ({len(groups)})")
    for number, group in enumerate(groups, start=1):
        details = _source_details(group)
        count = len(group.claims)
        described = f" — {', '.join(details)}" if details else ""
        lines.append(f"{number}. <b>{escape(group.name)}</b>{described} · {count} claim{'s' if count > 1 else ''}")
        if group.hedges:
            lines.append(f"   ❔ <i>{escape('; '.join(group.hedges))}</i>")
    return "\n".join(lines)


def render_figures(report: Report) -> str:
    """/figures: the figures by measure, conflicting measures first."""
    lines = [f"📰 <b>{escape(article_title(report))}</b>", ""]
    if not report.figures:
        lines.append("No figures: the article doesn't count anything I could find.")
        return "\n".join(lines)
    lines.append("<b>Figures</b>")
    by_measure: dict[str, list[Figure]] = {}
    for figure in report.figures:
        by_measure.setdefault(figure.measure or "", []).append(figure)
    conflicts = {conflict.measure: conflict for conflict in report.conflicts}
    order = [measure for measure in by_measure if measure in conflicts]
    order += [measure for measure in by_measure if measure not in conflicts and measure]
    order += [""] if "" in by_measure else []
    for measure in order:
        lines.append("")
        figures = by_measure[measure]
        if measure in conflicts:
            # The differing values first, smallest to largest; then the measure's other figures.
            differing = _conflict_figures(report, conflicts[measure])
            figures = differing + [figure for figure in figures if all(figure is not d for d in differing)]
            lines.append(f"⚠️ <b>{escape(measure)}</b> — sources differ")
        else:
            lines.append(f"<b>{escape(measure or 'other numbers')}</b>")
        for figure in figures:
            label = escape(report.figure_label(figure))
            # A figure about an earlier or separate event is shown, but never weighed against the others.
            note = " <i>(another, earlier event)</i>" if figure.background else ""
            lines.append(f"  • <b>{label}</b> — {figure_source(report, figure)}{note}")
    return "\n".join(lines)


def _claim_entry(report: Report, number: int, claim: Claim) -> str:
    kind = {"direct": "quoted", "indirect": "reported", "mixed": "partly quoted"}[claim.kind]
    notes = [kind]
    if claim.via:
        notes.append(f"via {claim.via}")
    if claim.anonymous:
        notes.append("anonymous")
    notes += claim.hedges
    said = shorten(claim_text(report, claim), CLAIM_MAX_CHARS)
    head = f"{number}. <b>{escape(source_name(claim))}</b> <i>({escape(', '.join(notes))})</i>"
    return f"{head}\n   “{escape(said)}”"


def claim_pages(report: Report, page_chars: int = CLAIM_PAGE_CHARS) -> list[list[str]]:
    """Every claim entry, packed into pages of at most `page_chars` characters."""
    pages: list[list[str]] = []
    size = page_chars + 1
    for number, claim in enumerate(report.claims, start=1):
        entry = _claim_entry(report, number, claim)
        if size + len(entry) > page_chars:
            pages.append([])
            size = 0
        pages[-1].append(entry)
        size += len(entry) + 1
    return pages


def render_claims_page(report: Report, page: int = 0) -> tuple[str, int, int]:
    """/claims: one page of every claim; returns (html, page shown, page count)."""
    pages = claim_pages(report)
    lines = [f"📰 <b>{escape(article_title(report))}</b>", ""]
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
        title = shorten(meta.title or meta.url or "Untitled", 80)
        facts = [f"{meta.claim_count} claim{'s' if meta.claim_count != 1 else ''}"]
        if meta.conflict_count:
            facts.append(f"⚠️ {meta.conflict_count} differing figure{'s' if meta.conflict_count != 1 else ''}")
        if meta.origin:
            facts.append(f"from {meta.origin.name}")
        facts.append(_age(meta.created_at, now))
        lines.append(f"{number}. <b>{escape(title)}</b> — {escape(' · '.join(facts))}")
    return "\n".join(lines)


_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|[^<&]+|[<&]")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][\w-]*)")


def _split_long_line(line: str, limit: int) -> list[str]:
    """Cut one over-long line into pieces, closing open tags at each cut and reopening them after it."""
    pieces: list[str] = []
    stack: list[tuple[str, str]] = []  # (tag name, opening tag as written)
    current = ""

    def closing() -> str:
        return "".join(f"</{name}>" for name, _ in reversed(stack))

    def flush() -> None:
        nonlocal current
        pieces.append(current + closing())
        current = "".join(opening for _, opening in stack)

    def room() -> int:
        return limit - utf16_len(current) - utf16_len(closing())

    for token in _TOKEN.findall(line):
        is_tag = token.startswith("<") and len(token) > 1
        is_entity = token.startswith("&") and len(token) > 1
        if is_tag or is_entity:
            # Tags and entities are never cut: move them whole to the next piece when they don't fit.
            if current and utf16_len(token) + (16 if is_tag else 0) > room():
                flush()
            current += token
            if is_tag:
                match = _TAG_NAME.match(token)
                name = match.group(1).lower() if match else ""
                if token.startswith("</"):
                    if stack and stack[-1][0] == name:
                        stack.pop()
                elif not token.endswith("/>"):
                    stack.append((name, token))
            continue
        text = token
        while text:
            space = room()
            if utf16_len(text) <= space:
                current += text
                break
            cut = max(1, min(len(text), space))
            while cut > 1 and utf16_len(text[:cut]) > space:
                cut -= 1
            blank = text.rfind(" ", 0, cut)
            if blank > cut // 2:
                cut = blank + 1
            current += text[:cut]
            text = text[cut:]
            flush()
    if current:
        pieces.append(current + closing())
    return pieces


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split HTML into parts of at most `limit` UTF-16 units on line boundaries, never inside a tag."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        for piece in [line] if utf16_len(line) <= limit else _split_long_line(line, limit):
            extra = utf16_len(piece) + (1 if current else 0)
            if current and size + extra > limit:
                chunks.append("\n".join(current))
                current, size, extra = [], 0, utf16_len(piece)
            current.append(piece)
            size += extra
    if current:
        chunks.append("\n".join(current))
    return [chunk.strip("\n") for chunk in chunks if chunk.strip()]


# --- Stories: the "Across your articles" section of a summary and the /story view -------------------------

STORY_CHART_WIDTH = 12
STORY_CHART_LABEL = 22
ACROSS_MAX_CONFLICTS = 3
STORY_MAX_CHARTS = 4
STORY_MAX_CITED = 5


def story_outlet(article: StoredArticle) -> str:
    """How people know a stored article in a story: its site, a wire dateline's outlet, the channel it was
    forwarded from, else its title."""
    from bot.stories.metadata import sniff_outlet

    report = article.report
    origin = article.meta.origin
    return (
        report.site
        or sniff_outlet(report.text)
        or (origin.name if origin is not None else None)
        or shorten(article_title(report), 60)
    )


def story_reports(story: ChatStory) -> tuple[list[Report], list[str]]:
    """A story's reports, with a publication time filled in where the text or the forward tells one, and
    how each is named (`story_outlet`)."""
    from bot.stories.metadata import sniff_published

    reports = []
    for article in story.articles:
        report = article.report
        origin = article.meta.origin
        published = report.published or sniff_published(report.text) or (origin.date if origin else None)
        reports.append(
            report if published == report.published else report.model_copy(update={"published": published})
        )
    return reports, [story_outlet(article) for article in story.articles]


def _story_conflicts(story: ChatStory) -> tuple[list[Report], list[str], list[StoryConflict]]:
    from bot.stories.figures import compare_figures

    reports, outlets = story_reports(story)
    return reports, outlets, compare_figures(reports, range(len(reports)), outlets)


def _story_figure_line(
    reports: Sequence[Report], outlets: Sequence[str], conflict: StoryConflict, pair: tuple[int, int]
) -> str:
    from bot.stories.figures import source_label

    article, index = pair
    figure = reports[article].figures[index]
    source = source_label(reports[article], figure) or "no source"
    newer = " 🆕 <i>newer</i>" if pair in conflict.newer else ""
    return (
        f"{escape(outlets[article])}, citing {escape(source)}: <b>{escape(format_figure(figure))}</b>{newer}"
    )


def _story_remarks(conflict: StoryConflict) -> list[str]:
    """What a conflict's note says beyond the figures: same source, different numbers; which is newer."""
    return [f"   ↳ <i>{escape(line)}</i>" for line in conflict.lines[len(conflict.figures) :]]


def _why(story: ChatStory) -> str:
    from bot.stories import story_why

    return ", ".join(story_why(story.fingerprints))


def render_across_articles(story: ChatStory, article_id: str) -> str:
    """The short section under a summary whose article joined a story: the figures that differ between this
    article and the story's others, with outlet and cited source. Empty when the article isn't in `story`."""
    position = story.index_of(article_id)
    if position is None or len(story.articles) < 2:
        return ""
    reports, outlets, conflicts = _story_conflicts(story)
    others = len(story.articles) - 1
    lines = [
        f"🧩 <b>Across your articles</b> — same story as {others} other article{'s' if others > 1 else ''}",
        f"<i>{escape(_why(story))}</i>",
    ]
    mine = [conflict for conflict in conflicts if conflict.involves(position)]
    if not mine:
        lines.append("Their figures agree with this one.")
    for conflict in mine[:ACROSS_MAX_CONFLICTS]:
        parts = [_story_figure_line(reports, outlets, conflict, pair) for pair in conflict.figures]
        lines.append(f"⚠️ <i>{escape(conflict.measure)}</i>: " + " · ".join(parts))
        lines.extend(_story_remarks(conflict))
    lines.append("The whole story: /story")
    return "\n".join(lines)


def _cited(report: Report) -> str:
    names: list[str] = []
    for claim in report.claims:
        label = source_name(claim) + (f" via {claim.via}" if claim.via else "")
        if claim.anonymous and "anonymous" not in label.lower():
            label += " (anonymous)"
        _add_unique(names, label)
    if not names:
        return "no attributed sources found"
    more = len(names) - STORY_MAX_CITED
    return "; ".join(names[:STORY_MAX_CITED]) + (f"; and {more} more" if more > 0 else "")


def render_story(story: ChatStory) -> tuple[str, str]:
    """/story: (the view, the chart). The view lists the outlets and who each cites, the differing figures
    first, then every measure's figures side by side; the chart draws the differing values as monospace bars
    in one `<pre>` block ('' when nothing differs), sent with the view or after it when both don't fit."""
    from bot.stories.chart import Bar, render_bars
    from bot.stories.figures import collect_story_figures, parse_published, source_label

    reports, outlets, conflicts = _story_conflicts(story)
    lines = [
        f"🧩 <b>Story: {len(story.articles)} articles</b>",
        f"Same story: <i>{escape(_why(story))}</i>",
        "",
    ]
    lines.append("<b>Outlets</b>")
    for number, (article, report) in enumerate(zip(story.articles, reports, strict=True), start=1):
        when = parse_published(report.published)
        stamp = f" · {when:%Y-%m-%d %H:%M}" if when else ""
        title = shorten(article_title(article.report), 90)
        lines.append(f"{number}. <b>{escape(outlets[number - 1])}</b>{escape(stamp)} — {escape(title)}")
        lines.append(f"   cites: {escape(_cited(report))}")
    lines.append("")
    if conflicts:
        lines.append("<b>⚠️ Differing figures</b>")
        for conflict in conflicts:
            lines.append(f"<i>{escape(conflict.measure)}</i>")
            lines.extend(
                f"  • {_story_figure_line(reports, outlets, conflict, pair)}" for pair in conflict.figures
            )
            lines.extend(_story_remarks(conflict))
    else:
        lines.append("No figures differ between these articles.")
    differing = {conflict.measure for conflict in conflicts}
    side_by_side = []
    for measure, figures in collect_story_figures(reports, range(len(reports)), outlets).items():
        if measure in differing or len({figure.article for figure in figures}) < 2:
            continue
        items = [
            f"{escape(f.outlet)} ({escape(f.source or 'no source')}) <b>{escape(f.label)}</b>"
            for f in figures
        ]
        side_by_side.append(f"<i>{escape(measure)}</i>: " + " · ".join(items))
    if side_by_side:
        lines += ["", "<b>Figures that agree</b>", *side_by_side]
    charts = []
    for conflict in conflicts[:STORY_MAX_CHARTS]:
        bars = []
        for article, index in conflict.figures:
            figure = reports[article].figures[index]
            source = source_label(reports[article], figure).split(" via ")[0]
            bars.append(
                Bar(
                    label=f"{outlets[article]} · {source}" if source else outlets[article],
                    value=float(figure.value),
                    upper=None if figure.upper is None else float(figure.upper),
                    text=format_figure(figure),
                    mark="newer" if (article, index) in conflict.newer else "",
                )
            )
        charts.append(
            render_bars(
                conflict.measure, bars, width=STORY_CHART_WIDTH, label_width=STORY_CHART_LABEL
            ).rstrip("\n")
        )
    chart = f"<pre>{escape(chr(10).join(charts))}</pre>" if charts else ""
    return "\n".join(lines).rstrip("\n"), chart
