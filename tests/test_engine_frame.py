"""The figure frame on sentences written for these tests: who gives a figure wherever the sentence puts them, its
scope, its relation to other figures, and conflicts only on positive evidence."""

from __future__ import annotations

import pytest

from bot.engine import analyze
from bot.report import Report


def _figures(text: str) -> list[tuple[str, str | None]]:
    report = analyze(text)
    return [(report.figure_label(figure), figure.source) for figure in report.figures]


def only_conflict_sources(report: Report) -> dict[float, str | None]:
    """The one conflict's values, each with its figure's source."""
    [conflict] = report.conflicts
    return {report.figures[i].value: report.figures[i].source for i in conflict.figures}


def test_according_to_after_each_figure_names_its_own_source() -> None:
    report = analyze("About 3,000 people marched in Velmora, according to police, and 12,000, according to the organisers.")
    assert _figures(report.text) == [("about 3,000", "police"), ("12,000", "organisers")]
    [conflict] = report.conflicts
    assert conflict.reason == "sources"


def test_a_verb_of_giving_a_figure_names_its_source_without_a_verb_of_saying() -> None:
    assert _figures("The teachers' union counted 4,200 strikers on Tuesday.")[0][1] == "teachers' union"


def test_a_pronoun_that_revises_stands_for_the_source_before_it() -> None:
    report = analyze(
        "The Varnish Seismological Bureau put the quake's magnitude at 6.1 on Monday. It later revised the "
        "magnitude to 6.4."
    )
    assert {figure.source for figure in report.figures} == {"Varnish Seismological Bureau"}
    [conflict] = report.conflicts
    assert conflict.reason == "revision"


def test_figures_for_another_place_are_not_compared() -> None:
    report = analyze("In Ostrava, 40 people were killed, the army said. Rescuers said 55 people were killed in the floods.")
    assert [figure.place for figure in report.figures] == ["ostrava", None]
    assert report.conflicts == []


def test_a_rounded_figure_agrees_with_a_precise_one_near_it() -> None:
    report = analyze("The ministry said 46 people were killed. Nearly 50 people were killed, according to a monitor.")
    assert report.conflicts == []
    report = analyze("The ministry said 12 people were killed. Nearly 50 people were killed, according to a monitor.")
    assert len(report.conflicts) == 1


def test_an_increment_is_never_a_total_to_compare() -> None:
    report = analyze("Officials said 12 people died in the crash. Police said 12 more people were killed.")
    assert report.figures[1].rules == ["increment:n-more"]
    assert report.conflicts == []


def test_values_fifty_times_apart_measure_different_things() -> None:
    report = analyze("The ministry said 2 people were killed. A monitor said 300 people were killed.")
    assert report.conflicts == []


def test_suspected_cases_are_not_compared_with_confirmed_ones() -> None:
    report = analyze(
        "The health ministry said 7 cases had been confirmed. State authorities said they were looking at 51 "
        "suspected cases."
    )
    assert report.conflicts == []


def test_one_sources_bound_and_its_later_value_agree() -> None:
    report = analyze(
        "The league said more than 3 debates would be held. The league later said 11 debates would be held."
    )
    assert report.conflicts == []


def test_a_verb_that_changes_an_estimate_revises_it_and_the_estimate_says_what_is_counted() -> None:
    report = analyze(
        "Officials in Dorvale have cut their estimate of those missing in the landslide to about 940, from "
        "earlier calculations of 1,800."
    )
    assert [figure.quantity for figure in report.figures] == ["missing", "missing"]


def test_per_cent_is_a_unit_however_the_parser_hangs_it() -> None:
    report = analyze("The statistics office said growth was 0.6 per cent, while inflation was 3 percent.")
    assert [figure.unit for figure in report.figures] == ["%", "%"]


def test_a_named_quantity_for_a_past_year_is_no_other_event() -> None:
    report = analyze("The statistics office said output growth was 2.1 per cent in 2010.")
    assert report.figures[0].background is False
    report = analyze("In 2011, a quake killed 300 people, officials said.")
    assert report.figures[0].background is True


def test_shares_of_different_parties_are_not_compared() -> None:
    report = analyze(
        "A Valdor Times poll found that 28 percent of likely voters supported Mr. Orlan. The Valdor Times poll "
        "found that 45 percent of likely voters backed Ms. Teska."
    )
    assert [figure.belongs_to.split()[-1] for figure in report.figures] == ["orlan", "teska"]
    assert report.conflicts == []


def test_one_source_named_two_ways_is_not_two_sources() -> None:
    from bot.engine.conflicts import same_source

    assert same_source("police", "moscow police")
    assert same_source("register/bloomberg politics", "des moines register/bloomberg politics")
    assert not same_source("police", "army")
    assert not same_source("health ministry", "interior ministry")
    assert same_source("who", "world health organisation")
    assert not same_source("who", "interior ministry")


def test_a_line_ending_in_a_source_name_gives_its_figures() -> None:
    report = analyze("Only 7 confirmed flu deaths: WHO\n\nThe World Health Organisation says seven people died.")
    assert (report.figures[0].source, report.figures[0].rules) == ("WHO", ["holder:trailing-source"])
    report = analyze("Toll: 40 dead - an update at 5 pm\n\nPolice said 40 people died.")
    # "an update at 5 pm" names no source; the headline's figure is the body's, and the body names police.
    assert (report.figures[0].source, report.figures[0].rules) == ("Police", ["holder:headline-body"])


def test_below_and_above_bound_a_value_even_after_a_verb_of_change() -> None:
    report = analyze(
        "The ministry said unemployment has fallen below 5 percent. Unemployment dipped to 4.9 percent in "
        "January, the statistics office said."
    )
    assert report.figures[0].qualifier == "fewer than"
    assert report.conflicts == []


def test_two_sources_stating_sums_of_money_state_their_own() -> None:
    report = analyze(
        "Orvane reported earnings of $8.42 a share. Keltic reported a profit of $1.78 per share."
    )
    assert report.conflicts == []
    report = analyze(
        "Orvane reported revenue of $19.1 billion. Analysts had expected revenue of $18.2 billion."
    )
    assert len(report.conflicts) == 1


def test_a_year_owned_through_of_dates_the_figure_in_its_clause() -> None:
    report = analyze(
        "The turnout was higher than in the Liberal-only primary of 2012 and the joint primary of 2008, when 42% "
        "of eligible voters participated, according to the Orvane Department of State."
    )
    assert report.figures[0].background is True


def test_a_revision_stated_in_one_clause_is_one_unnamed_source_revising_itself() -> None:
    report = analyze(
        "Every spring the bureau reviews its earlier tables. The jobless rate for March was revised down to "
        "6.1 percent from 6.4 percent. And the rate for April was revised up to 6.3 percent from 6.2 percent."
    )
    assert [(figure.value, figure.qualifier) for figure in report.figures] == [
        (6.1, None), (6.4, None), (6.3, None), (6.2, None)
    ]  # "revised up to 6.3": the direction of the revision, not a bound
    assert [figure.period for figure in report.figures] == ["March", "March", "April", "April"]
    march, april = report.conflicts
    assert (march.reason, april.reason) == ("revision", "revision")
    assert [report.figures[i].value for i in march.newer] == [6.1]
    assert sorted(report.figures[i].value for i in april.figures) == [6.2, 6.3]


def test_up_from_an_earlier_estimate_is_a_revision_not_growth_from_a_baseline() -> None:
    report = analyze("Output in the Kessmark region grew 2.4 per cent in 2023, up from an initial estimate of 1.9 per cent.")
    [conflict] = report.conflicts
    assert conflict.reason == "revision"
    assert [report.figures[i].value for i in conflict.newer] == [2.4]
    baseline = analyze("Output in the Kessmark region grew 2.4 per cent in 2023, up from 1.9 per cent in 2022.")
    assert baseline.conflicts == []


def test_a_revision_to_zero_is_still_one_measure() -> None:
    report = analyze("Growth in the first quarter was revised by the statistics office from 0.2 per cent to zero.")
    [conflict] = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [0, 0.2]


def test_a_changing_verb_revises_only_a_figure_not_a_price() -> None:
    revised = analyze("Rescuers cut their estimate of those missing to 310 from earlier calculations of 480.")
    assert [conflict.reason for conflict in revised.conflicts] == ["revision"]
    moved = analyze("The central bank of Dravia cut its main rate to 4.5 percent from 4.75 percent on Tuesday.")
    assert moved.conflicts == []


