"""Finding attributions in a parsed article: direct quotations and reported speech.

Each finding is a `Finding`: where its cue is, which token heads its source, and which stretches of text are its
content. Naming the source (and resolving "he", "the group") happens later, in reading order.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from bot.engine.context import past_places
from bot.engine.doccache import doc_text, entity_at, sentence_of
from bot.engine.grammar import (
    ADJUNCT_CLAUSE_DEPS,
    AUXILIARY_DEPS,
    CLAUSE_MARKER_DEPS,
    CONJUNCT_DEPS,
    DATELINE_LABEL_ENTITIES,
    FIGURE_ENTITIES,
    FOLLOWING_CLAUSE_DEPS,
    INVERTED_SPEAKER_DEPS,
    LOOSE_ATTACHMENT_DEPS,
    NAME_PREFIX_DEPS,
    NEGATION_DEPS,
    NOT_SOURCE_ENTITIES,
    NOUN_CLAUSE_DEPS,
    NOUN_MODIFIER_DEPS,
    NOUN_OR_COMPLEMENT_CLAUSE_DEPS,
    NOUN_PHRASE_HEAD_POS,
    NOUN_PHRASE_OPENING_POS,
    NOUN_POS,
    OBJECT_COMPLEMENT_DEPS,
    OBJECT_CONTINUATION_DEPS,
    OBJECT_DEPS,
    OBJECT_OR_XCOMP_DEPS,
    PARTICIPLE_DEPS,
    PARTICIPLE_OR_ADJECTIVE_TAGS,
    PAST_FORM_TAGS,
    PERSON_OR_ORGANISATION_ENTITIES,
    PREPOSITION_OBJECT_DEPS,
    PRESENT_PARTICIPLE_TAGS,
    RECIPIENT_DEPS,
    SPEAKER_ENTITIES,
    STAND_IN_POS,
    SUBJECT_DEPS,
    SUBJECT_OR_EXPLETIVE_DEPS,
    TIME_ENTITIES,
    VERB_POS,
    VERB_TAGS,
    WH_TAGS,
)
from bot.engine.lexicon import (
    ADDRESSING_VERB,
    BARE_OBJECT_REFERENCES,
    BARE_REFERENCES,
    CALL_PREPOSITIONS,
    CLAIM_NOUNS,
    CLAUSE_BREAK_MARKS,
    CLAUSE_END_MARKS,
    CLAUSE_ONLY_VERBS,
    COGNITION_VERBS,
    CONTENT_PREPOSITIONS,
    CONTRAST_MARKS,
    CUE_VERBS,
    DASHES,
    ESTIMATE_PREPOSITIONS,
    GENERIC_AUDIENCE_NOUNS,
    INTERVIEW_PREPOSITIONS,
    LABEL_SOURCE_PREPOSITIONS,
    NUMBER_SAYING_VERBS,
    OBJECT_CONTENT_VERBS,
    OUTLET_PREPOSITIONS,
    OUTLET_VEHICLE_NOUNS,
    SENTENCE_END_MARKS,
    SENTENCE_OR_QUOTE_END_MARKS,
    SETTING_PREPOSITIONS,
    SOURCE_NOUNS,
    SPEAKING_TO_VERBS,
    SPEECH_VERBS,
    TOPIC_PREPOSITIONS,
    TOPICLESS_SPEECH_VERBS,
    VEHICLE_PREPOSITIONS,
)
from bot.engine.measures import EVENT_FAMILIES, NAMED_QUANTITIES, VERB_ONLY_EVENT_WORDS, family_of
from bot.engine.quotes import Quotation
from bot.engine.structure import event_of

# Verbs whose infinitive complement is what was said: "vowed to retaliate", "urged residents to leave".
_XCOMP_CUES = frozenset(
    """urge vow promise pledge threaten plan want hope expect intend decide seek ask call warn tell
    refuse agree offer propose demand claim deny order advise encourage invite beg implore""".split()
)
_COMPLEMENTIZERS = {"that", "whether", "if"}
_TRAILER_TOKENS = 30
_REFLEXIVES = {"itself", "themselves", "himself", "herself"}
# "The Red Crescent put the death toll at 52": estimating a count attributes it.
_TOLL_VERBS = frozenset({"put", "place", "estimate", "set", "give", "raise", "revise", "lower"})
ESTIMATE_VERBS = _TOLL_VERBS
_TOLL_OBJECTS = frozenset(
    {
        "toll",
        "number",
        "figure",
        "count",
        "total",
        "tally",
        "estimate",
        "cost",
        "damage",
        "bill",
        "price",
        "loss",
    }
)
_TRAILER_CUE_WITHIN = 12
# Verbs that report speech and nothing else: safe to take the clause before "SUBJECT said" as content.
_PLAIN_SPEECH = frozenset(
    "say tell add report state claim warn write announce confirm note insist argue".split()
)
_REPORTED_SPEECH_VERBS = frozenset(
    "say tell claim deny warn announce confirm report state insist admit acknowledge allege promise declare".split()
)
_NEGATED_SOURCES = {"no", "none", "nobody", "neither", "nothing"}
_NOT_SOURCES = {"toll", "figure", "number", "count", "total", "death", "tally"}
_LEAD_GAP_TOKENS = 4
_SHORT_QUOTE_WORDS = 4


@dataclass
class Finding:
    """One attribution as found in the text, before its source is named."""

    cue: tuple[int, int] | None
    source_head: Token | None
    content: list[tuple[int, int]]
    kind: str
    sentence: Span
    via: str | None = None
    cue_lemma: str | None = None
    continues: Finding | None = None  # a quotation with no attribution of its own, carried on from this one
    quote_ids: set[int] = field(default_factory=set)

    @property
    def position(self) -> int:
        return self.cue[0] if self.cue else self.content[0][0]


class QuoteIndex:
    """Which character offsets lie inside a quotation."""

    def __init__(self, quotations: list[Quotation]) -> None:
        self._spans = sorted(
            (seg.start, seg.end, qi) for qi, q in enumerate(quotations) for seg in q.segments
        )
        self._starts = [start for start, _, _ in self._spans]

    def quotation_at(self, offset: int) -> int | None:
        position = bisect.bisect_right(self._starts, offset) - 1
        if position >= 0:
            start, end, qi = self._spans[position]
            if start <= offset < end:
                return qi
        return None

    def within(self, start: int, end: int) -> set[int]:
        """Quotations with a segment inside [start, end)."""
        found = set()
        position = bisect.bisect_left(self._starts, start)
        while position < len(self._spans) and self._spans[position][0] < end:
            _seg_start, seg_end, qi = self._spans[position]
            if seg_end <= end + 1:
                found.add(qi)
            position += 1
        return found


def find_attributions(doc: Doc, quotations: list[Quotation]) -> list[Finding]:
    """Direct quotations with their speakers, then reported speech, in text order."""
    index = QuoteIndex(quotations)
    findings, used_cues = _direct(doc, quotations, index)
    findings.extend(_reported(doc, index, used_cues, findings))
    findings.extend(_according_to(doc, index))
    findings.extend(_headline_colons(doc, findings))
    # ("1 confirmed dead": a number in digits is no speaker, whatever the parser made the subject of a participle;
    # "Two of them said" names people)
    findings = [f for f in findings if f.source_head is None or not any(ch.isdigit() for ch in f.source_head.text)]
    findings.sort(key=lambda finding: finding.position)
    return _without_nested_beliefs(findings)


def _without_nested_beliefs(findings: list[Finding]) -> list[Finding]:
    """'The official said the US did not want to escalate': the wanting is part of what the official said,
    not a second source's claim. Only speech reported inside a claim ('she said the minister told her ...')
    stays a claim of its own."""
    covering = _SpanCover([(start, end, id(finding)) for finding in findings for start, end in finding.content])
    kept = []
    for finding in findings:
        believed = finding.cue is not None and finding.cue_lemma not in _REPORTED_SPEECH_VERBS
        if believed and covering.covers(finding.cue[0], other_than=id(finding)):
            continue
        kept.append(finding)
    return kept


class _SpanCover:
    """Whether any of many (start, end, owner) spans of other owners covers a position, in logarithmic time: the
    spans sorted by start, with the two farthest ends (of different owners) among each prefix. Comparing every
    cue with every span made claim-dense texts quadratic."""

    def __init__(self, spans: list[tuple[int, int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _end, _owner in spans]
        # (farthest end, its owner, farthest end of any other owner) over spans[: i + 1]
        self.best: list[tuple[int, int, int]] = []
        first_end, first_owner, second_end = -1, -1, -1
        for _start, end, owner in spans:
            if end > first_end:
                if owner != first_owner:
                    second_end = first_end
                first_end, first_owner = end, owner
            elif owner != first_owner and end > second_end:
                second_end = end
            self.best.append((first_end, first_owner, second_end))

    def covers(self, position: int, *, other_than: int) -> bool:
        last = bisect.bisect_right(self.starts, position) - 1
        if last < 0:
            return False
        first_end, first_owner, second_end = self.best[last]
        end = first_end if first_owner != other_than else second_end
        return end > position


# --- direct quotations ---------------------------------------------------------------------------------------


def _direct(doc: Doc, quotations: list[Quotation], index: QuoteIndex) -> tuple[list[Finding], set[int]]:
    findings: list[Finding] = []
    used_cues: set[int] = set()
    last_by_paragraph: dict[int, Finding] = {}
    previous_direct: Finding | None = None
    by_cue: dict[int, Finding] = {}
    for qi, quotation in enumerate(quotations):
        first, last = quotation.segments[0], quotation.segments[-1]
        content = [seg.inner for seg in quotation.segments if seg.inner_end > seg.inner_start]
        if not content:
            continue
        words = sum(len(doc_text(doc)[a:b].split()) for a, b in content)
        opens_sentence = _opens_sentence(doc, first.start)
        trailing = _trailing_attribution(doc, last.end, index) if opens_sentence else None
        attribution = trailing or _leading_attribution(doc, first.start, short=words <= _SHORT_QUOTE_WORDS)
        paragraph = _paragraph_of(doc_text(doc), first.start)
        if attribution is not None:
            cue_token, source_head, sentence = attribution
            if cue_token is not None and cue_token.i in by_cue:
                # “A,” he said, “B.” — both parts hang on one cue: one claim.
                by_cue[cue_token.i].content.extend(content)
                by_cue[cue_token.i].quote_ids.add(qi)
                continue
            if cue_token is not None:
                used_cues.add(cue_token.i)
            finding = Finding(
                cue=_cue_span(cue_token) if cue_token is not None else None,
                source_head=source_head,
                content=content,
                kind="direct",
                sentence=sentence,
                via=_via(cue_token) if cue_token is not None else None,
                cue_lemma=cue_token.lemma_.lower() if cue_token is not None else None,
                quote_ids={qi},
            )
            findings.append(finding)
            if cue_token is not None:
                by_cue[cue_token.i] = finding
            last_by_paragraph[paragraph] = finding
            previous_direct = finding
            continue
        if words <= _SHORT_QUOTE_WORDS:
            continue  # a scare quote or a quoted phrase; it may make an indirect claim "mixed"
        earlier = last_by_paragraph.get(paragraph)
        if earlier is not None:
            # “A,” he said. “B.” — the second part carries on the same claim.
            earlier.content.extend(content)
            earlier.quote_ids.add(qi)
            continue
        if previous_direct is not None and _is_next_paragraph(doc_text(doc), previous_direct, first.start):
            # A paragraph that is all quotation, right after a quoted speaker, is theirs (news convention).
            sentence = _sentence_at(doc, first.start)
            finding = Finding(
                cue=None,
                source_head=None,
                content=content,
                kind="direct",
                sentence=sentence,
                continues=previous_direct,
                quote_ids={qi},
            )
            findings.append(finding)
            last_by_paragraph[paragraph] = finding
            previous_direct = finding
    return findings, used_cues


def _opens_sentence(doc: Doc, offset: int) -> bool:
    """Whether a quotation starts its sentence (“…,” he said), rather than sitting inside one
    (He called it a “disgrace,” she said) where the surrounding clause is the claim."""
    sentence = _sentence_at(doc, offset)
    before = doc_text(doc)[sentence.start_char : offset]
    return not any(ch.isalnum() for ch in before)


def _trailing_attribution(doc: Doc, quote_end: int, index: QuoteIndex):
    """'..., he said.' / '..., said the minister.' / '..., Pentagon spokesman John Kirby in a statement.'"""
    tokens = _tokens_after(doc, quote_end, index)
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    for position, token in enumerate(tokens[:_TRAILER_CUE_WITHIN]):
        if _is_cue_verb(token) or _quoted_as_saying(token) is not None:
            subject = _subject(token)
            if subject is None or subject.i not in inside:
                # "“…,” said the minister": the subject may follow the verb.
                after = (t for t in tokens if t.i > token.i and t.pos_ in NOUN_PHRASE_HEAD_POS)
                subject = next(after, None)
            if subject is not None and subject.i in inside:
                return token, subject, token.sent
            return None
        if token.pos_ == "VERB" and position > 0:
            break
    # No verb: a bare name after the quotation still names its source.
    first = tokens[0]
    if first.pos_ in NOUN_PHRASE_OPENING_POS:
        head = _noun_phrase_head(tokens)
        if head is not None and (head.pos_ == "PROPN" or head.ent_type_ in PERSON_OR_ORGANISATION_ENTITIES):
            return None, head, head.sent
    return None


def _leading_attribution(doc: Doc, quote_start: int, *, short: bool):
    """'Kirby said: “...”' / 'He told reporters, “...”' / 'Kirby said:' closing the paragraph before."""
    tokens = _tokens_before(doc, quote_start) or _paragraph_ending_in_colon(doc, quote_start)
    if not tokens:
        return None
    for position in range(len(tokens) - 1, -1, -1):
        token = tokens[position]
        if _is_cue_verb(token):
            gap = [t for t in tokens[position + 1 :] if not (t.is_punct or t.is_space)]
            gap = [t for t in gap if t.lower_ not in _COMPLEMENTIZERS]
            if short and len(gap) > 0:
                return None
            if len(gap) > _LEAD_GAP_TOKENS or any(t.pos_ == "VERB" for t in gap):
                return None
            subject = _subject(token)
            if subject is None:
                return None
            return token, subject, token.sent
    return None


def _tokens_after(doc: Doc, offset: int, index: QuoteIndex) -> list[Token]:
    start = _token_at_or_after(doc, offset)
    if start is None:
        return []
    tokens = []
    for token in doc[start : start + _TRAILER_TOKENS]:
        if "\n" in token.text or index.quotation_at(token.idx) is not None:
            break
        if token.is_space:
            continue
        if token.text in CLAUSE_END_MARKS and tokens:
            break
        tokens.append(token)
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def _paragraph_ending_in_colon(doc: Doc, offset: int) -> list[Token]:
    """The tokens of the previous paragraph when it ends with a colon that introduces this quotation."""
    text = doc_text(doc)
    last = offset - 1
    while last >= 0 and text[last].isspace():
        last -= 1
    if last >= 0 and last < offset - 1 and text[last] == ":":
        end = _token_at_or_after(doc, last)
        if end is not None:
            return _tokens_before(doc, doc[end].idx + 1)
    return []


def _tokens_before(doc: Doc, offset: int) -> list[Token]:
    end = _token_at_or_after(doc, offset)
    if end is None:
        end = len(doc)
    tokens: list[Token] = []
    for token in reversed(doc[max(0, end - _TRAILER_TOKENS) : end]):
        if "\n" in token.text or "\n" in token.whitespace_ or token.text in SENTENCE_OR_QUOTE_END_MARKS:
            break
        tokens.append(token)
    tokens.reverse()
    return tokens


def _token_at_or_after(doc: Doc, offset: int) -> int | None:
    starts = doc.user_data.get("whosaid_token_starts")
    if starts is None:
        starts = doc.user_data["whosaid_token_starts"] = doc.to_array("IDX").tolist()  # no token built
    position = bisect.bisect_left(starts, offset)
    return position if position < len(doc) else None


def _noun_phrase_head(tokens: list[Token]) -> Token | None:
    inside = {t.i for t in tokens}
    for token in tokens:
        if (token.pos_ in NOUN_POS and token.head.i not in inside | {token.i}) or (
            token.pos_ in NOUN_POS and token.head == token
        ):
            return token
        if token.pos_ in NOUN_POS and token.dep_ not in NOUN_MODIFIER_DEPS:
            return token
    return None


def _paragraph_of(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset)


def _is_next_paragraph(text: str, previous: Finding, offset: int) -> bool:
    previous_end = max(end for _, end in previous.content)
    between = text[previous_end:offset]
    return between.count("\n") >= 1 and _paragraph_of(text, offset) == text.rfind("\n", previous_end, offset)


def _sentence_at(doc: Doc, offset: int) -> Span:
    position = _token_at_or_after(doc, offset)
    return sentence_of(doc[min(position or 0, len(doc) - 1)])


# --- reported speech -----------------------------------------------------------------------------------------


def _reported(doc: Doc, index: QuoteIndex, used_cues: set[int], direct: list[Finding]) -> list[Finding]:
    direct_spans = [span for finding in direct for span in finding.content]
    findings = []
    for token in doc:
        if token.i in used_cues or not _is_cue_verb(token):
            continue
        if index.quotation_at(token.idx) is not None:
            continue  # speech reported inside a quotation belongs to the quoted speaker's own words
        inverted = _inverted_speaker(token)
        content = _before_inversion(token) if inverted is not None else _content_of(token)
        said = doc_text(doc)[content[0][0] : content[-1][1]] if content else ""
        if not content or _is_anonymity_formula(said) or said.strip().lower() in BARE_REFERENCES:
            continue  # "disputed that": a bare pointer says nothing on its own
        in_headline = token.text.istitle() and token.i > token.sent.start and _title_case(token.sent.text)
        if in_headline and not any(c.dep_ == "ccomp" for c in token.children):
            continue  # "Council Backs New Tram Line": a headline's verb, not someone's claim
        if _mostly_covered(content, direct_spans):
            continue
        subject = inverted if inverted is not None else _subject(token)
        if subject is None or subject.dep_ == "expl":
            continue
        if subject.lower_ in _NEGATED_SOURCES or any(c.lower_ in _NEGATED_SOURCES for c in subject.children):
            continue  # "No group has claimed responsibility": nobody claimed anything
        if subject.lemma_.lower() in _NOT_SOURCES and not _made_by_someone(subject):
            continue  # "..., toll disputed": a figure can be disputed, it doesn't speak
        if subject.ent_type_ in TIME_ENTITIES and subject.pos_ == "NOUN" and subject.is_lower:
            # "The month of February saw its figure revised down": a time sees nothing (a name the recogniser took
            # for a date, "Last week Stumpf ... appeared to blame", "Morrow reported a profit", still speaks)
            continue
        quoted = set()
        for start, end in content:
            quoted |= index.within(start, end)
        findings.append(
            Finding(
                cue=_cue_span(token),
                source_head=subject,
                content=content,
                kind="mixed" if quoted else "indirect",
                sentence=token.sent,
                via=_via(token),
                cue_lemma=token.lemma_.lower(),
                quote_ids=quoted,
            )
        )
    return findings


_ANONYMITY_FORMULA = re.compile(
    r"^(?:not to be (?:named|identified|quoted)|anonymity|to remain anonymous|to speak on the record|"
    r"that (?:his|her|their) names? (?:not )?be (?:used|withheld|published))",
    re.IGNORECASE,
)


def _made_by_someone(noun: Token) -> bool:
    """'A count commissioned by three newspapers estimated ...', 'A count by the Media Observatory estimated ...':
    a count made by someone is a study ('the count by Friday' is no one's)."""
    made = any(child.dep_ == "agent" for child in noun.subtree)
    by = (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by")
    return made or any(o.dep_ == "pobj" and o.ent_type_ not in TIME_ENTITIES for p in by for o in p.children)


def _misparsed_cue(token: Token) -> bool:
    """'The bank on Thursday forecast that inflation would ...' parsed with 'forecast' as a noun: a cue word
    heading the sentence with a subject and a clause is still the verb."""
    return (
        token.dep_ == "ROOT"
        and token.pos_ == "NOUN"
        and token.lemma_.lower() in CUE_VERBS
        and any(c.dep_ == "nsubj" for c in token.children)
        and (
            any(c.dep_ == "ccomp" for c in token.children)
            or (
                token.lemma_.lower() in OBJECT_CONTENT_VERBS and any(c.dep_ == "dobj" for c in token.children)
            )
        )
    )


def _estimates_at_a_number(verb: Token) -> bool:
    """'estimated the crowd at 41,300', 'puts it at 6.2': an object valued at a number is an estimate."""
    if not any(c.dep_ == "dobj" for c in verb.children) or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    return any(
        child.dep_ == "prep"
        and child.lower_ == "at"
        and any(t.like_num or t.pos_ == "NUM" for t in child.subtree)
        for child in verb.children
    )


def _is_anonymity_formula(content: str) -> bool:
    """'who asked not to be named' is how a source is introduced, not something the source claims."""
    return bool(_ANONYMITY_FORMULA.match(content.strip()))


def _is_cue_verb(token: Token) -> bool:
    if token.pos_ not in VERB_POS and token.tag_ not in VERB_TAGS:
        return _misparsed_cue(token)
    if token.lemma_.lower() in _TOLL_VERBS:
        if any(c.dep_ == "dobj" and c.lemma_.lower() in _TOLL_OBJECTS for c in token.children):
            return True
        if _estimates_at_a_number(token):
            return True
        if token.lemma_.lower() not in CUE_VERBS or not any(c.dep_ == "ccomp" for c in token.children):
            return False  # "estimated that ...": a clause makes it a cue like any other
    if token.lemma_.lower() not in CUE_VERBS:
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if (
        token.lemma_.lower() == "report"
        and following is not None
        and following.tag_ in PARTICIPLE_OR_ADJECTIVE_TAGS
    ):
        return False  # "fighters reported killed": a passive report, not a speaker
    if any(c.dep_ == "auxpass" for c in token.children):
        return False  # "it is written", "was told": the passive subject is not the source
    # A bare past participle ("fighters reported killed", "attacks often claimed by ...") describes, it
    # doesn't attribute. (One with a subject of its own is a finite verb the tagger misread after a long
    # apposition: "Fraser, leader of the observers' delegation, stated at a press conference that ...".)
    bare = not any(c.dep_ in AUXILIARY_DEPS for c in token.children)
    said = any(c.dep_ == "ccomp" for c in token.children) or bool(_clause_misread_as_relative(token))
    finite = said and any(c.dep_ == "nsubj" for c in token.children)
    return not (token.tag_ == "VBN" and bare and not finite)  # ("Residents told to keep windows closed": passive)


def _content_of(verb: Token) -> list[tuple[int, int]]:
    lemma = verb.lemma_.lower()
    doc = verb.doc
    # "Kelvar to cut 2,400 jobs, unions say losses will be higher": a clause after the verb with a subject of its
    # own is what was said; the clause before it is the writer's.
    said_after = any(
        c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for g in c.children)
        and not _absolute(c)
        for c in verb.children
    )
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i and _absolute(child):
            continue  # ", with 98 percent of ballots counted": how things stood, not what was said
        # ("Death toll rises to 31; union says 40 still trapped": a clause before a semicolon is another's)
        cut_off = child.i < verb.i and any(t.text == ";" for t in doc[child.right_edge.i + 1 : verb.i])
        if child.dep_ == "ccomp" and child.i < verb.i and (said_after or cut_off):
            continue
        if child.dep_ == "ccomp" and child.i < verb.i and _is_cue_verb(child) and _subject(child) is not None:
            continue  # "The office said X; local media reported Y": the parser chained two sources' claims
        if child.dep_ == "ccomp":
            start = child.left_edge.i
            if start < verb.i < child.right_edge.i:
                start = verb.i + 1  # "which Pentagon says was ...": the clause wraps around its own cue
            elif start > verb.i + 1 and not any(c.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for c in child.children):
                # "A 7.6 quake struck Chile, seismologists reported, a day after a tremor caused a tsunami": a
                # cue set off by commas says the clause before it; the subjectless clause after it is no claim.
                preceding = _preceding_clause(verb)
                if preceding:
                    return preceding
                start = verb.i + 1  # "said between 15 and 20 people were killed", its subject misattached
            end = child.right_edge.i
            # "said the area burned was 'more than ...'": the parser split one clause into two ccomps.
            following = [
                c for c in verb.children if c.dep_ == "ccomp" and c.i > child.i and c.left_edge.i <= end + 1
            ]
            if child.i > verb.i and following:
                end = max(c.right_edge.i for c in following)
                child = following[-1]
            if child.i > verb.i:
                end = max(end, _contrast_said_along(verb, end))
            for conj in child.children:
                # "said teams had reached X and warned Y": the warning is a claim of its own.
                # ("said they had obtained a copy and found records of 6.1 million users": a verb that attributes
                # only with a clause of its own, and has none, is part of what was said)
                if (
                    conj.dep_ == "conj"
                    and _is_cue_verb(conj)
                    and not any(c.dep_ in SUBJECT_DEPS for c in conj.children)
                    and (conj.lemma_.lower() not in CLAUSE_ONLY_VERBS or any(c.dep_ == "ccomp" for c in conj.children))
                ):
                    end = min(end, conj.left_edge.i - 1)
            spans = _trimmed(doc, start, end)
            if spans:
                return spans
    vehicle_clause = _clause_on_vehicle(verb) or _clause_misread_as_relative(verb)
    if vehicle_clause:
        return vehicle_clause
    preceding = _preceding_clause(verb)
    if preceding:
        return preceding
    if lemma in CLAUSE_ONLY_VERBS:
        return []
    misread = _clause_misread_as_object(verb) or _clause_misread_as_adverbial(verb)
    if misread:
        return misread
    if lemma == "call" and any(c.lower_ in _REFLEXIVES for c in verb.children):
        return []  # "a group calling itself X" names the group
    for child in verb.children:
        if child.dep_ == "xcomp" and lemma in _XCOMP_CUES:
            start = child.left_edge.i
            # "urged residents to leave": the persuaded object belongs to what was said.
            objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i < child.i]
            if objects and lemma != ADDRESSING_VERB:
                start = min(start, objects[0].left_edge.i)
            return _trimmed(doc, start, child.right_edge.i)
    if verb.dep_ == "parataxis" and verb.head.pos_ in VERB_POS:
        return _parenthetical_content(verb)
    if lemma in OBJECT_CONTENT_VERBS or lemma in _TOLL_VERBS:
        span = _object_content(verb)
        if span:
            return span
    if lemma == "call":
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in CALL_PREPOSITIONS:
                return _trimmed(doc, child.i + 1, child.right_edge.i)
    if lemma in SPEECH_VERBS - TOPICLESS_SPEECH_VERBS and lemma not in COGNITION_VERBS:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS:
                pobjs = [c for c in child.children if c.dep_ in PREPOSITION_OBJECT_DEPS]
                if pobjs:
                    return _trimmed(doc, child.i, child.right_edge.i)
    return []


