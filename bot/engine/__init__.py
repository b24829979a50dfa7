"""The analysis engine: article text in, `Report` out.

Pure code: no Telegram, no network, no files (the spaCy model is loaded once per process). Everything the bot,
the CLI and the benchmarks show comes from `analyze` / `analyze_many`.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.article import Article
from bot.engine.analyzer import analyze_doc
from bot.engine.context import resolve_day
from bot.engine.doccache import remember_text
from bot.engine.inputcheck import prepare_text, refuse_token_flood, unwrapped, without_lone_surrogates
from bot.engine.pipeline import get_pipeline
from bot.report import Report
from bot.settings import DEFAULT_SPACY_MODEL

__all__ = ["analyze", "analyze_article", "analyze_many", "get_pipeline"]


def analyze(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    site: str | None = None,
    published: str | None = None,
    model: str = DEFAULT_SPACY_MODEL,
    max_chars: int = 200_000,
) -> Report:
    """Who said what in `text`, and which figures differ.

    Raises `bot.errors.InputError` (with a message for a person) for text that can't be analyzed: empty,
    binary, not English.
    """
    article = Article(text=text, title=title, url=url, site=site, published=published)
    return analyze_many([article], model=model, max_chars=max_chars)[0]


def analyze_article(
    article: Article, *, model: str = DEFAULT_SPACY_MODEL, max_chars: int = 200_000
) -> Report:
    """`analyze` for an `Article`, carrying its metadata into the report."""
    return analyze_many([article], model=model, max_chars=max_chars)[0]


def analyze_many(
    articles: Iterable[Article],
    *,
    model: str = DEFAULT_SPACY_MODEL,
    max_chars: int = 200_000,
    batch_size: int = 8,
) -> list[Report]:
    """Analyze several articles with one batched pass of the pipeline (`nlp.pipe`).

    Input errors are raised before any parsing, for the first bad article. Texts are tokenized first, so that
    one too dense with tokens to be prose is refused before the parser spends time on it.
    """
    nlp = get_pipeline(model)
    prepared = [(article, *prepare_text(article.text, max_chars=max_chars)) for article in articles]
    tokenized = [nlp.make_doc(unwrapped(text)) for _, text, _ in prepared]
    for doc, (_, text, _) in zip(tokenized, prepared, strict=True):
        remember_text(doc, text)  # the text as sent, line breaks and all
    for doc, (_, text, _) in zip(tokenized, prepared, strict=True):
        refuse_token_flood(len(doc), len(text))
    docs = nlp.pipe(tokenized, batch_size=batch_size)
    reports = []
    for (article, _text, truncated), doc in zip(prepared, docs, strict=True):
        report = analyze_doc(doc)
        report.title, report.url, report.site, report.published = (
            _clean(article.title),
            _clean(article.url),
            _clean(article.site),
            _clean(article.published),
        )
        report.truncated = truncated
        resolve_day(report.event, report.dateline, article.published)
        reports.append(report)
    return reports


def _clean(field: str | None) -> str | None:
    return None if field is None else without_lone_surrogates(field)
