from django.core.management.base import BaseCommand, CommandError

from quotes.dataset import DatasetError, export_bundle


class Command(BaseCommand):
    help = (
        "Write the whole database to DIR as a dataset bundle (JSON Lines per table plus "
        "manifest.json; see docs/dataset-format.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A new or empty directory.")
        parser.add_argument(
            "--with-passwords",
            action="store_true",
            help="Include password hashes, so a restored backup keeps its logins. Leave it off "
            "for a bundle shared with other researchers.",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, directory, with_passwords, database, **options):
        try:
            manifest = export_bundle(directory, with_passwords=with_passwords, using=database)
        except (DatasetError, OSError) as error:
            raise CommandError(f"Dataset not exported: {error}") from error
        rows = sum(table["rows"] for table in manifest["tables"])
        self.stdout.write(
            f"Exported {rows} rows in {len(manifest['tables'])} files to {directory}."
        )
