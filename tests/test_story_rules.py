"""Stories' rules on short articles of our own, with the engine's reading written out by hand.

Each report here carries what the engine would put in it (headline, dateline, sentences, names, the event,
figures with their structure), so a failing test points at a stories rule, not at the parser. The articles,
places, companies and people are invented.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.engine.conflicts import values_agree
from bot.engine.structure import Structure
from bot.report import Claim, Dateline, Entity, Event, Figure, Report, Span
from bot.stories import compare_figures, compare_fingerprints, fingerprint, group_stories

# --- building reports by hand ------------------------------------------------------------------------------


def span_of(text: str, phrase: str, occurrence: int = 1) -> Span:
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return Span(start=start, end=start + len(phrase))


def article(
    text: str,
    *,
    names: dict[str, str],
    kind: str | None = None,
    date: str | None = None,
    dateline_date: str | None = None,
    figures: list[Figure] | None = None,
    claims: list[Claim] | None = None,
    site: str | None = None,
) -> Report:
    """A report of `text` (headline, blank line, paragraphs) as the engine reads it: `names` (text -> label)
    are recognised wherever they occur, sentences end at '. ', the event has `kind` and `date`."""
    headline_end = text.index("\n")
    sentences = [Span(start=0, end=headline_end)]
    body = cursor = headline_end + 2
    for match in re.finditer(r"(?<=\.)\s+", text[body:]):
        sentences.append(Span(start=cursor, end=body + match.start()))
        cursor = body + match.end()
    if cursor < len(text):
        sentences.append(Span(start=cursor, end=len(text)))
    entities = [
        Entity(text=name, label=label, span=Span(start=m.start(), end=m.end()))
        for name, label in names.items()
        for m in re.finditer(re.escape(name), text)
    ]
    entities.sort(key=lambda e: e.span.start)
    return Report(
        text=text,
        site=site,
        headline=Span(start=0, end=headline_end),
        dateline=Dateline(span=Span(start=0, end=0), date=dateline_date) if dateline_date else None,
        sentences=sentences,
        entities=entities,
        event=Event(kind=kind, date=date) if kind or date else None,
        figures=figures or [],
        claims=claims or [],
    )


def said(text: str, speaker: str, content: str) -> Claim:
    return Claim(speaker=speaker, content=[span_of(text, content)], kind="indirect")


def figure(text: str, phrase: str, value: float, *, claim: int | None = 0, **structure: object) -> Figure:
    """A figure as the engine reports it: comparable when attributed and not about another event."""
    background = bool(structure.pop("background", False))
    return Figure(
        value=value,
        span=span_of(text, phrase),
        claim=claim,
        background=background,
        comparable=claim is not None and not background,
        **structure,  # type: ignore[arg-type]
    )


BLAST_NAMES = {
    "Korrin": "GPE",
    "Maren Chemicals": "ORG",
    "Oskar Vell": "PERSON",
    "Plant Safety Board": "ORG",
    "Ilse Dorran": "PERSON",
    "Grauvik Fertilisers": "ORG",
}


def blast(
    *, plant: str, dateline_date: str, headline: str = "Explosion at chemical plant in Korrin"
) -> Report:
    text = (
        f"{headline}\n\n"
        f"KORRIN, {dateline_date} - An explosion tore through the {plant} site in Korrin on Tuesday, "
        "injuring 12 workers, fire chief Oskar Vell said.\n\n"
        f"The Plant Safety Board has opened an inquiry. Its head, Ilse Dorran, said inspectors were at the "
        f"{plant} plant. Oskar Vell said the fire was out."
    )
    return article(text, names=BLAST_NAMES, kind="explosion", dateline_date=dateline_date)


# --- one event or two --------------------------------------------------------------------------------------


def test_the_same_kind_of_event_three_weeks_apart_is_another_event():
    first = fingerprint(blast(plant="Maren Chemicals", dateline_date="June 24"))
    earlier = fingerprint(blast(plant="Maren Chemicals", dateline_date="June 3"))
    similarity = compare_fingerprints(first, earlier)
    assert not similarity.same_story
    assert "21 days apart" in similarity.reason


def test_the_same_kind_of_event_a_week_apart_is_another_event():
    first = fingerprint(blast(plant="Maren Chemicals", dateline_date="June 24"))
    week_before = fingerprint(blast(plant="Maren Chemicals", dateline_date="June 17"))
    assert not compare_fingerprints(first, week_before).same_story


def test_reports_a_day_apart_are_one_event():
    first = fingerprint(blast(plant="Maren Chemicals", dateline_date="June 24"))
    next_day = fingerprint(blast(plant="Maren Chemicals", dateline_date="June 25"))
    assert compare_fingerprints(first, next_day).same_story


def test_a_lasting_event_reported_weeks_apart_stays_one_story():
    def outbreak(day: str) -> Report:
        text = (
            "Cholera outbreak spreads in Pellan province\n\n"
            f"VARDO, {day} - The Pellan outbreak has grown, the Relief Council said. Health minister Aino Ruud "
            "visited the Vardo camp. The Relief Council opened two clinics in Vardo."
        )
        names = {"Pellan": "GPE", "Vardo": "GPE", "Relief Council": "ORG", "Aino Ruud": "PERSON"}
        return article(text, names=names, kind="outbreak", dateline_date=day)

    assert compare_fingerprints(fingerprint(outbreak("May 2")), fingerprint(outbreak("June 6"))).same_story


def test_events_of_different_kinds_are_two_stories():
    talks = article(
        "Pay talks collapse in Ostra\n\n"
        "Talks between the Ostra Teachers Union and minister Jon Brakke collapsed on Monday. The Ostra Teachers "
        "Union said Jon Brakke offered too little.",
        names={"Ostra": "GPE", "Ostra Teachers Union": "ORG", "Jon Brakke": "PERSON"},
        kind="collapse",
    )
    walkout = article(
        "Teachers walk out across Ostra\n\n"
        "The Ostra Teachers Union held a stoppage on Thursday, and minister Jon Brakke called the walkout "
        "unlawful. The Ostra Teachers Union said schools were shut.",
        names={"Ostra": "GPE", "Ostra Teachers Union": "ORG", "Jon Brakke": "PERSON"},
        kind="strike",
    )
    similarity = compare_fingerprints(fingerprint(talks), fingerprint(walkout))
    assert not similarity.same_story
    assert similarity.reason == "different events: collapse vs strike"


def test_a_headline_kind_the_other_article_also_speaks_of_does_not_split():
    flood = article(
        "Floods cut off villages near Semla\n\n"
        "Flooding near Semla cut roads, the Civil Guard said, and an outbreak of cholera was feared. The Civil "
        "Guard chief Rune Aske said boats reached Semla.",
        names={"Semla": "GPE", "Civil Guard": "ORG", "Rune Aske": "PERSON"},
        kind="flood",
    )
    outbreak = article(
        "Cholera outbreak near Semla after floods\n\n"
        "The outbreak near Semla has infected dozens since the floods, the Civil Guard said. Rune Aske said the "
        "Civil Guard had sent doctors to Semla.",
        names={"Semla": "GPE", "Civil Guard": "ORG", "Rune Aske": "PERSON"},
        kind="outbreak",
    )
    assert compare_fingerprints(fingerprint(flood), fingerprint(outbreak)).same_story


TAKEOVER_NAMES = {
    "Harrow Tools": "ORG",
    "Pellet Robotics": "ORG",
    "Vinter Freight": "ORG",
    "Mina Castell": "PERSON",
    "Oskvik": "GPE",
}


def test_the_same_buyer_acquiring_another_company_is_another_story():
    robots = article(
        "Harrow Tools to buy Pellet Robotics\n\n"
        "Harrow Tools, based in Oskvik, will buy Pellet Robotics, chief executive Mina Castell said. Pellet "
        "Robotics makes arms for depots such as those of Vinter Freight. Mina Castell said Pellet Robotics would "
        "keep its name.",
        names=TAKEOVER_NAMES,
    )
    freight = article(
        "Harrow Tools agrees to buy Vinter Freight\n\n"
        "Harrow Tools of Oskvik agreed to buy Vinter Freight, chief executive Mina Castell said on Tuesday. "
        "Vinter Freight runs depots across the north. Mina Castell said Vinter Freight staff would stay.",
        names=TAKEOVER_NAMES,
    )
    similarity = compare_fingerprints(fingerprint(robots), fingerprint(freight))
    assert not similarity.same_story
    assert "Pellet Robotics" in similarity.reason


ELECTION_NAMES = {"Dorn Halvik": "PERSON", "Lise Amber": "PERSON", "Tarvo": "GPE", "Vote Council": "ORG"}


def test_the_winner_of_the_previous_election_is_another_story():
    previous = article(
        "Dorn Halvik wins second term in Tarvo\n\n"
        "Dorn Halvik won the election in Tarvo on Sunday, the Vote Council said. Lise Amber conceded. Halvik "
        "thanked voters, and Halvik's party celebrated. Halvik will serve until the next vote.",
        names=ELECTION_NAMES,
        kind="election",
    )
    current = article(
        "Lise Amber wins Tarvo presidency\n\n"
        "Lise Amber won the presidential election in Tarvo on Sunday, the Vote Council said, after a campaign "
        "fought over jobs and prices in the north.\n\n"
        "Amber, who lost to Dorn Halvik years before, thanked voters. Amber takes office in July.",
        names=ELECTION_NAMES,
        kind="election",
    )
    similarity = compare_fingerprints(fingerprint(previous), fingerprint(current))
    assert not similarity.same_story
    assert "Dorn Halvik" in similarity.reason


def test_names_of_a_sentence_about_another_event_do_not_count():
    text = (
        "Harrow Tools agrees to buy Vinter Freight\n\n"
        "Harrow Tools agreed to buy Vinter Freight, Mina Castell said. Last year it bought Pellet Robotics for "
        "$90 million. Vinter Freight runs depots in Oskvik."
    )
    report = article(
        text,
        names=TAKEOVER_NAMES,
        figures=[figure(text, "$90 million", 90e6, claim=None, unit="USD", background=True)],
    )
    assert "n:pellet robotics" not in fingerprint(report).terms
    assert "n:vinter freight" in fingerprint(report).terms


def test_a_story_member_that_is_plainly_another_event_keeps_a_newcomer_out():
    # The second report of the June 24 blast names no day; the June 3 blast matches it on names alone, but
    # the story it would join holds the June 24 report, three weeks away.
    june_24 = fingerprint(blast(plant="Maren Chemicals", dateline_date="June 24"))
    undated = blast(plant="Maren Chemicals", dateline_date="June 24").model_copy(update={"dateline": None})
    june_3 = fingerprint(blast(plant="Maren Chemicals", dateline_date="June 3"))
    assert compare_fingerprints(june_3, fingerprint(undated)).same_story
    stories = group_stories([june_24, fingerprint(undated), june_3])
    assert [story.articles for story in stories] == [(0, 1)]


def test_an_article_joins_the_story_whose_event_kind_agrees():
    names = {"Ostra": "GPE", "Ostra Teachers Union": "ORG", "Jon Brakke": "PERSON", "Lina Berg": "PERSON"}
    talks = article(
        "Ostra pay talks collapse\n\n"
        "Talks between the Ostra Teachers Union and Jon Brakke collapsed, Lina Berg said. A strike was possible. "
        "The Ostra Teachers Union walked out of the talks.",
        names=names,
        kind="collapse",
        dateline_date="September 2",
    )
    strike = article(
        "Ostra teachers strike\n\n"
        "The Ostra Teachers Union went on strike, Lina Berg said. Jon Brakke said the strike was unlawful. The "
        "Ostra Teachers Union said the strike would last a day.",
        names=names,
        kind="strike",
        dateline_date="October 3",
    )
    later = article(
        "Ostra strike shuts schools\n\n"
        "The Ostra Teachers Union strike shut schools, Lina Berg said, and Jon Brakke called the strike a "
        "failure. The Ostra Teachers Union disagreed, and the talks were mentioned.",
        names=names,
        kind="strike",
    )
    stories = group_stories([fingerprint(talks), fingerprint(strike), fingerprint(later)])
    assert [story.articles for story in stories] == [(1, 2)]


# --- figures across articles --------------------------------------------------------------------------------


def readable(**structure: str) -> str:
    """What the engine calls a figure of this structure ('people killed'): the conflict's subject."""
    return Structure(**structure).readable()  # type: ignore[arg-type]


