"""The value-attachment component on hand-built parses: a failure here is the rule's, not the model's."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from bot.engine import analyze
from bot.engine.attachment import VALUE_ATTACHMENTS, ValueAttachment

_VOCAB = spacy.blank("en").vocab


def _doc(words, heads, deps, pos, lemmas) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_value_put_at_moves_from_the_describing_clause_to_the_verb_of_giving() -> None:
    # "Officials put the number of deaths linked to the heat at 900 ." with "at 900" read under "linked"
    doc = _doc(
        ["Officials", "put", "the", "number", "of", "deaths", "linked", "to", "the", "heat", "at", "900", "."],
        [1, 1, 3, 1, 3, 4, 5, 6, 9, 7, 6, 10, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "acl", "prep", "det", "pobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "NUM", "PUNCT"],
        ["official", "put", "the", "number", "of", "death", "link", "to", "the", "heat", "at", "900", "."],
    )
    ValueAttachment(_VOCAB)(doc)
    assert doc[10].head.text == "put"


def test_a_revised_value_moves_from_the_relative_clause_to_the_revising_verb() -> None:
    # "Scientists downgraded the magnitude of the quake that hit Lorn from 6.1 to 5.9 ." with "from" under "hit"
    words = "Scientists downgraded the magnitude of the quake that hit Lorn from 6.1 to 5.9 .".split()
    doc = _doc(
        words,
        [1, 1, 3, 1, 3, 6, 4, 8, 6, 8, 8, 10, 10, 12, 1],
        "nsubj ROOT det dobj prep det pobj nsubj relcl dobj prep pobj prep pobj punct".split(),
        "NOUN VERB DET NOUN ADP DET NOUN PRON VERB PROPN ADP NUM ADP NUM PUNCT".split(),
        "scientist downgrade the magnitude of the quake that hit Lorn from 6.1 to 5.9 .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert doc[10].head.text == "downgraded"


def test_a_clause_that_moves_a_figure_itself_keeps_its_values() -> None:
    # "Officials revised the toll of the attack that rose from 40 ." : "rose from 40" is the clause's own
    doc = _doc(
        ["Officials", "revised", "the", "toll", "of", "the", "attack", "that", "rose", "from", "40", "."],
        [1, 1, 3, 1, 3, 6, 4, 8, 6, 8, 9, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "nsubj", "relcl", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PRON", "VERB", "ADP", "NUM", "PUNCT"],
        ["official", "revise", "the", "toll", "of", "the", "attack", "that", "rise", "from", "40", "."],
    )
    ValueAttachment(_VOCAB)(doc)
    assert doc[9].head.text == "rose"


def test_a_verb_with_a_value_of_its_own_leaves_the_clause_its_place() -> None:
    # "Officials put the number of people living at the camp at 900 .": "at the camp" is the clause's place
    words = ["Officials", "put", "the", "number", "of", "people", "living", "at", "the", "camp", "at", "900", "."]
    doc = _doc(
        words,
        [1, 1, 3, 1, 3, 4, 5, 6, 9, 7, 1, 10, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "acl", "prep", "det", "pobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "NUM", "PUNCT"],
        ["official", "put", "the", "number", "of", "people", "live", "at", "the", "camp", "at", "900", "."],
    )
    ValueAttachment(_VOCAB)(doc)
    assert doc[7].head.text == "living"


def test_every_attachment_is_labelled() -> None:
    assert {label for label, _pattern in VALUE_ATTACHMENTS} == {"attach:valued-at", "attach:revised-from", "attach:revised-to"}


def test_a_revised_value_moves_from_a_clause_on_the_verbs_adjunct() -> None:
    # "Officials lowered the toll from the blaze that swept the club to 232 ." with "to 232" under "swept"
    words = "Officials lowered the toll from the blaze that swept the club to 232 .".split()
    doc = _doc(
        words,
        [1, 1, 3, 1, 1, 6, 4, 8, 6, 10, 8, 8, 11, 1],
        "nsubj ROOT det dobj prep det pobj nsubj relcl det dobj prep pobj punct".split(),
        "NOUN VERB DET NOUN ADP DET NOUN PRON VERB DET NOUN ADP NUM PUNCT".split(),
        "official lower the toll from the blaze that sweep the club to 232 .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert doc[11].head.text == "lowered"


def test_a_range_read_as_the_verbs_preposition_goes_back_to_the_noun_after_it() -> None:
    # "Police said between 86 and 88 people died ." with "between" read as a preposition of "said"
    words = "Police said between 86 and 88 people died .".split()
    doc = _doc(
        words,
        [1, 1, 1, 2, 3, 3, 7, 1, 1],
        "nsubj ROOT prep pobj cc conj nsubj ccomp punct".split(),
        "NOUN VERB ADP NUM CCONJ NUM NOUN VERB PUNCT".split(),
        "police say between 86 and 88 people die .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert (doc[3].head.text, doc[3].dep_) == ("people", "nummod")
    assert (doc[2].head.text, doc[2].dep_) == ("86", "quantmod")
    assert doc[6].head.text == "died"


def test_a_range_whose_noun_was_read_as_the_conjunct_gives_the_noun_the_ranges_place() -> None:
    # "Analysts expected between 86 and 88 cents ." with "cents" the conjunct of "86" and "86" the object
    words = "Analysts expected between 86 and 88 cents .".split()
    doc = _doc(
        words,
        [1, 1, 3, 1, 3, 6, 3, 1],
        "nsubj ROOT quantmod dobj cc nummod conj punct".split(),
        "NOUN VERB ADP NUM CCONJ NUM NOUN PUNCT".split(),
        "analyst expect between 86 and 88 cent .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert (doc[6].head.text, doc[6].dep_) == ("expected", "dobj")
    assert (doc[3].head.text, doc[3].dep_) == ("cents", "nummod")
    assert (doc[5].head.text, doc[5].dep_) == ("86", "conj")


def test_a_span_of_years_is_no_range_of_the_noun_after_it() -> None:
    # "Officials said between 2005 and 2010 prices doubled ."
    words = "Officials said between 2005 and 2010 prices doubled .".split()
    doc = _doc(
        words,
        [1, 1, 1, 2, 3, 3, 7, 1, 1],
        "nsubj ROOT prep pobj cc conj nsubj ccomp punct".split(),
        "NOUN VERB ADP NUM CCONJ NUM NOUN VERB PUNCT".split(),
        "official say between 2005 and 2010 price double .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert doc[2].head.text == "said" and doc[3].head.text == "between"


def test_a_range_already_on_its_noun_is_left_alone() -> None:
    # "Between 86 and 88 people died ." read right: nothing to mend
    words = "Between 86 and 88 people died .".split()
    heads = [1, 4, 1, 1, 5, 5, 5]
    doc = _doc(
        words, heads, "quantmod nummod cc conj nsubj ROOT punct".split(),
        "ADP NUM CCONJ NUM NOUN VERB PUNCT".split(), "between 86 and 88 people die .".split(),
    )  # fmt: skip
    ValueAttachment(_VOCAB)(doc)
    assert [token.head.i for token in doc] == heads


def test_a_range_whose_noun_was_read_as_the_prepositions_object_becomes_the_clauses_subject() -> None:
    # "The charity said between 60 and 75 people are missing ." with "people" the object of "between"
    words = "The charity said between 60 and 75 people are missing .".split()
    doc = _doc(
        words,
        [1, 2, 2, 2, 7, 4, 4, 3, 9, 2, 2],
        "det nsubj ROOT prep nummod cc conj pobj aux ccomp punct".split(),
        "DET NOUN VERB ADP NUM CCONJ NUM NOUN AUX VERB PUNCT".split(),
        "the charity say between 60 and 75 people be miss .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert (doc[7].head.text, doc[7].dep_) == ("missing", "nsubj")
    assert (doc[3].head.text, doc[3].dep_) == ("60", "quantmod")


def test_a_value_a_figure_was_cut_to_moves_from_the_describing_clause_to_the_cutting_verb() -> None:
    # "The office cut its estimate of jobs created in August to 21,000 ." with "to 21,000" read under "created"
    words = "The office cut its estimate of jobs created in August to 21,000 .".split()
    doc = _doc(
        words,
        [1, 2, 2, 4, 2, 4, 5, 6, 7, 8, 7, 10, 2],
        "det nsubj ROOT poss dobj prep pobj acl prep pobj prep pobj punct".split(),
        "DET NOUN VERB PRON NOUN ADP NOUN VERB ADP PROPN ADP NUM PUNCT".split(),
        "the office cut its estimate of job create in August to 21,000 .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert doc[10].head.text == "cut"
    # cutting a thing that is no figure ("cut jobs created in August to 200") leaves the clause its value
    words = "The firm cut the jobs created in August to 200 .".split()
    doc = _doc(
        words,
        [1, 2, 2, 4, 2, 4, 5, 6, 5, 8, 2],
        "det nsubj ROOT det dobj acl prep pobj prep pobj punct".split(),
        "DET NOUN VERB DET NOUN VERB ADP PROPN ADP NUM PUNCT".split(),
        "the firm cut the job create in August to 200 .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert doc[8].head.text == "created"


def test_a_change_from_one_value_to_another_read_as_a_range_gives_each_its_preposition() -> None:
    # "Wardens lowered the count from 61 to 58 ." with "61 to 58" read as one range, the object of "from"
    words = "Wardens lowered the count from 61 to 58 .".split()
    doc = _doc(
        words,
        [1, 1, 3, 1, 1, 7, 7, 4, 1],
        "nsubj ROOT det dobj prep quantmod quantmod pobj punct".split(),
        "NOUN VERB DET NOUN ADP NUM PART NUM PUNCT".split(),
        "warden lower the count from 61 to 58 .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert (doc[5].head.text, doc[5].dep_) == ("from", "pobj")
    assert (doc[6].head.text, doc[6].dep_) == ("lowered", "prep")
    assert (doc[7].head.text, doc[7].dep_) == ("to", "pobj")


def test_a_range_after_a_verb_that_moves_nothing_stays_a_range() -> None:
    # "Estimates ranged from 61 to 58 ." (as read): "range" neither moves nor revises a figure
    words = "Estimates ranged from 61 to 58 .".split()
    heads = [1, 1, 1, 5, 5, 2, 1]
    doc = _doc(
        words, heads, "nsubj ROOT prep quantmod quantmod pobj punct".split(),
        "NOUN VERB ADP NUM PART NUM PUNCT".split(), "estimate range from 61 to 58 .".split(),
    )  # fmt: skip
    ValueAttachment(_VOCAB)(doc)
    assert [token.head.i for token in doc] == heads


def test_a_revision_from_one_value_to_another_before_the_object_is_one_sources_revision() -> None:
    report = analyze("Rescue officials have revised from 61 to 58 the number of victims of the mudslide at Orvel.")
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {58, 61}
    assert "revised" in conflict.note


def test_a_change_by_an_amount_to_a_level_read_as_a_range_gives_each_its_preposition() -> None:
    # "Sales rose by 16 to 40 ." with "16 to 40" read as one range, the object of "by"
    words = "Sales rose by 16 to 40 .".split()
    doc = _doc(
        words,
        [1, 1, 1, 5, 5, 2, 1],
        "nsubj ROOT prep quantmod quantmod pobj punct".split(),
        "NOUN VERB ADP NUM PART NUM PUNCT".split(),
        "sale rise by 16 to 40 .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert (doc[3].head.text, doc[3].dep_) == ("by", "pobj")
    assert (doc[4].head.text, doc[4].dep_) == ("rose", "prep")
    assert (doc[5].head.text, doc[5].dep_) == ("to", "pobj")


def test_a_change_read_as_a_range_counting_the_prepositions_object_gives_each_value_its_preposition() -> None:
    # "Wardens revised the toll from 61 to 58 people ." with "people" the object of "from", "61 to 58" its number
    words = "Wardens revised the toll from 61 to 58 people .".split()
    doc = _doc(
        words,
        [1, 1, 3, 1, 1, 7, 7, 8, 4, 1],
        "nsubj ROOT det dobj prep quantmod quantmod nummod pobj punct".split(),
        "NOUN VERB DET NOUN ADP NUM PART NUM NOUN PUNCT".split(),
        "warden revise the toll from 61 to 58 people .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert (doc[5].head.text, doc[5].dep_) == ("from", "pobj")
    assert (doc[6].head.text, doc[6].dep_) == ("revised", "prep")
    assert (doc[8].head.text, doc[8].dep_) == ("to", "pobj")
    assert (doc[7].head.text, doc[7].dep_) == ("people", "nummod")


def test_the_participle_after_a_disputed_statement_hangs_on_the_verb_of_disputing() -> None:
    # "Police estimated the crowd at 5,000 , a figure organisers disputed , saying 20,000 had turned out ." with
    # "saying" read under "estimated": the organisers say it.
    words = "Police estimated the crowd at 5,000 , a figure organisers disputed , saying 20,000 had turned out .".split()
    doc = _doc(
        words,
        [1, 1, 3, 1, 1, 4, 1, 8, 1, 10, 8, 1, 1, 15, 15, 12, 15, 1],
        "nsubj ROOT det dobj prep pobj punct det npadvmod nsubj relcl punct advcl nsubj aux ccomp prt punct".split(),
        "NOUN VERB DET NOUN ADP NUM PUNCT DET NOUN NOUN VERB PUNCT VERB NUM AUX VERB ADP PUNCT".split(),
        "police estimate the crowd at 5,000 , a figure organiser dispute , say 20,000 have turn out .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert doc[12].head.text == "disputed"


def test_a_participle_not_right_after_the_disputed_statement_keeps_its_verb() -> None:
    # "Police spoke , saying 5,000 came , a figure organisers disputed .": the participle before the disputed
    # statement is the first speaker's; nothing moves.
    words = "Police spoke , saying 5,000 came , a figure organisers disputed .".split()
    doc = _doc(
        words,
        [1, 1, 1, 1, 5, 3, 1, 8, 1, 10, 8, 1],
        "nsubj ROOT punct advcl nsubj ccomp punct det npadvmod nsubj relcl punct".split(),
        "NOUN VERB PUNCT VERB NUM VERB PUNCT DET NOUN NOUN VERB PUNCT".split(),
        "police speak , say 5,000 come , a figure organiser dispute .".split(),
    )
    ValueAttachment(_VOCAB)(doc)
    assert doc[3].head.text == "spoke"
