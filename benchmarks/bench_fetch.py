"""What a link costs: fetch + extract per page, against trafilatura alone on the same pages.

    .venv/bin/python benchmarks/bench_fetch.py [--repeat N]

Pages: the fixture news pages in tests/fixtures/pages, the same ferry page gzip-compressed, and a long-read
page built from them (about 80 paragraphs). They are served by the tests' loopback HTTP server on 127.0.0.1
(the guard lifted for it, as WHOSAID_ALLOW_PRIVATE_NETWORKS=1 would), through one shared client as the bot uses.

"trafilatura alone" is `trafilatura.bare_extraction` on the already decoded page with the same options;
"fetch+extract" is `bot.fetch.fetch_article`: guarded connect, request, bounded read and decompression,
charset decoding, extraction in a worker thread, boilerplate cleanup. Both are warmed up, then timed N times;
median and 95th percentile per page are printed, with the overhead of everything around trafilatura.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.extract import TRAFILATURA_OPTIONS  # noqa: E402
from bot.fetch import fetch_article, make_http_client  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.support.loopback_http import LoopbackServer, Route  # noqa: E402

PAGES = ROOT / "tests" / "fixtures" / "pages"


def long_read_page() -> bytes:
    """A long article: the ferry page with the paragraphs of both fixture articles repeated inside its body."""
    page = (PAGES / "ferry_capsize.html").read_text(encoding="utf-8")
    paragraphs = []
    for name in ("links_ferry_capsize.txt", "links_water_tariff.txt"):
        text = (ROOT / "tests" / "fixtures" / "articles" / name).read_text(encoding="utf-8")
        paragraphs += text.partition("\n\n")[2].strip().split("\n\n")
    extra = "".join(f"<p>{p.replace('23', str(23 + i))}</p>\n" for i in range(5) for p in paragraphs)
    marker = '<p class="promo">'
    return page.replace(marker, extra + marker, 1).encode("utf-8")


def pages() -> dict[str, tuple[bytes, dict[str, str]]]:
    """name -> (body as served, extra headers)."""
    ferry = (PAGES / "ferry_capsize.html").read_bytes()
    return {
        "ferry_capsize.html": (ferry, {}),
        "water_tariff.html": ((PAGES / "water_tariff.html").read_bytes(), {}),
        "ferry_capsize.html (gzip)": (gzip.compress(ferry), {"Content-Encoding": "gzip"}),
        "long read (80 paragraphs)": (long_read_page(), {}),
    }


def trafilatura_alone(html: str, url: str) -> None:
    trafilatura.bare_extraction(html, url=url, **TRAFILATURA_OPTIONS)


async def time_runs(run: Callable[[], Awaitable[object]], repeat: int) -> list[float]:
    """Seconds of each of `repeat` runs, after two untimed warm-up runs."""
    for _ in range(2):
        await run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        await run()
        times.append(time.perf_counter() - started)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def main(repeat: int) -> None:
    settings = Settings().model_copy(update={"allow_private_networks": True})
    print(f"fetch+extract vs trafilatura alone, {repeat} timed runs per page (ms: median / p95)\n")
    print(f"{'page':<28} {'bytes':>8} {'words':>6} {'trafilatura':>16} {'fetch+extract':>16} {'overhead':>9}")
    with LoopbackServer() as server:
        async with make_http_client(settings) as client:
            for index, (name, (body, headers)) in enumerate(pages().items()):
                path = f"/page{index}"
                server.route(path, Route(body=body, headers=headers))
                url = server.url(path)
                html = (gzip.decompress(body) if headers else body).decode("utf-8")

                async def alone(html: str = html, url: str = url) -> None:
                    trafilatura_alone(html, url)

                async def whole(url: str = url) -> object:
                    return await fetch_article(url, settings, client=client)

                article = await whole()
                bare = await time_runs(alone, repeat)
                full = await time_runs(whole, repeat)
                bare_ms = statistics.median(bare) * 1000
                full_ms = statistics.median(full) * 1000
                print(
                    f"{name:<28} {len(body):>8,} {len(article.text.split()):>6} "  # type: ignore[attr-defined]
                    f"{bare_ms:>7.1f} / {p95(bare) * 1000:>6.1f} "
                    f"{full_ms:>7.1f} / {p95(full) * 1000:>6.1f} "
                    f"{full_ms - bare_ms:>+8.1f}"
                )
    print(
        "\noverhead = fetch+extract median - trafilatura median (network on loopback, decoding, thread hop)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per page (default 20)")
    asyncio.run(main(parser.parse_args().repeat))
