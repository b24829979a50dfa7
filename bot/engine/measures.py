"""Word families for what a figure counts: data, not rules.

A figure's structure (see `structure.py`) names the counted thing, what happened to it or the quantity's name,
its unit, its period and whether it is a forecast. The families below map the words the parse attaches to a
number onto a small set of names, so that "killed", "dead" and "lost their lives" compare as one quantity.
They are general English news vocabulary, never tied to one article; a test checks that no word sits in two
families of one table.
"""

from __future__ import annotations

# What happened to the counted things, keyed by the family's name. A word (verb, adjective or noun lemma)
# attached to the number or to its counted noun puts the figure in that family.
EVENT_FAMILIES: dict[str, frozenset[str]] = {
    "killed": frozenset(
        "kill die dead deceased death fatality toll slay murder massacre perish fatal life drown succumb".split()
    ),
    # "100 charred bodies had been recovered from three of the floors", "took nine bodies to a hospital": bodies
    # found so far, brought in or counted at one place: no more than the toll, and no toll (`BODIES_FOUND`).
    "bodies found": frozenset("body corpse".split()),
    "wounded": frozenset("injure wound hurt injury injured wounded treat".split()),
    "missing": frozenset("missing unaccounted".split()),
    "displaced": frozenset("displace displaced flee homeless uproot".split()),
    "evacuated": frozenset("evacuate evacuee evacuation".split()),
    "rescued": frozenset("rescue save survivor survive".split()),
    "trapped": frozenset("trap".split()),
    "arrested": frozenset("arrest detain detention apprehend recapture".split()),
    "held": frozenset("hold captive hostage".split()),
    "freed": frozenset("free release".split()),
    # "11 inmates escaped", "the 14 escapees" (what escapes by the barrel has spilled: see `ESCAPED`)
    "escaped": frozenset("escape escapee".split()),
    "infected": frozenset("case infect infection".split()),
    "vaccinated": frozenset("vaccinate immunise immunize inoculate".split()),
    "took part": frozenset(
        "attend attendance turnout participation participate crowd march rally gather join demonstrate "
        "protester protestor demonstrator marcher spectator entry admission absent protest demonstration".split()
    ),
    "cut": frozenset("cut shed axe eliminate slash disappear redundancy layoff lay".split()),
    "destroyed": frozenset("destroy destruction raze flatten level".split()),
    "damaged": frozenset("damage".split()),
    "burned": frozenset("burn scorch char blacken consume torch".split()),
    "cleared": frozenset("clear deforest deforestation log".split()),
    "sold": frozenset("sell sale sold".split()),
    "affected": frozenset("affect affected impact expose compromise steal leak breach hack".split()),
    "abducted": frozenset("abduct kidnap".split()),
    "created": frozenset("create add gain".split()),  # "employers added 96,000 jobs", "20,000 jobs were created"
    "on board": frozenset("board aboard onboard carry".split()),
    "restored": frozenset("restore reconnect".split()),
    "closed": frozenset("close shut".split()),
    "without power": frozenset("outage blackout dark".split()),
    "spilled": frozenset("spill spew gush".split()),
    "cancelled": frozenset("cancel scrap".split()),
    "arrived": frozenset("arrive arrival land".split()),  # "1,146 migrants landed", "over 1,400 people arrived"
}

# Counted nouns that say what happened to the people they count, read only when the clause names nothing else:
# "146 passengers" are on board, "4,000 strikers" took part.
QUANTITY_OF_COUNTED = {
    "passenger": "on board",
    "striker": "took part",
    "detainee": "arrested",
    "evacuee": "evacuated",
    "hostage": "held",
    "refugee": "displaced",
    "survivor": "rescued",  # "rescuers have pulled 17 survivors from the rubble"
    "resident": "population",  # "the census counted 2.3 million residents" (unless their verb says more)
    "inhabitant": "population",
    "vote": "won",  # "2.75 million votes for Maduro": votes a party won (see `PARTY_QUANTITIES`)
}

# What escaping means: people escape; what escapes by the barrel has spilled ("1,200 barrels of oil escaped"), and
# those held who got away are free ("25 hostages escaped").
ESCAPED, HELD, FREED = "escaped", "held", "freed"
# What an economy's "output" is when measured in a unit of stuff: "output fell to 1.02 million barrels per day" is
# production, no growth.
OUTPUT_BY_MEASURE = {"growth": "production"}
OUTPUT_WORDS = frozenset({"output"})

# Quantities that belong to a party: "Kessling won 41.8% of the vote", "2.75 million votes for Maduro". Figures of
# different parties are different measures, and a figure whose party is not named compares with none.
SHARE = "share"
PARTY_QUANTITIES = frozenset({SHARE, "won"})
# Verbs whose subject is the party that took the votes: "the 5.15 million votes the authority said Maduro had won".
WINNING_VERBS = frozenset("win get receive take secure garner poll".split())
# Roles in a race that an apposition names: "6.27 million for his rival, former diplomat Edmundo Gonzalez".
CONTENDER_NOUNS = frozenset("rival opponent challenger candidate contender incumbent nominee frontrunner".split())
# Verbs by which a party wins a share, even with no "of the vote": "the bloc said it had won 36 percent" (not
# "received", which children do with "a dose, or 91 percent of those targeted").
SHARE_WINNING_VERBS = frozenset("win secure garner poll".split())
# The preposition naming whom votes went to: "2.75 million votes for Maduro".
PARTY_PREPOSITIONS = frozenset({"for", "against"})
# Verbs of voting: with no party named ("38 percent of the electorate had voted") they count turnout.
VOTING_VERBS = frozenset({"vote"})

