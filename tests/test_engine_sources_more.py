"""More source patterns from wire copy: owners of offices, businesses, nested speech, parts of a toll."""

from __future__ import annotations

from bot.engine import analyze
from tests.support.engine_checks import claim_saying, figure_at


def test_his_office_speaks_for_the_person_named_before() -> None:
    report = analyze(
        "Port Authority chief executive Jonas Ekdahl wrote on Monday that the offer was fair. "
        "His office said the offer amounted to a 4 percent increase."
    )
    assert claim_saying(report, "amounted to a 4 percent").speaker == "Jonas Ekdahl’s office"


def test_the_airline_is_not_the_union_quoted_before() -> None:
    report = analyze(
        "The pilots' union at Brenmark Air said 1,200 members had walked out. "
        "In a statement, the airline said 212 flights had been cancelled."
    )
    assert claim_saying(report, "212 flights").speaker != claim_saying(report, "members had walked").speaker


def test_refusal_reported_inside_a_claim_is_no_claim_of_its_own() -> None:
    report = analyze(
        "Union president Karla Jennsen said talks had broken down after management refused to discuss a raise."
    )
    assert [claim.speaker for claim in report.claims] == ["Karla Jennsen"]


def test_name_in_apposition_after_a_prepositional_phrase() -> None:
    report = analyze("An analyst at Kesterby Bank, Mia Falk, told Reuters the strike could cost millions.")
    claim = claim_saying(report, "the strike could cost millions")
    assert claim.speaker == "Mia Falk"
    assert claim.via == "Reuters"


def test_one_source_listing_parts_of_a_toll_is_no_conflict() -> None:
    report = analyze(
        "The defence ministry said 12 civilians and 3 soldiers were killed in the attack. "
        "A local official told AFP that at least 28 people were killed."
    )
    values = {report.figures[i].value for conflict in report.conflicts for i in conflict.figures}
    assert 3 not in values and 12 not in values


def test_capitalised_month_is_a_date_but_may_is_a_verb() -> None:
    report = analyze("On March 6 officials said 10 may die from their injuries, and 40 were hurt.")
    assert [report.quote(figure.span) for figure in report.figures] == ["10", "40"]


def test_a_number_describing_the_source_is_no_figure() -> None:
    report = analyze("Two officials said 40 people died in the fire at the depot.")
    assert [(figure.value, figure.measure) for figure in report.figures] == [(40, "killed")]


def test_reported_killed_in_a_headline_counts_the_killed() -> None:
    report = analyze("At least 11 miners reported killed in collapse\n\nRescuers were still searching on Monday.")
    assert report.figures[0].measure == "killed"


def test_said_in_a_statement_that() -> None:
    report = analyze("Treasury Secretary Amelia Stone said in a statement that the deficit would fall to 3 percent.")
    claim = claim_saying(report, "the deficit would fall")
    assert claim.speaker == "Amelia Stone"


def test_what_was_said_hung_on_a_preposition_as_a_relative_clause() -> None:
    # The parser hangs "that ..." on "time" or "briefing" as a relative clause; with no clause of its own, the
    # verb of saying said it.
    report = analyze(
        "The mayor told reporters at the time that 12 people were missing. "
        "Colonel Ada Marr said at a briefing that 31 people were killed."
    )
    assert claim_saying(report, "12 people were missing").speaker == "mayor"
    assert claim_saying(report, "31 people were killed").speaker == "Ada Marr"
    # 'that' as the object of a real relative clause is no claim.
    report = analyze("Colonel Ada Marr said at a briefing that she gave on Monday.")
    assert not any("she gave" in claim.text for claim in report.claims)


