"""The desk's utterance pages: confirm or reject proposed links, merge and split utterances,
with history; their lists cost the same queries for 3 rows and for 12."""

import datetime
import itertools

import pytest
from django.urls import reverse

from quotes.models import Quote, Utterance, UtteranceLink
from quotes.utterance_services import utterance_link_confirm, utterance_link_propose
from tests.factories import QuoteFactory, SourceFactory, SpeakerFactory

GAS = "We will not allow anyone to dictate to us the terms on which we sell our gas."
GAS_TOO = "We will not let anybody dictate the conditions under which we sell our gas."
_numbers = itertools.count(1)

pytestmark = pytest.mark.django_db


def _report(speaker, text):
    source = SourceFactory(text=f"Article {next(_numbers)}. “{text}” he said.")
    return QuoteFactory(
        source=source,
        speaker=speaker,
        affiliation=None,
        text=text,
        said_on=datetime.date(2021, 10, 18),
    )


def _proposal(speaker=None):
    speaker = speaker or SpeakerFactory()
    return utterance_link_propose(
        quote=_report(speaker, GAS), other=_report(speaker, GAS_TOO), similarity=0.6
    )


def _action(client, model, action, rows):
    return client.post(
        reverse(f"admin:quotes_{model}_changelist"),
        {"action": action, "_selected_action": [row.pk for row in rows]},
        follow=True,
    )


def test_an_editor_confirms_a_proposed_link_and_the_reports_become_one_utterance(
    client_for, editor
):
    link = _proposal()
    response = _action(client_for(editor), "utterancelink", "confirm_links", [link])
    assert response.status_code == 200
    link.refresh_from_db()
    assert (link.status, link.decided_by) == ("confirmed", editor)
    utterance = Utterance.objects.get()
    assert utterance.reports.count() == 2
    assert Quote.history.filter(utterance_id=utterance.pk, history_user=editor).count() == 2


def test_an_editor_rejects_a_proposed_link(client_for, editor):
    link = _proposal()
    _action(client_for(editor), "utterancelink", "reject_links", [link])
    link.refresh_from_db()
    assert link.status == "rejected"
    assert not Utterance.objects.exists()


def test_an_annotator_cannot_decide_links(client_for, annotator):
    link = _proposal()
    _action(client_for(annotator), "utterancelink", "confirm_links", [link])
    link.refresh_from_db()
    assert link.status == "proposed"


def test_an_editor_splits_an_utterance(client_for, editor):
    utterance = utterance_link_confirm(link=_proposal())
    _action(client_for(editor), "utterance", "split_utterances", [utterance])
    assert not Utterance.objects.exists()
    assert UtteranceLink.objects.get().status == "rejected"


def test_an_editor_merges_two_utterances_of_one_speaker_and_not_of_two(client_for, editor):
    speaker = SpeakerFactory()
    one = utterance_link_confirm(link=_proposal(speaker))
    two = utterance_link_confirm(link=_proposal(speaker))
    stranger = utterance_link_confirm(link=_proposal())
    client = client_for(editor)
    response = _action(client, "utterance", "merge_utterances", [one, stranger])
    assert "one speaker" in response.content.decode()
    assert Utterance.objects.count() == 3
    _action(client, "utterance", "merge_utterances", [one, two])
    assert Utterance.objects.get(pk=one.pk).reports.count() == 4
    assert not Utterance.objects.filter(pk=two.pk).exists()


def test_an_utterance_page_lists_its_reports_and_its_history(client_for, editor):
    utterance = utterance_link_confirm(link=_proposal())
    client = client_for(editor)
    page = client.get(reverse("admin:quotes_utterance_change", args=[utterance.pk]))
    assert page.status_code == 200
    assert GAS in page.content.decode() and GAS_TOO in page.content.decode()
    history = client.get(reverse("admin:quotes_utterance_history", args=[utterance.pk]))
    assert history.status_code == 200


@pytest.mark.parametrize(
    "model, make, expected",
    [
        # session, user, count, page (both reports with their speakers and sources, decider)
        ("utterancelink", _proposal, 4),
        # session, user, count, page (speaker joined, reports counted)
        ("utterance", lambda: utterance_link_confirm(link=_proposal()), 4),
    ],
)
def test_utterance_changelists_run_same_queries_for_3_and_12_rows(
    client_for, django_assert_num_queries, admin_user, model, make, expected
):
    client = client_for(admin_user)
    url = reverse(f"admin:quotes_{model}_changelist")
    rows = {"utterance": Utterance, "utterancelink": UtteranceLink}[model].objects
    for wanted in (3, 12):
        while rows.count() < wanted:
            make()
        with django_assert_num_queries(expected):
            assert client.get(url).status_code == 200


def test_no_one_deletes_an_utterance_only_splits_it(admin_client):
    utterance = utterance_link_confirm(link=_proposal())
    page = admin_client.get(reverse("admin:quotes_utterance_delete", args=[utterance.pk]))
    _action(admin_client, "utterance", "delete_selected", [utterance])
    assert page.status_code == 403
    assert Utterance.objects.filter(pk=utterance.pk).exists()
    assert utterance.reports.count() == 2
