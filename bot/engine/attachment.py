"""Mending attachments the parser gets wrong around figures, as a pipeline component after the parser.

"put the number of excess deaths linked to the heat at 900", "downgraded the magnitude of the earthquake that
rocked the coast from 6.1 to 5.9": the small English model hangs the value ("at 900", "from 6.1") on the clause
that describes the object ("linked", "rocked"), not on the verb that gives or revises the figure. Every later step
(the figure's clause, its holder, a revision's two values) reads the verb a figure hangs on, so the value is moved
to that verb once, here, where the rule is declared and tested on hand-built parses.

"Police said between 2,000 and 3,000 people marched", "Analysts expected between 86 and 88 cents a share": the
model reads "between" as a preposition of the verb, leaving the noun the range counts without its numbers. The
range is given back to its noun, as the model reads it when the sentence opens on it ("Between 2,000 and 3,000
people marched"). "revised from 94 to 92 the number of victims": read as a range after "from", the two values of a
change each get their own preposition back.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token

from bot.engine.grammar import NOUN_POS, PATIENT_DEPS, SUBJECT_OR_EXPLETIVE_DEPS, VERB_POS
from bot.engine.lexicon import CLAIM_NOUNS, DISPUTING_VERBS, FIGURE_GIVING_VERBS, SPEECH_VERBS
from bot.engine.measures import (
    CHANGE_WORDS,
    FIGURE_CHANGING_VERBS,
    OWNED_FIGURE_NOUNS,
    RESTATING_NOUNS,
    REVISION_VERBS,
)
from bot.engine.rules import MAX_DEPENDENCY_REGIONS
from bot.engine.structure import CHANGE_BY, REVISED_FROM, REVISED_TO

VALUE_ATTACHMENT_COMPONENT = "whosaid_value_attachment"

# The preposition that gives a figure's value after a verb of giving ("put the toll at 900") and the one that
# gives a revised figure's earlier value ("revised it from 6.1 to 5.9").
VALUED_AT = "at"

# Clauses on a noun that the parser gives a value meant for the verb above: "deaths linked to", "that rocked".
_DESCRIBING_CLAUSE_DEPS = ["acl", "relcl"]
_VALUE_PREPOSITIONS = frozenset({VALUED_AT, REVISED_FROM, REVISED_TO})


def _pattern(
    verbs: frozenset[str],
    preposition: str,
    *,
    through_of: bool = False,
    adjunct: bool = False,
    figure_object: bool = False,
) -> list[dict]:
    """verb > object (> "of" > counted) > describing clause > preposition > its object; with `adjunct`, the noun
    described is the object of one of the verb's prepositions ("lowered the toll from the blaze that swept the club
    to 232")."""
    nodes = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(verbs)}}}]
    if adjunct:
        nodes += [
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "adjunct", "RIGHT_ATTRS": {"DEP": "prep"}},
            {"LEFT_ID": "adjunct", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ]
    else:
        wanted: dict = {"DEP": {"IN": sorted(PATIENT_DEPS)}}
        if figure_object:  # "cut its estimate of jobs created in August to 21,000": a figure cut is revised
            wanted["LEMMA"] = {"IN": sorted(OWNED_FIGURE_NOUNS | RESTATING_NOUNS)}
        nodes.append({"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": wanted})
    described = "object"
    if through_of:
        nodes += [
            {"LEFT_ID": "object", "REL_OP": ">", "RIGHT_ID": "of", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "of"}},
            {"LEFT_ID": "of", "REL_OP": ">", "RIGHT_ID": "counted", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ]
        described = "counted"
    return [
        *nodes,
        {
            "LEFT_ID": described,
            "REL_OP": ">",
            "RIGHT_ID": "clause",
            "RIGHT_ATTRS": {"DEP": {"IN": _DESCRIBING_CLAUSE_DEPS}, "POS": "VERB"},
        },
        {"LEFT_ID": "clause", "REL_OP": ">", "RIGHT_ID": "value", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": preposition}},
        {"LEFT_ID": "value", "REL_OP": ">", "RIGHT_ID": "number", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ]


# (label, pattern): a value hung on a clause describing the object of the verb it belongs to.
VALUE_ATTACHMENTS: tuple[tuple[str, list[dict]], ...] = (
    ("attach:valued-at", _pattern(FIGURE_GIVING_VERBS, VALUED_AT)),
    ("attach:valued-at", _pattern(FIGURE_GIVING_VERBS, VALUED_AT, through_of=True)),
    ("attach:revised-from", _pattern(REVISION_VERBS, REVISED_FROM)),
    ("attach:revised-from", _pattern(REVISION_VERBS, REVISED_FROM, through_of=True)),
    ("attach:revised-to", _pattern(REVISION_VERBS, REVISED_TO)),
    ("attach:revised-to", _pattern(REVISION_VERBS, REVISED_TO, through_of=True)),
    ("attach:revised-to", _pattern(REVISION_VERBS, REVISED_TO, adjunct=True)),
    ("attach:revised-to", _pattern(FIGURE_CHANGING_VERBS, REVISED_TO, through_of=True, figure_object=True)),
    ("attach:revised-from", _pattern(FIGURE_CHANGING_VERBS, REVISED_FROM, through_of=True, figure_object=True)),
)


RANGE_OPENER = "between"
# "between 2,000 and 3,000" misread: hung on a verb as its preposition (the range's first number, and its second or
# the noun the second counts: "between 86 and 88 cents"; or the noun the range counts), or opening a first number
# whose conjunct is the noun.
RANGE_MISREADINGS: tuple[list[dict], ...] = (
    [
        {"RIGHT_ID": "opener", "RIGHT_ATTRS": {"LOWER": RANGE_OPENER, "DEP": "prep"}},
        {"LEFT_ID": "opener", "REL_OP": ">", "RIGHT_ID": "low", "RIGHT_ATTRS": {"DEP": "pobj", "LIKE_NUM": True}},
        {"LEFT_ID": "low", "REL_OP": ">", "RIGHT_ID": "high", "RIGHT_ATTRS": {"DEP": "conj"}},
    ],
    [
        # "said between 60 and 75 people are missing": the noun taken for the preposition's object
        {"RIGHT_ID": "opener", "RIGHT_ATTRS": {"LOWER": RANGE_OPENER, "DEP": "prep"}},
        {"LEFT_ID": "opener", "REL_OP": ">", "RIGHT_ID": "noun", "RIGHT_ATTRS": {"DEP": "pobj", "POS": {"IN": sorted(NOUN_POS)}}},
        {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "low", "RIGHT_ATTRS": {"DEP": "nummod", "LIKE_NUM": True}},
        {"LEFT_ID": "low", "REL_OP": ">", "RIGHT_ID": "high", "RIGHT_ATTRS": {"DEP": "conj", "LIKE_NUM": True}},
    ],
    [
        {"RIGHT_ID": "low", "RIGHT_ATTRS": {"LIKE_NUM": True}},
        {"LEFT_ID": "low", "REL_OP": ">", "RIGHT_ID": "opener", "RIGHT_ATTRS": {"LOWER": RANGE_OPENER, "DEP": "quantmod"}},
        {"LEFT_ID": "low", "REL_OP": ">", "RIGHT_ID": "high", "RIGHT_ATTRS": {"DEP": "conj", "POS": {"IN": sorted(NOUN_POS)}}},
    ],
)
RANGE_LABEL = "attach:range-to-its-noun"

# "revised from 94 to 92 the number of victims", "lowered the toll from 14 to 10", "rose by 16 to 40": the model
# may read "94 to 92" as one range, the object of "from" (or "by"). After a verb that moves or revises a figure,
# "from" (or "by") and "to" each give a value of their own: the value before (or the change), then the value after.
_MOVED_OPENERS = (REVISED_FROM, CHANGE_BY)
_MOVED_VERB = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(FIGURE_CHANGING_VERBS | CHANGE_WORDS)}}}
_MOVED_OPENER = {
    "LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "from", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": list(_MOVED_OPENERS)}},
}  # fmt: skip
_MOVED_RANGE = [
    {"LEFT_ID": "after", "REL_OP": ">", "RIGHT_ID": "before", "RIGHT_ATTRS": {"DEP": "quantmod", "LIKE_NUM": True}},
    {"LEFT_ID": "after", "REL_OP": ">", "RIGHT_ID": "to", "RIGHT_ATTRS": {"DEP": "quantmod", "LOWER": REVISED_TO}},
]
MOVED_FROM_TO: tuple[list[dict], ...] = (
    # "lowered the toll from [14 to 10]": the second number the object of "from"
    [_MOVED_VERB, _MOVED_OPENER, {"LEFT_ID": "from", "REL_OP": ">", "RIGHT_ID": "after", "RIGHT_ATTRS": {"DEP": "pobj"}}, *_MOVED_RANGE],
    # "revised the toll from [780 to 786] people": the noun the second number counts the object of "from"
    [
        _MOVED_VERB,
        _MOVED_OPENER,
        {"LEFT_ID": "from", "REL_OP": ">", "RIGHT_ID": "noun", "RIGHT_ATTRS": {"DEP": "pobj", "POS": {"IN": sorted(NOUN_POS)}}},
        {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "after", "RIGHT_ATTRS": {"DEP": "nummod", "LIKE_NUM": True}},
        *_MOVED_RANGE,
    ],
)
MOVED_FROM_TO_LABEL = "attach:moved-from-to"
# "Police put the crowd at 5,000, a figure organisers disputed, saying 20,000 had turned out", "..., a claim the army
# denied, saying only three soldiers died": the model hangs the participle of saying on the sentence's first verb,
# which gives what was said to the first speaker; it belongs to the verb of disputing just before it.
DISPUTED_THEN_SAID: list[dict] = [
    {"RIGHT_ID": "main", "RIGHT_ATTRS": {"POS": {"IN": sorted(VERB_POS)}}},
    {
        "LEFT_ID": "main",
        "REL_OP": ">>",
        "RIGHT_ID": "statement",
        "RIGHT_ATTRS": {"DEP": {"IN": ["appos", "npadvmod"]}, "LEMMA": {"IN": sorted(CLAIM_NOUNS | RESTATING_NOUNS)}},
    },
    {
        "LEFT_ID": "statement",
        "REL_OP": ">",
        "RIGHT_ID": "disputing",
        "RIGHT_ATTRS": {"DEP": "relcl", "LEMMA": {"IN": sorted(DISPUTING_VERBS)}},
    },
    {
        "LEFT_ID": "main",
        "REL_OP": ">",
        "RIGHT_ID": "saying",
        "RIGHT_ATTRS": {"DEP": "advcl", "LEMMA": {"IN": sorted(SPEECH_VERBS)}, "LOWER": {"REGEX": "ing$"}},
    },
]
DISPUTED_THEN_SAID_LABEL = "attach:disputed-then-said"
_RANGE_OPENER_DEPS = frozenset({"prep", "quantmod"})
# A year opens a span of time, not a range of counts: "between 2005 and 2010 prices doubled".
_YEAR_SHAPE = re.compile(r"^(1[89]|20)\d\d$")


