"""Reviewers adjudicate an utterance's stance from its desk page; conflicts are their queue."""

import datetime
import itertools

import pytest
from django.urls import reverse

from quotes.models import UtteranceAdjudication
from quotes.utterance_services import (
    utterance_adjudication_set,
    utterance_link_confirm,
    utterance_link_propose,
)
from tests.factories import (
    QuoteFactory,
    SourceFactory,
    SpeakerFactory,
    StanceAnnotationFactory,
    TopicFactory,
)

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


def _conflicted(topic, values=(2, 0)):
    """An utterance of two reports coded ``values`` on ``topic`` (2 points apart: a conflict)."""
    speaker = SpeakerFactory()
    reports = _report(speaker, GAS), _report(speaker, GAS_TOO)
    for quote, value in zip(reports, values, strict=True):
        StanceAnnotationFactory(quote=quote, topic=topic, value=value)
    link = utterance_link_propose(quote=reports[0], other=reports[1], similarity=0.6)
    return utterance_link_confirm(link=link)


def _page(client, utterance):
    return client.get(reverse("admin:quotes_utterance_change", args=[utterance.pk]))


def _form_data(page) -> dict:
    """What the change page posts back unchanged: its fields and every inline's forms."""
    data = {"notes": page.context["adminform"].form["notes"].value()}
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value()
        for form in formset.forms:
            for name in form.fields:
                value = form[name].value()
                if value is not None:
                    data[form.add_prefix(name)] = value
    return data


def _post_adjudication(client, utterance, topic, value, note=""):
    data = _form_data(_page(client, utterance))
    if "adjudications-TOTAL_FORMS" in data:
        index = int(data["adjudications-TOTAL_FORMS"])
        data["adjudications-TOTAL_FORMS"] = index + 1
        data.update(
            {
                f"adjudications-{index}-topic": topic.pk,
                f"adjudications-{index}-value": value,
                f"adjudications-{index}-note": note,
                f"adjudications-{index}-utterance": utterance.pk,
            }
        )
    url = reverse("admin:quotes_utterance_change", args=[utterance.pk])
    return client.post(url, data)


def test_a_reviewer_adjudicates_an_utterance_from_its_page(client_for, reviewer, topic):
    utterance = _conflicted(topic)
    client = client_for(reviewer)
    response = _post_adjudication(client, utterance, topic, -1, note="Izvestia is faithful.")
    assert response.status_code == 302
    adjudication = UtteranceAdjudication.objects.get()
    assert (adjudication.value, adjudication.reviewer, adjudication.note) == (
        -1,
        reviewer,
        "Izvestia is faithful.",
    )
    assert adjudication.history.get().history_user == reviewer
    assert "(adjudicated)" in _page(client, utterance).content.decode()


def test_a_reviewer_adjudicates_cannot_code(client_for, reviewer, topic):
    utterance = _conflicted(topic)
    _post_adjudication(client_for(reviewer), utterance, topic, "cannot_code")
    adjudication = UtteranceAdjudication.objects.get()
    assert (adjudication.value, adjudication.cannot_code) == (None, True)


def test_a_reviewer_withdraws_an_adjudication(client_for, reviewer, topic):
    utterance = _conflicted(topic)
    utterance_adjudication_set(utterance=utterance, topic=topic, reviewer=reviewer, value=1)
    client = client_for(reviewer)
    data = _form_data(_page(client, utterance))
    data["adjudications-0-DELETE"] = "on"
    client.post(reverse("admin:quotes_utterance_change", args=[utterance.pk]), data)
    assert not UtteranceAdjudication.objects.exists()


def test_an_editor_cannot_adjudicate_an_utterance(client_for, editor, topic):
    """Editors read the inline (view permission) but a row they post is not theirs to add."""
    utterance = _conflicted(topic)
    client = client_for(editor)
    assert _post_adjudication(client, utterance, topic, -1).status_code == 302
    assert not UtteranceAdjudication.objects.exists()


def test_a_topic_no_confirmed_report_is_coded_on_cannot_be_adjudicated(client_for, reviewer, topic):
    utterance = _conflicted(topic)
    response = _post_adjudication(client_for(reviewer), utterance, TopicFactory(), 1)
    assert response.status_code == 200
    assert "No confirmed report of this utterance is coded on it yet." in response.content.decode()
    assert not UtteranceAdjudication.objects.exists()


def test_the_conflict_filter_lists_open_then_adjudicated_conflicts(client_for, reviewer, topic):
    utterance = _conflicted(topic)
    calm = _conflicted(topic, values=(1, 0))
    client = client_for(reviewer)
    url = reverse("admin:quotes_utterance_changelist")

    def listed(state):
        return list(client.get(f"{url}?conflict={state}").context["cl"].result_list)

    assert (listed("open"), listed("adjudicated")) == ([utterance], [])
    utterance_adjudication_set(utterance=utterance, topic=topic, reviewer=reviewer, value=1)
    assert (listed("open"), listed("adjudicated")) == ([], [utterance])
    assert calm not in listed("open")
    page = _page(client, utterance).content.decode()
    assert "reports conflict (0.00 to +2.00), settled" in page


def test_a_blind_annotator_sees_neither_the_conflict_nor_the_adjudication_before_coding(
    client_for, reviewer, annotator
):
    hidden = TopicFactory(released=False, codes_needed=2)
    utterance = _conflicted(hidden)
    utterance_adjudication_set(
        utterance=utterance, topic=hidden, reviewer=reviewer, value=-2, note="Secret reason."
    )
    client = client_for(annotator)
    page = _page(client, utterance).content.decode()
    assert "Secret reason." not in page and "reports conflict" not in page
    assert "none you may see" in page
    url = reverse("admin:quotes_utterance_changelist")
    assert list(client.get(f"{url}?conflict=adjudicated").context["cl"].result_list) == []