def test_a_figure_under_a_condition_is_supposed_not_reported() -> None:
    report = analyze(
        "If the ministry says turnout was 48 percent, that figure normally stands. The electoral commission said "
        "turnout was 52 percent."
    )
    assert report.conflicts == []


def test_a_relative_pronoun_holder_is_the_noun_its_clause_hangs_on() -> None:
    report = analyze(
        "For the second quarter, Tarvex reported an adjusted profit of $1.20 a share on revenue of $4.1 billion, "
        "above the expectations of analysts, who had predicted a profit of $1.10 a share on revenue of $4.3 billion."
    )
    assert [figure.source for figure in report.figures] == [
        "Tarvex", "Tarvex", "analysts (anonymous)", "analysts (anonymous)"
    ]  # "on revenue of": what the verb reports, as its object is
    profit, revenue = report.conflicts
    assert (profit.reason, revenue.reason) == ("sources", "sources")
    assert "(analysts (anonymous))" in profit.note


def test_a_place_that_expects_is_the_figures_scope_not_its_source() -> None:
    report = analyze(
        "The senator said Brazil is expecting a 4.5 percent growth rate, while Canada will likely see a "
        "1 percent growth rate."
    )
    assert {figure.source for figure in report.figures} == {"senator"}
    assert report.conflicts == []


def test_a_verb_that_moves_prices_revises_a_figure_when_its_object_is_one() -> None:
    revised = analyze("The union has upped the figure for expected job losses to more than 60 from the original figure of 44.")
    assert [figure.source for figure in revised.figures] == ["union", "union"]
    [conflict] = revised.conflicts
    assert conflict.reason == "revision"
    missing = analyze("Officials in Kessmark have cut their estimate of those missing in the landslide to about 310.")
    assert missing.figures[0].source == "Officials in Kessmark (anonymous)"
    assert missing.figures[0].counted is None  # "those" counts nothing of its own
    assert analyze("The bank cut its main rate to 4.5 percent.").figures[0].source is None


def test_a_marker_of_time_dating_a_statement_leaves_the_figure_the_articles_own() -> None:
    report = analyze(
        "An army spokeswoman said 640 people were killed in the fighting in Ostrel. The figures clashed with "
        "numbers released last week by the Ostrel Rights Centre, which said 910 people were killed."
    )
    assert [figure.background for figure in report.figures] == [False, False]
    [conflict] = report.conflicts
    assert conflict.reason == "sources"


def test_a_marker_of_another_event_still_marks_the_figures_it_dates() -> None:
    report = analyze(
        "Police said 14 people were killed in the blast in Varno. An earlier attack that killed 40 people hit the "
        "same market. A bombing two weeks ago killed 31 people, officials said."
    )
    assert [figure.background for figure in report.figures] == [False, True, True]
    assert report.conflicts == []


def test_a_figure_conjoined_into_a_list_of_parts_is_a_part() -> None:
    report = analyze(
        'The Varno monitor gave a count of "322 dead, including 54 children, 82 women and dozens of fighters, as '
        'well as 16 unidentified bodies." Opposition groups said up to 1,300 people were killed.'
    )
    assert [figure.comparable for figure in report.figures] == [True, False, False, False, True]
    [conflict] = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [322, 1300]


def test_a_figure_after_a_preposition_of_time_is_not_the_verbs_participant() -> None:
    report = analyze("Doctors said 140 people had died after around 2,300 patients flooded into four hospitals.")
    assert [figure.quantity for figure in report.figures] == ["killed", None, None]


def test_kinds_a_sentence_lists_side_by_side_are_different_groups() -> None:
    listed = analyze(
        "The Varno news agency said 35 foreign workers and 15 gunmen were killed in the raid. Wire reports said "
        "eight gunmen were killed."
    )
    [conflict] = listed.conflicts
    assert sorted(listed.figures[i].value for i in conflict.figures) == [8, 15]
    named_two_ways = analyze(
        "A rescue official said at least 9 miners were killed in the collapse. A hospital source said 14 workers "
        "were killed."
    )
    assert len(named_two_ways.conflicts) == 1


def test_a_goal_or_a_limit_is_no_count_to_compare() -> None:
    report = analyze(
        "Last month, the ministry announced it had reached its goal of accepting 5,000 refugees. The Ostrel Post "
        "reported Monday that the country had accepted 5,812 refugees, 16 percent over the limit of 5,000."
    )
    assert [figure.status for figure in report.figures][:2] == ["target", None]
    assert report.conflicts == []


def test_words_that_name_what_happened_in_news_english() -> None:
    quantities = {
        "City police said 212 people had been taken in.": "arrested",
        "The ministry said employers added 48,000 jobs in May.": "created",
        "The bank said 9,000 customers were impacted.": "affected",
        "The company reported the size of the spill at 64,000 gallons.": "spilled",
    }
    for sentence, quantity in quantities.items():
        assert analyze(sentence).figures[0].quantity == quantity, sentence
    assert analyze("The company reported the size of the spill at 64,000 gallons.").figures[0].unit == "gallon"


def test_more_news_english_for_who_gives_a_figure_and_what_happened() -> None:
    quake = analyze(
        "Seismologists at Ostrava University measured the quake at magnitude 6.8. The national seismology centre "
        "put the magnitude at 7.1."
    )
    assert quake.figures[0].source == "Seismologists at Ostrava University"
    assert len(quake.conflicts) == 1
    assert analyze("Parents said 234 students were abducted.").figures[0].quantity == "abducted"
    assert analyze("The government said 400,000 workers had stopped work.").figures[0].quantity == "took part"


def test_a_currency_repeated_in_a_range_is_one_range_and_a_move_is_two_values() -> None:
    [loss] = analyze("Tarn Risk estimated insured losses at $3 billion to $5 billion.").figures
    assert (loss.value, loss.upper) == (3_000_000_000, 5_000_000_000)
    [between] = analyze("Tarn Risk put losses at between $3 billion and $5 billion.").figures
    assert (between.value, between.upper) == (3_000_000_000, 5_000_000_000)
    moved = analyze("The bill rose from $3 billion to $5 billion.").figures
    assert [(figure.value, figure.upper) for figure in moved] == [(3_000_000_000, None), (5_000_000_000, None)]


def test_a_statement_marked_earlier_is_revised_by_the_sources_latest() -> None:
    report = analyze(
        "The bank said on Tuesday that the data of 1.2 million customers had been stolen. It had earlier put the "
        "number of affected customers at 400,000."
    )
    [conflict] = report.conflicts
    assert conflict.reason == "revision"
    assert [report.figures[i].value for i in conflict.newer] == [1_200_000]


def test_what_happens_to_people_never_happens_to_measured_stuff() -> None:
    [crude] = analyze("Kellport Energy said the spill released about 2,000 barrels of crude.").figures
    assert crude.quantity == "spilled"  # not "freed": the spill says what happened to the crude
    [workers] = analyze("The company said it released 40 workers from their contracts.").figures
    assert workers.quantity == "freed"


def test_a_count_of_the_dead_reads_killed_not_deads() -> None:
    report = analyze("A ministry spokesman put the number of dead at 112. The Red Crescent said 148 people had been killed.")
    assert report.conflicts[0].note.startswith("killed: 112")


def test_a_figure_in_the_articles_voice_names_the_one_source_of_the_sentence_before() -> None:
    report = analyze(
        "The statistics office said output grew faster than first thought. The rate for March was revised up to "
        "2.4 percent from 2.1 percent."
    )
    assert [figure.source for figure in report.figures] == ["statistics office", "statistics office"]
    assert [figure.rules[-1] for figure in report.figures] == ["holder:sentence-before"] * 2
    # For the reader only: a figure in the article's own voice is not compared because of it.
    alone = analyze("Police said the march was peaceful. About 40,000 people took part. Organisers said 90,000 marched.")
    assert alone.figures[0].comparable is False and alone.conflicts == []


def test_a_value_keeps_the_digits_the_article_states() -> None:
    report = analyze("Tarvex reported revenue of $4.1 billion. Analysts had expected revenue of $4.35 billion.")
    assert [figure.value for figure in report.figures] == [4_100_000_000, 4_350_000_000]
    assert report.conflicts[0].note.startswith("revenue (USD): $4.1 billion (Tarvex) vs $4.35 billion")


def test_a_country_that_has_or_loses_people_holds_its_own_share_of_the_count() -> None:
    report = analyze(
        "Officials said 769 pilgrims were killed in the crush. In the disaster, Iran says it had 465 pilgrims "
        "killed, while Egypt lost 148 and Indonesia 120."
    )
    assert [figure.place for figure in report.figures] == [None, "iran", "egypt", "indonesia"]
    assert report.conflicts == []


