"""The topics: an index of every topic with its codebook, and a page per topic with whether it
is released, how well its coders agree, and who holds which position (speakers ranked by mean
stance over a chosen period)."""

from django import forms
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from quotes import coding
from quotes.agreement import topic_alpha
from quotes.models import Quote, Topic
from quotes.ranking import MINIMUM_COUNTED, speaker_ranking
from quotes.utterances import UNITS
from quotes.web.common import BadParameters, form_errors, public_page


class PeriodForm(forms.Form):
    said_after = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    said_before = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    # What the ranking counts, as the timelines do (quotes.analysis_units): each statement once
    # by default, or every report.
    unit = forms.ChoiceField(required=False, choices=[(unit, unit) for unit in UNITS])

    def clean(self):
        data = super().clean()
        after, before = data.get("said_after"), data.get("said_before")
        if after and before and after > before:
            self.add_error("said_before", "Must not be before said_after.")
        return data


@public_page
def topic_index(request):
    """Every topic with its codebook, release state and counts, in one query: the confirmed
    quotes coded on it (how many were coded is no value, so everyone sees it) and, where the
    coding policy opens the topic's aggregates to the visitor, the quotes and speakers its
    charts count (settled stances, or every stance for reviewers)."""
    user = request.user
    confirmed = Q(stance_summaries__status=Quote.Status.CONFIRMED)
    counted = confirmed & Q(stance_summaries__value__isnull=False)
    if coding.settled_only(user):
        counted &= Q(stance_summaries__is_settled=True)
    topics = list(
        Topic.objects.annotate(
            coded=Count("stance_summaries", filter=confirmed),
            counted=Count("stance_summaries", filter=counted),
            speakers=Count("stance_summaries__speaker", filter=counted, distinct=True),
        ).order_by("name", "id")
    )
    for topic in topics:
        topic.open_to_user = coding.may_aggregate(user, topic)
    return render(request, "web/topic_index.html", {"topics": topics})


@public_page
def topic_detail(request, slug):
    """The ranking and the agreement are aggregates of the topic's values: on an unreleased
    topic they are shown to reviewers only (``coding.may_aggregate``)."""
    topic = get_object_or_404(Topic, slug=slug)
    period = PeriodForm({k: v for k, v in request.GET.items() if v.strip()})
    if not period.is_valid():
        raise BadParameters(form_errors(period))
    user = request.user
    open_to_user = coding.may_aggregate(user, topic)
    ranking = agreement = None
    if open_to_user:
        ranking = speaker_ranking(
            topic,
            said_after=period.cleaned_data.get("said_after"),
            said_before=period.cleaned_data.get("said_before"),
            settled_only=coding.settled_only(user),
            unit=period.cleaned_data.get("unit") or UNITS[0],
        )
        # The page shows alpha and what it rests on, not the interval, pairs or disagreements
        # (the agreement report and API do): those cost seconds at a million quotes.
        agreement = topic_alpha(topic, settled_only=coding.settled_only(user))
    context = {
        "topic": topic,
        "ranking": ranking,
        "agreement": agreement,
        "minimum": MINIMUM_COUNTED,
        "values": {name: request.GET.get(name, "") for name in PeriodForm.base_fields},
    }
    return render(request, "web/topic_detail.html", context)
