"""Conflicts: figures that measure the same thing about the article's own event, with values that can't both
be right — given by different sources, or revised by one source.

Which figures measure the same thing is decided by their structure (`structure.compatible`): counted thing,
quantity, unit, level or change, period. Values are compared as numbers after normalisation ("1.2 million" and
"1,200,000" are one value), and a bound agrees with a value inside it ("at least 17" and "17").
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from bot.engine.figures import EARLIER_REPORT
from bot.engine.lexicon import APPROXIMATE_QUALIFIERS
from bot.engine.measures import (
    BODIES_FOUND,
    CURRENCY_CODES,
    EARLIER_WORDS,
    GROWING_COUNTS,
    PASSING_STATES,
    PERSON_EVENTS,
    PERSON_GROUPS,
    POPULATION,
    TOLL_QUANTITY,
    family_of,
    same_scale_values,
)
from bot.engine.structure import (
    GENERIC_COUNTED,
    Structure,
    abbreviates,
    compatible,
    in_currency,
    later_statement,
    one_name,
)
from bot.report import Claim, Conflict, Figure, format_figure

# Qualifiers that make a figure a bound: "at least 17" agrees with 17 and with 18.
_LOWER_BOUNDS = frozenset({"at least", "more than"})
_UPPER_BOUNDS = frozenset({"at most", "up to", "fewer than"})
# How far past a bound a value may lie and still agree with it: "at least 17" agrees with 17 and 18, but a
# source saying "at least 28" and another saying "about 40" disagree.
BOUND_TOLERANCE = 0.1
# How far a rounded figure ("nearly 50", "about 6,000") may lie from a precise one and still be the same count.
APPROXIMATION_TOLERANCE = 0.1
# Statuses of a figure that is a source's guess rather than a count or a result.
GUESSED_STATUSES = frozenset({"forecast", "estimate"})
# The source key of a figure the article gives in its own voice, and of one revised with no source named.
ARTICLE_KEY = "article"
UNNAMED_REVISER_KEY = "unnamed reviser"
# How far before text order a statement marked as earlier is placed: past any article's length.
STATED_EARLIER = 10**9
# The most distinct readings (value and source) one conflict can hold and still be sources disagreeing.
MAX_READINGS = 12
# The most figures of one measure among which parts adding up to a total are looked for (each against each).
MAX_SUMMED_GROUP = 4 * MAX_READINGS


# Who gives a value "originally reported as 7.8" by no one named.
EARLIER_REPORT_LABEL = "an earlier report"
# How a label marks an unnamed source: "officials (anonymous)".
ANONYMOUS_MARK = " (anonymous)"


def source_label(figure: Figure, claims: list[Claim]) -> str:
    """Who gives a figure, as a person reads it: 'medical source (anonymous) via Reuters', 'the article'."""
    if figure.source is not None:
        return figure.source  # its own holder's, or its claim's source, as the analyzer labelled it
    if EARLIER_REPORT in figure.rules:
        return EARLIER_REPORT_LABEL  # "was initially reported to have killed five": someone reported it earlier
    if figure.claim is None or not 0 <= figure.claim < len(claims):
        return "the article"
    return claim_source_label(claims[figure.claim])


def claim_source_label(claim: Claim) -> str:
    """'health ministry', 'a trader (anonymous) via Reuters', 'an unnamed source'."""
    label = claim.speaker or "an unnamed source"
    if claim.anonymous and "anonymous" not in label.lower() and "unnamed" not in label.lower():
        label += ANONYMOUS_MARK
    if claim.via:
        label += f" via {claim.via}"
    return label


def claim_source_key(claim: Claim) -> str | None:
    """A named source's identity (lower case); None for an anonymous or unnamed one."""
    if claim.anonymous or not claim.speaker:
        return None
    return " ".join(claim.speaker.lower().split())


def source_key(figure: Figure, claims: list[Claim]) -> str:
    """Identity of a figure's source within one article, for telling sources apart."""
    if figure.claim is None:
        # An unnamed holder ("expected by analysts") has no key of its own, but is not the article's voice: it is
        # keyed as a claim by the same words would be ("officials").
        if figure.source_key or not figure.source:
            return figure.source_key or ARTICLE_KEY
        return " ".join(figure.source.lower().removesuffix(ANONYMOUS_MARK).split())
    claim = claims[figure.claim]
    if figure.source is not None and figure.source != claim_source_label(claim):
        # The figure's own construction names its source ("..., above analysts, who had predicted $1.10"):
        # that source, not the sentence's speaker.
        return figure.source_key or figure.source.lower()
    return (claim.speaker or f"claim-{figure.claim}").lower()


