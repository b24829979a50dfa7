"""Bad and unusual input: empty, binary, non-UTF-8, non-English, huge, and text with nothing attributed."""

from __future__ import annotations

import codecs

import pytest

from bot.article import Article, decode_text
from bot.engine import analyze, analyze_many
from bot.errors import InputError
from bot.report import Report

OPENING = (
    "Harbour master Pieter Vos said the ferry had left the port late on Tuesday with all of its crew.\n\n"
)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u00a0\u2003\n"])
def test_empty_or_whitespace_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(InputError) as caught:
        analyze(text)
    assert "no text" in str(caught.value).lower()


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02 header \x00\x7f\x03" * 40,
        "".join(chr(code) for code in range(0, 32) if chr(code) not in "\n\r\t\f\v") * 30,
        "PK\x03\x04\x14\x00\x06\x00" + "\ufffd" * 200,
    ],
)
def test_binary_looking_text_is_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        analyze(text)
    assert "binary" in str(caught.value).lower()


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"%PDF-1.7\n\x00\x00\x00stream",
    ],
)
def test_decode_text_refuses_binary_bytes(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_text(data)
    assert "binary" in str(caught.value).lower()


def test_decode_text_refuses_non_utf8_bytes() -> None:
    data = "Der Bürgermeister sagte, die Brücke sei sicher.".encode("latin-1")
    with pytest.raises(InputError) as caught:
        decode_text(data)
    assert "UTF-8" in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [
        OPENING.encode("utf-8"),
        codecs.BOM_UTF8 + OPENING.encode("utf-8"),
        OPENING.encode("utf-16"),
    ],
)
def test_decode_text_reads_utf8_and_utf16_unchanged(data: bytes) -> None:
    text = decode_text(data)
    assert text == OPENING
    assert analyze(text).claims[0].speaker == "Pieter Vos"


NON_ENGLISH = {
    "French": (
        "Le maire de la ville a déclaré lundi que les travaux du nouveau pont commenceraient au printemps "
        "prochain, selon un communiqué publié par la mairie. Les habitants attendent ce pont depuis dix ans."
    ),
    "Spanish": (
        "El alcalde de la ciudad dijo el lunes que las obras del nuevo puente comenzarán la próxima "
        "primavera, según un comunicado publicado por el ayuntamiento. Los vecinos esperan desde hace años."
    ),
    "Russian": (
        "Мэр города заявил в понедельник, что строительство нового моста начнется следующей весной, "
        "говорится в сообщении городской администрации. Жители ждут этот мост уже десять лет."
    ),
    "German": (
        "Der Bürgermeister der Stadt sagte am Montag, dass die Arbeiten an der neuen Brücke im nächsten "
        "Frühjahr beginnen würden, wie aus einer Mitteilung der Stadtverwaltung hervorgeht."
    ),
}


@pytest.mark.parametrize("language", sorted(NON_ENGLISH))
def test_non_english_is_refused(language: str) -> None:
    with pytest.raises(InputError) as caught:
        analyze(NON_ENGLISH[language])
    assert "Only English is supported" in str(caught.value)


def test_english_article_quoting_a_foreign_phrase_is_accepted() -> None:
    text = (
        "The mayor of Orsk said the new bridge would open in the spring. Residents greeted the news with a "
        "banner reading “enfin un pont”, which means “at last a bridge”. The works will cost the town a lot."
    )
    report = analyze(text)
    assert report.claims and report.claims[0].speaker is not None


def test_huge_text_is_cut_and_flagged_but_its_start_analyzed() -> None:
    # Padding made of blank lines keeps the parse cheap while the text is well over the limit.
    late = "Coastguard chief Ilse Maar said the search had ended.\n"
    text = OPENING + "\n" * 210_000 + late
    assert len(text) > 200_000
    report = analyze(text)
    assert report.truncated
    assert len(report.text) <= 200_000
    assert text.startswith(report.text)
    assert [c.speaker for c in report.claims] == ["Pieter Vos"]
    assert all(span.end <= len(report.text) for c in report.claims for span in c.content)


def test_text_at_the_limit_is_not_truncated() -> None:
    text = OPENING + " " * (200_000 - len(OPENING))
    assert len(text) == 200_000
    report = analyze(text)
    assert not report.truncated
    assert report.text == text


