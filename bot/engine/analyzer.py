"""From a parsed article to a `Report`: attributions, sources, hedges, figures and conflicts, in that order."""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import defaultdict
from typing import NamedTuple

from spacy.tokens import Doc, Token

from bot.engine.attribution import Finding, find_attributions
from bot.engine.boilerplate import boilerplate_ranges
from bot.engine.conflicts import ANONYMOUS_MARK, claim_source_key, claim_source_label, find_conflicts
from bot.engine.context import (
    byline_ranges,
    find_entities,
    find_event,
    headline_and_dateline,
    lead_paragraph,
)
from bot.engine.doccache import doc_text, entity_at, sentence_of, sentence_text
from bot.engine.figures import (
    CONVERSION,
    EARLIER_REPORT,
    RESULT_AGAINST_EXPECTATION,
    FoundFigure,
    find_figures,
)
from bot.engine.grammar import (
    ACTIVE_SUBJECT_DEPS,
    NOUN_POS,
    PERSON_OR_ORGANISATION_ENTITIES,
    PLURAL_NOUN_TAGS,
    PRENOMINAL_MODIFIER_DEPS,
    RELATIVE_CLAUSE_DEPS,
    VERB_POS,
)
from bot.engine.hedges import doubt_about_previous, hedges_in
from bot.engine.lexicon import (
    BUSINESS_NOUNS,
    DATELINE_PLACE_NOUNS,
    GENERIC_ORGANISATION_NOUNS,
    GUIDANCE_NOUNS,
    IT_THEY_PRONOUNS,
    NATION_NOUNS,
    NATIONWIDE_SCOPE,
    OFFICIAL_SOURCE,
    ORGANISATION_NOUNS,
    OWN_STAFF_NOUNS,
    POSSESSIVE_PRONOUNS,
    PUBLISHING_VERBS,
    RELATIVE_PRONOUNS,
    SCOPE_PREPOSITIONS,
    SINGULAR_PRONOUN,
    VEHICLE_NOUNS,
    WHOLE_PREPOSITIONS,
)
from bot.engine.measures import (
    CHANGE_WORDS,
    EXPECTATION_NOUNS,
    FORECASTER_NOUNS,
    LEVEL_PREPOSITIONS,
    MOMENT_EVENTS,
    OWNED_FIGURE_NOUNS,
    PASSING_STATES,
    PERSON_EVENTS,
    STATEMENT_REVISING_VERBS,
)
from bot.engine.quotes import Quotation, find_quotations
from bot.engine.ranges import RangeSet
from bot.engine.rules import OFFICIAL_FIGURE, can_speak
from bot.engine.speakers import (
    REFERRING_KINDS,
    SourceMention,
    SourceTracker,
    business_names,
    coordinated,
    describe_source,
    hyphen_joined,
    made_by,
    possessive_pronoun,
)
from bot.engine.structure import definite, figure_path, in_currency, names_forecasters, one_name
from bot.report import Claim, Event, Figure, Report, Span


def analyze_doc(doc: Doc) -> Report:
    """Everything the engine reports about one parsed article."""
    text = doc_text(doc)
    furniture = RangeSet(boilerplate_ranges(text))
    quotations = find_quotations(text)
    findings = [
        finding
        for finding in find_attributions(doc, quotations)
        if finding.position not in furniture and finding.content[0][0] not in furniture
    ]
    findings = _without_duplicates(findings)
    sentence_starts = [sentence.start_char for sentence in doc.sents]
    claims = _claims(doc, findings, sentence_starts, _introduced_sources(doc, quotations))
    # "two officials said", "said one resident": a number inside a source's name describes the source. (A sum
    # describes no one: "below the $837 million analysts had expected" is what they expected.)
    mentions = RangeSet((c.speaker_mention.start, c.speaker_mention.end) for c in claims if c.speaker_mention)
    found = [
        figure
        for figure in find_figures(doc)
        if _sane(figure)
        and figure.start not in furniture
        and (figure.start not in mentions or in_currency(figure.structure.unit))
    ]
    owners = _owning_claims(found, claims)
    _objects_of_cues(doc, found, claims, owners)
    # "reporting about 5 million protesters, including 750,000 in Los Angeles": a figure that leaves out the
    # words it shares with another is given by that figure's source when nothing names its own.
    position = {id(figure): index for index, figure in enumerate(found)}
    for index, figure in enumerate(found):
        whole = position.get(id(figure.shares_words_with))
        if whole is None and figure.subset:
            # "which said 1,417 people were killed, including more than 900 civilians": a part hung outside what
            # was said is still part of the whole just before it, and given by its source.
            whole = _whole_before(found, index)
        if whole is not None and owners[index] is None and figure.holder is None:
            owners[index] = owners[whole]
            figure.holder = found[whole].holder
        _revised_by_its_giver(figure, index, owners, position)
    figures = _figures(found, owners, claims, sentence_starts)
    structures = [figure.structure for figure in found]
    headline, dateline = headline_and_dateline(doc)
    event = find_event(doc, headline, dateline)
    if event is not None and event.kind in CROWD_EVENTS:
        _crowds_counted(found, figures)
    moment = event is not None and event.kind in MOMENT_EVENTS
    one_event = _one_event_named(doc, event)
    lead = lead_paragraph(text, headline, dateline)
    in_lead = [i for i, figure in enumerate(figures) if lead and lead[0] <= figure.span.start < lead[1]]
    # (A place set at the head of its sentence, "In Ostrava, 40 were killed", sets its figure apart from the rest.)
    unfronted = [i for i in in_lead if found[i].token is None or not _fronted_place(doc[found[i].token])]
    lead_text = text[lead[0] : lead[1]] if lead else ""
    own_placed = _own_scope(structures, figures, event, dateline, unfronted, text, lead_text)
    if event is not None and event.kind and not any(figures[i].place for i in in_lead):
        # "Tens of thousands marched through central Lindau on Sunday. Organisers said 120,000 took part": a figure
        # of the lead paragraph that names no place is the lead's event's, however many places come after.
        # (Only when the lead paragraph names no place of its own: "In Kellport, 40,000 marched ... Organisers said
        # 90,000" counts several places in the lead itself.)
        own_placed |= set(in_lead)
    # A quantity the article counts at several places for its own event: a figure that names none may be any one
    # of them.
    places: dict[str | None, set[str]] = defaultdict(set)
    for found_figure in found:
        # Countries' shares of one toll ("Egypt lost 148") are parts of it, not counts of other events.
        if found_figure.structure.place and not found_figure.background and not found_figure.structure.place_share:
            places[found_figure.structure.quantity].add(found_figure.structure.place)
    # A figure whose clause named the article's own place ("80,000 marched in Paris" datelined PARIS) is that
    # place's, however many others the article counts.
    def comparable_at(index: int) -> bool:
        found_figure, figure = found[index], figures[index]
        return (
            _comparable(found_figure, figure, moment)
            and not (
                figure.place is None
                and index not in own_placed
                and len(places[found_figure.structure.quantity]) >= MIN_EVENT_PLACES
            )
            # ("8 civilians killed by U.S.-led strike" ... "181 civilians have died because of coalition strikes")
            and not (one_event and found_figure.structure.several_events)
            and not _passing_level(doc, found_figure)
        )

    comparable = [comparable_at(index) for index in range(len(figures))]
    for figure, ok in zip(figures, comparable, strict=True):
        figure.comparable = ok
    # ("Analysts had expected 4 cents. Twitter's revenue rose 74 per cent": forecasters give their expectation,
    # not the article's next result)
    forecasters = {
        i for i, f in enumerate(found) if f.holder is not None and names_forecasters(f.holder.head)
    }
    _carry_sources(figures, claims, sentence_starts, text, _revisers(doc, sentence_starts, claims), forecasters)
    for index in _headline_sources(figures, headline) + _revisions_carried(found, figures):
        comparable[index] = figures[index].comparable = comparable_at(index)
    excluded = byline_ranges(text) + ([(dateline.span.start, dateline.span.end)] if dateline else [])
    conflicts = find_conflicts(figures, claims, structures, comparable, event_label(event))
    return Report(
        text=text,
        claims=claims,
        figures=figures,
        conflicts=conflicts,
        headline=headline,
        dateline=dateline,
        sentences=[Span(start=s.start_char, end=s.end_char) for s in doc.sents],
        entities=find_entities(doc, excluded),
        event=event,
    )