def test_the_place_of_an_event_scopes_its_figures_when_the_article_counts_several_places() -> None:
    # The subject's, the object's, and the modified clause's event: three places, each its own count.
    report = analyze(
        "The march in Kellport was cut short after 40,000 people showed up, police said. A rally in Tessen drew "
        "12,000 people, organisers said. Police said 9,000 people had joined the protest in the city of Lindau."
    )
    assert [figure.place for figure in report.figures] == ["kellport", "tessen", "lindau"]
    assert report.conflicts == []


def test_the_place_of_the_articles_one_event_is_no_narrower_scope() -> None:
    # One event at one place: its place says where the article's event happened, and other figures share it.
    report = analyze("The air strike in Halvik district killed 36 civilians, the U.N. mission said. Security sources said 12 people died.")
    assert [figure.place for figure in report.figures] == [None, None]
    [conflict] = report.conflicts
    assert conflict.reason == "sources"


def test_a_figure_with_no_place_is_not_compared_when_the_article_counts_several_places() -> None:
    report = analyze(
        "In Kellport, 40,000 people marched, police said. In Tessen, 25,000 people marched, police said. "
        "Organisers said 90,000 people marched. The interior ministry said 30,000 people marched."
    )
    assert [figure.comparable for figure in report.figures] == [True, True, False, False]
    assert report.conflicts == []


def test_a_sum_over_places_and_a_whole_country_are_scopes_of_their_own() -> None:
    report = analyze(
        "Police put the combined total at 60,000. Organisers said 300,000 people marched nationwide, while "
        "the ministry said 80,000 marched across the country."
    )
    assert [figure.place for figure in report.figures] == ["all combined", "nationwide", "nationwide"]
    [conflict] = report.conflicts
    assert conflict.note.startswith("people who took part nationwide:")


def test_a_bare_part_counts_what_its_whole_counts_and_is_given_by_its_source() -> None:
    report = analyze("Organisers said 400,000 people marched across the country, including 120,000 in Kellport.")
    whole, part = report.figures
    assert (part.quantity, part.counted, part.place, part.source) == ("took part", "people", "kellport", whole.source)
    assert whole.place == "nationwide"


def test_a_past_marker_in_a_changes_starting_point_dates_that_point_not_the_figure() -> None:
    report = analyze("Tarvex said revenue was $4.1 billion, down 2% from the same time last year.")
    revenue = report.figures[0]
    assert (revenue.quantity, revenue.period, revenue.background) == ("revenue", None, False)


def test_an_expectation_with_two_measures_in_its_unit_before_it_stays_unknown() -> None:
    report = analyze("Tarvex reported revenue of $4.1 billion and a profit of $300 million. Analysts had expected $4.3 billion.")
    assert [figure.quantity for figure in report.figures] == ["revenue", "profit", None]


def test_a_clause_coordinated_with_an_expectation_is_no_expectation() -> None:
    report = analyze("Analysts were expecting $4.3 billion but the company brought in just $4.1 billion.")
    assert [(figure.status, figure.source) for figure in report.figures] == [("forecast", "Analysts (anonymous)"), (None, "company")]


def test_what_a_company_earns_is_its_profit_and_what_a_worker_earns_is_not() -> None:
    report = analyze("Tarvex earned $1.12 a share in the quarter. Its cleaners earned $1,900 a month, the union said.")
    assert [figure.quantity for figure in report.figures] == ["profit", None]


def test_votes_belong_to_whom_they_went_to() -> None:
    report = analyze("Tallies showed 3.1 million votes for Vesk and 6.4 million for his rival, Dana Moor. Moor won 6.1 million votes.")
    assert [(figure.quantity, figure.belongs_to) for figure in report.figures] == [
        ("won", "vesk"), ("won", "dana moor"), ("won", "moor")
    ]


def test_a_day_after_by_is_no_agent() -> None:
    report = analyze("The council said 5.2 million votes were counted by Sunday.")
    assert report.figures[0].source == "council"


def test_an_event_named_after_from_is_no_source_of_the_estimate() -> None:
    report = analyze("A loss estimate from Hurricane Vera by modeler Orbis Analytics put the figure at $5 billion.")
    assert [(figure.quantity, figure.source) for figure in report.figures] == [("loss", "Orbis Analytics")]


def test_a_count_that_shows_a_clause_gives_its_figures() -> None:
    report = analyze("A news agency count shows at least 1,450 people died in the crush.")
    assert report.figures[0].source == "news agency"


def test_strike_as_a_verb_names_no_labour_strike() -> None:
    report = analyze("The storm was the worst to ever strike the coast. The agency said 40 people were killed.")
    assert report.event.kind == "storm"


def test_a_figure_the_speaker_rejects_is_not_theirs() -> None:
    report = analyze("Morvane said the total job losses are 900, not 2,500.")
    assert [figure.comparable for figure in report.figures] == [True, False]


def test_what_leaks_from_a_well_is_spilled_and_what_leaks_from_a_bank_is_data() -> None:
    report = analyze("About 4,000 barrels a day were leaking, the company said. Hackers leaked the records of 9,000 customers.")
    assert [figure.quantity for figure in report.figures] == ["flow", "affected"]  # a spill's rate is its flow
    report = analyze("About 4,000 barrels were leaking, the company said.")
    assert [figure.quantity for figure in report.figures] == ["spilled"]


def test_laid_off_workers_are_jobs_cut() -> None:
    report = analyze("The union said 3,000 workers would be laid off. The company put job losses at 1,800.")
    assert [(figure.quantity, figure.counted) for figure in report.figures] == [("cut", "job"), ("cut", "job")]


def test_an_acronym_in_capitals_is_a_name_not_a_pronoun() -> None:
    report = analyze("The WHO said there were at least 2,000 suspected cases.")
    assert (report.claims[0].speaker, report.figures[0].source) == ("WHO", "WHO")


def test_a_figure_revised_down_to_a_level_is_no_change() -> None:
    report = analyze("The ministry revised the number of suspected cases down to 1,200.")
    figure = report.figures[0]
    assert (figure.change, figure.status, figure.source) == (False, "suspected", "ministry")


def test_a_cue_set_off_by_commas_says_the_clause_before_it() -> None:
    report = analyze(
        "A magnitude 7.6 earthquake struck the coast on Wednesday, seismologists reported, just a day after "
        "another tremor caused a tsunami."
    )
    [claim] = report.claims
    assert report.text[claim.content[0].start : claim.content[0].end].startswith("A magnitude 7.6 earthquake")
    assert report.figures[0].source == "seismologists"


def test_a_headline_figure_takes_the_source_of_the_same_figure_in_the_body() -> None:
    report = analyze(
        "7.6 quake strikes off Varnish coast\n\nA magnitude 7.6 earthquake struck the coast on Wednesday, "
        "seismologists said."
    )
    assert [(figure.source, figure.rules[-1:]) for figure in report.figures] == [
        ("seismologists", ["holder:headline-body"]), ("seismologists", [])
    ]


def test_a_source_named_once_goes_on_through_its_paragraph() -> None:
    report = analyze(
        "The bureau revised its figures on Friday. The rate for March was revised up to 5.2 percent from 5.1 "
        "percent. The rate for April was revised down to 4.9 percent from 5 percent.\n\nIn May, 40 people were hurt."
    )
    assert [figure.source for figure in report.figures] == ["bureau"] * 4 + [None]


def test_what_happened_to_protesters_is_what_their_clause_says() -> None:
    report = analyze("Police said 300 protesters were detained. Organisers said 40,000 protesters marched.")
    # The detained are a group of their own (not "4 officers were hurt"); those who marched are the people who took
    # part.
    assert [(figure.quantity, figure.counted) for figure in report.figures] == [
        ("arrested", "protester"),
        ("took part", "people"),
    ]


def test_a_participle_tagged_as_an_adjective_still_names_the_event() -> None:
    report = analyze("The Red Cross put the number of evacuated families at 1,100.")
    assert report.figures[0].quantity == "evacuated"


def test_a_part_of_all_there_are_is_the_count_and_the_whole_a_population() -> None:
    report = analyze("The council said 212 of its 590 schools were shut.")
    assert [(figure.value, figure.comparable) for figure in report.figures] == [(212, True), (590, False)]


