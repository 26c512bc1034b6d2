from django.core.management.base import BaseCommand

from quotes.services import stance_summaries_rebuild


class Command(BaseCommand):
    help = "Recompute every stored stance summary from the annotations and adjudications."

    def handle(self, *args, **options):
        written = stance_summaries_rebuild()
        self.stdout.write(f"Rebuilt {written} stance summaries.")