_VEHICLES = frozenset("statement interview letter post speech briefing email tweet message release".split())


def _absolute(clause: Token) -> bool:
    """'with 98 percent of ballots counted': a clause opened by 'with' (parsed as a clause of the verb of
    saying) tells how things stood; it is not what was said."""
    return any(c.dep_ == "mark" and c.lower_ == "with" for c in clause.children)


def _clause_on_vehicle(verb: Token) -> list[tuple[int, int]]:
    """'said in a statement that the deficit would fall': the parser hangs the clause on 'statement'."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in VEHICLE_PREPOSITIONS:
            continue
        for vehicle in prep.children:
            if vehicle.dep_ == "pobj" and vehicle.lemma_.lower() in _VEHICLES:
                for clause in vehicle.children:
                    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
                    if clause.dep_ in NOUN_OR_COMPLEMENT_CLAUSE_DEPS and marked:
                        return _trimmed(verb.doc, clause.left_edge.i, clause.right_edge.i)
    return []


# A clause with one of these has no room for an object: passive ("were killed") or copular ("were missing").
_NO_OBJECT_DEPS = frozenset({"auxpass", "acomp", "attr"})


def _clause_misread_as_relative(verb: Token) -> list[tuple[int, int]]:
    """'told reporters at the time that 31 people died', 'said at a briefing that 31 people died': with no clause of
    its own, the verb of saying had what it said hung on the noun of its preposition as a relative clause. A
    relative clause opening with 'that' and holding a subject of its own (besides 'that') is what was said."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in (c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i):
                opener = clause.left_edge
                subject = any(c.dep_ in SUBJECT_DEPS and c.i != opener.i for c in clause.children)
                between = verb.doc[noun.i + 1 : opener.i]
                # ("said at a briefing that he gave": 'that' as the clause's object is a real relative clause,
                # unless the clause is passive or copular and has no room for one: "that 40 were killed")
                gap = opener.dep_ in OBJECT_DEPS and not any(c.dep_ in _NO_OBJECT_DEPS for c in clause.children)
                if opener.lower_ == "that" and subject and not gap and not any(t.pos_ in VERB_POS for t in between):
                    return _trimmed(verb.doc, opener.i + 1, clause.right_edge.i)
    return []