# A quadrillion: beyond any count or sum a news story reports. Larger numbers ('1e308', a run of 400 digits) are
# noise, and past a float's range they would not even survive JSON.
MAX_FIGURE_VALUE = 1e15


def _whole_before(found: list[FoundFigure], index: int) -> int | None:
    """The index of the figure a part is part of: the nearest one before it in its sentence that is no part."""
    part = found[index]
    for k in range(index - 1, -1, -1):
        if found[k].sentence_start != part.sentence_start:
            return None
        if not found[k].subset:
            return k
    return None


def _sane(figure: FoundFigure) -> bool:
    values = [figure.value] if figure.upper is None else [figure.value, figure.upper]
    return all(math.isfinite(value) and abs(value) <= MAX_FIGURE_VALUE for value in values)


def event_label(event: Event | None) -> str | None:
    """'the Tormaine landslide', 'the strike'; None when the kind is unknown."""
    if event is None or event.kind is None:
        return None
    place = re.sub(r"^the\s+", "", event.place or "", flags=re.IGNORECASE)
    return f"the {place} {event.kind}" if place else f"the {event.kind}"


# How many places the article must count one quantity at before the place of a clause's event is a scope.
MIN_EVENT_PLACES = 2
# The label of a source carried on from the sentence before to a figure the article states in its own voice.
CARRIED_SOURCE = "holder:sentence-before"


def _fronted_place(token) -> bool:
    """Whether the token's sentence opens with a preposition of place ("In Ostrava, 40 people were killed")."""
    first = sentence_of(token)[0]
    return first.pos_ == "ADP" and first.lower_ in SCOPE_PREPOSITIONS