# Events that happen to people: whoever is counted ("miners", "fighters", "people"), the count is one toll.
# What was damaged, and damage counted in money: a loss ("estimated the damage at $350 million", "economic losses
# of $1.1 billion").
DAMAGED = "damaged"
MONEY_LOSS = "loss"

# Bodies found are a floor under the toll: a count of them differs from the toll only when it is larger.
BODIES_FOUND = "bodies found"
TOLL_QUANTITY = "killed"

PERSON_EVENTS = frozenset(
    "killed wounded missing displaced evacuated rescued trapped arrested infected vaccinated".split()
)
# Counts that grow as an event goes on, whoever counts: a toll, and the ground a fire has burned ("had burned
# 5,000 acres on Monday ... By Wednesday, the fire had burned 12,000 acres").
GROWING_COUNTS = PERSON_EVENTS | frozenset({"burned"})
# What can happen only to people (or animals), never to money: "held $214.9 billion offshore" is no hostage count.
HAPPENS_TO_PEOPLE = PERSON_EVENTS | frozenset({"held", "freed"})
# Quantities counting people or their share, never a length or a sum: "the march stretched for four kilometres"
# took no part.
PEOPLE_OR_SHARE_QUANTITIES = frozenset({"took part"})

# What a share is taken of when it measures something against the size of the economy: "a deficit of 4.6 per cent
# of GDP", "debt at 91% of GDP" (a ratio, no growth of the economy).
SHARE_BASE_WORDS = frozenset({"gdp", "product"})  # "5.3 per cent of the gross domestic product"
# Events that only ever count things: "412 schools were closed". A value in a unit with no thing counted is a
# level the verb reports: "the index closed at 4,512 points", "shares closed 3 percent lower".
COUNTED_ONLY_EVENTS = frozenset({"closed"})

# Quantities with a name of their own: the figure is their value ("turnout of 61%", "inflation stood at 6%").
NAMED_QUANTITIES: dict[str, frozenset[str]] = {
    "inflation": frozenset("inflation".split()),
    "growth": frozenset("growth gdp economy output".split()),
    "revenue": frozenset("revenue turnover".split()),
    "profit": frozenset("profit earnings income".split()),
    "loss": frozenset("loss deficit".split()),
    "cost": frozenset("cost bill budget price spending".split()),
    "magnitude": frozenset("magnitude".split()),
    "unemployment": frozenset("unemployment jobless".split()),
    "rate": frozenset("rate".split()),
    "capacity": frozenset("capacity".split()),
    "share": frozenset("share stake".split()),
    "target": frozenset("target goal".split()),
    "damages": frozenset("damages compensation award settlement".split()),
    "wages": frozenset("wage wages salary salaries".split()),
    "flow": frozenset("flow".split()),  # "put the flow at 1,000 barrels a day"
    "depth": frozenset("depth".split()),
    "margin": frozenset("margin".split()),  # "lowered its forecast for the operating margin to 11%"
    "area": frozenset("area".split()),
    # the parts of an economy's output a statistics release gives: "business investment grew by 0.3 per cent"
    "investment": frozenset("investment".split()),
    "exports": frozenset("export exports".split()),
    "imports": frozenset("import imports".split()),
    # what a farm sector or a field produces: "put the harvest at 9.6 million tonnes", "estimated production at 99
    # million tonnes" ("output" names an economy's growth as often, and stays there)
    "production": frozenset("production harvest crop".split()),
    "population": frozenset({"population"}),
}
POPULATION = "population"

# Nouns that after "of" make a named quantity's noun no measure of the news: a poll's "margin of error".
NOT_MEASURED_OF = frozenset("error".split())

# Quantities named by two words, (the word before, the head's lemma): "gross domestic product".
NAMED_QUANTITY_PHRASES: dict[tuple[str, str], str] = {
    ("domestic", "product"): "growth",
    ("hourly", "earnings"): "wages",  # "average hourly earnings rose 0.3 percent": pay, not a company's profit
    ("weekly", "earnings"): "wages",
    ("polling", "percentage"): "took part",  # "the polling percentage was 26": turnout, as South Asian papers say
    ("voting", "percentage"): "took part",
}