def test_a_restated_figure_takes_a_measure_in_its_own_unit_first() -> None:
    report = analyze(
        "The institute said the quake had a magnitude of 6.1 and struck at a depth of 10 km. The U.S. Geological "
        "Survey measured it at 6.4."
    )
    assert [figure.quantity for figure in report.figures] == ["magnitude", "depth", "magnitude"]


def test_a_toll_that_rises_is_counted_on_and_a_toll_revised_down_is_a_revision() -> None:
    rising = analyze("Earlier, police had put the toll at 25. The blasts killed at least 31 people, police said.")
    lowered = analyze("The ministry lowered the death toll to 210 from 295, saying some deaths had been counted twice.")
    assert (rising.conflicts, [c.reason for c in lowered.conflicts]) == ([], ["revision"])


def test_the_day_a_statement_was_made_is_not_the_figures_period() -> None:
    report = analyze("Employers added 96,000 jobs in August, the statistics office said on Friday.")
    assert report.figures[0].period == "August"


def test_south_asian_scales_and_the_rupee() -> None:
    report = analyze("Unions said 15 crore workers joined the strike. Damage was put at Rs 1,200 crore, officials said.")
    assert [(figure.value, figure.unit) for figure in report.figures] == [(150_000_000, None), (12_000_000_000, "INR")]


def test_who_estimates_gives_the_clause_unless_they_are_the_speakers_own_people() -> None:
    report = analyze("The economy minister, Ada Kessel, said her officials estimated that around 900 jobs would go.")
    assert [figure.source for figure in report.figures] == ["Ada Kessel"]
    report = analyze("Some 450 homes were destroyed, according to the governor, while the UN estimated that 1,100 homes had been destroyed.")
    assert [figure.source for figure in report.figures] == ["governor", "UN"]


def test_a_measure_restated_in_another_unit_of_its_dimension_is_one_figure() -> None:
    report = analyze(
        "The Harlen Survey said the quake struck at a depth of 9 kilometres (5.6 miles). The Osterby Seismic "
        "Centre said it struck at a depth of 20 kilometres (12 miles)."
    )
    [conflict] = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [9, 20]


def test_a_count_for_each_of_several_is_no_total() -> None:
    report = analyze(
        "Earlier, the city government agreed two rallies on June 3 and 4 on Lindau Avenue, up to 80,000 "
        "participants each. According to police figures, about 15,000 people attended the rally, while the "
        "organizers claim attendance of 40,000."
    )
    assert figure_units(report) == {80_000: "each", 15_000: None, 40_000: None}
    [conflict] = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [15_000, 40_000]


def figure_units(report) -> dict[float, str | None]:
    return {figure.value: figure.unit for figure in report.figures if figure.comparable}


def test_a_source_named_by_a_common_noun_keeps_where_it_is() -> None:
    report = analyze(
        "Scientists at the Lindau observatory put the magnitude at 7.8, while their counterparts in Europe revised "
        "it from 7.5 to 7.9."
    )
    assert [figure.source for figure in report.figures] == [
        "Scientists at the Lindau observatory",
        "their counterparts in Europe",
        "their counterparts in Europe",
    ]


def test_a_source_told_an_outlet_after_a_comma_gives_the_clause_before_it() -> None:
    report = analyze(
        "The quake measured 5.4 on the Richter scale, an official at the Meteorological Department told AFP in the "
        "capital."
    )
    [measured] = report.figures
    assert measured.source == "official at the Meteorological Department (anonymous) via AFP"


def test_a_total_and_its_share_in_one_currency_are_no_conversion() -> None:
    report = analyze(
        "Kelvar said its quarterly profit rose to $482.5 million, or 84 cents a share. Analysts had expected 90 "
        "cents a share."
    )
    per_share = next(figure for figure in report.figures if figure.value == 0.84)
    assert per_share.comparable
    assert not any(rule.endswith("conversion") for rule in per_share.rules)


def test_a_headline_names_its_speaker_after_the_verb_of_saying() -> None:
    report = analyze(
        "Ten killed in blast, says police\n\nA bomb killed ten people in the Kessel market on Monday, police said."
    )
    headline = report.claims[0]
    assert (headline.speaker, report.text[headline.content[0].start : headline.content[0].end]) == (
        "police",
        "Ten killed in blast",
    )
    rallies = analyze(
        "Lindau rallies draw 82,000 say police, 300,000 say unions\n\nSome 82,000 people marched on Saturday, the "
        "government said, while unions said around 300,000 marched."
    )
    assert rallies.figures[1].source == "unions"


@pytest.mark.parametrize("verb", ["reduced", "cut", "raised", "lowered"])
def test_the_amount_a_figure_was_moved_by_is_no_level_of_it(verb: str) -> None:
    report = analyze(
        "Police in Dravo said 48 people were killed in the floods. "
        f"The toll released by the ministry was later {verb} by 7 after double counting was found, the agency said."
    )
    assert report.conflicts == []


def test_a_value_previously_reported_after_it_is_the_sources_earlier_word() -> None:
    report = analyze(
        "According to the Marvan statistics office, GDP grew by 0.3 per cent in the first quarter of this year "
        "rather than the 0.1 per cent previously reported."
    )
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {0.1, 0.3}
    assert "revised" in conflict.note


def test_a_sum_before_the_forecasters_who_expected_it_is_their_figure_not_part_of_their_name() -> None:
    report = analyze(
        "The Tarsk airline said annual profit climbed to $663 million. It was well below the $837 million analysts "
        "had expected."
    )
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {663_000_000, 837_000_000}


def test_a_semicolon_joins_two_statements_each_with_its_own_source() -> None:
    report = analyze("The Orsk nurses union said 85% of members joined the strike; the government put participation at 30%.")
    assert only_conflict_sources(report) == {85: "Orsk nurses union", 30: "government"}


def test_a_forecast_set_against_a_result_by_compared_with_is_the_forecasters_expectation() -> None:
    report = analyze(
        "Retail sales in Morva rose 0.4% in June, the statistics bureau said, compared with a 0.2% increase forecast "
        "by economists."
    )
    assert only_conflict_sources(report) == {0.4: "statistics bureau", 0.2: "economists"}


def test_a_revision_in_the_articles_voice_after_one_sources_toll_revises_that_toll() -> None:
    report = analyze(
        "Health officials in Darvo said 31 people had died. The toll was later revised down to 27 after some victims "
        "were counted twice."
    )
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {27, 31}
    assert "revised" in conflict.note


def test_a_figure_in_the_articles_voice_that_revises_nothing_is_not_compared() -> None:
    report = analyze("Health officials in Darvo said 31 people had died. By evening 27 people had died.")
    assert report.conflicts == []


def test_a_source_named_after_a_dash_may_end_a_sentence_of_a_posts_line() -> None:
    report = analyze("BREAKING: Bus crash near Tolva kills 9 — police. Local hospital says 12 dead.")
    assert (report.figures[0].source, report.figures[0].rules) == ("police", ["holder:trailing-source"])
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {9, 12}
    # ("a record" after the dash names no source)
    assert analyze("The figure was 9 - a record. Officials said 12.").figures[0].source is None


def test_a_figure_joined_to_a_posts_label_with_its_own_source_measures_what_the_label_names() -> None:
    report = analyze("Turnout 58% per the commission, 44% per observers")
    assert only_conflict_sources(report) == {58: "commission", 44: "observers (anonymous)"}


def test_the_ground_a_fire_has_burned_grows_without_revision() -> None:
    report = analyze(
        "The Keld Ridge fire has burned 5,000 acres, officials said on Monday. By Wednesday, the fire had burned "
        "12,000 acres, officials said."
    )
    assert report.conflicts == []
    # (a count revised down is still a revision)
    report = analyze(
        "The Keld Ridge fire has burned 12,000 acres, officials said on Monday. On Wednesday officials revised the "
        "figure down to 9,000 acres."
    )
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {9000, 12000}


def test_figures_owned_by_a_source_named_first_in_the_sentence_are_its() -> None:
    report = analyze("Police figures put the toll at 131. The ministry said 97 people were killed.")
    assert report.figures[0].source == "Police"
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {97, 131}


def test_a_bodys_initials_after_per_name_the_figures_source() -> None:
    report = analyze("Magnitude 6.2 per national institute, 6.5 per USGS")
    assert only_conflict_sources(report) == {6.2: "national institute", 6.5: "USGS"}
    # (a unit in capitals after "per" is what a price is per)
    assert analyze("Power prices rose to 80 euros per MWh, the regulator said.").figures[0].source == "regulator"


