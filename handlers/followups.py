"""Commands about articles already analyzed: /sources, /figures, /claims, /history, /forget, /help, /start."""

from __future__ import annotations

from telegram import BotCommand, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.render import escape, render_claims_page, render_figures, render_history, render_sources
from bot.runtime import services, work_of
from handlers.common import NOTHING_YET, ONLY_ADMINS, is_chat_admin, reply_html, target_article
from handlers.keyboards import claims_keyboard, forget_keyboard, history_keyboard
from handlers.replies import send_article_view, send_html

HISTORY_LENGTH = 10

HELP = (
    "<b>WhoSaid</b> tells you who said what in a news article, and which figures differ between sources.\n"
    "\n"
    "Send me an article: forward it, paste its text, send a link (up to {links} per message), or a .txt or "
    ".html file. I reply with everyone quoted or cited, grouped by source (anonymous sources and hedges "
    "marked), and the numbers the sources disagree on first.\n"
    "An article in several messages (forwarded posts, an album) is read as one: send its parts one after "
    "another.\n"
    "\n"
    "/sources — every source: named or anonymous, role, outlet, claims\n"
    "/figures — the figures by measure, differing ones first\n"
    "/claims — every claim, page by page\n"
    "/story — the article's story: what other outlets you sent say, figures side by side\n"
    "/history — your recent articles\n"
    "/forget — delete everything I stored for this chat\n"
    "/help — this message\n"
    "\n"
    "Send a command as a reply to one of my summaries to ask about that article; otherwise I use the latest "
    "one."
)

COMMANDS = [
    BotCommand("sources", "Every source in the article"),
    BotCommand("figures", "Figures by measure, differing ones first"),
    BotCommand("claims", "Every claim, page by page"),
    BotCommand("story", "Other outlets on the same event, figures compared"),
    BotCommand("history", "Your recent articles"),
    BotCommand("forget", "Delete everything stored for this chat"),
    BotCommand("help", "What I do and how to use me"),
]


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start and /help: what the bot does and how to use it."""
    if update.effective_chat is None:
        return
    text = HELP.format(links=services(context).settings.max_links_per_message)
    await reply_html(update, context, text)


async def _show(update: Update, context: ContextTypes.DEFAULT_TYPE, view: str) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    article = await target_article(update, context)
    if article is None:
        await reply_html(update, context, NOTHING_YET)
        return
    keyboard = None
    if view == "sources":
        html = render_sources(article.report)
    elif view == "figures":
        html = render_figures(article.report)
    else:
        html, page, pages = render_claims_page(article.report, 0)
        keyboard = claims_keyboard(article.id, page, pages)
    await send_article_view(
        context.bot,
        services(context).store,
        chat.id,
        article.id,
        html,
        reply_to=update.effective_message,
        keyboard=keyboard,
        journal=work_of(context, update),
    )


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sources: every source of the article."""
    await _show(update, context, "sources")


async def figures(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/figures: the article's figures by measure, conflicts first."""
    await _show(update, context, "figures")


async def claims(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/claims: every claim, paged with buttons."""
    await _show(update, context, "claims")


async def history(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/history: the chat's recent articles, each with a button to reopen it."""
    chat = update.effective_chat
    if chat is None:
        return
    articles = await services(context).store.history(chat.id, HISTORY_LENGTH)
    await reply_html(update, context, render_history(articles), keyboard=history_keyboard(articles))


async def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/forget: ask for confirmation before deleting everything stored for this chat."""
    chat = update.effective_chat
    if chat is None:
        return
    user = update.effective_user
    if user is None:
        return
    if chat.type != ChatType.PRIVATE and not await is_chat_admin(context, chat.id, user.id):
        await reply_html(update, context, ONLY_ADMINS)
        return
    count = await services(context).store.count(chat.id)
    text = (
        f"Delete everything I stored for this chat ({count} article{'s' if count != 1 else ''} and their "
        "reports)? This can't be undone."
    )
    await reply_html(update, context, text, keyboard=forget_keyboard(user.id))


UNKNOWN_COMMAND = "I don't know {command}. Send /help to see what I can do."


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot doesn't have: a one-line pointer to /help (in a group, only if it is ours)."""
    chat = update.effective_chat
    message = update.effective_message
    if chat is None or message is None or not message.text:
        return
    command, _, addressee = message.text.split()[0].partition("@")
    if addressee and addressee.lower() != (context.bot.username or "").lower():
        return  # another bot's command
    if chat.type != ChatType.PRIVATE and not addressee:
        return  # in a group, a bare /command may be for any bot
    await send_html(
        context.bot,
        chat.id,
        UNKNOWN_COMMAND.format(command=escape(command[:40])),
        reply_to=message,
        journal=work_of(context, update),
    )
