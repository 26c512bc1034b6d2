"""A quote as the API shows it, shaped from one flat row of columns.

A page of 50 quotes read with ``select_related`` builds some 300 model instances only to copy
their attributes into dicts; reading the same columns with ``values()`` costs a fraction of that,
and the quote list is the API's hottest path. The single-quote paths (retrieve, writes, a source's
quotes) flatten their instance into the same row, so the shape is written once, here.
"""

from collections import defaultdict

from quotes import coding
from quotes.api.prepared import ByIds
from quotes.display import round_stance
from quotes.models import Quote, QuoteStance, StanceAnnotation

# The columns a quote's representation reads, as ``values()`` lookups.
ROW_FIELDS = (
    *("id", "text", "kind", "status", "said_on", "said_on_precision", "span_start", "version"),
    *("speaker_id", "speaker__slug", "speaker__name", "speaker__kind"),
    *("affiliation_id", "affiliation__role"),
    *("affiliation__organization__slug", "affiliation__organization__name"),
    *("source_id", "source__outlet", "source__title", "source__url"),
    *("source__published_on", "source__language"),
    *("event_id", "event__slug", "event__title"),
    "utterance_id",
)

# A page's rows by id, and their stored stances (topic order): statements compiled once.
_ROWS = ByIds(
    Quote, lambda ids: Quote.objects.filter(pk__in=ids).order_by().values_list(*ROW_FIELDS)
)
_STANCES = ByIds(
    QuoteStance,
    lambda ids: (
        QuoteStance.objects.filter(quote_id__in=ids)
        .order_by("topic__slug")
        .values_list(
            *("quote_id", "topic_id", "topic__released", "is_settled"),
            *("topic__slug", "value", "is_adjudicated", "annotator_count", "cannot_code_count"),
        )
    ),
)


def rows_by_ids(ids: list[int]) -> list[dict]:
    """The rows of the quotes ``ids``, in that order (one query)."""
    found = {row[0]: dict(zip(ROW_FIELDS, row, strict=True)) for row in _ROWS.rows(ids)}
    return [found[pk] for pk in ids]


def row_from_instance(quote) -> dict:
    """The flat row of a quote instance (its relations loaded with ``for_list()``)."""
    row = {}
    for lookup in ROW_FIELDS:
        value = quote
        for name in lookup.split("__"):
            value = None if value is None else getattr(value, name)
        row[lookup] = value
    return row


def stance_entry(
    topic_slug, value, adjudicated, annotators, cannot_code, annotations, *, visible=True
) -> dict:
    """A quote's stance on a topic; when ``visible`` is false (``coding.can_see_values``) only
    how many have coded it."""
    if not visible:
        return {
            "topic": topic_slug,
            "visible": False,
            "codes": annotators + cannot_code,
            "value": None,
            "adjudicated": None,
            "annotators": None,
            "cannot_code": None,
            "annotations": [],
        }
    return {
        "topic": topic_slug,
        "visible": True,
        "codes": annotators + cannot_code,
        "value": round_stance(value),  # the one rounding (quotes.display)
        "adjudicated": adjudicated,
        "annotators": annotators,
        "cannot_code": cannot_code,
        "annotations": annotations,
    }


def annotation_entry(pk, username, value, cannot_code, conditional, rationale, version) -> dict:
    return {
        "id": pk,
        "annotator": username,
        "value": value,
        "cannot_code": cannot_code,
        "conditional": conditional,
        "rationale": rationale,
        "version": version,
    }


def render_quote(row: dict, stances: list[dict]) -> dict:
    """The API's representation of one quote (``QuoteReadSerializer`` declares its schema)."""
    said_on = row["said_on"]
    return {
        "id": row["id"],
        "text": row["text"],
        "kind": row["kind"],
        "status": row["status"],
        "speaker": None
        if row["speaker_id"] is None
        else {
            "slug": row["speaker__slug"],
            "name": row["speaker__name"],
            "kind": row["speaker__kind"],
        },
        "affiliation": None
        if row["affiliation_id"] is None
        else {
            "organization": {
                "slug": row["affiliation__organization__slug"],
                "name": row["affiliation__organization__name"],
            },
            "role": row["affiliation__role"],
        },
        "said_on": said_on.isoformat() if said_on else None,
        "said_on_precision": row["said_on_precision"],
        "source": {
            "id": row["source_id"],
            "outlet": row["source__outlet"],
            "title": row["source__title"],
            "url": row["source__url"],
            "published_on": row["source__published_on"].isoformat(),
            "language": row["source__language"],
        },
        "event": None
        if row["event_id"] is None
        else {"slug": row["event__slug"], "title": row["event__title"]},
        "is_verified": row["span_start"] is not None,
        "utterance_id": row["utterance_id"],
        "stances": stances,
        "version": row["version"],
    }


def render_rows(rows: list[dict], user) -> list[dict]:
    """A page of rows with their stances: one query for the stored stances, one more for the
    annotations ``user`` may see (``coding.visible_annotations``; none when anonymous). Which
    values show is ``coding.can_see_values``, decided from those two queries' rows."""
    ids = [row["id"] for row in rows]
    annotations = defaultdict(list)
    coded = set()
    if user.is_authenticated and ids:
        visible = coding.visible_annotations(
            StanceAnnotation.objects.filter(quote_id__in=ids), user
        )
        for quote_id, topic_id, annotator_id, *fields in visible.order_by(
            "topic_id", "annotator__username", "id"
        ).values_list(
            *("quote_id", "topic_id", "annotator_id"),
            *("id", "annotator__username", "value", "cannot_code"),
            *("conditional", "rationale", "version"),
        ):
            annotations[quote_id, topic_id].append(annotation_entry(*fields))
            if annotator_id == user.pk:
                coded.add((quote_id, topic_id))
    stances = defaultdict(list)
    for quote_id, topic_id, released, settled, *fields in _STANCES.rows(ids):
        visible = coding.can_see_values(
            user, released=released, settled=settled, coded=(quote_id, topic_id) in coded
        )
        stances[quote_id].append(
            stance_entry(*fields, annotations[quote_id, topic_id], visible=visible)
        )
    return [render_quote(row, stances[row["id"]]) for row in rows]
