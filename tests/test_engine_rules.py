"""The declared figure rules (`bot/engine/rules.py`), each on a hand-built `Doc`.

The parses here are written by hand, so a failure is the rule's, never the model's. Every label the rule tables
declare has a case below (the last test checks that).
"""

from __future__ import annotations

import itertools

import pytest
import spacy
from spacy.tokens import Doc

from bot.engine import lexicon
from bot.engine.rules import (
    BASELINES,
    BRACKETED_ITEMS,
    EXPECTED_BY,
    HOLDERS,
    IN_BRACKETS,
    INCREMENTS,
    NOT_A_COUNT,
    PARTS,
    SOURCE_BEFORE_VALUES,
    holder_of,
    read_rules,
)

_VOCAB = spacy.blank("en").vocab


def _doc(words, heads=None, deps=None, pos=None, lemmas=None, ents=None) -> Doc:
    # A matcher reading tags needs a tagged doc; token cases tag only what they test.
    pos = pos or ["NUM" if _VOCAB[w].like_num else "X" for w in words]
    # ... and the parse matcher a parsed one: a flat parse, everything hung on the first word.
    heads = heads or [0] * len(words)
    deps = deps or ["ROOT"] + ["dep"] * (len(words) - 1)
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)


# (label, words, index of the number the rule is about); token rules read words, shapes and a few tags only.
TOKEN_CASES = [
    ("not-a-count:age-aged", ["a", "man", "aged", "54", "died"], 3),
    ("not-a-count:age-aged", ["the", "dead", "were", "aged", "between", "24", "and", "57"], 5),
    ("not-a-count:age-aged", ["the", "dead", "were", "aged", "between", "24", "and", "57"], 7),
    ("not-a-count:age-aged", ["victims", "aged", "18", "to", "25", "were"], 4),
    ("not-a-count:age-years-old", ["the", "boy", ",", "12", "years", "old", ","], 3),
    ("not-a-count:date-month-day", ["on", "March", "6", "police", "said"], 2),
    ("not-a-count:date-day-month", ["on", "6", "March", "police", "said"], 1),
    ("not-a-count:date-month-days", ["rallies", "on", "June", "3", "and", "4", "in", "Osland"], 5),
    ("not-a-count:date-month-days", ["from", "August", "10", "to", "12", ",", "300", "were"], 4),
    ("not-a-count:clock-time", ["at", "10", "pm", "on", "Friday"], 1),
    ("not-a-count:date-numeric", ["dated", "2024", "-", "11", "-", "05", "police", "said"], 3),
    ("not-a-count:date-numeric", ["dated", "2024", "-", "11", "-", "05", "police", "said"], 5),
    ("not-a-count:vague-scale", ["the", "crowd", "at", "several", "thousand", "."], 4),
    ("not-a-count:vague-scale", ["a", "few", "hundred", "people"], 2),
    ("not-a-count:name-number", ["Flight", "370", "vanished"], 1),
    ("not-a-count:street-address", ["at", "88", "Wharfside", "Road", "in", "Osland"], 1),
    ("not-a-count:street-address", ["at", "10", "Upper", "Mill", "Lane"], 1),
    ("not-a-count:code-leading-zero", ["call", "0800", "for", "help"], 1),
    ("not-a-count:digit-run", ["call", "555", "0199", "now"], 1),
    ("not-a-count:multiplier", ["three", "times", "more", "people"], 0),
    ("not-a-count:difference", ["146", ",", "seven", "fewer", "than", "the", "153"], 2),
    ("part:including", ["40", "dead", ",", "including", "12", "children"], 4),
    ("part:n-of", ["140", "of", "them", "seriously"], 0),
    ("part:n-of", [",", "2,889", "hectares", "of", "which", "were", "destroyed"], 1),
    ("baseline:up-from", ["rose", "to", "95", ",", "up", "from", "40"], 6),
    ("baseline:compared-with", ["95", "jobs", "compared", "with", "40", "a", "year", "earlier"], 4),
    ("baseline:compared-with", ["$", "9", "million", "compared", "with", "$", "7", "million"], 6),
    ("baseline:up-from", ["rose", "to", "$", "95", ",", "up", "from", "$", "40"], 8),
    ("increment:n-more", ["12", "more", "bodies", "were", "found"], 0),
    ("increment:another-n", ["another", "40", "were", "hurt"], 1),
    ("increment:additional-n", ["an", "additional", "2.5", "people"], 2),
    ("increment:additional-n", ["a", "further", "$", "2.1", "billion"], 3),
    ("increment:another-n", ["another", "$", "40", "million"], 2),
]


def _token_family(label: str) -> str:
    return {"not-a-count": "not_a_count", "part": "parts", "baseline": "baselines", "increment": "increments"}[
        label.split(":")[0]
    ]


@pytest.mark.parametrize(("label", "words", "number"), TOKEN_CASES, ids=[f"{c[0]}-{c[2]}" for c in TOKEN_CASES])
def test_token_rule_fires_on_its_construction(label: str, words: list[str], number: int) -> None:
    found = read_rules(_doc(words))
    assert getattr(found, _token_family(label)).get(number) == label


def test_an_age_in_apposition_needs_a_name_before_it() -> None:
    words = ["Ilse", "Korhonen", ",", "54", ",", "said"]
    pos = ["PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB"]
    assert read_rules(_doc(words, pos=pos)).not_a_count.get(3) == "not-a-count:age-apposition"
    pos[1] = "NOUN"  # "the officers, 54, ..." would be a count in apposition
    assert 3 not in read_rules(_doc(words, pos=pos)).not_a_count


@pytest.mark.parametrize(
    "words",
    [
        ["6", "may", "die"],  # "may" the verb, not the month
        ["22", ",", "more", "than", "the", "17"],  # a comparison, not an increment
        ["a", "toll", "of", "17"],  # the number after "of" is no part
    ],
)
def test_token_rules_leave_look_alikes_alone(words: list[str]) -> None:
    found = read_rules(_doc(words))
    assert 0 not in found.not_a_count and 0 not in found.increments and 3 not in found.parts


# --- holders, on hand-built parses ----------------------------------------------------------------------


def _according_to_pair() -> Doc:
    # "3,000 marched , according to police , and 12,000 , according to organisers ."
    words = ["3,000", "marched", ",", "according", "to", "police", ",", "and", "12,000", ",", "according", "to",
             "organisers", "."]  # fmt: skip
    heads = [1, 1, 1, 1, 3, 4, 1, 1, 1, 1, 1, 10, 11, 1]
    deps = ["nsubj", "ROOT", "punct", "prep", "prep", "pobj", "punct", "cc", "conj", "punct", "prep", "prep",
            "pobj", "punct"]  # fmt: skip
    pos = ["NUM", "VERB", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT", "CCONJ", "NUM", "PUNCT", "VERB", "ADP", "NOUN",
           "PUNCT"]  # fmt: skip
    return _doc(words, heads, deps, pos, [w.lower() for w in words])


def test_according_to_goes_to_the_figure_right_before_it() -> None:
    doc = _according_to_pair()
    rules = read_rules(doc)
    first = holder_of(doc[0], 0, [doc[0], doc[1]], rules, [0, 8])
    second = holder_of(doc[8], 8, [doc[8], doc[1]], rules, [0, 8])
    assert (first.head.text, first.rule) == ("police", "holder:according-to")
    assert (second.head.text, second.rule) == ("organisers", "holder:according-to")


