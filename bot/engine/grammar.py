"""Groups of parse labels the engine reasons with: dependency labels, coarse POS tags, fine tags, entity labels.

Each group is named for what it picks out, and declared once; the words themselves live in `bot.engine.lexicon`.
The labels are those of spaCy's English pipelines (ClearNLP dependencies, Penn Treebank tags, OntoNotes entities);
a test checks that every label here is one spaCy knows.
"""

from __future__ import annotations

# --- dependency labels ----------------------------------------------------------------------------------------

# A verb's subject, active or passive: "the minister said", "it was announced".
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# The active one: who acts, and whom a possessive in the clause points back to ("The army stands by its claim").
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj"})
# A verb completing another, sharing its subject: "was estimated to have a magnitude of 5.5".
OPEN_COMPLEMENT_DEPS = frozenset({"xcomp"})
# How a clause set against another hangs on it: "..., while X put it at ..." (advcl), "..., but X put ..." (conj).
CONTRAST_CLAUSE_DEPS = frozenset({"advcl", "conj"})
# A clause's subject slot, filled by a subject or by a dummy "it"/"there": a clause that has one is complete.
SUBJECT_OR_EXPLETIVE_DEPS = SUBJECT_DEPS | frozenset({"expl"})
# Ways a participle or a second verb hangs on the verb whose subject it shares: "..., saying", "and warned".
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "relcl", "pcomp", "dep"})
# Auxiliaries of a verb, active or passive: "has said", "was told".
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
# The word opening a subordinate clause: "said that ...".
CLAUSE_MARKER_DEPS = frozenset({"mark", "complm"})
# A clause modifying a noun: "a group calling itself X", "the official who spoke".
NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})
# A conjunct: "54 children, 82 women and 16 bodies", "killed 17 and wounded 40".
CONJUNCT_DEPS = frozenset({"conj"})
# A relative clause: "analysts, who had predicted $0.84" (its pronoun stands for the noun it hangs on).
RELATIVE_CLAUSE_DEPS = frozenset({"relcl"})
# A clause hung on a noun, as a modifier or as its complement: "a statement that the deficit would fall".
NOUN_OR_COMPLEMENT_CLAUSE_DEPS = NOUN_CLAUSE_DEPS | frozenset({"ccomp"})
# A clause after the cue that may be someone else's account: "..., while a rescue group put the toll at 31".
FOLLOWING_CLAUSE_DEPS = frozenset({"advcl", "conj"})
# The objects of a verb the object of "tell" may be parsed as: "told Reuters".
RECIPIENT_DEPS = frozenset({"dobj", "dative", "iobj"})
# The direct and the dative object: the persuaded in "urged residents to leave".
OBJECT_DEPS = frozenset({"dobj", "dative"})
# An object or an infinitive complement: "reported a figure closer to 4,000", "vowed to retaliate".
OBJECT_OR_XCOMP_DEPS = frozenset({"dobj", "xcomp"})
# The object of a preposition, a noun or a clause: "about the plan", "about leaving".
PREPOSITION_OBJECT_DEPS = frozenset({"pobj", "pcomp"})
# What a bare pronoun object needs after it to say something: "called it a disgrace", "put it at 6.2".
OBJECT_COMPLEMENT_DEPS = frozenset({"prep", "oprd", "xcomp", "ccomp"})
# Attachments after an object that carry what was said on: "accused X of Y", "described it as Z".
OBJECT_CONTINUATION_DEPS = frozenset({"prep", "oprd", "xcomp", "advcl"})
# Loosely attached phrases after an estimate, which may add figures to it: "puts it at 6.2, depth 10 km".
LOOSE_ATTACHMENT_DEPS = frozenset({"npadvmod", "appos", "intj", "dep"})
# Modifiers that make a noun part of a larger noun phrase rather than its head: "Pentagon spokesman".
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "poss"})
# What says which of a kind a noun is: an article or a demonstrative ("the strikes", "these fires"), an owner ("its attacks").
DETERMINER_DEPS = frozenset({"det", "poss"})
# The part of a name before its head: "The Associated Press", "Pentagon spokesman".
NAME_PREFIX_DEPS = frozenset({"compound", "det"})
# A name set before a noun it owns: "the UNAMA report", "the U.N. Assistance Mission in Afghanistan (UNAMA) report".
OWNER_NAME_DEPS = frozenset({"compound", "nmod"})
# Everything before a noun that still belongs to its phrase as a description: "an Iraqi militia official".
DESCRIPTION_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "quantmod", "det"})
# Everything before a noun that belongs to a source's mention, including coordination: "the minister and ...".
MENTION_LEFT_DEPS = DESCRIPTION_LEFT_DEPS | frozenset({"case", "predet", "advmod", "cc"})
# Everything after a noun that belongs to a source's mention: "a spokesman for the ministry, Ana Lind".
MENTION_RIGHT_DEPS = frozenset({"prep", "conj", "cc", "case", "compound", "nummod", "appos"})
# Words before a name that are not a role: "the", ",", "'s".
FUNCTION_DEPS = frozenset({"det", "punct", "case"})
# The thing a verb acts on, active or passive: "killed 17", "17 were killed".
PATIENT_DEPS = frozenset({"dobj", "nsubjpass"})
# A verb's subject or direct object: "the toll rose", "raised the toll".
SUBJECT_OR_OBJECT_DEPS = SUBJECT_DEPS | frozenset({"dobj"})
# The arguments of a verb that can name what a figure is the value of: "turnout stood at", "the toll was".
VERB_ARGUMENT_DEPS = SUBJECT_OR_OBJECT_DEPS | frozenset({"attr"})
# How the value after a copula hangs on it: "the toll was 40".
COPULA_VALUE_DEPS = frozenset({"attr"})
# How a word takes part in the event of its head: "17 were killed", "a toll of 17", "killed 17 and wounded 40".
EVENT_PARTICIPANT_DEPS = VERB_ARGUMENT_DEPS | frozenset({"pobj", "npadvmod", "appos", "conj", "oprd"})
# Where "one" stands as a count rather than a pronoun: "one person died", "killed one", "one of them".
COUNT_ONE_DEPS = frozenset({"nummod", "nsubj", "nsubjpass", "dobj", "pobj", "quantmod", "appos", "conj"})
# How a number hangs on the noun it counts: "17 people", "about 40", "a 500-strong crowd".
NUMBER_ATTACHMENT_DEPS = frozenset({"nummod", "quantmod", "compound", "amod"})
# Modifiers before a noun that may name its quantity: "death toll", "participation rate".
PRENOMINAL_MODIFIER_DEPS = frozenset({"compound", "amod"})
# A modifier saying what happened to a noun, before or after it: "wounded soldiers", "people killed".
ADJECTIVAL_MODIFIER_DEPS = frozenset({"amod", "acl"})
# Every modifier that may say what happened to a counted noun: "homes destroyed", "jobs that would go".
EVENT_MODIFIER_DEPS = ADJECTIVAL_MODIFIER_DEPS | NOUN_CLAUSE_DEPS | frozenset({"compound"})
# Links the search for a figure's event climbs through: "the toll of 17 in the blast", "17 and 40".
EVENT_CLIMB_DEPS = frozenset({"prep", "pobj", "conj"})
# A verb's particle or preposition: "win over three senators", "ran to 12".
PARTICLE_OR_PREPOSITION_DEPS = frozenset({"prt", "prep"})
# Clauses that hang on a cue as circumstances, not as what was said: "..., officials said, after the dam broke".
ADJUNCT_CLAUSE_DEPS = frozenset({"advcl"})
# How an adverb completes a verb of being: "180 people were aboard".
ADVERB_COMPLETION_DEPS = frozenset({"advmod", "acomp", "prt", "advcl"})
# What completes a verb into a phrasal event or state: "lost their lives", "took part", "stayed away".
VERB_COMPLETION_DEPS = frozenset({"dobj", "prt", "acomp", "attr", "advmod", "oprd", "xcomp"})  # "confirmed dead"
# Completions that only make a phrase with their verb, never an event on their own: "lost their lives",
# "stopped working".
PHRASE_ONLY_COMPLETION_DEPS = frozenset({"dobj", "advmod", "xcomp"})
# How an amount of change hangs on its verb: "rose 4%", "gained 3 points".
CHANGE_AMOUNT_DEPS = frozenset({"npadvmod", "dobj"})
# Adjectival or adverbial modifiers: "closer to 950", "more than 3".
MODIFIER_DEPS = frozenset({"amod", "advmod"})
# How a figure hangs on a noun it is the value of: "a turnout of 61%", "a toll of 17", "inflation, 4.8%".
VALUE_OF_NOUN_DEPS = frozenset({"pobj", "appos", "nummod", "compound", "npadvmod", "attr"})
# A clause hung on a verb of saying that may carry a figure's scope: "said the toll in the north was 40".
SAID_CLAUSE_DEPS = frozenset({"ccomp", "conj"})
# How a verb's object misread as a verb hangs on it: "revised that estimate upward to 900,000" (a clause or object).
MISREAD_OBJECT_DEPS = frozenset({"ccomp", "dobj"})
# Modifiers that can date a figure's own phrase: "third-quarter growth", "next year", "a 2025 budget".
PERIOD_MODIFIER_DEPS = frozenset({"npadvmod", "amod", "compound", "nmod", "advmod"})

