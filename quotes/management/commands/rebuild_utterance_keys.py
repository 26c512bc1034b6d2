from django.core.management.base import BaseCommand

from quotes.utterance_index import utterance_keys_rebuild


class Command(BaseCommand):
    help = "Rebuild the candidate index of utterance detection (quotes.utterance_index)."

    def handle(self, *args, **options):
        written = utterance_keys_rebuild()
        self.stdout.write(f"Rebuilt the utterance candidate index: {written} keys.")