def test_the_report_named_before_speaks_for_its_author() -> None:
    report = analyze(
        "The United Nations said in a report on Tuesday that 22 people were killed in the shelling.\n\n"
        "The report said the market was crowded at the time. The report added that 40 people were wounded."
    )
    assert claim_saying(report, "the market was crowded").speaker == "United Nations"
    assert claim_saying(report, "40 people were wounded").speaker == "United Nations"
    report = analyze(
        "According to the Dorvan Monitoring Mission (DMM) report, 71 people were injured. The report said that "
        "the ceremony was widely known."
    )
    assert claim_saying(report, "71 people were injured").speaker == "DMM"
    assert claim_saying(report, "the ceremony was widely known").speaker == "DMM"
    # A report introduced with no author is another report, and a title's words own nothing.
    report = analyze(
        "The United Nations said in a report that 22 people were killed. A report circulated on Friday. "
        "The report said 40 people were wounded."
    )
    assert claim_saying(report, "40 people were wounded").speaker != "United Nations"
    # "today's data" is the data named before, not today's.
    report = analyze(
        "Marbanian Bureau of Statistics data published today showed the jobless rate fell to 5.1 per cent. "
        "The participation rate rose to 65.9 per cent in October, and today's data shows it rose further to "
        "66.1 per cent in November."
    )
    assert figure_at(report, "66.1").source == "Marbanian Bureau of Statistics"
    report = analyze("The union was sent a Section 188 Advance Notice. The notice says 160 jobs will go.")
    assert claim_saying(report, "160 jobs will go").speaker != "Section 188 Advance"


def test_an_affiliation_before_an_apposition_names_the_source_and_a_finding_was_said() -> None:
    report = analyze(
        "Researchers at Halvard Labs, a security firm, said they had obtained a copy of the database and found "
        "records belonging to at least 6.1 million users. Organisers of the counter-rally said 30,000 people "
        "took part."
    )
    # "found records" has no clause of its own: it was said with the rest.
    assert "Halvard Labs" in claim_saying(report, "found records belonging").speaker
    assert "Halvard Labs" in figure_at(report, "6.1 million").source
    assert figure_at(report, "30,000").source == "Organisers of the counter-rally"
    report = analyze(
        "A spokesman for the ranchers' federation said owners may clear up to 20% of their land. The authors of "
        'the "Growth Project" wrote that 40 people took part.'
    )
    assert figure_at(report, "20%").source == "spokesman for the ranchers' federation"
    assert figure_at(report, "40").source == "authors"  # a title in quotes is left out of the source's name
    # After 'of', only a name writes a statement: 'a poll of 800 voters' was answered by them, not written.
    report = analyze(
        "A poll of 800 likely voters was released on Monday. The poll shows 41 percent back the mayor."
    )
    assert figure_at(report, "41").source != "800 likely voters"


def test_a_count_made_by_someone_is_theirs() -> None:
    report = analyze(
        "Police put the crowd at 38,000. An independent count by the Veska Media Observatory, using aerial "
        "photographs, estimated that 61,000 people took part. A count commissioned by two newspapers from the "
        "firm Crowdline estimated the crowd at 52,000."
    )
    assert figure_at(report, "61,000").source == "Veska Media Observatory"
    assert figure_at(report, "52,000").source == "Crowdline"  # made by the firm, for the newspapers
    # What is compiled "from statements" is made by its compiler, not by the statements.
    report = analyze(
        "The toll has reached at least 1,100, according to a tally compiled by Reuters from statements by 21 "
        "countries. The health ministry has put the number of dead at 769."
    )
    assert figure_at(report, "1,100").source == "Reuters"
    # "The count by Friday" is no one's.
    report = analyze("The count by Friday estimated that 61,000 people took part.")
    assert figure_at(report, "61,000").source != "Friday"


def test_surname_at_the_start_of_a_sentence_joins_the_full_name() -> None:
    report = analyze(
        "Opposition leader Derek Havers said the bill was reckless. "
        "Havers, who voted against the measure, said his party would go to court."
    )
    assert claim_saying(report, "his party would go to court").speaker == "Derek Havers"


def test_an_estimate_against_another_sources_money_figure_is_a_conflict() -> None:
    report = analyze(
        "Opposition leader Derek Havers said the bill would add $1.2 trillion to the debt. "
        "The Budget Review Office put the figure at $800 billion."
    )
    labels = {report.figure_label(report.figures[i]) for c in report.conflicts for i in c.figures}
    assert labels == {"$1.2 trillion", "$800 billion"}


def test_money_figures_from_different_sources_alone_are_no_conflict() -> None:
    report = analyze(
        "The mayor said the new bridge would cost $40 million. "
        "The council said it had set aside $2 million for the cycle lanes."
    )
    assert report.conflicts == []


def test_said_about_keeps_its_qualifier() -> None:
    report = analyze("A spokeswoman said about 3,500 workers had stayed away from their shifts.")
    assert report.figures[0].qualifier == "about"