def test_cut_falls_on_a_paragraph_break_when_one_is_near() -> None:
    paragraph = "The valley was quiet and the river ran slowly past the old mill under a grey sky.\n\n"
    text = OPENING + paragraph * 40
    report = analyze(text, max_chars=2_000)
    assert report.truncated
    assert len(report.text) <= 2_000
    assert text.startswith(report.text)
    assert report.text.endswith("grey sky.\n\n")
    assert report.claims[0].speaker == "Pieter Vos"


def test_text_without_attributions_is_a_valid_empty_report() -> None:
    text = (
        "The village of Orsk lies in a wide valley below the Halmar hills.\n\n"
        "Its church was built of grey stone, and the market opens on Saturday mornings."
    )
    report = analyze(text)
    assert report.claims == []
    assert report.conflicts == []
    assert report.text == text
    assert not report.truncated
    assert Report.model_validate_json(report.to_json()) == report


def test_text_is_kept_unchanged_including_odd_whitespace() -> None:
    text = "\ufeff  Harbour master Pieter Vos said\u00a0the ferry was late.\r\n\r\nNothing else.  "
    report = analyze(text)
    assert report.text == text
    claim = report.claims[0]
    assert report.quote(claim.content[0]) == "the ferry was late"


def test_metadata_is_carried_into_the_report() -> None:
    report = analyze(
        OPENING, title="Ferry late", url="https://example.org/a", site="Example", published="2026"
    )
    assert (report.title, report.url, report.site, report.published) == (
        "Ferry late",
        "https://example.org/a",
        "Example",
        "2026",
    )


def test_analyze_many_keeps_order_and_matches_analyze() -> None:
    texts = [
        OPENING,
        "The Health Ministry said 12 clinics had closed.",
        "The valley is quiet and the river runs slowly past the old mill.",
    ]
    reports = analyze_many([Article(text=t, title=f"n{i}") for i, t in enumerate(texts)])
    assert [r.text for r in reports] == texts
    assert [r.title for r in reports] == ["n0", "n1", "n2"]
    assert reports == [analyze(t, title=f"n{i}") for i, t in enumerate(texts)]


def test_analyze_many_refuses_a_bad_article_with_an_input_error() -> None:
    with pytest.raises(InputError):
        analyze_many([Article(text=OPENING), Article(text="   ")])


POST_WITH_FEW_FUNCTION_WORDS = (
    "🚨 BREAKING: Korvel dock march\n\nCrowd estimates:\n👮 Police: 4,200\n📣 Organisers: 15,000\n\n"
    "Route: Harbour Gate ➡️ Town Hall. Roads closed till 18:00.\n#Korvel #DockMarch #Strike\n"
    "Read more: https://example.com/korvel-march-4200"
)


def test_an_english_channel_post_with_few_function_words_is_read() -> None:
    report = analyze(POST_WITH_FEW_FUNCTION_WORDS)
    assert {figure.value for figure in report.figures} >= {4200, 15000}


@pytest.mark.parametrize(
    "text",
    [
        "🚨 DERNIÈRE MINUTE : marche des dockers à Korvel\n\nEstimations de la foule :\n👮 Police : 4 200\n"
        "📣 Organisateurs : 15 000\n\nParcours : Porte du Port ➡️ Hôtel de Ville. Routes fermées jusqu'à 18h.\n"
        "#Korvel #MarcheDesDockers",
        "qwer asdf zxcv uiop hjkl bnmv wert yuio dfgh cvbn tyui ghjk rtyu fghj vbnm",
    ],
)
def test_a_post_in_another_language_or_in_none_is_still_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        analyze(text)
    assert "Only English is supported" in str(caught.value)


def test_a_posts_line_before_a_number_ends_an_item_not_a_wrapped_sentence() -> None:
    report = analyze("Stadium crush in Oran\n\n17 dead — health ministry\n29 dead — local hospital sources\n\n#Oran")
    assert [(f.value, f.source) for f in report.figures] == [(17, "health ministry"), (29, "local hospital sources")]
    assert len(report.conflicts) == 1
    # hard-wrapped prose still reads as one sentence
    report = analyze("The agency put the death toll at\n4,181 on Monday, officials said.")
    assert report.figures[0].quantity == "killed"
