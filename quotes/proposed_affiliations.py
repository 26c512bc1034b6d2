"""A new person's role as the imported article gives it, recorded once a reviewer confirms.

The extractor reads "Kremlin spokesman Dmitry Peskov said" as a person, a role and a body. The
import keeps that as a ProposedAffiliation of the speaker it creates; confirming one of the
person's quotes from that article turns it into an Affiliation attested on the article's date
(started and ended on it: the article shows the role held then, not for how long), with the body
found by name or created. Before the quotes are saved, so that each confirmed quote's role at
the date said is proposed from it.
"""

from collections.abc import Iterable

from django.db import transaction

from quotes.models import Affiliation, DatePrecision, ProposedAffiliation
from quotes.naming import organization_named


@transaction.atomic
def proposed_affiliations_record(*, confirmed: Iterable[tuple[int, int]]) -> list[Affiliation]:
    """Record the proposals of the (speaker id, source id) pairs of confirmed quotes."""
    pairs = set(confirmed)
    if not pairs:
        return []
    proposals = ProposedAffiliation.objects.select_for_update().filter(
        speaker_id__in={speaker for speaker, _ in pairs},
        source_id__in={source for _, source in pairs},
    )
    recorded = []
    for proposal in proposals.select_related("source"):
        if (proposal.speaker_id, proposal.source_id) not in pairs:
            continue
        attested = proposal.source.published_on
        affiliation, _ = Affiliation.objects.get_or_create(
            speaker_id=proposal.speaker_id,
            organization=organization_named(proposal.organization_name),
            role=proposal.role,
            started_on=attested,
            defaults={
                "started_on_precision": DatePrecision.DAY,
                "ended_on": attested,
                "ended_on_precision": DatePrecision.DAY,
            },
        )
        recorded.append(affiliation)
        proposal.delete()
    return recorded