def test_a_posts_heading_names_what_the_sources_labelled_lines_under_it_measure() -> None:
    report = analyze("Strike turnout\nUnion: 82%\nMinistry: 31%\nSource: union statement, ministry briefing")
    assert only_conflict_sources(report) == {82: "Union", 31: "Ministry"}


def test_a_participle_opening_a_posts_line_names_the_quantity_and_is_no_speaker() -> None:
    # The tagger reads "Trapped" as a name: it still names what happened, and speaks for no one.
    report = analyze("Mine collapse in Kord\nTrapped: 9 (company), 13 (miners' union)\nRescued so far: 4")
    assert only_conflict_sources(report) == {9: "company", 13: "miners' union"}
    assert all(claim.speaker != "Trapped" for claim in report.claims)


def test_a_currency_named_in_words_is_a_sum_in_that_currency() -> None:
    report = analyze(
        "The Kelvo mining group reported a net profit of 1.2 billion rand, below the 1.5 billion rand analysts had "
        "forecast."
    )
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {1_200_000_000, 1_500_000_000}
    assert {report.figures[i].unit for i in conflict.figures} == {"ZAR"}


def test_an_expected_change_named_before_its_forecasters_is_theirs() -> None:
    report = analyze("Orvel's like-for-like sales fell 2.4%, worse than the 1.5% decline analysts had expected.")
    [conflict] = report.conflicts
    assert {report.figures[i].value: report.figures[i].source for i in conflict.figures}[1.5] == "analysts"


def test_forecasters_clause_hung_on_the_result_gives_only_their_own_value() -> None:
    # The parser hangs "analysts had projected" on "Zephyrs": the clause gives the 3.1 million written before it.
    report = analyze("The firm sold 2.7 million Zephyrs, less than the 3.1 million analysts had projected.")
    [conflict] = report.conflicts
    sources = {report.figures[i].value: report.figures[i].source for i in conflict.figures}
    assert sources[3_100_000] == "analysts"
    assert sources[2_700_000] is None  # the article states the result in its own voice


def test_a_revision_from_a_bound_is_from_its_value() -> None:
    # The parser hangs the value on "as high as"; it is still the one revised from. (The second, parsed with the
    # value on "from", is a guard.)
    for text, values in (
        ("Police have lowered the confirmed death toll from the fire in Dresk to 12 people from as high as 15, "
         "saying some victims were counted twice.", {12, 15}),
        ("Officials cut the death toll to 31 from as many as 40 on Tuesday.", {31, 40}),
        # ("from" hung on the new value's noun)
        ("Officials revised the death toll from the landslide in Pelva to 31 people from as high as 40.", {31, 40}),
    ):  # fmt: skip
        report = analyze(text)
        [conflict] = report.conflicts
        assert {report.figures[i].value for i in conflict.figures} == values
        assert "revised" in conflict.note


def test_a_possessive_in_its_own_clause_points_back_to_the_clause_subject() -> None:
    report = analyze(
        "The interior ministry is standing by its claim that no more than 36 people died in the clashes. Local "
        "politicians said as many as 200 people died."
    )
    assert only_conflict_sources(report) == {36: "interior ministry", 200: "Local politicians"}


def test_a_headline_restating_a_revised_value_leaves_the_revision_standing() -> None:
    # The headline's 14 agrees with "as high as 19" as a bound; the body's clause says the 19 was revised.
    report = analyze(
        "Police revise death toll in Ostra floods to 14\n\nPolice have revised the confirmed death toll from the "
        "floods in northern Ostra to 14 people from as high as 19, saying two bodies had been counted twice."
    )
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {14, 19}
    assert "revised" in conflict.note


def test_a_first_estimate_is_the_statement_a_later_figure_revises() -> None:
    report = analyze(
        "📉 Orsk exports revised\n\nStatistics bureau now says September exports fell 1.2% m/m. First estimate was "
        "+0.5%."
    )
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {1.2, 0.5}
    assert "revised" in conflict.note


def test_a_bare_number_a_source_says_exists_counts_what_the_figure_before_it_counts() -> None:
    report = analyze(
        "The aid agency counts 12,000 displaced families in the valley, while the provincial government says there "
        "are 30,000."
    )
    assert only_conflict_sources(report) == {12_000: "aid agency", 30_000: "provincial government"}
    # (no one says the second exists: it is no figure of the first's measure)
    report = analyze("Officials counted 45 refugees at the border post, and there were 300 at the camp.")
    assert report.conflicts == []


def test_a_value_set_aside_as_stated_before_is_the_one_revised() -> None:
    report = analyze(
        "The audit found that the country hosts 700,000 refugees rather than the 1.2 million previously reported."
    )
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {700_000, 1_200_000}
    # (a bare alternative, stated by no one: "instead of 55" may be anyone's guess)
    assert analyze("Officials said 40 people died instead of 55.").conflicts == []


def test_figures_restating_a_number_the_sentence_before_names_measure_that_number() -> None:
    report = analyze(
        "There were conflicting estimates of the number of people inside the stadium. While police put the figure "
        "at 20,000, organisers put the number at 45,000."
    )
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {20_000, 45_000}
    assert "number of people inside stadium" in conflict.note


def test_the_amount_a_count_was_revised_by_is_a_change_not_the_count() -> None:
    report = analyze(
        "Employers added 96,000 jobs in March, the agency said. Job growth in March was later revised down by "
        "41,000, the agency's chief economist said."
    )
    assert report.conflicts == []
    assert {f.value: f.change for f in report.figures}[41_000] is True


def test_a_coast_guard_named_after_a_posts_dash_gives_the_line_its_figures() -> None:
    report = analyze("Ferry sinking off Kelos: 112 rescued, 9 dead – coast guard. Survivors say 14 people died.")
    assert only_conflict_sources(report) == {9: "coast guard", 14: "Survivors"}


def test_a_clause_with_its_own_speaker_is_not_the_according_to_sources() -> None:
    report = analyze(
        "The death toll in Marra stands at 16, according to official figures, though local residents believe the "
        "true figure is closer to 40."
    )
    assert only_conflict_sources(report) == {16: "official figures", 40: "local residents (anonymous)"}


def test_a_number_whose_verb_is_left_out_counts_what_the_figure_before_it_counts() -> None:
    report = analyze("The union said 900 workers joined the walkout at the Orsk plant. Management said 350 had.")
    assert only_conflict_sources(report) == {900: "union", 350: "Management"}
    # (an auxiliary with its verb is no ellipsis: "the company said 350 had left" counts those who left)
    assert analyze("The union said 900 workers joined the walkout. The company said 350 had left.").conflicts == []


def test_it_joined_to_a_clause_about_a_toll_is_the_toll() -> None:
    report = analyze('"The death toll has unfortunately risen and it is 41 now," the police chief in Dresk told reporters.')
    assert {f.value: f.quantity for f in report.figures}[41] == "killed"
    # ("now it is 18.7%", whatever "it" is, measures nothing named)
    assert analyze("Now it is 18.7%, the agency said.").figures[0].quantity is None


def test_new_jobs_created_are_the_count_not_an_increment() -> None:
    report = analyze(
        "Revised data released on Friday show that 121,000 new jobs were created in Orsk last year, not 186,000 "
        "that was reported at the end of the year."
    )
    [conflict] = report.conflicts
    assert {report.figures[i].value for i in conflict.figures} == {121_000, 186_000}
    # ("12 new cases, bringing the total to 400": an increment still)
    report = analyze("The ministry reported 12 new cases on Monday, bringing the total to 400, officials said.")
    assert report.conflicts == []


def test_the_district_is_the_district_named_just_before() -> None:
    report = analyze(
        "The flood killed 23 people in Marra district, local officials said. The army said 31 people had died in "
        "the district."
    )
    assert {report.figures[i].value for i in report.conflicts[0].figures} == {23, 31}
    assert report.figures[1].place == report.figures[0].place


def test_the_place_of_a_copulas_subject_scopes_the_value_said_of_it() -> None:
    report = analyze(
        "GENEVA (Reuters) - More than 6,000 people have died from the fever across the region, the WHO said on "
        "Monday. The cumulative number of deaths in Marania is 3,145, the agency said. The death toll in the north "
        "was 900, officials said."
    )
    places = {f.value: f.place for f in report.figures}
    assert places[3145] == "marania"
    assert places[900] == "north"
    # (the region's toll and one country's are not the same count)
    assert report.conflicts == []