def test_disputed_that_is_no_claim() -> None:
    report = analyze("The minister said growth would reach 3 percent. Economists disputed that.")
    assert [claim.speaker for claim in report.claims] == ["minister"]


def test_a_restated_figure_counts_what_the_figure_before_it_counted() -> None:
    report = analyze(
        "The county sheriff's office said 2,300 homes were under evacuation orders; "
        "local media reported a figure closer to 4,000."
    )
    labels = {report.figure_label(report.figures[i]) for c in report.conflicts for i in c.figures}
    assert labels == {"2,300", "about 4,000"}
    assert claim_saying(report, "a figure closer to 4,000").speaker == "local media"


def test_a_description_holding_a_word_of_an_organisation_named_before_is_that_organisation() -> None:
    report = analyze(
        "The economy grew 0.6 per cent in the third quarter, the Office for National Statistics said. Growth in the "
        "three months to June was revised down by the statistics body from 0.1 per cent to zero."
    )
    assert {figure.source for figure in report.figures} == {"Office for National Statistics"}
    # A description sharing no word with it stays what it says.
    report = analyze(
        "The economy grew 0.6 per cent in the third quarter, the Office for National Statistics said. Growth was "
        "put at 0.4 per cent by the central bank."
    )
    assert report.figures[1].source == "central bank"


def test_who_revised_the_figures_gives_the_revised_values_the_next_sentence_states() -> None:
    report = analyze(
        "On Friday, the statistics agency revised the jobless rates for two months. The rate for March was revised "
        "up to 6.1 percent from 5.9 percent."
    )
    assert {figure.source for figure in report.figures} == {"statistics agency"}
    assert len(report.conflicts) == 1 and "statistics agency" in report.conflicts[0].note
    # Someone merely named before gives nothing: "met" neither revises nor publishes.
    report = analyze(
        "On Friday, the statistics agency met union leaders. The rate for March was revised up to 6.1 percent from "
        "5.9 percent."
    )
    assert {figure.source for figure in report.figures} == {None}


def test_a_said_clause_the_parser_took_for_an_object_is_still_what_was_said() -> None:
    # The parser reads "says 8,000 barrels leaked" as an object with a participle on it.
    report = analyze("The coast guard now says 8,000 barrels leaked.")
    assert [claim.speaker for claim in report.claims] == ["coast guard"]
    assert (report.figures[0].source, report.figures[0].quantity) == ("coast guard", "spilled")


def test_a_said_clause_the_parser_took_for_an_adverbial_one_is_still_what_was_said() -> None:
    # The parser reads "were shut" as an adverbial clause on "said".
    report = analyze("The Teachers' Union said about 1,900 of the country's 3,100 schools were shut.")
    assert [claim.speaker for claim in report.claims] == ["Teachers' Union"]
    assert report.figures[0].source == "Teachers' Union"
    # A clause a wh-word opens, under a verb of saying negated, tells nothing.
    report = analyze("Korvo, which says it has 14 million users, has not said when it will notify those affected.")
    assert not any("notify" in report.text[c.content[0].start : c.content[-1].end] for c in report.claims)


def test_a_dateline_the_parser_hung_on_a_described_source_is_no_part_of_it() -> None:
    report = analyze(
        "KYIV (Reuters) - Ukraine's military said on Tuesday its forces had killed 640 Russian soldiers in the past "
        "24 hours."
    )
    assert [claim.speaker for claim in report.claims] == ["Ukraine's military"]


def test_a_contrasting_clause_after_what_was_said_was_said_too() -> None:
    report = analyze(
        "The Ostrian military disputed the claims. An army spokeswoman said an inquiry determined that 1,166 people "
        "were killed. It found that 709 were Kessa militants, while 295 were civilians, including 89 minors and 49 women."
    )
    assert claim_saying(report, "709 were Kessa militants").speaker == claim_saying(report, "295 were civilians").speaker
    # A contrasting clause with a verb of saying of its own is its own speaker's.
    report = analyze("Police said 40 people were arrested, while the organisers said 120 had been detained.")
    assert [figure.source for figure in report.figures] == ["Police", "organisers"]


def test_a_clause_before_a_semicolon_is_not_what_the_speaker_after_it_says() -> None:
    report = analyze(
        "Death toll from Orsk mine blast rises to 31; union says 40 still trapped\n\nORSK (Reuters) - The death toll "
        "from an explosion at a coal mine rose to 31 on Tuesday, the emergencies ministry said."
    )
    assert report.figures[0].source == "emergencies ministry"  # the body's, not the union's


