"""Forms of the tagging desk: my stance, adjudication, bulk stance, speaker merge."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError

from quotes.models import Quote, Speaker, StanceAnnotation, StanceValue, Topic
from quotes.models.stances import CANNOT_CODE, CANNOT_CODE_LABEL, split_code

_RATIONALE_MAX = StanceAnnotation._meta.get_field("rationale").max_length


_NO_CHOICE = [("", "— choose —")]
_REQUIRED = {"required": "Choose a code: nothing is preselected, and 0 is a code too."}


def _code_field(**kwargs) -> forms.TypedChoiceField:
    """An annotator's code: −2 … +2 or "cannot code"; nothing preselected, a choice required.
    Cleans to ``(value, cannot_code)``."""
    return forms.TypedChoiceField(
        choices=[*_NO_CHOICE, *StanceValue.choices, (CANNOT_CODE, CANNOT_CODE_LABEL)],
        coerce=split_code,
        error_messages=_REQUIRED,
        **kwargs,
    )


def code_initial(annotation) -> str | int:
    """The choice a saved annotation shows in a code field."""
    return CANNOT_CODE if annotation.cannot_code else annotation.value


class VersionedModelForm(forms.ModelForm):
    """Carries the version the row was loaded with, so a save over someone else's is refused."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if self.instance.pk and loaded is not None and loaded != self.instance.version:
            raise ValidationError(
                "Someone saved this since you opened it. Reload the page to see their change."
            )
        return cleaned


class StanceAnnotationAdminForm(VersionedModelForm):
    """The annotator is never a form field: it is the logged-in user (set by the admin)."""

    user = None  # the admin's get_form() binds the requesting user

    value = _code_field(label="Stance")

    class Meta:
        model = StanceAnnotation
        fields = ("quote", "topic", "value", "conditional", "rationale")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["value"] = code_initial(self.instance)

    def clean(self):
        cleaned = super().clean()
        if "value" in cleaned:
            cleaned["value"], self.instance.cannot_code = cleaned["value"]
        quote, topic = cleaned.get("quote"), cleaned.get("topic")
        if self.instance.pk is None and quote and topic:
            mine = StanceAnnotation.objects.filter(quote=quote, topic=topic, annotator=self.user)
            if mine.exists():
                raise ValidationError(
                    "You have already coded this quote on this topic: change that annotation."
                )
        return cleaned


class MyStanceForm(forms.Form):
    """The logged-in researcher's own coding of one quote on one topic (on the quote page)."""

    topic = forms.ModelChoiceField(queryset=Topic.objects.all(), widget=forms.HiddenInput)
    value = _code_field(label="My stance")
    conditional = forms.BooleanField(
        required=False, help_text="For in principle, against now (or the reverse)."
    )
    rationale = forms.CharField(
        max_length=_RATIONALE_MAX, required=False, widget=forms.TextInput(attrs={"size": 60})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AdjudicationForm(forms.Form):
    """A reviewer's final value for a quote on a topic."""

    topic = forms.ModelChoiceField(queryset=Topic.objects.all(), widget=forms.HiddenInput)
    value = _code_field(label="Adjudicated stance")
    rationale = forms.CharField(
        max_length=_RATIONALE_MAX, required=False, widget=forms.TextInput(attrs={"size": 60})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class BulkStanceForm(forms.Form):
    """The same coding applied to several quotes by the logged-in researcher."""

    topic = forms.ModelChoiceField(queryset=Topic.objects.all())
    value = _code_field(label="My stance")
    conditional = forms.BooleanField(required=False)
    rationale = forms.CharField(max_length=_RATIONALE_MAX, required=False)


class SpeakerMergeForm(forms.Form):
    """Which speaker the selected duplicates are merged into (searched like the quote's speaker)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"] = forms.ModelChoiceField(
            queryset=Speaker.objects.all(),
            label="Merge into",
            help_text="The speaker that stays; the selected ones become its aliases.",
            widget=AutocompleteSelect(Quote._meta.get_field("speaker"), admin.site),
        )