def two_outlets(first: Report, second: Report) -> list:
    return compare_figures([first, second], [0, 1], ["Outlet A", "Outlet B"])


def deal(amount: str, value: float, **structure: object) -> Report:
    text = f"Harrow Tools to buy Vinter Freight\n\nHarrow Tools will pay {amount} for Vinter Freight, Mina Castell said."
    return article(
        text,
        names=TAKEOVER_NAMES,
        claims=[said(text, "Mina Castell", f"Harrow Tools will pay {amount} for Vinter Freight")],
        figures=[figure(text, amount, value, **structure)],
    )


def test_an_amount_written_two_ways_is_no_conflict():
    symbol = deal("$4.2 billion", 4.2e9, unit="USD", quantity="cost")
    words = deal("4.2 billion dollars", 4_200_000_000, unit="USD", quantity="cost")
    assert two_outlets(symbol, words) == []
    assert len(two_outlets(symbol, deal("$4.6 billion", 4.6e9, unit="USD", quantity="cost"))) == 1


def strike_share(share: str, value: float, **structure: object) -> Report:
    text = f"Ostra strike\n\nThe union said {share} of workers joined the strike."
    return article(
        text,
        names={"Ostra": "GPE"},
        claims=[said(text, "the union", f"{share} of workers joined the strike")],
        figures=[figure(text, share.split()[0].rstrip("%"), value, **structure)],
    )


