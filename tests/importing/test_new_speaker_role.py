"""A person new to the database is proposed with the role and organisation the article gives."""

import datetime

import pytest

from quotes.extraction import extract_quotes
from quotes.importing import article_import
from quotes.models import Speaker

ARTICLE = (
    "Harbour Council spokesman Tomas Leclerc said the port would stay open. “We are not "
    "closing anything,” Leclerc told reporters.\n"
)


def test_the_extractor_gives_a_new_person_the_role_and_body_the_article_prints():
    proposals = extract_quotes(ARTICLE, published_on=datetime.date(2023, 3, 9))
    quote = next(p for p in proposals if p.text.startswith("We are not"))
    assert quote.speaker_name == "Tomas Leclerc"
    assert quote.speaker_role == "Harbour Council spokesman"
    assert quote.speaker_organization == "Harbour Council"


@pytest.mark.django_db
def test_a_new_speaker_is_stored_with_what_the_article_calls_them():
    article_import(
        text=ARTICLE, outlet="The Courier", title="Port", published_on=datetime.date(2023, 3, 9)
    )
    speaker = Speaker.objects.get(name="Tomas Leclerc")
    assert "“Harbour Council spokesman” (Harbour Council)" in speaker.description


@pytest.mark.django_db
def test_the_review_page_shows_what_the_article_calls_a_new_speaker(client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    result = article_import(
        text=ARTICLE, outlet="The Courier", title="Port", published_on=datetime.date(2023, 3, 9)
    )
    admin = get_user_model().objects.create_superuser("boss", password="x")
    client.force_login(admin)
    page = client.get(reverse("admin:quotes_source_review", args=[result.source.pk]))
    assert "“Harbour Council spokesman” (Harbour Council)" in page.content.decode()


def _review(source, status, speaker=None):
    from django.contrib.auth import get_user_model

    from quotes.services import ReviewDecision, import_review_apply

    user = get_user_model().objects.create_user("rev", password="x")
    decisions = [
        ReviewDecision(q.pk, status, q.version, speaker.pk if speaker else None)
        for q in source.quotes.all()
    ]
    return import_review_apply(user=user, source=source, decisions=decisions)


@pytest.mark.django_db
def test_confirming_records_the_role_as_an_affiliation_on_the_articles_date():
    from quotes.models import Affiliation, ProposedAffiliation

    result = article_import(
        text=ARTICLE, outlet="The Courier", title="Port", published_on=datetime.date(2023, 3, 9)
    )
    speaker = Speaker.objects.get(name="Tomas Leclerc")
    assert not Affiliation.objects.filter(speaker=speaker).exists()  # not before a review
    assert ProposedAffiliation.objects.filter(speaker=speaker, source=result.source).exists()

    _review(result.source, "confirmed")

    affiliation = Affiliation.objects.get(speaker=speaker)
    assert (affiliation.role, affiliation.organization.name) == (
        "Harbour Council spokesman",
        "Harbour Council",
    )
    assert affiliation.started_on == affiliation.ended_on == datetime.date(2023, 3, 9)
    assert not ProposedAffiliation.objects.exists()
    quote = result.source.quotes.get(text__startswith="We are not")
    assert quote.affiliation == affiliation  # the quote was said in that role


@pytest.mark.django_db
@pytest.mark.parametrize("other_speaker", [False, True])
def test_rejecting_or_giving_the_quotes_to_someone_else_records_nothing(other_speaker):
    from quotes.models import Affiliation, ProposedAffiliation
    from tests.factories import SpeakerFactory

    result = article_import(
        text=ARTICLE, outlet="The Courier", title="Port", published_on=datetime.date(2023, 3, 9)
    )
    if other_speaker:
        _review(result.source, "confirmed", speaker=SpeakerFactory())
    else:
        _review(result.source, "rejected")
    assert not Affiliation.objects.exists()
    assert ProposedAffiliation.objects.count() == 1  # kept: Leclerc may be confirmed elsewhere


@pytest.mark.django_db
def test_merging_the_new_person_into_a_known_one_keeps_the_proposed_role():
    from quotes.merging import speaker_merge
    from quotes.models import Affiliation
    from tests.factories import SpeakerFactory

    known = SpeakerFactory(name="Tomas Leclerc-Martin")
    result = article_import(
        text=ARTICLE, outlet="The Courier", title="Port", published_on=datetime.date(2023, 3, 9)
    )
    speaker_merge(duplicate=Speaker.objects.get(name="Tomas Leclerc"), into=known)

    _review(result.source, "confirmed")

    assert Affiliation.objects.get(speaker=known).role == "Harbour Council spokesman"