def _preceding_clause(verb: Token) -> list[tuple[int, int]]:
    """'Dozens dead as floods sweep the north, officials say': when the parser didn't hang the clause on the
    cue, a sentence ending in 'SUBJECT said' still says that everything before the comma is the content."""
    if verb.lemma_.lower() not in _PLAIN_SPEECH:
        return []
    # The subject nearest the cue: a clause's own subject may also have been hung on the cue.
    subject = next((c for c in reversed(list(verb.children)) if c.dep_ == "nsubj" and c.i < verb.i), None)
    # ("..., an official told AFP": the object of "tell" is who was told, not what)
    told = verb.lemma_.lower() == ADDRESSING_VERB
    objects = [c for c in verb.children if c.dep_ in OBJECT_OR_XCOMP_DEPS and not (told and c.dep_ in RECIPIENT_DEPS)]
    if subject is None or objects:
        return []  # "media reported a figure closer to 4,000": the object is what was said
    sentence = verb.sent
    comma = subject.left_edge.i - 1
    if comma <= sentence.start + 2 or verb.doc[comma].text not in CLAUSE_BREAK_MARKS:
        return []
    # "..., U.S. seismologists said, just a day after another tremor caused a tsunami": after the cue, a
    # subordinate clause of time or cause still dates the content, and a verb without a subject of its own is
    # a phrase the parser misread; a clause with its own subject is a claim of its own.
    adjuncts = {t.i for c in verb.children if c.dep_ in ADJUNCT_CLAUSE_DEPS and c.i > verb.i for t in c.subtree}
    trailing = [
        t
        for t in verb.doc[verb.i + 1 : sentence.end]
        if t.pos_ in VERB_POS
        and t.i not in adjuncts
        # "well short of the 125,000 that economists had forecast": a relative clause on a figure is the figure's
        and not (t.dep_ in NOUN_CLAUSE_DEPS and t.head.like_num)
        and any(c.dep_ in SUBJECT_DEPS for c in t.children)
    ]
    if trailing:
        return []
    return _trimmed(verb.doc, sentence.start, comma - 1)