# A verb with its particle or object that says what happened: (verb lemma, particle or object lemma).
PHRASAL_EVENTS: dict[tuple[str, str], str] = {
    ("take", "part"): "took part",
    ("turn", "out"): "took part",
    ("show", "up"): "took part",  # "200,000 people showed up at the rally"
    ("walk", "out"): "took part",
    ("stay", "away"): "took part",  # "3,500 workers stayed away from their shifts"
    ("stop", "work"): "took part",  # "400,000 workers had stopped work"
    ("lose", "life"): "killed",
    ("go", "life"): "killed",
    ("take", "in"): "arrested",  # "295 people had been taken in" by police
    ("cast", "ballot"): "took part",  # "48 percent of eligible voters cast ballots"
    ("cast", "vote"): "took part",
    ("lose", "power"): "without power",  # "410,000 customers had lost power"
    ("break", "out"): "escaped",  # "22 inmates broke out"
    ("cut", "off"): "trapped",  # "17 miners were cut off" by the flood (cut jobs are "cut" with no particle)
}

# A state the counted things are in, named by a preposition and a noun: "7,000 workers were on strike".
STATE_PHRASES: dict[tuple[str, str], str] = {
    ("on", "strike"): "took part",
    ("off", "job"): "took part",  # "2,500 workers walked off the job"
    ("in", "camp"): "displaced",  # "3.3 million people were living in camps"
    ("in", "shelter"): "displaced",
    ("without", "power"): "without power",  # "left 320,000 homes without power"
    ("in", "captivity"): "held",  # "23 people remain in captivity"
    ("in", "custody"): "arrested",  # "14 people were in custody"
    ("in", "hand"): "held",  # "23 people remain in the group's hands"
    ("from", "home"): "displaced",  # "some 7,500 people forced from their homes", "driven from their homes"
    ("from", "house"): "displaced",
}

# Verbs whose negation leaves people missing: "only three people still haven't been found".
FINDING_VERBS = frozenset("find locate trace".split())
MISSING = "missing"
# Those moved to where they are safe (see `SAFE_DESTINATION_NOUNS`).
EVACUATED = "evacuated"
# Verbs of losing: what losing means depends on what is lost (`LOSS_BY_COUNTED`).
LOSING_VERBS = frozenset("go lose".split())

# What "lost" or "gone" means for what is counted: jobs are cut, homes destroyed, people killed.
LOSS_BY_COUNTED = {"job": "cut", "home": "destroyed", "people": "killed"}
# What happened to those counted by what their verb's object is, when they are its subject: "4,000 people lost
# their jobs" (their jobs were cut), "40 families lost their homes" and "close to 20,000 have left their homes" (they
# are homeless; "the storm left 320,000 homes without power" counts the homes). Anything else lost ("their eyesight",
# "their savings") names no count this engine compares.
EVENTS_BY_OBJECT: dict[tuple[str, str], str] = {
    ("lose", "job"): "cut",
    ("lose", "home"): "displaced",
    ("lose", "house"): "displaced",
    ("leave", "home"): "displaced",
    ("abandon", "home"): "displaced",
    ("leave", "house"): "displaced",
    ("abandon", "house"): "displaced",
}
# What losing means for anything else counted: "146 containers were lost overboard".
LOST = "lost"
# Stuff counted by measure, never in the plural: "oil spilled", not "oils spilled".
MASS_NOUNS = frozenset("oil gas gasoline petrol diesel fuel crude water rice grain wheat".split())
# Nouns of people with plurals of their own: "children missing", "women killed"; and nouns of groups already
# plural ("police who took part", not "polices").
IRREGULAR_PLURALS = {
    "child": "children", "man": "men", "woman": "women", "person": "people",
    "police": "police", "staff": "staff", "personnel": "personnel", "cattle": "cattle", "livestock": "livestock",
}  # fmt: skip

# Units of stuff that flows: what "leaks" of it is spilled, not a data leak ("5,000 barrels were leaking").
FLUID_UNITS = frozenset("barrel gallon l".split())
# Units of one dimension: a value given in one and restated in another ("at a depth of 9 kilometers (5.5 miles)",
# "12,000 hectares (29,650 acres)") is a conversion, not a second figure.
UNIT_DIMENSIONS: dict[str, frozenset[str]] = {
    "length": frozenset("km mile m cm mm".split()),
    "area": frozenset("ha km2 acre mile2 m2".split()),
    "volume": FLUID_UNITS,
}
# Words by which stuff that flows gets out ("1,200 barrels escaped from the line", "a release of 4,000 barrels",
# "discharged 300 gallons"): said of a fluid unit, what happened is a spill.
LEAK_WORDS = frozenset("leak escape release discharge seep ooze pour".split())

# Nouns that count items of whatever kind the words before them say: "2.5 million Mac units", "phone sales rose to
# 7.9 million units" count Macs and phones, not "units" of anything.
ITEM_NOUNS = frozenset("unit".split())

# People who hold jobs: when they are cut ("lay off 2,000 workers"), their jobs are what is counted.
JOB_HOLDER_NOUNS = frozenset("worker employee staff staffer".split())

# Verbs (with their particle) that name the quantity of a sum of money they take: "earned $1.12 a share",
# "brought in $18.8 billion". Read only for figures in a currency.
MONEY_VERB_QUANTITIES: dict[tuple[str, str | None], str] = {
    ("earn", None): "profit",
    ("bring", "in"): "revenue",
    ("take", "in"): "revenue",
    ("rake", "in"): "revenue",
}

