"""Word lists the engine reasons with: attribution cues, source nouns, hedges, measures, genders.

Hand-written, general English news vocabulary; nothing here is specific to one article.
"""

from __future__ import annotations

# Verbs that attribute a statement when they take a clause ("X said (that) ...", "X warned ...").
SPEECH_VERBS = frozenset(
    """say tell add claim deny warn announce confirm report state explain note argue insist suggest
    write assert allege acknowledge admit declare reveal recall stress emphasise emphasize maintain
    concede tweet post testify respond reply counter answer contend charge complain accuse predict
    promise pledge vow urge caution estimate indicate agree disagree boast brag concede conclude
    mention observe point remark repeat reiterate signal threaten hint forecast inform assure ask
    demand propose recommend order announce describe dismiss criticise criticize condemn denounce
    praise blame question dispute reject rebut affirm aver relate recount disclose divulge specify
    clarify elaborate lament acknowledge insist joke quip muse speculate theorize theorise surmise
    grumble shout scream yell whisper write text email message publish broadcast tout advise admit
    concur retort snap cry exclaim proclaim pronounce predict foresee guarantee swear certify
    contend posit opine call show refuse decline endorse back defend refer slam blast mock ridicule
    hail champion applaud thank unveil""".split()
)

# Verbs of thought and stance: attributions in the corpus sense ("X believes ...") when they take a clause.
COGNITION_VERBS = frozenset(
    """think believe feel know hope fear expect want wish doubt worry suspect assume reckon guess
    imagine understand realize realise consider regard deem find learn see hear acknowledge
    recognize recognise decide plan intend seek prefer like love hate favor favour support oppose
    welcome assume project""".split()
)

# Cue verbs whose object (not a clause) is the content: "claimed responsibility for the attack".
OBJECT_CONTENT_VERBS = frozenset(
    """claim deny announce confirm propose call demand urge reject dismiss criticize criticise condemn
    denounce praise blame defend endorse support oppose describe acknowledge admit promise pledge
    vow warn predict dispute question welcome reveal disclose recommend cite accuse report record declare back slam blast mock ridicule hail
    champion applaud thank unveil refer forecast project assume""".split()
)

CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS

# Cognition verbs are attributions only when they take a clause; these need it strictly.
CLAUSE_ONLY_VERBS = frozenset(
    """see hear find learn understand consider regard like love hate know""".split()
)

# Nouns that are a source only by description; unnamed, they make an anonymous source.
ANONYMOUS_SOURCE_NOUNS = frozenset(
    """source sources official officials person people aide aides diplomat diplomats insider insiders
    officer officers staffer staffers employee employees witness witnesses resident residents
    someone somebody member members adviser advisers advisor advisors individual individuals
    investigator investigators analyst analysts observer observers expert experts activist activists
    medic medics doctor doctors""".split()
)

# Nouns for a statement rather than a speaker: "the ministry's statement said" -> the ministry.
VEHICLE_NOUNS = frozenset(
    """statement statements report reports study survey poll letter post tweet release memo document
    documents filing ruling data figures note notice announcement communique communiqué bulletin
    message video website account document transcript analysis assessment estimate estimates review
    audit count tally""".split()
)

# "the company" may stand for any business named before as an operator, an airline, a firm ...
BUSINESS_NOUNS = frozenset(
    """company firm operator airline carrier utility manufacturer insurer lender broadcaster publisher
    retailer developer business group""".split()
)
# The words closing a business's registered name, full stops dropped: "MTN Group Ltd.", "Kelvar Mining Corp", "Ostra
# Holdings plc". An organisation named with one is a company, whatever else the article calls it.
CORPORATE_DESIGNATORS = frozenset(
    """inc incorporated corp corporation co ltd limited plc llc llp ag sa nv gmbh holdings bhd berhad tbk asa
    oyj spa""".split()
)
# A business's word on its own coming results: "The revised outlook anticipates EPS between $2.10 and $2.20", with
# no owner named, is the business's named just before (analysts give forecasts and estimates, not guidance).
GUIDANCE_NOUNS = frozenset("guidance outlook".split())

# Definite descriptions that refer back to an organisation already quoted ("the group said").
ORGANISATION_NOUNS = frozenset(
    """group monitor organisation organization agency body watchdog observatory ministry department
    company firm network outlet newspaper paper broadcaster channel office committee council
    commission government administration military army force forces police service campaign party
    movement coalition alliance institute center centre authority authorities court union
    association federation bank board team panel
    operator airline carrier utility manufacturer insurer lender broadcaster publisher retailer developer
    secretariat directorate inspectorate headquarters bureau hospital
    dept govt""".split()  # (abbreviated in posts and headlines: "city health dept says")
)

