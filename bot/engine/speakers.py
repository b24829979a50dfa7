"""Who a source is: from the words that name it to a readable name, a role, and whether it is anonymous.

`describe_source` reads the noun phrase a claim's subject heads; `SourceTracker` follows the article in order
and points pronouns ("he", "it", "they") and descriptions ("the official", "the group") back to a source already
named — or leaves them unresolved, never guessing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from bot.engine.doccache import entities_within, entity_at, sentence_of
from bot.engine.grammar import (
    DESCRIPTION_LEFT_DEPS,
    ENTITY_TAIL_POS,
    FUNCTION_DEPS,
    MENTION_LEFT_DEPS,
    MENTION_RIGHT_DEPS,
    NAME_CONTINUATION_POS,
    NAME_OPENING_POS,
    NOUN_POS,
    ORGANISATION_ENTITIES,
    OWNER_NAME_DEPS,
    PERSON_ENTITIES,
    PERSON_OR_ORGANISATION_ENTITIES,
    PLURAL_NOUN_TAGS,
    TIME_ENTITIES,
    VERB_POS,
)
from bot.engine.lexicon import (
    AFFILIATION_PREPOSITIONS,
    ANONYMOUS_SOURCE_NOUNS,
    AUTHOR_PREPOSITIONS,
    BUSINESS_NOUNS,
    CLOSING_BRACKET,
    COMMISSIONING_VERBS,
    CORPORATE_DESIGNATORS,
    DASHES,
    DEFINITE_DETERMINERS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    GENERIC_ORGANISATION_NOUNS,
    ISSUING_VERBS,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    MENTION_END_MARKS,
    ORGANISATION_NOUNS,
    OUTLET_VEHICLE_NOUNS,
    PLURAL_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    POSSESSIVE_SUFFIXES,
    PRONOUN_GENDERS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SOURCE_PHRASE_PREPOSITIONS,
    SPEECH_VERBS,
    VEHICLE_NOUNS,
    VEHICLE_PREPOSITIONS,
)
from bot.engine.structure import initials_of

_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"}) | RELATIVE_PRONOUNS
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "some", "several", "many", "another"}
_HONORIFICS = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|prof|rev)\.?\s+", re.IGNORECASE)
_ANONYMITY = re.compile(
    r"condition of anonymity|requested anonymity|asked not to be (?:named|identified)|declined to be "
    r"(?:named|identified)|not authori[sz]ed to (?:speak|comment|talk|discuss)|on background|"
    r"did not want to be (?:named|identified)|spoke anonymously|speaking anonymously|who was not named",
    re.IGNORECASE,
)
_CALLED = {"call", "name", "know", "dub"}
# Kinds of mention that name their source rather than describe it or point back to it.
_NAMED_KINDS = frozenset({"person", "organisation"})
# Kinds of mention that point back to a source named elsewhere: "he said", "Kirby, who said".
REFERRING_KINDS = frozenset({"pronoun", "relative"})


@dataclass
class SourceMention:
    """What the words of one claim say about its source."""

    start: int
    end: int
    name: str | None
    role: str | None = None
    kind: str = "description"  # person | organisation | description | pronoun | relative
    anonymous: bool = False
    gender: str | None = None
    plural: bool = False
    head_lemma: str = ""
    definite: bool = False
    maybe_person: bool = False  # a name the recogniser called an organisation that could be a person's


@dataclass
class Source:
    """A source the article has named, as the tracker knows it."""

    name: str
    role: str | None
    kind: str
    anonymous: bool
    gender: str | None
    plural: bool
    words: set[str] = field(default_factory=set)
    sentence: int = 0
    maybe_person: bool = False
    named: bool = False  # named by a name of its own ("Kelvar Mining"), not only described ("the company")


@lru_cache(maxsize=256)
def _says_anonymous(sentence_text: str) -> bool:
    """Whether a sentence says its source spoke anonymously; every claim of the sentence asks."""
    return _ANONYMITY.search(sentence_text) is not None


def describe_source(head: Token, sentence_text: str = "") -> SourceMention:
    """Read the noun phrase headed by `head` as a source."""
    owned = _through_vehicle(head)
    if owned is head:
        author = _owner_named_before(head)
        # (An author that is itself a statement's noun is not followed further: one step back, never a chain.)
        if author is not None and not _statement_like(author):
            # The source is the author; the words that name it here are still "The report".
            start_token, end_token = _mention_bounds(head)
            mention = describe_source(author, sentence_of(author).text)
            return replace(mention, start=head.doc[start_token].idx, end=head.doc[end_token].idx + len(head.doc[end_token]))
    head = owned
    start_token, end_token = _mention_bounds(head)
    doc = head.doc
    mention_tokens = doc[start_token : end_token + 1]
    start, end = mention_tokens.start_char, mention_tokens.end_char
    lower = head.lower_
    # "The WHO said": a name written in capitals is no pronoun, whatever its letters spell.
    # ("the WHO listed", "WHO: 1,610 cases": the tagger may take it for the pronoun; in a line not written all
    # in capitals, it is a name.)
    acronym = (
        head.is_upper
        and len(head.text) > 1
        and (head.pos_ == "PROPN" or any(t.is_lower for t in sentence_of(head)))
    )
    if (lower in _PRONOUNS or head.pos_ == "PRON") and not acronym:
        kind = "relative" if lower in RELATIVE_PRONOUNS else "pronoun"
        return SourceMention(
            start=head.idx,
            end=head.idx + len(head.text),
            name=None,
            kind=kind,
            head_lemma=lower,
            plural=lower in PLURAL_PRONOUNS,
            gender=PRONOUN_GENDERS.get(lower),
        )
    anonymous = _says_anonymous(sentence_text) if sentence_text else False

    titled = _name_with_preposition(head)
    if titled is not None:
        # "Doctors Without Borders", "Reporters Without Borders": a preposition in capitals runs through a name.
        return SourceMention(
            start, end, titled, kind="organisation", anonymous=anonymous, head_lemma=head.lemma_.lower()
        )
    called = _called_name(head)
    if called:
        return SourceMention(
            start, end, called, kind="organisation", anonymous=anonymous, head_lemma=head.lemma_
        )

    person = _entity_in(mention_tokens, PERSON_ENTITIES)
    if person is not None and (_named_behind_a_thing(head, person) or _place_taken_for_a_person(head, person)):
        person = None
    if person is not None and (person.root == head or head.lemma_.lower() not in ANONYMOUS_SOURCE_NOUNS):
        name = _clean_name(person.text)
        role = _role_before(mention_tokens, person) or _appositive_role(head)
        leading_role, name = _split_leading_role(person, name)
        role = " ".join(part for part in (role, leading_role) if part and not part.isspace()) or None
        if role and role.split()[-1].lower() in ORGANISATION_NOUNS:
            # "Rights group Sahel Watch": the recogniser took a group for a person; the role says otherwise.
            return SourceMention(
                start, end, name, role, "organisation", anonymous, None, False, head.lemma_.lower()
            )
        gender = _gender(name, role, mention_tokens.text)
        return SourceMention(start, end, name, role, "person", anonymous, gender, False, head.lemma_.lower())

    if head.ent_type_ in ORGANISATION_ENTITIES or (
        head.pos_ == "PROPN" and head.lemma_.lower() not in ROLE_NOUNS
    ):
        entity = _entity_of(head)
        name = _clean_name(entity) if entity else _clean_name(_compound_text(head))
        # A two- or three-word proper name the entity recogniser missed (or took for an organisation while
        # an apposition gives it a personal role: "X Y, the group's coordinator") is most likely a person.
        role_in_apposition = _appositive_role(head)
        personal_role = bool(role_in_apposition) and role_in_apposition.split()[-1].lower() in ROLE_NOUNS
        unrecognised_name = (
            (not head.ent_type_ or personal_role) and 2 <= len(name.split()) <= 3 and name.istitle()
        )
        return SourceMention(
            start,
            end,
            name,
            role=role_in_apposition if unrecognised_name else None,
            kind="person" if unrecognised_name else "organisation",
            gender=_gender(name, None, mention_tokens.text) if unrecognised_name else None,
            anonymous=anonymous,
            plural=head.tag_ in PLURAL_NOUN_TAGS,
            head_lemma=head.lemma_.lower(),
            maybe_person=_could_be_a_persons_name(head, name),
        )

    named = _appositive_name(head)
    if named is not None:
        # "A spokeswoman for the authority, Elise Marchetti, said": the name is in apposition.
        name = _clean_name(named.text)
        role = _description(head)
        if head.lemma_.lower() in ORGANISATION_NOUNS:
            # "The national rail operator Varnirail": an organisation introduced by what it is.
            return SourceMention(
                start, end, name, role, "organisation", anonymous, None, False, head.lemma_.lower()
            )
        return SourceMention(
            start, end, name, role, "person", anonymous, _gender(name, role, role), False, ""
        )
    description = _description(head)
    head_lemma = head.lemma_.lower()
    determiners = {child.lower_ for child in head.children if child.dep_ == "det"}
    # ("the Johannesburg-based company" describes, and refers back like "the company": a name joined to the next
    # word by a hyphen makes an adjective, not part of the company's name)
    named_modifier = any(t.pos_ == "PROPN" and not hyphen_joined(t) for t in mention_tokens if t.i < head.i)
    anonymous = anonymous or (head_lemma in ANONYMOUS_SOURCE_NOUNS)
    gender = _gender(None, description, mention_tokens.text)
    return SourceMention(
        start,
        end,
        description,
        role=None,
        kind="description",
        anonymous=anonymous,
        gender=gender,
        plural=head.tag_ in PLURAL_NOUN_TAGS or any(c.dep_ == "conj" for c in head.children),
        head_lemma=head_lemma,
        definite=bool(determiners & DEFINITE_DETERMINERS) and not named_modifier,
    )


# The preposition of where people are: "leaders in Kamchatka", "officials in Lindau".
PLACE_IN = "in"


def _place_taken_for_a_person(head: Token, person: Span) -> bool:
    """'Labor leaders in Kamchatka estimated ...': a name after "in" on the speaker's noun is where they are, a
    place the recogniser took for a person."""
    root = person.root
    return root.dep_ == "pobj" and root.head.lower_ == PLACE_IN and root.head.head.i == head.i


def _named_behind_a_thing(head: Token, person: Span) -> bool:
    """'The official manifest of the Douglas MD-83 plane showed': a name in a phrase hung on a thing's noun, not
    on a person's or an organisation's, is not who speaks."""
    lemma = head.lemma_.lower()
    if head.pos_ not in NOUN_POS or lemma in ROLE_NOUNS | ANONYMOUS_SOURCE_NOUNS | ORGANISATION_NOUNS:
        return False
    node = person.root
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "prep":
            return True
        node = node.head
    return False


# Headlines in title case capitalise the short prepositions ("In", "For", "From"); a name's own is longer ("Without",
# "Against").
MAX_HEADLINE_PREPOSITION = 4


def _name_with_preposition(head: Token) -> str | None:
    """'Doctors Without Borders said': a capitalised word, a capitalised preposition and a capitalised word make
    one name (running text never capitalises a preposition), whatever the tagger made of its parts."""
    doc = head.doc
    if not head.is_title or head.i + 2 >= len(doc):
        return None
    preposition, after = doc[head.i + 1], doc[head.i + 2]
    if preposition.pos_ != "ADP" or not preposition.is_title or not after.is_title:
        return None
    words = [t for t in sentence_of(head) if t.is_alpha]
    if 2 * sum(t.is_title for t in words) >= len(words) or len(preposition) <= MAX_HEADLINE_PREPOSITION:
        # "Officials In Kessia Say 40 Died": a headline capitalises every word, and its short prepositions
        return None
    first = head
    while first.i > 0 and doc[first.i - 1].is_title and doc[first.i - 1].pos_ in NAME_OPENING_POS:
        first = doc[first.i - 1]
    return doc[first.i : after.i + 1].text


def _could_be_a_persons_name(head: Token, name: str) -> bool:
    """'Ivo Brandt' tagged ORG: two or three capitalised words with nothing organisational about them."""
    words = name.split()
    if head.ent_type_ != "ORG" or not 2 <= len(words) <= 3 or not name.istitle():
        return False
    return not any(
        word.lower() in ORGANISATION_NOUNS or word.lower() in _ORGANISATION_WORDS for word in words
    )


_ORGANISATION_WORDS = frozenset(
    """inc ltd llc corp co plc group news times post press watch observatory institute university college
    foundation trust fund bank airlines airways motors energy oil gas health hospital clinic church mosque
    party front movement brigade brigades army forces police guard council ministry department""".split()
)


def _through_vehicle(head: Token) -> Token:
    """'The ministry's statement said' speaks for the ministry: follow a statement-like noun to its author."""
    if not _statement_like(head):
        return head
    owner = _vehicle_owner(head)
    return owner if owner is not None else head


