"""What `whosaid eval` prints (a table or JSON) and the error-analysis file it can write."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.evaluation.predict import Predictions
from bot.evaluation.scoring import CharSpan, DocumentScore, Totals, character_jaccard, claim_content
from bot.report import Report

if TYPE_CHECKING:
    from bot.evaluation.polnear import PolnearDocument, PolnearSplit


def summary(
    *,
    directory: str,
    split: PolnearSplit,
    documents: Sequence[PolnearDocument],
    texts: int,
    totals: Totals,
    predictions: Predictions,
    misaligned: int,
    model: str,
    flagged: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """The figures of one evaluation run, ready for JSON; `flagged` as `flagged_conflicts` gives it."""
    content_p, content_r, content_f1 = totals.content
    e2e_p, e2e_r, e2e_f1 = totals.end_to_end
    annotators = Counter(document.name for document in documents)
    characters = sum(len(document.text) for document in {d.name: d for d in documents}.values())
    return {
        "corpus": "polnear",
        "directory": directory,
        "model": model,
        "documents": totals.documents,
        "texts": texts,
        "texts_with_several_annotators": sum(1 for count in annotators.values() if count > 1),
        "documents_note": "each (text, annotation file) pair is one gold document",
        "gold": totals.gold,
        "gold_left_out_without_content": sum(document.without_content for document in documents),
        "predicted": totals.predicted,
        "content": {
            "matched": totals.content_tp,
            "precision": content_p,
            "recall": content_r,
            "f1": content_f1,
        },
        "speaker": {
            "right": totals.end_to_end_tp,
            "of_matched": totals.content_tp,
            "accuracy": totals.speaker_accuracy,
        },
        "end_to_end": {"matched": totals.end_to_end_tp, "precision": e2e_p, "recall": e2e_r, "f1": e2e_f1},
        # Political news has few differing figures: every conflict flagged here is worth a look.
        "conflicts": {
            "texts_flagged": len(flagged),
            "texts": texts,
            "conflicts": sum(len(text["conflicts"]) for text in flagged),
            "flagged": list(flagged),
        },
        "texts_refused": len(predictions.input_errors),
        "engine_failures": len(predictions.engine_errors),
        "reports_with_other_text": misaligned,
        "texts_without_annotations": len(split.texts_without_annotations),
        "annotations_without_text": len(split.annotations_without_text),
        "characters": characters,
        "seconds": round(predictions.seconds, 3),
        "chars_per_second": round(characters / predictions.seconds) if predictions.seconds else None,
    }


def print_json(figures: dict[str, Any]) -> None:
    """One JSON object on one line."""
    print(json.dumps(figures, ensure_ascii=False))


def print_table(figures: dict[str, Any]) -> None:
    """The figures as a short table for a terminal."""
    content, speaker, e2e = figures["content"], figures["speaker"], figures["end_to_end"]
    several = figures["texts_with_several_annotators"]
    rows = [
        (
            "documents",
            f"{figures['documents']}  ({_count(figures['texts'], 'text')}; {several} with several "
            "annotators — each text–annotator pair is scored as one document)",
        ),
        (
            "gold",
            f"{figures['gold']}  ({figures['gold_left_out_without_content']} events without content skipped)",
        ),
        ("predicted", str(figures["predicted"])),
        (
            "content",
            f"P {content['precision']:.3f}  R {content['recall']:.3f}  F1 {content['f1']:.3f}  "
            f"({content['matched']} matched, Jaccard >= 0.5, one-to-one)",
        ),
        (
            "speaker accuracy",
            f"{speaker['accuracy']:.3f}  ({speaker['right']} of {speaker['of_matched']} matched)",
        ),
        (
            "end-to-end",
            f"P {e2e['precision']:.3f}  R {e2e['recall']:.3f}  F1 {e2e['f1']:.3f}  "
            f"({e2e['matched']} with content and speaker right)",
        ),
        (
            "conflicts flagged",
            f"{figures['conflicts']['texts_flagged']} of {_count(figures['texts'], 'text')}  "
            f"({_count(figures['conflicts']['conflicts'], 'conflict')})",
        ),
        ("refused texts", f"{figures['texts_refused']}  (input errors, counted as predicting nothing)"),
        (
            "time",
            f"{figures['seconds']:.1f} s  ({figures['characters']:,} characters, "
            f"{figures['chars_per_second'] or 0:,} chars/s)",
        ),
    ]
    if figures["engine_failures"]:
        rows.append(
            ("ENGINE FAILURES", f"{figures['engine_failures']} texts (counted as predicting nothing)")
        )
    if figures["reports_with_other_text"]:
        rows.append(
            ("MISALIGNED", f"{figures['reports_with_other_text']} reports whose text differs from the input")
        )
    if figures.get("errors_file"):
        rows.append(("errors written to", figures["errors_file"]))
    print(f"PolNeAR  {figures['directory']}  (model {figures['model']})")
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")


class ErrorLog:
    """Missed gold attributions, false positives and wrong speakers, for error analysis (JSON lines)."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []

    def add(self, document: PolnearDocument, report: Report | None, score: DocumentScore) -> None:
        """Record what went wrong in one document."""
        text = document.text
        gold = document.attributions
        claims = report.claims if report is not None else []
        base = {"document": document.label}
        if report is None:
            self.records.append({"kind": "no_report", **base})
        for index in score.missed:
            attribution = gold[index]
            nearest = _nearest(attribution.content, [claim_content(claim) for claim in claims])
            self.records.append(
                {
                    "kind": "missed",
                    **base,
                    "event": attribution.label,
                    "content": _quote(text, attribution.content),
                    "cue": _quote(text, attribution.cue),
                    "source": _quote(text, attribution.source),
                    "content_spans": [list(span) for span in attribution.content],
                    "nearest_prediction": None
                    if nearest is None
                    else {
                        "jaccard": round(nearest[1], 3),
                        "content": _quote(text, claim_content(claims[nearest[0]])),
                    },
                }
            )
        for index in score.false_positives:
            claim = claims[index]
            content = claim_content(claim)
            nearest = _nearest(content, [attribution.content for attribution in gold])
            self.records.append(
                {
                    "kind": "false_positive",
                    **base,
                    "claim": index,
                    "content": _quote(text, content),
                    "speaker": claim.speaker,
                    "speaker_mention": _quote(text, _spans(claim.speaker_mention)),
                    "cue": _quote(text, _spans(claim.cue)),
                    "claim_kind": claim.kind,
                    "content_spans": [list(span) for span in content],
                    "nearest_gold": None
                    if nearest is None
                    else {
                        "jaccard": round(nearest[1], 3),
                        "content": _quote(text, gold[nearest[0]].content),
                    },
                }
            )
        for match in score.matches:
            if match.speaker_right:
                continue
            attribution, claim = gold[match.gold], claims[match.predicted]
            self.records.append(
                {
                    "kind": "wrong_speaker",
                    **base,
                    "event": attribution.label,
                    "content": _quote(text, attribution.content),
                    "gold_source": _quote(text, attribution.source),
                    "predicted_speaker": claim.speaker,
                    "predicted_mention": _quote(text, _spans(claim.speaker_mention)),
                    "jaccard": round(match.jaccard, 3),
                }
            )

    def add_flagged(self, flagged: Sequence[dict[str, Any]]) -> None:
        """Record the conflicts flagged in each text (as `flagged_conflicts` gives them)."""
        for text in flagged:
            for conflict in text["conflicts"]:
                self.records.append({"kind": "conflict", "text": text["text"], **conflict})

    def write(self, path: str) -> None:
        """Write the records, one JSON object per line."""
        with Path(path).open("w", encoding="utf-8") as handle:
            for record in self.records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def flagged_conflicts(reports: dict[str, Report | None]) -> list[dict[str, Any]]:
    """The texts whose report flags a conflict, with each conflict's note and, when the report has them, the
    `rules` labels of the patterns that fired, on the conflict and on each of its figures:
    [{"text", "conflicts": [{"note", "rules", "figure_rules"}]}]."""
    flagged = []
    for name, report in reports.items():
        if report is None or not report.conflicts:
            continue
        conflicts = []
        for conflict in report.conflicts:
            figures = [report.figures[i] for i in conflict.figures if 0 <= i < len(report.figures)]
            conflicts.append(
                {
                    "note": conflict.note,
                    "rules": _rules(conflict),
                    "figure_rules": [_rules(figure) for figure in figures],
                }
            )
        flagged.append({"text": name, "conflicts": conflicts})
    return flagged


def _rules(item: object) -> list[str]:
    """The `rules` labels a report figure or conflict carries; none for a report without the field."""
    rules = getattr(item, "rules", None)
    return [rule for rule in rules if isinstance(rule, str)] if isinstance(rules, list | tuple) else []


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _spans(span: Any) -> list[CharSpan]:
    return [] if span is None else [(span.start, span.end)]


def _quote(text: str, spans: Sequence[CharSpan]) -> str | None:
    """The text of the spans, joined with ' … ' where they are apart; None when there are none."""
    if not spans:
        return None
    return " … ".join(text[start:end] for start, end in sorted(spans))


def _nearest(spans: Sequence[CharSpan], others: Sequence[Sequence[CharSpan]]) -> tuple[int, float] | None:
    """The index and Jaccard of the most overlapping of `others`, if any overlaps at all."""
    best = max(
        ((index, character_jaccard(spans, other)) for index, other in enumerate(others)),
        key=lambda item: item[1],
        default=None,
    )
    return best if best is not None and best[1] > 0 else None