# Events that happen at one moment: a count "since January" can't be theirs (it is a running total).
MOMENT_EVENTS = frozenset("explosion earthquake landslide crash sinking collapse attack stampede".split())

# Quantities of money: a figure written "209 million" without its currency compares with "187 million euros".
MONEY_QUANTITIES = frozenset("revenue profit loss cost damages".split())

# Counted nouns that count the same thing.
COUNTED_FAMILIES: dict[str, frozenset[str]] = {
    "people": frozenset(
        "people person passenger individual occupant".split()
    ),
    "home": frozenset("home house household dwelling".split()),
    "job": frozenset("job post position role".split()),
    "user": frozenset("user customer account subscriber".split()),
    "prisoner": frozenset("prisoner inmate convict".split()),
    # "74 per cent of workers", "29 percent of the workforce", "29% of employees": one working population.
    "worker": frozenset("worker employee workforce staff staffer labourer laborer".split()),
    # A main shock by any name; its aftershocks are other quakes.
    "earthquake": frozenset("earthquake quake tremor temblor".split()),
}

# Groups of people a toll may count apart: one group's count is no other group's ("4 officers were injured",
# "30 protesters were hurt"), while nouns of one group name it alike ("troops", "soldiers").
PERSON_GROUPS: dict[str, frozenset[str]] = {
    "security forces": frozenset("soldier troop officer policeman policewoman guard serviceman trooper".split()),
    "fighters": frozenset(
        "militant fighter rebel insurgent guerrilla gunman jihadist extremist attacker terrorist separatist bandit "
        "combatant".split()
    ),
    "rescue workers": frozenset("firefighter rescuer paramedic medic".split()),
    "protesters": frozenset("protester protestor demonstrator marcher".split()),
    "children": frozenset("child minor kid boy girl infant teenager teen adolescent juvenile".split()),
    "women": frozenset("woman".split()),
    "adults": frozenset("adult".split()),  # the toll less its children: "12 killed, including four children"
    "journalists": frozenset("journalist reporter".split()),
    # (people, but no soldiers: "600 soldiers were killed" and "14 civilians were killed" are two counts; "eight
    # villagers were killed" and "more than 20 militants were killed" too)
    "civilians": frozenset("civilian villager resident inhabitant citizen non-combatant noncombatant".split()),
}

# Verbs of what something is made or allowed for: "designed to carry 30 people" is a capacity.
CAPACITY_VERBS = frozenset("design build license licence certify rate equip".split())

# Things built, whose burning destroys them: "40 houses were burnt" and "20 houses were razed" count one loss (an
# area burned is measured, not destroyed).
BUILDING_NOUNS = frozenset("home building structure shop hut".split())

# Coins that are a hundredth of a currency: "84 cents a share" is $0.84 a share.
SUBUNITS: dict[str, tuple[str, float]] = {"cent": ("USD", 0.01), "penny": ("GBP", 0.01), "pence": ("GBP", 0.01)}

# Currencies named in words that belong to one country each ("1.2 billion rand", "40 billion naira"). Those that
# several countries share (shilling, peso, franc, dinar, krone) are left out: their code would be a guess.
CURRENCY_NAMES: dict[str, str] = {
    "rand": "ZAR", "naira": "NGN", "cedi": "GHS", "ringgit": "MYR", "yuan": "CNY", "renminbi": "CNY",
    "rouble": "RUB", "ruble": "RUB", "lira": "TRY", "baht": "THB", "taka": "BDT", "zloty": "PLN",
    "forint": "HUF", "rupiah": "IDR", "hryvnia": "UAH", "krona": "SEK", "kronor": "SEK",
}  # fmt: skip
# Units: the counted noun (lemma or lower-case form) that makes a figure a measurement, not a count.
UNIT_WORDS: dict[str, str] = {
    "percent": "%", "%": "%", "pct": "%", "per": "%", "point": "points",
    "hectare": "ha", "ha": "ha", "acre": "acre",
    "km2": "km2", "sq": "km2",
    "kilometre": "km", "kilometer": "km", "km": "km", "mile": "mile",
    "metre": "m", "meter": "m", "millimetre": "mm", "millimeter": "mm", "mm": "mm", "centimetre": "cm",
    "tonne": "t", "ton": "t", "barrel": "barrel", "bbl": "barrel", "bpd": "barrel per day",
    "gallon": "gallon", "litre": "l", "liter": "l", "gigabyte": "GB",
    "degree": "degree", "hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
    "minute": "minute", "second": "second",
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "rupee": "INR", **CURRENCY_NAMES,
}  # fmt: skip
CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "Rs": "INR", "Rs.": "INR"}
# Dollars marked by their country: "NZ$663 million", "HK$5.2 billion", "US$306 billion". They are dollars; which
# country's is left unknown, as articles write "C$1.2 billion" and then "$1.1 billion" of the same sum.
COUNTRY_DOLLARS = frozenset("US$ NZ$ A$ AU$ C$ CA$ HK$ S$ NT$".split())
CURRENCY_CODES = frozenset(CURRENCY_SYMBOLS.values()) | frozenset(CURRENCY_NAMES.values())

