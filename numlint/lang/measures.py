"""Percentages and physical units as written in news copy, each mapped to a pint unit name.

Every unit name on the right-hand side is a valid expression in ``numlint.units.registry()``
(tests/test_units.py checks it).
"""

from __future__ import annotations

# --- percent and friends ------------------------------------------------------------------------
PERCENT_WORDS: dict[str, str] = {
    "%": "percent", "per cent": "percent", "percent": "percent", "pct": "percent", "per-cent": "percent",
    "percentage points": "percentage_point", "percentage point": "percentage_point",
    "percent points": "percentage_point", "per cent points": "percentage_point",
    "pct points": "percentage_point", "pct point": "percentage_point", "pct pts": "percentage_point",
    "% points": "percentage_point", "% point": "percentage_point", "pp": "percentage_point",
    "basis points": "basis_point", "basis point": "basis_point", "bps": "basis_point", "bp": "basis_point",
    "basis pts": "basis_point", "pc": "percent",
    "percentage-point": "percentage_point", "basis-point": "basis_point",
}

# --- physical units -----------------------------------------------------------------------------
# surface -> pint name. Case-insensitive words (long names) ...
UNIT_WORDS: dict[str, str] = {
    "kilometres": "kilometer", "kilometre": "kilometer", "kilometers": "kilometer", "kilometer": "kilometer",
    "metres": "meter", "metre": "meter", "meters": "meter", "meter": "meter",
    "centimetres": "centimeter", "centimetre": "centimeter", "centimeters": "centimeter",
    "centimeter": "centimeter", "millimetres": "millimeter", "millimetre": "millimeter",
    "millimeters": "millimeter", "millimeter": "millimeter", "micrometres": "micrometer",
    "micrometers": "micrometer", "microns": "micrometer", "nanometres": "nanometer", "nanometers": "nanometer",
    "miles": "mile", "mile": "mile", "yards": "yard", "yard": "yard", "feet": "foot", "foot": "foot",
    "inches": "inch", "inch": "inch", "nautical miles": "nautical_mile", "light years": "light_year",
    "light-years": "light_year",
    "square kilometres": "kilometer ** 2", "square kilometers": "kilometer ** 2",
    "square metres": "meter ** 2", "square meters": "meter ** 2", "square miles": "mile ** 2",
    "square feet": "foot ** 2", "square foot": "foot ** 2", "sq ft": "foot ** 2", "sq m": "meter ** 2",
    "sq km": "kilometer ** 2", "sq miles": "mile ** 2", "square yards": "yard ** 2",
    "hectares": "hectare", "hectare": "hectare", "acres": "acre", "acre": "acre",
    "kilograms": "kilogram", "kilogram": "kilogram", "kilogrammes": "kilogram", "kilos": "kilogram",
    "grams": "gram", "gram": "gram", "grammes": "gram", "milligrams": "milligram", "micrograms": "microgram",
    "gigatonnes": "gigametric_ton", "gigatons": "gigametric_ton", "megatonnes": "megametric_ton",
    "megatons": "megametric_ton", "gigapascals": "gigapascal", "megapascals": "megapascal",
    "year-old": "year", "years-old": "year", "years old": "year", "year old": "year",
    "month-old": "month", "months old": "month", "months-old": "month", "week-old": "week",
    "weeks old": "week", "day-old": "day", "days old": "day",
    "barrel-a-day": "oil_barrel / day", "barrels-a-day": "oil_barrel / day",
    "barrels of oil per day": "oil_barrel / day", "barrels of oil a day": "oil_barrel / day",
    "barrels of oil": "oil_barrel", "barrel-per-day": "oil_barrel / day",
    "tonnes": "metric_ton", "tonne": "metric_ton", "metric tons": "metric_ton", "metric tonnes": "metric_ton",
    "tons": "ton", "ton": "ton", "ounces": "ounce", "ounce": "ounce", "troy ounces": "troy_ounce",
    "stone": "stone", "pounds": "pound", "pound": "pound",
    "litres": "liter", "litre": "liter", "liters": "liter", "liter": "liter", "millilitres": "milliliter",
    "milliliters": "milliliter", "gallons": "gallon", "gallon": "gallon", "barrels": "oil_barrel",
    "barrel": "oil_barrel", "cubic metres": "meter ** 3", "cubic meters": "meter ** 3",
    "drams": "dram", "dram": "dram", "cubic feet": "foot ** 3", "pints": "pint", "pint": "pint",
    "quarts": "quart", "quart": "quart",
    "miles per hour": "mile / hour", "miles an hour": "mile / hour", "mile per hour": "mile / hour",
    "kilometres per hour": "kilometer / hour", "kilometers per hour": "kilometer / hour",
    "kilometres an hour": "kilometer / hour", "kilometers an hour": "kilometer / hour",
    "miles per gallon": "mile / gallon", "barrels per day": "oil_barrel / day",
    "barrels a day": "oil_barrel / day", "knots": "knot", "metres per second": "meter / second",
    "meters per second": "meter / second",
    "degrees celsius": "degree_Celsius", "degrees centigrade": "degree_Celsius", "celsius": "degree_Celsius",
    "centigrade": "degree_Celsius", "degrees fahrenheit": "degree_Fahrenheit", "fahrenheit": "degree_Fahrenheit",
    "degrees": "degree", "degree": "degree",
    "watts": "watt", "kilowatts": "kilowatt", "megawatts": "megawatt", "gigawatts": "gigawatt",
    "watt": "watt", "kilowatt": "kilowatt", "megawatt": "megawatt", "gigawatt": "gigawatt",
    "volt": "volt", "kilovolts": "kilovolt", "nanometre": "nanometer",
    "nanometer": "nanometer", "mph": "mile / hour", "m.p.h.": "mile / hour", "kph": "kilometer / hour",
    "kilowatt-hours": "kilowatt_hour", "kilowatt hours": "kilowatt_hour", "megawatt-hours": "megawatt_hour",
    "megawatt hours": "megawatt_hour", "terawatt hours": "terawatt_hour", "terawatt-hours": "terawatt_hour",
    "gigawatt hours": "gigawatt_hour", "gigawatt-hours": "gigawatt_hour",
    "horsepower": "horsepower", "pound-feet": "foot * force_pound", "pound-foot": "foot * force_pound",
    "foot-pounds": "foot * force_pound", "volts": "volt", "amps": "ampere",
    "hertz": "hertz", "megahertz": "megahertz", "gigahertz": "gigahertz", "kilohertz": "kilohertz",
    "bushels": "bushel", "bushel": "bushel",
    "bytes": "byte", "kilobytes": "kilobyte", "megabytes": "megabyte", "gigabytes": "gigabyte",
    "terabytes": "terabyte", "petabytes": "petabyte", "byte": "byte", "kilobyte": "kilobyte",
    "megabyte": "megabyte", "gigabyte": "gigabyte", "terabyte": "terabyte", "petabyte": "petabyte",
    "bits": "bit", "kilobits": "kilobit", "megabits": "megabit", "gigabits": "gigabit",
    "kilobit": "kilobit", "megabit": "megabit", "gigabit": "gigabit",
    "seconds": "second", "second": "second", "minutes": "minute", "minute": "minute", "hours": "hour",
    "hour": "hour", "days": "day", "day": "day", "weeks": "week", "week": "week", "months": "month",
    "month": "month", "years": "year", "year": "year", "decades": "decade", "decade": "decade",
    "centuries": "century", "century": "century", "milliseconds": "millisecond", "nights": "day",
    "calories": "kilocalorie", "kilocalories": "kilocalorie", "joules": "joule",
    "decibels": "decibel",
}
# ... and case-sensitive abbreviations, glued or spaced ("10km", "10 km", "32C", "100mph", "5GB").
UNIT_ABBREVIATIONS: dict[str, str] = {
    "km": "kilometer", "kms": "kilometer", "m": "meter", "cm": "centimeter", "mm": "millimeter",
    "mi": "mile", "ft": "foot", "in": "inch", "yd": "yard", "yds": "yard",
    "km2": "kilometer ** 2", "km²": "kilometer ** 2", "m2": "meter ** 2", "m²": "meter ** 2",
    "kg": "kilogram", "kgs": "kilogram", "g": "gram", "mg": "milligram", "lb": "pound", "lbs": "pound", "st": "stone",
    "oz": "ounce", "t": "metric_ton", "ha": "hectare",
    "l": "liter", "ml": "milliliter", "cc": "cubic_centimeter",
    "km/h": "kilometer / hour", "km/hr": "kilometer / hour", "kph": "kilometer / hour", "kmh": "kilometer / hour",
    "mpg": "mile / gallon", "bpd": "oil_barrel / day", "b/d": "oil_barrel / day", "bbl": "oil_barrel",
    "bbl/day": "oil_barrel / day", "bbl/d": "oil_barrel / day", "bbls": "oil_barrel", "m/s": "meter / second",
    "°C": "degree_Celsius", "°F": "degree_Fahrenheit", "ºC": "degree_Celsius", "ºF": "degree_Fahrenheit",
    "° C": "degree_Celsius", "° F": "degree_Fahrenheit", "C": "degree_Celsius", "F": "degree_Fahrenheit",
    "°": "degree", "º": "degree",
    # ASCII renderings of the degree sign in wire and plain-text copy: "2.1degF", "1.2deg C", "30 deg"
    "degC": "degree_Celsius", "degF": "degree_Fahrenheit", "deg C": "degree_Celsius",
    "deg F": "degree_Fahrenheit", "deg": "degree", "degs": "degree",
    "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "TW": "terawatt",
    "kWh": "kilowatt_hour", "MWh": "megawatt_hour", "GWh": "gigawatt_hour", "TWh": "terawatt_hour",
    "hp": "horsepower", "bhp": "horsepower", "HP": "horsepower", "V": "volt", "kV": "kilovolt",
    "mAh": "milliampere_hour",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "Ghz": "gigahertz", "ghz": "gigahertz",
    "Mhz": "megahertz", "mhz": "megahertz", "khz": "kilohertz",
    "KB": "kilobyte", "kB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte",
    "Mbps": "megabit / second", "Gbps": "gigabit / second", "Mb/s": "megabit / second",
    "mths": "month", "mth": "month", "wks": "week",
    "sec": "second", "secs": "second", "s": "second", "min": "minute", "mins": "minute", "hrs": "hour",
    "hr": "hour", "h": "hour", "yrs": "year", "ms": "millisecond",
    "μm": "micrometer", "µm": "micrometer", "mL": "milliliter", "ksi": "kip_per_square_inch",
    "HZ": "hertz", "kt": "knot", "″": "inch", "′": "foot",
    "mmBTU": "megaBtu", "MMBtu": "megaBtu", "mmBtu": "megaBtu", "MMBTU": "megaBtu", "Btu": "british_thermal_unit",
    "BTU": "british_thermal_unit",
    "rpm": "revolution / minute", "psi": "pound_force_per_square_inch", "ppm": "ppm", "ppb": "ppb",
    "GPa": "gigapascal", "MPa": "megapascal", "kPa": "kilopascal", "dB": "decibel", "kcal": "kilocalorie",
    "Nm": "newton * meter", "lb-ft": "foot * force_pound", "tn": "metric_ton", "nm": "nanometer",
}
# Abbreviations that are only units when glued to the number ("32C", "5g"), never when spaced
# ("5 C" could be a grade, "3 s" a typo, "5 in" a preposition, "10 g" rare, "2 t").
GLUED_ONLY_ABBREVIATIONS = {"C", "F", "in", "g", "t", "s", "h", "l", "mi", "st", "″", "′"}


