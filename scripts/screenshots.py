"""Pictures of real replies for the README: the bot's own messages, drawn as Telegram bubbles.

Runs the real bot (Application, storage, engine) against the fake Bot API on 127.0.0.1, forwards it the seed
article in three parts and two outlets' articles on one event, asks for /story, and draws what the bot sent
(its Telegram HTML, its buttons) as chat bubbles in an HTML page, which headless Chromium photographs:

    .venv/bin/python scripts/screenshots.py            # writes docs/summary.png and docs/story.png

Needs Chromium and an emoji font (Debian: `apt-get install chromium fonts-noto-color-emoji`) and ../shared/seed-article.txt beside the checkout. No
network beyond loopback.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.bot_harness import bot_settings, reply_to, running_bot  # noqa: E402
from tests.support.fake_telegram import FakeTelegram  # noqa: E402

SEED = ROOT.parent / "shared" / "seed-article.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
CHAT = 4242
PHONE_WIDTH = 400
SCALE = 1.5

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #c6d6b8; font: 15px/1.38 -apple-system, "Segoe UI", Roboto, "Noto Sans",
  "DejaVu Sans", "Noto Color Emoji", sans-serif; color: #000; }}
.chat {{ width: {width}px; padding: 12px 10px 14px; box-sizing: border-box; }}
.bubble {{ background: #fff; border-radius: 14px 14px 14px 4px; padding: 7px 10px 6px; margin: 6px 34px 2px 0;
  white-space: pre-wrap; overflow-wrap: anywhere; box-shadow: 0 1px 1px rgba(0,0,0,.15); }}
.bubble.me {{ background: #e1fec6; border-radius: 14px 14px 4px 14px; margin: 6px 0 8px 48px; }}
.forwarded {{ color: #3a8bd1; font-size: 13.5px; }}
a {{ color: #168acd; text-decoration: none; }}
pre, code {{ font: 12.5px/1.35 "DejaVu Sans Mono", "Noto Sans Mono", monospace; }}
pre {{ background: #f2f5f8; border-radius: 6px; padding: 6px 7px; margin: 4px 0; white-space: pre; }}
.keyboard {{ display: grid; gap: 3px; margin: 3px 34px 8px 0; }}
.row {{ display: flex; gap: 3px; }}
.button {{ flex: 1; background: rgba(64, 92, 50, .38); color: #fff; border-radius: 8px; padding: 7px 4px;
  text-align: center; font-size: 13.5px; font-weight: 500; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }}
.time {{ float: right; color: #8aa; font-size: 11px; margin: 6px 0 0 8px; }}
</style></head><body><div class="chat" id="chat">{body}</div>
<script>document.title = "height=" + Math.ceil(document.getElementById("chat").getBoundingClientRect().height);
</script></body></html>"""


def user_bubble(text: str, forwarded_from: str | None = None, lines: int = 3) -> str:
    """The person's message, its first lines only."""
    paragraphs = [line.strip() for line in text.strip().splitlines() if line.strip()][:lines]
    shown = "\n".join(line if len(line) < 90 else line[:88].rsplit(" ", 1)[0] + "…" for line in paragraphs)
    head = f'<div class="forwarded">Forwarded from {html.escape(forwarded_from)}</div>' if forwarded_from else ""
    return f'<div class="bubble me">{head}{html.escape(shown)}<span class="time">12:04</span></div>'


def bot_bubble(message: dict[str, Any]) -> str:
    """A message the bot sent (its Telegram HTML is shown as Telegram shows it) and its buttons."""
    body = f'<div class="bubble">{message["text"]}<span class="time">12:04</span></div>'
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    if rows:
        buttons = "".join(
            '<div class="row">'
            + "".join(f'<div class="button">{html.escape(button["text"])}</div>' for button in row)
            + "</div>"
            for row in rows
        )
        body += f'<div class="keyboard">{buttons}</div>'
    return body


def channel(fake: FakeTelegram, title: str, message_id: int) -> dict[str, Any]:
    return fake.channel_origin(-100_000 - len(title), title, message_id, username=title.lower().replace(" ", ""))


def paragraphs_in_parts(text: str, count: int) -> list[str]:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    size = sum(len(p) for p in paragraphs) / count
    parts: list[list[str]] = [[]]
    done = 0
    for paragraph in paragraphs:
        if done >= size * len(parts) and len(parts) < count:
            parts.append([])
        parts[-1].append(paragraph)
        done += len(paragraph)
    return ["\n\n".join(part) for part in parts]


async def conversation(workdir: Path) -> tuple[str, str]:
    """Run the bot and return the two pages' bodies: the seed's summary, and /story."""
    with FakeTelegram() as fake:
        async with running_bot(bot_settings(fake, workdir / "whosaid.db")):
            seed = SEED.read_text(encoding="utf-8")
            sent = [
                fake.send_message(CHAT, part, forward_origin=channel(fake, "Valley Wire", 40 + number))
                for number, part in enumerate(paragraphs_in_parts(seed, 3))
            ]
            [summary] = await reply_to(fake, sent[0])
            summary_page = user_bubble(seed, "Valley Wire") + bot_bubble(summary)

            first = fake.send_message(
                CHAT,
                (FIXTURES / "story_strike_northline.txt").read_text(encoding="utf-8"),
                forward_origin=channel(fake, "Northline News", 5),
            )
            await reply_to(fake, first)
            second = fake.send_message(
                CHAT,
                (FIXTURES / "story_strike_meridian.txt").read_text(encoding="utf-8"),
                forward_origin=channel(fake, "Meridian Wire", 9),
            )
            await reply_to(fake, second)
            asked = fake.send_message(CHAT, "/story", reply_to=first)
            story = await reply_to(fake, asked)
            await asyncio.sleep(0.5)  # the chart may follow the view as a second message
            story = fake.replies_to(CHAT, asked["message_id"])
            story_page = '<div class="bubble me">/story</div>' + "".join(bot_bubble(m) for m in story)
            if fake.refused:
                raise SystemExit(f"Telegram would have refused: {fake.refused}")
    return summary_page, story_page


def photograph(chromium: str, body: str, out: Path, workdir: Path) -> None:
    """Draw `body` as a phone-wide chat and save a PNG exactly as tall as the chat."""
    page = workdir / f"{out.stem}.html"
    page.write_text(PAGE.format(width=PHONE_WIDTH, body=body), encoding="utf-8")
    common = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
    dom = subprocess.run(
        [*common, f"--window-size={PHONE_WIDTH},800", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    match = re.search(r"<title>height=(\d+)</title>", dom)
    height = int(match.group(1)) if match else 2000
    subprocess.run(
        [*common, f"--window-size={PHONE_WIDTH},{height}", f"--force-device-scale-factor={SCALE}",
         f"--screenshot={out}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    print(f"wrote {out.relative_to(ROOT)} ({PHONE_WIDTH}x{height} CSS px)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNGs (default: docs/)")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        print("Chromium is needed: apt-get install chromium", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        summary, story = asyncio.run(conversation(workdir))
        photograph(chromium, summary, args.out / "summary.png", workdir)
        photograph(chromium, story, args.out / "story.png", workdir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
