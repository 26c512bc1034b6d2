from django.core.management.base import BaseCommand

from quotes.models import Quote
from quotes.utterance_detection import utterance_links_propose_for


class Command(BaseCommand):
    help = (
        "Propose links between reports of the same statement over the whole database: each "
        "dated quote with a speaker is compared with its speaker's quotes in the date window "
        "(UTTERANCE_WINDOW_DAYS). Decided links are kept as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=2000, help="Quotes read at a time (default 2000)."
        )

    def handle(self, *args, batch_size, **options):
        quotes = (
            Quote.objects.filter(speaker__isnull=False, said_on__isnull=False)
            .exclude(status=Quote.Status.REJECTED)
            .only(
                "id", "text", "speaker_id", "said_on", "said_on_precision", "status", "utterance_id"
            )
            .order_by("pk")
        )
        proposed = seen = 0
        for quote in quotes.iterator(chunk_size=batch_size):
            proposed += utterance_links_propose_for(quotes=[quote])
            seen += 1
        self.stdout.write(f"Compared {seen} quotes; {proposed} links proposed or updated.")