# "per share", "a head", "per capita": a count per something that is no physical unit.
COUNT_DENOMINATORS: dict[str, str] = {"share": "share", "person": "person", "head": "head", "capita": "capita",
                                      "people": "person"}

# In the sentence of "20 pounds", these make the pounds a weight rather than money (regex fragments:
# "weigh" covers "weighs", "weighed", "weight"). The units among them make even "151 mln pounds" a
# weight when the sentence names no money ("180 mln tonnes ... 151 mln pounds").
WEIGHT_UNITS = (r"lbs?", r"kg", r"kilos?", r"kilograms?", r"ounces?", r"tons?", r"tonnes?")
# Counted nouns written with an SI prefix: "a 12-megapixel camera" counts 12 million pixels, so it
# agrees with "12 million pixels" (not a scale slip). Other "mega-" words ("a megadeal") are no scale.
# word -> (what it counts, the prefix as written, its factor)
PREFIXED_COUNT_NOUNS = {
    "megapixel": ("pixels", "mega", 1e6), "megapixels": ("pixels", "mega", 1e6),
    "gigapixel": ("pixels", "giga", 1e9), "gigapixels": ("pixels", "giga", 1e9),
}

# A qualifier a story writes once on a unit and then leaves off: bullion is weighed in troy ounces,
# and "3.1 mln troy ounces" is "3.1 mln ounces" in the headline and later paragraphs (bare -> qualified).
QUALIFIED_UNITS = {"ounce": "troy_ounce"}
WEIGHT_CUES = (r"weigh\w*", r"heav\w*", r"pounds? of", *WEIGHT_UNITS)