def test_per_cent_and_the_percent_sign_are_one_unit():
    words = strike_share("74 per cent", 74, quantity="took part", counted="cent")
    sign = strike_share("74%", 74, quantity="took part", unit="%")
    assert two_outlets(words, sign) == []
    spelled = strike_share("74 per cent", 74, quantity="took part", unit="per cent")
    assert two_outlets(spelled, strike_share("29%", 29, quantity="took part", unit="%"))
    (conflict,) = two_outlets(words, strike_share("29%", 29, quantity="took part", unit="%"))
    assert conflict.subject == readable(quantity="took part", unit="%")


def election(text: str, shares: list[tuple[str, float, dict]]) -> Report:
    claims = [said(text, "the Vote Council", text.split("\n\n", 1)[1])]
    figures = [figure(text, phrase, value, **structure) for phrase, value, structure in shares]
    return article(text, names=ELECTION_NAMES, kind="election", claims=claims, figures=figures)


def test_vote_shares_turnout_and_stations_counted_stay_apart():
    vote = {"quantity": "share", "counted": "vote", "unit": "%", "belongs_to": "lise amber"}
    turnout = {"quantity": "took part", "unit": "%"}
    partial = election(
        "Lise Amber leads in Tarvo\n\n"
        "With 62% of polling stations counted, Lise Amber had 54.3% of the vote. Turnout was 68.4%.",
        [
            ("62%", 62, {"quantity": "share", "counted": "station", "unit": "%"}),
            ("54.3%", 54.3, vote),
            ("68.4%", 68.4, turnout),
        ],
    )
    final = election(
        "Lise Amber wins in Tarvo\n\nLise Amber won with 51.6% of the vote. Turnout was 68.4%.",
        [("51.6%", 51.6, vote), ("68.4%", 68.4, turnout)],
    )
    (conflict,) = two_outlets(partial, final)
    assert set(conflict.figures) == {(0, 1), (1, 0)}
    assert conflict.subject == readable(quantity="share", counted="vote", unit="%")


