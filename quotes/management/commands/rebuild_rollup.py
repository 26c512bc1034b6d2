from django.core.management.base import BaseCommand

from quotes.rollup import rollup_rebuild


class Command(BaseCommand):
    help = "Rebuild the stance rollup (quotes.rollup) from the stored stances."

    def handle(self, *args, **options):
        written = rollup_rebuild()
        self.stdout.write(f"Rebuilt the stance rollup: {written} cells.")
