from django.core.management.base import BaseCommand, CommandError

from quotes.dataset import DatasetError, import_bundle


class Command(BaseCommand):
    help = (
        "Load a dataset bundle written by export_dataset into an empty, freshly migrated "
        "database, in one transaction (checksums are verified first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--database", default="default")

    def handle(self, *args, directory, database, **options):
        try:
            loaded = import_bundle(directory, using=database)
        except (DatasetError, OSError) as error:
            raise CommandError(f"Dataset not imported (nothing was changed): {error}") from error
        self.stdout.write(
            f"Imported {sum(loaded.values())} rows in {len(loaded)} files from {directory}."
        )
