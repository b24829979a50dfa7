"""Terms: the normalised things a story fingerprint is made of, and how names are normalised to match."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

TermKind = Literal["name", "broad", "event", "measure", "date", "focus", "kind", "day"]

NAME_PREFIX, EVENT_PREFIX, MEASURE_PREFIX, DATE_PREFIX = "n:", "e:", "m:", "d:"
# What the article's own event is: the names its headline gives ("f:"), the kind of event its headline and
# first sentence name ("k:") and the day it happened or was reported ("t:"). They decide, they don't score.
FOCUS_PREFIX, KIND_PREFIX, DAY_PREFIX = "f:", "k:", "t:"


@dataclass(frozen=True)
class Term:
    """One thing an article mentions that helps tell which event it reports.

    `key` is the normalised lookup key (prefixed by kind: "n:", "e:", "m:", "d:", "f:", "k:", "t:"); `entity` is the key of the
    thing it names, shared by aliases ("John Kirby", "Kirby"; "Kata'ib Hezbollah", "KH"); `display` is how a
    person reads it; `count` how often the article mentions it; `lead` whether it is named in the headline or
    the first paragraph, where an article says what happened, where and to whom.
    """

    key: str
    kind: TermKind
    display: str
    entity: str
    count: int = 1
    lead: bool = False


def normalise_key(name: str) -> str:
    """A name's matching form: case-folded, no accents or apostrophes, hyphens as spaces, no leading 'the'.

    "Kata’ib Hezbollah" and "Kataib Hezbollah" match; so do "al-Tanf" and "Al Tanf".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = re.sub(r"['’‘`]", "", text)
    text = re.sub(r"\s*[\"“”]", "", text)
    text = re.sub(r"(?<=\w)\.(?=\w)|\.$", "", text)  # U.S. -> us
    text = re.sub(r"[-–—/]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.removeprefix("the ")
