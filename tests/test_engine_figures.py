"""Figures: numbers in digits or words, with qualifier, range and a normalised measure; non-figures left out."""

from __future__ import annotations

import pytest

from bot.engine import analyze
from bot.report import Figure, Report


def figure_at(report: Report, words: str) -> Figure:
    """The one figure whose span is exactly `words` (which must occur once in the text)."""
    assert report.text.count(words) == 1
    start = report.text.index(words)
    found = [f for f in report.figures if (f.span.start, f.span.end) == (start, start + len(words))]
    assert len(found) == 1, [(report.quote(f.span), f.value) for f in report.figures]
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "value", "qualifier"),
    [
        ("The fire destroyed 17 homes in the village of Orsk.", "17", 17, None),
        ("The fire destroyed seven barns in the village of Orsk.", "seven", 7, None),
        ("At least one firefighter was injured in the blaze.", "At least one", 1, "at least"),
        ("More than 2,000 residents were evacuated from the valley.", "More than 2,000", 2000, "more than"),
        ("Nearly 300 people were arrested in the clashes.", "Nearly 300", 300, "nearly"),
        ("About 40 people were injured in the clashes.", "About 40", 40, "about"),
        ("Twenty-three people were injured in the crash.", "Twenty-three", 23, None),
        ("The storm left 1.2 million people without power.", "1.2 million", 1_200_000, None),
        ("Aid groups said as high as 3,000 homes were destroyed.", "as high as 3,000", 3000, "up to"),
        ("Aid groups said as few as 300 homes were destroyed.", "as few as 300", 300, "at least"),
    ],
)  # fmt: skip
def test_numbers_in_digits_and_words(text: str, words: str, value: float, qualifier: str | None) -> None:
    figure = figure_at(analyze(text), words)
    assert figure.value == value
    assert figure.upper is None
    assert figure.qualifier == qualifier


def test_money_with_a_scale_word() -> None:
    figure = figure_at(analyze("The government approved a $3.4 billion reconstruction fund."), "$3.4 billion")
    assert figure.value == 3_400_000_000


def test_money_at_the_end_of_a_sentence() -> None:
    report = analyze("The flooding caused damage estimated at $3.4 billion. Roads were closed.")
    assert figure_at(report, "$3.4 billion").value == 3_400_000_000


def test_range_between_x_and_y() -> None:
    report = analyze("Officials said between 15 and 20 people were killed in the landslide.")
    figure = figure_at(report, "between 15 and 20")
    assert (figure.value, figure.upper) == (15, 20)
    assert report.figure_label(figure) == "between 15 and 20"


def test_range_at_the_start_of_a_sentence() -> None:
    report = analyze("Between 15 and 20 vessels were damaged in the storm, the harbour authority said.")
    figure = figure_at(report, "Between 15 and 20")
    assert (figure.value, figure.upper) == (15, 20)


def test_range_counts_what_the_verb_says() -> None:
    report = analyze("Officials said between 15 and 20 people were killed in the landslide.")
    figure = figure_at(report, "between 15 and 20")
    assert figure.measure == "killed"
    assert figure.claim == 0


# --- measures ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "measure"),
    [
        ("Rescuers said 17 people had been killed.", "17", "killed"),
        ("The army said 22 fighters were killed.", "22", "killed"),
        ("The army said four others were wounded.", "four", "wounded"),
        ("Police said 40 people had died in the fire.", "40", "killed"),
        ("Nine people were killed when the bus overturned.", "Nine", "killed"),
        ("At least one firefighter was injured in the blaze.", "At least one", "wounded"),
        ("The blast injured 31 workers.", "31", "wounded"),
        ("More than 2,000 residents were evacuated from the valley.", "More than 2,000", "evacuated"),
    ],
)  # fmt: skip
def test_measures_are_normalised(text: str, words: str, measure: str) -> None:
    assert figure_at(analyze(text), words).measure == measure


def test_two_measures_in_one_sentence() -> None:
    report = analyze("Nine people were killed and 31 injured when the bus overturned.")
    assert figure_at(report, "Nine").measure == "killed"
    assert figure_at(report, "31").measure == "wounded"