def _owner_named_before(head: Token) -> Token | None:
    """'The United Nations said in a report on Tuesday ... The report said ... The report added': the author of
    the report named before, through any 'the report' between (an earlier 'a report' with no author is another
    report). None when 'the report' is no statement-like noun or no author was named."""
    if not _statement_like(head) or not _definite(head):
        return None
    for earlier in reversed(head.doc[max(0, head.i - VEHICLE_LOOKBACK_TOKENS) : head.i]):
        if earlier.lemma_.lower() != head.lemma_.lower():
            continue
        if earlier.pos_ == "PROPN":
            break  # "The union was sent a Section 188 Advance Notice": the names before a title's word are its title
        owner = _vehicle_owner(earlier)
        if owner is not None:
            return owner
        if not _definite(earlier):
            break
    return None


def made_by(noun: Token) -> Token | None:
    """Who a participle on the noun says made it: 'a tally compiled by Reuters from statements', 'figures released
    by the ministry'; 'a count commissioned by three newspapers from the firm Metrocount' was made by the firm
    (`COMMISSIONING_VERBS`: what is compiled "from statements" is made of them, not by them)."""
    for participle in (c for c in noun.children if c.dep_ == "acl"):
        agents = [o for a in participle.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        if not agents:
            continue
        makers = [
            o
            for p in participle.children
            if p.dep_ == "prep" and p.lower_ == "from" and participle.lemma_.lower() in COMMISSIONING_VERBS
            for o in p.children
            if o.dep_ == "pobj"
        ]
        return (makers or agents)[0]
    return None


def _may_author(preposition: Token, noun: Token) -> bool:
    """'a report by the agency', 'data from the bureau', 'a statement of the Foreign Office'; not 'a poll of 800
    voters' (those asked) or 'a statement of concern' (what it says): after 'of', only a name is an author."""
    counted = any(c.dep_ == "nummod" for c in noun.children)
    return not counted and (preposition.lower_ != "of" or noun.pos_ == "PROPN" or bool(noun.ent_type_))


def _statement_like(noun: Token) -> bool:
    """A noun for a statement rather than a speaker (`VEHICLE_NOUNS`), as written or as lemmatised ('data' may
    be lemmatised 'datum')."""
    return noun.lemma_.lower() in VEHICLE_NOUNS or noun.lower_ in VEHICLE_NOUNS


def _definite(noun: Token) -> bool:
    """'the report', and "today's data", "Friday's report": a statement known from before."""
    return any((c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and _dated(c)) for c in noun.children)


def _dated(token: Token) -> bool:
    """'today' in "today's data", 'Friday' in "Friday's report": a day, not an owner."""
    return token.ent_type_ in TIME_ENTITIES


# How far back (in tokens) 'the report' may look for the report whose author was named: a few sentences.
VEHICLE_LOOKBACK_TOKENS = 150


def _vehicle_owner(vehicle: Token) -> Token | None:
    """Who wrote or gave a statement-like noun, where the words around it say so: "the ministry's statement", 'a
    report by the agency', 'the UNAMA report', 'the company issued a statement', 'the United Nations said in a
    report'; None when they don't."""
    for child in vehicle.children:
        if child.dep_ == "poss" and child.pos_ in NOUN_POS and not _dated(child):
            return child  # ("today's data" is no one's)
    for child in vehicle.children:
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.pos_ in NOUN_POS and _may_author(child, grandchild):
                    return grandchild
    maker = made_by(vehicle)
    if maker is not None:
        return maker
    # ("its July employment report": a month names when, not whose)
    compounds = [
        c
        for c in vehicle.children
        if c.dep_ in OWNER_NAME_DEPS and c.i < vehicle.i and (c.pos_ == "PROPN" or c.ent_type_) and not _dated(c)
    ]
    if compounds:
        return compounds[-1]
    named = vehicle.doc[vehicle.i - 1] if vehicle.i > 0 else vehicle
    if vehicle.dep_ == "pobj" and vehicle.head.lower_ == "of" and named.pos_ == "PROPN" and named.i > vehicle.head.i:
        # "Marbanian Bureau of Statistics data", "the Department of Labor report": the name's last word taken for
        # the object of its 'of'; the name is the owner.
        return vehicle.head.head if vehicle.head.head.pos_ == "PROPN" else None
    if vehicle.dep_ == "dobj" and vehicle.head.lemma_.lower() in ISSUING_VERBS:
        # "The company issued a statement saying ...": who issued it.
        return next((c for c in vehicle.head.children if c.dep_ == "nsubj" and c.pos_ in NOUN_POS), None)
    prep = vehicle.head
    speaks = prep.head.pos_ in VERB_POS and prep.head.lemma_.lower() in SPEECH_VERBS
    if vehicle.dep_ == "pobj" and prep.lower_ in VEHICLE_PREPOSITIONS and speaks:
        # "The United Nations said in a report on Tuesday": who spoke through it ("Trump leads in the poll" does
        # not).
        return next((c for c in prep.head.children if c.dep_ == "nsubj" and c.pos_ in NOUN_POS), None)
    return None


def _mention_bounds(head: Token) -> tuple[int, int]:
    """Token bounds of the source's noun phrase: modifiers, name, prepositional tail and coordinated sources,
    but not the clauses hung on it (', speaking on condition of anonymity,' or ', who ...')."""
    left, right = head.i, head.i
    for child in head.lefts:
        if child.dep_ in MENTION_LEFT_DEPS:
            left = min(left, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in MENTION_RIGHT_DEPS and not (child.dep_ == "appos" and child.pos_ != "PROPN"):
            if child.dep_ == "prep" and child.lower_ not in SOURCE_PHRASE_PREPOSITIONS:
                break
            right = max(right, child.right_edge.i)
        elif child.dep_ == "punct" and child.i == right + 1 and child.text in MENTION_END_MARKS:
            break
    doc = head.doc
    # "PELISA, Sept 23 (Reuters) - Tarsenia's commission said": a dateline's dash ends what may name the source.
    for token in doc[left : head.i]:
        if token.text in DASHES and not _inside_a_word(token):
            left = token.i + 1
    while right > left and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].dep_ == "cc" or _no_word(doc[left])):
        left += 1  # ("🔴 Local hospital sources": a post's bullet is no part of the name)
    return left, right


