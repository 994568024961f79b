"""Function words: what a metric noun phrase never holds, and the words before "of" that are no metric."""

from __future__ import annotations

from numlint.lang.lazyre import LazyPattern

STOP_WORDS = frozenset("""
a an the this that these those its it it's their his her our your my of in on at to for from by
with without into onto over under about above below between among through during after before
and or but nor so yet as than then thus per via vs vs. versus against toward towards upon
is are was were be been being am has have had having do does did will would shall should can could
may might must ought not no nor only also just even still already yet again ever never
who whom whose which what when where why how there here
i you he she we they me him us them
said says say told tells according reported reports announced added noted
more most less least much many few fewer several some any each every all both either neither other
another such same own very too quite rather almost nearly about around roughly
up down out off away back ago later earlier now today yesterday tomorrow
last next first second third previous following current
year years month months week weeks day days time times
percent per cent pct
since until till while if unless because although though whether
one two three four five six seven eight nine ten
annually yearly monthly weekly daily each apiece overnight
lead leads
remain remains remained stay stays stayed live lives lived die died dies work works worked come comes came
go goes went make makes take takes took get gets got see saw seen need needs want wants attend attended
join joined vote voted left leave leaves hurt injured killed arrested
include includes included including show shows showed mark marks means reflects reflected excludes
compares compared sees
near across behind beyond inside outside within like despite along amid amongst throughout toward
indoors outdoors overseas afterwards upwards downwards abroad ahead alone instead
""".split())
# Words before "of" that are not a metric ("one of", "some of", "a total of" -> look further left).
NOT_METRIC_BEFORE_OF = frozenset("""
total sum tune amount number figure level value worth estimate average maximum minimum rate price
cost high low peak record excess upwards average tally count range total
""".split()) - {"rate", "price", "cost", "value"}

# Determiners a metric noun phrase or a base skips at its start ("the GDP", "its annual budget").
POSSESSIVE_DETERMINERS = frozenset(("the", "a", "an", "its", "their", "his", "her", "our", "your", "all", "this",
                                    "that", "these", "those", "my", "total", "overall", "annual", "entire", "whole"))

# Words that are no content of a sentence for comparing two mentions' contexts, and never the head of
# a metric read from the words around a figure: function words, scale and currency words, time units.
NOT_CONTENT_WORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but",
    "its", "their", "his", "her", "our", "this", "that", "these", "those", "was", "were", "is", "are",
    "be", "been", "has", "have", "had", "will", "would", "could", "should", "may", "might", "said",
    "says", "than", "more", "less", "about", "around", "some", "over", "under", "up", "down", "as",
    "per", "each", "every", "year", "years", "month", "months", "week", "weeks", "day", "days", "it",
    "which", "who", "while", "after", "before", "since", "until", "into", "between", "among", "last",
    "next", "other", "new", "another", "both", "all", "such", "only", "just", "also", "now",
    "then", "there", "here", "when", "where", "if", "so", "not", "no", "they", "he", "she", "we",
    "you", "i", "them", "him", "us", "ago", "times", "time", "cent", "percent", "point", "points",
    "million", "billion", "trillion", "thousand", "mln", "bln", "bn", "m", "k", "pct", "dlrs",
    "hundred", "cents", "pence", "pounds", "dollars", "euros", "yen", "yuan", "further",
    "extra", "additional", "estimated", "nearly", "almost", "roughly", "approximately", "least",
    "most", "record", "total", "shares", "share",
})
# An -ed or -ing word ends a noun phrase read after a figure ("10,000 troops stationed ...").
VERB_ENDING_RE = LazyPattern(r"(?:ed|ing)$")
# Verbs (irregular past forms, auxiliaries, present forms) that are never a metric head.
COMMON_VERBS = frozenset({
    "given", "taken", "seen", "made", "sold", "held", "paid", "left", "lost", "won", "put", "set", "cut",
    "built", "told", "said", "got", "brought", "bought", "spent", "kept", "found", "known", "shown",
    "thought", "rose", "fell", "grew", "came", "went", "are", "were", "was", "is", "be", "have", "had",
    "has", "do", "did", "does", "can", "will", "would", "could", "should", "must", "may", "might",
    "starts", "opens", "begins", "runs", "takes", "means", "makes", "comes", "goes", "remains",
    "includes", "shows", "gives", "says", "needs", "looks", "seems", "appears", "stands", "continues",
    "follows", "leaves", "rises", "falls", "gets", "puts", "sees", "helps", "brings", "ends", "closes",
    "remain", "remained", "stay", "stayed", "died", "live", "lived",
})

# Head nouns that name no metric of their own: "an estimate of 3,000" counts what the sentence counts.
GENERIC_HEADS = frozenset({"estimate", "figure", "number", "total", "level", "tally", "count", "sum", "amount",
                           "rate", "value", "forecast", "projection", "target", "record", "high", "low", "peak",
                           "average"})

# Heads that say what is counted but not which measure: "people", "times". A currency as the head
# ("85 mln marks", "300 billion lire") names the unit, not what the money is: loans, turnover and tax
# cuts of one article would all land in one bucket.
VAGUE_HEADS = frozenset({"people", "person", "times", "thing", "way", "case", "one",
                         "mark", "franc", "guilder", "lire", "lira", "crown", "krona", "kronor", "rupee", "peso",
                         "dinar", "riyal", "rand", "shekel", "yuan", "won", "dollar", "pound", "euro", "yen",
                         "sterling", "rouble", "ruble", "peseta", "schilling", "drachma", "escudo"})

# Words that link a noun phrase to the one before it ("exports to China", "the speed of the cars"):
# two noun phrases side by side without one are two phrases, not one.
LINKING_WORDS = frozenset({"of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "than", "as",
                           "into", "about", "over", "under", "between", "against", "per", "across", "via"})

# Function words by STOP_WORDS that are also the modifiers of a noun phrase a figure is about ("the
# current population", "the daily limit", "its annual turnover"): a concept keeps them.
NOUN_MODIFIERS = frozenset({"current", "daily", "weekly", "monthly", "yearly", "annual", "total", "overall",
                            "combined", "maximum", "minimum", "average", "entire", "whole", "own"})
# Determiners a noun phrase read as written drops at its start ("the", "its"); unlike
# POSSESSIVE_DETERMINERS they hold no modifier ("total", "annual").
ARTICLES = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these",
                      "those"})
