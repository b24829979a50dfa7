"""Stories, pure parts: fingerprints, same-story decisions, grouping, cross-article figures, chart, JSON view.

The reports here are built by hand over our own fixture articles (tests/fixtures/articles/story_*.txt), with
claims and figures at their true offsets, so comparison is tested apart from the engine's claims and figures.
The reading stories take from the engine (headline, dateline, sentences, names, the event) is the real
engine's (`with_engine_reading`). The same articles go through the whole engine in tests/test_compare_cli.py.
"""

from __future__ import annotations

import functools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine import analyze
from bot.report import Claim, Conflict, Figure, Report, Span
from bot.stories import (
    Bar,
    Candidate,
    TermStats,
    build_story_view,
    compare_figures,
    compare_fingerprints,
    fingerprint,
    group_stories,
    normalise_key,
    place_article,
    render_bars,
    render_story_view,
)
from bot.stories.figures import same_source
from bot.stories.fingerprint import Fingerprint
from bot.stories.metadata import sniff_outlet, sniff_published
from tests.conftest import fixture_text

NORTHLINE, MERIDIAN, FLOOD, CAPITAL, BELLAN = range(5)


@functools.cache
def engine_report(text: str) -> Report:
    """The real engine's report of a text (cached: the parse is the slow part)."""
    return analyze(text)


def with_engine_reading(report: Report) -> Report:
    """A hand-built report carrying the engine's reading of its text, as the engine fills it."""
    read = engine_report(report.text)
    fields = ("headline", "dateline", "sentences", "entities", "event")
    return report.model_copy(update={field: getattr(read, field) for field in fields})


def text_fingerprint(text: str) -> Fingerprint:
    """The fingerprint of a short text of our own, read by the real engine."""
    return fingerprint(engine_report(text))


def span_of(text: str, phrase: str, occurrence: int = 1) -> Span:
    """Where the `occurrence`-th `phrase` is in `text` (fails loudly if it isn't)."""
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return Span(start=start, end=start + len(phrase))


def claim(
    text: str, speaker: str | None, content: str, *, via: str | None = None, anonymous: bool = False
) -> Claim:
    return Claim(
        speaker=speaker, content=[span_of(text, content)], kind="indirect", via=via, anonymous=anonymous
    )


def figure(
    text: str,
    phrase: str,
    value: float,
    measure: str,
    *,
    claim_index: int | None = None,
    qualifier: str | None = None,
    occurrence: int = 1,
    background: bool = False,
) -> Figure:
    return Figure(
        value=value,
        qualifier=qualifier,
        measure=measure,
        span=span_of(text, phrase, occurrence),
        claim=claim_index,
        background=background,
    )


def northline() -> Report:
    text = fixture_text("story_strike_northline.txt")
    return with_engine_reading(
        Report(
            text=text,
            site="Northline News",
            published="2026-03-06T08:10:00+00:00",
            claims=[
                claim(text, "a medical source", "14 people had been killed", via="Reuters", anonymous=True),
                claim(
                    text, "The Veltrian Monitor for Civil Rights", "at least 19 people were killed", via="AFP"
                ),
                claim(text, "A Liwa al-Nasr official", "only two fighters had died", anonymous=True),
                claim(text, "Aris Penkov", "Our aircraft struck six targets with precision munitions"),
            ],
            figures=[
                figure(text, "14", 14, "killed", claim_index=0, occurrence=2),
                figure(text, "at least 19", 19, "killed", claim_index=1, qualifier="at least"),
                figure(text, "only two", 2, "killed", claim_index=2, qualifier="only"),
                # Background: the attack two weeks earlier, which must stay out of the story's comparison. The
                # engine marks such figures; stories read the mark.
                figure(text, "one soldier", 1, "killed", background=True),
                figure(text, "four others", 4, "wounded", background=True),
            ],
        )
    )


