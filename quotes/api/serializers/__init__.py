"""What the API shows of speakers, organizations, sources, events, topics and quotes, and what it
accepts when editors write them, one module per resource (``people``, ``topics``, ``sources``,
``quote``) over shared ``fields`` and nested ``refs``. Writes validate through the model's
``full_clean()``. Every serializer is importable from here, as before the split."""

from quotes.api.serializers.fields import (
    FullCleanSerializer,
    SlugRelatedField,
    SpeakerSlugField,
)
from quotes.api.serializers.people import (
    AffiliationSerializer,
    AliasSerializer,
    OrganizationSerializer,
    SpeakerDetailSerializer,
    SpeakerListSerializer,
    SpeakerWriteSerializer,
)
from quotes.api.serializers.quote import (
    AnnotationBriefSerializer,
    QuoteReadSerializer,
    QuoteWriteSerializer,
    StanceSummarySerializer,
)
from quotes.api.serializers.refs import (
    EventRefSerializer,
    OrganizationRefSerializer,
    QuoteAffiliationSerializer,
    SourceRefSerializer,
    SpeakerRefSerializer,
)
from quotes.api.serializers.sources import (
    SourceDetailSerializer,
    SourceSerializer,
    SourceWriteSerializer,
)
from quotes.api.serializers.topics import (
    EventSerializer,
    TopicSerializer,
)

__all__ = [
    "AffiliationSerializer",
    "AliasSerializer",
    "AnnotationBriefSerializer",
    "EventRefSerializer",
    "EventSerializer",
    "FullCleanSerializer",
    "OrganizationRefSerializer",
    "OrganizationSerializer",
    "QuoteAffiliationSerializer",
    "QuoteReadSerializer",
    "QuoteWriteSerializer",
    "SlugRelatedField",
    "SourceDetailSerializer",
    "SourceRefSerializer",
    "SourceSerializer",
    "SourceWriteSerializer",
    "SpeakerDetailSerializer",
    "SpeakerListSerializer",
    "SpeakerRefSerializer",
    "SpeakerSlugField",
    "SpeakerWriteSerializer",
    "StanceSummarySerializer",
    "TopicSerializer",
]
