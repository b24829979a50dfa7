"""The story view of a chat's stored story: the storage-facing half of `bot.stories.view`.

`bot.stories` compares reports and knows nothing of storage; here a chat's stored articles (with their
origins and the fingerprints kept in the story tables) become the reports, outlet names and panel it shows.
"""

from __future__ import annotations

from bot.report import Report
from bot.stories.figures import compare_figures
from bot.stories.metadata import sniff_outlet, sniff_published
from bot.stories.similarity import story_why
from bot.stories.view import StoryPanel, story_panel
from bot.views import article_title, shorten
from storage.articles import StoredArticle
from storage.stories import ChatStory

OUTLET_TITLE_CHARS = 60


def story_outlet(article: StoredArticle) -> str:
    """How people know a stored article in a story: its site, a wire dateline's outlet, the channel it was
    forwarded from, else its title."""
    report = article.report
    origin = article.meta.origin
    return (
        report.site
        or sniff_outlet(report.text)
        or (origin.name if origin is not None else None)
        or shorten(article_title(report), OUTLET_TITLE_CHARS)
    )


def story_reports(story: ChatStory) -> tuple[list[Report], list[str]]:
    """A story's reports, with a publication time filled in where the text or the forward tells one, and
    how each is named (`story_outlet`)."""
    reports = []
    for article in story.articles:
        report = article.report
        origin = article.meta.origin
        published = report.published or sniff_published(report.text) or (origin.date if origin else None)
        reports.append(
            report if published == report.published else report.model_copy(update={"published": published})
        )
    return reports, [story_outlet(article) for article in story.articles]


def chat_story_panel(story: ChatStory) -> StoryPanel:
    """The story view's content for a chat's story (articles numbered in the order they arrived)."""
    reports, outlets = story_reports(story)
    members = range(len(reports))
    conflicts = compare_figures(reports, members, outlets)
    return story_panel(reports, members, outlets, conflicts, story_why(story.fingerprints))