def meridian() -> Report:
    text = fixture_text("story_strike_meridian.txt")
    return with_engine_reading(
        Report(
            text=text,
            site="Meridian Wire",
            published="2026-03-06T13:45:00+00:00",
            claims=[
                claim(text, "the Veltrian Monitor for Civil Rights", "At least 23 people were killed"),
                # The engine resolves "The monitor" to the monitor named in the lead.
                claim(text, "the Veltrian Monitor for Civil Rights", "more than 30 people were wounded"),
                claim(
                    text, "A Veltrian security official", "the death toll was likely to rise", anonymous=True
                ),
            ],
            figures=[
                figure(text, "At least 23", 23, "killed", claim_index=0, qualifier="at least"),
                figure(text, "more than 30", 30, "wounded", claim_index=1, qualifier="more than"),
            ],
        )
    )


def capital() -> Report:
    text = fixture_text("story_strike_capital.txt")
    return with_engine_reading(
        Report(
            text=text,
            site="Capital Daily",
            published="2026-03-07T09:30:00+00:00",
            claims=[
                claim(text, "the Veltrian Monitor for Civil Rights", "has risen to 27"),
                claim(text, "The monitor", "41 people had been wounded"),
                claim(text, "Faris Odeh", "11 of its members had been killed"),
            ],
            figures=[
                figure(text, "27", 27, "killed", claim_index=0),
                figure(text, "41", 41, "wounded", claim_index=1),
                figure(text, "11", 11, "killed", claim_index=2),
            ],
        )
    )


def flood() -> Report:
    text = fixture_text("story_flood_veltria.txt")
    return with_engine_reading(
        Report(
            text=text,
            site="Northline News",
            published="2026-03-06T11:20:00+00:00",
            claims=[claim(text, "the Veltrian Civil Defence", "killing at least nine people")],
            figures=[figure(text, "at least nine", 9, "killed", claim_index=0, qualifier="at least")],
        )
    )


def bellan() -> Report:
    text = fixture_text("story_strike_bellan.txt")
    return with_engine_reading(
        Report(
            text=text,
            site="Meridian Wire",
            published="2026-03-14T17:05:00+00:00",
            claims=[claim(text, "Veltrian officials", "killed two men on Saturday")],
            figures=[figure(text, "two men", 2, "killed", claim_index=0)],
        )
    )


@pytest.fixture
def reports() -> list[Report]:
    return [northline(), meridian(), flood(), capital(), bellan()]


# --- fingerprints -----------------------------------------------------------------------------------------


def test_normalise_key_matches_spellings_of_one_name():
    assert normalise_key("Kata’ib Hezbollah") == normalise_key("Kata'ib Hezbollah") == "kataib hezbollah"
    assert normalise_key("al-Tanf") == normalise_key("Al Tanf")
    assert normalise_key("the U.S.") == "us"
    assert normalise_key("Qasr Míral") == "qasr miral"


def test_fingerprint_keeps_specific_names_and_marks_the_lead():
    terms = fingerprint(northline()).terms
    assert terms["n:qasr miral"].kind == "name"
    assert terms["n:qasr miral"].lead  # named in the headline's first paragraph
    assert terms["n:liwa al nasr"].kind == "name"
    assert terms["n:tell sawan"].kind == "name"
    assert not terms["n:tell sawan"].lead  # only named further down
    assert terms["e:strike"].kind == "event"  # in the engine's vocabulary of event kinds
    assert terms["m:killed"].kind == "measure"
    assert terms["d:03-06"].display == "March 6"


def test_fingerprint_strips_titles_and_links_a_surname_to_the_full_name():
    fp = text_fingerprint(
        "Defence Minister Ana Ruiz visited the Korvel barracks on Monday. Ruiz said the Korvel garrison would "
        "be reinforced, and Colonel Tomas Brandt agreed."
    )
    assert fp.terms["n:ana ruiz"].display == "Ana Ruiz"
    assert fp.terms["n:ruiz"].entity == "n:ana ruiz"
    assert "n:tomas brandt" in fp.terms
    assert not any(key in fp.terms for key in ("n:defence minister", "n:colonel", "n:monday"))


