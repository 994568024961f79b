"""Function words: what a metric noun phrase never holds, and the words before "of" that are no metric."""

from __future__ import annotations

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
