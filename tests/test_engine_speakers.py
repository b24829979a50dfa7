"""Speakers: pronouns and descriptions resolved back, names kept apart from roles, unnamed sources marked."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from bot.engine import analyze
from bot.engine.speakers import describe_source
from bot.report import Report
from tests.conftest import fixture_text
from tests.support.engine_checks import claim_saying, mention

# --- pronouns ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "pronoun"),
    [("Pieter Vos", "he"), ("Tessa Morrow", "she"), ("Peter Brandt", "he")],
)
def test_pronoun_points_back_to_the_named_speaker(name: str, pronoun: str) -> None:
    report = analyze(f"{name} said the ferry was late. “We waited for hours,” {pronoun} said.")
    claim = claim_saying(report, "We waited for hours")
    assert claim.speaker == name
    assert mention(report, claim) == pronoun


def test_pronoun_points_back_to_an_unusual_name() -> None:
    report = analyze("Ivo Brandt said the ferry was late. “We waited for hours,” he said.")
    assert claim_saying(report, "We waited for hours").speaker == "Ivo Brandt"


def test_she_skips_the_nearer_man() -> None:
    text = (
        "Judge Ruth Amsel said the hearing would resume. Defence lawyer Paul Eder said his client was "
        "innocent. “The court must see the evidence,” she said."
    )
    report = analyze(text)
    assert claim_saying(report, "The court must see").speaker == "Ruth Amsel"


def test_he_skips_the_nearer_woman_by_role_word() -> None:
    text = (
        "Police spokesman Arno Veld said the road was closed. Hospital spokeswoman Lotte Brink said the "
        "ward was full. “We had no warning,” he said."
    )
    report = analyze(text)
    assert claim_saying(report, "We had no warning").speaker == "Arno Veld"


def test_he_is_never_given_to_a_source_already_called_she() -> None:
    text = (
        "Fisheries minister Jonas Eklund said quotas would be cut. Union leader Mara Lindqvist said the "
        "cut would cost jobs. “This is a betrayal of the coast,” she said. “We will appeal,” he said."
    )
    report = analyze(text)
    assert claim_saying(report, "betrayal of the coast").speaker == "Mara Lindqvist"
    assert claim_saying(report, "We will appeal").speaker in {None, "Jonas Eklund"}


def test_it_points_back_to_an_organisation() -> None:
    report = analyze("The Health Ministry said 12 clinics had closed. It said more would close next month.")
    claim = claim_saying(report, "more would close next month")
    assert claim.speaker == "Health Ministry"
    assert mention(report, claim) == "It"


def test_it_skips_a_person() -> None:
    text = (
        "The Health Ministry said 12 clinics had closed. Doctor Nils Aske said patients were waiting. "
        "It said more would close next month."
    )
    report = analyze(text)
    assert claim_saying(report, "more would close next month").speaker == "Health Ministry"


def test_they_points_back_to_a_group() -> None:
    text = (
        "The Kestral Residents' Association said the water had smelled of diesel for weeks. "
        "They said the council had ignored complaints."
    )
    report = analyze(text)
    assert claim_saying(report, "the council had ignored").speaker == "Kestral Residents' Association"


@pytest.mark.parametrize(
    "text",
    [
        "“Nobody warned us,” he said.",
        "The river rose overnight. “Nobody warned us,” she said.",
        "The Health Ministry said clinics had closed. “Nobody warned us,” she said.",
    ],
)
def test_unresolvable_pronoun_stays_null(text: str) -> None:
    report = analyze(text)
    claim = claim_saying(report, "Nobody warned us")
    assert claim.speaker is None
    assert claim.role is None
    assert mention(report, claim) in {"he", "she"}


def test_pronoun_too_far_from_its_source_stays_null() -> None:
    filler = " ".join(f"The road to hamlet number {n} was washed away." for n in range(1, 12))
    text = f"Mayor Tessa Morrow said the shelters were full. {filler} “Nobody warned us,” she said."
    report = analyze(text)
    assert claim_saying(report, "Nobody warned us").speaker is None


def test_pronoun_points_back_to_a_person_introduced_without_speech() -> None:
    text = "Mayor Ilse Korhonen met the residents on Tuesday. “We will rebuild every house,” she said."
    report = analyze(text)
    assert claim_saying(report, "We will rebuild every house").speaker == "Ilse Korhonen"


# --- descriptions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "speaker"),
    [
        ("The Agriculture Ministry said the harvest had fallen by a third.",
         "The ministry said imports would make up the shortfall.", "Agriculture Ministry"),
        ("The Coastal Rights Watch told AFP that boats had sunk.",
         "The group said imports would make up the shortfall.", "Coastal Rights Watch"),
        ("The Coastal Rights Watch told AFP that boats had sunk.",
         "The monitor said imports would make up the shortfall.", "Coastal Rights Watch"),
    ],
)  # fmt: skip
def test_descriptions_resolve_back(first: str, second: str, speaker: str) -> None:
    report = analyze(f"{first} {second}")
    claim = claim_saying(report, "imports would make up the shortfall")
    assert claim.speaker == speaker
    assert claim.via is None, "'via' belongs to the claim made to the outlet, not to later ones"


def test_the_company_resolves_to_the_operator_named_before() -> None:
    text = (
        "The national rail operator Varnirail said 23 wagons had derailed. "
        "“We are working to contain the spill,” the company said."
    )
    report = analyze(text)
    assert claim_saying(report, "contain the spill").speaker == "Varnirail"


def test_the_agency_is_never_a_business_named_before() -> None:
    text = (
        "The national rail operator Varnirail said 23 wagons had derailed. "
        "Imports would make up the shortfall, the agency said."
    )
    report = analyze(text)
    assert claim_saying(report, "Imports would make up the shortfall").speaker != "Varnirail"


def test_the_one_quoted_as_saying_is_the_source_via_the_quoting_outlet() -> None:
    report = analyze("“The camps are still full,” the Varta news agency quoted Elin Dorsey as saying.")
    claim = claim_saying(report, "The camps are still full")
    assert claim.speaker == "Elin Dorsey"
    assert claim.via is not None and "Varta" in claim.via


def test_a_statement_issued_speaks_for_its_issuer() -> None:
    report = analyze("The Kessia Rail Company issued a statement on Friday saying 23 wagons had derailed.")
    assert claim_saying(report, "23 wagons had derailed").speaker == "Kessia Rail Company"


def test_a_name_inside_a_things_phrase_is_not_the_speaker() -> None:
    report = analyze("The flight manifest of the Orla Vesk charter plane has shown that 146 passengers were on board.")
    assert claim_saying(report, "146 passengers were on board").speaker != "Orla Vesk"


def test_a_capitalised_preposition_runs_through_a_name() -> None:
    report = analyze("The medical charity Healers Without Walls said 355 people had died.")
    assert claim_saying(report, "355 people had died").speaker == "Healers Without Walls"
    headline = analyze("Officials In Kessia said 40 people died.")
    assert claim_saying(headline, "40 people died").speaker != "Officials In Kessia"


def test_the_official_resolves_back_and_stays_anonymous() -> None:
    text = (
        "A senior police official said the suspect had been arrested near the station. "
        "The official said he was carrying a knife."
    )
    report = analyze(text)
    first = claim_saying(report, "the suspect had been arrested")
    second = claim_saying(report, "carrying a knife")
    assert second.speaker == first.speaker
    assert second.speaker is not None and "official" in second.speaker
    assert first.anonymous and second.anonymous
    assert mention(report, second) == "The official"


def test_war_monitor_resolves_to_the_monitor_organisation() -> None:
    text = (
        "The Coastal Rights Watch told AFP that 14 boats had sunk. "
        "Two harbours were also closed, the war monitor said."
    )
    report = analyze(text)
    claim = claim_saying(report, "Two harbours were also closed")
    assert claim.speaker == "Coastal Rights Watch"
    assert mention(report, claim) == "the war monitor"


# --- names and roles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention_text", "name", "role_word"),
    [
        ("Interior Ministry spokeswoman Lena Varga", "Lena Varga", "spokeswoman"),
        ("Pentagon spokesman Orrin Hale", "Orrin Hale", "spokesman"),
        ("Harbour master Pieter Vos", "Pieter Vos", "master"),
        ("Farmer Peter Brandt", "Peter Brandt", "Farmer"),
    ],
)
def test_role_and_name_kept_apart(mention_text: str, name: str, role_word: str) -> None:
    report = analyze(f"{mention_text} said the border would reopen at noon.")
    claim = claim_saying(report, "the border would reopen at noon")
    assert claim.speaker == name
    assert claim.role is not None and role_word in claim.role
    assert name not in claim.role
    assert mention(report, claim) == mention_text


def test_appositive_role_after_the_name() -> None:
    report = analyze("Lena Varga, a spokeswoman for the Interior Ministry, said the border would reopen.")
    claim = claim_saying(report, "the border would reopen")
    assert claim.speaker == "Lena Varga"
    assert claim.role is not None and "spokeswoman" in claim.role


def test_name_in_apposition_after_the_role() -> None:
    report = analyze("The union leader, Mara Lindqvist, said the strike would go on.")
    claim = claim_saying(report, "the strike would go on")
    assert claim.speaker == "Mara Lindqvist"
    assert claim.role is not None and "union leader" in claim.role


def test_surname_alone_refers_back_to_the_full_name() -> None:
    text = (
        "Interior Ministry spokeswoman Lena Varga said the border would reopen at noon. "
        "Varga said queues were expected."
    )
    report = analyze(text)
    claim = claim_saying(report, "queues were expected")
    assert claim.speaker == "Lena Varga"
    assert claim.role is not None and "spokeswoman" in claim.role


def test_pronoun_keeps_the_role_of_its_source() -> None:
    text = "Interior Ministry spokeswoman Lena Varga said the border would reopen. “We expect queues,” she added."
    report = analyze(text)
    claim = claim_saying(report, "We expect queues")
    assert (claim.speaker, claim.role) == ("Lena Varga", "Interior Ministry spokeswoman")
    assert claim.cue is not None and report.quote(claim.cue) == "added"


# --- anonymous sources ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A senior official, speaking on condition of anonymity, said talks had stalled.",
        "A diplomat, who spoke on condition of anonymity, said talks had stalled.",
        "A medical source said talks had stalled.",
        "Local sources said talks had stalled.",
        "Officials said talks had stalled.",
        "Reports said talks had stalled.",
    ],
)
def test_unnamed_sources_are_anonymous(sentence: str) -> None:
    report = analyze(sentence)
    assert claim_saying(report, "talks had stalled").anonymous


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign minister Ada Brenn said talks had stalled.",
        "The Health Ministry said talks had stalled.",
        "Ada Brenn, speaking to reporters in Orsk, said talks had stalled.",
    ],
)
def test_named_sources_are_not_anonymous(sentence: str) -> None:
    report = analyze(sentence)
    assert not claim_saying(report, "talks had stalled").anonymous


def test_anonymity_travels_with_the_source_to_its_next_claim() -> None:
    """The marker travels with the source: the follow-up 'the official said' is anonymous too."""
    text = (
        "A customs official, speaking on condition of anonymity, said the trucks had been searched. "
        "The official said nothing was found."
    )
    report = analyze(text)
    assert claim_saying(report, "nothing was found").anonymous


def test_unnamed_spokesperson_keeps_the_body_they_speak_for() -> None:
    report = analyze("A spokesperson for the Water Ministry said the dam had been inspected in March.")
    claim = claim_saying(report, "the dam had been inspected")
    assert claim.speaker is not None and "Water Ministry" in claim.speaker


# --- a whole wire story of our own -------------------------------------------------------------------


@pytest.fixture(scope="module")
def train() -> Report:
    return analyze(fixture_text("engine_train_derailment.txt"))


def test_train_story_statement_by_the_operator(train: Report) -> None:
    claim = claim_saying(train, "23 wagons had derailed")
    assert (claim.speaker, claim.role) == ("Varnirail", "national rail operator")
    assert claim.kind == "indirect"
    revised = claim_saying(train, "31 wagons had left the tracks")
    assert revised.speaker == "Varnirail"
    assert mention(train, revised) == "Varnirail"


def test_train_story_minister_via_afp_and_her_two_paragraph_quote(train: Report) -> None:
    told = claim_saying(train, "50,000 litres of fuel had leaked")
    assert (told.speaker, told.role, told.via) == ("Olga Petrenko", "Environment minister", "AFP")
    quote = claim_saying(train, "This is the worst spill")
    assert quote.speaker == "Olga Petrenko"
    assert len(quote.content) == 2
    assert train.quote(quote.content[1]).startswith("We will make sure whoever is responsible")
    assert mention(train, quote) == "she"


def test_train_story_union_and_the_union(train: Report) -> None:
    first = claim_saying(train, "more than 300 families had been moved")
    later = claim_saying(train, "complained about the state of the line for years")
    assert first.speaker == later.speaker == "Maren Valley Farmers' Union"
    assert mention(train, later) == "The union"


def test_train_story_unnamed_engineer_is_anonymous_and_hedged(train: Report) -> None:
    claim = claim_saying(train, "the line had not been inspected since the spring floods")
    assert claim.anonymous
    assert claim.speaker is not None and "engineer" in claim.speaker
    assert "could not be independently verified" in claim.hedges


def test_train_story_furniture_is_ignored(train: Report) -> None:
    furniture = train.text.index("Read more:")
    assert all(c.content[0].start < furniture for c in train.claims)
    assert all(f.span.start < furniture for f in train.figures)


def test_train_story_the_company_is_the_operator(train: Report) -> None:
    assert claim_saying(train, "The driver applied the emergency brakes").speaker == "Varnirail"


def test_a_surname_first_then_the_full_name_then_the_surname_is_one_source_among_many() -> None:
    # The tracker looks sources up by name and by last word: the full name that replaces a surname stays findable,
    # and a source named between them is not taken for it.
    text = (
        "Varga said the border would reopen at noon. Mayor Piet Holm said traffic was heavy. Interior Ministry "
        "spokeswoman Lena Varga said queues were expected. Varga said buses would run."
    )
    report = analyze(text)
    assert claim_saying(report, "buses would run").speaker == "Lena Varga"
    assert claim_saying(report, "traffic was heavy").speaker == "Piet Holm"


def test_a_figure_after_says_in_a_post_line_is_said_not_a_speaker() -> None:
    # "Ten killed, says police" names its speaker after the verb; "Government says 22%" says a figure there.
    report = analyze("Strike turnout 70% says union\nGovernment says 22%")
    assert {f.value: f.source for f in report.figures}[22] == "Government"
    assert all(c.speaker != "22%" for c in report.claims)


def test_a_place_after_in_on_the_speakers_noun_is_where_they_are_not_who_they_are() -> None:
    # "Labor leaders in Kamova estimated ...", the recogniser taking "Kamova" for a person (a hand-built parse).
    words = ["Labor", "leaders", "in", "Kamova", "estimated", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 4, 1, 2, 4, 4],
        deps=["compound", "nsubj", "prep", "pobj", "ROOT", "punct"],
        pos=["NOUN", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
        lemmas=["labor", "leader", "in", "Kamova", "estimate", "."],
        ents=["O", "O", "O", "B-PERSON", "O", "O"],
    )
    mention = describe_source(doc[1], doc.text)
    assert mention.kind != "person" and mention.name != "Kamova"


def test_a_speaker_after_says_ends_a_posts_sentence_when_a_figure_stands_before_the_verb() -> None:
    report = analyze("🗳 Turnout so far: 51.3% says election commission. Independent monitors: 'no more than 40%'")
    assert {f.value: f.source for f in report.figures}[51.3] == "election commission"


def test_a_speaker_before_a_participle_says_what_the_verb_after_it_says() -> None:
    # The parser hangs "Moro speaking ..." on "said" as its clause, leaving "said" with no subject.
    report = analyze(
        "Rights groups said 23 people were killed by police. President Alan Moro speaking earlier today, however, "
        "said that only six were killed during the protests."
    )
    assert claim_saying(report, "only six were killed").speaker == "Alan Moro"


def test_a_month_naming_a_report_is_no_one_who_speaks() -> None:
    report = analyze(
        "The statistics office issued a restatement of its June employment report. The new report indicated the "
        "country shed 12,400 full-time positions in June."
    )
    assert [claim.speaker for claim in report.claims] != ["June"]
    assert "June" not in {figure.source for figure in report.figures}


def test_a_posts_bullet_or_emoji_is_no_part_of_a_speakers_name() -> None:
    report = analyze("Dengue update\n\nNew cases this week:\n• Kotra: 412\n• Mabel: 268\n")
    assert [claim.speaker for claim in report.claims] == ["Kotra", "Mabel"]


def test_what_is_thought_of_is_not_who_thinks_it() -> None:
    report = analyze("Soldiers were digging through the mud to reach about 135 bodies still thought buried.")
    assert [claim.speaker for claim in report.claims] == []


def test_a_name_the_recogniser_ran_into_a_preposition_ends_before_it() -> None:
    report = analyze("The report, released by the ministry on Monday, said 40 people died.")
    assert [claim.speaker for claim in report.claims] == ["ministry"]


def test_a_source_the_parser_joined_to_a_datelines_place_is_the_subject() -> None:
    report = analyze(
        "Doctors say dengue far worse than official figures show\n\nMEREVAL, Sept 12 (Reuters) - Sarrat's health "
        "ministry recorded 5,870 dengue cases in the week to Sunday, its highest weekly count this year."
    )
    assert report.figures[0].source == "health ministry"


def test_a_headlines_speaker_before_its_verb_is_not_read_after_it() -> None:
    report = analyze("Dockers walk out at Port Arvel, union claims near-total stoppage\n\nDockers walked out on Monday.")
    assert [claim.speaker for claim in report.claims] == ["union"]
    # (with no subject before it, the noun after the verb still speaks: "Ten killed in blast, says police")
    report = analyze("Ten killed in blast, says police\n\nTen people died in the blast.")
    assert [claim.speaker for claim in report.claims][:1] == ["police"]


def test_a_headline_opening_on_a_figure_before_its_colon_names_no_speaker() -> None:
    report = analyze("19 shot in Saturday rampage: sheriff's office updates number\n\nNineteen people were hit.")
    assert "Saturday rampage" not in [claim.speaker for claim in report.claims]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Chicago-based company said it would cut 400 jobs.", "Chicago-based company"),
        ("The NATO-led force said 12 militants were killed.", "NATO-led force"),
        ("KYIV (Reuters) - Ukraine's military said 12 drones were shot down.", "Ukraine's military"),
    ],
)
def test_a_hyphen_inside_a_word_is_no_datelines_dash(text: str, speaker: str) -> None:
    assert [claim.speaker for claim in analyze(text).claims] == [speaker]


@pytest.mark.parametrize(
    "company",
    ["the company", "the Ostrava-based company", "the firm"],
)
def test_the_company_is_the_one_business_named_before_with_its_registered_name(company: str) -> None:
    report = analyze(
        "Kelvar Mining Corp., the country's biggest copper producer, cut its output forecast on Monday. Output was "
        f"probably 410,000 tonnes in the first half, {company} said in a statement."
    )
    assert [claim.speaker for claim in report.claims] == ["Kelvar Mining Corp."]


def test_the_company_stays_unnamed_when_no_business_or_two_are_named_before() -> None:
    # An agency is no company: "the company" is the business the story is about, whoever it is.
    report = analyze(
        "The Environmental Bureau said 5,000 barrels had spilled. The company said 1,000 barrels had spilled."
    )
    assert [claim.speaker for claim in report.claims] == ["Environmental Bureau", "company"]
    # Two businesses named before: "the company" could be either.
    report = analyze(
        "Kelvar Mining Corp. said output fell. Ostra Holdings plc said prices rose. The company said 400 jobs "
        "would go."
    )
    assert [claim.speaker for claim in report.claims][-1] == "company"


def test_a_time_sees_nothing() -> None:
    report = analyze("The month of March saw its payroll figure revised down to 181,000 jobs.")
    assert [claim.speaker for claim in report.claims] == []
    assert [figure.source for figure in report.figures] == [None]


def test_what_a_source_speaks_through_is_no_part_of_its_name() -> None:
    report = analyze("The rescue agency in a statement confirmed three deaths on Sunday.")
    assert [claim.speaker for claim in report.claims] == ["rescue agency"]


def test_the_agency_is_the_one_organisation_named_just_before() -> None:
    report = analyze(
        "Minutes after the quake, the Orsk Seismic Institute issued a bulletin on the magnitude 5.6 quake. Later, "
        "however, the agency updated it to a magnitude level of 6.0."
    )
    assert [figure.source for figure in report.figures] == ["Orsk Seismic Institute"] * 2
    # (two organisations named just before: "the agency" could be either)
    report = analyze(
        "The Orsk Seismic Institute and the Marr Geophysical Service issued bulletins on the quake. Later, however, "
        "the agency updated it to a magnitude level of 6.0."
    )
    assert [figure.source for figure in report.figures] == ["agency"]


def test_the_organisation_named_before_is_not_the_place_it_is_based_in() -> None:
    report = analyze(
        "The Tessaly Grain Board cut its harvest estimate on Monday. Last month, the Lyon-based organisation had put "
        "the harvest at 41 million tonnes."
    )
    assert [figure.source for figure in report.figures] == ["Tessaly Grain Board"]


def test_a_bracket_before_the_number_is_another_figures() -> None:
    report = analyze("Turnout: 34.2% (returning officer) vs 27% (Unity Bloc)")
    sources = [figure.source for figure in report.figures]
    assert sources[0] == "returning officer"
    assert sources[1] != "returning officer"