def test_fingerprint_treats_a_country_named_with_its_adjective_as_broad():
    terms = fingerprint(northline()).terms
    assert terms["n:veltria"].kind == "broad"  # "Veltria" and "Veltrian": a country, whatever its name
    assert terms["n:doravian"].kind == "broad"
    assert terms["n:united nations"].kind == "broad"


def test_fingerprint_leaves_out_outlets_bylines_and_sentence_openers():
    keys = fingerprint(northline()).keys()
    # (Bylines are the engine's to leave out; "By Tamsin Orell | Northline News" is not one it knows yet.)
    for outlet_or_noise in ("n:northline news", "n:reuters", "n:afp", "n:the", "n:our"):
        assert outlet_or_noise not in keys


def test_fingerprint_rows_round_trip_for_storage():
    fp = fingerprint(capital())
    assert Fingerprint.from_json(fp.to_json()) == fp
    assert Fingerprint.from_rows(fp.to_rows()) == fp
    assert fp.lookup_keys() <= fp.keys()
    assert all(fp.terms[key].kind in ("name", "date") for key in fp.lookup_keys())
    assert "n:qasr miral" in fp.lookup_keys()


# --- same story or not ------------------------------------------------------------------------------------


def test_three_outlets_on_one_event_are_one_story_and_say_why(reports):
    stories = group_stories([fingerprint(report) for report in reports])
    assert [story.articles for story in stories] == [(NORTHLINE, MERIDIAN, CAPITAL)]
    why = stories[0].why
    assert why[0] == "Qasr Miral"  # specific, in every lead: the most telling
    assert {"Tell Sawan", "Veltrian Monitor for Civil Rights"} <= set(why)
    assert "Veltria" not in why[:4]  # a country says little


def test_a_different_event_in_the_same_country_stays_apart():
    similarity = compare_fingerprints(fingerprint(northline()), fingerprint(flood()))
    assert not similarity.same_story
    assert "different events" in similarity.reason
    assert "Omar Selik" in similarity.why  # they do share the president, and that is not enough


def test_sharing_a_spokesman_ministry_and_president_is_not_the_same_strike():
    similarity = compare_fingerprints(fingerprint(northline()), fingerprint(bellan()))
    assert {"Aris Penkov", "Omar Selik"} <= set(similarity.why)
    assert not similarity.same_story
    # Either the leads name different places, or the days (March 6, March 14) are too far apart.
    assert "lead" in similarity.reason or "days apart" in similarity.reason


def test_one_shared_politician_and_country_is_not_enough():
    a = text_fingerprint(
        "President Omar Selik of Veltria opened the Harvell dam on Tuesday, the Veltrian government said. "
        "The dam on the Ostra river cost 40 million crowns and took six years to build."
    )
    b = text_fingerprint(
        "President Omar Selik of Veltria met striking dockers in Port Amal on Tuesday, the Veltrian "
        "government said. The dockers' union has held a walkout at the Amal container terminal for a week."
    )
    similarity = compare_fingerprints(a, b)
    assert not similarity.same_story
    assert similarity.shared_specific == 1


def test_names_common_in_a_chat_count_as_broad():
    base = text_fingerprint(
        "Relief workers in Sorvik and Lusk met Mira Tallis near the Emmer river on Monday."
    )
    others = [text_fingerprint(f"Mira Tallis spoke in town number {i} about Sorvik.") for i in range(12)]
    stats = TermStats.from_fingerprints([base, *others])
    assert stats.is_common("n:mira tallis")
    assert stats.is_common("n:sorvik")
    assert not stats.is_common("n:emmer")
    assert not TermStats.from_fingerprints([base, others[0]]).is_common("n:mira tallis")  # too few articles


# --- grouping and "not the same story" --------------------------------------------------------------------