def test_the_number_of_missing_counts_the_missing_however_the_parser_takes_the_participle() -> None:
    report = analyze("Officials in Varro lowered the number of missing from 20 to three on Thursday.")
    assert [(f.value, f.quantity) for f in report.figures] == [(20, "missing"), (3, "missing")]
    [conflict] = report.conflicts
    assert conflict.reason == "revision"
    # (what happened is no counted thing: the note reads "missing", not "miss missing")
    report = analyze("The number of missing was 40, police said, while rescuers said 55 were missing.")
    assert [(f.value, f.quantity, f.counted) for f in report.figures] == [(40, "missing", None), (55, "missing", None)]


def test_a_revisions_prior_value_pairs_with_the_value_of_its_own_clause() -> None:
    # (the wind speed of the clause before is no count the officials revised)
    report = analyze(
        "The storm that hit Varro on Tuesday brought 160 mph winds, the weather service said, and officials "
        "lowered the number of missing from 20 to three."
    )
    [conflict] = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [3, 20]


def test_a_place_that_records_a_count_is_where_it_happened_when_the_article_counts_several_places() -> None:
    report = analyze(
        "The health ministry said 140 people had died of heatstroke across the country this summer. Kerala has "
        "recorded 41 deaths, state officials said. Delhi reported 19 deaths."
    )
    assert {f.value: f.place for f in report.figures}[19] == "delhi"
    assert report.conflicts == []
    # (a company the recogniser takes for a place records no happening: its revenue has no place)
    report = analyze("Halvard reported revenue of $12.8 billion, above the $12.7 billion analysts had expected.")
    assert all(f.place is None for f in report.figures)


def test_what_the_counted_lost_says_what_happened_to_them() -> None:
    quantities = {
        text: analyze(text).figures[0].quantity
        for text in (
            "About 4,000 people lost their jobs, the union said.",
            "Forty families lost their homes in the fire, officials said.",
            "Six villagers had lost their eyesight, locals said.",
            "Nine people lost their lives, police said.",
            "Some 410,000 customers lost power, the utility said.",
        )
    }
    assert list(quantities.values()) == ["cut", "displaced", None, "killed", "without power"]
    # (those who lost their eyesight are no toll)
    report = analyze("Police said 21 people died after drinking the liquor. Locals said six people had lost their eyesight.")
    assert report.conflicts == []


def test_a_figure_that_includes_a_count_holds_it_as_a_part() -> None:
    for text in (
        "The ministry put the toll at 64, a figure that includes 17 deaths recorded on Tuesday.",
        "The ministry said 64 people had died, a new figure which it said included 17 deaths recorded on Tuesday.",
    ):
        report = analyze(text)
        assert report.conflicts == [], text
        assert {f.value: any(r.startswith("part:") for r in f.rules) for f in report.figures} == {64: False, 17: True}
    # (what includes is the whole: "The toll of 64 includes 17 children")
    report = analyze("The toll of 64 includes 17 children, the ministry said.")
    assert {f.value: any(r.startswith("part:") for r in f.rules) for f in report.figures} == {64: False, 17: True}


def test_a_count_broken_down_after_a_dash_holds_its_breakdown_as_parts() -> None:
    report = analyze(
        "Officials said 31 people were killed in the raid, including several civilians. A local lawmaker said at "
        "least nine civilians died. The army said four civilians were killed - three women and a boy."
    )
    [conflict] = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [4, 9]
    assert "part:apposed" in report.figures[-1].rules
    # (two sources' values on one line, whatever the parser hangs on what, are no breakdown)
    report = analyze("Toll: 7 dead (police) / 12 dead (hospital sources) after the crowd surged.")
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[7, 12]]


def test_close_to_qualifies_a_number_and_those_who_left_their_homes_are_displaced() -> None:
    report = analyze('Regional governor: "close to 20,000 have left their homes."\nAirport at Pellan closed.')
    [figure] = report.figures
    assert (figure.qualifier, figure.quantity) == ("nearly", "displaced")
    report = analyze("Police said 3,000 villagers had left their homes, while the Red Cross said 5,200 had fled their homes.")
    assert [f.quantity for f in report.figures] == ["displaced", "displaced"]


def test_going_somewhere_loses_nothing_and_breaking_out_is_escaping() -> None:
    def quantity(text: str) -> str | None:
        return analyze(text).figures[0].quantity

    assert quantity("Police said 22 prisoners went through the tunnel.") is None
    assert quantity("The company said 1,200 jobs would go by 2026.") == "cut"
    assert quantity("The prison service said 14 inmates broke out on Sunday.") == "escaped"
    assert quantity("Police were still hunting the 14 escapees on Monday.") == "escaped"


def test_a_harvest_and_production_are_one_measure_and_bpd_is_barrels_a_day() -> None:
    report = analyze(
        "The farm ministry put the wheat harvest at 106.8 million tonnes on Tuesday. The USDA, in its monthly "
        "report, estimated the country's wheat production at 99 million tonnes."
    )
    assert [f.quantity for f in report.figures] == ["production", "production"]
    [conflict] = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [99_000_000, 106_800_000]
    report = analyze("Output fell to 1.62 million bpd in December, the oil ministry said.")
    assert report.figures[0].unit == "barrel per day"


def test_whoever_says_a_number_gives_it() -> None:
    report = analyze("Police said 40 people died in the fire. Villagers say 70.")
    assert [f.source for f in report.figures] == ["Police", "Villagers"]
    assert len(report.conflicts) == 1
    # (a verb of counting still needs a subject that can speak)
    assert analyze("The turnstiles recorded 49,800 entries.").figures[0].source is None


def test_a_value_set_aside_instead_of_another_is_that_sources_earlier_word_however_the_parser_hangs_it() -> None:
    # (the parser makes "of" a conjunction and 92 a second object of "confirmed")
    report = analyze("Officials confirmed 60 victims instead of the 92 initially reported by state media.")
    assert "relation:revised-from" in report.figures[1].rules
    assert report.figures[1].counted == "victim"


def test_escaping_people_oil_and_hostages() -> None:
    report = analyze("Police said 11 inmates escaped from the Orvel jail. The prison service said 15 prisoners escaped.")
    assert [f.quantity for f in report.figures] == ["escaped", "escaped"]
    assert len(report.conflicts) == 1  # (inmates and prisoners are one group)
    # (what escapes by the barrel has spilled; hostages who escape are freed, as released ones are)
    report = analyze("The company said 1,200 barrels of oil escaped from the pipeline. Regulators said 4,000 barrels spilled.")
    assert [f.quantity for f in report.figures] == ["spilled", "spilled"]
    report = analyze("Reuters said 25 hostages escaped. The Los Angeles Times said 45 hostages had been freed.")
    assert [f.quantity for f in report.figures] == ["freed", "freed"]


def test_a_population_and_output_in_barrels() -> None:
    report = analyze(
        "The statistics office said its census counted 418,000 residents in Marren. The city council said the "
        "population was 505,000."
    )
    assert [f.quantity for f in report.figures] == ["population", "population"]
    assert len(report.conflicts) == 1
    report = analyze("Oil output fell to 1.02 million barrels per day in March, according to OPEC's secondary sources.")
    assert report.figures[0].quantity == "production"


def test_what_those_believed_or_feared_to_have_died_underwent() -> None:
    quantities = [
        analyze(text).figures[0].quantity
        for text in (
            "As many as 45 hostages are believed to have been freed.",
            "About 30 people are thought to have died.",
            "Some 20 miners are feared to have been killed.",
        )
    ]
    assert quantities == ["freed", "killed", "killed"]


def test_the_amount_a_count_was_missed_by_is_a_difference_not_a_count() -> None:
    report = analyze(
        "Census row: governor says population 'undercounted by 600,000'\n\nThe statistics office said its census "
        "counted 2.31 million residents in the province. The governor said the population was nearer 2.9 million."
    )
    [conflict] = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [2_310_000, 2_900_000]
    assert report.figures[0].change


def test_a_source_in_brackets_breaks_no_count_down_and_homes_left_without_power_are_homes() -> None:
    # (the parser hangs "13" on the union in brackets, set after a comma beside "9 (company)")
    report = analyze("Mine collapse in Kord\nTrapped: 9 (company), 13 (miners' union)\nRescued so far: 4")
    assert not any(r.startswith("part:") for f in report.figures for r in f.rules)
    report = analyze("The storm left 320,000 homes without power, the utility said. State officials said 410,000 homes had lost power.")
    assert [f.quantity for f in report.figures] == ["without power", "without power"]