def _source_key(figure: Figure, claims: list[Claim], structure: Structure) -> str:
    """A figure's source identity; a revision stated in one clause with no source named ("the rate was revised
    up to 7.8 percent from 7.7 percent") is one unnamed source revising itself."""
    key = source_key(figure, claims)
    if key == ARTICLE_KEY and structure.revision_pair is not None:
        return f"{UNNAMED_REVISER_KEY} {structure.revision_pair}"
    return key


def _own_results(a: Figure, b: Figure, key_a: str, key_b: str) -> bool:
    """Two sums of money stated as facts by two sources: most often each source's own (two companies' profits, two
    bodies' budgets), not one sum they disagree on. Sums disagree when one is an estimate or an expectation
    ("analysts had expected $19.1 billion", "AIR put losses at $2-8 billion") or one source revises its own."""
    money = any(unit is not None and unit.split()[0] in CURRENCY_CODES for unit in (a.unit, b.unit))
    return money and _stated_sum(a) and _stated_sum(b) and not same_source(key_a, key_b)


def _stated_sum(figure: Figure) -> bool:
    """A sum stated as a fact: not guessed, and not a bound ("will cost at least 2.9 billion euros" is an
    estimate however it is worded; a source's own result is stated exactly)."""
    return figure.status not in GUESSED_STATUSES and figure.qualifier not in _LOWER_BOUNDS | _UPPER_BOUNDS


def same_source(a: str, b: str) -> bool:
    """Whether two source keys may name one source ("police" and "moscow police"): two names for one source must
    never read as two sources disagreeing."""
    return one_name(a, b)


def values_agree(a: Figure, b: Figure, *, one_source: bool = False) -> bool:
    """Whether two figures can both be right: same value or range, or one a bound the other lies within.

    Between two sources a bound agrees with values just past it ("at least 17" and 18, not "at least 28" and
    "about 40": two sources' estimates). One source's bound and its later value agree whenever both can be
    true ("more than 3 debates", then 11): that is no revision.
    """
    if (a.value, a.upper) == (b.value, b.upper):
        return True
    if one_source and (_bounds(a, b) or _bounds(b, a)):
        return True
    if _group_within(a, b) or _group_within(b, a):
        return True
    if _bodies_within(a, b) or _bodies_within(b, a):
        return True
    return _within(a, b) or _within(b, a) or _rounded(a, b) or _rounded(b, a)


def _group_within(group: Figure, whole: Figure) -> bool:
    """'47 teenagers were detained' and '295 were detained': a group's count (`PERSON_GROUPS`) is part of a count
    that names no group, and agrees with it while no larger ("four children died" against "two deaths" does not)."""
    if family_of(group.counted or "", PERSON_GROUPS) is None or whole.counted not in (None, GENERIC_COUNTED):
        return False
    if group.quantity == POPULATION:
        return False  # "418,000 residents" and "a population of 505,000" count all the people there
    return (group.upper if group.upper is not None else group.value) <= whole.value


def _bodies_within(bodies: Figure, toll: Figure) -> bool:
    """'23 bodies had been recovered' and 'at least 40 people had died': bodies found so far are no more than the
    dead, and agree with a toll while no larger ("212 bodies" against a toll of 170 does not)."""
    if bodies.quantity != BODIES_FOUND or toll.quantity != TOLL_QUANTITY:
        return False
    return (bodies.upper if bodies.upper is not None else bodies.value) <= (
        toll.upper if toll.upper is not None else toll.value
    ) or _rounded(toll, bodies)


def _bounds(bound: Figure, other: Figure) -> bool:
    low, high = other.value, other.upper if other.upper is not None else other.value
    if bound.qualifier in _LOWER_BOUNDS:
        return low >= bound.value
    if bound.qualifier in _UPPER_BOUNDS:
        return high <= bound.value
    return False