# Nouns that stand for a figure given before: "put the figure at 4,000", "the true number was closer to".
RESTATING_NOUNS = frozenset("figure number total tally estimate count size toll".split())

# Verbs by which a source revises its own figure: "raised the toll to 19", "later upgraded to 6.0".
REVISION_VERBS = frozenset("raise revise upgrade downgrade lower update correct adjust narrow widen".split())

# Verbs that change a figure when their object is one ("cut its estimate to 940", "raised the toll to 19",
# "lowered the number of missing"): the figure is revised.
FIGURE_CHANGING_VERBS = REVISION_VERBS | frozenset("cut reduce increase lift trim slash up".split())

# Verbs that only ever revise a statement, whatever their object: "the rate was revised up to 7.8 percent from
# 7.7 percent", "upgraded it from 7.5 to 7.9". ("raise" and "lower" also move prices and rates.)
STATEMENT_REVISING_VERBS = frozenset("revise upgrade downgrade correct update".split())

# Nouns naming an earlier statement of a figure: "up from an initial estimate of 0.5 per cent", "from earlier
# calculations of 1,800". A value after one of them is what a source said before, not an earlier state.
PRIOR_STATEMENT_NOUNS = frozenset("estimate calculation reading assessment projection forecast".split())
# A source's statement marked as one it made before: "its previous forecast of $53.8 billion", "the initial
# estimate was 1,400". ("the previous reading of 5.4%" is last month's value, a baseline, not a statement revised.)
REVISABLE_STATEMENT_NOUNS = frozenset("estimate calculation assessment projection forecast guidance outlook".split())
EARLIER_STATEMENT_ADJECTIVES = frozenset("previous earlier initial original prior first preliminary provisional".split())

# Subordinators of a condition: a figure under one is supposed, not reported ("If the ministry says the rate was
# 7.7 percent, ...", "unless more than 40 turn up").
CONDITION_MARKERS = frozenset("if unless".split())

# Words after a number that make it a percentage.
PERCENT_WORDS = frozenset("percent % pct".split())

# Words saying a statement comes later than an earlier one of the same source: "later said", "now says".
LATER_WORDS = frozenset("later now subsequently afterwards update updated since".split())
# Words saying a statement came before the article's latest one: "had earlier put the number at 400,000", "the
# government initially said", "originally reported".
EARLIER_WORDS = frozenset("earlier previously initially originally".split())

# Verbs and adverbs of a quantity changing over time: "grew to 31,000, up from 12,500".
# Words that set a figure against another it is compared with: "compared with $2.5 billion last year".
COMPARISON_WORDS = frozenset("compared versus than".split())
# Prepositions that set one value against another of the same measure: "far below the 300 rescuers counted",
# "short of the $1.20 analysts expected" ("short" takes "of").
SET_AGAINST_PREPOSITIONS = frozenset("below above beneath against versus vs than".split())
# Multiples that set one amount against another: "double the amount present at the previous protest".
MULTIPLE_WORDS = frozenset("double twice triple treble half".split())
SHORT_WORDS = frozenset("short ahead".split())  # "short of the 440 million", "ahead of the $1.98"

# Prepositions after a word of direction that name a level, not a change: "revised down to 1,200", "up from
# 40 million".
LEVEL_PREPOSITIONS = frozenset({"to", "from"})

# The preposition of a change's starting point: "down 2% from the same time last year".
BASELINE_PREPOSITIONS = frozenset({"from"})
# How far above a time marker the phrase of a starting point may be ("last" -> "year" -> "time" -> "from").
MAX_BASELINE_CLIMB = 3

# Verbs by which a count grows to a value: "the toll could rise to 300", "could reach 10,000".
GROWING_VERBS = frozenset("rise climb soar jump grow increase reach top exceed surpass double".split())
# Words naming the count to come at an event's end: "the final death toll", "the eventual number of dead".
FINAL_COUNT_WORDS = frozenset("final eventual ultimate".split())
CHANGE_WORDS = frozenset(
    "rise fall grow drop increase decrease climb decline gain jump slump slide shrink contract expand ease up down "
    "higher lower overstate understate overcount undercount overestimate underestimate overreport underreport".split()
)

# Vehicles: people "on", "onto" or "aboard" one are on board.
VEHICLE_WORDS = frozenset("boat ship vessel ferry train bus coach plane aircraft flight dinghy raft".split())
# Buildings people are in: "treated at the hospital and two private clinics", "sheltering in 40 schools" count the
# buildings, not the people in them.
BUILDING_WORDS = frozenset("hospital clinic school shelter house home building church mosque temple".split())

# Nouns for someone's figure: "the ministry's latest estimate of 2.15 billion" gives the ministry's figure.
OWNED_FIGURE_NOUNS = frozenset(
    "estimate figure count tally forecast projection prediction calculation number expectation assessment data "
    "statistic toll outlook guidance"
    .split()
)

# Heads that name only that a quantity is measured, or how it moves: "unemployment rate", "death toll", "price
# growth" take their modifier's name; other named heads keep theirs ("consumer price inflation" is inflation).
GENERIC_MEASURE_HEADS = frozenset("rate toll figure number total count level tally growth".split())