def _no_word(token: Token) -> bool:
    """A token with no letter or digit in it: an emoji, a bullet."""
    return not any(ch.isalnum() for ch in token.text)


def _entity_in(tokens, labels: frozenset[str]):
    for entity in entities_within(tokens):
        if entity.label_ in labels:
            return entity
    return None


def _entity_of(head: Token) -> str | None:
    entity = entity_at(head)
    if entity is None:
        return None
    # ("the ministry on Monday": the recogniser ran the name into the preposition after it)
    end = entity.end
    while end - 1 > head.i and entity.doc[end - 1].pos_ in ENTITY_TAIL_POS:
        end -= 1
    return entity.doc[entity.start : end].text


def _compound_text(head: Token) -> str:
    tokens = [c for c in head.lefts if c.dep_ == "compound"] + [head]
    start = min(t.left_edge.i if t is not head else t.i for t in tokens)
    return head.doc[start : head.i + 1].text


def _called_name(head: Token) -> str | None:
    """'A group calling itself X', 'a militia known as X' -> X."""
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() in _CALLED:
            names = [t for t in child.subtree if t.pos_ == "PROPN"]
            if names:
                first = names[0]
                last = first
                while (last.i + 1 < len(head.doc) and head.doc[last.i + 1].pos_ in NAME_CONTINUATION_POS) or (
                    last.i + 1 < len(head.doc) and head.doc[last.i + 1].text == "-"
                ):
                    last = head.doc[last.i + 1]
                return _clean_name(head.doc[first.i : last.i + 1].text)
    return None