def test_an_excluded_article_leaves_the_story_and_stays_out(reports):
    fingerprints = [fingerprint(report) for report in reports]
    stories = group_stories(fingerprints, excluded={(CAPITAL, NORTHLINE)})
    assert [story.articles for story in stories] == [(NORTHLINE, MERIDIAN)]
    # More articles on the event arrive later: the excluded one is still not pulled back in.
    again = [*fingerprints, fingerprint(meridian()), fingerprint(northline())]
    stories = group_stories(again, excluded={(CAPITAL, NORTHLINE)})
    assert all(CAPITAL not in story.articles for story in stories if story.id == NORTHLINE)
    assert any(set(story.articles) >= {NORTHLINE, MERIDIAN, 5, 6} for story in stories)


def test_excluding_the_article_that_started_a_story_keeps_the_rest(reports):
    stories = group_stories([fingerprint(report) for report in reports], excluded={(NORTHLINE, NORTHLINE)})
    assert [story.articles for story in stories] == [(MERIDIAN, CAPITAL)]


def test_place_article_joins_the_best_story_and_respects_exclusions():
    candidates = [
        Candidate(article="a-flood", fingerprint=fingerprint(flood()), story=None),
        Candidate(article="a-north", fingerprint=fingerprint(northline()), story="s-strike"),
        Candidate(article="a-mer", fingerprint=fingerprint(meridian()), story="s-strike"),
    ]
    new = fingerprint(capital())
    placement = place_article(new, candidates)
    assert placement is not None
    assert placement.story == "s-strike"
    assert placement.similarity.same_story
    assert "Qasr Miral" in placement.similarity.why
    assert place_article(new, candidates, excluded_stories={"s-strike"}) is None
    assert place_article(fingerprint(bellan()), candidates) is None


def test_place_article_pairs_with_an_article_in_no_story_yet():
    placement = place_article(fingerprint(meridian()), [Candidate("a1", fingerprint(northline()))])
    assert placement is not None
    assert (placement.story, placement.article) == (None, "a1")


# --- figures across articles ------------------------------------------------------------------------------


def test_differing_tolls_are_flagged_with_outlet_and_cited_source(reports):
    outlets = [report.site for report in reports]
    conflicts = {c.measure: c for c in compare_figures(reports, [NORTHLINE, MERIDIAN, CAPITAL], outlets)}
    killed = conflicts["killed"]
    assert set(killed.figures) == {
        (NORTHLINE, 0),
        (NORTHLINE, 1),
        (NORTHLINE, 2),
        (MERIDIAN, 0),
        (CAPITAL, 0),
        (CAPITAL, 2),
    }
    assert "Northline News, citing a medical source (anonymous) via Reuters: 14 killed" in killed.note
    assert "Meridian Wire, citing the Veltrian Monitor for Civil Rights: at least 23 killed" in killed.note
    assert "Capital Daily, citing Faris Odeh: 11 killed" in killed.note


def test_figures_about_an_earlier_event_are_left_out(reports):
    outlets = [report.site for report in reports]
    conflicts = compare_figures(reports, [NORTHLINE, MERIDIAN, CAPITAL], outlets)
    pairs = {pair for conflict in conflicts for pair in conflict.figures}
    assert (NORTHLINE, 3) not in pairs  # "two weeks ago ... killed one soldier"
    assert (NORTHLINE, 4) not in pairs


def test_two_outlets_citing_one_monitor_with_different_numbers_is_said(reports):
    outlets = [report.site for report in reports]
    conflicts = {c.measure: c for c in compare_figures(reports, [NORTHLINE, MERIDIAN, CAPITAL], outlets)}
    assert conflicts["killed"].same_source == ("The Veltrian Monitor for Civil Rights",)
    assert (
        "Northline News and Meridian Wire and Capital Daily both cite The Veltrian Monitor for Civil Rights but "
        "give different numbers: at least 19 (Northline News) vs at least 23 (Meridian Wire) vs 27 (Capital Daily)."
    ) in conflicts["killed"].note
    # "The monitor" (Capital Daily) and the monitor's full name (Meridian Wire) are one source: "more than 30"
    # wounded and 41 can't both be right by the engine's measure of a bound.
    assert conflicts["wounded"].same_source == ("the Veltrian Monitor for Civil Rights",)