# Figure nouns whose "of" names what they count, never who gives them: "the number of bodies recovered".
COUNTING_NOUNS = frozenset("number amount count tally toll total".split())

# Words that make a figure an estimate: a source's reckoning of what can't be counted ("put losses at", "an
# estimated 3.2 million", "assessed the damage at").
ESTIMATE_WORDS = frozenset("estimate estimated put reckon assess calculate gauge approximate".split())

# Words that make a figure a goal or a bound set in advance rather than a count: "reached its goal of accepting
# 10,000 refugees", "15 percent over the limit of 10,000".
TARGET_WORDS = NAMED_QUANTITIES["target"] | frozenset("limit cap quota ceiling threshold".split())
# Participles that make the figure they modify a bar to clear: "above the 50 percent needed for the vote to be
# valid", "the two-thirds majority required" (as the verb, "12 people needed treatment" counts people).
THRESHOLD_PARTICIPLES = frozenset("need require".split())

# Words that make a figure an expectation rather than a reported fact.
# Verbs with a preposition that expect a figure: "the $1.11 a share that analysts were looking for". Such a figure
# is a forecast, as if its words held `FORECAST_LEMMA`.
FORECAST_PHRASES = frozenset({("look", "for")})
FORECAST_LEMMA = "expect"
# People whose figures are expectations: "the 180,000 economists polled by Reuters had forecast" is no count of
# economists but the value they forecast (the parser hangs the number on them).
FORECASTER_NOUNS = frozenset("economist analyst forecaster strategist".split())
# Words saying how many forecasters expected a value: "the $8.75 most analysts were expecting".
FORECASTER_SHARE_WORDS = frozenset("most many some several".split())
# Forecasters named by their market: "Wall Street was looking for $1.48 billion".
FORECASTER_NAMES = frozenset({"wall street"})
# Verbs of expecting that may end such a clause, and what may stand between the forecasters and their verb.
EXPECTING_VERBS = frozenset("expect forecast predict anticipate project estimate foresee".split())
POLLING_WORDS = frozenset("polled surveyed questioned".split())
# A phrase of expecting said of forecasters only: "Analysts were looking for $538 million".
FORECASTERS_EXPECTING_PHRASE = ("look", "for")
# What a poll of forecasters is called: "a forecast 0.3 percent rise in a Reuters poll".
POLL_NOUNS = frozenset("poll survey consensus".split())
# Verbs setting a result against an expectation: "beating forecasts of 1.8 percent", "topping estimates of $2.2bn".
SET_AGAINST_VERBS = frozenset("beat top miss exceed surpass trail".split())
# Nouns of what was expected, with no one's name on them: "beating forecasts of 1.8 percent", "expectations of".
EXPECTATION_NOUNS = frozenset("forecast expectation estimate projection".split())
# Verbs whose time is the time of what they foresee: "Next year, the bank sees inflation falling to 4.5 percent".
FORESEEING_VERBS = EXPECTING_VERBS | frozenset("see foresee".split())
FORECAST_WORDS = frozenset(
    "forecast expect expectation projection project predict prediction outlook consensus assume anticipate "
    "guidance".split()
)

# Periods that make an event count an aggregate over time rather than one event's toll.
AGGREGATE_PERIODS = frozenset("this year|so far this year|this month|since january|this season".split("|"))
# The same, anywhere in the figure's sentence: "have died attempting the crossing since January".
AGGREGATE_PATTERN = (
    r"\bsince (?:the start of )?(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|the start of the year)\b|\bso far this (?:year|month)\b|\bthis year alone\b"
)
# A count since its story began ("300 arrested since the protests began"): a running total, set apart from a
# count of one day, though not from the story's own toll (a war's dead "since the fighting began" are its toll).
RUNNING_TOTAL_PATTERN = r"\bsince the (?:\w+ ){1,3}(?:began|started|erupted|broke out)\b"
# A change measured against the same time a year before ("1.9 percent larger than a year earlier", "up 4%
# year-on-year") is another measure than a change over the quarter or month just gone; a rate at an annual pace
# ("grew at a 2.4% annualised rate") another again. The basis is read from the figure's sentence.
GROWTH_QUANTITIES = frozenset({"growth", "inflation"})
# Modal verbs of what is still to come: "will cost", "would cost".
FUTURE_MODALS = frozenset("will would 'll".split())
# Words before "prices" that keep them prices in general: "consumer prices rose 2.9 percent" is inflation.
GENERAL_PRICE_WORDS = frozenset("consumer retail".split())
MONTH_ON_MONTH = "month on month"
YEAR_ON_YEAR = "year on year"
ANNUALISED = "annualised"
# What a result is counted after or before: "net profit after tax of $245.8 million", "profit before interest and
# tax of $227 million" (the value is the profit's; the parser may hang "of" on the tax).
ACCOUNTING_DEDUCTION_NOUNS = frozenset("tax taxes taxation interest depreciation amortisation amortization".split())
ACCOUNTING_DEDUCTION_PREPOSITIONS = frozenset("after before".split())
# Adjectives on a change's own noun that say what it is measured against: "a monthly decrease of 0.9% and an annual
# fall of 3.2%" (one sentence, two bases: the noun's word wins over the sentence's).
CHANGE_BASIS_ADJECTIVES = {"monthly": MONTH_ON_MONTH, "annual": YEAR_ON_YEAR, "yearly": YEAR_ON_YEAR}
CHANGE_BASIS_PATTERNS = {
    YEAR_ON_YEAR: r"\b(?:a|one) year (?:earlier|ago|before)\b|\byear[- ](?:on|over)[- ]year\b"
    r"|\b(?:from|on|over|than|with) the same (?:period|quarter|month|time) (?:of |in )?(?:last|a|the previous) year\b"
    r"|\bon an annual basis\b",
    ANNUALISED: r"\bannuali[sz]ed\b|\bannual (?:rate|pace)\b",
    MONTH_ON_MONTH: r"\bmonth[- ](?:on|over)[- ]month\b|\b(?:from|than) (?:a|the previous) month\b",
}


