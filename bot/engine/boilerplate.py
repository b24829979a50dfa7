"""Site furniture pasted along with an article: newsletter pleas, share buttons, comment forms.

Its text stays in the report (offsets index the text as given); claims and figures found inside it are dropped.
"""

from __future__ import annotations

import re

from bot.engine.quotes import paragraph_spans

_BOILERPLATE = re.compile(
    r"join our (?:whatsapp|telegram|facebook)|follow (?:this link|us on)|leave a (?:reply|comment)|"
    r"your email address will not be published|required fields are marked|be part of quality journalism|"
    r"quality journalism takes|support (?:our|independent) journalism|subscribe (?:to|now|today)|"
    r"sign up (?:for|to) (?:our|the) newsletter|all rights reserved|copyright ©|©\s*\d{4}|"
    r"click here|read more:|related (?:articles|stories|posts)|recommended for you|you may also like|"
    r"most read|share this (?:article|story)|share on (?:facebook|twitter)|donate (?:now|today)|"
    r"^advertisement$|sponsored content|cookies? (?:policy|settings)|terms of (?:use|service)|"
    r"privacy policy|download (?:our|the) app|post a comment|comments? \(\d+\)|"
    r"only a handful are paying|advertising revenues? (?:are|is) falling|become a member|"
    r"this article (?:was|has been) (?:updated|corrected)\b.*appeared first on",
    re.IGNORECASE,
)
# Markers that, once met late in a text, mean everything after them is furniture too.
_TAIL_START = re.compile(
    r"^(?:follow this link|join our|leave a reply|be part of quality journalism|related (?:articles|stories)|"
    r"recommended|more from|read more|comments?$|share this|about the author|subscribe)",
    re.IGNORECASE,
)


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the text that are site boilerplate rather than the article."""
    paragraphs = paragraph_spans(text)
    ranges: list[tuple[int, int]] = []
    for position, (start, end) in enumerate(paragraphs):
        paragraph = text[start:end]
        late = position >= len(paragraphs) * 0.5
        if late and _TAIL_START.match(paragraph):
            ranges.append((start, len(text)))
            break
        # Length first: the pattern's '.*' makes a search of a long paragraph slow.
        if len(paragraph) < 600 and _BOILERPLATE.search(paragraph):
            ranges.append((start, end))
    return ranges
