"""How long it takes to place a new article among 1,000 stored ones of a chat.

    .venv/bin/python benchmarks/bench_stories.py [--stored N] [--new N]

Articles: the PolNeAR news texts in ../shared/polnear (the last ones arrive as new, the others are stored),
topped up with generated articles to reach N. Each gets a fingerprint; candidates for a new article are
found through an inverted index of `Fingerprint.lookup_keys()` (what storage keeps in an indexed
(chat_id, term) table) and scored with `place_article`. Fingerprints are made from the engine's reports (the
analysis itself is timed by bench_analysis.py and not counted here). Printed: fingerprint time per article, the lookup and
placement time per new article (median and 95th percentile), the same against a full scan for contrast, and the
same candidate query on an in-memory SQLite table with its query plan (it must use the index).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import time
from collections import Counter
from pathlib import Path

from bot.article import Article
from bot.engine import analyze_many
from bot.stories import Candidate, Fingerprint, TermStats, fingerprint, place_article
from bot.stories.similarity import MIN_SHARED_SPECIFIC

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "polnear"


def article_texts(stored: int, new: int) -> tuple[list[str], list[str], str]:
    """`stored` texts already in the chat, `new` different texts arriving, and where they came from.

    PolNeAR texts are split between the two (new ones are never copies of stored ones); generated articles
    fill up whatever PolNeAR doesn't cover.
    """
    texts = [path.read_text(encoding="utf-8") for path in sorted(POLNEAR.glob("*/text/*.txt"))]
    arriving = texts[-new:] if len(texts) > new else []
    kept = texts[: len(texts) - len(arriving)][:stored]
    padding = stored - len(kept)
    kept += [generated_article(random.Random(i)) for i in range(padding)]
    arriving += [generated_article(random.Random(-1 - i)) for i in range(new - len(arriving))]
    origin = f"{len(kept) - padding} PolNeAR texts + {padding} generated" if texts else "generated articles"
    return kept, arriving, origin


def generated_article(rng: random.Random) -> str:
    """A made-up wire story: invented places, groups and people, one event, a toll and a source."""

    def name() -> str:
        return "".join(
            rng.choice(["ka", "vel", "dor", "mi", "ran", "sa", "tul", "or", "ne", "bri"]) for _ in range(3)
        )

    place, province, group, person, country = (name().title() for _ in range(5))
    event = rng.choice(["airstrike", "earthquake", "flood", "protest", "explosion", "fire"])
    toll = rng.randint(2, 90)
    return (
        f"A {event} near the town of {place} in {country}'s {province} province killed at least {toll} people "
        f"on Tuesday, the {group} Monitor said.\n\n{person}, a spokesman for the {group} Monitor, told reporters "
        f"that rescue teams were still searching {place} and that the {event} had destroyed dozens of homes.\n\n"
        f"Officials in {country} said the toll could rise."
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=1000, help="articles already in the chat")
    parser.add_argument("--new", type=int, default=100, help="new articles to place, one at a time")
    args = parser.parse_args()

    stored_text, arriving_text, origin = article_texts(args.stored, args.new)
    reports = analyze_many([Article(text=text) for text in stored_text + arriving_text])
    started = time.perf_counter()
    fingerprints = [fingerprint(report) for report in reports]
    fingerprint_ms = (time.perf_counter() - started) * 1000 / len(fingerprints)
    stored, arriving = fingerprints[: len(stored_text)], fingerprints[len(stored_text) :]

    index: dict[str, list[int]] = {}
    for article, fp in enumerate(stored):
        for key in fp.lookup_keys():
            index.setdefault(key, []).append(article)
    stats = TermStats.from_fingerprints(stored)

    def indexed(fp: Fingerprint) -> tuple[int, bool]:
        shared: Counter[int] = Counter()
        for key in fp.lookup_keys(stats):
            shared.update(index.get(key, ()))
        candidates = [Candidate(a, stored[a]) for a, count in shared.items() if count >= MIN_SHARED_SPECIFIC]
        return len(candidates), place_article(fp, candidates, stats=stats) is not None

    def full_scan(fp: Fingerprint) -> bool:
        return place_article(fp, (Candidate(a, f) for a, f in enumerate(stored)), stats=stats) is not None

    indexed_ms, scan_ms, candidate_counts, joined_indexed, joined_scan = [], [], [], 0, 0
    for fp in arriving:
        started = time.perf_counter()
        count, joined = indexed(fp)
        indexed_ms.append((time.perf_counter() - started) * 1000)
        candidate_counts.append(count)
        joined_indexed += joined
        started = time.perf_counter()
        joined_scan += full_scan(fp)
        scan_ms.append((time.perf_counter() - started) * 1000)

    sql_ms, plan = sqlite_lookup(stored, arriving, stats)

    print(f"stored articles: {len(stored)} ({origin}); new articles placed: {len(arriving)}")
    print(f"fingerprint: {fingerprint_ms:.2f} ms per article")
    print(
        f"indexed lookup + placement: median {statistics.median(indexed_ms):.2f} ms, "
        f"p95 {percentile(indexed_ms, 0.95):.2f} ms; candidates median {statistics.median(candidate_counts):.0f}, "
        f"max {max(candidate_counts)}"
    )
    print(
        f"full scan of every stored fingerprint: median {statistics.median(scan_ms):.2f} ms, "
        f"p95 {percentile(scan_ms, 0.95):.2f} ms"
    )
    print(
        f"joined a story: {joined_indexed} of {len(arriving)} (full scan agrees: {joined_indexed == joined_scan})"
    )
    print(f"SQLite candidate query (in memory): median {statistics.median(sql_ms):.2f} ms; plan: {plan}")


def sqlite_lookup(
    stored: list[Fingerprint], arriving: list[Fingerprint], stats: TermStats
) -> tuple[list[float], str]:
    """The candidate query as storage would run it, on an indexed (chat_id, term) table."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE story_terms (chat_id INTEGER, term TEXT, article_id INTEGER)")
    db.execute("CREATE INDEX story_terms_by_term ON story_terms (chat_id, term)")
    db.executemany(
        "INSERT INTO story_terms VALUES (1, ?, ?)",
        [(key, article) for article, fp in enumerate(stored) for key in fp.lookup_keys()],
    )
    db.execute("CREATE TABLE other_chat_noise AS SELECT 2 AS chat_id, term, article_id FROM story_terms")
    db.execute("INSERT INTO story_terms SELECT * FROM other_chat_noise")
    timings = []
    plan = ""
    for fp in arriving:
        keys = sorted(fp.lookup_keys(stats)) or [""]
        query = (
            f"SELECT article_id FROM story_terms WHERE chat_id = ? AND term IN ({','.join('?' * len(keys))}) "
            "GROUP BY article_id HAVING COUNT(*) >= ?"
        )
        started = time.perf_counter()
        db.execute(query, (1, *keys, MIN_SHARED_SPECIFIC)).fetchall()
        timings.append((time.perf_counter() - started) * 1000)
        if not plan:
            plan = "; ".join(row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + query, (1, *keys, 2)))
    return timings, plan


if __name__ == "__main__":
    main()
