"""Whether two articles report the same event, and why.

The decision rests on what the articles share, weighted by how telling each shared thing is:

- specific names (a town, a militia, a spokesman) weigh most; broad names (a country, "Pentagon", "UN")
  little, and a name that recurs across many of a chat's stories is treated as broad;
- two articles must share at least two specific names, so one politician or one country is never enough
  (three when they name no kind of event in common: then names are all there is to go on);
- when both leads (headline and first paragraph) name something specific, one of the shared names must be in
  a lead: the lead says what happened where, while spokesmen, ministries and presidents recur across the
  events of a conflict. (A lead naming nothing specific, "At least 17 killed in strikes", decides nothing.)
- when both articles name the kind of event (airstrike, earthquake, protest), the kinds must meet;
- the weighted share of what they have in common must reach `SAME_STORY_SCORE`.

The shared terms, most telling first, are the "why" shown to people ("Qasr Miral, Liwa al-Nasr, airstrike").
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

from bot.stories.fingerprint import Fingerprint, Term
from bot.stories.reading import days_apart
from bot.stories.terms import FOCUS_PREFIX, NAME_PREFIX

KIND_WEIGHTS = {
    "name": 3.0,
    "event": 1.5,
    "date": 1.0,
    "broad": 0.75,
    "measure": 0.5,
    # What the article's own event is decides (see `_different_events`); it adds nothing to the score.
    "focus": 0.0,
    "kind": 0.0,
    "day": 0.0,
}
_DECIDING_KINDS = frozenset(["focus", "kind", "day"])
# Two events of one kind whose days are further apart than this are two events (a march a week after a rally,
# a blast three weeks after another, a strike a month after pay talks): reports of one event follow it within
# a few days. Lasting events (an outbreak) are reported over weeks.
EVENT_DAYS_APART = 3
LASTING_EVENT_DAYS_APART = 45
LASTING_KINDS = frozenset(["outbreak", "war", "drought"])
# A person or organisation in a headline is what the article is about when the article names it this often;
# then the other article must name it too, and name the one it is most about in its lead or repeatedly.
FOCUS_MIN_MENTIONS = 3
PROTAGONIST_MIN_MENTIONS = 2
SAME_STORY_SCORE = 0.25
MIN_SHARED_SPECIFIC = 2
# In a chat with this many stories (or lone articles) or more, a name found in `COMMON_NAME_SHARE` of them,
# and in at least `COMMON_MIN_STORIES`, counts as broad: a politician in the news every day, not an event.
MIN_STORIES_FOR_STATS = 10
COMMON_NAME_SHARE = 0.05
COMMON_MIN_STORIES = 3
MAX_WHY = 8


@dataclass(frozen=True)
class TermStats:
    """In how many of a chat's stories each term appears, for telling recurring names from telling ones.

    The unit is the story, not the article: ten articles about one strike make its town frequent, but the
    town still singles out that strike. An article in no story is a unit of its own. Storage can fill this
    with one indexed query over the new article's keys (`COUNT(DISTINCT story)` grouped by term).
    """

    documents: int = 0
    frequency: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_fingerprints(
        cls, fingerprints: Sequence[Fingerprint], stories: Sequence[Hashable | None] | None = None
    ) -> TermStats:
        """Statistics over fingerprints; `stories[i]` is the story of fingerprint i (None: a unit of its own)."""
        units: dict[Hashable, set[str]] = {}
        for index, fingerprint in enumerate(fingerprints):
            story = stories[index] if stories is not None else None
            unit = ("story", story) if story is not None else ("article", index)
            units.setdefault(unit, set()).update(fingerprint.terms)
        counts: dict[str, int] = {}
        for keys in units.values():
            for key in keys:
                counts[key] = counts.get(key, 0) + 1
        return cls(documents=len(units), frequency=counts)

    def is_common(self, key: str) -> bool:
        """Whether a key recurs across so many of the chat's stories that it no longer singles out an event."""
        if self.documents < MIN_STORIES_FOR_STATS:
            return False
        count = self.frequency.get(key, 0)
        return count >= COMMON_MIN_STORIES and count / self.documents >= COMMON_NAME_SHARE


@dataclass(frozen=True)
class Similarity:
    """The verdict on two articles: the score, whether they are one story, the shared terms and the reason."""

    score: float
    same_story: bool
    why: tuple[str, ...]
    shared_specific: int
    reason: str


def term_weight(term: Term, stats: TermStats | None = None) -> float:
    """How telling a term is: its kind's weight, with names common in the chat weighed as broad."""
    if term.kind == "name" and stats is not None and stats.is_common(term.key):
        return KIND_WEIGHTS["broad"]
    return KIND_WEIGHTS[term.kind]


