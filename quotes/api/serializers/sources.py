"""Sources (the articles): read, with their confirmed quotes on the detail, and written by
editors (a changed text moves the quotes' spans with it)."""

from rest_framework import serializers

from quotes.api.serializers.fields import FullCleanSerializer
from quotes.api.serializers.quote import QuoteReadSerializer
from quotes.models import Source
from quotes.sources import source_text_replace


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = [
            "id",
            "outlet",
            "title",
            "url",
            "authors",
            "published_on",
            "language",
            "original_language",
            "original_url",
        ]


class SourceWriteSerializer(FullCleanSerializer):
    """A changed ``text`` goes through ``source_text_replace``: the quotes' spans move with it,
    or the answer is a 400 on ``text`` naming each quote that would no longer occur."""

    class Meta:
        model = Source
        fields = [*SourceSerializer.Meta.fields, "text"]
        read_only_fields = ["id"]

    def create(self, validated_data):
        text = validated_data.pop("text", "")
        return self.update(Source(), {**validated_data, "text": text})

    def update(self, instance, validated_data):
        text = validated_data.pop("text", instance.text)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        user = getattr(self.context.get("request"), "user", None)
        user = user if user is not None and user.is_authenticated else None
        return source_text_replace(source=instance, text=text, user=user).source


class SourceDetailSerializer(SourceSerializer):
    quotes = QuoteReadSerializer(
        many=True, source="confirmed_quotes", read_only=True, help_text="Its confirmed quotes."
    )

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "text", "quotes"]