def test_a_source_matches_its_acronym_and_its_head_noun():
    # "The monitor" in one article and the monitor's full name in another are one source.
    assert same_source("veltrian monitor for civil rights", "monitor")
    assert same_source("veltrian monitor for civil rights", "vmcr")
    assert same_source("veltrian monitor for civil rights", "monitor for civil rights")
    assert not same_source("veltrian monitor for civil rights", "ministry")
    assert not same_source("veltrian monitor for civil rights", "officials")


def test_a_later_update_is_marked_as_the_newer_figure(reports):
    outlets = [report.site for report in reports]
    conflicts = {c.measure: c for c in compare_figures(reports, [NORTHLINE, MERIDIAN, CAPITAL], outlets)}
    assert conflicts["killed"].newer == ((CAPITAL, 0),)  # 27, a day later, "has risen to"
    assert "Newer figure: 27 killed (Capital Daily, citing the Veltrian Monitor for Civil Rights" in (
        conflicts["killed"].note
    )
    assert conflicts["wounded"].newer == ((CAPITAL, 1),)


def test_without_publication_times_nothing_is_called_newer(reports):
    undated = [report.model_copy(update={"published": None}) for report in reports]
    conflicts = compare_figures(undated, [NORTHLINE, MERIDIAN, CAPITAL], [r.site for r in undated])
    assert all(conflict.newer == () for conflict in conflicts)
    assert all("Newer figure" not in conflict.note for conflict in conflicts)


def test_agreement_is_not_a_conflict():
    first, second = meridian(), meridian().model_copy(update={"site": "Harbor Post"})
    assert compare_figures([first, second], [0, 1], ["Meridian Wire", "Harbor Post"]) == []


def test_the_engines_own_conflict_decides_which_figures_count():
    report = northline()
    # The engine grouped only the medical source's and the monitor's tolls; the militia's "only two" is out.
    report.conflicts = [Conflict(measure="killed", figures=[0, 1], note="")]
    conflicts = compare_figures([report, meridian()], [0, 1], ["Northline News", "Meridian Wire"])
    killed = next(c for c in conflicts if c.measure == "killed")
    assert set(killed.figures) == {(0, 0), (0, 1), (1, 0)}


# --- view, JSON and chart ---------------------------------------------------------------------------------


def test_story_json_contract(reports):
    view = build_story_view(reports, labels=["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"])
    data = json.loads(view.to_json())
    assert next(iter(data)) == "schema" and data["schema"] == "whosaid.story/1"
    assert [json.loads(r.to_json()) for r in reports] == data["articles"]
    assert len(data["stories"]) == 1
    story = data["stories"][0]
    assert story["articles"] == [NORTHLINE, MERIDIAN, CAPITAL]
    assert story["why"][0] == "Qasr Miral"
    killed = next(c for c in story["conflicts"] if c["measure"] == "killed")
    for article, figure_index in killed["figures"]:
        assert data["articles"][article]["figures"][figure_index]["measure"] == "killed"
    assert killed["newer"] == [[CAPITAL, 0]]
    assert "\n" not in view.to_json()


def test_outlet_falls_back_to_title_then_label():
    text = fixture_text("story_strike_meridian.txt")
    no_site = meridian().model_copy(update={"site": None, "title": "Strike toll"})
    bare = meridian().model_copy(update={"site": None})
    view = build_story_view([no_site, bare, Report(text=text)], labels=["one.txt", "two.txt", "three.txt"])
    assert view.outlets == ("Strike toll", "two.txt", "three.txt")