def is_specific(term: Term, stats: TermStats | None = None) -> bool:
    """A name that singles out an event: not broad by nature, not common in the chat."""
    return term.kind == "name" and not (stats is not None and stats.is_common(term.key))


def _entity_weights(fingerprint: Fingerprint, stats: TermStats | None) -> dict[str, float]:
    weights: dict[str, float] = {}
    for term in fingerprint.terms.values():
        weights[term.entity] = max(weights.get(term.entity, 0.0), term_weight(term, stats))
    return weights


def shared_terms(
    a: Fingerprint, b: Fingerprint, stats: TermStats | None = None
) -> list[tuple[Term, Term, float]]:
    """What two articles share, one entry per thing named (aliases count once), most telling first.

    Each entry is (term in a, term in b, weight). "John Kirby" in one article and "Kirby" in the other match
    through the alias key both carry.
    """
    matches = []
    for key in a.terms.keys() & b.terms.keys():
        term_a, term_b = a.terms[key], b.terms[key]
        if term_a.kind in _DECIDING_KINDS:
            continue
        weight = min(term_weight(term_a, stats), term_weight(term_b, stats))
        matches.append((term_a, term_b, weight))
    # Prefer the fullest form of a name when several keys of one entity match.
    matches.sort(key=lambda m: (-m[2], -min(m[0].count, m[1].count), -len(m[0].key), m[0].key))
    used_a: set[str] = set()
    used_b: set[str] = set()
    shared = []
    for term_a, term_b, weight in matches:
        if term_a.entity in used_a or term_b.entity in used_b:
            continue
        used_a.add(term_a.entity)
        used_b.add(term_b.entity)
        shared.append((term_a, term_b, weight))
    return shared


def display_of(term_a: Term, term_b: Term) -> str:
    """The fuller of two displays of one shared thing ("John Kirby" over "Kirby")."""
    return term_a.display if len(term_a.display) >= len(term_b.display) else term_b.display


def compare_fingerprints(a: Fingerprint, b: Fingerprint, stats: TermStats | None = None) -> Similarity:
    """Whether `a` and `b` report the same event, with the score, the shared terms and a reason in words."""
    shared = shared_terms(a, b, stats)
    why = tuple(display_of(term_a, term_b) for term_a, term_b, _ in shared[:MAX_WHY])
    total_a = sum(_entity_weights(a, stats).values())
    total_b = sum(_entity_weights(b, stats).values())
    shared_weight = sum(weight for *_, weight in shared)
    score = shared_weight / math.sqrt(total_a * total_b) if total_a and total_b else 0.0
    specific_pairs = [(ta, tb) for ta, tb, _ in shared if is_specific(ta, stats) and is_specific(tb, stats)]
    specific = len(specific_pairs)

    different = different_events(a, b)
    if different:
        return Similarity(score, False, why, specific, different)
    events_a = {t.display for t in a.terms.values() if t.kind == "event"}
    events_b = {t.display for t in b.terms.values() if t.kind == "event"}
    # Without an event both describe, names are all there is to go on: ask for one more.
    needed = MIN_SHARED_SPECIFIC if events_a & events_b else MIN_SHARED_SPECIFIC + 1
    if specific < needed:
        reason = f"only {specific} specific name{'s' if specific != 1 else ''} in common"
        return Similarity(score, False, why, specific, reason)
    leads_name_something = _lead_is_specific(a, stats) and _lead_is_specific(b, stats)
    if leads_name_something and not any(term_a.lead or term_b.lead for term_a, term_b in specific_pairs):
        return Similarity(score, False, why, specific, "their leads name different places and groups")
    if score < SAME_STORY_SCORE:
        return Similarity(score, False, why, specific, f"too little in common (score {score:.2f})")
    return Similarity(score, True, why, specific, f"same story: {', '.join(why)}")


