"""News word lists for quantity extraction: scale words, currencies, units, approximators, change words.

Pure data (plus tiny helpers); no imports beyond the standard library, so it is cheap to load.
Every unit name on the right-hand side is a valid expression in ``numlint.units.registry()``.
"""

from __future__ import annotations

# --- scale words --------------------------------------------------------------------------------
# Written after a number ("1.3 mln", "£5m", "$1.2bn"). "m", "k" and "b" are only scale words when glued
# to the number or after a currency (see extract.py); spaced "m" is a metre.
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "K": 1e3,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "mil": 1e6, "m": 1e6, "M": 1e6,
    "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "B": 1e9,
    "trillion": 1e12, "trillions": 1e12, "trn": 1e12, "tn": 1e12, "tln": 1e12,
}

# --- spelled-out numbers ------------------------------------------------------------------------
UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
HUNDRED_WORDS = {"hundred": 100}
BIG_WORDS: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Fractions as words: "half", "a third", "two-thirds", "three quarters".
FRACTION_WORDS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4,
    "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10,
}
UNICODE_FRACTIONS: dict[str, float] = {
    "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125, "⅜": 0.375,
    "⅝": 0.625, "⅞": 0.875, "⅒": 0.1,
}
# "tens of thousands" -> a vague range; the plural order-of-magnitude words.
VAGUE_PLURALS: dict[str, float] = {
    "tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}

# --- money --------------------------------------------------------------------------------------
# Symbols/prefixes written before the number. Order matters only for readability; extract.py builds
# one regex, longest first.
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "US $": "USD", "U.S. $": "USD", "U.S.$": "USD", "$": "USD", "USD": "USD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "HK$": "HKD", "HKD": "HKD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD", "NT$": "TWD",
    "HK $": "HKD", "NZ $": "NZD", "A $": "AUD", "AU $": "AUD", "C $": "CAD", "S $": "SGD", "NT $": "TWD",
    "$US": "USD", "$A": "AUD", "$NZ": "NZD", "$HK": "HKD", "$C": "CAD", "Y=": "JPY",
    "R$": "BRL", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY", "JPY": "JPY",
    "CNY": "CNY", "RMB": "CNY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "INR": "INR", "RM": "MYR",
    "₩": "KRW", "₽": "RUB", "₪": "ILS", "CHF": "CHF", "SFr": "CHF", "Sfr": "CHF", "₦": "NGN",
}
# Words written after the number ("1.3 mln dlrs", "15 euros"). Lower-case; matched case-insensitively.
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "dlrs": "USD", "dlr": "USD", "usd": "USD",
    "us dollars": "USD", "u.s. dollars": "USD", "u.s. dlrs": "USD", "us dlrs": "USD",
    "australian dollars": "AUD", "australian dlrs": "AUD", "aud": "AUD",
    "canadian dollars": "CAD", "canadian dlrs": "CAD", "cad": "CAD",
    "hong kong dollars": "HKD", "hk dollars": "HKD", "hk dlrs": "HKD", "hkd": "HKD",
    "new zealand dollars": "NZD", "nz dollars": "NZD", "nz dlrs": "NZD", "singapore dollars": "SGD",
    "taiwan dollars": "TWD", "new taiwan dollars": "TWD",
    "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "stg": "GBP", "sterling": "GBP",
    "gbp": "GBP", "quid": "GBP",
    "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rmb": "CNY",
    "rupees": "INR", "rupee": "INR", "won": "KRW", "€": "EUR", "euro's": "EUR", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB",
    "ruble": "RUB", "swiss francs": "CHF", "francs": "CHF", "rand": "ZAR", "shekels": "ILS",
    "shekel": "ILS", "ringgit": "MYR", "reais": "BRL", "real": "BRL", "pesos": "MXN", "mexican pesos": "MXN",
    "lira": "TRY", "liras": "TRY", "naira": "NGN", "rupiah": "IDR", "baht": "THB", "zlotys": "PLN",
    "zloty": "PLN", "crowns": "SEK", "kronor": "SEK", "kronur": "SEK", "krone": "NOK", "kroner": "NOK",
    "riyals": "SAR", "dirhams": "AED",
    # currencies the euro replaced, still in archives and wire copy. Only forms that cannot mean
    # anything else: "lire" is the Italian plural ("lira" stays Turkish); "marks" alone is exam marks too.
    "lire": "ITL", "italian lire": "ITL", "guilders": "NLG", "guilder": "NLG", "dutch guilders": "NLG",
    "french francs": "FRF", "belgian francs": "BEF", "deutsche marks": "DEM", "deutschmarks": "DEM",
    "german marks": "DEM", "pesetas": "ESP", "peseta": "ESP", "drachmas": "GRD", "escudos": "PTE",
    "schillings": "ATS", "austrian schillings": "ATS", "irish pounds": "IEP", "punts": "IEP",
    "chinese yuan": "CNY", "japanese yen": "JPY", "indian rupees": "INR", "south african rand": "ZAR",
    "brazilian reais": "BRL", "russian roubles": "RUB", "russian rubles": "RUB", "turkish lira": "TRY",
    "south korean won": "KRW", "korean won": "KRW", "malaysian ringgit": "MYR", "israeli shekels": "ILS",
    "new israeli shekels": "ILS", "australian dollar": "AUD", "canadian dollar": "CAD", "us dollar": "USD",
    # minor units (see units.py: value as written, unit is the minor-unit code)
    "pence": "GBX", "penny": "GBX", "cents": "USX", "cent": "USX", "cts": "USX", "ct": "USX",
    "us cents": "USX", "euro cents": "EUX", "euro cent": "EUX",
}
# Glued one-letter minor unit: "19p".
GLUED_MINOR = {"p": "GBX", "c": "USX"}

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
    "drams": "dram", "dram": "dram", "cubic feet": "foot ** 3", "pints": "pint", "pint": "pint", "quarts": "quart", "quart": "quart",
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
    "volt": "volt", "kilovolts": "kilovolt", "millimetre": "millimeter", "nanometre": "nanometer",
    "nanometer": "nanometer", "mph": "mile / hour", "m.p.h.": "mile / hour", "kph": "kilometer / hour",
    "kilowatt-hours": "kilowatt_hour", "kilowatt hours": "kilowatt_hour", "megawatt-hours": "megawatt_hour",
    "megawatt hours": "megawatt_hour", "terawatt hours": "terawatt_hour", "terawatt-hours": "terawatt_hour",
    "gigawatt hours": "gigawatt_hour", "gigawatt-hours": "gigawatt_hour",
    "horsepower": "horsepower", "pound-feet": "foot * force_pound", "pound-foot": "foot * force_pound",
    "foot-pounds": "foot * force_pound", "volts": "volt", "amps": "ampere",
    "hertz": "hertz", "megahertz": "megahertz", "gigahertz": "gigahertz", "kilohertz": "kilohertz",
    "bytes": "byte", "kilobytes": "kilobyte", "megabytes": "megabyte", "gigabytes": "gigabyte",
    "terabytes": "terabyte", "petabytes": "petabyte",
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
    "kg": "kilogram", "kgs": "kilogram", "g": "gram", "mg": "milligram", "lb": "pound", "lbs": "pound",
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
    "hp": "horsepower", "bhp": "horsepower", "HP": "horsepower", "V": "volt", "kV": "kilovolt", "mAh": "milliampere_hour",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "Ghz": "gigahertz", "ghz": "gigahertz", "Mhz": "megahertz",
    "mhz": "megahertz", "khz": "kilohertz",
    "KB": "kilobyte", "kB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte",
    "Mbps": "megabit / second", "Gbps": "gigabit / second", "Mb/s": "megabit / second",
    "mths": "month", "mth": "month", "wks": "week",
    "sec": "second", "secs": "second", "s": "second", "min": "minute", "mins": "minute", "hrs": "hour",
    "hr": "hour", "h": "hour", "yrs": "year", "ms": "millisecond",
    "μm": "micrometer", "µm": "micrometer", "mL": "milliliter", "ksi": "kip_per_square_inch",
    "HZ": "hertz", "kt": "knot", "″": "inch", "′": "foot", "GW": "gigawatt",
    "mmBTU": "megaBtu", "MMBtu": "megaBtu", "mmBtu": "megaBtu", "MMBTU": "megaBtu", "Btu": "british_thermal_unit",
    "BTU": "british_thermal_unit",
    "rpm": "revolution / minute", "psi": "pound_force_per_square_inch", "ppm": "ppm", "ppb": "ppb",
    "GPa": "gigapascal", "MPa": "megapascal", "kPa": "kilopascal", "dB": "decibel", "kcal": "kilocalorie",
    "Nm": "newton * meter", "lb-ft": "foot * force_pound", "tn": "metric_ton", "nm": "nanometer",
}
# Abbreviations that are only units when glued to the number ("32C", "5g"), never when spaced
# ("5 C" could be a grade, "3 s" a typo, "5 in" a preposition, "10 g" rare, "2 t").
GLUED_ONLY_ABBREVIATIONS = {"C", "F", "in", "g", "t", "s", "h", "l", "m", "mi", "″", "′"}

