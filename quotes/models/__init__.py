"""The domain: split by concept, imported here so ``from quotes.models import Quote`` works."""

from quotes.models.common import DatePrecision
from quotes.models.people import (
    Affiliation,
    Organization,
    ProposedAffiliation,
    Speaker,
    SpeakerAlias,
)
from quotes.models.quotes import Quote
from quotes.models.rollup import QuoteRollup, StanceRollup, UnitQuote, UnitStance
from quotes.models.sources import Event, Source
from quotes.models.stances import Adjudication, QuoteStance, StanceAnnotation, StanceValue, Topic
from quotes.models.utterances import (
    Utterance,
    UtteranceAdjudication,
    UtteranceKey,
    UtteranceLink,
)

__all__ = [
    "Adjudication",
    "Affiliation",
    "DatePrecision",
    "Event",
    "Organization",
    "ProposedAffiliation",
    "Quote",
    "QuoteRollup",
    "QuoteStance",
    "Source",
    "Speaker",
    "SpeakerAlias",
    "StanceAnnotation",
    "StanceRollup",
    "StanceValue",
    "Topic",
    "UnitQuote",
    "UnitStance",
    "Utterance",
    "UtteranceAdjudication",
    "UtteranceKey",
    "UtteranceLink",
]
