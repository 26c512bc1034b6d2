"""Fields and a base serializer every resource's serializers share: slugs that refuse a NUL
without querying, a speaker by slug or alias slug, and saves through ``full_clean()``."""

from rest_framework import serializers

from quotes.models import Speaker


class SlugRelatedField(serializers.SlugRelatedField):
    """DRF's, answering a value with a NUL character as an unknown slug without querying:
    PostgreSQL cannot compare text holding one, and the DataError would be a 500."""

    def to_internal_value(self, data):
        if "\x00" in str(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data))
        return super().to_internal_value(data)


class SpeakerSlugField(SlugRelatedField):
    """A speaker by slug or alias slug, so a transliteration works in writes as in reads."""

    def to_internal_value(self, data):
        speaker = None
        if "\x00" not in str(data):
            speaker = Speaker.objects.by_slug_or_alias(str(data)).first()
        if speaker is None:
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data))
        return speaker


class FullCleanSerializer(serializers.ModelSerializer):
    """A model serializer whose saves go through ``full_clean()``, so the model's own rules
    (constraints, ``clean()``) answer with a 400 before any write."""

    def create(self, validated_data):
        instance = self.Meta.model(**validated_data)
        instance.full_clean()
        instance.save()
        return instance

    def update(self, instance, validated_data):
        for name, value in validated_data.items():
            setattr(instance, name, value)
        instance.full_clean()
        instance.save()
        return instance