# Words that are units only when it reads as a measurement, not a count, e.g. "stone".
DURATION_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
                  "millisecond"}

# --- approximators (written before the number) ---------------------------------------------------
APPROXIMATORS: dict[str, str] = {
    "about": "~", "around": "~", "round about": "~", "nearly": "~", "almost": "~", "roughly": "~",
    "approximately": "~", "approx.": "~", "approx": "~", "some": "~", "an estimated": "~",
    "the estimated": "~", "estimated": "~", "an approximate": "~", "close to": "~", "circa": "~",
    "c.": "~", "ca.": "~", "getting on for": "~", "just about": "~", "~": "~", "≈": "~",
    "more than": ">", "over": ">", "above": ">", "in excess of": ">", "upwards of": ">",
    "greater than": ">", "just over": ">", "well over": ">", "well above": ">", "just above": ">",
    ">": ">", "higher than": ">", "exceeding": ">",
    "less than": "<", "under": "<", "below": "<", "fewer than": "<", "just under": "<",
    "well under": "<", "just below": "<", "well below": "<", "<": "<", "lower than": "<",
    "at least": ">=", "no less than": ">=", "no fewer than": ">=", "a minimum of": ">=", "≥": ">=",
    ">=": ">=", "or more": ">=",
    "up to": "<=", "at most": "<=", "no more than": "<=", "a maximum of": "<=", "as many as": "<=",
    "as much as": "<=", "as high as": "<=", "≤": "<=", "<=": "<=", "not more than": "<=",
}

