"""Checks on raw text before it reaches the parser: empty, binary, not English, too long, and (once tokenized)
too dense in tokens to be prose. Lone surrogates are replaced rather than refused.

Each refusal is an `InputError` whose message can be shown to a person as it is.
"""

from __future__ import annotations

import re
import unicodedata

from bot.errors import InputError

# Frequent English function words: in English prose they make up a third or more of the words; in other
# languages written in Latin script almost none of them occur.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in that is was he she for it with as his her on be at by i this had not are but
    from or have an they which one you were all we their been has would there said will who when
    more if no out so what up its about into than them can only other new some could these two may
    first then do any like my now over such our after also did many before must through most where
    should those while because""".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NOT_PROSE = re.compile(r"https?://\S+|www\.\S+|[#@]\w+")
ENGLISH_CODE = "en"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Over 1.5 times the densest article seen; shorter texts are quick whatever they hold.
MAX_TOKENS_PER_CHAR = 0.4
_MIN_CHARS_FOR_DENSITY_CHECK = 500
_MIN_WORDS_FOR_LANGUAGE_CHECK = 12
_MIN_ENGLISH_SHARE = 0.12
_MIN_LATIN_SHARE = 0.6
# Unicode categories of characters that don't occur in text: controls, surrogates, private use, unassigned.
_NON_TEXT_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})
# Where a cut text may end, best first: a paragraph break, a line break, a sentence's end.
_CUT_BOUNDARIES = ("\n\n", "\n", ". ")


def prepare_text(text: str, *, max_chars: int) -> tuple[str, bool]:
    """Validate `text` and cut it to `max_chars`; returns (text to analyze, whether it was cut).

    Lone surrogates become U+FFFD (see `without_lone_surrogates`); otherwise the text is analysed as given.
    """
    if not isinstance(text, str):
        raise InputError("Expected text.")
    if not text.strip():
        raise InputError(
            "There's no text here. Send me a news article (paste or forward it) or a link to one."
        )
    _refuse_binary(text)
    text = without_lone_surrogates(text)
    truncated = len(text) > max_chars
    if truncated:
        text = _cut(text, max_chars)
    _refuse_non_english(text)
    return text, truncated


# A line break inside hard-wrapped prose: after a word or a comma, before a word that goes on in lower case or a
# number ("put Liberia's death toll at\n4,181", "the polling\npercentage"). Headlines, bylines and paragraphs end
# otherwise: after a full stop, or before a capital.
_HARD_WRAP = re.compile(r"(?<=[\w,;])\n(?=[a-z0-9])")


# A post's line: short, with a label's colon or a dash before its source ("17 dead — health ministry", "Total
# damage: €5bn+ — finance ministry"). A line break after one ends an item of a list, not a wrapped sentence.
POST_LINE_MAX = 80
_POST_LINE_MARK = re.compile(r" [—–-] |: ")


def unwrapped(text: str) -> str:
    """`text` with each line break inside hard-wrapped prose made a space, one character for one: the parser
    reads a sentence broken across lines as one, and offsets still index the text as sent."""

    def join(match: re.Match) -> str:
        # (each line is looked at once, at its own break: linear in the text)
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        post_line = len(line) <= POST_LINE_MAX and _POST_LINE_MARK.search(line) is not None
        return "\n" if post_line else " "

    return _HARD_WRAP.sub(join, text)


def without_lone_surrogates(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD.

    A lone surrogate (half of a UTF-16 pair, as a broken client or a JSON escape may send) can't be encoded as
    UTF-8, which the parser and the report's JSON need. The replacement is one character for one, so offsets
    still index the text as sent.
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def refuse_token_flood(tokens: int, chars: int) -> None:
    """Refuse a text far denser in tokens than prose: the parser's time grows with tokens, not characters.

    News prose runs at about 0.2 tokens a character (0.25 at most over the PolNeAR articles); text that is mostly
    single letters, marks or line breaks runs at up to 1, and would cost five times an article of its length.
    """
    if chars >= _MIN_CHARS_FOR_DENSITY_CHECK and tokens > chars * MAX_TOKENS_PER_CHAR:
        raise InputError(
            "This doesn't read like an article: it's mostly symbols, single letters or line breaks. "
            "Send the article's text or a link to it."
        )


def _refuse_binary(text: str) -> None:
    sample = text[:20_000]
    odd = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (unicodedata.category(ch) in _NON_TEXT_CATEGORIES and ch not in "\n\r\t\f\v")
    )
    if "\x00" in sample or odd > max(8, len(sample) // 50):
        raise InputError("This looks like binary data, not text. Send the article's text or a link to it.")


def _cut(text: str, max_chars: int) -> str:
    """The start of `text`, ending at a paragraph or sentence break when one is near the limit."""
    head = text[:max_chars]
    window = max_chars // 10
    for boundary in _CUT_BOUNDARIES:
        position = head.rfind(boundary, max_chars - window)
        if position > 0:
            return head[: position + len(boundary)].rstrip(" ")
    return head


def _refuse_non_english(text: str) -> None:
    # Links, hashtags and handles are in no language ("#DockMarch", "https://example.com/korvel-march").
    sample = _NOT_PROSE.sub(" ", text[:50_000])
    words = _WORD.findall(sample)
    if len(words) < _MIN_WORDS_FOR_LANGUAGE_CHECK:
        return
    latin = sum(1 for word in words if _is_latin(word))
    english = sum(1 for word in words if word.lower() in _ENGLISH_FUNCTION_WORDS)
    if latin / len(words) >= _MIN_LATIN_SHARE and english / len(words) >= _MIN_ENGLISH_SHARE:
        return
    from bot.language import detect_language, not_english_message

    # A channel post is English with few function words ("Police: 4,200 / Organisers: 15,000"): written in
    # Latin script, it is refused only when the language detector does not read it as English either.
    if latin / len(words) >= _MIN_LATIN_SHARE and detect_language(sample)[0] == ENGLISH_CODE:
        return
    raise InputError(not_english_message(text))


def _is_latin(word: str) -> bool:
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in word)