def test_a_posts_bullets_and_per_name_its_sources() -> None:
    report = analyze(
        "BREAKING: Blast at Dessel chemical plant\n\n"
        "🔴 Regional emergency service: 9 dead, 31 injured\n"
        "🔴 Local hospital sources tell us at least 12 bodies have been brought in\n\n"
        'Injured: 31 per emergency service, "over 50" per the hospital.'
    )
    assert figure_at(report, "at least 12").source.startswith("Local hospital sources")
    assert figure_at(report, "over 50").source == "hospital"
    # A rate's "per" names no source.
    report = analyze("The ministry said the fines came to $5 million per company and 40 per day.")
    assert figure_at(report, "$5 million").unit.endswith("per company")


def test_a_posts_brackets_name_the_source_after_what_the_number_counts() -> None:
    report = analyze("⚠️ Crush at Marlo fair\n\nToll: 7 dead (police) / 12 dead (hospital sources) after the gates opened.")
    assert figure_at(report, "7").source == "police"
    assert figure_at(report, "12").source == "hospital sources"
    assert figure_at(report, "12").counted is None  # the bracket's noun is who gives it, not what it counts
    assert len(report.conflicts) == 1
    # a bracket naming the source and then who it is
    report = analyze("Brenna march\n\nCrowd: 3,500 (police) vs 28,000 (organisers, the Clean Rivers coalition)")
    assert figure_at(report, "28,000").source.startswith("organisers")
    assert len(report.conflicts) == 1


def test_a_posts_label_names_what_its_numbers_measure() -> None:
    report = analyze(
        "🌍 Quake off Tavia\n\nMagnitude: 6.2 per Tavian Geophysical Institute | 6.6 per Harwell Seismic Network."
        " Depth 12 km."
    )
    assert figure_at(report, "6.2").quantity == "magnitude"
    assert figure_at(report, "6.6").source == "Harwell Seismic Network"
    assert len(report.conflicts) == 1
    report = analyze(
        "Ferry sinks off Orre\n\n❓ Missing: 14 according to the coast guard. 21 are still unaccounted for, the "
        "port authority says."
    )
    assert figure_at(report, "14").quantity == "missing"
    assert len(report.conflicts) == 1


def test_a_label_before_its_colon_is_no_counted_thing_and_dept_is_a_source() -> None:
    report = analyze(
        "Bus crash on Valle road\n\nPolice: 3 dead, 22 injured. County health dept says at least 40 hurt, 9 of "
        "them children."
    )
    assert figure_at(report, "22").counted is None
    assert figure_at(report, "at least 40").source == "County health dept"
    assert len(report.conflicts) == 1


def test_a_labelled_source_may_say_in_brackets_who_it_is() -> None:
    report = analyze(
        "Referendum in Ostra\n\nElection board, 21:00: final turnout 52.4%. Opposition observers (Fair Count "
        "Ostra): turnout \"no higher than 44%\"."
    )
    assert figure_at(report, "44%").source is not None
    assert len(report.conflicts) == 1


def test_a_prior_value_no_words_attribute_is_its_revisers() -> None:
    report = analyze(
        "Up to 41 people were killed in a blast at a Dorran market, local officials said on Monday, increasing the "
        "previous toll from 26 dead."
    )
    assert figure_at(report, "26").source == figure_at(report, "41").source
    assert "holder:revision-partner" in figure_at(report, "26").rules


def test_per_a_bodys_figures_names_the_source() -> None:
    report = analyze("The union said 78% of drivers walked out. Only 46% of drivers joined the strike, per company figures.")
    assert figure_at(report, "46%").source == "company"
    assert figure_at(report, "46%").unit == "%"
    assert len(report.conflicts) == 1


def test_a_name_in_capitals_in_brackets_is_a_source_but_not_a_unit_or_a_time_zone() -> None:
    report = analyze(
        "BREAKING 🚨 Earthquake hits Orsa province\n\n📏 Magnitude 6.2 (national institute), 6.5 (EMSC)\n"
        "☠️ 3 confirmed dead, local officials say\n"
    )
    assert figure_at(report, "6.5").source == "EMSC"
    assert len(report.conflicts) == 1
    report = analyze("Fines reach 500 (USD) a day, the ministry said.")
    assert figure_at(report, "500").source == "ministry"