def _clause_misread_as_object(verb: Token) -> list[tuple[int, int]]:
    """'The coast guard now says 8,000 barrels leaked': the parser took the said clause's subject for the verb's
    object, and its verb for a participle on it; the object and its participle are what was said. So with a state
    the number is in: "Hospital says 7 dead"."""
    if verb.lemma_.lower() not in NUMBER_SAYING_VERBS:
        return []
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i):
        counted = any(c.dep_ == "nummod" for c in obj.children)
        said_clause = any(c.dep_ == "acl" and c.pos_ == "VERB" and c.i > obj.i for c in obj.children)
        # ("Hospital says 7 dead", "police say 40 injured": a headline's clause without its verb)
        state = obj.pos_ == "ADJ" and family_of(obj.lemma_.lower(), EVENT_FAMILIES) is not None
        if counted and (said_clause or state):
            return _trimmed(verb.doc, obj.left_edge.i, obj.right_edge.i)
    return []


def _contrast_said_along(verb: Token, end: int) -> int:
    """'It found that 709 were militants, while 295 were civilians': a contrasting clause the parser hung on the
    verb of saying, right after what was said, with a subject of its own and no verb of saying in it, was said
    too. Returns the index its said part ends at (or `end`)."""
    for clause in verb.children:
        opens = clause.dep_ in ADJUNCT_CLAUSE_DEPS and clause.left_edge.i <= end + 2 and clause.i > end
        marked = any(c.dep_ in CLAUSE_MARKER_DEPS and c.lower_ in CONTRAST_MARKS for c in clause.children)
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in clause.children)
        if opens and marked and own_subject and not any(_is_cue_verb(t) for t in clause.subtree):
            return clause.right_edge.i
    return end