# --- words around a figure that say its unit, rate or state --------------------------------------------------

# Words opening a percentage right after a number: "12 percent", "12 per cent", "12%".
PERCENT_OPENERS = frozenset("percent per %".split())
# The words of "per cent": the parser may hang the number on either.
PER_CENT_WORDS = frozenset("per cent".split())
# What follows "per" in a share, not a rate: "74 per cent", "per centum".
CENT_WORDS = frozenset("cent centum".split())
# Words of a rate after a figure: "34,000 crowns per claimant", "0.42 euros a share", "five each".
RATE_WORDS = frozenset("per each a an".split())
# Words after a count that make it one for each of several things: "two rallies, up to 100,000 participants each",
# "fined $500 apiece". A figure for each is no total.
DISTRIBUTIVE_WORDS = frozenset("each apiece".split())
# Nouns that make "a" a rate rather than an article: "0.42 euros a share", "300 a head".
RATE_NOUNS = frozenset("share head day week month year hour".split())  # "5,000 barrels a day"
# Bases of a money measure, named before its noun: "adjusted EPS", "diluted earnings", "operating profit", and
# "insured losses" against "economic losses" (what insurers pay against all the damage). Two figures on two bases
# measure two things.
BASES = frozenset("adjusted diluted underlying core operating net gross pretax pre-tax insured uninsured economic".split())
# The conjunction by which a clause counts things that met one fate or another: "destroyed or badly damaged".
EITHER_FATE_JOINS = frozenset({"or"})
# Abbreviations that name a quantity per something: "an adjusted EPS of $0.87" is profit per share.
PER_UNIT_ABBREVIATIONS: dict[str, tuple[str, str]] = {"eps": ("profit", "share")}
# Verbs by which a noun spans its values: "revenue ranging from $33 billion to $34 billion".
RANGING_VERBS = frozenset("range vary".split())
# Units of length that make an area after "square": "square kilometres", "sq miles".
SQUARABLE_UNITS = frozenset("km mile m".split())
# Words making a unit of length one of area.
SQUARE_WORDS = frozenset("square sq sq.".split())
# Adverbs of where a quantity closed after a change: "closed 3.2% higher", "4% down".
DIRECTION_WORDS = frozenset("higher lower up down".split())
# A rise in employment by N is N jobs created: "payrolls rose by 96,000", "the number of people employed increased
# by 54,600" (statistics releases say it so; forecasts say "20,000 jobs to be added").
GROWTH_WORDS = frozenset("rise grow increase climb gain jump".split())
EMPLOYMENT_WORDS = frozenset("employment payroll employ employed job".split())
# Nouns that name a period's jobs added, not a level: "June payrolls were revised to 18,000".
JOBS_ADDED_NOUNS = frozenset({"payroll"})
# People counted by the event they take part in: "4,000 protesters" took part, and they are people.
PARTICIPANT_NOUNS = frozenset("protester protestor demonstrator marcher spectator".split())
# They took part, unless their clause says something else happened ("300 protesters were detained").
QUANTITY_OF_COUNTED.update(dict.fromkeys(PARTICIPANT_NOUNS, "took part"))
# Nouns whose infinitive says what they are about, not what happened to them: "one intention - to kill", "a plan to
# cut 500 jobs" (where "5,000 jobs to go" are jobs that go).
PURPOSE_NOUNS = frozenset("intention intent aim goal plan order attempt bid effort decision promise threat".split())
# Participles before a plural noun that say what the people counted are doing: "60% of striking teachers",
# "2,000 protesting students" took part (not "a striking rise", which is singular and no activity).
ACTIVITY_PARTICIPLES = {"striking": "took part", "protesting": "took part", "demonstrating": "took part"}
# People named after an event whose number is not that event's count: "17 survivors" is no toll.
EVENT_PEOPLE_NOUNS = PARTICIPANT_NOUNS | frozenset({"survivor"})
# Nouns each of which is one item of an event's count: "17 deaths", "1,284 cases".
EVENT_ITEM_NOUNS = frozenset("death fatality body injury case".split())
# Quantities (keys of `EVENT_FAMILIES`) that are states the counted things are in, not things done to them.
STATE_QUANTITIES = frozenset({"on board", "without power"})
# States that come and go as an event goes on: one source's later count is the state's new level, up or down
# ("400,000 customers without power at its peak ... by Sunday, 90,000 remained without power").
PASSING_STATES = frozenset({"without power"})
# Adverbs and prepositions of being on a vehicle: "had been aboard", "were onboard".
ABOARD_WORDS = frozenset("aboard onboard".split())
# Prepositions of getting on a vehicle: "crowded onto the boat", "were on the train".
BOARDING_PREPOSITIONS = frozenset("on onto aboard into".split())
# Prepositions that tie a figure to who or what it concerns, never to a place: "of 40", "to 19", "with 12", "by
# 54,600 people".
CONCERNING_PREPOSITIONS = frozenset("of to with by".split())
# Prepositions that give a figure's period: "in 2025", "for the year", "during the quarter", "over 2024".
PERIOD_PREPOSITIONS = frozenset("in for during over".split())
# Prepositions setting a time or a cause beside an event: "355 people died after 3,600 patients flooded in" - the
# patients are not the dead.
CIRCUMSTANCE_PREPOSITIONS = frozenset("after before since until despite amid following".split())


