from django.core.management.base import BaseCommand, CommandError

from quotes.seed import SEED_FILE, SeedError, load_seed


class Command(BaseCommand):
    help = "Load the curated seed articles, quotes and stances (idempotent; validates every row)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(SEED_FILE))

    def handle(self, *args, path, **options):
        try:
            changed = load_seed(path)
        except (SeedError, OSError) as error:
            raise CommandError(f"Seed data not loaded (nothing was changed): {error}") from error
        summary = ", ".join(f"{count} {kind}" for kind, count in sorted(changed.items()))
        self.stdout.write(f"Seed data loaded from {path}; created or changed: {summary}.")
