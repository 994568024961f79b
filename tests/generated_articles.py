"""Made-up news articles, many of them, for tests and benchmarks of whole runs (parallel jobs, signals,
Dask): the same seed always gives the same articles. Written here from templates, so no test needs
the research corpora; some articles carry deliberate number errors (a slipped scale word, a second
value for one figure, a wrong conversion) so that runs have findings to compare.
"""

from __future__ import annotations

import random
from pathlib import Path

_COMPANIES = ("Harrow Mills", "Bluecap Energy", "Tarn Logistics", "Osprey Bank", "Fenwick Foods",
              "Marlow Telecom", "Quarry Lane Homes", "Vantage Rail", "Corvid Games", "Elmstead Water")
_TOWNS = ("Leeds", "Cardiff", "Dundee", "Norwich", "Exeter", "Preston", "Bangor", "Carlisle")
_PRODUCTS = ("frozen meals", "broadband", "rail tickets", "mortgages", "video games", "solar panels")


def article(rng: random.Random) -> str:
    """One short article with a handful of figures, sometimes inconsistent."""
    company, town, product = rng.choice(_COMPANIES), rng.choice(_TOWNS), rng.choice(_PRODUCTS)
    profit = rng.randrange(20, 900)
    before = max(1, profit - rng.randrange(5, 15) * 10)
    staff = rng.randrange(2, 60) * 500
    jobs = rng.randrange(3, 90) * 10
    km = rng.randrange(5, 80)
    share = rng.randrange(2, 40)
    error = rng.randrange(4)
    later_profit = f"£{profit}bn" if error == 1 else f"£{profit}m"          # a slipped scale word
    later_staff = f"{staff + 1500:,}" if error == 2 else f"{staff:,}"         # a second value
    miles = round(km * 0.621) if error != 3 else km                          # a wrong conversion
    return (
        f"{company} profit rises as {product} sell well\n\n"
        f"{company} made a pre-tax profit of £{profit}m in the year to June, up from £{before}m a year "
        f"earlier, as demand for its {product} grew.\n\n"
        f"The group, which employs {staff:,} people, said it would open a new site near {town} creating "
        f"{jobs} jobs. The site will sit {km} km ({miles} miles) from the city centre.\n\n"
        f"Chief executive Sam Reed said the {later_profit} profit showed the strength of the brand. "
        f"The {later_staff} staff will share a £{rng.randrange(2, 20)}m bonus pool.\n\n"
        f"Shares rose {share}% to {rng.randrange(100, 999)}p.\n"
    )


def write_articles(directory: Path, count: int, seed: int = 17) -> list[Path]:
    """``count`` articles as ``directory/article-NNNN.txt`` (created), in name order."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = directory / f"article-{i:04d}.txt"
        path.write_text(article(rng), encoding="utf-8")
        paths.append(path)
    return paths