def _rounded(approximate: Figure, other: Figure) -> bool:
    """'nearly 50' and 46, 'about 6,000' and 5,800: a rounded value and a precise one near it. Two rounded values
    from two sources ('around 100', 'about 110') are two estimates."""
    if approximate.qualifier not in APPROXIMATE_QUALIFIERS or approximate.upper is not None:
        return False
    # ("nearly 180 passengers are missing" and "as many as 178": a bound near a rounded value says the same)
    bound = other.qualifier in _LOWER_BOUNDS or other.qualifier in _UPPER_BOUNDS
    if (other.qualifier is not None and not bound) or other.upper is not None:
        return False
    # "about 6,000" is rounded to the thousand and agrees with 5,800; "about 3.2 million" is rounded to the
    # hundred thousand and does not agree with 3.3 million.
    difference = abs(other.value - approximate.value)
    return difference <= APPROXIMATION_TOLERANCE * abs(approximate.value) and difference < _rounding(approximate.value)


def _rounding(value: float) -> float:
    """The place a stated value is rounded to: 6,000 -> 1,000; 3,200,000 -> 100,000; 46 -> 1; 3.5 -> 0.1."""
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    digits = text.rstrip("0")
    return 10.0 ** (len(text) - len(digits)) if digits else 1.0


def _on_one_scale(indexes: list[int], figures: list[Figure], structures: list[Structure]) -> list[int]:
    """Leave out values too far from the group's middle value to count the same thing (`MAX_SOURCE_RATIO`)."""
    if len(indexes) < 2:
        return indexes
    values = sorted(abs(figures[i].value) for i in indexes)
    median = values[len(values) // 2]
    paired = {structures[i].revision_pair for i in indexes} - {None}
    # A revision's two values stand together ("revised from 0.1 per cent to zero") when they are all there is.
    if len(paired) == 1 and all(structures[i].revision_pair in paired for i in indexes):
        return indexes
    return [i for i in indexes if same_scale_values(abs(figures[i].value), median)]


def _values(figure: Figure) -> tuple:
    return figure.value, figure.upper


def _one_revision(a: Structure, b: Structure) -> bool:
    """Two values of one revision stated in one clause ("revised from 0.1 per cent to zero"): one measure,
    however far apart."""
    return a.revision_pair is not None and a.revision_pair == b.revision_pair


def same_scale(a: Figure, b: Figure) -> bool:
    """Whether two values are near enough (`MAX_SOURCE_RATIO`) to count one thing."""
    return same_scale_values(abs(a.value), abs(b.value))


def _within(bound: Figure, other: Figure) -> bool:
    low, high = other.value, other.upper if other.upper is not None else other.value
    if bound.upper is not None:
        return bound.value <= low and high <= bound.upper
    if bound.qualifier in _LOWER_BOUNDS:
        return bound.value <= low <= bound.value * (1 + BOUND_TOLERANCE)
    if bound.qualifier in _UPPER_BOUNDS:
        return bound.value * (1 - BOUND_TOLERANCE) <= high <= bound.value
    return False


def _clusters(indexes: list[int], structures: list[Structure]) -> list[list[int]]:
    """Groups of figures compatible with every member. Members are compared by their distinct signatures (what
    `compatible` reads), so a text repeating one figure a thousand times costs no more than one repeating it once.
    A figure of a revision stated in its clause is compatible with no other clause's revision (`compatible`), so
    it is looked for only among the groups of its own revision and those of none: a text of a thousand revisions
    stays linear."""
    clusters: list[tuple[list[int], dict[tuple, Structure]]] = []
    unrevised: list[int] = []  # the groups holding no revision's figure, in the order they were made
    by_revision: dict[int, list[int]] = defaultdict(list)  # the groups holding one revision's figures
    for index in indexes:
        structure = structures[index]
        signature = structure.signature()
        pair = structure.revision_pair
        candidates = range(len(clusters)) if pair is None else sorted(unrevised + by_revision[pair])
        for number in candidates:
            members, signatures = clusters[number]
            if all(compatible(structure, other) for other in signatures.values()):
                members.append(index)
                signatures.setdefault(signature, structure)
                if pair is not None and number in unrevised:
                    unrevised.remove(number)
                    by_revision[pair].append(number)
                break
        else:
            clusters.append(([index], {signature: structure}))
            (unrevised if pair is None else by_revision[pair]).append(len(clusters) - 1)
    return [members for members, _signatures in clusters]


def _readings(indexes: list[int], figures: list[Figure], keys: dict[int, str], newer: list[int]) -> list[int]:
    """One figure for each distinct reading (value, bound, source, revised or not): the pairs worth comparing."""
    revised = set(newer)
    seen: dict[tuple, int] = {}
    for i in indexes:
        figure = figures[i]
        seen.setdefault((figure.value, figure.upper, figure.qualifier, keys[i], i in revised), i)
    return list(seen.values())


def _without_parts(indexes: list[int], figures: list[Figure], structures: list[Structure]) -> list[int]:
    """'12 civilians and 3 soldiers were killed': one claim giving several values of one measure lists parts of
    a whole — unless it revises itself ('magnitude 5.9, later upgraded to 6.0')."""
    by_claim: dict[tuple, list[int]] = defaultdict(list)
    for i in indexes:
        # Parts are listed under one verb; two estimates in one sentence ("analysts expected X, while a
        # consensus pointed to Y") have a verb each.
        # A value and its restatement in another unit ("$410 million, or 52 cents a share") are no parts of
        # one another: parts share their unit.
        by_claim[(figures[i].claim, structures[i].clause, figures[i].unit)].append(i)
    kept = []
    for claim, members in by_claim.items():
        distinct = {(figures[i].value, figures[i].upper) for i in members}
        if claim[0] is None or len(distinct) < 2 or any(structures[i].revises for i in members):
            kept.extend(members)
        elif len({figures[i].source for i in members}) > 1 and not _opposite_bounds(members, figures):
            # A figure with a holder of its own ("earned $1.12, short of the $1.20 analysts had expected") is
            # another source's; "at least 60,000 and up to 100,000" is still one range, however attributed.
            kept.extend(members)
    return sorted(kept)


# How many different values one source may give of one measure, none a revision, before they must be of different
# things: "Analysts had expected sales of around 2.5 million Mac units and 18.5 million iPods ... roughly 5 million
# units" (two values side by side may still be two estimates of one thing).
LISTED_VALUES = 3


def _sources_list(
    readings: list[int], figures: list[Figure], structures: list[Structure], keys: dict[int, str], newer: list[int]
) -> bool:
    """Whether the group's values are lists of several things the structure could not tell apart, none of them
    comparable: one source gives `LISTED_VALUES` or more different values of the measure, or two sources give
    several each ("sold 9.4 million units ... 3.3 million units" against analysts' "1.5 million units ... 4
    million units"), none of them a revision."""
    values: dict[str, set[tuple]] = defaultdict(set)
    for i in readings:
        if i not in newer and structures[i].revision_pair is None:
            values[keys[i]].add(_values(figures[i]))
    several = [len(stated) for stated in values.values() if len(stated) > 1]
    return len(several) > 1 or any(count >= LISTED_VALUES for count in several)


def _several_own_results(readings: list[int], figures: list[Figure], keys: dict[int, str]) -> bool:
    """Sums of money stated as facts by several sources ("Alphabet reported earnings of $8.42 a share ... Amazon
    reported a profit of $1.78 per share"): most often each one's own result, and an expectation in the group
    can't be told apart as one company's or another's. Precision first: such a group flags nothing."""
    stated = {keys[i] for i in readings if _stated_sum(figures[i]) and in_currency(figures[i].unit)}
    return len([key for key in stated if not any(same_source(key, other) for other in stated if other < key)]) > 1


def _several_own_actions(
    readings: list[int], figures: list[Figure], structures: list[Structure], keys: dict[int, str]
) -> bool:
    """'Kelvar said it would cut 4,000 jobs. Its rival Morrow said it would cut 2,500': several sources each telling
    of what they do themselves, or of their own customers, tell of several events. (A toll is no one's own: "its
    forces killed 640", "its own losses at 45" count one side's dead, told apart by side.)"""
    own = {
        keys[i]
        for i in readings
        # (what others expected of it is no one's own: "it earned $1.12, short of the $1.20 analysts expected")
        if structures[i].own_action and structures[i].quantity not in PERSON_EVENTS and structures[i].status != "forecast"
    }
    return len([key for key in own if not any(same_source(key, other) for other in own if other < key)]) > 1


def _opposite_bounds(members: list[int], figures: list[Figure]) -> bool:
    """Whether a lower bound and an upper bound stand among the figures: 'at least 60,000 and up to 100,000'."""
    qualifiers = {figures[i].qualifier for i in members}
    return bool(qualifiers & _LOWER_BOUNDS) and bool(qualifiers & _UPPER_BOUNDS)


def find_conflicts(
    figures: list[Figure],
    claims: list[Claim],
    structures: list[Structure],
    comparable: list[bool],
    event: str | None = None,
) -> list[Conflict]:
    """Group comparable figures by structure and report each group whose values can't all be right.

    `comparable[i]` says whether figure i may be compared at all (see the analyzer); `event` names the
    article's event for the notes ('the Tormaine landslide').
    """
    candidates = [i for i, ok in enumerate(comparable) if ok]
    starts = [figure.span.start for figure in figures]  # in text order: the figures are found in reading order
    conflicts = []
    for cluster in _clusters(candidates, structures):
        indexes = _on_one_scale(_without_parts(cluster, figures, structures), figures, structures)
        keys = _one_key_per_abbreviation({i: _source_key(figures[i], claims, structures[i]) for i in indexes})
        indexes = _without_summed_parts(indexes, figures, keys)
        indexes, newer = _one_reading_per_source(indexes, figures, structures, keys)
        readings = _readings(indexes, figures, keys, newer)
        # Sources disagreeing give a few values; a dozen values of one measure is a table or a list of parts.
        if not 2 <= len(readings) <= MAX_READINGS:
            continue
        if _several_own_results(readings, figures, keys) or _several_own_actions(readings, figures, structures, keys):
            continue
        if _sources_list(readings, figures, structures, keys, newer):
            continue
        differing = [
            (i, j)
            for a, i in enumerate(readings)
            for j in readings[a + 1 :]
            if (
                not values_agree(figures[i], figures[j], one_source=same_source(keys[i], keys[j]))
                # "no more than 383 million, down from its earlier estimate of up to 500 million": a revision the
                # clause states is one, bounds or not
                or (_one_revision(structures[i], structures[j]) and _values(figures[i]) != _values(figures[j]))
            )
            and (same_scale(figures[i], figures[j]) or _one_revision(structures[i], structures[j]))
            and not _own_results(figures[i], figures[j], keys[i], keys[j])
            # (a revision its clause states is one, whichever of its values the source repeats elsewhere)
            and (not same_source(keys[i], keys[j]) or j in newer or i in newer or _one_revision(structures[i], structures[j]))
            and not (same_source(keys[i], keys[j]) and _difference_stated(figures[i], figures[j], figures, starts))
        ]
        if not differing:
            continue
        # A figure its own source later revised no longer speaks for that source: "raised the toll from 12 to
        # 19" and a hospital's 19 agree.
        superseded = {
            e
            for n in newer
            for e in readings
            if keys[e] == keys[n]
            and figures[e].span.start < figures[n].span.start
            and not values_agree(figures[e], figures[n], one_source=True)
        }
        between_sources = any(
            not same_source(keys[i], keys[j]) and i not in superseded and j not in superseded
            for i, j in differing
        )
        # A value that agrees with every other ("12 bodies" beside tolls of 20 and 60) is no part of the
        # disagreement, and showing it beside "vs" would say it is.
        disputed = {_values(figures[i]) for pair in differing for i in pair}
        shown = [i for i in indexes if _values(figures[i]) in disputed]
        shown_newer = [i for i in newer if i in shown]
        conflicts.append(
            _conflict(shown, figures, claims, structures[shown[0]], between_sources, shown_newer, event)
        )
    return conflicts


# How far (in characters) from a revised figure the difference that explains it may be stated: "lowered to 31 from
# 37 after six people were found alive".
DIFFERENCE_WINDOW = 200


def _without_summed_parts(indexes: list[int], figures: list[Figure], keys: dict[int, str]) -> list[int]:
    """'"Eleven people are dead. Nine were brought to us already dead and two died in surgery"': a source's values
    that follow one another near its total and add up to it exactly are the total's parts, no other counts."""
    parts: set[int] = set()
    exact = [i for i in indexes if figures[i].upper is None and figures[i].qualifier is None]
    if len(exact) > MAX_SUMMED_GROUP:
        return indexes  # a table, not a toll and its breakdown; and each total reads its neighbours
    for total in exact:
        near = [
            i
            for i in exact
            if i != total
            and keys[i] == keys[total]
            and abs(figures[i].span.start - figures[total].span.start) <= DIFFERENCE_WINDOW
            and figures[i].value < figures[total].value
        ]
        near.sort(key=lambda i: figures[i].span.start)
        for first in range(len(near)):
            run_sum = 0.0
            for last in range(first, len(near)):
                run_sum += figures[near[last]].value
                if run_sum >= figures[total].value:
                    if run_sum == figures[total].value and last > first:
                        parts.update(near[first : last + 1])
                    break
    return [i for i in indexes if i not in parts]


def _difference_stated(a: Figure, b: Figure, figures: list[Figure], starts: list[int]) -> bool:
    """Whether a source's two values differ by a number stated beside the later one ("lowered to 31 from 37
    after six people were found alive", "12,400 acres, 600 acres less than reported"): the change is accounted
    for, an update rather than two values at odds."""
    if a.upper is not None or b.upper is not None:
        return False
    difference = abs(a.value - b.value)
    later = max(a.span.start, b.span.start)
    low = bisect.bisect_left(starts, later - DIFFERENCE_WINDOW)
    high = bisect.bisect_right(starts, later + DIFFERENCE_WINDOW)
    return any(
        figures[k] is not a and figures[k] is not b and figures[k].value == difference for k in range(low, high)
    )


def _one_key_per_abbreviation(keys: dict[int, str]) -> dict[int, str]:
    """'usgs' and 'u.s. geological survey' are one source, whose revision ("The USGS later revised its reading
    down to 6.8") is its own: each abbreviation takes the key of the name it abbreviates."""
    distinct = set(keys.values())
    names = sorted(key for key in distinct if " " in key)
    # (only a one-word key may abbreviate; most groups have none, or one or two)
    full = {key: next((name for name in names if abbreviates(key, name)), key) for key in distinct if " " not in key}
    return {i: full.get(key, key) for i, key in keys.items()}


def _one_reading_per_source(
    indexes: list[int], figures: list[Figure], structures: list[Structure], keys: dict[int, str]
) -> tuple[list[int], list[int]]:
    """A source's figures in text order: one that differs from its earlier ones is kept when it is a later
    statement (a revision, marked `newer`); otherwise it most likely counts something the structure could not
    tell apart ('14 million registered users' after '2.3 million users affected') and is left out."""
    kept: list[int] = []
    newer: list[int] = []
    # A source's earlier figures, one per distinct value, so a source repeating itself costs nothing more.
    seen: dict[str, dict[tuple, int]] = defaultdict(dict)
    claims_seen: dict[str, set[int | None]] = defaultdict(set)
    # The values each revision stated in one clause revised its figure to, by the revision's pair.
    revised_values: dict[int, set[tuple]] = defaultdict(set)
    for k in indexes:
        if structures[k].revision_pair is not None and not structures[k].prior:
            revised_values[structures[k].revision_pair].add(_values(figures[k]))
    for i in sorted(indexes, key=lambda k: _stated_order(figures[k], structures[k])):
        earlier_by_value = seen[keys[i]]
        earlier = list(earlier_by_value.values())  # the latest figure of each value, latest value last
        same_claim = figures[i].claim in claims_seen[keys[i]]
        agrees = any(
            values_agree(figures[e], figures[i], one_source=True)
            and not (_one_revision(structures[e], structures[i]) and _values(figures[e]) != _values(figures[i]))
            and not _restates_the_revised(figures[e], structures[e], figures[i], revised_values)
            for e in earlier
        )
        if keys[i] == ARTICLE_KEY or not earlier or agrees:
            kept.append(i)
        elif later_statement(structures[earlier[-1]], structures[i]):
            if _count_goes_on(figures[earlier[-1]], figures[i], structures[earlier[-1]], structures[i]):
                # "Earlier, police had put the toll at 25" ... "killing at least 31, police said": a count that
                # rises as it goes on replaces the source's earlier one; there is no revision to show.
                kept.remove(earlier[-1])
            else:
                newer.append(i)
            kept.append(i)
        elif same_claim:
            kept.append(i)  # one statement setting two estimates side by side (parts were removed before)
        else:
            continue
        value = (figures[i].value, figures[i].upper, figures[i].qualifier)
        earlier_by_value.pop(value, None)
        earlier_by_value[value] = i
        claims_seen[keys[i]].add(figures[i].claim)
    return sorted(kept), newer


def _restates_the_revised(
    prior: Figure, prior_structure: Structure, figure: Figure, revised_values: dict[int, set[tuple]]
) -> bool:
    """'Authorities revise death toll to 18' over 'revised the toll to 18 people from as high as 22': a figure
    restating the new value of a revision differs from the value revised, whatever bound that value was given
    ("as high as 22" allows 18, but the source no longer says it)."""
    pair = prior_structure.revision_pair
    if pair is None or not prior_structure.prior or _values(prior) == _values(figure):
        return False
    return _values(figure) in revised_values.get(pair, ())


def _count_goes_on(before: Figure, after: Figure, earlier: Structure, later: Structure) -> bool:
    """Whether one source's later figure continues its count rather than revising it, with no verb of revising
    ("revised", "raised", "lowered"): a count that grows as the event goes on (`GROWING_COUNTS`: a toll, what
    happened to people, the ground a fire burned) and rises, or a passing state at its new level (`PASSING_STATES`)."""
    # A prior statement ("its initial count of 35 was revised") was revised, whichever way its count went.
    unrevised = (
        not (earlier.revises or later.revises or earlier.prior)
        and earlier.revision_pair is None
        and later.revision_pair is None
    )
    rises = after.value > (before.upper if before.upper is not None else before.value)
    return unrevised and ((later.quantity in GROWING_COUNTS and rises) or later.quantity in PASSING_STATES)


def _stated_order(figure: Figure, structure: Structure) -> float:
    """Where a figure stands in the order its source stated them: text order, except that a revised value
    ("revised up to 7.8 percent from 7.7 percent") was stated after the prior one beside it, and a statement
    marked as earlier ("initially said", "had earlier put", "revising its initial count of 18") before every
    unmarked one."""
    if structure.revision_pair is not None and not structure.prior:
        return max(figure.span.start, structure.revision_pair) + 0.5
    if structure.time_marker in EARLIER_WORDS or structure.prior:
        return figure.span.start - STATED_EARLIER  # "had earlier put the number at 400,000"
    return figure.span.start


def _conflict(
    indexes: list[int],
    figures: list[Figure],
    claims: list[Claim],
    structure: Structure,
    between_sources: bool,
    newer: list[int],
    event: str | None,
) -> Conflict:
    subject = structure.readable()
    measures = Counter(figures[i].measure for i in indexes if figures[i].measure)
    measure = measures.most_common(1)[0][0] if measures else subject
    by_value: dict[tuple, list[int]] = defaultdict(list)
    for i in indexes:
        by_value[(figures[i].value, figures[i].upper)].append(i)
    parts = []
    for value in sorted(by_value, key=lambda v: min(figures[i].span.start for i in by_value[v])):
        # Name the value as its first attributed source gives it ("17", not the headline's "at least 17").
        members = sorted(by_value[value], key=lambda i: (figures[i].claim is None, figures[i].span.start))
        labels = list(dict.fromkeys(source_label(figures[i], claims) for i in members))
        marker = ", newer" if any(i in newer for i in members) else ""
        parts.append(f"{format_figure(figures[members[0]])} ({'; '.join(labels)}{marker})")
    # A figure for a place of its own is about that place, not the article's event at large.
    about = f"{subject} in {event}" if event and not structure.place else subject
    if between_sources:
        why = "different sources give different figures"
        if newer:
            why += "; a source also revised its own figure"
    else:
        why = "the same source revised its figure"
    note = f"{about}: {' vs '.join(parts)} — {why}"
    return Conflict(
        measure=measure,
        figures=sorted(indexes),
        note=note,
        subject=subject,
        event=event,
        reason="sources" if between_sources else "revision",
        newer=sorted(newer),
    )