def test_a_posts_label_naming_a_quantity_is_no_speaker() -> None:
    report = analyze("📉 Norvik Q3 results\n\nNet profit: €412m\nTurnout: 48%\nPolice: 3 dead\n")
    assert [claim.speaker for claim in report.claims] == ["Police"]


def test_post_lines_with_an_emoji_a_trailing_source_and_a_quantity_named_before_its_value() -> None:
    report = analyze(
        "⚠️ Dam burst in Sarell valley\n\n☠️ Death toll: 14 — regional governor\n☠️ Death toll: 22 — Red Crescent\n"
    )
    assert [figure.source for figure in report.figures] == ["regional governor", "Red Crescent"]
    assert len(report.conflicts) == 1
    report = analyze("Tarvel referendum: results\n\nTurnout 61% per the commission.")
    assert report.figures[0].quantity == "took part"
    report = analyze("Turnout was 61%, the commission said. Opposition monitors say 54%.")
    assert len(report.conflicts) == 1


def test_it_is_more_like_a_value_disputes_the_figure_before() -> None:
    report = analyze("BREAKING: Teachers' strike in Olvana\n\nMinistry says 31% of teachers walked out.\nUnion says it's more like 70%.\n")
    assert figure_at(report, "70%").qualifier == "about"
    assert len(report.conflicts) == 1
    # "now it is 18.7%", whatever "it" is, disputes nothing
    assert analyze("The ministry said 31% of teachers walked out. Now it is 18.7%, officials said.").conflicts == []


def test_a_bodys_name_in_brackets_and_a_value_after_a_slash_in_a_post() -> None:
    report = analyze(
        "⚡️ Quake felt across Marr province\n\n"
        "Magnitude 5.8 (Marr Institute of Geophysics) / 6.1 (Eastern Seismic Network). Depth 35 km.\n\n#quake"
    )
    assert figure_at(report, "5.8").source == "Marr Institute of Geophysics"
    assert figure_at(report, "6.1").source == "Eastern Seismic Network"
    assert figure_at(report, "6.1").quantity == "magnitude"  # the measure before the slash
    assert len(report.conflicts) == 1


def test_a_posts_source_before_its_value_with_about_and_plus_signs() -> None:
    report = analyze("📣 Thousands march in Orvel\n\nCrowd: police ~2,000 · organisers 15,000+\n\n#Orvel #protest")
    about, more = figure_at(report, "2,000"), figure_at(report, "15,000")
    assert (about.source, about.qualifier, about.counted) == ("police", "about", None)
    assert (more.source, more.qualifier, more.counted) == ("organisers", "more than", None)
    assert len(report.conflicts) == 1
    # "per" with sources named in the plural names them; a rate is per one
    report = analyze("March in Orvel\n\nCrowd: 8,000 per organisers, 2,000 per police.\n\n#Orvel")
    assert figure_at(report, "8,000").source == "organisers" and figure_at(report, "8,000").unit is None
    assert len(report.conflicts) == 1
    report = analyze("The plant produced 1.2 tonnes per worker last year.")
    assert figure_at(report, "1.2").unit.endswith("per worker")


def test_a_line_labelled_with_last_weeks_gathering_counts_another_event() -> None:
    report = analyze(
        "📣 Thousands march in Orvel\n\nCrowd: police ~2,000 · organisers 15,000+\n\n"
        "Last week's rally: 8,000 per organisers.\n\n#Orvel"
    )
    assert figure_at(report, "8,000").background
    [conflict] = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [2000, 15000]


def test_a_post_says_how_many_are_dead_without_a_verb() -> None:
    report = analyze("🔥 Warehouse fire in Dorn\n\nThe fire brigade says 3 dead. The hospital says 7 dead.\n\n#Dorn")
    assert figure_at(report, "3").source == "fire brigade"
    assert figure_at(report, "7").source == "hospital"
    assert len(report.conflicts) == 1


def test_numbers_ending_and_opening_two_lines_are_no_code_and_a_labels_first_word_may_name_the_quantity() -> None:
    report = analyze("⛏️ Blast at Orr colliery\n\nTrapped underground: 23\nUnion says 31\n4 brought out alive\n\n#Orr")
    assert figure_at(report, "31").source == "Union"
    assert figure_at(report, "4").value == 4
    assert figure_at(report, "23").quantity == "trapped"
    # a code within a line is still a code
    assert not analyze("Call 555 0199 for help.").figures


