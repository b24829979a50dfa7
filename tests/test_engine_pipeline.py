"""The engine's own pipeline components on hand-built docs: a failure here is the component's, not the model's."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from bot.engine.pipeline import lower_common_lemmas, mark_paragraph_starts

_VOCAB = spacy.blank("en").vocab


def _doc(words, heads, deps, pos, lemmas) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_common_words_lemma_is_read_in_lower_case_and_a_names_keeps_its_capitals() -> None:
    # "Police figures put the toll at 131 ." as lemmatized: "Police" kept its capital
    doc = _doc(
        "Police figures put the toll at 131 .".split(),
        [1, 2, 2, 4, 2, 2, 5, 2],
        "compound nsubj ROOT det dobj prep pobj punct".split(),
        "NOUN NOUN VERB DET NOUN ADP NUM PUNCT".split(),
        "Police figure put the toll at 131 .".split(),
    )
    lower_common_lemmas(doc)
    assert doc[0].lemma_ == "police"
    named = _doc(["Kessa", "said"], [1, 1], ["nsubj", "ROOT"], ["PROPN", "VERB"], ["Kessa", "say"])
    lower_common_lemmas(named)
    assert named[0].lemma_ == "Kessa"


def test_a_comma_or_a_closing_bracket_never_opens_a_sentence() -> None:
    doc = Doc(_VOCAB, words="DRAVEC , Nov 12 ( Reuters ) - The governor said".split())
    mark_paragraph_starts(doc)
    assert [doc[i].is_sent_start for i in (1, 6)] == [False, False]
