"""Shared fixtures: paths to the project's fixture articles and to ../shared (beside the checkout in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["tests.support.bot_fixtures", "tests.support.postgres"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _shared_folder() -> Path:
    """../shared beside the checkout (as CI has it), else beside the local repository this one was cloned from
    (a throwaway clone in a temporary folder)."""
    beside = ROOT.parent / "shared"
    if beside.is_dir():
        return beside
    config = ROOT / ".git" / "config"
    text = config.read_text(encoding="utf-8") if config.is_file() else ""
    for line in text.splitlines():
        key, _, value = line.partition("=")
        origin = Path(value.strip())
        if key.strip() == "url" and origin.is_absolute() and (origin.parent / "shared").is_dir():
            return origin.parent / "shared"
    return beside


SHARED = _shared_folder()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article the product was conceived from (read from ../shared, never copied into the repo)."""
    path = SHARED / "seed-article.txt"
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests expect ../shared beside the checkout, as CI has it")
    return path.read_text(encoding="utf-8")


def fixture_text(name: str) -> str:
    """One of our own fixture articles, from tests/fixtures/articles."""
    return (FIXTURES / "articles" / name).read_text(encoding="utf-8")