def _own_scope(
    structures: list,
    figures: list[Figure],
    event: Event | None,
    dateline,
    in_lead: list[int],
    text: str,
    lead_text: str,
) -> set[int]:
    """A place that is the article's own (its dateline's, or its event's when no figure names another place) is
    no narrower scope: "3,000 marched in Moscow" in an article about the Moscow protest holds where the article's
    other figures hold. Returns the indexes of the figures whose clause named the article's own place.
    `in_lead`: the indexes of the figures in the lead paragraph."""
    city = dateline.place if dateline and dateline.place else None
    # "ORSKA, Varnia (AP) - Thousands of schools across Varnia stayed shut", "PARIS (AP) - Hundreds of thousands
    # marched across France": an event of the dateline's country, or of a whole land, holds the city as one of its
    # parts. (A figure for the whole land, "nationwide", stays a scope of its own: a figure naming no place may
    # be any city's, "In Nantes, police counted 35,000. Organisers said 60,000 had joined.")
    countrywide = (
        city is not None
        and event is not None
        and event.place is not None
        and event.place.lower() != city.lower()
        and (
            event.place.lower() in text[dateline.span.start : dateline.span.end].lower()
            or re.search(rf"\b(?:{'|'.join(WHOLE_PREPOSITIONS)})\s+{re.escape(event.place)}\b", lead_text) is not None
        )
    )
    # "VELSK (Reuters) - Teachers across Marbania walked out", "... across the country": the lead spreads the
    # event over a land other than the dateline's city, whatever place the event was given (not when the land
    # scopes a figure of its own: "400,000 in the capital and more than 2 million across France").
    spread = re.search(
        rf"\b(?:{'|'.join(WHOLE_PREPOSITIONS)})\s+(?:the\s+(?:{'|'.join(NATION_NOUNS)})\b|(?P<land>[A-Z][\w'’-]+))",
        lead_text,
    )
    if city is not None and spread is not None:
        land = (spread.group("land") or NATIONWIDE_SCOPE).lower()
        counted_apart = any(structure.place and structure.place.lower() == land for structure in structures)
        countrywide = countrywide or (land != city.lower() and not counted_apart)
    if countrywide:
        city = None
    own = {re.sub(r"^the\s+", "", city.lower())} if city else set()
    named = {structure.place for structure in structures if structure.place and not structure.place_share}
    if event and event.place and len(named) == 1:
        # The lead's place is the article's own only when the figures name no other.
        own.add(re.sub(r"^the\s+", "", event.place.lower()))
    elif len(named) == 1 and any(structures[i].place in named for i in in_lead):
        # "Between 15,000 and 20,000 people joined the rally in central Vessa": the one place named, named in the
        # lead, is the article's own, whatever the recogniser made of the name.
        own |= named
    # "in the capital", "in the city" with no name: the dateline's city.
    own_nouns = DATELINE_PLACE_NOUNS if city else frozenset()

    def own_place(place: str) -> bool:
        return place in own_nouns or any(place in own_place or own_place in place for own_place in own)

    own_placed = set()
    # (the places figures named, the article's own among them: "900,000 marched across Marbania" and "The Velsk
    # march gathered 90,000" count at two places)
    places: dict[str | None, set[str]] = defaultdict(set)
    for index, structure in enumerate(structures):
        for place in (structure.place, structure.event_place):
            if place:
                places[structure.quantity].add(place)
        if structure.place and own_place(structure.place) and not structure.singled_out:
            structure.place = None
            own_placed.add(index)
    # The place of an event a clause's subject names ("A march in Berlin drew 60,000") scopes the figure only
    # when the article counts that quantity at several places (its own among them): then each place's event is
    # its own, and the dateline's city is one of them.
    for structure in structures:
        if structure.event_place and len(places[structure.quantity]) >= MIN_EVENT_PLACES:
            structure.place = structure.event_place
    # "has burned about 41,000 acres, ..., revising down an earlier estimate of 48,000 acres": a revision's two
    # values are of one place.
    pair_places = {s.revision_pair: s.place for s in structures if s.revision_pair is not None and s.place}
    for structure, figure in zip(structures, figures, strict=True):
        if structure.place is None and structure.revision_pair in pair_places:
            structure.place = pair_places[structure.revision_pair]
        figure.place = structure.place
    return own_placed


def _revised_by_its_giver(
    figure: FoundFigure, index: int, owners: list[int | None], position: dict[int, int]
) -> None:
    """A figure revised with no reviser named ("this figure was revised up to 4.3 per cent") is revised by whoever
    gave the figure it revises; when no one did and both are in one sentence, the two are one unnamed source's
    revision."""
    earlier = figure.revises_figure
    if earlier is None or owners[index] is not None or figure.holder is not None:
        return
    before = position[id(earlier)]
    if owners[before] is not None or earlier.holder is not None:
        owners[index], figure.holder = owners[before], earlier.holder
    elif (
        figure.sentence_start == earlier.sentence_start
        and not earlier.background
        and figure.structure.revision_pair is None
        and earlier.structure.revision_pair is None
    ):
        # Only within one sentence ("was 3 per cent, although this figure was revised up to 3.1 per cent"): with
        # no source named, a sentence further on may revise another count than the one just before it.
        figure.structure.revision_pair = earlier.structure.revision_pair = earlier.start


def _one_event_named(doc: Doc, event: Event | None) -> bool:
    """Whether the headline or lead names the article's event by a noun in the singular ('a strike', 'the blaze'),
    so that counts over events of its kind in the bare plural are no counts of it."""
    if event is None or event.trigger is None:
        return False
    words = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return words is not None and words[-1].pos_ in NOUN_POS and words[-1].tag_ not in PLURAL_NOUN_TAGS


def _passing_level(doc: Doc, found: FoundFigure) -> bool:
    """'As of 6 a.m. that number had fallen to 148,300': the level a change moved a passing state to
    (`PASSING_STATES`) is its level at another moment than the counts before it, whoever gives them. Compared with
    none: the moment is what would tell whether it disagrees."""
    if found.structure.quantity not in PASSING_STATES or found.token is None:
        return False
    number = doc[found.token]
    return (
        number.dep_ == "pobj"
        and number.head.lower_ in LEVEL_PREPOSITIONS
        and number.head.head.lemma_.lower() in CHANGE_WORDS
    )


def _comparable(found: FoundFigure, figure: Figure, moment: bool) -> bool:
    """Whether a figure may take part in a conflict: given by a source (the article's own voice restates its
    sources, as in a headline) or revised in its own clause ("was revised down to 8.2 percent from 8.3"), about the article's own event, not a part of another figure, and with a known
    structure that is not an earlier baseline ('up from 12,500') or a total over a period ('this year')."""
    structure = found.structure
    if (
        found.background
        or found.rejected
        or found.population
        # "5 million across the country, including 750,000 in Los Angeles": a part for a place of its own is
        # that place's total.
        or (found.subset and figure.place is None)
        # "Veltria said 464 of its citizens had died": one country's part of a toll others give whole
        or (structure.own_people and structure.quantity in PERSON_EVENTS)
        or (
            figure.claim is None
            and figure.source is None
            and structure.revision_pair is None
            and RESULT_AGAINST_EXPECTATION not in found.rules
            # "The aftershock was originally reported as 7.8": a value someone gave before, whoever it was
            and EARLIER_REPORT not in found.rules
        )
        or CONVERSION in found.rules
        or not structure.known
    ):
        return False
    # A running total ("since January") is another measure than the toll of an event that happened at once.
    return not (structure.baseline or (structure.aggregate and moment))