def test_terminal_view_puts_conflicts_first_and_draws_the_chart(reports):
    text = render_story_view(build_story_view(reports, labels=["a", "b", "c", "d", "e"]))
    assert text.index("Conflicts:") < text.index("Figures:")
    assert "Same story: Qasr Miral" in text
    assert "█" in text and "newer" in text
    assert "Not in a story with another article:" in text
    assert "[3] Northline News" in text and "[5] Meridian Wire" in text


def test_bars_scale_to_the_largest_value_and_show_ranges():
    chart = render_bars(
        "killed",
        [
            Bar("Outlet A · medics", 10),
            Bar("Outlet B · monitor", 20, text="at least 20", mark="newer"),
            Bar("Outlet C", 5, upper=15),
        ],
        width=20,
    )
    lines = chart.splitlines()
    assert lines[0] == "killed"
    assert lines[1].count("█") == 10
    assert lines[2].count("█") == 20 and lines[2].endswith("at least 20  newer")
    assert lines[3].count("█") == 5 and lines[3].count("░") == 10
    assert render_bars("killed", []) == ""


def test_sniffing_outlet_and_time_from_the_first_lines():
    text = fixture_text("story_strike_capital.txt")
    assert sniff_outlet(text) == "Capital Daily"
    assert sniff_published(text) == "2026-03-07T09:30+00:00"
    assert sniff_published("Updated: March 7, 2026 4:05 pm\n\nBody.") == "2026-03-07T16:05"
    assert sniff_published("Nothing here.\n\nPublished whenever.") is None
    assert sniff_outlet("No dateline (none) here") is None


# --- invariants -------------------------------------------------------------------------------------------

FIXTURE_FINGERPRINTS = [fingerprint(build()) for build in (northline, meridian, flood, capital, bellan)]


@settings(max_examples=60, deadline=None)
@given(
    order=st.permutations(range(5)),
    excluded=st.sets(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=4),
)
def test_grouping_invariants(order, excluded):
    fingerprints = [FIXTURE_FINGERPRINTS[i] for i in order]
    stories = group_stories(fingerprints, excluded=excluded)
    seen: list[int] = []
    for story in stories:
        assert len(story.articles) >= 2
        assert list(story.articles) == sorted(story.articles)
        assert story.why
        for article in story.articles:
            assert (article, story.id) not in excluded
        seen.extend(story.articles)
    assert len(seen) == len(set(seen))  # an article is in one story at most
    # Whatever the order, the flood and the Bellan strike are never in a story with another article.
    lone = {order.index(FLOOD), order.index(BELLAN)}
    assert not lone & set(seen)


def test_every_same_story_pair_shares_two_lookup_keys():
    """What makes the indexed candidate lookup lossless: a match always shares two specific-name keys."""
    texts = [fixture_text(name) for name in ("story_strike_northline.txt", "story_strike_meridian.txt")]
    pool = [*FIXTURE_FINGERPRINTS, *(text_fingerprint(text) for text in texts)]
    stats = TermStats.from_fingerprints(pool)
    pairs = 0
    for i, a in enumerate(pool):
        for b in pool[i + 1 :]:
            if compare_fingerprints(a, b, stats).same_story:
                pairs += 1
                assert len(a.lookup_keys(stats) & b.lookup_keys(stats)) >= 2
    assert pairs >= 3


@given(values=st.lists(st.integers(1, 10_000), min_size=1, max_size=8), width=st.integers(5, 40))
def test_bars_never_exceed_the_width(values, width):
    chart = render_bars("m", [Bar(f"row {i}", v) for i, v in enumerate(values)], width=width)
    for line, value in zip(chart.splitlines()[1:], values, strict=True):
        assert 1 <= line.count("█") <= width
        if value == max(values):
            assert line.count("█") == width


def test_a_story_told_many_times_does_not_make_its_own_names_common(reports):
    """Twelve reports of one strike among fourteen: the town is frequent, yet it still singles out the story."""
    many = [northline(), meridian(), capital()] * 4 + [flood(), bellan()]
    view = build_story_view(many, labels=[f"{i}.txt" for i in range(len(many))])
    assert [story.story.articles for story in view.stories] == [tuple(range(12))]
    assert view.stories[0].story.why[0] == "Qasr Miral"