def _clause_misread_as_adverbial(verb: Token) -> list[tuple[int, int]]:
    """'The union said about 1,900 of the country's 3,100 schools were shut': the parser took the said clause for
    an adverbial one ("shut" read as a participle); a clause right after the verb of saying, with a subject of its
    own and no word subordinating it ("because", "when"), is what was said."""
    if verb.lemma_.lower() not in NUMBER_SAYING_VERBS or any(c.dep_ in NEGATION_DEPS for c in verb.children):
        return []  # ("has not said when it will notify those affected")
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.left_edge.i == verb.i + 1):
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in clause.children)
        asks = clause.left_edge.tag_ in WH_TAGS
        if own_subject and not asks and not any(c.dep_ in CLAUSE_MARKER_DEPS for c in clause.children):
            return _trimmed(verb.doc, clause.left_edge.i, clause.right_edge.i)
    return []


def _object_content(verb: Token) -> list[tuple[int, int]]:
    doc = verb.doc
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return []
    obj = objects[0]
    bare_pronoun = obj.pos_ == "PRON" and obj.lower_ in BARE_OBJECT_REFERENCES
    if bare_pronoun and not any(c.dep_ in OBJECT_COMPLEMENT_DEPS for c in verb.children if c.i > obj.i):
        return []
    end = obj.right_edge.i
    for child in verb.children:
        if (
            child.i > obj.i
            and child.dep_ in OBJECT_CONTINUATION_DEPS
            and child.lower_ not in SETTING_PREPOSITIONS
        ):
            allowed = CONTENT_PREPOSITIONS | (ESTIMATE_PREPOSITIONS if lemma in _TOLL_VERBS else frozenset())
            if child.dep_ == "prep" and child.lower_ not in allowed:
                continue
            end = max(end, child.right_edge.i)
    if lemma in _TOLL_VERBS:
        # "puts it at 6.2, depth 10 km": further figures tacked on after the estimate are part of it.
        for child in verb.children:
            if (
                child.i > end
                and child.dep_ in LOOSE_ATTACHMENT_DEPS
                and any(t.like_num for t in child.subtree)
            ):
                end = max(end, child.right_edge.i)
    for token in doc[obj.i + 1 : end + 1]:
        # "accused X of Y, saying Z": the participle starts a claim of its own.
        if token.tag_ == "VBG" and _is_cue_verb(token) and doc[token.i - 1].text in CLAUSE_BREAK_MARKS:
            end = token.i - 2
            break
    return _trimmed(doc, obj.left_edge.i, end)


