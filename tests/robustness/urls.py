"""Every URL pattern of the site, read from the resolver, and hypothesis strategies for its paths.

A pattern is known by its route as ``show_urls`` writes it: the routes and regexes of the
includes it sits in, joined (``admin/quotes/quote/<path:object_id>/change/``). Its parameters are
drawn by converter type (``<int:…>``, ``<slug:…>``, ``<str:…>``, ``<path:…>``, ``<uuid:…>``, and
any other converter from its regex) or, for a regex pattern, from the regex itself; so a pattern
added tomorrow is fuzzed without anyone listing it.
"""

import contextlib
import functools
import itertools
import uuid
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import (
    IntConverter,
    PathConverter,
    SlugConverter,
    StringConverter,
    UUIDConverter,
)
from django.urls.resolvers import _PATH_PARAMETER_COMPONENT_RE, RegexPattern, RoutePattern
from hypothesis import strategies as st

# Values a careless or hostile user types into a URL; each one was a 500 somewhere once.
HOSTILE = [
    "",
    " ",
    "%",
    "%25",
    "%00",
    "\x00",
    "1\x00",
    ",,,,",
    "-",
    "--",
    "0",
    "-1",
    "1.5",
    "1e400",
    "NaN",
    "inf",
    "²",
    "abc",
    "999999999999999999999999999999",
    "9223372036854775808",
    "2147483648",
    "9999-12-31",
    "0001-01-01",
    "2021-02-30",
    "10000-01-01",
    "1,2,abc",
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    "../../etc/passwd",
    "Сергей Лавров",
    "Ctl\x0bName\x01",
    "\u202e",
    "a" * 3000,
]
# Query parameter names the views, the filter sets and the admin read, and a few they do not.
PARAMETERS = [
    *("page", "page_size", "cursor", "ordering", "o", "q", "search", "ids", "format", "e", "p"),
    *("speaker", "speakers", "topic", "organization", "organizations", "source", "event"),
    *("kind", "status", "bucket", "said_after", "said_before", "stance_min", "stance_max"),
    *("said_on__year", "said_on__month", "said_on__gte", "published_on__year", "all", "_to_field"),
    *("source__id__exact", "status__exact", "topic__id__exact", "_changelist_filters", "_popup"),
    *("app_label", "model_name", "field_name", "term", "next", "country", "released", "limit"),
]
# Characters a URL part may hold; surrogates cannot be encoded at all.
_CHARACTERS = st.characters(exclude_categories=["Cs"])
_TEXT = st.text(_CHARACTERS, max_size=20)


PLAIN = {"ids": ["1"], "slugs": ["a"]}


@dataclass(frozen=True)
class Route:
    key: str  # the route as the resolver writes it (ResolverMatch.route)
    parts: tuple  # the patterns of the includes and of the view, outermost first
    name: str


def site_routes(patterns=None, parts=()) -> list[Route]:
    """Every view's URL pattern, with the includes it sits in (admin's included)."""
    routes = []
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        chain = (*parts, pattern.pattern)
        if isinstance(pattern, URLResolver):
            routes += site_routes(pattern.url_patterns, chain)
        elif isinstance(pattern, URLPattern):
            routes.append(Route(_joined(chain), chain, pattern.name or ""))
    return routes


def _joined(chain) -> str:
    """The route as ``URLResolver.resolve`` joins it: a nested regex loses its leading ^."""
    key = ""
    for part in chain:
        text = str(part)
        key += text.removeprefix("^") if key else text
    return key


def values_for(converter, existing: dict, plain: bool = False) -> st.SearchStrategy[str]:
    """Raw (not yet percent-encoded) values of a path parameter: existing ids and slugs half
    the time, hostile ones otherwise; ``plain``: values that match the converter."""
    if plain and isinstance(converter, IntConverter | SlugConverter | StringConverter):
        return st.just(existing["ids"][0] if isinstance(converter, IntConverter) else "a")
    if plain and isinstance(converter, PathConverter):
        return st.just("a")
    if isinstance(converter, IntConverter):
        return st.one_of(
            st.sampled_from(existing["ids"]),
            st.sampled_from(["0", "999999", "2147483648", "99999999999999999999999"]),
            st.integers(0, 10**40).map(str),
        )
    if isinstance(converter, UUIDConverter):
        return st.one_of(st.uuids().map(str), st.just(str(uuid.UUID(int=0))))
    if isinstance(converter, SlugConverter):
        return st.one_of(
            st.sampled_from(existing["slugs"]),
            st.from_regex(r"[-a-zA-Z0-9_]{1,40}", fullmatch=True),
        )
    if isinstance(converter, PathConverter | StringConverter):
        hostile = st.sampled_from(HOSTILE).filter(bool)
        if isinstance(converter, StringConverter):
            hostile = hostile.filter(lambda value: "/" not in value)
        return st.one_of(
            st.sampled_from(existing["ids"] + existing["slugs"]), hostile, _TEXT.filter(bool)
        )
    return st.from_regex(converter.regex, fullmatch=True)


