"""Placeholder: the analysis steps over one parsed document."""

from __future__ import annotations

from spacy.tokens import Doc

from bot.report import Report


def analyze_doc(doc: Doc) -> Report:
    return Report(text=doc.text)