def _a_value(token: Token) -> bool:
    """A number, or a noun a number counts ("$213 million", "32 %"), or one that names a value by "of" ("earlier
    calculations of 480")."""
    return (
        token.like_num
        or any(c.dep_ == "nummod" and c.like_num for c in token.children)
        or any(c.dep_ == "prep" and c.lower_ == "of" and any(g.like_num for g in c.children) for c in token.children)
    )


def _takes_values_itself(clause: Token) -> bool:
    """'the toll that rose from 40', 'jobs cut at 12 plants': a clause whose own verb moves or gives a figure keeps
    its prepositions."""
    lemma = clause.lemma_.lower()
    return lemma in FIGURE_CHANGING_VERBS or lemma in CHANGE_WORDS or lemma in FIGURE_GIVING_VERBS


class ValueAttachment:
    """Moves each value found by `VALUE_ATTACHMENTS` to the verb that gives or revises the figure."""

    def __init__(self, vocab) -> None:
        self.matcher = DependencyMatcher(vocab)
        for number, (label, pattern) in enumerate(VALUE_ATTACHMENTS):
            self.matcher.add(f"{label}#{number}", [pattern])
        self.range_matcher = DependencyMatcher(vocab)
        for number, pattern in enumerate(RANGE_MISREADINGS):
            self.range_matcher.add(f"{RANGE_LABEL}#{number}", [pattern])
        self.moved_matcher = DependencyMatcher(vocab)
        for number, pattern in enumerate(MOVED_FROM_TO):
            self.moved_matcher.add(f"{MOVED_FROM_TO_LABEL}#{number}", [pattern])
        self.disputed_matcher = DependencyMatcher(vocab)
        self.disputed_matcher.add(DISPUTED_THEN_SAID_LABEL, [DISPUTED_THEN_SAID])

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        # Only the sentences where a value hangs on a describing clause at all: most hold none, and the matcher
        # would otherwise read every token of every article.
        sentences = {
            token.sent.start: token.sent
            for token in doc
            if token.dep_ == "pobj"
            and token.head.lower_ in _VALUE_PREPOSITIONS
            and token.head.head.dep_ in _DESCRIBING_CLAUSE_DEPS
            and _a_value(token)
        }
        moves: dict[int, int] = {}
        for sentence in sentences.values():
            self._read(doc, sentence, moves)
        for value, verb in moves.items():
            doc[value].head = doc[verb]
        # (again only the sentences with a "between" of a number in them)
        ranged = {
            token.sent.start: token.sent
            for token in doc
            if token.lower_ == RANGE_OPENER and token.dep_ in _RANGE_OPENER_DEPS and doc[token.i + 1 :][:1].text[:1].isdigit()
        }
        # (past a few sentences one pass over the document costs less: the matcher copies what it is given)
        regions = list(ranged.values()) if len(ranged) <= MAX_DEPENDENCY_REGIONS else [doc[:]]
        for region in regions:
            for match_id, token_ids in self.range_matcher(region):
                pattern = RANGE_MISREADINGS[int(doc.vocab.strings[match_id].split("#")[1])]
                nodes = {node["RIGHT_ID"]: region[i] for node, i in zip(pattern, token_ids, strict=True)}
                if "noun" in nodes:
                    _give_the_noun_its_clause(nodes["opener"], nodes["noun"], nodes["low"])
                else:
                    _give_the_range_its_noun(nodes["opener"], nodes["low"], nodes["high"])
        # (only the sentences where "from" or "by" opens a number read as the first of a range)
        moved = {
            token.sent.start: token.sent
            for token in doc
            if token.lower_ in _MOVED_OPENERS and token.i + 1 < len(doc) and doc[token.i + 1].dep_ == "quantmod"
        }
        regions = list(moved.values()) if len(moved) <= MAX_DEPENDENCY_REGIONS else [doc[:]]
        for region in regions:
            for match_id, token_ids in self.moved_matcher(region):
                pattern = MOVED_FROM_TO[int(doc.vocab.strings[match_id].split("#")[1])]
                nodes = {node["RIGHT_ID"]: region[i] for node, i in zip(pattern, token_ids, strict=True)}
                _give_each_value_its_preposition(nodes["from"], nodes["before"], nodes["to"], nodes.get("noun", nodes["after"]))
        # (only the sentences where a statement is disputed in a relative clause)
        disputed = {
            token.sent.start: token.sent
            for token in doc
            if token.dep_ == "relcl" and token.lemma_.lower() in DISPUTING_VERBS
        }
        regions = list(disputed.values()) if len(disputed) <= MAX_DEPENDENCY_REGIONS else [doc[:]]
        for region in regions:
            for _match_id, token_ids in self.disputed_matcher(region):
                nodes = {node["RIGHT_ID"]: region[i] for node, i in zip(DISPUTED_THEN_SAID, token_ids, strict=True)}
                _give_the_saying_its_disputer(nodes["statement"], nodes["disputing"], nodes["saying"])
        return doc

    def _read(self, doc: Doc, sentence, moves: dict[int, int]) -> None:
        for match_id, token_ids in self.matcher(sentence):
            pattern = VALUE_ATTACHMENTS[int(doc.vocab.strings[match_id].split("#")[1])][1]
            nodes = {p["RIGHT_ID"]: doc[sentence.start + i] for p, i in zip(pattern, token_ids, strict=True)}
            verb, value, clause = nodes["verb"], nodes["value"], nodes["clause"]
            own = any(c.dep_ == "prep" and c.lower_ == value.lower_ for c in verb.children)
            if own or not _a_value(nodes["number"]) or _takes_values_itself(clause) or value.i < clause.i:
                continue
            if nodes["object"].pos_ in NOUN_POS:
                moves.setdefault(value.i, verb.i)