def _route_part(pattern: RoutePattern, existing: dict, plain: bool) -> st.SearchStrategy[str]:
    route, pieces = str(pattern), []
    position = 0
    for match in _PATH_PARAMETER_COMPONENT_RE.finditer(route):
        pieces.append(st.just(route[position : match.start()]))
        converter = pattern.converters[match["parameter"]]
        safe = "/" if isinstance(converter, PathConverter) else ""
        values = values_for(converter, existing, plain)
        pieces.append(values.map(lambda v, s=safe: quote(v, safe=s)))
        position = match.end()
    pieces.append(st.just(route[position:]))
    return st.tuples(*pieces).map("".join)


def _regex_part(pattern: RegexPattern, plain: bool) -> st.SearchStrategy[str]:
    regex = pattern.regex.pattern.removeprefix("^").removesuffix("$")
    alphabet = st.characters(codec="ascii", exclude_characters="\n") if plain else _CHARACTERS
    return st.from_regex(regex, fullmatch=True, alphabet=alphabet).map(
        lambda value: quote(value, safe="/")
    )


def paths(route: Route, existing: dict, plain: bool = False) -> st.SearchStrategy[str]:
    """Absolute paths that this route's parts could match (or nearly: hostile values may be sent
    to another view, or to none; every answer must still be below 500)."""
    parts = [
        _route_part(part, existing, plain)
        if isinstance(part, RoutePattern)
        else _regex_part(part, plain)
        for part in route.parts
    ]
    return st.tuples(*parts).map(lambda pieces: "/" + "".join(pieces))


def queries() -> st.SearchStrategy[dict]:
    values = st.one_of(st.sampled_from(HOSTILE), _TEXT, st.integers().map(str))
    names = st.one_of(st.sampled_from(PARAMETERS), _TEXT.filter(bool))
    return st.dictionaries(names, values, max_size=4)


def reachable_path(route: Route) -> str | None:
    """A path with plain values ("1", "a") that the resolver sends to ``route``'s view, or None
    (the route is shadowed by another, or its regex needs what we cannot give)."""
    from django.urls import Resolver404, resolve

    options = []
    for part in route.parts:
        if isinstance(part, RoutePattern):
            options.append([_PATH_PARAMETER_COMPONENT_RE.sub(_plain_value(part), str(part))])
        else:
            options.append(_regex_samples(part.regex.pattern))
    for pieces in itertools.product(*options):
        path = "/" + "".join(pieces)
        try:
            if resolve(path).route == route.key:
                return quote(path, safe="/")
        except Resolver404:
            continue
    return None


def _plain_value(part: RoutePattern):
    def value(match) -> str:
        converter = part.converters[match["parameter"]]
        if isinstance(converter, IntConverter):
            return "1"
        if isinstance(converter, UUIDConverter):
            return str(uuid.UUID(int=1))
        if isinstance(converter, SlugConverter | StringConverter | PathConverter):
            return "a"
        return (_regex_samples(converter.regex) or ["a"])[0]

    return value


@functools.cache
def _regex_samples(regex: str) -> list[str]:
    """An ASCII text that fully matches ``regex``, and a non-empty one (first found, unshrunk)."""
    from hypothesis import Phase, find, settings
    from hypothesis.errors import NoSuchExample

    quick = settings(database=None, phases=[Phase.generate], max_examples=50, derandomize=True)
    texts = st.from_regex(
        regex.removeprefix("^").removesuffix("$"),
        fullmatch=True,
        alphabet=st.characters(codec="ascii", exclude_characters="\n"),
    )
    samples = []
    for wanted in (lambda text: True, bool):
        with contextlib.suppress(NoSuchExample):
            samples.append(find(texts, wanted, settings=quick))
    return samples