def test_figure_belongs_to_the_claim_that_says_it() -> None:
    report = analyze(
        "The fire started before dawn. Rescuers said 17 people had been killed. The army said 22 were "
        "killed. Seven houses burned down."
    )
    rescuers = figure_at(report, "17")
    army = figure_at(report, "22")
    narration = figure_at(report, "Seven")
    assert rescuers.claim is not None and report.claims[rescuers.claim].speaker == "Rescuers"
    assert army.claim is not None and report.claims[army.claim].speaker is not None
    assert "army" in report.claims[army.claim].speaker
    assert narration.claim is None


# --- not figures ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The blast happened on 12 March 2024 in the morning.",
        "In 1998 a similar explosion hit the plant.",
        "The blast happened at 10:30 in the morning.",
        "The driver, a 54-year-old man from Dorn, was arrested.",
        "His passenger, aged 54, was released.",
        "She finished third in the race and was the first woman to win the 2nd stage.",
        "One of the drivers said the convoy had been stopped at the bridge.",
        "The hotline number is 555-0199.",
        "The attack came after COVID-19 restrictions were lifted.",
        "The Boeing 737 landed safely on Route 66 near Highway 12.",
        "Leaders of the G7 met under Article 5 of the treaty in the 1990s.",
        "Hotline: 0 800 550 220.",
        "Call the helpline on 555 123 4567 for details.",
    ],
)
def test_not_figures(text: str) -> None:
    report = analyze(text)
    assert report.figures == [], [report.quote(f.span) for f in report.figures]


def test_thousands_set_apart_by_spaces_are_one_number() -> None:
    report = analyze("Officials confirmed about 48 000 people died and 1 250 000 were displaced.")
    assert [f.value for f in report.figures] == [48000, 1250000]


def test_phone_number_with_spaces_is_not_a_figure() -> None:
    report = analyze("Residents can call the hotline on 0800 555 0199 for information.")
    assert report.figures == [], [report.quote(f.span) for f in report.figures]


def test_500_lb_is_a_modifier_not_a_figure() -> None:
    report = analyze("The jets dropped two 500-lb bombs on the depot.")
    assert [(report.quote(f.span), f.value) for f in report.figures] == [("two", 2)]
    assert report.figures[0].measure == "bombs"


def test_ages_among_the_dead_are_not_the_toll() -> None:
    report = analyze("A 54-year-old man and his 12-year-old son were among the dead, police said.")
    assert report.figures == []


def test_figure_spans_quote_the_number() -> None:
    text = "Officials said more than 2,000 residents were evacuated and at least one firefighter was hurt."
    report = analyze(text)
    assert [report.quote(f.span) for f in report.figures] == ["more than 2,000", "at least one"]


def test_two_short_numbers_joined_by_a_hyphen_before_per_cent_are_a_range() -> None:
    report = analyze("The minister said turnout was in the 25-30 per cent range. The team lost 1-3 on Sunday.")
    assert [(f.value, f.upper) for f in report.figures][:1] == [(25, 30)]


def test_two_short_numbers_joined_by_a_hyphen_before_things_counted_are_a_range() -> None:
    report = analyze(
        "The inquiry estimates that 60-65 Varnish extremists were killed, while at least 20-30 civilians may have "
        "been killed. The team lost 1-3 to the visitors."
    )
    figures = [(f.value, f.upper, f.counted) for f in report.figures]
    assert figures[:2] == [(60, 65, "extremist"), (20, 30, "civilian")]
    assert (1, 3, None) not in figures
    dead = analyze("A rebel spokesman said the fighting left 30-40 dead.")
    assert [(f.value, f.upper, f.quantity) for f in dead.figures] == [(30, 40, "killed")]


def test_a_sentence_hard_wrapped_across_lines_reads_as_one_and_the_report_keeps_the_text_as_sent() -> None:
    text = (
        "Data published at the weekend put Velka's death toll at\n4,181, the agency said. Officials said the\n"
        "toll was 3,100."
    )
    report = analyze(text)
    assert report.text == text
    figure = next(f for f in report.figures if f.value == 4181)
    assert (figure.quantity, report.quote(figure.span)) == ("killed", "4,181")


def test_a_range_of_sums_with_the_sign_said_twice_is_read_with_its_rate() -> None:
    report = analyze("The company had expected full-year earnings of $10.75-$11.25 per share.")
    assert [(f.value, f.upper, f.unit) for f in report.figures] == [(10.75, 11.25, "USD per share")]


