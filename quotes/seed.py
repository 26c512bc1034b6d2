"""Load the curated seed data (fixtures/seed.yaml) through the same validation as any input.

Loading is an upsert keyed on natural keys (slugs, a quote's source and span), and a row is saved
only when it differs, so loading twice changes nothing: no new rows, no new history. The derived
rows (the stances' copies of their quotes, the stored stances, the rollups) follow once for all
the quotes written, as after a batch, not once per row (a first load was 150 refreshes).
"""

import datetime
from pathlib import Path

import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from quotes.models import (
    Affiliation,
    DatePrecision,
    Event,
    Organization,
    Quote,
    Source,
    Speaker,
    SpeakerAlias,
    StanceAnnotation,
    Topic,
)
from quotes.roles import ANNOTATORS
from quotes.services import (
    stance_annotation_save,
    stance_copies_refresh,
    stance_summaries_rebuild,
)
from quotes.text import find_span
from quotes.utterance_index import utterance_keys_refresh

SEED_FILE = Path(settings.BASE_DIR) / "fixtures" / "seed.yaml"


class SeedError(Exception):
    """The seed file names something that does not exist or does not validate."""


def _upsert(model, lookup: dict, values: dict):
    """Get the row matching ``lookup`` and bring it to ``values``; create it if missing.

    Returns (instance, changed). Validation runs before every write.
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
    elif all(getattr(instance, name) == value for name, value in values.items()):
        return instance, False
    else:
        for name, value in values.items():
            setattr(instance, name, value)
    try:
        instance.full_clean()
    except ValidationError as error:
        raise SeedError(f"{model.__name__} {lookup}: {error.messages}") from error
    instance.save()
    return instance, True


def _precision(entry: dict, date_field: str) -> str:
    if entry.get(date_field) is None:
        return DatePrecision.UNKNOWN
    return entry.get(f"{date_field}_precision") or DatePrecision.DAY


def _get(model, label: str, **lookup):
    try:
        return model.objects.get(**lookup)
    except model.DoesNotExist:
        raise SeedError(f"unknown {label}: {lookup}") from None


@transaction.atomic
def load_seed(path: Path = SEED_FILE) -> dict[str, int]:
    """Load ``path``; returns how many rows of each kind were created or changed."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    base = Path(path).parent
    changed: dict[str, int] = {}

    def count(kind: str, was_changed: bool):
        changed[kind] = changed.get(kind, 0) + int(was_changed)

    annotator_group = Group.objects.get(name=ANNOTATORS)
    users = {}
    for username in data.get("annotators", []):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            user = get_user_model()(username=username, is_staff=True)
            user.set_unusable_password()
            user.save()
            count("users", True)
        user.groups.add(annotator_group)
        users[username] = user

    for entry in data.get("topics", []):
        _, was = _upsert(
            Topic,
            {"slug": entry["slug"]},
            {
                "name": entry["name"],
                "description": entry.get("description", "").strip(),
                "released": entry.get("released", False),
                "codes_needed": entry.get("codes_needed", 2),
            },
        )
        count("topics", was)

    for entry in data.get("organizations", []):
        parent = entry.get("parent")
        _, was = _upsert(
            Organization,
            {"slug": entry["slug"]},
            {
                "name": entry["name"],
                "kind": entry.get("kind", Organization.Kind.OTHER),
                "country": entry.get("country") or "",
                "parent": _get(Organization, "parent organization", slug=parent)
                if parent
                else None,
            },
        )
        count("organizations", was)

    for entry in data.get("speakers", []):
        organization = entry.get("organization")
        speaker, was = _upsert(
            Speaker,
            {"slug": entry["slug"]},
            {
                "name": entry["name"],
                "kind": entry.get("kind", Speaker.Kind.PERSON),
                "country": entry.get("country") or "",
                "wikidata_id": entry.get("wikidata_id") or "",
                "organization": _get(Organization, "organization", slug=organization)
                if organization
                else None,
                "cited_by": entry.get("cited_by") or "",
            },
        )
        count("speakers", was)
        for alias_name in entry.get("aliases", []):
            _, was = _upsert(
                SpeakerAlias,
                {"slug": slugify(alias_name)},
                {"speaker": speaker, "name": alias_name},
            )
            count("aliases", was)
        for term in entry.get("affiliations", []):
            _, was = _upsert(
                Affiliation,
                {
                    "speaker": speaker,
                    "organization": _get(Organization, "organization", slug=term["organization"]),
                    "role": term["role"],
                    "started_on": term.get("started_on"),
                },
                {
                    "started_on_precision": _precision(term, "started_on"),
                    "ended_on": term.get("ended_on"),
                    "ended_on_precision": _precision(term, "ended_on"),
                },
            )
            count("affiliations", was)

    sources = {}
    for entry in data.get("sources", []):
        text = (base / entry["text_file"]).read_text(encoding="utf-8")
        sources[entry["key"]], was = _upsert(
            Source,
            {
                "outlet": entry["outlet"],
                "published_on": entry["published_on"],
                "title": entry["title"],
            },
            {
                "authors": entry.get("authors", ""),
                "language": entry.get("language", "en"),
                "original_language": entry.get("original_language", ""),
                "url": entry.get("url", ""),
                "original_url": entry.get("original_url", ""),
                "text": text,
            },
        )
        count("sources", was)

    for entry in data.get("events", []):
        source = entry.get("source")
        _, was = _upsert(
            Event,
            {"slug": entry["slug"]},
            {
                "title": entry["title"],
                "occurred_on": entry["occurred_on"],
                "occurred_on_precision": entry.get("occurred_on_precision", DatePrecision.DAY),
                "description": entry.get("description", ""),
                "source": sources[source] if source else None,
            },
        )
        count("events", was)

    written, annotated = [], []
    for entry in data.get("quotes", []):
        quote, was = _load_quote(entry, sources, count)
        if was:
            written.append(quote.pk)
        if _load_stances(quote, entry, users, count):
            annotated.append(quote.pk)
    if written:  # the stances' copies, the rollups and the candidate index follow the quotes
        stance_copies_refresh(quote_ids=written)
        utterance_keys_refresh(quote_ids=written)
    if annotated:  # the stored stances of the new annotations (and the rollups), once
        stance_summaries_rebuild(quote_ids=annotated)
    return changed