def test_each_candidates_share_is_compared_with_the_same_candidates():
    amber = {"quantity": "share", "counted": "vote", "unit": "%", "belongs_to": "lise amber"}
    halvik = {"quantity": "share", "counted": "vote", "unit": "%", "belongs_to": "dorn halvik"}
    partial = election(
        "Lise Amber leads in Tarvo\n\nLise Amber had 54.3% of the vote, against 41.8% for Dorn Halvik.",
        [("54.3%", 54.3, amber), ("41.8%", 41.8, halvik)],
    )
    final = election(
        "Lise Amber wins in Tarvo\n\nLise Amber won 51.6% of the vote and Dorn Halvik 44.9%.",
        [("51.6%", 51.6, amber), ("44.9%", 44.9, halvik)],
    )
    winner, runner_up = two_outlets(partial, final)
    assert set(winner.figures) == {(0, 0), (1, 0)}
    assert set(runner_up.figures) == {(0, 1), (1, 1)}


def test_figures_sources_dispute_stay_one_conflict():
    took_part = {"quantity": "took part", "counted": "people"}

    def march(text: str, police: str, organisers: str) -> Report:
        claims = [
            said(text, "police", f"{police} people"),
            said(text, "the organisers", f"{organisers} people"),
        ]
        return article(
            text,
            names={"Dresk": "GPE"},
            claims=claims,
            figures=[
                figure(text, police, float(police.replace(",", "")), claim=0, **took_part),
                figure(text, organisers, float(organisers.replace(",", "")), claim=1, **took_part),
            ],
        )

    first = march(
        "Dresk march\n\nPolice said 7,500 people marched; the organisers said 25,000 people.",
        "7,500",
        "25,000",
    )
    second = march(
        "Dresk march\n\nPolice counted 8,000 people, and the organisers 30,000 people.", "8,000", "30,000"
    )
    (conflict,) = two_outlets(first, second)
    assert len(conflict.figures) == 4