def _give_the_range_its_noun(opener: Token, low: Token, high: Token) -> None:
    """'said between 86 and 88 people died' (the noun right after the second number) or 'expected between 86 and
    88 cents' (the second number's noun read as the conjunct): the numbers become the noun's, "between" theirs."""
    doc = opener.doc
    if _YEAR_SHAPE.match(low.text) or low.i != opener.i + 1:
        return
    on_a_verb = opener.dep_ == "prep"
    if on_a_verb and opener.head.pos_ not in VERB_POS:
        return
    if high.like_num:
        noun = doc[high.i + 1] if high.i + 1 < len(doc) else None
        if not on_a_verb or noun is None or noun.pos_ not in NOUN_POS or any(c.dep_ == "nummod" for c in noun.children):
            return
    else:
        second = doc[high.i - 1]
        if high.pos_ not in NOUN_POS or not second.like_num or second.head.i != high.i or second.dep_ != "nummod":
            return
        noun = high
        # the noun takes the place the phrase has (first, so that no step leaves a cycle)
        noun.head, noun.dep_ = (opener.head, "dobj") if on_a_verb else (low.head, low.dep_)
        if not on_a_verb and low.head.i == low.i:
            noun.head = noun  # (the range was the sentence's root)
        second.head, second.dep_ = low, "conj"
    low.head, low.dep_ = noun, "nummod"
    opener.head, opener.dep_ = low, "quantmod"


