"""Per-document caches for spaCy properties that are rebuilt on every access.

`Doc.text` and `Doc.ents` are computed from the tokens each time they are read; the engine reads them once per
claim and figure, which made long articles quadratic. These helpers build them once and keep them in
`doc.user_data`.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

_TEXT = "whosaid_text"


def doc_text(doc: Doc) -> str:
    """The text as sent (`doc.text` unless `remember_text` kept it), built once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Keep `text`, of `doc.text`'s length, as the text the analysis quotes: the parser read a copy with hard
    line wraps made spaces (`inputcheck.unwrapped`)."""
    doc.user_data[_TEXT] = text


def doc_entities(doc: Doc) -> list[Span]:
    """`doc.ents`, built once (in document order)."""
    entities = doc.user_data.get("whosaid_ents")
    if entities is None:
        entities = doc.user_data["whosaid_ents"] = list(doc.ents)
        doc.user_data["whosaid_ent_starts"] = [entity.start for entity in entities]
    return entities


def entity_at(token: Token) -> Span | None:
    """The named entity a token is part of, if any."""
    if not token.ent_type_:
        return None
    entities = doc_entities(token.doc)
    position = bisect.bisect_right(token.doc.user_data["whosaid_ent_starts"], token.i) - 1
    if position >= 0 and entities[position].start <= token.i < entities[position].end:
        return entities[position]
    return None


def entities_within(span: Span) -> list[Span]:
    """The entities lying inside `span`, like `span.ents` but without rebuilding the document's list."""
    entities = doc_entities(span.doc)
    starts = span.doc.user_data["whosaid_ent_starts"]
    first = bisect.bisect_left(starts, span.start)
    found = []
    for entity in entities[first:]:
        if entity.start >= span.end:
            break
        if entity.end <= span.end:
            found.append(entity)
    return found


def sentence_of(token: Token) -> Span:
    """`token.sent`, found by bisecting the sentence starts (built once): `Token.sent` walks back token by token
    to its sentence start, which a claim- or figure-dense sentence of 250 tokens pays for every figure."""
    doc = token.doc
    sentences = doc.user_data.get("whosaid_sents")
    if sentences is None:
        sentences = doc.user_data["whosaid_sents"] = list(doc.sents)
        doc.user_data["whosaid_sent_starts"] = [sentence.start for sentence in sentences]
    return sentences[bisect.bisect_right(doc.user_data["whosaid_sent_starts"], token.i) - 1]


def sentence_text(sentence: Span) -> str:
    """A sentence's text, cut from the document's text (built once) rather than joined from its tokens."""
    return doc_text(sentence.doc)[sentence.start_char : sentence.end_char]