def _different_events(a: Fingerprint, b: Fingerprint, *, reverse: bool = False) -> str:
    """Why `a` and `b` report two events, judged by what each says its own event is; '' when nothing says so.

    - the kinds their headlines and first sentences name don't meet (pay talks vs a strike);
    - their events' days are too far apart (the previous blast, three weeks earlier);
    - `a`'s headline names something `a` is about and `b` never mentions (Quillon buys *Tessaly*), or the
      name `a` is most about is neither in `b`'s lead nor named repeatedly in `b` (*Stanek* wins).
    Checked from `a` to `b`; the caller checks both ways (`reverse` only marks the second call).
    """
    if not reverse:
        kinds_a = {t.display for t in a.terms.values() if t.kind == "kind"}
        kinds_b = {t.display for t in b.terms.values() if t.kind == "kind"}
        named_a = {t.display for t in a.terms.values() if t.kind == "event"}
        named_b = {t.display for t in b.terms.values() if t.kind == "event"}
        # The headline names one kind; an article that also speaks of the other's kind may be the same event
        # seen from another side ("cholera spreads" after "floods").
        if kinds_a and kinds_b and not kinds_a & (kinds_b | named_b) and not kinds_b & named_a:
            return f"different events: {', '.join(sorted(kinds_a))} vs {', '.join(sorted(kinds_b))}"
        day_a = _day(a)
        day_b = _day(b)
        if day_a is not None and day_b is not None:
            window = LASTING_EVENT_DAYS_APART if (kinds_a | kinds_b) & LASTING_KINDS else EVENT_DAYS_APART
            gap = days_apart(day_a, day_b)
            if gap > window:
                return f"different days: {gap} days apart"
    focus: dict[str, list[Term]] = {}
    for term in a.terms.values():
        if term.kind == "focus":
            focus.setdefault(term.entity, []).append(term)
    if not focus or not any(t.kind == "name" for t in b.terms.values()):
        return ""

    def in_b(aliases: list[Term]) -> list[Term]:
        return [
            found
            for alias in aliases
            if (found := b.terms.get(NAME_PREFIX + alias.key[len(FOCUS_PREFIX) :])) is not None
        ]

    for aliases in focus.values():
        if aliases[0].count >= FOCUS_MIN_MENTIONS and not in_b(aliases):
            return f"{aliases[0].display} is what one article is about; the other never names it"
    protagonist = max(focus.values(), key=lambda aliases: aliases[0].count)
    if protagonist[0].count < FOCUS_MIN_MENTIONS:
        return ""
    mentions = in_b(protagonist)
    if (
        not any(t.lead for t in mentions)
        and max((t.count for t in mentions), default=0) < PROTAGONIST_MIN_MENTIONS
    ):
        return f"one article is about {protagonist[0].display}; the other only mentions it in passing"
    return ""


def event_agreement(a: Fingerprint, b: Fingerprint) -> int:
    """How far what two articles say of their own events agrees: +1 for each of kind and day that match, -1
    for each that differs (unknown on either side: 0). It ranks the stories an article could join: a strike
    report that also matches the pay talks of a month before goes with the other strike reports."""
    agreement = 0
    for kind in ("kind",):
        values_a = {t.display for t in a.terms.values() if t.kind == kind}
        values_b = {t.display for t in b.terms.values() if t.kind == kind}
        if values_a and values_b:
            agreement += 1 if values_a & values_b else -1
    day_a, day_b = _day(a), _day(b)
    if day_a is not None and day_b is not None:
        agreement += 1 if days_apart(day_a, day_b) <= 1 else -1
    return agreement


def different_events(a: Fingerprint, b: Fingerprint) -> str:
    """Why two articles report two events (kind, day or what their headlines are about), or ''."""
    return _different_events(a, b) or _different_events(b, a, reverse=True)


def _day(fingerprint: Fingerprint) -> tuple[int, int] | None:
    for term in fingerprint.terms.values():
        if term.kind == "day":
            month, day = term.key.split(":", 1)[1].split("-")
            return int(month), int(day)
    return None


def _lead_is_specific(fingerprint: Fingerprint, stats: TermStats | None) -> bool:
    return any(term.lead and is_specific(term, stats) for term in fingerprint.terms.values())


def story_why(fingerprints: Sequence[Fingerprint], stats: TermStats | None = None) -> tuple[str, ...]:
    """Why several articles are one story: what at least two of them share, most telling first.

    Ranked by weight (specific names before event kinds, dates and broad names), then by how many articles
    have it in their lead, how many share it at all, and how often they mention it.
    """
    found: dict[str, dict] = {}
    for i in range(len(fingerprints)):
        for j in range(i + 1, len(fingerprints)):
            for term_a, term_b, weight in shared_terms(fingerprints[i], fingerprints[j], stats):
                entry = found.setdefault(
                    term_a.entity,
                    {"weight": weight, "members": set(), "lead": set(), "mentions": {}, "display": ""},
                )
                entry["weight"] = max(entry["weight"], weight)
                entry["members"] |= {i, j}
                entry["lead"] |= {k for k, term in ((i, term_a), (j, term_b)) if term.lead}
                entry["mentions"][i], entry["mentions"][j] = term_a.count, term_b.count
                display = display_of(term_a, term_b)
                if len(display) > len(entry["display"]):
                    entry["display"] = display
    ranked = sorted(
        found.values(),
        key=lambda e: (
            -e["weight"],
            -len(e["lead"]),
            -len(e["members"]),
            -sum(e["mentions"].values()),
            e["display"],
        ),
    )
    why: list[str] = []
    for entry in ranked:
        if entry["display"] not in why:
            why.append(entry["display"])
    return tuple(why[:MAX_WHY])
