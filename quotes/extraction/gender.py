"""A given name's usual gender, from the first-name lists Faker ships (MIT licence, on PyPI).

Used only to tell "she" from "he" when the article itself does not say (no Mr/Ms, no gendered
role, no pronoun next to the name); never to decide whether a word is a name. A name listed as
male in one locale and female in another (Andrea, Jean) has no gender here.
"""

import importlib
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


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
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


def gender_of_given_name(name: str) -> str:
    """'m', 'f' or '' for a given name as printed ("Ingrid" → 'f')."""
    return _given_names().get(name.lower().strip("."), "")