def _load_quote(entry: dict, sources: dict, count) -> tuple[Quote, bool]:
    source = sources[entry["source"]]
    span = find_span(source.text, entry["text"], entry.get("occurrence", 1))
    if span is None:
        raise SeedError(f"quote not found in {entry['source']}: {entry['text'][:80]!r}")
    speaker = _get(Speaker, "speaker", slug=entry["speaker"])
    said_on: datetime.date | None = entry.get("said_on")
    precision = _precision(entry, "said_on")
    affiliation = None
    if entry.get("affiliation"):
        terms = speaker.affiliations.filter(organization__slug=entry["affiliation"])
        if said_on is not None:
            terms = terms.valid_on(said_on, precision)
        affiliation = terms.first()
        if affiliation is None:
            raise SeedError(
                f"{speaker.slug} has no affiliation with {entry['affiliation']} on {said_on}"
            )
    event = _get(Event, "event", slug=entry["event"]) if entry.get("event") else None
    quote, was = _upsert(
        Quote,
        {"source": source, "span_start": span[0], "span_end": span[1]},
        {
            "text": entry["text"],
            "speaker": speaker,
            "affiliation": affiliation,
            "kind": entry.get("kind", Quote.Kind.DIRECT),
            "said_on": said_on,
            "said_on_precision": precision,
            "status": Quote.Status.CONFIRMED,
            "event": event,
        },
    )
    count("quotes", was)
    return quote, was


def _load_stances(quote: Quote, entry: dict, users: dict, count) -> bool:
    """Write the quote's annotations that differ; a changed one goes through the service (its
    version moves), a new one is validated and saved, its stored stance left to the caller's
    rebuild. Returns whether any new one was saved."""
    created = False
    for stance in entry.get("stances", []):
        topic = _get(Topic, "topic", slug=stance["topic"])
        annotator = users.get(stance["annotator"])
        if annotator is None:
            raise SeedError(f"unknown annotator {stance['annotator']!r}: list it in annotators")
        existing = StanceAnnotation.objects.filter(
            quote=quote, topic=topic, annotator=annotator
        ).first()
        wanted = {
            "value": stance["value"],
            "conditional": stance.get("conditional", False),
            "rationale": stance.get("rationale", ""),
        }
        if existing and all(getattr(existing, name) == v for name, v in wanted.items()):
            count("annotations", False)
            continue
        count("annotations", True)
        if existing:
            stance_annotation_save(quote=quote, topic=topic, annotator=annotator, **wanted)
            continue
        annotation = StanceAnnotation(quote=quote, topic=topic, annotator=annotator, **wanted)
        try:
            annotation.full_clean()
        except ValidationError as error:
            raise SeedError(f"stance on {quote}: {error.messages}") from error
        annotation.save()
        created = True
    return created