def _parenthetical_content(verb: Token) -> list[tuple[int, int]]:
    """'The strike, he said, was a mistake.' -> the main clause around the parenthetical."""
    head = verb.head
    inner = {t.i for t in verb.subtree}
    for clause in head.children:
        # "..., the agency said, while a rescue group put the toll at 31": a clause after the cue with a
        # subject of its own is someone else's account.
        if (
            clause.i > verb.i
            and clause.dep_ in FOLLOWING_CLAUSE_DEPS
            and any(c.dep_ in SUBJECT_DEPS for c in clause.children)
        ):
            inner |= {t.i for t in clause.subtree}
    tokens = [t for t in head.subtree if t.i not in inner]
    spans: list[tuple[int, int]] = []
    run: list[Token] = []
    for token in tokens:
        if run and token.i != run[-1].i + 1:
            spans.extend(_trimmed(verb.doc, run[0].i, run[-1].i))
            run = []
        run.append(token)
    if run:
        spans.extend(_trimmed(verb.doc, run[0].i, run[-1].i))
    return spans


_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][\w.'’ -]*)*\s*(?:\([\w.& ]+\))?\s*[—–-]+\s*"
    r"|[A-Z][\w.'’ -]{2,24}\s*\((?:AP|AFP|Reuters|UPI|dpa|Xinhua|ANI|PTI)\)\s*[—–-]*\s*)"
)


# The pattern backtracks in the cube of a run of white space (800 spaces took over a second), so it sees no
# more than a dateline needs: 200 characters, up to the first gap of three white-space characters.
_DATELINE_WINDOW = 200
_LONG_GAP = re.compile(r"\s{3}")


def _after_dateline(doc: Doc, first: int, last: int) -> int:
    """'VELSK, Marbania (AP) — The toll rose': the dateline is where the story was filed, not what was said."""
    start = doc[first].idx
    window = doc_text(doc)[start : min(doc[last].idx + len(doc[last].text), start + _DATELINE_WINDOW)]
    gap = _LONG_GAP.search(window)
    match = _DATELINE.match(window[: gap.start()] if gap else window)
    if match is None or match.end() == 0:
        return first
    target = doc[first].idx + match.end()
    while first <= last and doc[first].idx < target:
        first += 1
    return first


def _trimmed(doc: Doc, first: int, last: int) -> list[tuple[int, int]]:
    first = _after_dateline(doc, first, last) if first <= last else first
    while first <= last and ((doc[first].is_punct and doc[first].text not in '“"‘«') or doc[first].is_space):
        first += 1
    if first <= last and doc[first].lower_ in _COMPLEMENTIZERS and doc[first].dep_ in CLAUSE_MARKER_DEPS:
        first += 1
    while last >= first and (
        (doc[last].is_punct and doc[last].text not in '”"’»') or doc[last].is_space or doc[last].dep_ == "cc"
    ):
        last -= 1
    if last < first:
        return []
    if last - first < 1 and doc[first].pos_ in STAND_IN_POS:
        return []
    return [(doc[first].idx, doc[last].idx + len(doc[last].text))]


def _mostly_covered(content: list[tuple[int, int]], spans: list[tuple[int, int]]) -> bool:
    total = sum(end - start for start, end in content)
    if not total:
        return True
    covered = 0
    for start, end in content:
        for other_start, other_end in spans:
            covered += max(0, min(end, other_end) - max(start, other_start))
    return covered / total > 0.5


def _quoted_as_saying(verb: Token) -> Token | None:
    """'Xinhua quoted Nesirky as saying': the one quoted, who is the source (the quoting outlet passes it on)."""
    if verb.lemma_.lower() != "quote" or not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _inverted_speaker(verb: Token) -> Token | None:
    """'Ten killed in blast, says police', '3 million say unions': in a headline (a line with no full stop), a verb
    of saying with its speaker after it, ending the clause, and nothing said after it; the words before the verb
    are what was said. (In prose the parser's subject after the verb is most often something else.)"""
    lemma = verb.lemma_.lower()
    if lemma not in _PLAIN_SPEECH or lemma == ADDRESSING_VERB:
        return None
    sentence = sentence_of(verb)
    if _ends_a_sentence(sentence) and not _figure_before_says(verb):
        return None
    if any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children) and not _figure_before_says(verb):
        return None  # "union claims near-total stoppage": the speaker stands before its verb
    # (the parser may take the speaker for what was said, "says police" as a clause or an object: a noun phrase
    # with no verb in it)
    after = [
        c
        for c in verb.children
        if c.i > verb.i
        and c.pos_ in NOUN_POS
        and (c.dep_ in SUBJECT_DEPS or (c.dep_ in INVERTED_SPEAKER_DEPS and not any(t.pos_ in VERB_POS for t in c.subtree)))
    ]
    if not after or any(c.dep_ == "ccomp" and c.i > verb.i and c not in after for c in verb.children):
        return None
    speaker = after[0]
    if speaker.like_num or speaker.ent_type_ in NOT_SOURCE_ENTITIES:
        return None  # "Government says 22%": the figure said, after its verb, speaks for no one
    doc = verb.doc
    end = speaker.right_edge.i + 1
    ends_clause = end >= sentence.end or doc[end].text in CLAUSE_BREAK_MARKS or doc[end].is_punct or doc[end].is_space
    return speaker if ends_clause and speaker.left_edge.i == verb.i + 1 else None


def _figure_before_says(verb: Token) -> bool:
    """'Turnout so far: 46.2% says election commission.': the parser's subject before the verb is a figure, which
    says nothing; the noun after the verb is who does, full stop or not."""
    before = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    return bool(before) and all(
        c.like_num or c.ent_type_ in FIGURE_ENTITIES or any(g.dep_ == "nummod" and g.like_num for g in c.children)
        for c in before
    )


def _ends_a_sentence(sentence: Span) -> bool:
    """Whether a sentence ends as prose does, with a full stop, a question or an exclamation mark."""
    last = sentence.end - 1  # (the last word, read back from the end, not every token of a long sentence)
    while last > sentence.start and sentence.doc[last].is_space:
        last -= 1
    return sentence.doc[last].text in SENTENCE_END_MARKS


def _before_inversion(verb: Token) -> list[tuple[int, int]]:
    """What a speaker named after the verb said: the words before the verb, back to the clause break before them
    ("..., 3 million say unions") or the line's start ("Ten killed in blast, says police")."""
    doc = verb.doc
    opening = sentence_of(verb).start
    end = verb.i - 1
    while end > opening and doc[end].text in CLAUSE_BREAK_MARKS:
        end -= 1
    start = end
    while start > opening and doc[start - 1].text not in CLAUSE_BREAK_MARKS:
        start -= 1
    return _trimmed(doc, start, end) if start <= end else []


def _subject(verb: Token) -> Token | None:
    subject = _parsed_subject(verb)
    if subject is None:
        subject = _subject_of_participle_before(verb)
    if subject is None or any(c.dep_ == "nummod" for c in subject.children):
        # "killing 48 people, among them 41 civilians, four rebels and three police officers, the Syrian Observatory
        # said": the parser hangs the list's end on the verb (or nothing), and the source on the list as an
        # apposition. A counted subject, or none, with a name set after a comma just before the verb: the name.
        return _name_before(verb) or subject
    return subject