# Capitalised unit words that are still units ("25 Celsius"); any other capitalised word after a
# number is a name ("5 Miles Davis").
CAPITALISED_UNIT_WORDS = ("Celsius", "Fahrenheit", "Centigrade", "Calories", "Kelvin", "Degrees")

# Kitchen measures that make "1/2" a fraction ("1/2 cup") though the lexicon has no unit for them.
KITCHEN_MEASURES = (r"cups?", r"teaspoons?", r"tablespoons?", r"inch", r"mile")

# Spaced capitalised tokens after a number that look like a unit symbol but are not ("5 US", "6 PM").
NOT_UNIT_SYMBOLS = ("US", "UK", "EU", "UN", "AM", "PM", "GMT")

# Words after a measure that say which dimension it is ("90 miles wide", "six minutes later"): the
# measure is of the thing before it, so they are no part of what it is about.
DIMENSION_WORDS = frozenset({"wide", "long", "tall", "high", "deep", "thick", "across", "away", "apart", "old",
                             "later", "earlier", "ago", "late", "early", "off", "behind", "ahead", "short"})

# Nouns after "age" that make the figure before them an age ("the 18-35 age bracket", "the 65 age
# group"): a span of ages in years, not a count of brackets.
AGE_SPAN_NOUNS = frozenset({"bracket", "brackets", "group", "groups", "range", "ranges", "band", "bands",
                            "category", "categories", "cohort", "cohorts", "limit", "limits", "threshold"})
