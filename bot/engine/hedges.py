"""Hedges: the doubts an article attaches to a claim ("could not be independently confirmed", "reportedly")."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.engine.lexicon import HEDGE_WORDS, HEDGING_CUES

_UNVERIFIED = re.compile(
    r"\b(?:could not|couldn['’]t|cannot|can['’]t|can not|has not|have not|hasn['’]t|haven['’]t|had not|"
    r"was not|were not|wasn['’]t|weren['’]t|is not|are not|isn['’]t|aren['’]t)\s+(?:yet\s+|immediately\s+)?"
    r"(?:be(?:en)?\s+)?(?:immediately\s+|independently\s+|yet\s+)*(?:confirmed|verified|corroborated)"
    r"|\b(?:could not|couldn['’]t|was unable to|were unable to|cannot|can['’]t)\s+(?:immediately\s+|"
    r"independently\s+)*(?:confirm|verify|corroborate)"
    r"|\bnot (?:been )?(?:possible|able) to (?:independently )?(?:confirm|verify)",
    re.IGNORECASE,
)
_NO_EVIDENCE = re.compile(
    r"\bwithout (?:providing|offering|giving|citing|presenting)?\s*(?:any )?evidence", re.I
)
_WORD = re.compile(r"[A-Za-z]+")


def hedges_in(sentence: str, cue_lemma: str | None) -> list[str]:
    """Hedges said in the claim's own sentence, in reading order, each once."""
    return list(_hedges_in(sentence, cue_lemma))


@lru_cache(maxsize=256)
def _hedges_in(sentence: str, cue_lemma: str | None) -> tuple[str, ...]:
    # Cached: every claim of a sentence asks, and a claim-dense sentence has dozens.
    found: list[str] = []
    if cue_lemma in HEDGING_CUES:
        found.append(HEDGING_CUES[cue_lemma])
    for word in _WORD.findall(sentence):
        label = HEDGE_WORDS.get(word.lower())
        if label and label not in found:
            found.append(label)
    for match in (_UNVERIFIED.search(sentence), _NO_EVIDENCE.search(sentence)):
        if match:
            label = _normalise(match.group(0))
            if label not in found:
                found.append(label)
    return tuple(found)


def doubt_about_previous(sentence: str) -> str | None:
    """A sentence that casts doubt on what came before it ('That toll could not be independently confirmed.')."""
    match = _UNVERIFIED.search(sentence)
    if match is None:
        return None
    return _normalise(match.group(0))


def _normalise(phrase: str) -> str:
    phrase = " ".join(phrase.lower().replace("’", "'").split())
    return phrase.replace("couldn't", "could not").replace("can't", "cannot")