# --- coarse POS tags ------------------------------------------------------------------------------------------

# Nouns, common and proper: what can head a noun phrase naming a source or a thing.
NOUN_POS = frozenset({"PROPN", "NOUN"})
# A noun phrase's possible heads, pronouns included: a source as the subject of "said".
NOUN_PHRASE_HEAD_POS = NOUN_POS | frozenset({"PRON"})
# What a bare noun phrase can open with: "Pentagon spokesman John Kirby", "the minister", "senior officials".
NOUN_PHRASE_OPENING_POS = NOUN_POS | frozenset({"DET", "ADJ"})
# Verbs, main or auxiliary.
VERB_POS = frozenset({"VERB", "AUX"})
# Words that stand for a noun phrase on their own: "it", "this", "that".
STAND_IN_POS = frozenset({"PRON", "DET"})
# What continues a proper name: "Hezbollah", "'s" in a name.
NAME_CONTINUATION_POS = frozenset({"PROPN", "PART"})
# Capitalised words that may open a name with a preposition in it: "Medecins Sans", "Doctors Without Borders".
NAME_OPENING_POS = frozenset({"PROPN", "NOUN"})
# Words that can name an event: "the earthquake", "flooded", "Hurricane Ida".
EVENT_TRIGGER_POS = NOUN_POS | frozenset({"VERB"})
# A name or a pronoun: a source as written, resolved later when a pronoun.
NAME_OR_PRONOUN_POS = frozenset({"PROPN", "PRON"})
# Words that can head what a number counts: "jobs", "Ostrandis", "22 dead".
COUNTED_HEAD_POS = NOUN_POS | frozenset({"ADJ"})
# A common noun or an adjective right after a number, heading an ellipsis: "four others", "22 dead".
ELLIPSIS_HEAD_POS = frozenset({"NOUN", "ADJ"})
# Words that can head a clause: "killed", "were", "dead".
PREDICATE_POS = VERB_POS | frozenset({"ADJ"})
# Words that state what happened to the counted: "killed", "dead", "missing".
STATE_POS = frozenset({"VERB", "ADJ"})
# Words that can say a figure changed: "rose", "up", "higher".
CHANGE_POS = frozenset({"VERB", "ADV", "ADJ"})
# Words between a counted noun and the verb of its event: "were", "reportedly", "not".
VERB_FILLER_POS = frozenset({"AUX", "ADV", "PART"})
# How a number word can be tagged when it is a count: "17", "a dozen", "one", "thousands", "%".
COUNT_POS = frozenset({"NUM", "NOUN", "PROPN", "ADJ", "X", "PRON", "DET", "SYM"})
# What may stand between a figure and the word of a rate: "crowns per claimant", "% a year".
RATE_GAP_POS = frozenset({"NOUN", "SYM"})
# What the object of "of" after a figure's noun can be: "of forest", "of displaced", "of those missing".
OF_OBJECT_POS = NOUN_POS | frozenset({"ADJ", "VERB", "PRON", "DET"})

