"""One long article: parse time and analysis time for ~200,000 characters (the engine's cap).

Concatenates PolNeAR texts (path given at run time) into one article and times the pipeline and the engine's own
steps separately, so a step that grows faster than the text shows up. Run:
    .venv/bin/python benchmarks/bench_long_article.py [SPLIT_DIR] [--chars 200000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine.analyzer import analyze_doc  # noqa: E402
from bot.engine.pipeline import get_pipeline  # noqa: E402
from bot.settings import get_settings  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("split", nargs="?", default=str(ROOT.parent / "shared" / "polnear" / "dev"))
    parser.add_argument("--chars", type=int, default=200_000)
    args = parser.parse_args()
    texts = sorted((Path(args.split) / "text").glob("*.txt"))
    if not texts:
        print(f"no texts under {args.split}/text", file=sys.stderr)
        return 2
    article = ""
    for path in texts:
        if len(article) >= args.chars:
            break
        article += path.read_text(encoding="utf-8") + "\n\n"
    article = article[: args.chars]
    nlp = get_pipeline(get_settings().spacy_model)
    nlp("Warm up the pipeline.")
    for size in (args.chars // 4, args.chars // 2, args.chars):
        started = time.perf_counter()
        doc = nlp(article[:size])
        parsed = time.perf_counter()
        report = analyze_doc(doc)
        done = time.perf_counter()
        print(
            f"{size:>9,} chars  parse {parsed - started:6.2f} s  engine steps {done - parsed:6.3f} s  "
            f"claims {len(report.claims):5}  figures {len(report.figures):5}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
