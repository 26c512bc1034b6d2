"""Speakers named by slug or alias slug (sergey-lavrov is Sergei Lavrov), in one statement.

The quote list's ``speaker=``, the timeline's path and compare's ``speakers=`` all name speakers
this way. Written out: the ORM's OR across the alias join scanned the speakers, and compiling its
UNION (or its DISTINCT and alias prefetch) cost more than the two index lookups themselves.
"""

from django.db import connections

from quotes.models import Speaker, SpeakerAlias

# In the model's field order, as Model.from_db reads them.
FIELDS = ("id", "name", "slug")


def speakers_named(slugs) -> dict[str, Speaker]:
    """The speaker each of ``slugs`` names, by its own slug first, else by an alias; unknown
    slugs are left out. The speakers carry their id, slug and name (other fields load when
    read). One query; none for no slugs."""
    # A NUL names no speaker, and PostgreSQL cannot even compare text holding one.
    slugs = [slug for slug in dict.fromkeys(slugs) if "\x00" not in slug]
    if not slugs:
        return {}
    marks = ", ".join(["%s"] * len(slugs))
    speaker, alias = Speaker._meta.db_table, SpeakerAlias._meta.db_table
    db = Speaker.objects.db
    with connections[db].cursor() as cursor:
        cursor.execute(
            f"SELECT 0, s.slug, s.id, s.name, s.slug FROM {speaker} s WHERE s.slug IN ({marks})"
            f" UNION ALL SELECT 1, a.slug, s.id, s.name, s.slug FROM {alias} a"
            f" JOIN {speaker} s ON s.id = a.speaker_id WHERE a.slug IN ({marks})",
            [*slugs, *slugs],
        )
        rows = sorted(cursor.fetchall(), key=lambda row: row[0], reverse=True)
    # Own slugs last, so that they win over an alias spelled the same.
    return {asked: Speaker.from_db(db, FIELDS, values) for _, asked, *values in rows}