_OCCUPATIONS = frozenset(
    """farmer teacher nurse driver fisherman shopkeeper student pastor imam rabbi priest coach engineer pilot
    lawyer doctor surgeon paramedic firefighter volunteer trader merchant owner worker miner soldier
    sergeant private corporal major colonel general captain officer detective""".split()
)


def _split_leading_role(person, name: str) -> tuple[str | None, str]:
    """'Farmer Peter Brandt' as one entity: the first word is a role when it is an office or occupation."""
    words = name.split()
    if len(words) >= 3 and (words[0].lower() in ROLE_NOUNS or words[0].lower() in _OCCUPATIONS):
        return words[0], " ".join(words[1:])
    return None, name


def _role_before(tokens, person) -> str | None:
    before = [t for t in tokens if t.i < person.start and t.dep_ not in FUNCTION_DEPS]
    if not before:
        return None
    text = tokens.doc[before[0].i : person.start].text.strip(" ,")
    return text or None


def _appositive_name(head: Token):
    # "An analyst at Kesterby Bank, Mia Falk, said": the parser may hang the name on the last noun before it.
    attached = [head] + [
        pobj for prep in head.children if prep.dep_ == "prep" for pobj in prep.children if pobj.dep_ == "pobj"
    ]
    for child in (child for noun in attached for child in noun.children):
        if child.dep_ == "appos" and child.pos_ == "PROPN" and _is_person_entity(child):
            return entity_at(child)
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            entity = entity_at(child)
            if entity is not None and entity.label_ == "PERSON":
                return entity
            return _compound_span(child)
    return None


