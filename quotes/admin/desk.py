"""The quote page as a tagging desk: the quote in its paragraph, the stances (blind until the
researcher has coded the topic), my stance and adjudication forms, and the "next quote" queue."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, F, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from quotes import coding
from quotes.admin.access import can_adjudicate, can_tag
from quotes.admin.forms import AdjudicationForm, MyStanceForm, code_initial
from quotes.models import Adjudication, Quote, QuoteStance, StanceAnnotation, Topic
from quotes.services import ConflictError, adjudication_set, stance_annotation_save
from quotes.text import paragraph_bounds


def quote_page_url(quote_id, topic_slug: str | None = None) -> str:
    url = reverse("admin:quotes_quote_change", args=[quote_id])
    return f"{url}?{urlencode({'topic': topic_slug})}" if topic_slug else url


def next_to_tag_url(topic_slug: str) -> str:
    return f"{reverse('admin:quotes_quote_next_to_tag')}?{urlencode({'topic': topic_slug})}"


def quote_in_context(quote: Quote) -> str:
    """The source paragraph holding the quote, escaped, with the quoted words in <mark>;
    empty for an unverified quote."""
    if not quote.is_verified:
        return ""
    text, start, end = quote.source.text, quote.span_start, quote.span_end
    first, last = paragraph_bounds(text, start, end)
    return format_html("{}<mark>{}</mark>{}", text[first:start], text[start:end], text[end:last])


def unverified_reason(quote: Quote) -> str:
    """Why the quote could not be checked against its source; empty when it was."""
    if quote.is_verified:
        return ""
    if not quote.source.text.strip():
        return "Not verified: the source has no stored article text to check this quote against."
    return "Not verified: this text was not found in the source's article text."


@dataclass
class TopicDesk:
    """What the quote page shows for one topic."""

    topic: Topic
    mine: StanceAnnotation | None = None
    others: list = field(default_factory=list)
    summary: QuoteStance | None = None
    adjudication: Adjudication | None = None
    revealed: bool = False  # the summary's values (quotes.coding.can_see_values)
    show_others: bool = False  # the other annotators' codes (quotes.coding.can_see_annotations)
    form: MyStanceForm | None = None
    adjudication_form: AdjudicationForm | None = None


def quote_desk_context(request, quote: Quote) -> dict:
    """Context for the quote page; four queries (topics, annotations, summaries, adjudications)."""
    user = request.user
    queue_topic = request.GET.get("topic", "")
    topics = sorted(Topic.objects.all(), key=lambda topic: (topic.slug != queue_topic, topic.name))
    desks = {topic.pk: TopicDesk(topic=topic) for topic in topics}
    for annotation in quote.annotations.select_related("annotator").order_by("annotator__username"):
        desk = desks[annotation.topic_id]
        if annotation.annotator_id == user.pk:
            desk.mine = annotation
        else:
            desk.others.append(annotation)
    for summary in quote.stance_summaries.all():
        desks[summary.topic_id].summary = summary
    for adjudication in quote.adjudications.select_related("reviewer"):
        desks[adjudication.topic_id].adjudication = adjudication
    tags, adjudicates = can_tag(user), can_adjudicate(user)
    for desk in desks.values():
        coded = desk.mine is not None
        desk.show_others = coding.can_see_annotations(user, coded=coded)
        desk.revealed = desk.show_others or (
            desk.summary is not None
            and coding.can_see_values(
                user, released=desk.topic.released, settled=desk.summary.is_settled, coded=coded
            )
        )
        if tags:
            mine = desk.mine
            initial = {"topic": desk.topic, "version": 0}  # no preselected code
            if mine:
                initial.update(
                    value=code_initial(mine),
                    conditional=mine.conditional,
                    rationale=mine.rationale,
                    version=mine.version,
                )
            desk.form = MyStanceForm(initial=initial, auto_id=f"id_stance_{desk.topic.slug}_%s")
        if adjudicates:
            done = desk.adjudication
            desk.adjudication_form = AdjudicationForm(
                initial={
                    "topic": desk.topic,
                    "value": code_initial(done) if done else "",  # chosen, never proposed
                    "rationale": done.rationale if done else "",
                    "version": done.version if done else 0,
                },
                auto_id=f"id_adjudication_{desk.topic.slug}_%s",
            )
    return {
        "quote_in_context": quote_in_context(quote),
        "unverified_reason": unverified_reason(quote),
        "topic_desks": list(desks.values()),
        "queue_topic": queue_topic,
        "stance_url": reverse("admin:quotes_quote_stance", args=[quote.pk]),
        "adjudicate_url": reverse("admin:quotes_quote_adjudicate", args=[quote.pk]),
    }


def _form_errors(form) -> str:
    return "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())


def my_stance_view(model_admin, request, object_id):
    """Save the logged-in researcher's stance from the quote page; the annotator is always
    ``request.user``. The form's version guards against overwriting a save made elsewhere: 0
    means "I saw no annotation", so one created meanwhile is a conflict too."""
    quote = get_object_or_404(Quote, pk=object_id)
    if not (model_admin.has_view_permission(request, quote) and can_tag(request.user)):
        raise PermissionDenied
    form = MyStanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Your stance was not saved: {_form_errors(form)}")
        return redirect(quote_page_url(quote.pk))
    topic = form.cleaned_data["topic"]
    value, cannot_code = form.cleaned_data["value"]
    try:
        stance_annotation_save(
            quote=quote,
            topic=topic,
            annotator=request.user,
            value=value,
            cannot_code=cannot_code,
            conditional=form.cleaned_data["conditional"],
            rationale=form.cleaned_data["rationale"],
            expected_version=form.cleaned_data["version"] or 0,
        )
    except (ConflictError, ValidationError) as error:
        messages.error(request, f"Your stance was not saved. {' '.join(_messages(error))}")
        return redirect(quote_page_url(quote.pk, topic.slug))
    messages.success(request, f"Your stance on {topic} is saved.")
    if "_tagnext" in request.POST:
        return redirect(next_to_tag_url(topic.slug))
    return redirect(quote_page_url(quote.pk, topic.slug))


def adjudicate_view(model_admin, request, object_id):
    """Set the reviewer's final value for a quote on a topic from the quote page."""
    quote = get_object_or_404(Quote, pk=object_id)
    if not (model_admin.has_view_permission(request, quote) and can_adjudicate(request.user)):
        raise PermissionDenied
    form = AdjudicationForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"The adjudication was not saved: {_form_errors(form)}")
        return redirect(quote_page_url(quote.pk))
    topic = form.cleaned_data["topic"]
    try:
        adjudication_set(
            quote=quote,
            topic=topic,
            reviewer=request.user,
            value=form.cleaned_data["value"][0],
            cannot_code=form.cleaned_data["value"][1],
            rationale=form.cleaned_data["rationale"],
            expected_version=form.cleaned_data["version"] or 0,
        )
    except (ConflictError, ValidationError) as error:
        messages.error(request, f"The adjudication was not saved. {' '.join(_messages(error))}")
        return redirect(quote_page_url(quote.pk, topic.slug))
    messages.success(request, f"The adjudicated stance on {topic} is saved.")
    return redirect(quote_page_url(quote.pk, topic.slug))


