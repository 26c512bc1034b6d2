"""Rows an import makes from names it read: a free slug, and the organisation of a printed name.

Shared by the article import (a new speaker, an institution's body) and the proposed
affiliations (the body a new person's role names), so both find the same organisation for the
same name and never clash on a slug.
"""

from django.utils.text import slugify

from quotes.models import Organization, Speaker, SpeakerAlias


def free_slug(model, name: str) -> str:
    """A slug for ``name`` that no row of ``model`` (nor, for speakers, an alias) has yet."""
    base = slugify(name)[:180] or model.__name__.lower()
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists() or (
        model is Speaker and SpeakerAlias.objects.filter(slug=slug).exists()
    ):
        slug, number = f"{base}-{number}", number + 1
    return slug


def organization_named(name: str) -> Organization:
    """The organisation called ``name`` (any case), made (kind "other") when there is none."""
    found = Organization.objects.filter(name__iexact=name).first()
    if found is not None:
        return found
    return Organization.objects.create(
        name=name, slug=free_slug(Organization, name), kind=Organization.Kind.OTHER
    )
