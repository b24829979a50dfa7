"""`make eval`'s table: figures looked up by path and laid out in one table."""

from __future__ import annotations

from bot.evaluation.table import _last_json, lookup, table


def test_lookup_reads_dotted_paths_and_pairs() -> None:
    totals = {"conflicts": {"f1": 0.8512, "found": 26, "gold": 31}}
    assert lookup(totals, "conflicts.f1") == "0.851"
    assert lookup(totals, "conflicts.found|conflicts.gold") == "26 / 31"
    assert lookup(totals, "claims.f1") == "-"


def test_table_has_a_before_column_when_given() -> None:
    results = {"figures dev": {"conflicts": {"f1": 0.9}}}
    before = {"figures dev": {"conflicts": {"f1": 0.16}}}
    text = table(results, before)
    header, rule, *rows = text.splitlines()
    assert header.split() == ["evaluation", "figure", "before", "now"]
    conflicts_row = next(row for row in rows if row.startswith("figures dev  conflicts F1"))
    assert conflicts_row.split()[-2:] == ["0.160", "0.900"]
    assert set(rule.replace(" ", "")) == {"-"}


def test_last_json_line_is_read() -> None:
    assert _last_json('noise\n{"a": 1}\nsummary line\n') == {"a": 1}