def next_to_tag(user, topic: Topic) -> Quote | None:
    """The next confirmed quote ``user`` has not coded on ``topic``: oldest said first (undated
    last), then by id, so the queue is the same on every visit. One query."""
    mine = StanceAnnotation.objects.filter(quote=OuterRef("pk"), topic=topic, annotator=user)
    return (
        Quote.objects.confirmed()
        .exclude(Exists(mine))
        .order_by(F("said_on").asc(nulls_last=True), "id")
        .first()
    )


def next_to_tag_view(model_admin, request):
    """Open the next quote to tag on ``?topic=<slug>``, or say that none is left."""
    if not (model_admin.has_view_permission(request) and can_tag(request.user)):
        raise PermissionDenied
    changelist = reverse("admin:quotes_quote_changelist")
    topic = Topic.objects.filter(slug=request.GET.get("topic", "")).first()
    if topic is None:
        messages.error(request, "Choose a topic to tag.")
        return redirect(changelist)
    quote = next_to_tag(request.user, topic)
    if quote is None:
        messages.info(
            request, f"Nothing left to tag on {topic}: you have coded every confirmed quote."
        )
        return redirect(changelist)
    return redirect(quote_page_url(quote.pk, topic.slug))


def _messages(error) -> list[str]:
    return error.messages if isinstance(error, ValidationError) else [str(error)]