def _subject_of_participle_before(verb: Token) -> Token | None:
    """'President Alan Moro speaking earlier today, however, said that only six were killed': the parser takes
    the participle before the verb for its clause and the speaker for the participle's subject."""
    participle = next(
        (c for c in verb.children if c.i < verb.i and c.dep_ == "ccomp" and c.tag_ in PRESENT_PARTICIPLE_TAGS), None
    )
    if participle is None:
        return None
    subject = next((c for c in participle.children if c.dep_ in SUBJECT_DEPS and c.i < participle.i), None)
    return subject if subject is not None and subject.pos_ in NOUN_POS else None


# How many heads up from the word before a cue the apposition naming its speaker is looked for.
MAX_NAME_CLIMB = 6


def _name_before(verb: Token) -> Token | None:
    doc = verb.doc
    if verb.i == 0:
        return None
    last = doc[verb.i - 1]
    for token in [last] if last.dep_ == "appos" else itertools.islice(last.ancestors, MAX_NAME_CLIMB):
        if token.dep_ == "appos":
            break
    else:
        return None
    named = token.pos_ == "PROPN" and token.right_edge.i == verb.i - 1 and token.left_edge.i > 0
    return token if named and doc[token.left_edge.i - 1].text == "," else None


def _parsed_subject(verb: Token) -> Token | None:
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    subjects = [
        child
        for child in verb.children
        if child.dep_ in SUBJECT_DEPS and not (child.dep_ == "nsubjpass" and verb.lemma_ != "quote")
    ]
    if subjects:
        # "PELISA, Sept 23 (Reuters) - The commission said": a dateline parsed as a second subject; a subject
        # cut off from the verb by a dash is none.
        doc = verb.doc
        joined = [
            child
            for child in subjects
            if not (child.i < verb.i and any(t.text in DASHES for t in doc[child.i : verb.i]))
        ]
        # ("LUMBA, Tessaly (Reuters) - Tessaly's health ministry on Friday lowered": the source beside the place)
        joined = [past_places(child) for child in joined or subjects]
        before = [c for c in joined if c.i < verb.i]
        if len(before) < 2:
            return joined[0]
        # Two subjects hung on the cue: the nearer one is the source ("Ferries suspended ..., the port
        # authority says"; "The medical charity Open Hands said"), unless "and" joins them ("A medical source
        # and several local sources told"), when the first names the coordination.
        nearest = before[-1]
        opening = nearest.left_edge.i
        if opening > 0 and doc[opening - 1].dep_ == "cc":
            return before[0]
        return nearest
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ == "quote":
        # "The paper quoted the minister as saying ...": the one quoted is the source.
        quoted = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        if quoted is not None:
            return quoted
    if verb.dep_ in PARTICIPLE_DEPS and verb.head is not verb:
        head = verb.head
        if verb.dep_ in NOUN_CLAUSE_DEPS and head.pos_ in NOUN_PHRASE_HEAD_POS:
            reduced = verb.dep_ == "acl" and verb.tag_ in PAST_FORM_TAGS
            if reduced and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                return None  # "about 135 bodies still thought buried": what is thought of, not who thinks it
            if head.lemma_.lower() in CLAIM_NOUNS and head.head.pos_ in VERB_POS and head.head is not head:
                # "dismissed rebel claims that 15 soldiers had been killed, putting the toll at six": a statement
                # says nothing itself; whoever answers it does
                return _subject(head.head)
            return head
        if head.pos_ in VERB_POS:
            if (
                verb.dep_ == "conj"
                and not _is_cue_verb(head)
                and head.dep_ == "ccomp"
                and _is_cue_verb(head.head)
            ):
                # "Okafor said teams had reached X and warned Y": the warning is Okafor's, not the teams'.
                return _subject(head.head)
            return _subject(head)
    return None


def _cue_span(verb: Token) -> tuple[int, int]:
    end_token = verb
    for child in verb.children:
        if child.dep_ == "prt" and child.i == end_token.i + 1:
            end_token = child
    return verb.idx, end_token.idx + len(end_token.text)


def _via(verb: Token) -> str | None:
    """The outlet a source spoke to: 'told Reuters', 'told The Associated Press', 'said in an interview with X'."""
    lemma = verb.lemma_.lower()
    candidates: list[Token] = []
    if lemma == ADDRESSING_VERB:
        candidates = [c for c in verb.children if c.dep_ in RECIPIENT_DEPS]
    if _quoted_as_saying(verb) is not None:
        candidates = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]  # "Xinhua quoted Nesirky as saying"
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "to" and lemma in SPEAKING_TO_VERBS:
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ in INTERVIEW_PREPOSITIONS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lemma_ in OUTLET_VEHICLE_NOUNS:
                    for prep in pobj.children:
                        if prep.dep_ == "prep" and prep.lower_ in OUTLET_PREPOSITIONS:
                            candidates.extend(c for c in prep.children if c.dep_ == "pobj")
    quoting = _quoted_as_saying(verb) is not None
    for candidate in candidates:
        # "the Varta news agency quoted ...": a quoting outlet's common noun with its name before it.
        named_noun = quoting and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in candidate.lefts)
        if (candidate.pos_ != "PROPN" and not named_noun) or (
            candidate.lower_ in GENERIC_AUDIENCE_NOUNS and not candidate.ent_type_
        ):
            continue
        return _outlet_name(candidate)
    return None


def _outlet_name(token: Token) -> str:
    entity = entity_at(token)
    if entity is not None:
        return entity.text
    left = min((c.left_edge.i for c in token.lefts if c.dep_ in NAME_PREFIX_DEPS), default=token.i)
    return token.doc[left : token.i + 1].text


# --- according to --------------------------------------------------------------------------------------------


