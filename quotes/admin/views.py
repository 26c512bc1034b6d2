"""Intermediate pages of the desk: bulk stance form, agreement report (the speaker merge page:
quotes/admin/merging.py)."""

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from quotes import coding
from quotes.admin.base import object_key_or_404
from quotes.admin.forms import BulkStanceForm
from quotes.agreement import topic_agreement
from quotes.alpha import BOOTSTRAP_SAMPLES, BOOTSTRAP_SEED
from quotes.models import Quote, StanceAnnotation, Topic
from quotes.services import stance_annotation_save


def _intermediate_page(model_admin, request, queryset, template, form, title, **context):
    """Render an action's intermediate form; the selected ids ride along as hidden inputs."""
    return TemplateResponse(
        request,
        template,
        {
            **model_admin.admin_site.each_context(request),
            "title": title,
            "opts": model_admin.model._meta,
            "form": form,
            "media": model_admin.media + form.media,
            "queryset": queryset,
            "action": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            **context,
        },
    )


def bulk_stance_view(model_admin, request, queryset):
    """Ask for topic, value, conditional and rationale, then save the logged-in user's stance on
    every selected quote through ``stance_annotation_save``; returns None to go back to the list."""
    if "apply" in request.POST:
        form = BulkStanceForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            value, cannot_code = data["value"]
            quotes = list(Quote.objects.filter(pk__in=queryset.values("pk")))
            already = set(
                StanceAnnotation.objects.filter(
                    quote__in=quotes, topic=data["topic"], annotator=request.user
                ).values_list("quote_id", flat=True)
            )
            try:
                with transaction.atomic():
                    for quote in quotes:
                        stance_annotation_save(
                            quote=quote,
                            topic=data["topic"],
                            annotator=request.user,
                            value=value,
                            cannot_code=cannot_code,
                            conditional=data["conditional"],
                            rationale=data["rationale"],
                        )
            except ValidationError as error:
                messages.error(request, f"Nothing was saved: {' '.join(error.messages)}")
                return None
            changed = len(already)
            messages.success(
                request,
                f"Your stance on {data['topic']} is saved on {len(quotes)} quote(s) "
                f"({len(quotes) - changed} new, {changed} changed).",
            )
            return None
    else:
        form = BulkStanceForm()
    return _intermediate_page(
        model_admin,
        request,
        queryset,
        "admin/quotes/quote/bulk_stance.html",
        form,
        "Set my stance on the selected quotes",
    )


def agreement_report_view(model_admin, request, object_id):
    """Krippendorff's alpha and the disagreements for one topic. The report shows every
    annotator's values, so it is for those who see all stances (reviewers: quotes.coding)."""
    topic = get_object_or_404(Topic, pk=object_key_or_404(Topic, object_id))
    if not (model_admin.has_view_permission(request, topic) and coding.sees_all(request.user)):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "admin/quotes/topic/agreement.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": f"Agreement on {topic}",
            "opts": model_admin.model._meta,
            "topic": topic,
            "agreement": topic_agreement(topic),
            "samples": BOOTSTRAP_SAMPLES,
            "seed": BOOTSTRAP_SEED,
        },
    )
