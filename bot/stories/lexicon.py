"""Word lists the story fingerprints rely on: broad names, titles, wire agencies, number words.

Kept apart from the extraction code so the lists can grow without touching the logic. Everything here is
lower case and already normalised the way `normalise_key` does it (no apostrophes, hyphens as spaces).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Names so widely shared that they say little about which event an article reports: countries, the
# adjectives made from them, regions, world bodies and capitals that stand for governments. They still count,
# just for less, and never as one of the specific terms two articles must share.
BROAD_NAMES = _words(
    """afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain bangladesh
    belarus belgium bolivia bosnia brazil bulgaria burkina faso burundi cambodia cameroon canada chad chile
    china colombia congo croatia cuba cyprus czech republic denmark djibouti ecuador egypt eritrea estonia
    ethiopia finland france gaza georgia germany ghana greece guatemala guinea haiti honduras hungary india
    indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos
    latvia lebanon liberia libya lithuania madagascar malawi malaysia mali mauritania mexico moldova mongolia
    montenegro morocco mozambique myanmar namibia nepal netherlands new zealand nicaragua niger nigeria
    north korea norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania
    russia rwanda saudi arabia senegal serbia sierra leone singapore slovakia slovenia somalia south africa
    south korea south sudan spain sri lanka sudan sweden switzerland syria taiwan tajikistan tanzania thailand
    togo tunisia turkey turkiye uganda ukraine united arab emirates uae united kingdom uk united states us usa
    america uruguay uzbekistan venezuela vietnam west bank yemen zambia zimbabwe
    afghan american arab australian british canadian chinese egyptian european french german indian iranian
    iraqi israeli italian japanese jordanian kurdish lebanese libyan pakistani palestinian russian saudi
    syrian turkish ukrainian western eastern northern southern
    muslim muslims islam islamic christian christians jewish jews catholic catholics arabs
    africa asia europe middle east gulf latin america north america south america
    united nations un eu european union nato african union security council world bank imf who
    white house pentagon kremlin state department congress parliament government police army
    military"""
) | frozenset(
    {
        "burkina faso",
        "czech republic",
        "new zealand",
        "north korea",
        "saudi arabia",
        "sierra leone",
        "south africa",
        "south korea",
        "south sudan",
        "sri lanka",
        "united arab emirates",
        "united kingdom",
        "united states",
        "west bank",
        "middle east",
        "latin america",
        "north america",
        "south america",
        "united nations",
        "european union",
        "african union",
        "security council",
        "world bank",
        "white house",
        "state department",
    }
)

# News agencies and outlets: they appear in "told Reuters" in articles about anything, so they are no evidence
# that two articles report the same event.
OUTLET_NAMES = frozenset(
    {
        "reuters",
        "afp",
        "ap",
        "associated press",
        "agence france presse",
        "agence france-presse",
        "bbc",
        "cnn",
        "al jazeera",
        "bloomberg",
        "dpa",
        "xinhua",
        "tass",
        "anadolu",
        "efe",
        "ansa",
        "twitter",
        "facebook",
        "youtube",
        "instagram",
        "tiktok",
        "telegram",
        "whatsapp",
        "politico",
        "breitbart",
        "abc",
        "nbc",
        "cbs",
        "msnbc",
        "fox",
        "pbs",
        "npr",
        "axios",
        "vox",
        "the hill",
        "huffington post",
    }
)

# Last words that mark a name as an outlet ("Washington Post", "Fox News", "Northline News").
OUTLET_ENDINGS = frozenset(
    "news post times journal herald tribune daily wire press gazette telegraph chronicle network tv radio "
    "observer express standard insider dispatch courier bulletin "
    "magazine agency".split(" ")
)

# Titles in front of a name: "President Halvorsen", "Defence Minister Ana Ruiz". They are cut off so the same
# person matches however an outlet styles them. Words that also start other names ("General Motors", "Major
# League", "Justice Department", "Chief Executive") are left out.
PERSON_TITLES = _words(
    """president minister prime deputy vice mr mrs ms dr gen col colonel lt lieutenant maj capt captain sgt
    sergeant commander admiral governor gov mayor senator sen rep king queen prince princess sheikh secretary
    judge pope cardinal bishop ambassador spokesman spokeswoman spokesperson chairman chairwoman professor
    prof"""
)
TITLE_MODIFIERS = _words(
    """foreign defence defense interior health finance justice economy energy home former acting
    state"""
)

# Capitalised words that are not names: sentence openers, pronouns, calendar words, headline filler.
NOT_NAMES = _words(
    """a an the this that these those it its he she they we i you his her their our my your there here
    what which who whom whose when where why how if but and or so yet for nor as at by in on of to from with
    into onto about after before during since until while because although though however meanwhile
    also still just only even then than now later earlier some many most more several few all both each
    any other another such one two three four five six seven eight nine ten no not nor never
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    today yesterday tomorrow tonight morning evening night
    according asked told said says speaking reports reported officials official sources source witnesses
    residents people local follow join read watch share update updated published posted editing reporting
    photo video breaking live exclusive analysis opinion comment
    im ive id ill youre were theyre weve dont doesnt didnt cant wont isnt its thats lets heres theres
    like yes oh okay well please thanks ok despite sure last former next first second third
    is are was were be been has have had do does did will would can could should may might must shall
    again already always almost perhaps maybe instead indeed nevertheless otherwise therefore thus whether
    every everyone everything nothing nobody none someone something somewhere anyone anything
    very too much less least own same whatever whoever whenever wherever
    above below under over between among against through across along around behind beyond
    up down out off back away here now"""
)

# Number words that open headlines ("Fourteen workers hurt ..."): capitalised, but never names.
NUMBER_WORDS = _words(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands million millions dozen dozens scores"""
)

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
