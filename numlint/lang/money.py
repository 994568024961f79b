"""Currencies as written in news copy: symbols before the number, words after it, glued minor units.

To add a currency: its symbol to CURRENCY_PREFIXES and/or its words to CURRENCY_WORDS, with its
ISO 4217 code (and the code to ``numlint.units.CURRENCIES`` so conversions know it).
"""

from __future__ import annotations

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
    "hong kong dollars": "HKD", "hong kong dlrs": "HKD", "hk dollars": "HKD", "hk dlrs": "HKD", "hkd": "HKD",
    "new zealand dollars": "NZD", "nz dollars": "NZD", "nz dlrs": "NZD", "singapore dollars": "SGD",
    "taiwan dollars": "TWD", "new taiwan dollars": "TWD",
    "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "stg": "GBP", "sterling": "GBP",
    "gbp": "GBP", "quid": "GBP",
    "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rmb": "CNY",
    "rupees": "INR", "rupee": "INR", "won": "KRW", "€": "EUR", "euro's": "EUR",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB",
    "swiss francs": "CHF", "francs": "CHF", "rand": "ZAR", "shekels": "ILS",
    "shekel": "ILS", "ringgit": "MYR", "reais": "BRL", "real": "BRL", "pesos": "MXN", "mexican pesos": "MXN",
    "lira": "TRY", "liras": "TRY", "naira": "NGN", "rupiah": "IDR", "baht": "THB", "zlotys": "PLN",
    "zloty": "PLN", "crowns": "SEK", "kronor": "SEK", "kronur": "SEK", "krone": "NOK", "kroner": "NOK",
    "riyals": "SAR", "dirhams": "AED",
    # currencies the euro replaced, still in archives and wire copy. Only forms that cannot mean
    # anything else: "lire" is the Italian plural ("lira" stays Turkish); "marks" is money only after a scale word
    # (SCALED_ONLY), and the singular "mark" never is ("passed the one million mark").
    "lire": "ITL", "italian lire": "ITL", "guilders": "NLG", "guilder": "NLG", "dutch guilders": "NLG",
    "french francs": "FRF", "belgian francs": "BEF", "deutsche marks": "DEM", "deutschmarks": "DEM",
    "german marks": "DEM", "d-marks": "DEM", "d-mark": "DEM", "marks": "DEM",
    "pesetas": "ESP", "peseta": "ESP", "drachmas": "GRD", "escudos": "PTE",
    "schillings": "ATS", "austrian schillings": "ATS", "irish pounds": "IEP", "punts": "IEP",
    "chinese yuan": "CNY", "japanese yen": "JPY", "indian rupees": "INR", "south african rand": "ZAR",
    "brazilian reais": "BRL", "russian roubles": "RUB", "russian rubles": "RUB", "turkish lira": "TRY",
    "south korean won": "KRW", "korean won": "KRW", "malaysian ringgit": "MYR", "israeli shekels": "ILS",
    "new israeli shekels": "ILS", "australian dollar": "AUD", "canadian dollar": "CAD", "us dollar": "USD",
    # minor units (see units.py: value as written, unit is the minor-unit code)
    "pence": "GBX", "penny": "GBX", "cents": "USX", "cent": "USX", "cts": "USX", "ct": "USX",
    "us cents": "USX", "euro cents": "EUX", "euro cent": "EUX",
}
# A dollar named by its country, in every spelling wire copy uses: "N.Z. Dlrs", "Jamaica dlrs",
# "a 240 mln H.K. Dlr loan".
_DOLLAR_COUNTRIES: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "australia": "AUD",
    "canadian": "CAD", "canada": "CAD", "hong kong": "HKD", "hk": "HKD", "h.k.": "HKD",
    "new zealand": "NZD", "nz": "NZD", "n.z.": "NZD", "singapore": "SGD", "taiwan": "TWD",
    "new taiwan": "TWD", "jamaica": "JMD", "jamaican": "JMD",
}
for _country, _code in _DOLLAR_COUNTRIES.items():
    for _word in ("dollars", "dollar", "dlrs", "dlr"):
        CURRENCY_WORDS.setdefault(f"{_country} {_word}", _code)
# The singular is the adjective form: "a 900 mln franc loan".
CURRENCY_WORDS.update({"franc": "CHF", "swiss franc": "CHF", "french franc": "FRF", "belgian franc": "BEF",
                       "danish crowns": "DKK", "norwegian crowns": "NOK", "swedish crowns": "SEK"})

# Currency names several countries share. Written bare ("dlrs", "francs", "crowns") the name is the
# family's usual currency, unless the article names one other member of the family in full: in a
# story of "Canadian dlrs" the later "dlrs" are Canadian too (``extract.currency``).
BARE_CURRENCY_WORDS = frozenset({"dollars", "dollar", "dlrs", "dlr", "francs", "franc", "crowns"})
CURRENCY_FAMILIES: dict[str, str] = {
    "USD": "dollar", "AUD": "dollar", "CAD": "dollar", "HKD": "dollar", "NZD": "dollar", "SGD": "dollar",
    "TWD": "dollar", "JMD": "dollar", "CHF": "franc", "FRF": "franc", "BEF": "franc",
    "SEK": "crown", "DKK": "crown", "NOK": "crown",
}

# Currency words that are money only after a scale word: "75.3 mln marks" is Deutsche marks, "75 marks
# in the exam" is not; "won" below 100 without a scale word is the verb ("won 3 matches").
SCALED_ONLY = frozenset({"marks"})

# Glued one-letter minor unit: "19p".
GLUED_MINOR = {"p": "GBX", "c": "USX"}


# Nouns that only money is: a scaled figure written before one with no currency ("a restated 756 mln
# loss", "a 52 mln profit") is money in the currency the paragraph last named (``extract.ellipsis``).
MONEY_NOUNS = frozenset("""loss losses profit profits deficit deficits surplus surpluses revenue revenues
turnover income earnings debt debts loan loans dividend dividends writedown writedowns writeoff
writeoffs provision provisions subsidy subsidies budget budgets investment investments spending
capital payment payments fine fines bid bids""".split())