# Two sources' counts of one thing differ by a few times at most; values 50 times apart measure different
# things ("$0.84" a share against "$12.8 billion" of revenue, "3 times" against "1.6 million").
MAX_SOURCE_RATIO = 50


def same_scale_values(a: float, b: float) -> bool:
    """Whether two values are near enough (`MAX_SOURCE_RATIO`) to count one thing."""
    low, high = sorted((abs(a), abs(b)))
    return low > 0 and high / low <= MAX_SOURCE_RATIO


def family_of(lemma: str, families: dict[str, frozenset[str]]) -> str | None:
    """The name of the family `lemma` belongs to, or None."""
    for name, words in families.items():
        if lemma in words:
            return name
    return None


# Kinds of news event, for the article's own event ("an explosion at the depot" -> explosion). Lemmas of the
# noun or verb that names the event.
# The kind of event named by its kind and a name of its own: "Cyclone Sidr", "Hurricane Irene".
STORM = "storm"
EVENT_KINDS: dict[str, frozenset[str]] = {
    "explosion": frozenset("explosion blast explode blow".split()),
    "fire": frozenset("fire wildfire blaze".split()),
    "earthquake": frozenset("earthquake quake tremor temblor aftershock foreshock".split()),
    "flood": frozenset("flood flooding".split()),
    "landslide": frozenset("landslide mudslide avalanche".split()),
    STORM: frozenset("storm hurricane typhoon cyclone tornado blizzard".split()),
    "crash": frozenset("crash collision derailment derail collide".split()),
    "sinking": frozenset("shipwreck capsize sink".split()),
    "collapse": frozenset("collapse cave-in".split()),
    "attack": frozenset("attack bombing shooting airstrike strike-attack ambush".split()),
    "strike": frozenset("strike stoppage walkout".split()),
    "protest": frozenset("protest demonstration march rally".split()),
    "election": frozenset("election vote referendum ballot poll".split()),
    "outbreak": frozenset("outbreak epidemic".split()),
    "heatwave": frozenset("heatwave drought".split()),
    "blackout": frozenset("blackout outage".split()),
    "breach": frozenset("breach hack cyberattack leak".split()),
    "takeover": frozenset("takeover acquisition merger bid buyout".split()),
    "results": frozenset("earnings results".split()),
    "layoffs": frozenset("layoff redundancy closure".split()),
    "release": frozenset("release swap".split()),
    "stampede": frozenset("stampede crush".split()),
}
# What an event "measures" or "registers", or is "put at": "the quake measured 7.8" is its magnitude.
MEASURING_VERBS = frozenset("measure register put estimate rate".split())
# Verbs by which an event is said to have measured something: "the aftershock was originally reported as 7.6".
EVENT_REPORTING_VERBS = frozenset("report record".split())
MEASURE_OF_EVENT = {"earthquake": "magnitude"}
# What an event's size is in units of area: "put the size of the blaze at 19,500 acres" is the area burned.
AREA_OF_EVENT = {"fire": "burned"}
# Quantities whose name follows the value with a hyphen, as a count never does: "a 6.1-magnitude quake", "the
# 5,000-acre estimate" (where "a 500-lb bomb", "a 25-year-old" are modifiers).
HYPHENATED_QUANTITY_NAMES = frozenset("magnitude acre hectare".split())

# Words of `EVENT_KINDS` that name the event only as nouns: "went on strike", not "the deadliest event to ever
# strike the pilgrimage"; "a crush at the gates", not "crushed by a wall"; "a storm", not "gunmen stormed a
# school".
NOUN_ONLY_EVENT_WORDS = frozenset("strike crush poll storm".split())  # "economists polled by Reuters"

# Words of `EVENT_FAMILIES` that tell what happened only as verbs (and "board" after "on"): as nouns they name
# something else, a body of people ("the electoral board put it at 48%"), a height ("the water level reached
# 7.2 metres"), a record ("the ship's log recorded 312 passengers").
VERB_ONLY_EVENT_WORDS = frozenset("board level log".split())
