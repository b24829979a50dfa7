"""Keeping tokenizing and parsing linear on hostile text, without changing a character of it.

Two things make spaCy slow on text no article contains:
- its tokenizer strips a whitespace-free chunk's prefixes and suffixes one at a time, searching the rest of the
  chunk after each strip, so thousands of glued quotation marks, emoji or brackets cost time in the square of
  their number (19,000 of them ran past 30 seconds);
- the parser's cost is per token, and such a run is one token per character, five times as many as prose.

`BoundedTokenizer` wraps the pipeline's own tokenizer and leaves every ordinary text to it. It cuts only
- a run of `MARK_RUN_MIN` or more marks (no letter, digit or white space) into tokens of up to
  `MARK_RUN_PIECE` characters, and
- a whitespace-free chunk of `LONG_CHUNK` or more characters into pieces of `LONG_CHUNK`, each tokenized on its
  own; a piece that would still be denser than `MAX_PIECE_TOKENS_PER_CHAR` becomes one token.

Every token's text is the input's own, so the Doc's text, and every offset into it, is exactly the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex
from spacy.vocab import Vocab

MARK_RUN_MIN = 6  # prose glues at most a few marks together: '."', '?!”)', '…”'
MARK_RUN_PIECE = 64
LONG_CHUNK = 200  # longer than any word; long links are the only ordinary chunks near this
MAX_PIECE_TOKENS_PER_CHAR = 0.25

_MARK_RUN = re.compile(rf"[^\w\s]{{{MARK_RUN_MIN},}}")
# Where our own cutting is needed: a long whitespace-free chunk (matched from its start only, so the search
# stays linear) or a run of marks.
_HOSTILE = re.compile(rf"(?<!\S)\S{{{LONG_CHUNK},}}|[^\w\s]{{{MARK_RUN_MIN},}}")


# Number forms of financial and statistical news the stock rules glue to their number: a signed change ("revised
# from +239,000 to +201,000"), a post's sign for "about" ("police ~2,000"), a dollar marked by its country
# ("NZ$663 million", "HK$5.2 billion": the stock rules split only a few, such as "US$" and "A$"), rupees ("Rs3,603
# crore") and a range of sums with the sign repeated ("$10.75-$11.25 per share").
NUMBER_PREFIXES = (r"\+(?=\d)", r"[~≈](?=\d)", r"[A-Z]{1,3}\$(?=\d)", r"Rs\.?(?=\d)")
NUMBER_INFIXES = (r"(?<=\d)-(?=\$\d)", r"(?<=\d-)\$(?=\d)")


def with_number_affixes(nlp: Language) -> None:
    """Split the number forms of `NUMBER_PREFIXES` and `NUMBER_INFIXES` off in the pipeline's own tokenizer
    (before it is wrapped)."""
    nlp.tokenizer.prefix_search = compile_prefix_regex([*NUMBER_PREFIXES, *nlp.Defaults.prefixes]).search
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *NUMBER_INFIXES]).finditer


# Emoticons the stock exceptions keep whole that news writes as a bracket closing before a colon or opening after
# one: "Opposition monitors (Free Vote Belmir): turnout 41%", "Police (official count): 4,000".
BRACKET_COLON_EMOTICONS = ("):", "(:")


def without_bracket_emoticons(nlp: Language) -> None:
    """Drop `BRACKET_COLON_EMOTICONS` from the pipeline's own tokenizer's exceptions (before it is wrapped)."""
    nlp.tokenizer.rules = {
        text: tokens for text, tokens in nlp.tokenizer.rules.items() if text not in BRACKET_COLON_EMOTICONS
    }


class BoundedTokenizer:
    """A tokenizer that gives the wrapped one only text it handles in linear time (see the module doc)."""

    def __init__(self, inner: Callable[[str], Doc], vocab: Vocab) -> None:
        self.inner = inner
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        if _HOSTILE.search(text) is None:
            return self.inner(text)
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for match in _HOSTILE.finditer(text):
            self._add_tokenized(text[position : match.start()], words, spaces)
            self._add_cut(match.group(), words, spaces)
            position = match.end()
        self._add_tokenized(text[position:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add_tokenized(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        # One space after a cut run belongs to its last token, as the tokenizer itself would have it.
        if words and not spaces[-1] and segment[:1] == " " and segment[1:2] not in ("", " "):
            spaces[-1] = True
            segment = segment[1:]
        if not segment:
            return
        for token in self.inner(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def _add_cut(self, chunk: str, words: list[str], spaces: list[bool]) -> None:
        position = 0
        for run in _MARK_RUN.finditer(chunk):
            self._add_pieces(chunk[position : run.start()], words, spaces)
            for start in range(run.start(), run.end(), MARK_RUN_PIECE):
                words.append(chunk[start : min(start + MARK_RUN_PIECE, run.end())])
                spaces.append(False)
            position = run.end()
        self._add_pieces(chunk[position:], words, spaces)

    def _add_pieces(self, part: str, words: list[str], spaces: list[bool]) -> None:
        """A whitespace-free stretch, tokenized `LONG_CHUNK` characters at a time."""
        for start in range(0, len(part), LONG_CHUNK):
            piece = part[start : start + LONG_CHUNK]
            tokens = self.inner(piece)
            if len(tokens) > max(1.0, len(piece) * MAX_PIECE_TOKENS_PER_CHAR):
                words.append(piece)
                spaces.append(False)
                continue
            for token in tokens:
                words.append(token.text)
                spaces.append(False)