# --- fine (Penn Treebank) tags --------------------------------------------------------------------------------

# Every verb form: a cue verb the tagger called a verb though the coarse tag says otherwise.
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
# Participles: "the number of kidnappers killed", "people living in camps".
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
# A present participle: "mapped using GPS at 2,483 acres".
PRESENT_PARTICIPLE_TAGS = frozenset({"VBG"})
# A past participle: "had on average expected revenue of ...".
PAST_PARTICIPLE_TAGS = frozenset({"VBN"})
# What a dateline's words between its place and its outlet's bracket are: a region and a date ("LUMBA, Tessaly",
# "MEREVAL, Sept 12").
DATELINE_REGION_POS = frozenset({"PROPN", "NUM"})
# How the parser joins a source to the dateline place it took for the subject: "GENEVA (AP) — The World Health
# Organization ..." as an apposition, "MEREVAL, Sept 12 (Reuters) - Sarrat's health ministry" as a conjunct.
DATELINE_SUBJECT_DEPS = frozenset({"appos", "conj"})
# Words a name never ends on, which the entity recogniser sometimes runs a name into: "the ministry on (Monday)".
ENTITY_TAIL_POS = frozenset({"ADP", "DET", "CCONJ", "PUNCT"})
# A past form, participle or tense: the tagger takes a participle for a past tense now and then ("bodies still
# thought buried").
PAST_FORM_TAGS = frozenset({"VBN", "VBD"})
# A past participle or an adjective after a verb: "fighters reported killed", "reported dead".
PARTICIPLE_OR_ADJECTIVE_TAGS = frozenset({"VBN", "JJ"})
# Plural nouns, common and proper: "officials", "the Greens".
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
# What may stand between a range of counts and the noun it counts: "60-65 Taliban extremists", "20-30 wounded civilians".
RANGE_COUNTED_MODIFIER_POS = frozenset({"ADJ", "PROPN"})
# Comparatives, adjectival or adverbial: "closer to 950", "more than 3".
COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
# Wh-words opening a clause: "has not said when it will notify" asks, it tells nothing.
WH_TAGS = frozenset({"WRB", "WDT", "WP", "WP$"})
# A negation on a verb: "has not said".
NEGATION_DEPS = frozenset({"neg"})
# How the parser may hang a speaker named after the verb of saying ("Ten killed in blast, says police").
INVERTED_SPEAKER_DEPS = frozenset({"ccomp", "dobj", "attr"})
# A phrase or clause hung on a clause is part of what that clause states ("contracted 31.4%, compared with a prior
# estimated 31.7% decline").
STATEMENT_PHRASE_DEPS = frozenset({"prep", "advcl"})
# A noun phrase set beside another, naming the same thing again or setting it right ("98,000 gallons, not the 14,700
# gallons reported").
APPOSITION_DEPS = frozenset({"appos"})