def _without_duplicates(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    kept = []
    for finding in findings:
        key = tuple(finding.content)
        if key in seen:
            continue
        seen.add(key)
        kept.append(finding)
    return kept


def _introduced_sources(doc: Doc, quotations: list[Quotation]) -> list[Token]:
    """People and organisations the narrative introduces as the subject of a sentence ('Mayor Ilse Korhonen met
    residents', 'Kelvar Mining cut its forecast'), so that a later 'she said' or 'the company said' can point back
    to them."""
    quoted = RangeSet(
        (segment.start, segment.end) for quotation in quotations for segment in quotation.segments
    )
    introduced = []
    for sentence in doc.sents:
        root = sentence.root
        if root.pos_ not in VERB_POS or root.idx in quoted:
            continue
        for child in root.children:
            if child.dep_ == "nsubj" and child.ent_type_ in PERSON_OR_ORGANISATION_ENTITIES and child.pos_ == "PROPN":
                introduced.append(child)
            elif child.dep_ == "nsubj" and child.lemma_.lower() in ORGANISATION_NOUNS and definite(child):
                introduced.append(child)  # "The ministry gave a very different picture. It said ..."
    return introduced


def _claims(
    doc: Doc, findings: list[Finding], sentence_starts: list[int], introduced: list[Token]
) -> list[Claim]:
    tracker = SourceTracker(business_names(doc))
    claims: list[Claim] = []
    built: dict[int, Claim] = {}
    pending = list(introduced)
    for finding in findings:
        sentence = bisect.bisect_right(sentence_starts, finding.sentence.start_char) - 1
        while pending and sentence_of(pending[0]).start_char < finding.sentence.start_char:
            person = pending.pop(0)
            sentence_span = sentence_of(person)
            person_sentence = bisect.bisect_right(sentence_starts, sentence_span.start_char) - 1
            mention = describe_source(person, sentence_text(sentence_span))
            if person.ent_type_ == "PERSON":
                tracker.register_relative(mention, person_sentence)
            else:
                tracker.resolve(mention, person_sentence)  # "the ministry": known already, or new
        hedges = hedges_in(sentence_text(finding.sentence), finding.cue_lemma)
        if finding.continues is not None and id(finding.continues) in built:
            earlier = built[id(finding.continues)]
            claim = Claim(
                speaker=earlier.speaker,
                role=earlier.role,
                # The source is named for this paragraph where the quotation it continues named it.
                speaker_mention=earlier.speaker_mention,
                cue=None,
                content=[Span(start=s, end=e) for s, e in finding.content],
                kind="direct",
                via=earlier.via,
                anonymous=earlier.anonymous,
                hedges=hedges,
            )
        else:
            claim = _claim(finding, tracker, sentence, hedges)
        built[id(finding)] = claim
        claims.append(claim)
    _attach_doubts(doc, findings, claims, sentence_starts)
    return claims


def _claim(finding: Finding, tracker: SourceTracker, sentence: int, hedges: list[str]) -> Claim:
    speaker = role = None
    anonymous = False
    mention_span = None
    head = finding.source_head
    if head is not None:
        mention = describe_source(head, sentence_text(finding.sentence))
        mention_span = Span(start=mention.start, end=mention.end)
        owner_pronoun = possessive_pronoun(head) if mention.kind == "description" else None
        owner = tracker.resolve_owner(owner_pronoun, sentence) if owner_pronoun else None
        if mention.kind == "relative":
            source = _antecedent(head, tracker, sentence, sentence_text(finding.sentence))
        elif owner is not None:
            source = None  # "his office": speaks for the person the pronoun points to, named below
        else:
            source = tracker.resolve(mention, sentence)
        if owner is not None:
            speaker, role, anonymous = f"{owner.name}’s {head.text.lower()}", None, owner.anonymous
        elif source is not None:
            speaker, role, anonymous = source.name, source.role, source.anonymous
        elif mention.kind not in REFERRING_KINDS:
            speaker, role, anonymous = mention.name, mention.role, mention.anonymous
        anonymous = anonymous or mention.anonymous or _unattributed_vehicle(head, mention)
    return Claim(
        speaker=speaker,
        role=role,
        speaker_mention=mention_span,
        cue=Span(start=finding.cue[0], end=finding.cue[1]) if finding.cue else None,
        content=[Span(start=s, end=e) for s, e in finding.content],
        kind=finding.kind,  # type: ignore[arg-type]
        via=finding.via,
        anonymous=anonymous,
        hedges=hedges,
    )


def _antecedent(relative: Token, tracker: SourceTracker, sentence: int, sentence_text: str):
    """'Kirby, who said ...': the relative clause hangs on the noun it describes."""
    verb = relative.head
    if verb.dep_ == "relcl" and verb.head.pos_ in NOUN_POS:
        return tracker.register_relative(describe_source(verb.head, sentence_text), sentence)
    return None


def _unattributed_vehicle(head: Token, mention: SourceMention) -> bool:
    """'Reports said' or 'a statement said' with no author named: an unnamed source."""
    return mention.kind == "description" and head.lemma_.lower() in VEHICLE_NOUNS


def _attach_doubts(
    doc: Doc, findings: list[Finding], claims: list[Claim], sentence_starts: list[int]
) -> None:
    """'That toll could not be independently confirmed.' doubts the claims of the sentence before it."""
    sentences = list(doc.sents)
    claim_sentences: dict[int, list[int]] = {}
    for index, finding in enumerate(findings):
        position = bisect.bisect_right(sentence_starts, finding.sentence.start_char) - 1
        claim_sentences.setdefault(position, []).append(index)
    for position, sentence in enumerate(sentences):
        if position == 0 or position in claim_sentences:
            continue
        doubt = doubt_about_previous(sentence.text)
        if doubt is None:
            continue
        for index in claim_sentences.get(position - 1, []):
            if doubt not in claims[index].hedges:
                claims[index].hedges.append(doubt)


def _owning_claims(found: list[FoundFigure], claims: list[Claim]) -> list[int | None]:
    """For each figure, the claim whose content holds it (the innermost, when claims nest), or None.

    A figure belongs to a content span that starts before the figure's end and ends at most one character
    before it. A sweep over figures by their end, with the spans begun so far in a heap ordered by size (then
    claim order), finds each owner in logarithmic time; comparing every figure with every claim made
    claim-dense texts quadratic.
    """
    spans = sorted(
        (span.start, span.end - span.start, index, order, span.end)
        for index, claim in enumerate(claims)
        for order, span in enumerate(claim.content)
    )
    owners: list[int | None] = [None] * len(found)
    begun: list[tuple[int, int, int, int]] = []
    next_span = 0
    for figure_index in sorted(range(len(found)), key=lambda i: found[i].end):
        end = found[figure_index].end
        while next_span < len(spans) and spans[next_span][0] < end:
            _start, size, index, order, span_end = spans[next_span]
            heapq.heappush(begun, (size, index, order, span_end))
            next_span += 1
        # Figures come by increasing end, so a span that ends too early for this one is over for good.
        while begun and begun[0][3] + 1 < end:
            heapq.heappop(begun)
        if begun:
            owners[figure_index] = begun[0][1]
    return owners


def _objects_of_cues(doc, found: list[FoundFigure], claims: list[Claim], owners: list[int | None]) -> None:
    """'The commission said 4.1 million people voted, a turnout of 60.3 percent': a figure the parser hung on the
    cue verb itself, after the claim's content, is said by the claim's source too."""
    cues = {claim.cue.start: index for index, claim in enumerate(claims) if claim.cue is not None}
    for index, figure in enumerate(found):
        if owners[index] is not None or figure.holder is not None or figure.structure.clause is None:
            continue
        verb = doc[figure.structure.clause]
        claim = cues.get(verb.idx)
        if claim is None or not claims[claim].content or claims[claim].content[0].start > figure.start:
            continue
        path = figure_path(doc[figure.token]) if figure.token is not None else []
        if len(path) > 1 and path[-2].dep_ == "dobj" and path[-2].i > verb.i:
            owners[index] = claim


# The label of a revision's value that takes its source from the other value of its pair.
REVISION_PARTNER_HOLDER = "holder:revision-partner"

# How many sentences back a pronoun holder ("it later revised the figure to 7.9") may find the source it stands
# for: its own sentence or the one before.
PRONOUN_HOLDER_REACH = 1


def _figures(
    found: list[FoundFigure], owners: list[int | None], claims: list[Claim], sentence_starts: list[int]
) -> list[Figure]:
    """The report's figures, in order. A holder that is a pronoun stands for the source of the latest figure in
    its sentence or the one before that has a source."""
    figures: list[Figure] = []
    latest: tuple[int, str, str | None] | None = None  # (sentence number, source, key)
    latest_singular: tuple[int, str, str | None] | None = None  # the same, for "it": no "economists"
    for found_figure, owner in zip(found, owners, strict=True):
        sentence = bisect.bisect_right(sentence_starts, found_figure.start) - 1
        recent = RecentSources(_near(latest, sentence), _near(latest_singular, sentence))
        figure = _figure(found_figure, owner, claims, recent)
        figures.append(figure)
        if figure.source is not None:
            latest = (sentence, figure.source, figure.source_key)
            if not _plural_label(figure.source):
                latest_singular = latest
    _revision_pairs_share_a_source(found, figures)
    return figures


# Events whose bare count is the crowd: "Protest in Kessel today. Police estimate: 8,000. Organisers: 40,000+".
CROWD_EVENTS = frozenset({"protest"})
CROWD_QUANTITY = "took part"


def _crowds_counted(found: list[FoundFigure], figures: list[Figure]) -> None:
    """In a story of a gathering, a bare number a source gives, with nothing said of what it counts or measures,
    counts the crowd ("Police estimate: 8,000 / Organisers: 40,000+")."""
    for found_figure, figure in zip(found, figures, strict=True):
        structure = found_figure.structure
        bare = not (structure.known or structure.unit or structure.baseline)
        if bare and figure.source is not None and not (found_figure.background or found_figure.subset):
            structure.quantity = figure.quantity = CROWD_QUANTITY


def _revision_pairs_share_a_source(found: list[FoundFigure], figures: list[Figure]) -> None:
    """'Up to 38 people were killed, local officials said Sunday, increasing the previous toll from 20 dead', 'lowered
    its forecast for the margin to 11-12% from about 14% previously': the two values of a revision stated in one
    clause are one source's; a value no words attribute takes the source of the other."""
    sourced = {
        found_figure.structure.revision_pair: figure
        for found_figure, figure in zip(found, figures, strict=True)
        if found_figure.structure.revision_pair is not None and figure.source is not None
    }
    for found_figure, figure in zip(found, figures, strict=True):
        partner = sourced.get(found_figure.structure.revision_pair)
        if figure.source is None and partner is not None:
            figure.source, figure.source_key = partner.source, partner.source_key
            figure.rules = [*figure.rules, REVISION_PARTNER_HOLDER]


class RecentSources(NamedTuple):
    """The latest sources before a figure a pronoun holder may stand for: any ("they"), and one that is no plural
    noun ("it": the statistics office, not the economists quoted after it)."""

    any: tuple[str, str | None] | None
    singular: tuple[str, str | None] | None


def _near(latest: tuple[int, str, str | None] | None, sentence: int) -> tuple[str, str | None] | None:
    """(source, key) of `latest` when its sentence is within `PRONOUN_HOLDER_REACH` of `sentence`."""
    return latest[1:] if latest is not None and sentence - latest[0] <= PRONOUN_HOLDER_REACH else None


def _plural_label(label: str) -> bool:
    """'economists', 'analysts (anonymous)': a source named by a plural common noun."""
    last = re.sub(r"\s*\(.*\)$", "", label).split()[-1:] or [""]
    return last[0].islower() and last[0].endswith("s") and not last[0].endswith("ss")


def _revisers(doc: Doc, sentence_starts: list[int], claims: list[Claim]) -> dict[int, set[tuple[str, str | None]]]:
    """Who revises or publishes figures in each sentence, by sentence number: "On Friday, the government revised
    the unemployment rates for two months" names the source of the revised rates the next sentences give."""
    found: dict[int, set[tuple[str, str | None]]] = {}
    for token in doc:
        if token.lemma_.lower() not in STATEMENT_REVISING_VERBS | PUBLISHING_VERBS or token.pos_ != "VERB":
            continue
        for subject in (c for c in token.children if c.dep_ == "nsubj"):
            mention = describe_source(subject, sentence_text(sentence_of(subject)))
            if mention.name and mention.kind not in REFERRING_KINDS:
                sentence = bisect.bisect_right(sentence_starts, subject.idx) - 1
                found.setdefault(sentence, set()).add(_named_holder(mention.name, claims, anonymous=mention.anonymous))
    return found


def _carry_sources(
    figures: list[Figure],
    claims: list[Claim],
    sentence_starts: list[int],
    text: str,
    revisers: dict[int, set[tuple[str, str | None]]],
    forecasters: set[int],
) -> None:
    """Name who most likely gives a figure the article states in its own voice: the one source of the sentence
    before ("On Friday, the government revised the rates. The rate for November was revised up to 7.8
    percent"). For the reader only: whether a figure may be compared was decided before, on its own words."""
    by_sentence: dict[int, set[tuple[str, str | None]]] = {k: set(v) for k, v in revisers.items()}
    for claim in claims:
        if not claim.speaker:
            continue
        for span in claim.content:
            sentence = bisect.bisect_right(sentence_starts, span.start) - 1
            by_sentence.setdefault(sentence, set()).add((claim_source_label(claim), claim_source_key(claim)))
    expecting: set[int] = set()  # sentences where forecasters give a figure: none is carried on from them
    for index, figure in enumerate(figures):
        if figure.source is None:
            continue
        sentence = bisect.bisect_right(sentence_starts, figure.span.start) - 1
        by_sentence.setdefault(sentence, set()).add((figure.source, figure.source_key))
        if index in forecasters:
            expecting.add(sentence)
    carried: dict[int, tuple[str, str | None]] = {}
    for figure in figures:
        if figure.source is not None or figure.claim is not None:
            continue
        sentence = bisect.bisect_right(sentence_starts, figure.span.start) - 1
        if sentence in by_sentence:
            continue
        before = by_sentence.get(sentence - 1, set())
        if len(before) == 1 and sentence - 1 not in expecting:
            carried[sentence] = next(iter(before))
        elif sentence - 1 in carried and not _paragraph_break(text, sentence_starts[sentence - 1], figure.span.start):
            # "The government said ... The rate was revised ... The July rate was revised ...": a source named once
            # goes on for the run of its paragraph's unattributed sentences.
            carried[sentence] = carried[sentence - 1]
        if sentence not in carried:
            continue
        figure.source, figure.source_key = carried[sentence]
        figure.rules = [*figure.rules, CARRIED_SOURCE]


def _revisions_carried(found: list[FoundFigure], figures: list[Figure]) -> list[int]:
    """'Health officials said 31 people had died. The toll was later revised down to 27': a figure whose own words
    revise a statement ("the toll was revised") is a revision whoever made it, and the one source of the sentence
    before most likely did. Returns the indexes of such figures given a carried source: they may be compared."""
    return [
        index
        for index, (found_figure, figure) in enumerate(zip(found, figures, strict=True))
        if CARRIED_SOURCE in figure.rules and found_figure.structure.revises and found_figure.structure.statement_revised
    ]


def _paragraph_break(text: str, start: int, end: int) -> bool:
    return "\n\n" in text[start:end] or "\n" in text[start:end].strip()


def _headline_sources(figures: list[Figure], headline: Span | None) -> list[int]:
    """A headline's figure with no source of its own ("7.6 aftershock strikes Chile") is the body's figure of the
    same value, and its source is the body's. Returns the indexes of the headline figures whose body figure may be
    compared: they may be too, with the headline's own reading ("aftershock" where the body says "earthquake")."""
    carried = []
    if headline is None:
        return carried
    for index, figure in enumerate(figures):
        if figure.source is not None or not headline.start <= figure.span.start < headline.end:
            continue
        body = next(
            (
                other
                for other in figures
                if other.span.start >= headline.end
                and other.source is not None
                and (other.value, other.upper) == (figure.value, figure.upper)
                and (figure.quantity is None or other.quantity in (None, figure.quantity))
            ),
            None,
        )
        if body is not None:
            figure.source, figure.source_key = body.source, body.source_key
            figure.rules = [*figure.rules, "holder:headline-body"]
            if body.comparable:
                carried.append(index)
    return carried


def _figure(found: FoundFigure, owner: int | None, claims: list[Claim], recent: RecentSources) -> Figure:
    structure = found.structure
    claim = claims[owner] if owner is not None else None
    source = claim_source_label(claim) if claim is not None else None
    key = claim_source_key(claim) if claim is not None else None
    # "The state health department said it had confirmed 64 cases": "it" is the claim's speaker, when the
    # figure sits in a claim; otherwise the latest source before it.
    speaker = (source, key) if claim is not None and claim.speaker else None
    held = _holder_source(found, claims, RecentSources(speaker, speaker) if speaker else recent)
    if held is not None:
        # The figure's own source wins over the speaker of the sentence: "Smith said police counted 3,000".
        source, key = held
    return Figure(
        counted=structure.counted,
        quantity=structure.quantity,
        unit=structure.unit,
        period=structure.period,
        status=structure.status,
        change=structure.change,
        source=source,
        source_key=key,
        value=_plain(found.value),
        upper=_plain(found.upper) if found.upper is not None else None,
        qualifier=found.qualifier,
        measure=found.measure or (structure.readable() if structure.known else None),
        span=Span(start=found.start, end=found.end),
        claim=owner,
        background=found.background,
        rules=list(found.rules),
        belongs_to=structure.belongs_to,
    )


def _holder_source(
    found: FoundFigure, claims: list[Claim], recent: RecentSources
) -> tuple[str, str | None] | None:
    """(label, key) of the source a figure's own construction names, or None when it names none a reader can
    use. A pronoun holder ("it revised the figure to 7.9") is the `recent` source, when there is one.

    A holder named more shortly than a claim's speaker ("police" after "Moscow police said") is that speaker:
    two keys for one source would read as two sources disagreeing.
    """
    if found.holder is None:
        return None
    head = found.holder.head
    if found.holder.rule == OFFICIAL_FIGURE:
        return found.holder.text, OFFICIAL_SOURCE  # "official estimates", "the official toll": the officials'
    if found.holder.rule == "holder:unowned-expectation":
        # "Economists polled by Reuters ... , beating forecasts of 1.8 percent": the forecasters named just before
        # made the forecasts; with none named, the forecasts are all the reader is told.
        forecasters = _forecasters_before(head)
        if forecasters is not None:
            mention = describe_source(forecasters, sentence_text(sentence_of(forecasters)))
            if mention.name:
                return _named_holder(mention.name, claims, anonymous=mention.anonymous)
    if found.holder.text is not None:
        return _named_holder(found.holder.text, claims)
    head = _maker_of(head)
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ in RELATIVE_CLAUSE_DEPS:
        head = head.head.head  # "analysts, who had predicted $0.84": the noun the clause hangs on
    if head.lemma_.lower() in EXPECTATION_NOUNS:
        # "previous forecasts, which expected an EPS between $3.87 and $3.93": a forecast expects nothing; whose
        # it is, only forecasters named before may say.
        forecasters = _forecasters_before(head)
        if forecasters is None:
            return None
        head = forecasters
    mention = describe_source(head, sentence_text(sentence_of(head)))
    pronoun = POSSESSIVE_PRONOUNS.get(head.lower_, head.lower_)
    if mention.kind == "pronoun" and pronoun in IT_THEY_PRONOUNS:
        # "The army is standing by its claim that no more than 36 died": a possessive is its own clause's subject's
        subject = _subject_owning(head)
        if subject is not None:
            owner = describe_source(subject, sentence_text(sentence_of(subject)))
            if owner.name and owner.kind not in REFERRING_KINDS:
                return _named_holder(owner.name, claims, anonymous=owner.anonymous)
        # "it revised the figure to 7.9", "its previous forecast was for 4.1 billion"
        return recent.singular if pronoun == SINGULAR_PRONOUN else recent.any
    owning = possessive_pronoun(head)
    if mention.kind == "description" and owning in IT_THEY_PRONOUNS and head.lemma_.lower() in OWN_STAFF_NOUNS:
        # "Medics Abroad said its teams had recorded 390 deaths": the teams are the source's own
        owner = recent.singular if owning == SINGULAR_PRONOUN else recent.any
        if owner is not None:
            return owner
    bare = not any(c.dep_ in PRENOMINAL_MODIFIER_DEPS for c in head.children)  # not "the stadium operator"
    if head.lemma_.lower() in GUIDANCE_NOUNS:
        # "The revised outlook now anticipates ...": the business named just before gives its own guidance.
        business = _organisation_named_before(head)
        return _named_holder(business, claims) if business is not None else None
    if mention.kind == "description" and mention.definite and mention.head_lemma in BUSINESS_NOUNS and bare:
        # "the company brought in just $18.8 billion" after "Wall Street was not happy with IBM": the business
        # named just before.
        business = _organisation_named_before(head)
        if business is not None:
            return _named_holder(business, claims)
    if mention.kind == "description" and mention.definite:
        # "revised down by the statistics body" after "the Office for National Statistics said": the organisation
        # named before whose name holds the description's modifier.
        named = _organisation_named_with(head)
        if named is not None:
            return _named_holder(named, claims)
    if mention.kind == "description" and mention.definite and mention.head_lemma in PUBLIC_BODY_KIND_NOUNS:
        # "Phivolcs issued a bulletin ... Later, the agency updated it to 6.1": the one organisation named in its
        # sentence or the one before.
        named = _only_organisation_named_before(head)
        if named is not None:
            return _named_holder(named, claims)
    if mention.kind in REFERRING_KINDS or not mention.name:
        return None
    if head.dep_ == "compound" and head.lemma_.lower() in FORECASTER_NOUNS and head.lower_ == head.lemma_.lower():
        # "analyst expectations of $19.1 billion": what analysts expect, not one analyst
        return _named_holder(f"{head.text}s", claims, anonymous=mention.anonymous)
    return _named_holder(mention.name, claims, anonymous=mention.anonymous)


def _subject_owning(possessive: Token) -> Token | None:
    """The subject before a possessive pronoun in its own clause, which the pronoun points back to: "The army is
    standing by its claim" (the army's claim). None when the pronoun is the subject's own word or the clause
    has no noun subject before it."""
    if possessive.dep_ != "poss":
        return None
    for node in possessive.ancestors:
        if node.pos_ in VERB_POS:
            # (an active subject: "EPS is expected to reach $2.25, short of its guidance" is the company's)
            subject = next((c for c in node.children if c.dep_ in ACTIVE_SUBJECT_DEPS), None)
            if subject is None or subject.i > possessive.i or subject.pos_ == "PRON" or possessive in subject.subtree:
                return None
            # ("the economy grew 0.4%, down from its flash estimate": a subject that can't speak is not the owner)
            return subject if can_speak(subject) else None
    return None


def _maker_of(figure_noun: Token) -> Token:
    """'according to a tally compiled by Reuters', 'figures released by the ministry': who made a figure the
    holder names; the holder itself when no one is said to."""
    if figure_noun.lemma_.lower() not in OWNED_FIGURE_NOUNS:
        return figure_noun
    return made_by(figure_noun) or figure_noun


# How far back (in tokens) "the company" looks for the business it stands for.
BUSINESS_REFERENCE_REACH = 120


def _forecasters_before(head: Token) -> Token | None:
    """The nearest forecasters ('economists', 'analysts') named in the sentence of `head` or the one before it."""
    sentence = sentence_of(head)
    start = sentence_of(head.doc[sentence.start - 1]).start if sentence.start > 0 else sentence.start
    for i in range(head.i - 1, start - 1, -1):
        if head.doc[i].lemma_.lower() in FORECASTER_NOUNS:
            return head.doc[i]
    return None


def _organisation_named_with(head: Token) -> str | None:
    """The nearest organisation named before `head` (within `BUSINESS_REFERENCE_REACH` tokens) whose name holds a
    modifier of `head` ('the statistics body', 'the electoral commission'), or None."""
    modifiers = {
        word
        for c in head.children
        if c.dep_ in PRENOMINAL_MODIFIER_DEPS and c.i < head.i
        for word in (c.lower_, c.lemma_.lower())
    }
    if not modifiers:
        return None
    doc = head.doc
    for i in range(head.i - 1, max(-1, head.i - BUSINESS_REFERENCE_REACH), -1):
        if doc[i].ent_type_ == "ORG" and {doc[i].lower_, doc[i].lemma_.lower()} & modifiers:
            entity = entity_at(doc[i])
            return entity.text if entity is not None else doc[i].text
    return None


# Kinds of body a description may name that no business is: "the agency", "the organisation".
PUBLIC_BODY_KIND_NOUNS = GENERIC_ORGANISATION_NOUNS - BUSINESS_NOUNS


def _only_organisation_named_before(head: Token) -> str | None:
    """The one organisation named in `head`'s sentence before it or in the sentence before that, however many times
    and however written ("The International Grains Council (IGC)"); None when there are none or several."""
    doc = head.doc
    sentence = sentence_of(head)
    start = sentence_of(doc[sentence.start - 1]).start if sentence.start > 0 else sentence.start
    names: list[str] = []
    for entity in doc[start : head.i].ents:
        if entity.label_ != "ORG" or (entity.start > 0 and doc[entity.start - 1].text == "("):
            continue  # "(Reuters)", the outlet; "(IGC)", the name just given again
        if hyphen_joined(doc[entity.end - 1]):
            continue  # "the Lyon-based organisation": where it is, not who
        name = re.sub(r"^the\s+", "", entity.text, flags=re.IGNORECASE)
        if not any(one_name(name.lower(), other.lower()) for other in names):
            names.append(name)
    return names[0] if len(names) == 1 else None


def _organisation_named_before(head: Token) -> str | None:
    """The nearest organisation's name before `head` within `BUSINESS_REFERENCE_REACH` tokens, or None."""
    doc = head.doc
    for i in range(head.i - 1, max(-1, head.i - BUSINESS_REFERENCE_REACH), -1):
        if doc[i].ent_type_ == "ORG" and not (i > 0 and doc[i - 1].text == "("):  # not "(Reuters)", the outlet
            entity = entity_at(doc[i])
            return entity.text if entity is not None else doc[i].text
    return None


def _named_holder(name: str, claims: list[Claim], *, anonymous: bool = False) -> tuple[str, str | None]:
    """(label, key) for a holder's name; the speaker of a claim when it names the same source more fully."""
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    words = set(name.lower().split())
    for claim in claims:
        if claim.speaker and coordinated(claim.speaker):
            continue  # "The ministry" is not "union and ministry"
        if claim.speaker and not claim.anonymous and words <= set(claim.speaker.lower().split()):
            return claim_source_label(claim), claim_source_key(claim)
    label = f"{name}{ANONYMOUS_MARK}" if anonymous and "anonymous" not in name.lower() else name
    return label, None if anonymous else " ".join(name.lower().split())


# Significant digits a figure's value keeps: "4.1 billion" is 4.1 x 1e9 = 4099999999.9999995 in floating point, and
# no article states more digits than this.
VALUE_DIGITS = 12


def _plain(value: float) -> int | float:
    """The value as the article states it: float noise rounded away, a whole number as an int."""
    value = float(f"{value:.{VALUE_DIGITS}g}")
    return int(value) if value.is_integer() else value