def test_analysts_who_had_on_average_expected_a_figure_noun_give_its_value() -> None:
    # (the parser makes "had" the verb and "expected" a modifier of "revenue")
    report = analyze("Revenue fell to $17.1 billion, Kestrel said. Analysts had on average expected revenue of $17.2 billion.")
    assert [f.source for f in report.figures] == ["Kestrel", "Analysts (anonymous)"]
    assert len(report.conflicts) == 1


def test_the_noun_just_before_a_verb_with_no_subject_is_its_subject() -> None:
    # (the parser joins "revenue" to the figure before and leaves "fell" with no subject)
    report = analyze("Net profit rose to Rs 3,603 crore and revenue fell to Rs 17,120 crore, Kestrel Infotech said.")
    assert [f.quantity for f in report.figures] == ["profit", "revenue"]


def test_a_clause_the_parser_hangs_on_the_number_of_things_says_what_happened_to_them() -> None:
    report = analyze(
        "The assessment raises the number of households that have been evacuated to 46,400 from 34,200, the UN said."
    )
    assert [(f.quantity, f.counted) for f in report.figures] == [("evacuated", "home"), ("evacuated", "home")]
    [conflict] = report.conflicts
    assert conflict.reason == "revision"


def test_a_past_quakes_magnitude_is_another_quakes() -> None:
    report = analyze(
        "Two people were killed when a shallow earthquake struck Varna province on Thursday, state media said. The "
        "US Geological Survey put the magnitude of the quake at 5.4 but the national earthquake centre measured it "
        "at magnitude 6.0. A powerful 7.9-magnitude quake in Varna province in 2008 left 87,000 people dead or missing."
    )
    assert {f.value: f.background for f in report.figures if f.quantity == "magnitude"}[7.9]
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[5.4, 6.0]]


def test_what_happens_to_people_every_year_is_a_yearly_statistic_not_the_events_toll() -> None:
    report = analyze(
        "The bus crash killed 51 people, police said. Official statistics show around 3,000 people die annually in "
        "road accidents in Varna, but the World Health Organisation estimates the figure could be as high as 12,000."
    )
    assert {f.value: f.unit for f in report.figures}[3000] == "per year"
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[3000, 12000]]
    # (a leak's flow "each day" is still its flow)
    report = analyze("Researchers estimate that 20,000 barrels of oil are spewing into the sea each day.")
    assert report.figures[0].unit == "barrel"


def test_a_second_count_the_parser_joins_to_the_first_source_is_an_alternative_count() -> None:
    report = analyze(
        "The campaign had its biggest protest in Tessin with an estimated 400,000 people, according to organisers, "
        "or 200,000 people, according to police."
    )
    assert [(f.quantity, f.source) for f in report.figures] == [("took part", "organisers"), ("took part", "police")]
    assert len(report.conflicts) == 1
    # (an event held holds no one captive)
    report = analyze(
        "The campaign held its biggest protest in Tessin with an estimated 400,000 people, according to organisers, "
        "or 200,000 people, according to police."
    )
    assert [f.quantity for f in report.figures] == ["took part", "took part"]


def test_counts_in_words_joined_by_or_are_a_range_however_the_recogniser_tags_them() -> None:
    # (the recogniser takes "five or six" for a date)
    report = analyze("Police said seven miners were killed. Various reports put the death toll at five or six.")
    assert [(f.value, f.upper) for f in report.figures] == [(7, None), (5, 6)]


def test_injured_people_taken_somewhere_are_some_of_the_injured() -> None:
    report = analyze(
        "A provincial official said about 200 people were wounded in the blasts. A doctor said army helicopters "
        "airlifted 11 seriously injured people to the capital."
    )
    assert [f.quantity for f in report.figures] == ["wounded", None]
    assert report.conflicts == []
    # (what the blast did to them still counts them all)
    assert analyze("Police said the blast injured 30 people.").figures[0].quantity == "wounded"


def test_terrorists_an_army_says_it_killed_are_fighters_not_civilians() -> None:
    report = analyze(
        "An air strike near Tamra killed 27 civilians, doctors said. The army said the strike killed around 40 "
        "terrorists. Three civilians also died, an army spokesman said."
    )
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[3, 27]]


def test_people_and_a_city_hall_in_brackets_after_a_value_give_it() -> None:
    report = analyze("🚢 Ferry sinks off Palo island\nOn board: 180 (operator) vs 260 (survivors)\nRescued: 112\n#Palo")
    assert [(f.source, f.quantity) for f in report.figures[:2]] == [("operator", "on board"), ("survivors", "on board")]
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[180, 260]]
    report = analyze("Blackout in Vessa\n\nHomes without power: 210,000 (grid operator) / 340,000 (city hall)")
    assert [f.source for f in report.figures] == ["grid operator", "city hall"]
    # (a label naming a state in two words names what both values measure)
    assert [f.quantity for f in report.figures] == ["without power", "without power"]
    assert len(report.conflicts) == 1


def test_a_percentage_of_another_figure_is_a_share_of_it_not_the_clauses_measure() -> None:
    report = analyze(
        "The deficit was 4.6 per cent of GDP against the budget estimate of 4.8 per cent. CGA data show that total "
        "expenditure has already reached 88 per cent of the revised estimate."
    )
    assert {f.value: f.quantity for f in report.figures}[88] == "share"
    assert not any(88 in {report.figures[i].value for i in c.figures} for c in report.conflicts)


def test_a_posts_label_opening_on_a_preposition_names_no_speaker() -> None:
    report = analyze("Ferry sinks off Palo island\nOn board: 180 (operator) vs 260 (survivors)\nRescued: 112")
    assert [claim.speaker for claim in report.claims] == []
    # (a label opening on "per" still names who gives the figures)
    report = analyze("Flood in Orsk\nPer police: 40 dead, 12 missing")
    assert [claim.speaker for claim in report.claims] == ["police"]


def test_a_year_in_a_posts_label_dates_the_line_as_another_event() -> None:
    post = "Ferry capsizes on Lake Orvin\nPolice: 14 dead\nHospital: 21 dead\n"
    for line in ("Same lake, 2017: 9 dead in a capsizing", "Previous disaster: 2011, 30 dead"):
        report = analyze(post + line)
        assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[14, 21]]
    # (a line with no year is still a count of this capsizing)
    report = analyze(post + "Rescuers: 19 dead")
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[14, 19, 21]]


def test_a_clause_dating_the_figures_own_noun_earlier_tells_of_another_event() -> None:
    report = analyze(
        "The Varn Seismic Institute said the quake had a magnitude of 6.9. The USGS put the magnitude at 6.6. A "
        "seismologist said it was not an aftershock of the magnitude 7.2 quake that struck two days earlier."
    )
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[6.6, 6.9]]


def test_a_passing_states_level_after_a_change_is_compared_with_no_other_moment() -> None:
    report = analyze(
        "Orla Energy said 90,000 homes were without power at the height of the storm. The mayor said 130,000 homes "
        "were without power. By noon the number had dropped to 41,000, according to the city's outage website."
    )
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[90_000, 130_000]]


def test_a_prior_value_pairs_with_the_level_revised_not_the_amount_it_moved_by() -> None:
    report = analyze(
        "The USDA has pegged Marania's wheat production at 87 million tonnes this year, lower by seven per cent from "
        "the government's latest estimate of 93.6 million tonnes."
    )
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[87e6, 93.6e6]]
    assert report.conflicts[0].reason == "sources"


def test_the_dead_a_group_suffered_are_its_own_people() -> None:
    report = analyze(
        "Fifty people, including 44 militants, were killed in the fighting near Ostra, an army spokesman said. "
        "\"Our troops suffered six dead,\" a regional commander told reporters."
    )
    assert report.figures[-1].counted == "troop"
    assert report.conflicts == []


def test_a_sentence_pointing_back_gives_the_figure_before_it_a_prior_value() -> None:
    report = analyze(
        "Figures from the statistics office show the Varnian economy grew 3.4 per cent in the second quarter. That "
        "was down from the previous estimate of 3.9 per cent."
    )
    [conflict] = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [3.4, 3.9]
    assert conflict.reason == "revision"


def test_a_value_in_a_poll_of_forecasters_is_what_they_expect() -> None:
    report = analyze(
        "Tamsin Stores said diluted headline earnings per share were 512 cents in the year to June, well below "
        "a 540 cents in a Reuters poll of 11 analysts."
    )
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[5.12, 5.4]]
    assert report.figures[1].status == "forecast"


