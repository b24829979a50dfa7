"""PolNeAR (brat standoff) and `whosaid eval polnear DIR`.

A split folder holds `text/NAME.txt` and `attributions/NAME_XXXX.ann`, where `XXXX` names the annotator. Some
texts were annotated by several people: each (text, annotation file) pair is one gold document, so such a text
is scored once per annotator (the output says how many texts and how many documents there are).

In an `.ann` file, `T` lines are spans (`T3<TAB>Content 315 448;463 553<TAB>text`, discontinuous parts
separated by `;`) and `E` lines link them into attributions (`E1<TAB>Attribution:T4 Content:T3 Cue:T2
Source:T1`). Roles may be missing (`Attribution-no-source` has no Source) or repeated with a number
(`Content2`), and one span may serve several events. Other lines (notes, `Discard`/`Discuss` spans, wrapped
span text) are not attributions.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import InputError
from bot.evaluation.predict import predict
from bot.evaluation.presentation import ErrorLog, flagged_conflicts, print_json, print_table, summary
from bot.evaluation.scoring import CharSpan, GoldAttribution, Totals, score_document
from bot.settings import Settings

_SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_EVENT_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ROLE_NUMBER = re.compile(r"\d+$")


@dataclass(frozen=True)
class PolnearDocument:
    """One text with one annotator's attributions."""

    name: str
    annotator: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    without_content: int = 0

    @property
    def label(self) -> str:
        """The annotation file's name without `.ann`."""
        return f"{self.name}_{self.annotator}"


@dataclass
class PolnearSplit:
    """A split folder read into documents, with what was left out and why."""

    documents: list[PolnearDocument] = field(default_factory=list)
    texts_without_annotations: list[str] = field(default_factory=list)
    annotations_without_text: list[str] = field(default_factory=list)


def parse_spans(field_text: str) -> tuple[CharSpan, ...]:
    """'315 448;463 553' -> ((315, 448), (463, 553))."""
    spans = []
    for part in field_text.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def parse_annotations(ann: str) -> tuple[list[GoldAttribution], int]:
    """The attributions an `.ann` file holds, in event order, and how many events had no content.

    An event without any content can't be matched by content, so it is left out of the gold (and counted).
    """
    spans: dict[str, tuple[str, tuple[CharSpan, ...]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        if match := _SPAN_LINE.match(line):
            identifier, kind, positions = match.groups()
            spans[identifier] = (kind, parse_spans(positions))
        elif match := _EVENT_LINE.match(line):
            identifier, arguments = match.groups()
            roles = [argument.partition(":") for argument in arguments.split()]
            events.append((identifier, [(role, target) for role, _, target in roles if target]))

    attributions = []
    without_content = 0
    for identifier, arguments in events:
        by_role: dict[str, list[CharSpan]] = {"Content": [], "Source": [], "Cue": []}
        # The first argument is the trigger (Attribution / Attribution-no-source): its span repeats the cue.
        for role, target in arguments[1:]:
            role = _ROLE_NUMBER.sub("", role)
            if role in by_role and target in spans:
                by_role[role].extend(spans[target][1])
        if not by_role["Content"]:
            without_content += 1
            continue
        attributions.append(
            GoldAttribution(
                content=tuple(by_role["Content"]),
                source=tuple(by_role["Source"]),
                cue=tuple(by_role["Cue"]),
                label=identifier,
            )
        )
    return attributions, without_content


def load_split(directory: str | Path) -> PolnearSplit:
    """Every (text, annotation file) pair of a PolNeAR split folder, sorted by annotation file name."""
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not root.is_dir():
        raise InputError(
            f"{root} is not a folder. Give a PolNeAR split folder holding text/ and attributions/."
        )
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(
            f"{root} has no text/ and attributions/ folders: it doesn't look like a PolNeAR split."
        )

    texts = {path.stem: path for path in text_dir.glob("*.txt")}
    split = PolnearSplit()
    annotated: set[str] = set()
    for ann_path in sorted(ann_dir.glob("*.ann")):
        name, separator, annotator = ann_path.stem.rpartition("_")
        if not separator or name not in texts:
            split.annotations_without_text.append(ann_path.name)
            continue
        annotated.add(name)
        text = _read(texts[name])
        attributions, without_content = parse_annotations(_read(ann_path))
        split.documents.append(PolnearDocument(name, annotator, text, tuple(attributions), without_content))
    split.texts_without_annotations = sorted(set(texts) - annotated)
    return split


def _read(path: Path) -> str:
    # newline="" keeps "\r\n" as two characters: brat offsets count what is in the file.
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def eval_command(
    directory: str, *, limit: int | None, as_json: bool, settings: Settings, errors: str | None = None
) -> int:
    """`whosaid eval polnear DIR`: score the engine on a split and print the figures; returns the exit code.

    `errors`, if given, is a file to write the missed gold attributions, the false positives, the wrong
    speakers and the conflicts flagged to (JSON lines), for error analysis on the train split.
    """
    if limit is not None and limit < 1:
        raise InputError("--limit must be at least 1.")
    split = load_split(directory)
    documents = split.documents[:limit] if limit is not None else split.documents
    if not documents:
        raise InputError(f"{directory} holds no annotated texts (no .ann file matches a text).")

    names = list(dict.fromkeys(document.name for document in documents))
    texts = {document.name: document.text for document in documents}
    predictions = predict([texts[name] for name in names], model=settings.spacy_model)
    reports = dict(zip(names, predictions.reports, strict=True))

    totals = Totals()
    log = ErrorLog()
    misaligned = 0
    for document in documents:
        report = reports[document.name]
        claims = report.claims if report is not None else []
        if report is not None and report.text != document.text:
            misaligned += 1  # offsets then point into another string: an engine bug the figures must show
        score = score_document(document.attributions, claims)
        totals.add(score)
        if errors is not None:
            log.add(document, report, score)

    flagged = flagged_conflicts(reports)
    log.add_flagged(flagged)
    figures = summary(
        directory=directory,
        split=split,
        documents=documents,
        texts=len(names),
        totals=totals,
        predictions=predictions,
        misaligned=misaligned,
        model=settings.spacy_model,
        flagged=flagged,
    )
    if errors is not None:
        log.write(errors)
        figures["errors_file"] = errors
    if as_json:
        print_json(figures)
    else:
        print_table(figures)
    if predictions.engine_errors:
        print(
            f"whosaid eval: the engine failed on {len(predictions.engine_errors)} text(s).", file=sys.stderr
        )
    return 0