def test_figures_about_another_event_stay_out():
    text = (
        "Blast in Korrin\n\nThe blast injured 12 people, Oskar Vell said. A blast in May injured 40 people."
    )
    report = article(
        text,
        names=BLAST_NAMES,
        claims=[said(text, "Oskar Vell", "The blast injured 12 people")],
        figures=[
            figure(text, "12", 12, quantity="wounded", counted="people"),
            figure(text, "40", 40, claim=None, quantity="wounded", counted="people", background=True),
        ],
    )
    other = blast(plant="Maren Chemicals", dateline_date="June 24")
    other.claims = [said(other.text, "Oskar Vell", "injuring 12 workers")]
    other.figures = [figure(other.text, "12", 12, quantity="wounded", counted="people")]
    assert two_outlets(report, other) == []


def toll(text: str, figures: list[Figure]) -> Report:
    return article(
        text, names=BLAST_NAMES, claims=[said(text, "Oskar Vell", text.split("\n\n")[1])], figures=figures
    )


def test_a_count_that_names_nothing_joins_no_group_it_could_belong_to_two_of():
    first_text = "Korrin storm\n\n40 destroyed, among them 12 homes and 3 bridges, Oskar Vell said."
    first = toll(
        first_text,
        [
            figure(first_text, "40", 40, quantity="destroyed"),
            figure(first_text, "12 homes", 12, quantity="destroyed", counted="home"),
            figure(first_text, "3 bridges", 3, quantity="destroyed", counted="bridge"),
        ],
    )
    second_text = "Korrin storm\n\n20 homes and 3 bridges were destroyed, Oskar Vell said."
    second = toll(
        second_text,
        [
            figure(second_text, "20 homes", 20, quantity="destroyed", counted="home"),
            figure(second_text, "3 bridges", 3, quantity="destroyed", counted="bridge"),
        ],
    )
    (conflict,) = two_outlets(first, second)
    assert set(conflict.figures) == {(0, 1), (1, 0)}


def test_a_toll_that_names_no_one_goes_with_the_people():
    first_text = "Korrin storm\n\n23 killed and 9 homes destroyed, Oskar Vell said."
    first = toll(
        first_text,
        [
            figure(first_text, "23", 23, quantity="killed"),
            figure(first_text, "9 homes", 9, quantity="destroyed", counted="home"),
        ],
    )
    second_text = "Korrin storm\n\n30 people killed, Oskar Vell said."
    second = toll(second_text, [figure(second_text, "30", 30, quantity="killed", counted="people")])
    (conflict,) = two_outlets(first, second)
    assert set(conflict.figures) == {(0, 0), (1, 0)}
    assert conflict.subject == readable(quantity="killed", counted="people")


def test_whether_a_bound_agrees_is_the_engines_call():
    """Stories ask the engine's `values_agree`: "at least 20" agrees with 21, not with 40."""
    low_text = "Korrin blast\n\nAt least 20 killed, Oskar Vell said."
    low = toll(low_text, [figure(low_text, "At least 20", 20, quantity="killed", qualifier="at least")])
    for value, agrees in ((21, True), (40, False)):
        high_text = f"Korrin blast\n\n{value} people killed, Oskar Vell said."
        high = toll(high_text, [figure(high_text, str(value), value, quantity="killed", counted="people")])
        assert values_agree(low.figures[0], high.figures[0]) is agrees
        assert (two_outlets(low, high) == []) is agrees


def test_the_engines_source_label_is_the_one_shown():
    text = "Korrin blast\n\n12 people were hurt, Oskar Vell said."
    first = toll(
        text, [figure(text, "12", 12, quantity="wounded", counted="people", source="fire chief Vell")]
    )
    other_text = "Korrin blast\n\n20 people were hurt, Oskar Vell said."
    second = toll(other_text, [figure(other_text, "20", 20, quantity="wounded", counted="people")])
    (conflict,) = two_outlets(first, second)
    assert "Outlet A, citing fire chief Vell: 12" in conflict.note
    assert "Outlet B, citing Oskar Vell: 20" in conflict.note


@given(
    value=st.integers(1, 5_000_000),
    forms=st.sampled_from([("%", None), (None, "cent")]),
    qualifier=st.sampled_from([None, "about", "at least"]),
)
def test_writing_a_figure_another_way_never_creates_a_conflict(value, forms, qualifier):
    """The engine gives one value for '1.2 million' and '1,200,000', '74%' and '74 per cent': stories compare
    values, never the way they were written."""
    unit, counted = forms
    digits = strike_share("74 per cent", float(value), quantity="took part", counted="cent")
    written = strike_share("74%", value, quantity="took part", unit=unit or "%", counted=counted)
    written.figures[0].qualifier = qualifier
    assert two_outlets(digits, written) == []