def _give_each_value_its_preposition(opener: Token, before: Token, to: Token, after: Token) -> None:
    """'lowered the toll from [14 to 10]', 'rose by [16 to 40]', 'from [780 to 786] people': "from" or "by" takes
    the first value, "to" the second (or the noun it counts), both on the verb."""
    if not (opener.i + 1 == before.i < to.i < after.i):
        return
    before.head, before.dep_ = opener, "pobj"
    to.head, to.dep_ = opener.head, "prep"
    after.head, after.dep_ = to, "pobj"


def _give_the_saying_its_disputer(statement: Token, disputing: Token, saying: Token) -> None:
    """'..., a figure organisers disputed, saying 20,000 had turned out': the participle right after the disputed
    statement (only a comma between) hangs on the verb of disputing, whose subject says it."""
    doc = saying.doc
    if not (statement.i < disputing.i < saying.i) or disputing.right_edge.i + 2 != saying.i:
        return
    if doc[saying.i - 1].text != "," or not any(c.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for c in disputing.children):
        return
    saying.head = disputing


def _give_the_noun_its_clause(opener: Token, noun: Token, low: Token) -> None:
    """'said between 60 and 75 people are missing': the noun is the subject of the clause after it (the verb's
    complement with no subject of its own), "between" its first number's."""
    if opener.head.pos_ not in VERB_POS or low.i != opener.i + 1 or _YEAR_SHAPE.match(low.text):
        return
    clause = next(
        (
            c
            for c in opener.head.children
            if c.dep_ == "ccomp" and c.i > noun.i and not any(s.dep_ in SUBJECT_OR_EXPLETIVE_DEPS for s in c.children)
        ),
        None,
    )
    if clause is None:
        return
    passive = any(c.dep_ == "auxpass" for c in clause.children)
    noun.head, noun.dep_ = clause, "nsubjpass" if passive else "nsubj"
    opener.head, opener.dep_ = low, "quantmod"


@Language.factory(VALUE_ATTACHMENT_COMPONENT)
def make_value_attachment(nlp: Language, name: str) -> ValueAttachment:
    return ValueAttachment(nlp.vocab)
