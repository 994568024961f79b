"""Aircraft makers and the words around a model number ("Boeing 747", "Airbus 320", "the 737 Max"):
a figure there names a model, it counts nothing.

Pure data. The extractor's filters (``numlint.extract.filters``) and metric reader
(``numlint.extract.metric``) read these lists and the shape of a model number.
"""

from __future__ import annotations

# Written right before a number, these make it a model number, even at the start of a sentence
# ("Boeing 747 jets were grounded").
AIRCRAFT_MAKERS = frozenset("""Boeing Airbus Embraer Bombardier Cessna Lockheed Douglas McDonnell Tupolev
Ilyushin Antonov Sukhoi Comac Dassault Gulfstream Learjet Fokker Beechcraft Yakovlev""".split())

# Boeing's model numbers: 707 to 787 (a 7, a tens digit, a 7).
BOEING_MODELS = frozenset(range(707, 798, 10))

# Glued or spaced after a Boeing-shaped number, these make it the model whatever the sentence says
# ("737 Max", "787 Dreamliner", "747 jumbo", "747-400").
MODEL_SUFFIXES = frozenset("""max dreamliner dreamliners jumbo jumbos freighter freighters""".split())

# After a Boeing-shaped number in a sentence about flying, these make it the model ("747 jets", "its
# 737 fleet"); without such a sentence "747 jets" may be a count.
AIRCRAFT_NOUNS = frozenset("""jet jets jetliner jetliners airliner airliners aircraft plane planes airplane
airplanes fleet fleets model models family variant variants""".split())

# Words that make a sentence one about flying.
AVIATION_WORDS = frozenset("""airline airlines carrier carriers airport airports aviation flight flights
pilot pilots aircraft jet jets jetliner jetliners airliner airliners plane planes airplane airplanes
fleet fleets""".split())

# How a model number is written after its maker's or product's name ("747", "747-400", "A320",
# "Model 3"): a regular-expression fragment, one for the filters that keep a count before a model
# and the metric reader that makes the model's noun what is counted.
MODEL_NUMBER = r"[A-Z]?\d{1,4}(?:-\d{1,4})?"