def test_a_sentence_of_bare_numbers_holds_no_figure() -> None:
    report = analyze("Police said 14 people were hurt.\n\n12,000 + 8,000 = 20,000\n\nMedics said 15 were hurt.")
    assert [f.value for f in report.figures] == [14, 15]


def test_no_higher_and_no_lower_than_bound_a_value() -> None:
    report = analyze("Monitors said turnout was no higher than 41%, and not lower than 38% in the cities.")
    assert [(figure.value, figure.qualifier) for figure in report.figures] == [(41, "at most"), (38, "at least")]


def test_a_posts_label_split_from_its_number_and_a_trailing_plus() -> None:
    report = analyze("Protest in Kessel today\n\nPolice estimate: 8,000\nOrganisers: 40,000+\n")
    assert [(figure.value, figure.qualifier, figure.counted) for figure in report.figures] == [
        (8000, None, None),
        (40000, "more than", None),
    ]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Organisers said between 2 and 3 million people marched in Tarvel.", 2_000_000, 3_000_000),
        ("Insurers said losses from the storm were $3-5 billion.", 3_000_000_000, 5_000_000_000),
        ("The carrier said it sees pre-tax profit at NZ$400-600 mln this year.", 400_000_000, 600_000_000),
        ("Modellers put insured losses at 2-3bn euros.", 2_000_000_000, 3_000_000_000),
    ],
)
def test_a_range_shares_the_scale_written_after_its_second_number(text: str, low: float, high: float) -> None:
    ranges = [(f.value, f.upper) for f in analyze(text).figures if f.upper is not None]
    assert ranges == [(low, high)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The carrier said annual profit climbed to NZ$663 million.", 663_000_000),
        ("The property group said losses were HK$5.2 billion.", 5_200_000_000),
        ("The software firm said profit was Rs3,603 crore.", 36_030_000_000),
        ("The bank said it earned $1.2 bln in the quarter.", 1_200_000_000),
    ],
)
def test_a_sum_marked_by_its_country_or_written_as_the_wires_write_it_keeps_its_number(text: str, value: float) -> None:
    assert [f.value for f in analyze(text).figures] == [value]


@pytest.mark.parametrize("text", ["The county said it spent Sh5 billion on roads.", "The firm said it lost RM2.5 million."])
def test_a_scale_after_a_number_glued_to_letters_is_no_figure_of_its_own(text: str) -> None:
    # The tokenizer keeps "Sh5" whole: read alone, "billion" would be one billion.
    assert analyze(text).figures == []


def test_pct_after_a_number_is_per_cent_and_counts_what_follows_of() -> None:
    [figure] = analyze("Officials in Morva said 12 pct of voters stayed away.").figures
    assert (figure.unit, figure.counted) == ("%", "voter")


def test_a_units_abbreviation_after_a_number_is_its_unit_whatever_the_tagger_took_it_for() -> None:
    [figure] = analyze("The fire has burned 8,200 ha, the fire service said.").figures
    assert (figure.unit, figure.quantity) == ("ha", "burned")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministry said the deficit reached ₹5.24 lakh crore.", 5_240_000_000_000),
        ("The donors said they had pledged two thousand million dollars.", 2_000_000_000),
        ("Officials said one million two hundred thousand people had voted.", 1_200_000),
    ],
)
def test_a_larger_scale_after_a_scale_scales_the_whole_number(text: str, value: float) -> None:
    assert [f.value for f in analyze(text).figures] == [value]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("It was three and a half million dollars, the mediator told Reuters.", 3_500_000, "USD"),
        ("One and a half million people marched, organisers said.", 1_500_000, None),
    ],
)
def test_and_a_half_adds_a_half_before_the_scale(text: str, value: float, unit: str | None) -> None:
    assert [(f.value, f.unit) for f in analyze(text).figures] == [(value, unit)]


def test_a_number_before_say_in_a_headline_counts_nothing_the_sayer_names() -> None:
    report = analyze("Rallies draw 825,000 say police, 3 million say unions\n\nThe unions said 3 million people marched.")
    assert all(f.counted != "police" for f in report.figures)
    assert all("police who" not in c.note for c in report.conflicts)


def test_a_source_after_a_dash_names_no_measure_of_the_figure() -> None:
    report = analyze("Stadium crush in Oran\n\n17 dead — health ministry\n29 dead — local hospital sources\n")
    assert [f.measure for f in report.figures] == ["killed", "killed"]