def test_a_posts_line_labelled_with_its_quantity_and_then_each_sources_stretch() -> None:
    report = analyze("🗳️ Runoff in Estel\n\nTurnout — commission: 52.4% · Fair Count observers: 41%\n\n#Estel")
    assert figure_at(report, "52.4%").source == "commission"
    assert figure_at(report, "41%").source == "Fair Count observers"
    assert [c.subject for c in report.conflicts] == ["turnout (%)"]


def test_a_posts_line_label_may_end_in_an_arrow() -> None:
    report = analyze("🌊 Floods in Nara\n\nDisplaced → 12,000 (govt) vs 30,000 (UN agency)\n\n#Nara")
    assert figure_at(report, "12,000").quantity == figure_at(report, "30,000").quantity == "displaced"
    assert len(report.conflicts) == 1


def test_a_name_labelling_a_figure_gives_it_and_a_place_does_not() -> None:
    report = analyze("Data breach at Pelle\n\nPelle: about 480,000 user records exposed\nHacker group Nightjar claims 3.2 million")
    assert figure_at(report, "480,000").source == "Pelle"
    assert len(report.conflicts) == 1
    report = analyze("Floods across the north\n\nMarch: 4,200 homes flooded.")
    assert figure_at(report, "4,200").source is None


def test_a_number_in_digits_is_no_speaker() -> None:
    report = analyze(
        "⛏️ Blast at Orr colliery\n\nTrapped underground: 23, company says — union says 31\n"
        "4 brought out alive, 1 confirmed dead (regional emergency service)\n\n#Orr"
    )
    assert all(not any(ch.isdigit() for ch in claim.speaker or "") for claim in report.claims)
    # a number in words may be people: "Two of them said ..."
    [claim] = analyze("Two of them said 40 people were killed.").claims
    assert claim.speaker.startswith("Two")


def test_a_documents_author_named_with_by_gives_what_it_counts() -> None:
    report = analyze(
        "At least 210 people died during the heatwave, the health ministry said. An independent study by the "
        "Tarven Institute estimated 640 heat-related deaths over the same week."
    )
    assert figure_at(report, "640").source == "Tarven Institute"
    assert len(report.conflicts) == 1
    # a document with no author named leaves the figure to whoever the article quotes
    report = analyze("The health ministry said a new study estimated 640 heat-related deaths.")
    assert figure_at(report, "640").source == "health ministry"


def test_a_bare_number_estimated_restates_the_count_before_it() -> None:
    report = analyze("Organizers said 1.2 million people attended the parade; city officials estimated 400,000.")
    assert figure_at(report, "400,000").quantity == figure_at(report, "1.2 million").quantity
    assert len(report.conflicts) == 1


def test_a_posts_list_heading_names_what_each_sources_line_measures() -> None:
    report = analyze("Floods in Arda\n\nDeath toll:\n▪️ Ministry: 12\n▪️ Red Cross: 20\n\n#Arda")
    assert figure_at(report, "12").quantity == figure_at(report, "20").quantity == "killed"
    assert len(report.conflicts) == 1
    report = analyze("🔥 Fire in the Sella hills\n\nArea burned:\n• Fire service: 3,100 ha\n• Satellite monitor: 5,400 ha\n")
    assert figure_at(report, "3,100").unit == figure_at(report, "5,400").unit == "ha"
    assert [c.subject for c in report.conflicts] == ["burned (ha)"]
    # a line of prose between the heading and the value ends the list
    report = analyze("Floods in Arda\n\nDeath toll:\nRescue teams worked through the night.\nMinistry: 12\n")
    assert figure_at(report, "12").quantity != "killed"


def test_who_issues_a_figure_gives_it() -> None:
    report = analyze(
        "The returning officer said turnout had been 38.2 per cent. On Friday her office issued a corrected figure "
        "of 35.9 per cent."
    )
    assert figure_at(report, "35.9").source == "her office"
    assert len(report.conflicts) == 1


def test_a_line_opening_on_a_sources_label_gives_its_value() -> None:
    report = analyze("Protest in Brel today\nPolice: 9,000\nOrganisers: 35,000")
    assert figure_at(report, "35,000").source == "Organisers"
    assert len(report.conflicts) == 1
