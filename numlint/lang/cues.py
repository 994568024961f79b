"""Context words that tell what a number next to them is: a year, an identifier, a score, a race.

Pure data. The extractor's filters of non-quantities (``numlint.extract.filters``) and its scale
reader ("the 100m final" is a distance, "100m people" a million) test the words around a number
against these lists.
"""

from __future__ import annotations

# Written just before a 4-digit number, these make it a year ("in 2017", "since 1948", "fiscal 2020").
YEAR_CUES = frozenset("""in since until till during by from early late mid the of before after between
and to through fiscal fy year summer winter spring autumn season this its their""".split())

# A lower-case word right before a number that makes it an identifier: "page 5", "game 6", "number 10".
ID_CUES = frozenset("""page pages chapter number no no. version v level step grade room route flight gate
platform article section clause paragraph phase stage round episode series act scene tier category class
type model channel seat row lane exit highway interstate game day week match hole race leg question item
figure table appendix pier terminal bus unit apartment suite floor district ward precinct region
junction junctions freeway motorway note notes footnote p. pp.
""".split())

# Words near "3-1" that make it a score, not a range.
SPORT_CUES = tuple("""win won wins beat beats defeat defeated victory lead led draw drew lost loss score
scored goal goals trail trailing series final match game inning innings half-time halftime""".split())

# After "400m": a race, so the "m" is metres, not a million ("the 400m final", "100m runners").
ATHLETICS_WORDS = frozenset("""runner runners race races hurdles relay freestyle butterfly backstroke breaststroke
medley sprint sprints sprinter sprinters final finals champion champions record records title titles event events
dash swim swimmer heat heats gold silver bronze medal medallist medalist""".split())

# After "10k": a race, so "k" is kilometres (read as a unit), not a thousand.
RACE_WORDS = ("run", "race", "walk", "runs", "races")

# "one" + these is an idiom, not a count of one ("one day", "at one point", "one thing").
ONE_IDIOMS = frozenset("""day point thing way time side hand another anyone someone stage moment place
occasion off-off of""".split())

# Clock suffixes and time zones after a number: "9 am", "10 p.m.", "6 GMT" are times, not quantities.
CLOCK_WORDS = ("am", "pm", "a.m.", "p.m.")
TIME_ZONES = ("GMT", "BST", "CET", "EST", "EDT", "UTC", "ET", "PT")
