"""The `whosaid` command: run the bot, analyze articles, compare articles, evaluate the engine."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from bot.errors import ConfigurationError, InputError
from bot.settings import get_settings

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_CONFIGURATION = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="whosaid", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("run", help="start the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    commands.add_parser(
        "worker", help="take analysis jobs from the shared PostgreSQL database (WHOSAID_DATABASE_URL)"
    )

    analyze = commands.add_parser("analyze", help="who said what in one or more articles")
    analyze.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="a file, '-' for standard input, or a link"
    )
    analyze.add_argument("--json", action="store_true", help="one whosaid.report/1 JSON object per line")

    compare = commands.add_parser("compare", help="group articles into stories and compare their figures")
    compare.add_argument("sources", nargs="+", metavar="SOURCE", help="files or links, two or more")
    compare.add_argument("--json", action="store_true", help="one whosaid.story/1 JSON object")

    evaluate = commands.add_parser("eval", help="score the engine on an annotated corpus")
    evaluate.add_argument("corpus", choices=["polnear"], help="the corpus format")
    evaluate.add_argument("directory", help="a split folder holding text/ and attributions/")
    evaluate.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--errors", metavar="FILE", help="write missed and wrong claims here (JSON lines)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `whosaid` console script."""
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "run":
            from bot.app import run_bot

            return run_bot(get_settings())
        if args.command == "worker":
            from bot.worker_role import run_worker

            return run_worker(get_settings())
        if args.command == "analyze":
            from bot.commands import analyze_command

            return asyncio.run(analyze_command(args.sources, as_json=args.json, settings=get_settings()))
        if args.command == "compare":
            from bot.stories import compare_command

            return asyncio.run(compare_command(args.sources, as_json=args.json, settings=get_settings()))
        if args.command == "eval":
            from bot.evaluation.polnear import eval_command

            return eval_command(
                args.directory,
                limit=args.limit,
                as_json=args.json,
                settings=get_settings(),
                errors=args.errors,
            )
    except InputError as error:
        print(f"whosaid: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ConfigurationError as error:
        # Set up wrong (a model that isn't installed): one line on what to fix, never a traceback.
        print(f"whosaid: {error}", file=sys.stderr)
        return EXIT_CONFIGURATION
    except KeyboardInterrupt:
        return 130
    return EXIT_OK
