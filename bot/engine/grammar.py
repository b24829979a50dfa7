"""Groups of parse labels the engine reasons with: dependency labels, coarse POS tags, fine tags, entity labels.

Each group is named for what it picks out, and declared once; the words themselves live in `bot.engine.lexicon`.
The labels are those of spaCy's English pipelines (ClearNLP dependencies, Penn Treebank tags, OntoNotes entities);
a test checks that every label here is one spaCy knows.
"""

from __future__ import annotations

# --- dependency labels ----------------------------------------------------------------------------------------

# A verb's subject, active or passive: "the minister said", "it was announced".
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
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
# The part of a name before its head: "The Associated Press", "Pentagon spokesman".
NAME_PREFIX_DEPS = frozenset({"compound", "det"})
# Everything before a noun that still belongs to its phrase as a description: "an Iraqi militia official".
DESCRIPTION_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "quantmod", "det"})
# Everything before a noun that belongs to a source's mention, including coordination: "the minister and ...".
MENTION_LEFT_DEPS = DESCRIPTION_LEFT_DEPS | frozenset({"case", "predet", "advmod", "cc"})
# Everything after a noun that belongs to a source's mention: "a spokesman for the ministry, Ana Lind".
MENTION_RIGHT_DEPS = frozenset({"prep", "conj", "cc", "case", "compound", "nummod", "appos"})
# Words before a name that are not a role: "the", ",", "'s".
FUNCTION_DEPS = frozenset({"det", "punct", "case"})

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
# Words that can name an event: "the earthquake", "flooded", "Hurricane Ida".
EVENT_TRIGGER_POS = NOUN_POS | frozenset({"VERB"})

# --- fine (Penn Treebank) tags --------------------------------------------------------------------------------

# Every verb form: a cue verb the tagger called a verb though the coarse tag says otherwise.
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
# A past participle or an adjective after a verb: "fighters reported killed", "reported dead".
PARTICIPLE_OR_ADJECTIVE_TAGS = frozenset({"VBN", "JJ"})
# Plural nouns, common and proper: "officials", "the Greens".
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})

# --- entity labels --------------------------------------------------------------------------------------------

# Names that can give a figure: people, organisations, groups, and countries or cities (for their governments).
SOURCE_ENTITIES = frozenset("PERSON ORG NORP GPE".split())
# Places that can hold a figure's event.
PLACE_ENTITIES = frozenset("GPE LOC FAC".split())
# A figure's scope: a country, region or city ("600,000 in Washington"), not a building.
SCOPE_ENTITIES = frozenset("GPE LOC".split())
# What the small model tags many foreign places as: a person, or nothing (""); proper nouns so tagged after a
# preposition of scope count as places. Not all labels: "" is no entity.
PLACES_MISTAGGED_AS = frozenset({"PERSON", ""})
# Days, dates and times of day.
TIME_ENTITIES = frozenset("DATE TIME".split())

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