# Heads of a description that says only what kind of body a source is: "the agency", "the group", "the London-based
# organisation" stand for an organisation named before.
GENERIC_ORGANISATION_NOUNS = frozenset(
    """group monitor organisation organization agency body watchdog observatory outfit militia""".split()
)

# Nouns naming a person by office or role, used to split "Pentagon spokesman John Kirby" into role and name.
ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson minister president prime secretary official chief director
    head leader governor senator representative congressman congresswoman mayor commander general
    colonel captain lieutenant sergeant ambassador envoy adviser advisor aide chairman chairwoman
    chair ceo founder analyst professor researcher economist lawyer attorney judge prosecutor
    candidate nominee lawmaker legislator member deputy undersecretary king queen prince princess
    sheikh emir pope bishop rev reverend dr doctor sheriff superintendent commissioner inspector
    administrator manager executive officer counsel justice activist correspondent reporter editor
    columnist strategist pollster economist chancellor premier speaker whip delegate diplomat consul
    general monitor coordinator coordinator""".split()
)

MALE_WORDS = frozenset(
    """mr mister sir he him his man boy father son brother husband king prince spokesman chairman
    congressman businessman lord uncle nephew grandfather""".split()
)
FEMALE_WORDS = frozenset(
    """mrs ms miss madam she her woman girl mother daughter sister wife queen princess spokeswoman
    chairwoman congresswoman businesswoman lady aunt niece grandmother""".split()
)

# Common English-language first names with a conventional gender; a name not listed leaves gender unknown.
MALE_FIRST_NAMES = frozenset(
    """john james robert michael william david richard joseph thomas charles christopher daniel matthew
    anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
    jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
    samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan
    henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald
    harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan
    albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip
    louis bernie barack mike jim tom bill bob ted chuck mitch boris vladimir emmanuel olaf recep
    narendra xi ali mohammed muhammad ahmed hassan hussein omar abdul ibrahim mahmoud khalid yusuf
    youssef tariq hamid karim rashid sergei dmitry ivan igor viktor andrei pierre jean jacques
    francois hans klaus karl friedrich giuseppe marco luca carlos miguel luis pedro antonio manuel
    diego javier rafael alejandro fernando hugo lula jair""".split()
)
FEMALE_FIRST_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
    nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather
    diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan
    cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
    madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia
    marie diana brittany natalie isabella charlotte rose alexis kayla hillary kamala nikki elizabeth
    angela theresa ursula jacinda liz kristi marjorie lauren ilhan alexandria fatima aisha layla
    leila mariam maryam noor yasmin zainab olga natalia tatiana svetlana irina elena anne sophie
    claire isabelle marine christine giorgia sanna mette""".split()
)

# Outlets a source may speak to; any proper-noun object of "told" also counts (see attribution code).
GENERIC_AUDIENCE_NOUNS = frozenset(
    """reporters journalists media press crowd audience supporters lawmakers congress parliament
    committee senators members viewers listeners readers students voters people residents me us him
    her them""".split()
)

HEDGE_WORDS = {
    "reportedly": "reportedly",
    "allegedly": "allegedly",
    "purportedly": "purportedly",
    "supposedly": "supposedly",
    "apparently": "apparently",
    "unconfirmed": "unconfirmed",
    "unverified": "unverified",
}

# Cue lemmas that themselves cast doubt on what follows.
HEDGING_CUES = {"claim": "claimed", "allege": "alleged", "insist": "insisted"}

# Measures: what a figure counts, normalised. Keys are lemmas of the verb or noun the figure attaches to.
MEASURE_LEMMAS = {
    "kill": "killed",
    "die": "killed",
    "dead": "killed",
    "death": "killed",
    "toll": "killed",
    "fatality": "killed",
    "casualty": "casualties",
    "body": "killed",
    "massacre": "killed",
    "bury": "killed",
    "slay": "killed",
    "murder": "killed",
    "execute": "killed",
    "behead": "killed",
    "shoot": "shot",
    "wound": "wounded",
    "injure": "wounded",
    "hurt": "wounded",
    "injury": "wounded",
    "injured": "wounded",
    "wounded": "wounded",
    "hospitalise": "hospitalised",
    "hospitalize": "hospitalised",
    "arrest": "arrested",
    "detain": "arrested",
    "jail": "jailed",
    "imprison": "jailed",
    "capture": "captured",
    "kidnap": "abducted",
    "abduct": "abducted",
    "missing": "missing",
    "displace": "displaced",
    "evacuate": "evacuated",
    "flee": "displaced",
    "rescue": "rescued",
    "infect": "infected",
    "vaccinate": "vaccinated",
    "protest": "protesters",
}