def test_a_spill_given_as_a_range_per_day_is_its_flow() -> None:
    report = analyze(
        "The Varna platform spill is the worst in the gulf's history. A government scientist said oil was coming "
        "out at a rate of 8,000 to 11,000 barrels a day. The operator had estimated the flow at 2,000 barrels a day."
    )
    assert [f.quantity for f in report.figures] == ["flow", "flow"]
    assert len(report.conflicts) == 1


def test_people_who_arrive_on_boats_are_arrivals_and_a_restatement_counts_them_not_the_boats() -> None:
    report = analyze(
        "The port authority said 820 people had arrived on 23 boats over the weekend. The mayor of Tessa said the "
        "true number was nearly 1,300."
    )
    assert [(f.value, f.quantity, f.counted) for f in report.figures] == [
        (820, "arrived", "people"),
        (23, "arrived", "boat"),
        (1300, "arrived", "people"),
    ]
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[820, 1300]]


def test_people_in_custody_are_arrested() -> None:
    report = analyze("Police said nine people had been arrested. A local paper reported that 14 people were in custody.")
    assert [f.quantity for f in report.figures] == ["arrested", "arrested"]
    assert len(report.conflicts) == 1


def test_a_magnitude_of_a_foreshock_is_of_another_quake() -> None:
    text = (
        "The geophysical institute put the quake's magnitude at 6.2. The regional seismic service said the quake "
        "measured 6.5. The interior minister said residents had fled their homes during a smaller {}, about an hour "
        "before the main quake."
    )
    for foreshock in ("foreshock, of magnitude 4.6", "foreshock of magnitude 4.6", "magnitude 4.6 foreshock"):
        report = analyze(text.format(foreshock))
        assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[6.2, 6.5]]


def test_what_a_toll_could_have_been_under_another_past_is_no_count() -> None:
    for counterfactual in (
        "The governor said the toll could have been 40 or more had the bridge failed at rush hour.",
        "The governor said the toll would have been 40 if the bridge had failed at rush hour.",
    ):
        report = analyze(f"Police said 14 people were killed. Medics said 16 people died. {counterfactual}")
        assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[14, 16]]
    # (a past possibility with no condition still estimates what happened)
    report = analyze("Police said 14 people were killed. Officials said as many as 30 people could have died.")
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[14, 30]]


def test_a_pages_date_line_is_no_lead_sentence() -> None:
    lead = (
        "The death toll from the powerful typhoon Kalo that lashed the Marenne islands last week has increased to "
        "140, a top police official confirmed on Monday, adding that 30 people were still unaccounted for.\n"
        "The disaster agency said 96 people had died."
    )
    # (the lead's "last week" dates the typhoon the story follows, whatever line the page puts above it)
    report = analyze(f" date 2024-03-02 -\n-\n{lead}")
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[96, 140]]


def test_forecasters_who_foresee_a_value_give_their_expectation() -> None:
    report = analyze(
        "Pellam forecast earnings of $2.10 a share on revenue of $9 billion, while analysts are foreseeing $2.45 a "
        "share on revenue of $9.8 billion."
    )
    assert [f.source for f in report.figures] == ["Pellam", "Pellam", "analysts (anonymous)", "analysts (anonymous)"]
    assert len(report.conflicts) == 2


def test_such_cases_count_what_the_figure_before_them_measured() -> None:
    report = analyze(
        "Officials in Varno reported 14 deaths suspected to have been caused by heat, while officials in Dessa "
        "reported 12 such cases."
    )
    assert [f.quantity for f in report.figures] == ["killed", "killed"]
    # ("31 such episodes" still count the episodes)
    report = analyze("The command said it had received reports of 31 such episodes since the campaign began.")
    assert report.figures[0].quantity != "killed"


@pytest.mark.parametrize("places", ["two private clinics", "two mosques"])
def test_the_buildings_people_are_in_are_no_count_of_the_people(places: str) -> None:
    report = analyze(
        f"Dr Sollen said 140 people were being treated at the hospital and {places}, 30 of them on ventilators. "
        "The health secretary told lawmakers the number in hospital was 95."
    )
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[95, 140]]


def test_an_expectation_in_the_past_passive_looks_back_at_the_result_stated_before_it() -> None:
    text = (
        "Ostra Foods said it earned 64 cents a share in its second quarter.\n\n"
        "Sales rose to $2.41 billion, up from $2.2 billion a year ago.\n\n"
        "The company {tense} expected to earn 58 cents a share on sales of $2.52 billion, according to a survey "
        "of analysts."
    )
    report = analyze(text.format(tense="was"))
    values = [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts]
    assert [2.41e9, 2.52e9] in values
    # ("is expected to earn": what is yet to come, no expectation of the result stated)
    report = analyze(text.format(tense="is"))
    values = [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts]
    assert [2.41e9, 2.52e9] not in values


def test_a_value_revised_from_is_a_statement_when_its_own_clause_says_it_was_stated() -> None:
    report = analyze(
        "The country's second-quarter growth rate was lowered to 4.1 percent from the 4.4 percent GDP expansion "
        "announced in August, the statistics office said on Monday."
    )
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[4.1, 4.4]]
    # (a level reached from one stated before is no revision: "up from the 410 announced earlier")
    report = analyze(
        "The death toll jumped to 640, up from the 410 announced earlier, the interior ministry said on Tuesday."
    )
    assert report.conflicts == []


def test_those_recaptured_are_arrested() -> None:
    report = analyze("Police said 14 inmates had been recaptured by Thursday.")
    assert [f.quantity for f in report.figures] == ["arrested"]


@pytest.mark.parametrize(
    "text",
    [
        "Ostra Foods reported a net profit after tax of $84.2 million for the year.",
        "Kelvar Bank has reported a profit before tax of 612 million euros in the six months to June.",
        "Ostra Rail reported a net loss after tax of 14 million euros for the half year.",
    ],
)
def test_a_result_after_or_before_tax_is_the_results_value(text: str) -> None:
    assert [f.quantity for f in analyze(text).figures] in (["profit"], ["loss"])


def test_a_changes_own_adjective_says_its_basis_whatever_the_sentence_says() -> None:
    report = analyze("The bureau's house price index for March shows a monthly decrease of 0.7% and an annual fall of 2.9%.")
    assert [f.period for f in report.figures] == ["March, month on month", "March, year on year"]


def test_units_count_the_items_the_words_before_them_name() -> None:
    report = analyze(
        "Tavo sold 3.1 million laptops, while phone sales rose to 7.9 million units. Analysts had expected around "
        "2.8 million laptop units and 8.4 million phones."
    )
    assert [f.counted for f in report.figures] == ["laptop", "phone", "laptop", "phone"]
    assert [sorted(report.figures[i].value for i in c.figures) for c in report.conflicts] == [[7.9e6, 8.4e6]]


def test_a_verbs_particle_says_what_happened_before_the_verb_alone() -> None:
    assert [f.quantity for f in analyze("The mine's owner said 14 miners were cut off by the flood.").figures] == [
        "trapped"
    ]
    assert [f.quantity for f in analyze("The mine's owner said it would cut 300 jobs.").figures] == ["cut"]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Officials said 38,000 people had been moved to cyclone shelters.", "evacuated"),
        ("Over 52,000 villagers have been shifted to safer places, the district collector said.", "evacuated"),
        ("Helicopters airlifted 14 seriously injured people to the capital, officials said.", None),
    ],
)
def test_people_moved_to_where_they_are_safe_were_evacuated(text: str, quantity: str | None) -> None:
    assert [f.quantity for f in analyze(text).figures] == [quantity]


def test_a_value_opening_a_list_line_measures_what_the_lists_heading_names() -> None:
    report = analyze(
        "Hill fire, day 3\n\nArea burned:\n- 3,400 ha — regional forestry office\n- 5,900 ha — FireWatch satellite "
        "monitor\n"
    )
    assert [f.quantity for f in report.figures][-2:] == ["burned", "burned"]
    assert len(report.conflicts) == 1


def test_a_lists_first_line_cut_after_its_number_is_still_a_figure_with_its_source() -> None:
    report = analyze("Flood update\n\nPeople missing:\n- 41 — Civil Defence Office\n- 63 — Red Crescent\n")
    assert [(f.value, f.quantity, f.source) for f in report.figures] == [
        (41, "missing", "Civil Defence Office"),
        (63, "missing", "Red Crescent"),
    ]
    # (a line of bare numbers is still no figure, nor a numbered line's number)
    assert analyze("Scores tonight\n\n71 4 71 4 71 4\n\nThe match ended late.").figures == []
    assert analyze("Most read\n\n    1. Ferry crew praised\n    2. Rains return to the coast\n").figures == []