def _giving_verb(verb: str, lemma: str) -> Doc:
    # "The union counted 4,000 strikers ."
    words = ["The", "union", verb, "4,000", "strikers", "."]
    return _doc(
        words,
        [1, 2, 2, 4, 2, 2],
        ["det", "nsubj", "ROOT", "nummod", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
        ["the", "union", lemma, "4,000", "striker", "."],
    )


def test_a_verb_of_giving_makes_its_subject_the_holder() -> None:
    doc = _giving_verb("counted", "count")
    holder = holder_of(doc[3], 3, [doc[3], doc[4], doc[2]], read_rules(doc), [3])
    assert (holder.head.text, holder.rule) == ("union", "holder:giving-verb")


def test_a_bare_number_said_is_its_sayers() -> None:
    # "A hospital official said 62 ."
    doc = _doc(
        ["A", "hospital", "official", "said", "62", "."],
        [2, 2, 3, 3, 3, 3],
        ["det", "compound", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "NOUN", "NOUN", "VERB", "NUM", "PUNCT"],
        ["a", "hospital", "official", "say", "62", "."],
    )
    holder = holder_of(doc[4], 4, [doc[4], doc[3]], read_rules(doc), [4])
    assert (holder.head.text, holder.rule) == ("official", "holder:said-number")


def test_who_revises_a_figure_holds_the_new_value_and_the_old() -> None:
    # "The bureau revised the rate from 3 to 3.1 ."
    words = ["The", "bureau", "revised", "the", "rate", "from", "3", "to", "3.1", "."]
    doc = _doc(
        words,
        [1, 2, 2, 4, 2, 2, 5, 2, 7, 2],
        ["det", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
        ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "NUM", "ADP", "NUM", "PUNCT"],
        ["the", "bureau", "revise", "the", "rate", "from", "3", "to", "3.1", "."],
    )
    rules = read_rules(doc)
    for number in (6, 8):
        holder = holder_of(doc[number], number, [doc[number], doc[number - 1], doc[2]], rules, [6, 8])
        assert (holder.head.text, holder.rule) == ("bureau", "holder:revising-verb")


@pytest.mark.parametrize(("revised", "holds"), [("estimate", True), ("forecast", True), ("rate", False)])
def test_a_verb_that_moves_prices_revises_only_a_figure(revised: str, holds: bool) -> None:
    # "the officials cut their estimate to 310 ." / "the bank cut its rate to 310 ."
    owner = "officials" if holds else "bank"
    words = ["the", owner, "cut", "their", revised, "to", "310", "."]
    doc = _doc(
        words,
        [1, 2, 2, 4, 2, 2, 5, 2],
        ["det", "nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "punct"],
        ["DET", "NOUN", "VERB", "PRON", "NOUN", "ADP", "NUM", "PUNCT"],
        ["the", owner, "cut", "their", revised, "to", "310", "."],
    )
    holder = holder_of(doc[6], 6, [doc[6], doc[5], doc[2]], read_rules(doc), [6])
    if holds:
        assert (holder.head.text, holder.rule) == ("officials", "holder:revising-verb")
    else:
        assert holder is None


def test_the_agent_of_a_passive_revision_holds_the_figures() -> None:
    # "Growth was revised by the bureau to zero ."
    words = ["Growth", "was", "revised", "by", "the", "bureau", "to", "zero", "."]
    doc = _doc(
        words,
        [2, 2, 2, 2, 5, 3, 2, 6, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "prep", "pobj", "punct"],
        ["NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "NUM", "PUNCT"],
        ["growth", "be", "revise", "by", "the", "bureau", "to", "zero", "."],
    )
    holder = holder_of(doc[7], 7, [doc[7], doc[6], doc[2]], read_rules(doc), [7])
    assert (holder.head.text, holder.rule) == ("bureau", "holder:revising-verb-agent")


def test_a_clause_of_saying_before_a_colon_holds_the_figures_after_it() -> None:
    # "Reuters reported lower numbers : 25 hostages escaped ."
    words = ["Reuters", "reported", "lower", "numbers", ":", "25", "hostages", "escaped", "."]
    doc = _doc(
        words,
        [1, 7, 3, 1, 7, 6, 7, 7, 7],
        ["nsubj", "ccomp", "amod", "dobj", "punct", "nummod", "nsubj", "ROOT", "punct"],
        ["PROPN", "VERB", "ADJ", "NOUN", "PUNCT", "NUM", "NOUN", "VERB", "PUNCT"],
        ["Reuters", "report", "low", "number", ":", "25", "hostage", "escape", "."],
    )
    holder = holder_of(doc[5], 5, [doc[5], doc[6], doc[7]], read_rules(doc), [5])
    assert (holder.head.text, holder.rule) == ("Reuters", "holder:cue-before-colon")


def test_a_subject_that_cannot_speak_holds_no_figure() -> None:
    # "The turnstiles recorded 4,000 entries ." : the turnstiles are an instrument, not a source
    doc = _doc(
        ["The", "turnstiles", "recorded", "4,000", "entries", "."],
        [1, 2, 2, 4, 2, 2],
        ["det", "nsubj", "ROOT", "nummod", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
        ["the", "turnstile", "record", "4,000", "entry", "."],
    )
    assert holder_of(doc[3], 3, [doc[3], doc[4], doc[2]], read_rules(doc), [3]) is None


def test_the_expectations_of_analysts_are_theirs() -> None:
    # "the expectations of analysts of 12"
    doc = _doc(
        ["the", "expectations", "of", "analysts", "of", "12"],
        [1, 1, 1, 2, 1, 4],
        ["det", "ROOT", "prep", "pobj", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "NOUN", "ADP", "NUM"],
        ["the", "expectation", "of", "analyst", "of", "12"],
    )
    holder = holder_of(doc[5], 5, [doc[5], doc[4], doc[1]], read_rules(doc), [5])
    assert (holder.head.text, holder.rule) == ("analysts", "holder:figures-of")
    # "the number of bodies of 46": a number's "of" names what it counts ("bodies" are no body that speaks)
    doc = _doc(
        ["the", "number", "of", "bodies", "of", "46"],
        [1, 1, 1, 2, 1, 4],
        ["det", "ROOT", "prep", "pobj", "prep", "pobj"],
        ["DET", "NOUN", "ADP", "NOUN", "ADP", "NUM"],
        ["the", "number", "of", "body", "of", "46"],
    )
    assert holder_of(doc[5], 5, [doc[5], doc[4], doc[1]], read_rules(doc), [5]) is None


def test_a_figure_given_by_a_source_is_its_figure() -> None:
    # "a toll of 59 given by officials"
    doc = _doc(
        ["a", "toll", "of", "59", "given", "by", "officials"],
        [1, 1, 1, 2, 1, 4, 5],
        ["det", "ROOT", "prep", "pobj", "acl", "agent", "pobj"],
        ["DET", "NOUN", "ADP", "NUM", "VERB", "ADP", "NOUN"],
        ["a", "toll", "of", "59", "give", "by", "official"],
    )
    holder = holder_of(doc[3], 3, [doc[3], doc[2], doc[1]], read_rules(doc), [3])
    assert (holder.head.text, holder.rule) == ("officials", "holder:given-by")


def test_a_clause_of_saying_about_a_figure_names_its_source() -> None:
    # "the 5 votes the commission said she won"
    doc = _doc(
        ["the", "5", "votes", "the", "commission", "said", "she", "won"],
        [2, 2, 2, 4, 5, 2, 7, 5],
        ["det", "nummod", "ROOT", "det", "nsubj", "relcl", "nsubj", "ccomp"],
        ["DET", "NUM", "NOUN", "DET", "NOUN", "VERB", "PRON", "VERB"],
        ["the", "5", "vote", "the", "commission", "say", "she", "win"],
    )
    holder = holder_of(doc[1], 1, [doc[1], doc[2]], read_rules(doc), [1])
    assert (holder.head.text, holder.rule) == ("commission", "holder:said-of")


def test_any_other_verb_names_no_holder() -> None:
    doc = _giving_verb("fed", "feed")
    assert holder_of(doc[3], 3, [doc[3], doc[4], doc[2]], read_rules(doc), [3]) is None


def test_the_agent_of_a_passive_verb_of_giving_is_the_holder() -> None:
    # "4,000 strikers were counted by the union ."
    words = ["4,000", "strikers", "were", "counted", "by", "the", "union", "."]
    doc = _doc(
        words,
        [1, 3, 3, 3, 3, 6, 4, 3],
        ["nummod", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "punct"],
        ["NUM", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        ["4,000", "striker", "be", "count", "by", "the", "union", "."],
    )
    holder = holder_of(doc[0], 0, [doc[0], doc[1], doc[3]], read_rules(doc), [0])
    assert (holder.head.text, holder.rule) == ("union", "holder:giving-verb-agent")


def test_a_verb_of_giving_misread_as_a_participle_after_an_apposition_is_the_subjects() -> None:
    # "The network , a group , estimated turnout at 44 % , said ...": "estimated" parsed as a participle on
    # "turnout", which hangs on the apposition
    words = ["The", "network", ",", "a", "group", ",", "estimated", "turnout", "at", "44", "%", ",", "said", "it"]
    doc = _doc(
        words,
        [1, 12, 1, 4, 1, 4, 7, 4, 7, 10, 8, 1, 12, 12],
        ["det", "nsubj", "punct", "det", "appos", "punct", "amod", "appos", "prep", "nummod", "pobj", "punct", "ROOT", "dobj"],
        ["DET", "NOUN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "NOUN", "ADP", "NUM", "NOUN", "PUNCT", "VERB", "PRON"],
        ["the", "network", ",", "a", "group", ",", "estimate", "turnout", "at", "44", "%", ",", "say", "it"],
    )
    path = [doc[9], doc[10], doc[8], doc[7]]
    holder = holder_of(doc[9], 9, path, read_rules(doc), [9])
    assert (holder.head.text, holder.rule) == ("network", "holder:giving-verb-misread")
    # Without the comma, "the estimated turnout at 44 %" is a noun phrase: no one gives it.
    words = ["The", "estimated", "turnout", "at", "44", "%", "was", "high"]
    doc = _doc(
        words,
        [2, 2, 6, 2, 5, 3, 6, 6],
        ["det", "amod", "nsubj", "prep", "nummod", "pobj", "ROOT", "acomp"],
        ["DET", "VERB", "NOUN", "ADP", "NUM", "NOUN", "AUX", "ADJ"],
        ["the", "estimate", "turnout", "at", "44", "%", "be", "high"],
    )
    assert holder_of(doc[4], 4, [doc[4], doc[5], doc[3], doc[2]], read_rules(doc), [4]) is None


def test_per_a_body_names_the_source_and_per_a_bare_noun_a_rate() -> None:
    # "31 per the hospital", "31 per company"
    for words, lemmas, holds in (
        (["31", "per", "the", "hospital"], ["31", "per", "the", "hospital"], True),
        (["31", "per", "company"], ["31", "per", "company"], False),
    ):
        heads = [0, 0, 3, 1] if holds else [0, 0, 1]
        deps = ["ROOT", "prep", "det", "pobj"] if holds else ["ROOT", "prep", "pobj"]
        pos = ["NUM", "ADP", "DET", "NOUN"] if holds else ["NUM", "ADP", "NOUN"]
        doc = _doc(words, heads, deps, pos, lemmas)
        holder = holder_of(doc[0], 0, [doc[0]], read_rules(doc), [0])
        assert (holder is not None and holder.head.text == "hospital") == holds


def test_a_figure_beside_the_verb_is_not_given_by_its_subject() -> None:
    # "With 152 cases , Veracruz recorded the highest number ."
    words = ["With", "152", "cases", ",", "Veracruz", "recorded", "the", "highest", "number", "."]
    doc = _doc(
        words,
        [5, 2, 0, 5, 5, 5, 8, 8, 5, 5],
        ["prep", "nummod", "pobj", "punct", "nsubj", "ROOT", "det", "amod", "dobj", "punct"],
        ["ADP", "NUM", "NOUN", "PUNCT", "PROPN", "VERB", "DET", "ADJ", "NOUN", "PUNCT"],
        ["with", "152", "case", ",", "Veracruz", "record", "the", "high", "number", "."],
    )
    assert holder_of(doc[1], 1, [doc[1], doc[2], doc[0], doc[5]], read_rules(doc), [1]) is None


@pytest.mark.parametrize(
    ("owner", "dep", "pos", "label"),
    [
        ("ministry", "poss", "NOUN", "holder:owned-figure"),
        ("police", "compound", "NOUN", "holder:owned-figure-compound"),
        ("Ostrava", "compound", "PROPN", "holder:owned-figure-compound"),
    ],
)
def test_the_owner_of_an_estimate_holds_its_figure(owner: str, dep: str, pos: str, label: str) -> None:
    # "the ministry 's estimate of 2,000" / "a police estimate of 2,000"
    words = ["the", owner, "'s", "estimate", "of", "2,000"] if dep == "poss" else ["a", owner, "estimate", "of", "2,000"]
    if dep == "poss":
        doc = _doc(words, [1, 3, 1, 3, 3, 4], ["det", "poss", "case", "ROOT", "prep", "pobj"],
                   ["DET", pos, "PART", "NOUN", "ADP", "NUM"], ["the", owner.lower(), "'s", "estimate", "of", "2,000"])  # fmt: skip
        number, noun = doc[5], doc[3]
    else:
        doc = _doc(words, [2, 2, 2, 2, 3], ["det", dep, "ROOT", "prep", "pobj"], ["DET", pos, "NOUN", "ADP", "NUM"],
                   ["a", owner.lower(), "estimate", "of", "2,000"])  # fmt: skip
        number, noun = doc[4], doc[2]
    holder = holder_of(number, number.i, [number, number.head, noun], read_rules(doc), [number.i])
    assert (holder.head.text, holder.rule) == (owner, label)


def test_a_day_owns_no_figure() -> None:
    # "October 's figure was 5.4 %" / "the ministry 's figure was 40 dead": a date before "'s" names the figure's
    # time; an owner gives it, as the complement of the verb of being whatever its part of speech
    words = ["October", "'s", "figure", "was", "5.4", "%"]
    doc = Doc(_VOCAB, words=words, heads=[2, 0, 3, 3, 5, 3], deps=["poss", "case", "nsubj", "ROOT", "nummod", "attr"],
              pos=["PROPN", "PART", "NOUN", "AUX", "NUM", "NOUN"], lemmas=["October", "'s", "figure", "be", "5.4", "%"],
              ents=["B-DATE", "O", "O", "O", "O", "O"])  # fmt: skip
    assert holder_of(doc[4], 4, [doc[4], doc[5], doc[3]], read_rules(doc), [4]) is None
    words = ["the", "ministry", "'s", "figure", "was", "40", "dead"]
    doc = _doc(words, [1, 3, 1, 4, 4, 6, 4], ["det", "poss", "case", "nsubj", "ROOT", "nummod", "acomp"],
               ["DET", "NOUN", "PART", "NOUN", "AUX", "NUM", "ADJ"], ["the", "ministry", "'s", "figure", "be", "40", "dead"])  # fmt: skip
    holder = holder_of(doc[5], 5, [doc[5], doc[6], doc[4]], read_rules(doc), [5])
    assert (holder.head.text, holder.rule) == ("ministry", "holder:owned-figure")


@pytest.mark.parametrize("dep", ["nmod", "nsubj"])
def test_an_owner_hung_as_a_modifier_that_keeps_its_possessive_mark_holds_the_estimate(dep: str) -> None:
    # "( organisers ’ estimate of 200,000 )": in brackets the parser may hang the owner as "nmod" or even as a
    # subject, mark and all
    words = ["(", "organisers", "’", "estimate", "of", "200,000", ")"]
    doc = _doc(words, [3, 3, 1, 3, 3, 4, 3], ["punct", dep, "punct", "ROOT", "prep", "pobj", "punct"],
               ["PUNCT", "NOUN", "PUNCT", "NOUN", "ADP", "NUM", "PUNCT"], ["(", "organiser", "’", "estimate", "of", "200,000", ")"])  # fmt: skip
    holder = holder_of(doc[5], 5, [doc[5], doc[4], doc[3]], read_rules(doc), [5])
    assert (holder.head.text, holder.rule) == ("organisers", "holder:owned-figure")


def test_a_modifier_without_a_possessive_mark_holds_nothing() -> None:
    # "the estimate of the crowd of 200,000": no owner
    words = ["(", "crowd", "estimate", "of", "200,000", ")"]
    doc = _doc(words, [2, 2, 2, 2, 3, 2], ["punct", "nmod", "ROOT", "prep", "pobj", "punct"],
               ["PUNCT", "NOUN", "NOUN", "ADP", "NUM", "PUNCT"], ["(", "crowd", "estimate", "of", "200,000", ")"])  # fmt: skip
    assert holder_of(doc[4], 4, [doc[4], doc[3], doc[2]], read_rules(doc), [4]) is None


def test_an_owned_figure_noun_labels_the_number_after_its_colon() -> None:
    # "police estimate : 55,000 ; organisers estimate : 200,000 people", the numbers hung wherever the parser likes
    words = ["police", "estimate", ":", "55,000", ";", "union", "estimate", ":", "200,000", "people"]
    doc = _doc(words, [1, 1, 1, 1, 1, 6, 1, 6, 9, 6],
               ["compound", "ROOT", "punct", "appos", "punct", "compound", "conj", "punct", "nummod", "appos"],
               ["NOUN", "NOUN", "PUNCT", "NUM", "PUNCT", "NOUN", "NOUN", "PUNCT", "NUM", "NOUN"],
               ["police", "estimate", ":", "55,000", ";", "union", "estimate", ":", "200,000", "people"])  # fmt: skip
    rules = read_rules(doc)
    first = holder_of(doc[3], 3, [doc[3], doc[1]], rules, [3, 8])
    second = holder_of(doc[8], 8, [doc[8], doc[9], doc[6]], rules, [3, 8])
    assert (first.head.text, second.head.text) == ("police", "union")


def test_a_company_that_earns_or_brings_in_a_sum_gives_its_own_result() -> None:
    # "Tarvex earned $ 1.12" / "the company brought in $ 4.1 billion"
    earned = _doc(["Tarvex", "earned", "$", "1.12"], [1, 1, 3, 1], ["nsubj", "ROOT", "nmod", "dobj"],
                  ["PROPN", "VERB", "SYM", "NUM"], ["Tarvex", "earn", "$", "1.12"])  # fmt: skip
    brought = _doc(["the", "company", "brought", "in", "$", "4.1", "billion"], [1, 2, 2, 2, 6, 6, 2],
                   ["det", "nsubj", "ROOT", "prt", "nmod", "compound", "dobj"],
                   ["DET", "NOUN", "VERB", "ADP", "SYM", "NUM", "NUM"], ["the", "company", "bring", "in", "$", "4.1", "billion"])  # fmt: skip
    first = holder_of(earned[3], 2, [earned[3], earned[1]], read_rules(earned), [3])
    second = holder_of(brought[6], 4, [brought[6], brought[2]], read_rules(brought), [5, 6])
    assert [(h.head.text, h.rule) for h in (first, second)] == [("Tarvex", "holder:own-result"), ("company", "holder:own-result")]


def test_who_is_looking_for_a_figure_expects_it() -> None:
    # "the $ 8.04 that analysts were looking for"
    words = ["the", "$", "8.04", "that", "analysts", "were", "looking", "for"]
    doc = _doc(words, [2, 2, 2, 7, 6, 6, 2, 6], ["det", "nmod", "ROOT", "pobj", "nsubj", "aux", "relcl", "prep"],
               ["DET", "SYM", "NUM", "PRON", "NOUN", "AUX", "VERB", "ADP"], ["the", "$", "8.04", "that", "analyst", "be", "look", "for"])  # fmt: skip
    holder = holder_of(doc[2], 1, [doc[2]], read_rules(doc), [2])
    assert (holder.head.text, holder.rule) == ("analysts", "holder:expecting-phrase")


def test_bringing_without_its_particle_gives_no_result() -> None:
    # "the company brought $ 4.1 billion of debt": no "in", no result of its own
    doc = _doc(["the", "company", "brought", "$", "4.1", "billion"], [1, 2, 2, 5, 5, 2],
               ["det", "nsubj", "ROOT", "nmod", "compound", "dobj"], ["DET", "NOUN", "VERB", "SYM", "NUM", "NUM"],
               ["the", "company", "bring", "$", "4.1", "billion"])  # fmt: skip
    assert holder_of(doc[5], 3, [doc[5], doc[2]], read_rules(doc), [4, 5]) is None


def test_a_relative_clause_of_giving_on_the_figure_names_its_holder() -> None:
    # "the 300 that police had counted"; a clause on a place inside the phrase ("in Kellport, where ...") would not
    words = ["above", "the", "300", "that", "police", "had", "counted"]
    doc = _doc(words, [0, 2, 0, 6, 6, 6, 2], ["ROOT", "det", "pobj", "dobj", "nsubj", "aux", "relcl"],
               ["ADP", "DET", "NUM", "PRON", "NOUN", "AUX", "VERB"], ["above", "the", "300", "that", "police", "have", "count"])  # fmt: skip
    holder = holder_of(doc[2], 2, [doc[2], doc[0]], read_rules(doc), [2])
    assert (holder.head.text, holder.rule) == ("police", "holder:giving-verb")


def test_the_owner_of_a_claim_holds_the_figures_of_its_content_clause() -> None:
    # "union claims that it is to lay off 2,000 workers": "lay" -> "is" (ccomp of "claims") -> "claims"
    words = ["union", "claims", "that", "it", "is", "to", "lay", "off", "2,000", "workers"]
    doc = _doc(words, [1, 1, 4, 4, 1, 6, 4, 6, 9, 6],
               ["compound", "ROOT", "mark", "nsubj", "ccomp", "aux", "xcomp", "prt", "nummod", "dobj"],
               ["NOUN", "NOUN", "SCONJ", "PRON", "AUX", "PART", "VERB", "ADP", "NUM", "NOUN"],
               ["union", "claim", "that", "it", "be", "to", "lay", "off", "2,000", "worker"])  # fmt: skip
    holder = holder_of(doc[8], 8, [doc[8], doc[9], doc[6]], read_rules(doc), [8])
    assert (holder.head.text, holder.rule) == ("union", "holder:claim-owner")


def test_a_claim_with_no_owner_holds_nothing() -> None:
    words = ["claims", "that", "it", "is", "to", "lay", "off", "2,000", "workers"]
    doc = _doc(words, [0, 3, 3, 0, 5, 3, 5, 8, 5],
               ["ROOT", "mark", "nsubj", "ccomp", "aux", "xcomp", "prt", "nummod", "dobj"],
               ["NOUN", "SCONJ", "PRON", "AUX", "PART", "VERB", "ADP", "NUM", "NOUN"],
               ["claim", "that", "it", "be", "to", "lay", "off", "2,000", "worker"])  # fmt: skip
    assert holder_of(doc[7], 7, [doc[7], doc[8], doc[5]], read_rules(doc), [7]) is None


def test_a_compound_that_is_no_source_holds_nothing() -> None:
    # "a crowd estimate of 2,000": "crowd" is what is estimated, not who
    doc = _doc(["a", "crowd", "estimate", "of", "2,000"], [2, 2, 2, 2, 3], ["det", "compound", "ROOT", "prep", "pobj"],
               ["DET", "NOUN", "NOUN", "ADP", "NUM"], ["a", "crowd", "estimate", "of", "2,000"])  # fmt: skip
    assert holder_of(doc[4], 4, [doc[4], doc[3], doc[2]], read_rules(doc), [4]) is None


def test_figures_from_a_source_are_its_figures() -> None:
    # "figures from the ministry showed 17 dead" -> the noun "figures" holds 17 through "from"
    words = ["figures", "from", "the", "ministry", "put", "the", "toll", "at", "17"]
    doc = _doc(
        words,
        [4, 0, 3, 1, 4, 6, 4, 4, 7],
        ["nsubj", "prep", "det", "pobj", "ROOT", "det", "dobj", "prep", "pobj"],
        ["NOUN", "ADP", "DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "NUM"],
        ["figure", "from", "the", "ministry", "put", "the", "toll", "at", "17"],
    )
    rules = read_rules(doc)
    assert rules.by_figure_noun[0].head.text == "ministry"
    assert rules.by_figure_noun[0].rule == "holder:figures-from"
    # "figures from 267 constituencies show ...": where the count was made, counted itself, made nothing
    words = ["figures", "from", "267", "constituencies", "show", "a", "turnout", "of", "55", "%"]
    doc = _doc(
        words,
        [4, 0, 3, 1, 4, 6, 4, 6, 9, 7],
        ["nsubj", "prep", "nummod", "pobj", "ROOT", "det", "dobj", "prep", "nummod", "pobj"],
        ["NOUN", "ADP", "NUM", "NOUN", "VERB", "DET", "NOUN", "ADP", "NUM", "NOUN"],
        ["figure", "from", "267", "constituency", "show", "a", "turnout", "of", "55", "%"],
    )
    assert 0 not in read_rules(doc).by_figure_noun


def test_figures_released_by_a_source_are_its_figures() -> None:
    # "figures released by the commission show turnout of 64 percent"
    words = ["figures", "released", "by", "the", "commission", "show", "turnout", "of", "64", "percent"]
    doc = _doc(words, [5, 0, 1, 4, 2, 5, 5, 6, 9, 7],
               ["nsubj", "acl", "agent", "det", "pobj", "ROOT", "dobj", "prep", "nummod", "pobj"],
               ["NOUN", "VERB", "ADP", "DET", "NOUN", "VERB", "NOUN", "ADP", "NUM", "NOUN"],
               ["figure", "release", "by", "the", "commission", "show", "turnout", "of", "64", "percent"])  # fmt: skip
    rules = read_rules(doc)
    assert (rules.by_figure_noun[0].head.text, rules.by_figure_noun[0].rule) == ("commission", "holder:figures-by")


def test_an_official_figure_is_the_officials() -> None:
    # "the official toll of 61"
    doc = _doc(["the", "official", "toll", "of", "61"], [2, 2, 2, 2, 3], ["det", "amod", "ROOT", "prep", "pobj"],
               ["DET", "ADJ", "NOUN", "ADP", "NUM"], ["the", "official", "toll", "of", "61"])  # fmt: skip
    holder = holder_of(doc[4], 4, [doc[4], doc[3], doc[2]], read_rules(doc), [4])
    assert (holder.text, holder.rule) == ("official toll", "holder:official-figure")


def test_a_source_in_brackets_holds_the_figure_beside_it() -> None:
    # "55,000 people ( police ) attended"
    words = ["55,000", "people", "(", "police", ")", "attended"]
    doc = _doc(
        words,
        [1, 5, 1, 1, 3, 5],
        ["nummod", "nsubj", "punct", "appos", "punct", "ROOT"],
        ["NUM", "NOUN", "PUNCT", "NOUN", "PUNCT", "VERB"],
        ["55,000", "people", "(", "police", ")", "attend"],
    )
    holder = holder_of(doc[0], 0, [doc[0], doc[1], doc[5]], read_rules(doc), [0])
    assert (holder.head.text, holder.rule) == ("police", "holder:in-brackets")


def test_a_source_noun_in_brackets_may_have_two_words_before_it() -> None:
    # "12 dead ( local health office )"
    words = ["12", "dead", "(", "local", "health", "office", ")"]
    doc = _doc(words, pos=["NUM", "ADJ", "PUNCT", "ADJ", "NOUN", "NOUN", "PUNCT"], lemmas=words)
    assert read_rules(doc).in_brackets[0].head.text == "office"


def test_a_participle_may_stand_before_a_source_noun_in_brackets() -> None:
    # "34.2 % ( returning officer )"
    words = ["34.2", "%", "(", "returning", "officer", ")"]
    doc = _doc(words, pos=["NUM", "NOUN", "PUNCT", "VERB", "NOUN", "PUNCT"], lemmas=["34.2", "%", "(", "return",
               "officer", ")"])  # fmt: skip
    assert read_rules(doc).in_brackets[1].head.text == "officer"


def test_a_bodys_capitalised_name_in_brackets_holds_the_figure_before_it() -> None:
    # "5.8 ( Marr Institute of Geophysics ) / 6.1 ( Eastern Seismic Network )"
    words = ["5.8", "(", "Marr", "Institute", "of", "Geophysics", ")", "/", "6.1", "(", "Eastern", "Seismic",
             "Network", ")"]  # fmt: skip
    pos = ["NUM", "PUNCT", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT", "SYM", "NUM", "PUNCT", "PROPN", "PROPN",
           "PROPN", "PUNCT"]  # fmt: skip
    found = read_rules(_doc(words, pos=pos, lemmas=words))
    assert found.in_brackets[0].text == "Marr Institute of Geophysics"
    assert found.in_brackets[8].text == "Eastern Seismic Network"
    # a capitalised bracket without a body's noun names no one: "( Friday Night )"
    words = ["5.8", "(", "Friday", "Night", ")"]
    assert 0 not in read_rules(_doc(words, pos=["NUM", "PUNCT", "PROPN", "PROPN", "PUNCT"], lemmas=words)).in_brackets


def test_a_unit_the_tagger_misreads_may_stand_between_a_number_and_its_bracketed_source() -> None:
    # "4,200 ha ( Marr Institute ) / 6,000 ha ( Eastern Fire Service )": "ha" tagged an interjection
    words = ["4,200", "ha", "(", "Marr", "Institute", ")", "/", "6,000", "ha", "(", "Eastern", "Fire", "Service", ")"]
    pos = ["NUM", "INTJ", "PUNCT", "PROPN", "PROPN", "PUNCT", "SYM", "NUM", "INTJ", "PUNCT", "PROPN", "PROPN", "PROPN",
           "PUNCT"]  # fmt: skip
    found = read_rules(_doc(words, pos=pos, lemmas=words))
    assert found.in_brackets[0].text == "Marr Institute"
    assert found.in_brackets[7].text == "Eastern Fire Service"


@pytest.mark.parametrize(
    ("words", "number", "holder"),
    [
        ([":", "police", "~", "2,000", "·", "organisers", "15,000"], 3, "police"),
        ([":", "police", "~", "2,000", "·", "organisers", "15,000"], 6, "organisers"),
        (["/", "officials", "40"], 2, "officials"),
        # "Turnout — commission: 52.4 · Clean Vote observers: 41"
        (["—", "commission", ":", "52.4", "·", "Clean", "Vote", "observers", ":", "41"], 3, "commission"),
        (["—", "commission", ":", "52.4", "·", "Clean", "Vote", "observers", ":", "41"], 9, "observers"),
        # "Crowd — Police: 8,000 | Organisers (Civic Union): 45,000": the noun before the bracket, not one inside it
        (["|", "Organisers", "(", "Civic", "Union", ")", ":", "45,000"], 7, "Organisers"),
    ],
)
def test_a_source_noun_opening_a_posts_stretch_holds_the_value_after_it(words, number, holder) -> None:
    assert read_rules(_doc(words)).source_before[number].head.text == holder


def test_a_source_noun_inside_prose_holds_no_value() -> None:
    # "the police 40 ..." (no stretch of a line opens on the noun)
    assert read_rules(_doc(["the", "police", "40", "officers"])).source_before == {}


def test_every_declared_rule_has_a_case_here() -> None:
    tested = {label for label, _words, _number in TOKEN_CASES} | {
        "not-a-count:age-apposition",
        "holder:according-to",
        "holder:giving-verb",
        "holder:giving-verb-agent",
        "holder:own-result",
        "holder:claim-owner",
        "holder:expecting-phrase",
        "holder:figures-by",
        "holder:official-figure",
        "holder:revising-verb",
        "holder:revising-verb-agent",
        "holder:cue-before-colon",
        "holder:figures-of",
        "holder:given-by",
        "holder:said-of",
        "holder:owned-figure",
        "holder:owned-figure-compound",
        "holder:figures-from",
        "holder:in-brackets",
        "holder:said-number",
        "holder:expected-by",
        "holder:said-count",
        "holder:in-a-poll",
        "holder:unowned-expectation",
        "holder:spoke-of",
        "holder:looking-for",
        "holder:giving-verb-misread",
        "item:bracketed-change",
        "holder:source-before-value",
    }
    declared = {
        label
        for label, *_ in (
            *NOT_A_COUNT, *PARTS, *BASELINES, *INCREMENTS, *IN_BRACKETS, *EXPECTED_BY, *HOLDERS, *BRACKETED_ITEMS,
            *SOURCE_BEFORE_VALUES,
        )
    }  # fmt: skip
    assert declared <= tested, declared - tested


# --- word families are data, once ----------------------------------------------------------------------

_FAMILIES_THAT_MUST_NOT_SHARE = {
    "what a number is not": [lexicon.AGE_WORDS, lexicon.CLOCK_WORDS, lexicon.NAME_NUMBER_WORDS, lexicon.MULTIPLIER_WORDS, lexicon.STREET_WORDS],
    "whose people": [lexicon.OWN_PEOPLE_NOUNS, lexicon.OWN_STAFF_NOUNS],
    "relations": [lexicon.PART_WORDS, lexicon.INCREMENT_WORDS],
    "places": [lexicon.COMPASS_WORDS, lexicon.NATION_NOUNS, lexicon.SECTOR_NOUNS, lexicon.THERE_WORDS],
    "how a conflict began": [lexicon.CONFLICT_NOUNS, lexicon.BEGINNING_VERBS],
}  # fmt: skip


@pytest.mark.parametrize("group", sorted(_FAMILIES_THAT_MUST_NOT_SHARE))
def test_rule_families_do_not_overlap(group: str) -> None:
    for a, b in itertools.combinations(_FAMILIES_THAT_MUST_NOT_SHARE[group], 2):
        assert not a & b, a & b


def test_rules_read_only_where_numbers_are_find_what_the_whole_document_gives_there() -> None:
    """Reading the rules only in sentences that hold a number (for speed) loses nothing a figure can use."""
    from bot.engine import get_pipeline
    from bot.engine.doccache import sentence_of
    from bot.settings import get_settings

    text = (
        "The mayor of Varno spoke on Monday. About 3,000 people marched, according to police, and 12,000, "
        "according to the organisers. The union counted 4,200 strikers, including 300 teachers. Officials said "
        "nothing more. A man aged 54 was among 40 people detained, up from 25 on Sunday. The ministry's estimate "
        "of 2,000 was revised. Another 12 were hurt, the police estimate said."
    )
    doc = get_pipeline(get_settings().spacy_model)(text)
    numbers = [token.i for token in doc if token.like_num]
    kept = {i for n in numbers for i in range(sentence_of(doc[n]).start, sentence_of(doc[n]).end)}
    whole, regions = read_rules(doc), read_rules(doc, numbers)
    assert regions.by_verb and regions.according_to and regions.parts and regions.not_a_count
    for family in ("not_a_count", "parts", "baselines", "increments"):
        assert {k: v for k, v in getattr(whole, family).items() if k in kept} == getattr(regions, family)
    for family in ("by_verb", "by_figure_noun"):
        assert {k: v.head.i for k, v in getattr(whole, family).items() if k in kept} == {
            k: v.head.i for k, v in getattr(regions, family).items()
        }
    assert [i for i, _ in whole.according_to if i in kept] == [i for i, _ in regions.according_to]


@pytest.mark.parametrize(
    ("words", "forecasters"),
    [
        # "fewer than the 180,000 economists polled by Reuters had forecast"
        (["the", "180,000", "economists", "polled", "by", "Reuters", "had", "forecast", "."], "economists"),
        # "below the 1.09 billion euros analysts had expected"
        (["the", "1.09", "billion", "euros", "analysts", "had", "expected", "."], "analysts"),
        # "beating the $12.5 billion analysts had forecast": keyed on the number after its currency symbol
        (["the", "$", "12.5", "billion", "analysts", "had", "forecast", "."], "analysts"),
        # "worse than the 1.5% decline analysts had expected": the change it measures named between
        (["the", "1.5", "%", "decline", "analysts", "had", "expected", "."], "analysts"),
        # "short of the $8.75 most analysts were expecting": how many of them expected it
        (["the", "$", "8.75", "most", "analysts", "were", "expecting", "."], "analysts"),
    ],
)
def test_a_value_written_before_its_forecasters_is_theirs(words: list[str], forecasters: str) -> None:
    lemmas = [{"economists": "economist", "analysts": "analyst", "expected": "expect", "expecting": "expect"}.get(w, w)
              for w in words]  # fmt: skip
    pos = ["PROPN" if w == "Reuters" else "VERB" if w in ("forecast", "expected", "expecting") else "PUNCT" if w == "."
           else "NOUN" if w == "decline" else "X" for w in words]  # fmt: skip
    doc = _doc(words, pos=pos, lemmas=lemmas)
    number = next(i for i, w in enumerate(words) if w[0].isdigit())
    holder = read_rules(doc).expected_by[number]
    assert (holder.head.text, holder.rule) == (forecasters, "holder:expected-by")


def test_forecasters_counted_are_no_expectation() -> None:
    # "Reuters polled 40 economists ." / "40 economists expected growth": a count of forecasters, with an object
    for words in (["Reuters", "polled", "the", "40", "economists", "."], ["the", "40", "economists", "expected", "growth"]):
        lemmas = [{"economists": "economist", "expected": "expect"}.get(w, w) for w in words]
        pos = ["VERB" if w == "expected" else "NOUN" if w == "growth" else "X" for w in words]
        doc = _doc(words, pos=pos, lemmas=lemmas)
        assert read_rules(doc).expected_by == {}


def test_a_count_said_as_the_verbs_object_is_its_sayers() -> None:
    # "Local hospital says 19 bodies brought in"
    words = ["Local", "hospital", "says", "19", "bodies", "brought", "in"]
    doc = _doc(
        words,
        [1, 2, 2, 4, 2, 4, 5],
        ["amod", "nsubj", "ROOT", "nummod", "dobj", "acl", "prt"],
        ["ADJ", "NOUN", "VERB", "NUM", "NOUN", "VERB", "ADP"],
        ["local", "hospital", "say", "19", "body", "bring", "in"],
    )
    holder = holder_of(doc[3], 3, [doc[3], doc[4], doc[2]], read_rules(doc), [3])
    assert (holder.head.text, holder.rule) == ("hospital", "holder:said-count")


def test_a_poll_holds_the_figure_in_it() -> None:
    # "a forecast 0.3 percent rise in a Reuters poll"
    words = ["a", "forecast", "0.3", "percent", "rise", "in", "a", "Reuters", "poll"]
    doc = _doc(
        words,
        [4, 4, 3, 4, 4, 4, 8, 8, 5],
        ["det", "amod", "nummod", "compound", "ROOT", "prep", "det", "compound", "pobj"],
        ["DET", "NOUN", "NUM", "NOUN", "NOUN", "ADP", "DET", "PROPN", "NOUN"],
        ["a", "forecast", "0.3", "percent", "rise", "in", "a", "Reuters", "poll"],
    )
    holder = holder_of(doc[2], 2, [doc[2], doc[3], doc[4]], read_rules(doc), [2])
    assert (holder.head.text, holder.rule) == ("poll", "holder:in-a-poll")


def test_expectations_no_one_is_named_for_hold_their_value() -> None:
    # "beating forecasts of 1.8 %"
    words = ["beating", "forecasts", "of", "1.8", "%"]
    doc = _doc(
        words,
        [0, 0, 1, 4, 2],
        ["ROOT", "dobj", "prep", "nummod", "pobj"],
        ["VERB", "NOUN", "ADP", "NUM", "NOUN"],
        ["beat", "forecast", "of", "1.8", "%"],
    )
    holder = holder_of(doc[3], 3, [doc[3], doc[4], doc[2], doc[1], doc[0]], read_rules(doc), [3])
    assert (holder.text, holder.rule) == ("forecasts", "holder:unowned-expectation")
    # "beating the forecast of 1.8 %": one forecast, someone's, named elsewhere
    doc = _doc(
        ["beating", "forecast", "of", "1.8", "%"],
        [0, 0, 1, 4, 2],
        ["ROOT", "dobj", "prep", "nummod", "pobj"],
        ["VERB", "NOUN", "ADP", "NUM", "NOUN"],
        ["beat", "forecast", "of", "1.8", "%"],
    )
    assert holder_of(doc[3], 3, [doc[3], doc[4], doc[2], doc[1], doc[0]], read_rules(doc), [3]) is None


def test_a_rate_given_by_someone_is_keyed_by_its_value() -> None:
    # "the estimate of $ 1.95 per share expected by analysts .": the participle hangs on "share"
    words = ["the", "estimate", "of", "$", "1.95", "per", "share", "expected", "by", "analysts", "."]
    doc = _doc(
        words,
        [1, 1, 1, 4, 2, 4, 5, 6, 7, 8, 1],
        ["det", "ROOT", "prep", "nmod", "pobj", "prep", "pobj", "acl", "agent", "pobj", "punct"],
        ["DET", "NOUN", "ADP", "SYM", "NUM", "ADP", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"],
        ["the", "estimate", "of", "$", "1.95", "per", "share", "expect", "by", "analyst", "."],
    )
    holder = read_rules(doc).by_figure_noun[4]
    assert (holder.head.text, holder.rule) == ("analysts", "holder:given-by")


def test_a_value_a_copula_makes_an_official_figure_is_the_officials() -> None:
    # "11 million gallons has become the official number ."
    words = ["11", "million", "gallons", "has", "become", "the", "official", "number", "."]
    doc = _doc(
        words,
        [1, 2, 4, 4, 4, 7, 7, 4, 4],
        ["compound", "nummod", "nsubj", "aux", "ROOT", "det", "amod", "attr", "punct"],
        ["NUM", "NUM", "NOUN", "AUX", "VERB", "DET", "ADJ", "NOUN", "PUNCT"],
        ["11", "million", "gallon", "have", "become", "the", "official", "number", "."],
    )
    holder = holder_of(doc[1], 0, [doc[1], doc[2], doc[4]], read_rules(doc), [0, 1])
    assert (holder.text, holder.rule) == ("official number", "holder:official-figure")


def test_a_consensus_estimate_is_an_expectation_no_one_is_named_for() -> None:
    # "missing the consensus estimate of 70 cents"
    words = ["missing", "the", "consensus", "estimate", "of", "70", "cents"]
    doc = _doc(
        words,
        [0, 3, 3, 0, 3, 6, 4],
        ["ROOT", "det", "compound", "dobj", "prep", "nummod", "pobj"],
        ["VERB", "DET", "NOUN", "NOUN", "ADP", "NUM", "NOUN"],
        ["miss", "the", "consensus", "estimate", "of", "70", "cent"],
    )
    path = [doc[5], doc[6], doc[4], doc[3], doc[0]]
    holder = holder_of(doc[5], 5, path, read_rules(doc), [5])
    assert (holder.text, holder.rule) == ("consensus estimate", "holder:unowned-expectation")
    # "missing the estimate of 70 cents": one estimate, someone's, named elsewhere
    words = ["missing", "the", "estimate", "of", "70", "cents"]
    doc = _doc(
        words,
        [0, 2, 0, 2, 5, 3],
        ["ROOT", "det", "dobj", "prep", "nummod", "pobj"],
        ["VERB", "DET", "NOUN", "ADP", "NUM", "NOUN"],
        ["miss", "the", "estimate", "of", "70", "cent"],
    )
    assert holder_of(doc[4], 4, [doc[4], doc[5], doc[3], doc[2], doc[0]], read_rules(doc), [4]) is None


def test_who_speaks_of_a_number_gives_it() -> None:
    # "the authorities spoke of 150,000"
    words = ["the", "authorities", "spoke", "of", "150,000"]
    doc = _doc(
        words,
        [1, 2, 2, 2, 3],
        ["det", "nsubj", "ROOT", "prep", "pobj"],
        ["DET", "NOUN", "VERB", "ADP", "NUM"],
        ["the", "authority", "speak", "of", "150,000"],
    )
    holder = holder_of(doc[4], 4, [doc[4], doc[3], doc[2]], read_rules(doc), [4])
    assert (holder.head.text, holder.rule) == ("authorities", "holder:spoke-of")
    # "local media spoke of 40 people killed": a count of something spoken of
    words = ["local", "media", "spoke", "of", "40", "people", "killed"]
    doc = _doc(
        words,
        [1, 2, 2, 2, 5, 3, 5],
        ["amod", "nsubj", "ROOT", "prep", "nummod", "pobj", "acl"],
        ["ADJ", "NOUN", "VERB", "ADP", "NUM", "NOUN", "VERB"],
        ["local", "media", "speak", "of", "40", "people", "kill"],
    )
    holder = holder_of(doc[4], 4, [doc[4], doc[5], doc[3], doc[2]], read_rules(doc), [4])
    assert (holder.head.text, holder.rule) == ("media", "holder:spoke-of")


def test_forecasters_looking_for_a_figure_give_it() -> None:
    # "analysts were looking for 538 million" / "buyers were looking for 538 million": only forecasters expect
    def holder(subject: str, lemma: str):
        words = [subject, "were", "looking", "for", "538", "million"]
        doc = _doc(
            words,
            [2, 2, 2, 2, 5, 3],
            ["nsubj", "aux", "ROOT", "prep", "compound", "pobj"],
            ["NOUN", "AUX", "VERB", "ADP", "NUM", "NUM"],
            [lemma, "be", "look", "for", "538", "million"],
        )
        return holder_of(doc[5], 4, [doc[5], doc[3], doc[2]], read_rules(doc), [4, 5])

    found = holder("analysts", "analyst")
    assert (found.head.text, found.rule) == ("analysts", "holder:looking-for")
    assert holder("buyers", "buyer") is None


def test_a_poll_holds_what_is_expected_in_it() -> None:
    # "Kelvar earned 440 euros expected in a consensus" / "... in the consensus": only a survey named as one holds it
    def holder(det: str):
        words = ["Kelvar", "earned", "440", "euros", "expected", "in", det, "consensus"]
        doc = _doc(
            words,
            [1, 1, 3, 1, 3, 4, 7, 5],
            ["nsubj", "ROOT", "nummod", "dobj", "acl", "prep", "det", "pobj"],
            ["PROPN", "VERB", "NUM", "NOUN", "VERB", "ADP", "DET", "NOUN"],
            ["Kelvar", "earn", "440", "euro", "expect", "in", det, "consensus"],
        )
        return holder_of(doc[2], 2, [doc[2], doc[3], doc[1]], read_rules(doc), [2])

    found = holder("a")
    assert (found.head.text, found.rule) == ("consensus", "holder:in-a-poll")
    assert holder("the").rule != "holder:in-a-poll"


def test_a_bracket_closing_before_a_colon_is_two_tokens() -> None:
    from bot.engine import get_pipeline
    from bot.settings import get_settings

    nlp = get_pipeline(get_settings().spacy_model)
    words = [t.text for t in nlp.make_doc("Observers (Fair Count): 44%")]
    assert ")" in words and words[words.index(")") + 1] == ":"


def test_a_posts_sign_for_about_is_a_word_of_its_own() -> None:
    from bot.engine import get_pipeline
    from bot.settings import get_settings

    nlp = get_pipeline(get_settings().spacy_model)
    assert [t.text for t in nlp.make_doc("police ~2,000, organisers ≈15,000")] == [
        "police", "~", "2,000", ",", "organisers", "≈", "15,000",
    ]  # fmt: skip
    assert [t.text for t in nlp.make_doc("the ~user folder")] == ["the", "~user", "folder"]


def test_a_bracketed_change_after_a_noun_is_that_items_and_its_from_value_a_baseline() -> None:
    # "for mining ( -0.6 % from 0.6 % ) , retail ( 4 % from 4.7 % )"
    words = ["for", "mining", "(", "-", "0.6", "%", "from", "0.6", "%", ")", ",", "retail", "(", "4", "%", "from",
             "4.7", "%", ")"]  # fmt: skip
    pos = ["ADP", "NOUN", "PUNCT", "PUNCT", "NUM", "NOUN", "ADP", "NUM", "NOUN", "PUNCT", "PUNCT", "NOUN", "PUNCT",
           "NUM", "NOUN", "ADP", "NUM", "NOUN", "PUNCT"]  # fmt: skip
    found = read_rules(_doc(words, pos=pos, lemmas=[w.lower() for w in words]))
    assert found.items == {4: "mining", 7: "mining", 13: "retail", 16: "retail"}
    assert found.baselines.get(7) == found.baselines.get(16) == "item:bracketed-change"
    assert 4 not in found.baselines and 13 not in found.baselines


def test_a_bracket_that_gives_no_change_names_no_item() -> None:
    # "12 dead ( police ) , 20 ( 4 of them children )"
    words = ["12", "dead", "(", "police", ")", ",", "20", "(", "4", "of", "them", "children", ")"]
    pos = ["NUM", "ADJ", "PUNCT", "NOUN", "PUNCT", "PUNCT", "NUM", "PUNCT", "NUM", "ADP", "PRON", "NOUN", "PUNCT"]
    assert read_rules(_doc(words, pos=pos)).items == {}


def test_a_figure_noun_read_as_the_compound_of_its_participle_of_giving_is_the_agents() -> None:
    # "compared with a 0.2 % increase forecast by economists", with "forecast" read as the phrase's head
    words = ["compared", "with", "a", "0.2", "%", "increase", "forecast", "by", "economists"]
    doc = Doc(
        _VOCAB,
        words=words,
        heads=[0, 0, 6, 4, 5, 6, 1, 6, 7],
        deps=["ROOT", "prep", "det", "nummod", "compound", "compound", "pobj", "agent", "pobj"],
        pos=["VERB", "ADP", "DET", "NUM", "NOUN", "NOUN", "VERB", "ADP", "NOUN"],
        tags=["VBN", "IN", "DT", "CD", "NN", "NN", "VBN", "IN", "NNS"],
        lemmas=["compare", "with", "a", "0.2", "%", "increase", "forecast", "by", "economist"],
    )
    holder = holder_of(doc[3], 3, [doc[3], doc[4], doc[5], doc[6]], read_rules(doc), [3])
    assert (holder.head.text, holder.rule) == ("economists", "holder:given-by")


def test_a_source_noun_in_brackets_may_be_owned_by_a_possessive() -> None:
    # "13 ( miners ' union )"
    words = ["13", "(", "miners", "'", "union", ")"]
    pos = ["NUM", "PUNCT", "NOUN", "PART", "NOUN", "PUNCT"]
    found = read_rules(_doc(words, pos=pos, lemmas=["13", "(", "miner", "'", "union", ")"]))
    assert found.in_brackets[0].head.text == "union"


def test_a_verb_of_giving_whose_subject_hangs_on_its_auxiliary_still_gives_it_its_figure() -> None:
    # "Analysts had on average expected 455 million ." (the parser hung the subject on "had")
    doc = _doc(
        ["Analysts", "had", "on", "average", "expected", "455", "million", "."],
        [1, 4, 1, 2, 4, 6, 4, 4],
        ["nsubj", "aux", "prep", "pobj", "ROOT", "compound", "dobj", "punct"],
        ["NOUN", "AUX", "ADP", "ADJ", "VERB", "NUM", "NUM", "PUNCT"],
        ["analyst", "have", "on", "average", "expect", "455", "million", "."],
    )
    holder = holder_of(doc[6], 5, [doc[6], doc[4]], read_rules(doc), [5])
    assert (holder.head.text, holder.rule) == ("Analysts", "holder:giving-verb")