# People a news report gives an age after, set off by commas ("a man, 43, was arrested", "the
# suspect, 27,"): the number is their age in years.
PERSON_NOUNS = frozenset("""man woman boy girl teenager teen youth child suspect victim defendant driver
pedestrian cyclist motorcyclist passenger mother father son daughter grandmother grandfather pensioner
student pupil officer soldier patient resident worker player footballer actor actress singer author widow
widower husband wife partner neighbour neighbor owner teacher nurse doctor""".split())

# Words that stand between a number and its unit word and leave it a measure in that unit ("517
# rushing yards", "the 50 previous years", "three straight days", "10 working days").
UNIT_MODIFIERS = frozenset({"more", "extra", "additional", "further", "straight", "consecutive", "successive",
                            "full", "previous", "whole", "rushing", "passing", "receiving", "working", "calendar",
                            "business", "school", "trading"})

# In the sentence of a spaced "12 C" or "97 F", these make the letter a temperature scale ("temperatures
# hit 40 C", "a melting point of 12 C"); elsewhere a spaced letter may be a grade or a name.
TEMPERATURE_CUES = frozenset({"temperature", "temperatures", "heat", "heatwave", "hot", "hotter", "hottest",
                              "cold", "colder", "coldest", "warm", "warmer", "warmest", "warming", "melting",
                              "boiling", "freezing", "frost", "thermometer", "celsius", "fahrenheit", "degrees"})

# A measure written in two units, the larger first ("6ft 2in", "7lb 6oz", "12 stone 4 pounds",
# "2hr 5min"): one figure. (larger unit, smaller unit) -> how many of the smaller make one larger.
COMPOUND_MEASURE_PARTS: dict[tuple[str, str], int] = {
    ("yard", "foot"): 3, ("foot", "inch"): 12, ("stone", "pound"): 14, ("pound", "ounce"): 16,
    ("hour", "minute"): 60, ("minute", "second"): 60,
}