def _according_to(doc: Doc, index: QuoteIndex) -> list[Finding]:
    findings = []
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        to = doc[token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            continue
        phrase = {t.i for t in token.subtree} | {t.i for t in to.subtree}
        sentence = token.sent
        # ("... according to official figures, though local residents believe the true figure is closer to 40":
        # a clause with its own speaker says its own words)
        for clause in _own_speakers_clauses(sentence, token):
            phrase |= {t.i for t in clause.subtree}
        tokens = [t for t in sentence if t.i not in phrase]
        spans = []
        run: list[Token] = []
        for t in tokens:
            if run and t.i != run[-1].i + 1:
                spans.extend(_trimmed(doc, run[0].i, run[-1].i))
                run = []
            run.append(t)
        if run:
            spans.extend(_trimmed(doc, run[0].i, run[-1].i))
        spans = [span for span in spans if span[1] - span[0] > 2]
        if not spans:
            continue
        quoted = set()
        for start, end in spans:
            quoted |= index.within(start, end)
        findings.append(
            Finding(
                cue=(token.idx, to.idx + len(to.text)),
                source_head=source,
                content=spans,
                kind="mixed" if quoted else "indirect",
                sentence=sentence,
                cue_lemma="according to",
                quote_ids=quoted,
            )
        )
    return findings


def _own_speakers_clauses(sentence: Span, according: Token) -> list[Token]:
    """The clauses of a sentence, outside the one "according to" hangs in, whose verb of saying or thinking has a
    subject of its own that is no pronoun, and a clause it says: "though local residents believe the true figure is
    closer to 40"."""
    holding = {according.i, *(t.i for t in according.ancestors)}
    return [
        t
        for t in sentence
        if t.i not in holding
        and t.pos_ in VERB_POS
        and t.dep_ in ADJUNCT_CLAUSE_DEPS | CONJUNCT_DEPS
        and _is_cue_verb(t)
        and any(c.dep_ in SUBJECT_DEPS and c.pos_ in NOUN_POS for c in t.children)
        # (with a clause said: "had pointed to operating profit of 209 million" says nothing of its own)
        and any(c.dep_ == "ccomp" for c in t.children)
    ]


# --- "Name: what they said" ----------------------------------------------------------------------------------

_LABELS = frozenset(
    """update updated watch read related photo photos video editor note breaking exclusive opinion analysis
    live listen source sources correction disclaimer caption credit image advertisement sponsored hotline
    phone tel email contact website link more""".split()
)


# How many words after a label's colon may come before the number it labels ("Zippa: about 480,000", "Kelt: more
# than 200").
FIGURE_AFTER_LABEL_REACH = 3
# The shortest claim a label before a colon may introduce, in characters ("Minister: talks resume").
MIN_LABELLED_CHARS = 8
# How many words the bracket after a source's label may hold: "Opposition monitors (Free Vote Belmir):".
LABEL_BRACKET_WORDS = 6


def _headline_colons(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Headline style attribution: 'Minister: talks will resume next week'."""
    cue_offsets = [finding.cue[0] for finding in found if finding.cue]
    findings = []
    for token in doc:
        if token.text != ":" or token.i == 0 or token.i > len(doc) - 3:
            continue
        line_start = _segment_start(doc_text(doc), token.idx)
        first = _token_at_or_after(doc, line_start) or 0
        prefix = [t for t in doc[first : token.i] if not t.is_space]
        if prefix and prefix[-1].text == ")" and any(t.text == "(" for t in prefix[1:]):
            # "Opposition monitors (Free Vote Belmir): ...": the bracket says who the labelled source is.
            opening = max(i for i, t in enumerate(prefix) if t.text == "(")
            if opening > 0 and len(prefix) - opening - 2 <= LABEL_BRACKET_WORDS:
                prefix = prefix[:opening]
        if not 1 <= len(prefix) <= 6 or not prefix or prefix[0].idx != line_start:
            continue
        if any(t.pos_ in VERB_POS for t in prefix) or prefix[0].lower_ in _LABELS:
            continue
        if prefix[0].like_num:
            continue  # "19 total shot in Saturday rampage: Sheriff's Dep't updates number": a figure, not a source
        if prefix[0].pos_ == "ADP" and prefix[0].lower_ not in LABEL_SOURCE_PREPOSITIONS:
            continue  # "On board: 180 (operator) vs 260 (survivors)", "In Paris: ...": a state or a place, no speaker
        # "WHO: 1,610 cases": a name in capitals before a figure labels it, however the tagger read it.
        acronym = (
            len(prefix) == 1
            and prefix[0].is_upper
            and len(prefix[0].text) > 1
            and prefix[0].ent_type_ not in DATELINE_LABEL_ENTITIES
            and token.i + 1 < len(doc)
            and doc[token.i + 1].like_num
        )
        heads = [t for t in prefix if t.pos_ in NOUN_POS or acronym]
        if not heads or heads[-1].ent_type_ in DATELINE_LABEL_ENTITIES or heads[-1].lower_ in _LABELS:
            continue
        if _names_a_quantity(heads[-1]):
            continue  # "Net profit: €412m", "Turnout: 48%": the label names what is measured, no speaker
        # A one-word place before a plain sentence is a dateline (headlines are title case); a word that names a
        # source ("Police: 1,200 detained", "Unions: 65% on strike") is a label whatever the case after it.
        source_word = (heads[-1].pos_ in NOUN_POS and heads[-1].lemma_.lower() in SOURCE_NOUNS) or acronym
        unknown_name = heads[-1].pos_ == "PROPN" and heads[-1].ent_type_ not in SPEAKER_ENTITIES
        # ("Zippa: about 480,000 user records exposed": a name, not a place, labelling a figure gives it)
        labels_a_figure = prefix[0].ent_type_ not in DATELINE_LABEL_ENTITIES and _figure_follows(doc, token.i)
        if len(prefix) == 1 and unknown_name and not source_word and not labels_a_figure:
            continue  # "Orsk: The council approved ...": a dateline, not a speaker
        line_end = _segment_end(doc_text(doc), token.idx)
        if len(prefix) == 1 and not (source_word or labels_a_figure) and not _title_case(doc_text(doc)[token.idx + 1 : line_end]):
            continue
        if any(token.idx < offset < line_end for offset in cue_offsets):
            continue
        content = doc_text(doc)[token.idx + 1 : line_end]
        start = token.idx + 1 + (len(content) - len(content.lstrip()))
        end = token.idx + 1 + len(content.rstrip())
        # A few characters are no claim, unless they are a figure: "Education ministry: 28%".
        if end - start < MIN_LABELLED_CHARS and not any(ch.isdigit() for ch in content):
            continue
        findings.append(
            Finding(
                cue=(token.idx, token.idx + 1),
                source_head=heads[-1],
                content=[(start, end)],
                kind="direct" if index_quoted(doc_text(doc), start, end) else "indirect",
                sentence=token.sent,
                cue_lemma=":",
            )
        )
    return findings


def _figure_follows(doc: Doc, colon: int) -> bool:
    """Whether a number opens what follows the colon, maybe after a qualifier: "about 480,000 user records"."""
    following = doc[colon + 1 : colon + 1 + FIGURE_AFTER_LABEL_REACH]
    return any(t.like_num for t in following) and (following[0].like_num or following[0].is_alpha)


def _names_a_quantity(noun: Token) -> bool:
    """'profit', 'turnout', 'toll': a noun that names a measured quantity or what happened to people."""
    lemma = noun.lemma_.lower()
    # ("Election board:": a word that names what happened only as a verb is a body as a noun)
    happened = lemma not in VERB_ONLY_EVENT_WORDS and family_of(lemma, EVENT_FAMILIES) is not None
    # ("Trapped: 9 (company)": a participle opening a post's line that the tagger took for a name)
    participle = noun.pos_ == "PROPN" and event_of(noun) is not None
    return happened or participle or family_of(lemma, NAMED_QUANTITIES) is not None


# "Health ministry: 17 dead. Local medics: at least 25." — in a post, a source label may open any sentence.
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s+)(?=\S)")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _segment_start(text: str, offset: int) -> int:
    """Where the label before a colon starts: the line's start, or the last sentence break on the line."""
    start = _line_start(text, offset)
    for match in _SENTENCE_BREAK.finditer(text, start, offset):
        start = match.end()
    # Emoji and other symbols opening a post's line are decoration, not part of the label.
    while start < offset and not (text[start].isalnum() or text[start] in "\"“‘'"):
        start += 1
    return start


def _segment_end(text: str, colon: int) -> int:
    """Where the labelled claim ends: the end of its sentence, at the latest the line's end."""
    end = text.find("\n", colon)
    end = len(text) if end < 0 else end
    match = _SENTENCE_END.search(text, colon, end)
    return match.start() if match is not None else end


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def index_quoted(text: str, start: int, end: int) -> bool:
    """Whether a stretch of text is itself wholly a quotation."""
    inner = text[start:end].strip()
    return len(inner) > 2 and inner[0] in '“"‘«' and inner[-1] in '”"’»'