# Nouns of the counted thing that already say the measure: "17 deaths", "three casualties".
MEASURE_NOUNS = {
    "death": "killed",
    "body": "killed",
    "dead": "killed",
    "fatality": "killed",
    "casualty": "casualties",
    "injury": "wounded",
    "victim": "victims",
    "protester": "protesters",
    "protestor": "protesters",
    "refugee": "displaced",
    "hostage": "hostages",
    "prisoner": "prisoners",
    "arrest": "arrested",
}

# Nouns that are the "how many" of a toll phrase: "the death toll rose to 17".
TOLL_NOUNS = frozenset("""toll""".split())

# Words before a number that qualify it; longest first when matching.
QUALIFIERS = (
    ("at least", "at least"),
    ("at most", "at most"),
    ("no more than", "at most"),
    ("not more than", "at most"),
    ("no higher than", "at most"),  # 'turnout "no higher than 41%"'
    ("not higher than", "at most"),
    ("no lower than", "at least"),
    ("not lower than", "at least"),
    ("no fewer than", "at least"),
    ("no less than", "at least"),
    ("not less than", "at least"),
    ("more than", "more than"),
    ("over", "more than"),
    ("upwards of", "more than"),
    ("in excess of", "more than"),
    ("fewer than", "fewer than"),
    ("less than", "fewer than"),
    ("under", "fewer than"),
    ("below", "fewer than"),
    ("above", "more than"),
    ("up to", "up to"),
    ("as many as", "up to"),
    ("as high as", "up to"),  # "the toll could be as high as 10,000"
    ("as much as", "up to"),
    ("as few as", "at least"),
    ("as low as", "at least"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("closer to", "about"),
    ("more like", "about"),  # "the union says it's more like 70%"
    ("about", "about"),
    ("around", "about"),
    ("approximately", "about"),
    ("roughly", "about"),
    ("~", "about"),  # a post's "police ~2,000"
    ("≈", "about"),
    ("some", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("only", "only"),
    ("just", "only"),
    ("exactly", "exactly"),
)
# The middle words of "as many as", "as high as": the parser may hang the value on them ("from as high as 22").
AS_BOUND_WORDS = frozenset(words.split()[1] for words, _ in QUALIFIERS if words.startswith("as ") and words.endswith(" as"))

# Words in a sentence that place what it reports in an earlier or separate event.
# Verbs that put figures out: "numbers released last week" dates the release, not the event counted.
PUBLISHING_VERBS = frozenset("release publish issue compile".split())
# Verbs by which a source puts out a statement of its own: "the company issued a statement saying ..." is the
# company's ("read a statement" or "received a letter" is not the reader's or the receiver's).
ISSUING_VERBS = frozenset("issue release publish post send make".split())

# Markers that shift a figure's own period back, whoever reports it: "A year earlier it reported revenue of $11.9
# billion" is the revenue of a year before, not an earlier statement of this year's.
PERIOD_OFFSET_MARKERS = ("a day earlier", "a week earlier", "a month earlier", "a year earlier")
# A marker of time that, owning an event noun, dates the event a follow-up story reports on rather than another
# one: "the death toll from last week's crush has reached 1,100", "survivors of last week's floods".
FOLLOW_UP_MARKERS = frozenset({"last week", "last month"})
OTHER_EVENT_MARKERS = (
    *PERIOD_OFFSET_MARKERS,
    " ago",
    "earlier attack",
    "previous",
    "last week",
    "last month",
    "last year",
    "came after",
    "comes after",
    "follows an",
    "followed an",
    "in a separate",
    "separately",
    "earlier this year",
    "earlier this month",
    "last time",
    "in a similar",
    "a similar attack",
    "years ago",
    "months ago",
    "weeks ago",
    "days ago",
    # "the magnitude 8.5 quake that struck hours earlier": a span of time before the story's own tells of another
    # occasion, whatever number counts it
    "hours earlier",
    "days earlier",
    "weeks earlier",
    "months earlier",
    "years earlier",
    "the day before",  # "The day before, 20,000 people marched": another day's count
    "the night before",
)

# A clause set a span of time after or before the sentence's own tells of another occasion: "a day after 25,000
# marched in Vell", "a week before 300 were arrested".
OCCASION_MARKERS = frozenset({"after", "before"})
TIME_SPAN_NOUNS = frozenset("minute hour day week month year".split())
# Adverbs of how often, by the span each count is of: "3,000 people die annually" is a count a year.
FREQUENCY_ADVERBS = {"annually": "year", "yearly": "year", "daily": "day", "weekly": "week", "monthly": "month"}
# Determiners that make a span of time a rate: "die each year", "every day", "a year".
EVERY_DETERMINERS = frozenset("each every a per".split())

# How a background paragraph tells a long conflict's start: "The war began on Oct. 7 when ... killing 1,200
# people" is the conflict's first event, not the one the article reports.
CONFLICT_NOUNS = frozenset("war conflict".split())
BEGINNING_VERBS = frozenset("begin start trigger spark".split())

# Months, as written in dates: "May 4", "4 Sept". The one list every date reader uses.
MONTH_NAMES = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# A month named with "last" is past, another time than the article's news: "A march last October drew about
# 60,000 people". (Full names only: "last may" could be a verb's.)
PAST_MONTH_MARKERS = tuple(
    f"last {month}" for month in "january february march april june july august september october november december".split()
)
FULL_MONTH_NAMES = (
    "january february march april may june july august september october november december".split()
)

# Words before a number that make it an age: "aged 54", "ages 5 to 12".
AGE_WORDS = frozenset("aged age ages".split())

# Words after a number that make it a clock time: "at 10 pm", "3 o'clock".
CLOCK_WORDS = frozenset("am pm a.m. p.m. o'clock gmt utc est pst cet".split())

# Nouns before a number that make it a name, not a count: "Flight 370", "Article 5", "magnitude" is a quantity.
# The last word of a street's name, after its house number: "88 Wharfside Road", "10 Downing Street".
STREET_WORDS = frozenset("street road avenue lane boulevard drive".split())
NAME_NUMBER_WORDS = frozenset(
    """flight article section route highway number no no. resolution chapter level category grade room
    page platform""".split()
)

# Words that introduce a part of a figure given alongside it: "including 12 children", "among them 3".
PART_WORDS = frozenset("including includes include included among".split())
# Words marking a count as the rest of a whole another count in its sentence is part of: "While two bodies were
# recovered during the night, the remaining 10 were retrieved in the morning".
REMAINDER_WORDS = frozenset({"remaining"})
# Words after "N <unit> of" that point back at a whole: "2,889 hectares of which", "40 percent of whom".
RELATIVE_PART_WORDS = frozenset("which whom them those".split())

# Verbs by which a source gives a figure without saying it: "the union counted 4,000", "police put the crowd
# at 3,000", "the ministry registered 137". Their subject holds the figure.
FIGURE_GIVING_VERBS = frozenset(
    """count estimate put register record tally number calculate reckon place peg give publish measure
    announce report confirm expect anticipate predict forecast foresee project verify document list issue""".split()
)
# Prepositions by which a verb of giving a figure gives it as a bound: "put the death toll above 1,000", "estimated
# the crowd at over 50,000" ("at" gives it exactly).
BOUND_GIVING_PREPOSITIONS = frozenset("above over below under".split())

# Verbs by which a group says the dead or hurt were its own: "Government troops suffered six dead".
SUFFERING_VERBS = frozenset("suffer sustain incur".split())

# Verbs of saying alone: the day they were said on ("said on Friday") dates the statement, not its figures
# ("reported 2,300 new infections on Friday" counts Friday's).
SAYING_VERBS = frozenset("say tell add".split())
# The verb of saying whose object is who was told ("told Reuters", "told reporters"), not what was said.
ADDRESSING_VERB = "tell"
# Verbs of saying whose bare number object is a figure said ("a hospital official said 62"); "added $1.2 trillion"
# adds money.
NUMBER_SAYING_VERBS = frozenset({"say", "claim"})  # "while organisers claimed 245,000"
# Verbs of counting whose bare number object restates the figure before ("Human rights groups counted more than
# 2,000" after "1,204 arrests", "city officials estimated 400,000" after "1.2 million people attended"), and
# phrases of giving a bare number ("the authorities spoke of 150,000").
NUMBER_COUNTING_VERBS = frozenset("count tally record estimate".split())
NUMBER_SPEAKING_PHRASES = frozenset({("speak", "of"), ("talk", "of")})
# Verbs of taking people somewhere: "airlifted 11 seriously injured people to Peshawar", "12 injured were flown to
# the capital" count those moved, some of the injured, not all of them.
MOVING_VERBS = frozenset("airlift fly rush take transfer shift ferry carry send move relocate".split())
# Where people are moved to be safe: "410,000 people had been moved to storm shelters", "shifted to safer places",
# "relocated to relief camps" (those moved were evacuated).
SAFE_DESTINATION_NOUNS = frozenset("shelter safety camp".split())
# What makes any place one to be safe in: "safer places", "safe locations".
SAFE_WORDS = frozenset("safe safer".split())
# Verbs of believing that raise a clause's subject: "45 hostages are believed to have been freed", "30 are feared
# to have died", "are thought to have drowned" (what happened to them is the raised clause's).
BELIEVING_VERBS = frozenset("believe think fear presume know suspect".split())
# Words by which a verb of going says where to: "went through the tunnel", "went home" (no jobs that "would go").
DESTINATION_WORDS = frozenset("through into onto across toward towards home back".split())
# Verbs by which a place is where what it counts happened: "Odisha reported 41 deaths", "Delhi has recorded 76",
# "the province saw 300 cases" (a place counts what happened in it, whoever tells it).
PLACE_RECORDING_VERBS = frozenset("record register report confirm see log".split())
# Verbs whose bare number object, with no unit, restates the figure before: "while the centre gave 7.2" ("gave $50
# million" gives money).
NUMBER_GIVING_VERBS = frozenset({"give"})

# The verb of being: "three of the eight victims were children" sorts a count, it says nothing happened.
COPULA_VERBS = frozenset({"be", "become", "remain"})

# The marks of a possessive written apart from its noun: "the organisers’ estimate".
POSSESSIVE_MARKS = frozenset({"’", "'"})

# "the official toll": a figure the authorities give, whoever repeats it; keyed as `OFFICIAL_SOURCE`.
OFFICIAL_WORDS = frozenset({"official"})
OFFICIAL_SOURCE = "officials"

# Comparatives after a number that make it a difference: "seven fewer than the 153 given by officials".
DIFFERENCE_WORDS = frozenset("fewer less more higher lower".split())

# Nouns for a statement whose content clause says what its owner holds: "union claims that 2,000 jobs will go".
CLAIM_NOUNS = frozenset("claim allegation assertion contention suggestion".split())
# Verbs by which someone disputes a statement: "a figure organisers disputed, saying 20,000 had turned out".
DISPUTING_VERBS = frozenset("deny dispute reject contest challenge question dismiss".split())

# Verbs by which a count or a document tells what it found: "The AP count shows at least 1,453 people died".
SHOWING_VERBS = frozenset("show indicate suggest reveal find".split())

# Verbs whose subject, in a clause ending in a colon, gives the figures after it: "Reuters reports lower
# numbers: 25 hostages escaped", "the ministry gave its figures: 137 schools closed".
COLON_CUE_VERBS = SPEECH_VERBS | FIGURE_GIVING_VERBS | frozenset({"give", "provide"})

# Nouns that can hold a figure ("a police estimate", "55,000 (police)"): organisations and the people who
# speak for them, described rather than named.
SOURCE_NOUNS = (
    ORGANISATION_NOUNS
    | ANONYMOUS_SOURCE_NOUNS
    | ROLE_NOUNS
    | frozenset(
        """organiser organisers organizer organizers union unions ministry spokesperson authorities rescuer
        rescuers scientist scientists seismologist seismologists researcher researchers bureau counterpart
        counterparts opposition worker workers media guard coastguard""".split()
    )
)
# People (and a seat of government) who tell a figure when named in brackets after it, though they are no source
# noun elsewhere: "260 (survivors)", "340,000 (city hall)", "22 (residents)".
BRACKETED_SOURCE_NOUNS = frozenset("survivor witness eyewitness resident local villager relative hall".split())
# The prepositions of being inside a figure's scope: "600,000 in Washington", "across the north".
# The entity labels of places and times (`PLACE_ENTITIES`, `SCOPE_ENTITIES`, ...) are in `bot.engine.grammar`.
SCOPE_PREPOSITIONS = frozenset("in across throughout inside".split())
# A figure noun is also "for" its place: "put the figure for the capital at 96", "the toll for the province".
FIGURE_SCOPE_PREPOSITIONS = SCOPE_PREPOSITIONS | frozenset({"for"})
# Pronouns by which a source speaks of itself as the one acting or owning: "it would cut 4,000 jobs", "its
# customers".
SELF_PRONOUNS = frozenset("it they we".split())
SELF_POSSESSIVES = frozenset("its their our".split())
# A country's or a body's own people: "464 of its citizens died", "it had 465 pilgrims killed" count one part of a
# toll that others give whole.
OWN_PEOPLE_NOUNS = frozenset("citizen national pilgrim resident member".split())
# Words a post or a wire story sets before its text in capitals, as a dateline sets its place: "UPDATE — Dessel
# blast toll rises", "BREAKING - ...". They name no place.
FLASH_LABELS = frozenset("UPDATE UPDATED BREAKING EXCLUSIVE LIVE ALERT FLASH WATCH DEVELOPING URGENT".split())
# Verbs by which one party orders a count or a study from another, who makes it: "a count commissioned by three
# newspapers from the firm Metrocount".
COMMISSIONING_VERBS = frozenset("commission order".split())
# Bodies named without an article: "per police", "per authorities".
MASS_BODY_NOUNS = frozenset("police authorities government military".split())
# A source's own staff or bodies, who count for it: "Medics Abroad said its teams had recorded 390 deaths" ("their
# counterparts in Europe" are others).
OWN_STAFF_NOUNS = frozenset(
    "team staff office official investigator researcher inspector monitor volunteer medic doctor worker "
    "spokesman spokeswoman spokesperson".split()
)
# Words opening a clause about a place: "in Los Angeles, where police counted 100,000".
WHERE_WORDS = frozenset("where".split())
# The adverb standing for a place named before: "up to 20,000 people had died there".
THERE_WORDS = frozenset({"there"})
# Nouns of a part of a country or a settlement: "in the north", "in the capital", "in the province".
# Nouns of a part of an economy that scopes a figure like a place: "in the public sector, where 41% of staff
# joined the strike".
SECTOR_NOUNS = frozenset("sector industry".split())
# The points of the compass: "in the north", "the spill west of Santa Barbara".
COMPASS_WORDS = frozenset("north south east west northeast northwest southeast southwest".split())
PLACE_NOUNS = COMPASS_WORDS | frozenset(
    """capital province region district state county city town village municipality prefecture governorate""".split()
)
# Place nouns that, unnamed, are the dateline's city: "marched in the capital" in a story datelined from there.
DATELINE_PLACE_NOUNS = frozenset({"capital", "city"})

# A whole country as a figure's scope: "nationwide", "across the country" (not "in the country", which most often
# names the article's own scope). Such figures hold for the scope `NATIONWIDE_SCOPE`.
NATIONWIDE_WORDS = frozenset("nationwide countrywide nationally".split())
NATION_NOUNS = frozenset("country nation".split())
WHOLE_PREPOSITIONS = frozenset("across throughout".split())
# Words that make a place its whole: "in the whole country", "in the entire country".
WHOLE_WORDS = frozenset("whole entire".split())
# Words that single a place out as one part of a larger count: "94 people died in his province alone".
ALONE_WORDS = frozenset("alone".split())
NATIONWIDE_SCOPE = "nationwide"

# Words that make a figure a sum over several places or events ("the combined total", "a combined 300,000"),
# and the scope such a sum holds for: never one place's count.
COMBINED_WORDS = frozenset({"combined"})
COMBINED_SCOPE = "all combined"

# Words that make a count tentative: "51 suspected cases" is another count than "7 confirmed cases".
TENTATIVE_WORDS = frozenset("suspected suspect probable possible presumed presume presumptive".split())

# Verbs of tallying whose subject may be the place the tally is for ("Veracruz recorded 152 cases"), not a source.
TALLY_VERBS = frozenset("record register count tally number see have".split())

# Words that make a count an addition to another: "12 more", "six other states", "another 40", "12 new cases".
# ("new" also names what a count of new things counts: "121,000 new jobs were created")
NEW_WORD = "new"
INCREMENT_WORDS = frozenset("more other additional further extra another".split()) | {NEW_WORD}

# Words after a number that make it a ratio, not a count: "three times more", "a tenfold rise".
MULTIPLIER_WORDS = frozenset("times fold -fold".split())

# Qualifiers (as `QUALIFIERS` labels them) that give a rounded value: "nearly 50" agrees with 46.
APPROXIMATE_QUALIFIERS = frozenset("about nearly".split())

# Pronouns that stand for an organisation or a group giving a figure: "it later revised the toll to 61".
IT_THEY_PRONOUNS = frozenset("it they".split())
SINGULAR_PRONOUN = "it"  # stands for no source named by a plural noun ("economists")
# Marks of a clause set against another: "709 were militants, while 295 were civilians".
CONTRAST_MARKS = frozenset("while whereas".split())
# Words by which a counted noun points back at what the figure before it measured: "12 such cases".
POINTING_BACK_WORDS = frozenset({"such"})
# The past of "be" that makes a passive look back: "The company was expected to earn $1.39 a share".
PAST_BE_WORDS = frozenset("was were".split())
# Words that open a sentence pointing back at the one before: "This compares with analyst expectations of ...".
DEMONSTRATIVE_WORDS = frozenset("this that these those".split())
# Days of the week in calendar order, Monday first (as `datetime.date.weekday` counts): "on Tuesday".
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# --- pronouns and determiners: how a source is referred to ----------------------------------------------------

# Pronouns that open a relative clause about a source: "the minister, who said ...".
RELATIVE_PRONOUNS = frozenset("who which that whom".split())
# Words opening a clause set against the one it hangs on: "..., while an independent count put the crowd at ...".
CONTRAST_MARKERS = frozenset("while whereas although though but".split())
# Personal pronouns that refer to several people or to a body: "they said", "we will".
PLURAL_PRONOUNS = frozenset("they we".split())
# Personal pronouns that say their referent's gender, and the gender they say; "him" names a source only as an
# object ("the paper quoted him as saying"). ("her" is also possessive: `POSSESSIVE_PRONOUNS`.)
PRONOUN_GENDERS = {"he": "m", "she": "f", "him": "m"}
# Possessive pronouns owning a source ("his office said"), and the personal pronoun each resolves like.
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
# Determiners that make a description point back to something named before: "the group", "this official".
DEFINITE_DETERMINERS = frozenset("the this that".split())
# The possessive ending of a name, typographic and plain: "the ministry’s".
POSSESSIVE_SUFFIXES = ("’s", "'s")
# Words that, as a cue verb's whole object, point at something said elsewhere and say nothing themselves:
# "confirmed it", "denied that", "said so".
BARE_OBJECT_REFERENCES = frozenset("it this that them him her so".split())
# Words that, as the whole of a reported clause, point at something said elsewhere: "disputed that".
BARE_REFERENCES = BARE_OBJECT_REFERENCES | frozenset("these those".split())

# --- prepositions: what a phrase after a cue or a source is for ----------------------------------------------

# Prepositions that tie a statement to its author: "a statement from the ministry", "a report by the UN".
AUTHOR_PREPOSITIONS = frozenset("from by of".split())
# Prepositions whose phrase stays part of a source's mention: "a spokesman for the ministry", "officials in Kyiv".
SOURCE_PHRASE_PREPOSITIONS = frozenset("of for at in from with on".split())
# Prepositions a post's label may open on and still name who speaks: "Per police: 40 dead", "Via AFP: ...". A label
# opening on any other ("On board:", "In Paris:") names a state, a place or a time.
LABEL_SOURCE_PREPOSITIONS = frozenset("per via".split())
# Prepositions of a short attachment that says whose source someone is: "an analyst at Kesterby Bank", "their
# counterparts in Europe".
AFFILIATION_PREPOSITIONS = frozenset("for of from at with in".split())
# Prepositions that put a claim in the statement or event it was made in: "said in a statement", "on Twitter".
VEHICLE_PREPOSITIONS = frozenset("in on during".split())
# Prepositions that put a claim in an interview given to an outlet: "said in an interview with Reuters".
INTERVIEW_PREPOSITIONS = frozenset("in during".split())
# Prepositions after "interview"/"statement" that name the outlet: "an interview with Reuters", "a statement to".
OUTLET_PREPOSITIONS = frozenset("with to".split())
# Prepositions that set a claim in a place or time rather than carry its content: "in Paris", "on Monday".
SETTING_PREPOSITIONS = frozenset("in on".split())
# Prepositions whose phrase carries an object's content on: "accused X of Y", "described it as Z".
CONTENT_PREPOSITIONS = frozenset("for as of to against with".split())
# Prepositions that give an estimate's value: "put the toll at 52", "revised it from 40".
ESTIMATE_PREPOSITIONS = frozenset("at from".split())
# Prepositions after "call" that give what was called for: "called for calm", "called on residents to leave".
CALL_PREPOSITIONS = frozenset("for on".split())
# Prepositions that give what a statement was about or against: "warned about", "spoke against the plan".
TOPIC_PREPOSITIONS = frozenset("about on against for".split())

# --- number words: the words of a figure's number phrase -------------------------------------------------------

# Scales a fraction can take: "half a million", "a quarter of a billion".
FRACTIONABLE_SCALES = frozenset("thousand million billion trillion".split())
# Words that leave a scale word a vague amount, no figure: "several thousand", "a few hundred", "many millions".
VAGUE_QUANTIFIERS = frozenset("several few many numerous".split())
SCALE_WORDS = FRACTIONABLE_SCALES | frozenset({"hundred"})
# Scales after which "and" goes on with the number: "two hundred and five", "a thousand and one".
AND_SCALES = frozenset("hundred thousand".split())
# The indefinite article: "half a million".
INDEFINITE_ARTICLES = frozenset("a an".split())
# The word of negation, whatever the parser hung it on: ", not the 400,000 first estimated".
NEGATION_WORDS = frozenset({"not"})
# Words for one before a fraction: "a quarter", "one third".
ONE_WORDS = frozenset("a one".split())
# Fractions of one part, singular and plural: "a quarter", "three-quarters", "two-thirds".
SINGULAR_FRACTIONS = frozenset("quarter third".split())
PLURAL_FRACTIONS = frozenset("quarters thirds".split())
# The counts a plural fraction takes: "three-quarters", "two-thirds".
FRACTION_COUNTS = frozenset("two three".split())
# Words opening a range: "between 15 and 20", "from 12 to 19".
RANGE_OPENERS = frozenset("between from".split())
# Words a date or time entity may hold around a bare count: "at least 52", "between 15 and 20", "more than 3".
COUNT_ENTITY_WORDS = frozenset("at least about some between and or to from more than nearly".split())
# Determiners before "one" that make it a pronoun: "no one", "the one", "which one".
PRONOUN_ONE_DETERMINERS = DEFINITE_DETERMINERS | frozenset("no any every each which".split())
# What joins the words of one number: "twenty - two", "two hundred and five".
NUMBER_JOINERS = frozenset({"-", "and"})

# --- verbs and nouns around a cue -------------------------------------------------------------------------------

# Speech verbs whose prepositional phrase is not a claim: "said on Monday", "asked about the plan".
TOPICLESS_SPEECH_VERBS = frozenset("say tell add ask".split())
# Verbs that name the outlet spoken to with "to": "said to Reuters", "spoke to the BBC".
SPEAKING_TO_VERBS = frozenset("say speak talk explain".split())
# Nouns of a statement given to an outlet: "in an interview with X", "in a statement to X".
OUTLET_VEHICLE_NOUNS = frozenset("interview statement".split())

# --- punctuation the engine reads as boundaries ----------------------------------------------------------------

# Dashes, as typed and as typeset: a dateline's dash, a subject cut off from its verb.
DASHES = frozenset({"-", "—", "–", "--"})
# The mark joining two statements in one sentence: "The union said 85% struck; the government put it at 30%".
CLAUSE_JOINING_MARK = ";"
# Marks that go on what comes before them and never open a sentence: "DRAVEC, Nov 12 (Reuters) -" is one line.
SENTENCE_INNER_MARKS = frozenset({",", ";", ")"})
# Marks that end a clause: a trailing attribution stops at them.
CLAUSE_END_MARKS = frozenset({".", "!", "?", CLAUSE_JOINING_MARK})
# Marks that end a sentence or a quotation: a leading attribution starts after them.
SENTENCE_OR_QUOTE_END_MARKS = frozenset({".", "!", "?", "”", '"'})
# Marks that set off a clause inside a sentence: "Dozens dead as floods sweep the north, officials say".
CLAUSE_BREAK_MARKS = frozenset({",", "—", "–"})
# Marks that end a sentence of prose (a headline ends with none).
SENTENCE_END_MARKS = frozenset({".", "!", "?"})
# What sets one value beside another of the same measure in a post: "5.8 (institute) / 6.1 (network)".
ALTERNATIVE_MARKS = frozenset({"/", "|"})
# What ends a post's line label: "Magnitude: 5.4", "Displaced → 12,000 (govt)".
LINE_LABEL_MARKS = frozenset({":", "→", "⇒", "➡", "➡️"})
# What opens a bracket: a source named in one ("12 dead (hospital)"), a body named after its noun.
OPENING_BRACKET = "("
# What closes one: a hyphen right after it is no hyphen inside a word ("(Reuters)-Ukraine's military").
CLOSING_BRACKET = ")"
# Marks right after a source's head that end its mention: "the minister, who ...", "the group (ICG)".
MENTION_END_MARKS = frozenset({",", OPENING_BRACKET, "–", "—"})
# A hyphen or an en dash glued to a number: "500-lb", "15–20".
HYPHENS = frozenset({"-", "–"})
# Marks that open the lines of a list: "- Revenue was $18.8 billion", "• Earnings: $3.42 a share".
BULLET_MARKS = frozenset({"-", "–", "—", "•", "*", "·"})
# Marks that glue a number into a time, a score or a code: "10:30", "3/4".
NUMBER_GLUE_MARKS = frozenset({":", "/"})
# Marks or abbreviations glued before a number that make it a code: "#3", "No.7", ":30", "/4".
NUMBER_CODE_PREFIXES = NUMBER_GLUE_MARKS | frozenset({"#", "No."})
