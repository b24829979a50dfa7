"""Scoring predicted claims against gold attributions, independently of any corpus format.

A predicted claim's content (the union of its content spans) matches a gold attribution's content when their
character Jaccard is at least 0.5. Matching is one-to-one, greedy by highest Jaccard. Among equally good
candidates a pair whose speaker is also right goes first: when one gold content carries two attributions
(two sources said the same thing), a prediction should be paired with the one naming its speaker.

The speaker of a matched pair is right when the predicted `speaker_mention` overlaps the annotated source
span(s), or when both are absent. End-to-end: a pair matched on content with the speaker right.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.report import Claim

CharSpan = tuple[int, int]

# Content matches at Jaccard >= 1/2, checked in integers (2 * overlap >= union) so the edge is exact.
_JACCARD_NUMERATOR = 1
_JACCARD_DENOMINATOR = 2


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: what was said (content), who (source), how (cue); spans as (start, end)."""

    content: tuple[CharSpan, ...]
    source: tuple[CharSpan, ...] = ()
    cue: tuple[CharSpan, ...] = ()
    label: str = ""


@dataclass(frozen=True)
class Match:
    """A predicted claim paired with a gold attribution."""

    gold: int
    predicted: int
    jaccard: float
    speaker_right: bool


@dataclass
class DocumentScore:
    """The pairing of one document's predictions with its gold attributions."""

    gold_count: int
    predicted_count: int
    matches: list[Match] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    false_positives: list[int] = field(default_factory=list)

    @property
    def speaker_right(self) -> int:
        """Matched pairs whose speaker is also right (end-to-end true positives)."""
        return sum(1 for match in self.matches if match.speaker_right)


@dataclass
class Totals:
    """Counts summed over documents, and the figures derived from them."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    content_tp: int = 0
    end_to_end_tp: int = 0

    def add(self, score: DocumentScore) -> None:
        """Count one document."""
        self.documents += 1
        self.gold += score.gold_count
        self.predicted += score.predicted_count
        self.content_tp += len(score.matches)
        self.end_to_end_tp += score.speaker_right

    @property
    def content(self) -> tuple[float, float, float]:
        """Content (precision, recall, F1)."""
        return precision_recall_f1(self.content_tp, self.predicted, self.gold)

    @property
    def speaker_accuracy(self) -> float:
        """Share of content-matched pairs whose speaker is right."""
        return self.end_to_end_tp / self.content_tp if self.content_tp else 0.0

    @property
    def end_to_end(self) -> tuple[float, float, float]:
        """End-to-end (precision, recall, F1): content matched and speaker right."""
        return precision_recall_f1(self.end_to_end_tp, self.predicted, self.gold)


def precision_recall_f1(true_positives: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """P = tp / predicted, R = tp / gold, F1 their harmonic mean; 0.0 where undefined."""
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def merge_spans(spans: Iterable[CharSpan]) -> list[CharSpan]:
    """Sorted, non-overlapping spans covering the same characters; empty spans dropped."""
    merged: list[CharSpan] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def overlap_length(first: Sequence[CharSpan], second: Sequence[CharSpan]) -> int:
    """Characters shared by two lists of merged spans."""
    total = 0
    i = j = 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        total += max(0, end - start)
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return total


def jaccard_parts(first: Iterable[CharSpan], second: Iterable[CharSpan]) -> tuple[int, int]:
    """(shared characters, characters in either) for two sets of spans."""
    a, b = merge_spans(first), merge_spans(second)
    shared = overlap_length(a, b)
    either = sum(end - start for start, end in a) + sum(end - start for start, end in b) - shared
    return shared, either


def character_jaccard(first: Iterable[CharSpan], second: Iterable[CharSpan]) -> float:
    """|A ∩ B| / |A ∪ B| over the character positions the spans cover; 0.0 when both are empty."""
    shared, either = jaccard_parts(first, second)
    return shared / either if either else 0.0


def content_matches(first: Iterable[CharSpan], second: Iterable[CharSpan]) -> bool:
    """Whether two contents match: character Jaccard >= 0.5 (checked exactly, in integers)."""
    shared, either = jaccard_parts(first, second)
    return either > 0 and shared * _JACCARD_DENOMINATOR >= either * _JACCARD_NUMERATOR


def claim_content(claim: Claim) -> list[CharSpan]:
    """A predicted claim's content as (start, end) spans."""
    return [(span.start, span.end) for span in claim.content]


def speaker_right(gold: GoldAttribution, claim: Claim) -> bool:
    """The predicted speaker mention overlaps the annotated source; or neither is there."""
    mention = claim.speaker_mention
    if not gold.source or mention is None:
        return not gold.source and mention is None
    return overlap_length(merge_spans(gold.source), merge_spans([(mention.start, mention.end)])) > 0


def score_document(gold: Sequence[GoldAttribution], claims: Sequence[Claim]) -> DocumentScore:
    """Pair one document's predicted claims with its gold attributions, one-to-one."""
    candidates = []
    for gold_index, attribution in enumerate(gold):
        for claim_index, claim in enumerate(claims):
            content = claim_content(claim)
            if content_matches(content, attribution.content):
                right = speaker_right(attribution, claim)
                jaccard = character_jaccard(content, attribution.content)
                candidates.append((jaccard, right, gold_index, claim_index))
    # Best Jaccard first; ties go to a right speaker, then to document order, so the result is deterministic.
    candidates.sort(key=lambda item: (-item[0], not item[1], item[2], item[3]))
    score = DocumentScore(gold_count=len(gold), predicted_count=len(claims))
    used_gold: set[int] = set()
    used_claims: set[int] = set()
    for jaccard, right, gold_index, claim_index in candidates:
        if gold_index in used_gold or claim_index in used_claims:
            continue
        used_gold.add(gold_index)
        used_claims.add(claim_index)
        score.matches.append(Match(gold_index, claim_index, jaccard, right))
    score.matches.sort(key=lambda match: match.gold)
    score.missed = [index for index in range(len(gold)) if index not in used_gold]
    score.false_positives = [index for index in range(len(claims)) if index not in used_claims]
    return score