# --- entity labels --------------------------------------------------------------------------------------------

# Names that can give a figure: people, organisations, groups, and countries or cities (for their governments).
SOURCE_ENTITIES = frozenset("PERSON ORG NORP GPE".split())
# Names of places: countries and cities, regions, buildings: an article's place, a place that tallies a figure.
PLACE_ENTITIES = frozenset("GPE LOC FAC".split())
# A figure's scope: a country, region or city ("600,000 in Washington"), not a building.
SCOPE_ENTITIES = frozenset("GPE LOC".split())
# Entities that may label a figure as its source: "Kessia Health: 28%".
SPEAKING_ENTITIES = frozenset("ORG PERSON".split())
# A nation or people a counted noun belongs to ("Ukrainian servicemen", "Russia's soldiers"), and how it hangs.
SIDE_ENTITIES = frozenset("NORP GPE".split())
# Entities that name a people: "8 million Venezuelans" counts people, whatever the recogniser made of the number.
PEOPLE_ENTITIES = frozenset({"NORP"})
SIDE_DEPS = frozenset("amod compound poss".split())
# What the small model tags many foreign places as: a person, or nothing (""); proper nouns so tagged after a
# preposition of scope count as places. Not all labels: "" is no entity.
PLACES_MISTAGGED_AS = frozenset({"PERSON", ""})
# Days, dates and times of day.
TIME_ENTITIES = frozenset("DATE TIME".split())
# How a figure set beside another hangs on it: "1,150, not 2,000" (apposition), "1,150 and not 2,000".
REJECTED_FIGURE_DEPS = frozenset({"appos", "conj"})
# What the recogniser calls a figure: "46.2%", "$3 billion", "12 km", "17".
FIGURE_ENTITIES = frozenset("PERCENT MONEY QUANTITY CARDINAL".split())
# What is never a figure's source, whatever the construction: "an estimate from Hurricane Irene by AIR", "by
# Sunday", "the toll from the Gorkha earthquake".
NOT_SOURCE_ENTITIES = TIME_ENTITIES | FIGURE_ENTITIES | frozenset(
    "EVENT PRODUCT FAC WORK_OF_ART LAW ORDINAL LANGUAGE".split()
)

# A person's name.
PERSON_ENTITIES = frozenset({"PERSON"})
# Names of a person or an organisation: what a bare name after a quotation must be to be its source.
PERSON_OR_ORGANISATION_ENTITIES = PERSON_ENTITIES | frozenset({"ORG"})
# Names that can speak: people, organisations, and groups named by nationality, religion or politics.
SPEAKER_ENTITIES = PERSON_OR_ORGANISATION_ENTITIES | frozenset({"NORP"})
# Names that speak as a body: organisations, countries and cities (for their governments), groups, places.
ORGANISATION_ENTITIES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
# What a label before a colon names when it is a dateline, not a speaker: "Orsk:", "Monday:", "Three:".
DATELINE_LABEL_ENTITIES = frozenset({"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL"})
# The entities an article's report lists: people, organisations, places, groups and named events.
REPORTED_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})

# Where a percentage's verb names whose share it is: its subject or its object ("Kessling won 41.8%",
# "28 percent supported Mr. Trump").
SHARE_OWNER_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})

# Dependents of a noun that name what it belongs to or which one it is: "United Tarsenia's share", "the United
# Tarsenia party".
NAME_PART_DEPS = frozenset({"poss", "compound"})