def _is_person_entity(token: Token) -> bool:
    return token.ent_type_ == "PERSON"


def possessive_pronoun(head: Token) -> str | None:
    """'His office said': the pronoun owning the source, to resolve like 'he'."""
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
            return POSSESSIVE_PRONOUNS[child.lower_]
    return None


def _compound_span(token: Token):
    left = min((c.left_edge.i for c in token.lefts if c.dep_ == "compound"), default=token.i)
    return token.doc[left : token.i + 1]


def _appositive_role(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            tokens = [t for t in child.subtree if t.dep_ != "punct"]
            if tokens and tokens[0].lower_ in _DETERMINERS:
                tokens = tokens[1:]
            if tokens:
                return head.doc[tokens[0].i : tokens[-1].i + 1].text
    return None


def _description(head: Token) -> str:
    """'An Iraqi militia official' -> 'Iraqi militia official'; conjoined sources are kept."""
    parts = [_np_core(head)]
    for conj in head.conjuncts:
        # ("according to organisers, or 200,000 people, according to police": a count joined on is no source)
        counted = any(c.like_num for c in conj.children)
        if conj.i > head.i and conj.pos_ in NOUN_POS and not counted:
            parts.append(_np_core(conj))
    return " and ".join(part for part in parts if part)


def _mark_between_words(token: Token) -> bool:
    """A punctuation mark that sets words apart: not a hyphen inside a word ('counter-rally', no space on either
    side) nor a possessive's apostrophe ("the ranchers' federation")."""
    return token.is_punct and not _inside_a_word(token) and token.dep_ != "case"


def _inside_a_word(token: Token) -> bool:
    """A hyphen with no space on either side: 'counter-rally', 'the Chicago-based company', 'U.S.-led' (not after
    a closing bracket: a dateline's "(Reuters)-Ukraine's military")."""
    if token.text != "-" or token.whitespace_ or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return not before.whitespace_ and before.text != CLOSING_BRACKET


def hyphen_joined(token: Token) -> bool:
    """A word a hyphen inside a word joins to the next: "Johannesburg" in "the Johannesburg-based company"."""
    doc = token.doc
    return token.i + 1 < len(doc) and _inside_a_word(doc[token.i + 1])


# What a source speaks through ("in a statement", "in an interview"): no part of its name.
SPOKEN_THROUGH_NOUNS = VEHICLE_NOUNS | OUTLET_VEHICLE_NOUNS


def _np_core(head: Token) -> str:
    left = head.i
    for child in head.lefts:
        if child.dep_ in DESCRIPTION_LEFT_DEPS:
            left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        # "a spokesperson for the regional governor": a short attachment says whose source it is, up to any
        # apposition on it ("Researchers at Blackvane Labs, a security firm,"); a hyphen inside a word goes on.
        # (Any other mark inside, 'the authors of the "Growth Project"', leaves the words out.)
        marks = [t for t in head.doc[child.i : child.right_edge.i + 1] if _mark_between_words(t)]
        end = marks[0].i - 1 if marks and marks[0].text in MENTION_END_MARKS else child.right_edge.i
        marked = any(t.i <= end for t in marks)
        # (A capitalised one belongs to a headline's title case, "Officials In Kessia Say ...", not to a source.)
        affiliation = child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS and not child.is_title
        # ("LASEMA in their statement confirmed two deaths": what the source spoke through is no part of its name)
        affiliation = affiliation and not any(g.lemma_.lower() in SPOKEN_THROUGH_NOUNS for g in child.children)
        if affiliation and end - child.i <= 4 and not marked:
            right = end
        break
    # "KYIV (Reuters) - Ukraine's military said": a dateline's dash ends what may describe the source.
    for token in head.doc[left : head.i]:
        if token.text in DASHES and not _inside_a_word(token):
            left = token.i + 1
    while left < head.i and _no_word(head.doc[left]):
        left += 1
    words = head.doc[left : right + 1]
    if words[0].lower_ in _DETERMINERS and len(words) > 1:
        words = head.doc[left + 1 : right + 1]
    return words.text


def _clean_name(text: str) -> str:
    # ("• Kotra": a post's bullet or emoji the recogniser took into the name)
    text = _LEADING_MARKS.sub("", text.strip()).strip(",;:")
    text = re.sub(r"\s*\([^)]*$", "", text)  # "World Health Organisation (WHO": a bracket the mention cut open
    for suffix in POSSESSIVE_SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip()


_LEADING_MARKS = re.compile(r"^[^\w\"“‘']+")


def _gender(name: str | None, role: str | None, mention_text: str) -> str | None:
    words = {w.strip(".,").lower() for w in mention_text.split()}
    if role:
        words |= {w.strip(".,").lower() for w in role.split()}
    if words & MALE_WORDS:
        return "m"
    if words & FEMALE_WORDS:
        return "f"
    if name:
        first = _HONORIFICS.sub("", name).split()[0].lower() if name.split() else ""
        if first in MALE_FIRST_NAMES:
            return "m"
        if first in FEMALE_FIRST_NAMES:
            return "f"
    return None


# How many sentences back "the company" may find the one business named by a name of its own.
BUSINESS_REFERENCE_WINDOW = 8

# Generic heads that name a kind of organisation no business is: "the agency", "the watchdog".
_KINDS_NO_BUSINESS_IS = frozenset("monitor agency watchdog observatory militia".split())


class SourceTracker:
    """Follows sources through an article in reading order and resolves references back to them."""

    def __init__(self, businesses: frozenset[str] = frozenset()) -> None:
        self._sources: list[Source] = []
        # The names, lower case and without "Ltd." or "Corp", of the organisations the article names as companies.
        self._businesses = businesses
        # Where a new mention may find its earlier source (`_same_name` decides): by the whole name, by the last
        # word of a person's name, and every organisation. A text naming thousands of sources costs a look-up per
        # mention, not a pass over all of them.
        self._by_name: dict[str, set[int]] = {}
        self._by_surname: dict[str, set[int]] = {}
        self._organisations: set[int] = set()

    def resolve(self, mention: SourceMention, sentence: int) -> Source | None:
        """The source a mention names or points back to; registers newly named sources. None: unresolved."""
        if mention.kind == "pronoun":
            return self._resolve_pronoun(mention, sentence)
        if mention.kind == "relative":
            return None
        if mention.kind == "description" and mention.definite:
            earlier = self._resolve_description(mention, sentence)
            if earlier is not None:
                earlier.sentence = sentence
                return earlier
        if mention.name is None:
            return None
        return self._register(mention, sentence)

    def resolve_owner(self, pronoun: str, sentence: int) -> Source | None:
        """Who 'his'/'her'/'its'/'their' in 'his office said' points back to; None when unsure."""
        gender = PRONOUN_GENDERS.get(pronoun)
        probe = SourceMention(0, 0, None, kind="pronoun", head_lemma=pronoun, gender=gender)
        return self._resolve_pronoun(probe, sentence)

    def register_relative(self, mention: SourceMention, sentence: int) -> Source | None:
        """'X, who said ...': the relative pronoun's antecedent was described separately."""
        if mention.name is None:
            return None
        return self._register(mention, sentence)

    def _register(self, mention: SourceMention, sentence: int) -> Source:
        name = mention.name or ""
        for index in self._candidates(mention):
            source = self._sources[index]
            if _same_name(source, mention):
                self._index(index)  # a surname may have given way to the full name
                source.sentence = sentence
                if mention.role and not source.role:
                    source.role = mention.role
                if mention.gender and not source.gender:
                    source.gender = mention.gender
                return source
        words = {w.lower() for w in re.findall(r"[\w’'-]+", f"{name} {mention.role or ''}")}
        kind = (
            mention.kind
            if mention.kind != "description"
            else ("organisation" if _is_organisation(mention) else "person")
        )
        source = Source(
            name=name,
            role=mention.role,
            kind=kind,
            anonymous=mention.anonymous,
            gender=mention.gender,
            plural=mention.plural,
            words=words | {mention.head_lemma},
            sentence=sentence,
            maybe_person=mention.maybe_person,
            named=mention.kind in _NAMED_KINDS,
        )
        self._sources.append(source)
        self._index(len(self._sources) - 1)
        return source

    def _candidates(self, mention: SourceMention) -> list[int]:
        """The sources `_same_name` may match `mention` with, latest first: the same name, the same last word, or
        (for an organisation) any organisation."""
        name = mention.name or ""
        found = set(self._by_name.get(name.lower(), ()))
        words = _HONORIFICS.sub("", name).split()
        if words:
            found.update(self._by_surname.get(words[-1], ()))
        if mention.kind == "organisation":
            found.update(self._organisations)
        return sorted(found, reverse=True)

    def _index(self, index: int) -> None:
        source = self._sources[index]
        self._by_name.setdefault(source.name.lower(), set()).add(index)
        words = _HONORIFICS.sub("", source.name).split()
        if words:
            self._by_surname.setdefault(words[-1], set()).add(index)
        if source.kind == "organisation":
            self._organisations.add(index)

    def _recent(self, sentence: int, window: int):
        for source in reversed(self._sources):
            if sentence - source.sentence <= window:
                yield source

    def _resolve_pronoun(self, mention: SourceMention, sentence: int) -> Source | None:
        pronoun = mention.head_lemma
        ordered = sorted(self._recent(sentence, 6), key=lambda s: -s.sentence)
        if pronoun in PRONOUN_GENDERS:
            people = [
                source
                for source in ordered
                if (source.kind != "organisation" or source.maybe_person) and not source.plural
            ]
            for source in people:
                if source.gender == mention.gender:
                    return source
                if source.gender is None:
                    # Unknown gender: only a named person who was the very last source is safe to pick,
                    # and from then on the pronoun tells us their gender.
                    if not source.anonymous and source is people[0]:
                        source.gender = mention.gender
                        return source
                    return None
            return None
        if pronoun == "it":
            for source in ordered:
                if source.kind == "organisation" and not source.plural:
                    return source
                if source.kind == "person":
                    continue
            return None
        if pronoun in PLURAL_PRONOUNS:
            for source in ordered:
                if source.plural or source.kind == "organisation":
                    return source
            return None
        return None

    def _resolve_description(self, mention: SourceMention, sentence: int) -> Source | None:
        head = mention.head_lemma
        # "the agency" matches the last source called an agency however far back; a bare "the group" only
        # points to an organisation quoted just before.
        wants_organisation = head in ORGANISATION_NOUNS
        for source in sorted(self._recent(sentence, 60), key=lambda s: -s.sentence):
            # ("the ministry" after "union and ministry disagree": one of two sources named together is neither)
            if coordinated(source.name):
                continue
            if head in source.words and (source.kind == "organisation") == wants_organisation:
                return source
        recent = sorted(self._recent(sentence, 5), key=lambda s: -s.sentence)
        if head in BUSINESS_NOUNS and head != "group":
            for source in recent:
                if source.kind == "organisation" and source.words & BUSINESS_NOUNS:
                    return source
        if head in GENERIC_ORGANISATION_NOUNS:
            for source in recent:
                # "the agency" after "the pipeline operator said": a business is no agency, monitor or militia.
                business = bool(source.words & BUSINESS_NOUNS) and head not in BUSINESS_NOUNS
                if source.kind == "organisation" and not (business and head in _KINDS_NO_BUSINESS_IS):
                    return source
        if head in BUSINESS_NOUNS:
            return self._only_named_business(sentence)
        return None

    def _only_named_business(self, sentence: int) -> Source | None:
        """The one organisation within the window that the article names as a company ("Kelvar Mining Corp said ...
        The company said"). None when there are two ("the company" after "Kelvar Mining Corp" and "Ardent Rail Ltd"
        could be either), or when the one named is not known for a company ("the company" after "the EPA said" is
        the company the article is about, named or not)."""
        named = {
            id(source): source
            for source in self._recent(sentence, BUSINESS_REFERENCE_WINDOW)
            if source.kind == "organisation" and source.named and _names_a_business(source.name, self._businesses)
        }
        return next(iter(named.values())) if len(named) == 1 else None


def business_names(doc: Doc) -> frozenset[str]:
    """The organisations a text names as companies, by their names without the designator: "mtn" for "MTN Group
    Ltd.", "kelvar mining" for "Kelvar Mining Corp."."""
    names = set()
    organisations = PERSON_OR_ORGANISATION_ENTITIES - PERSON_ENTITIES
    for entity in doc.ents:
        if entity.label_ not in organisations:
            continue
        words = _without_designators(entity.text)
        if words and len(words) < len(entity.text.split()):
            names.add(" ".join(words))
    return frozenset(names)


def _without_designators(name: str) -> list[str]:
    words = name.lower().replace(",", " ").split()
    while words and words[-1].replace(".", "") in CORPORATE_DESIGNATORS:
        words.pop()
    return words


def _names_a_business(name: str, businesses: frozenset[str]) -> bool:
    """Whether a source's name is one of the companies': the same name, or the first words of it ("Westinghouse"
    for "Westinghouse Electric Corp.")."""
    words = " ".join(_without_designators(name))
    return bool(words) and any(
        business == words or business.startswith(words + " ") or words.startswith(business + " ")
        for business in businesses
    )


def coordinated(name: str) -> bool:
    """'union and ministry', 'police and organisers': several sources named as one ("Department of Health and
    Human Services" goes on with a capital: one name)."""
    return any(word == "and" and later[:1].islower() for word, later in itertools.pairwise(name.split()))


def _is_organisation(mention: SourceMention) -> bool:
    return mention.head_lemma in ORGANISATION_NOUNS


def _same_name(source: Source, mention: SourceMention) -> bool:
    if not mention.name:
        return False
    if source.name.lower() == mention.name.lower():
        return source.anonymous == mention.anonymous or mention.kind != "description"
    capitalised_word = mention.kind == "description" and mention.name.istitle() and " " not in mention.name
    if (
        (mention.kind in _NAMED_KINDS or capitalised_word)
        and source.kind == "person"
        and not source.anonymous
    ):
        # "Kirby" after "John Kirby": a surname alone refers back to the full name.
        theirs = _HONORIFICS.sub("", source.name).split()
        ours = _HONORIFICS.sub("", mention.name).split()
        if ours and theirs and (ours[-1] == theirs[-1]) and (len(ours) == 1 or len(theirs) == 1):
            if len(ours) > len(theirs):
                source.name = mention.name
            return True
    if mention.kind == "organisation" and source.kind == "organisation":
        return (
            mention.name.lower() in source.name.lower().split()
            or source.name.lower() in mention.name.lower()
            or initials_of(mention.name, source.name)
            or initials_of(source.name, mention.name)
        )
    return False