# --- change (direction) -------------------------------------------------------------------------
# Words directly before the number (optionally followed by "by"): "rose 5%", "fell by 3,000",
# "up 19 cents". "rose to 5%" is a level, not a change: "to" breaks the link (handled in extract.py).
CHANGE_UP_BEFORE = (
    "rose", "rise", "rises", "rising", "risen", "climbed", "climb", "climbs", "climbing", "increased",
    "increase", "increases", "increasing", "gained", "gain", "gains", "gaining", "jumped", "jump", "jumps",
    "surged", "surge", "surges", "soared", "soar", "soars", "grew", "grow", "grows", "grown", "growing",
    "advanced", "added", "adds", "up", "higher", "boosted", "spiked", "rallied",
    "rebounded", "widened", "expanded", "improved", "lifted", "leapt", "leaped", "swelled",
)
CHANGE_DOWN_BEFORE = (
    "fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops", "dropping", "declined",
    "decline", "declines", "declining", "decreased", "decrease", "decreases", "slipped", "slip", "slips",
    "slid", "slide", "slides", "lost", "lose", "loses", "losing", "shed", "sheds", "sank", "sink", "sinks",
    "plunged", "plunge", "plunges", "tumbled", "tumble", "tumbles", "slumped", "slump", "down", "lower",
    "eased", "ease", "eases", "cut", "cuts", "cutting", "reduced", "reduce", "shrank", "shrunk",
    "shrinks", "contracted", "narrowed", "dipped", "dip", "dips", "retreated", "plummeted", "slashed",
    "trimmed", "lowered", "dived", "dove", "crashed", "sagged", "weakened", "off",
)
# Nouns that make "a rise of 5%" a change.
CHANGE_UP_NOUNS = ("rise", "increase", "gain", "jump", "surge", "growth", "hike", "boost", "rally",
                   "climb", "advance", "uptick", "spike")
CHANGE_DOWN_NOUNS = ("fall", "drop", "decline", "decrease", "cut", "loss", "reduction", "slump", "dip",
                     "plunge", "slide", "contraction", "shortfall", "downturn", "tumble")
# Written after the quantity: "a 5% rise", "5% higher", "3,000 fewer".
CHANGE_UP_AFTER = CHANGE_UP_NOUNS + ("higher", "more", "up", "increases", "rises", "gains")
CHANGE_DOWN_AFTER = CHANGE_DOWN_NOUNS + ("lower", "less", "fewer", "down", "cuts", "falls", "drops",
                                         "declines", "losses")

# --- dates --------------------------------------------------------------------------------------
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Words that, written just before a 4-digit number, make it a year ("in 2017", "since 1948").
YEAR_CUES = {
    "in", "since", "by", "of", "until", "till", "til", "from", "during", "the", "before", "after",
    "between", "and", "to", "early", "late", "mid", "summer", "winter", "spring", "autumn", "fall",
    "season", "year", "fiscal", "fy", "through", "circa", "c.", "around", "for", "on", "at", "this",
    "that", "back", "throughout", "than", "or", "vs", "—", "-", "–", "year-end", "end", "start", "its",
    "their", "his", "her", "a", "an", "compared", "versus", ",", "(", "born", "founded", "established",
    "built", "elected", "since", "class", "census", "budget", "ended", "began", "started",
}

# --- words that are not part of a metric noun phrase ---------------------------------------------
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

# Plural-looking head nouns that are fine as metrics though they do not end in "s".
IRREGULAR_PLURALS = frozenset("""
people children men women police staff personnel cattle sheep fish deer livestock military
""".split())