def test_conflicts_say_which_articles_they_involve(reports):
    outlets = [report.site for report in reports]
    killed = next(c for c in compare_figures(reports, [NORTHLINE, CAPITAL], outlets) if c.measure == "killed")
    assert killed.involves(NORTHLINE) and killed.involves(CAPITAL)
    assert not killed.involves(MERIDIAN)


def test_lookup_keys_leave_out_names_common_in_the_chat():
    fp = fingerprint(northline())
    many = [text_fingerprint(f"Omar Selik visited town {i} of the Harun valley.") for i in range(12)]
    stats = TermStats.from_fingerprints([fp, *many])
    assert "n:omar selik" in fp.lookup_keys()
    assert "n:omar selik" not in fp.lookup_keys(stats)
    assert "n:qasr miral" in fp.lookup_keys(stats)


def test_sources_are_named_by_file_name_or_link_host():
    from bot.stories.command import source_name

    assert source_name("/tmp/news/story_a.txt") == "story_a.txt"
    assert source_name("https://news.example.org/2026/03/strike") == "news.example.org"
    assert source_name("-") == "stdin"


def test_two_articles_carrying_the_same_disagreement_agree_with_each_other():
    first = northline()
    copy = northline().model_copy(update={"site": "Harbor Post", "published": "2026-03-06T10:00:00+00:00"})
    assert compare_figures([first, copy], [0, 1], ["Northline News", "Harbor Post"]) == []
    # Drop the monitor's figure from the copy: now the two articles give different sets of tolls.
    copy.figures = [f for f in copy.figures if f.value != 19]
    (killed,) = compare_figures([first, copy], [0, 1], ["Northline News", "Harbor Post"])
    assert killed.measure == "killed"


def test_a_lead_naming_nothing_specific_decides_nothing():
    vague = text_fingerprint(
        "At least 30 people drowned when an overloaded boat capsized early on Monday, officials said, in the "
        "worst accident of its kind this year.\n\n"
        "The boat, run by Kesset Ferries, sank on Lake Orvan near the fishing port of Tamsu, the Orvan "
        "district police said. Survivors were taken to the Tamsu clinic, where Dr. Halvard Brenner led the team."
    )
    also_vague = text_fingerprint(
        "Rescuers pulled survivors from the water after a crowded boat capsized on Monday morning, killing "
        "at least 30 passengers, according to local officials.\n\n"
        "The vessel belonged to Kesset Ferries and went down on Lake Orvan off Tamsu. Halvard Brenner, a doctor "
        "at the Tamsu clinic, said 12 survivors were treated."
    )
    similarity = compare_fingerprints(vague, also_vague)
    assert similarity.same_story, similarity.reason
    assert {"Kesset Ferries", "Halvard Brenner"} <= set(similarity.why)


def test_without_a_shared_event_two_names_are_not_enough():
    a = text_fingerprint(
        "Senator Dana Whitlow met the board of the Harmon Group in Calder on Tuesday to discuss the company's "
        "plan for a new distribution centre.\n\nWhitlow said the Harmon Group had promised 400 jobs."
    )
    b_two = text_fingerprint(
        "Senator Dana Whitlow criticised the Harmon Group on Thursday over its tax arrangements, saying the "
        "company had paid almost nothing for a decade.\n\nThe Harmon Group declined to comment."
    )
    b_three = text_fingerprint(
        "Senator Dana Whitlow welcomed the Harmon Group's plan for a distribution centre in Calder on Tuesday, "
        "after meeting the company's board.\n\nThe Harmon Group says the site will bring 400 jobs to Calder."
    )
    two = compare_fingerprints(a, b_two)
    assert two.shared_specific == 2 and not two.same_story
    three = compare_fingerprints(a, b_three)
    assert three.shared_specific == 3 and three.same_story, three.reason
