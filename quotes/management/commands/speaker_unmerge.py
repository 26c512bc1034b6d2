from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from quotes.services import speaker_unmerge


class Command(BaseCommand):
    help = (
        "Undo the latest merge of a duplicate speaker, from the history the merge recorded: the "
        "speaker that had SLUG comes back with its fields (Wikidata id, description, country …), "
        "its quotes, affiliations and aliases move back to it, the alias the merge made goes, and "
        "the speaker it was merged into gets back the values it had before. Rows changed since "
        "the merge are left as they are and listed. Nothing is written on error."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "slug", help="the merged duplicate's slug (now an alias of the kept one)"
        )

    def handle(self, *args, slug, **options):
        try:
            result = speaker_unmerge(slug=slug)
        except ValidationError as error:
            raise CommandError(f"Not undone: {' '.join(error.messages)}") from None
        self.stdout.write(
            f"Restored {result.speaker.name} ({result.speaker.slug}) from {result.into.name}: "
            f"{result.quotes} quote(s), {result.affiliations} affiliation(s), "
            f"{result.aliases} alias(es) moved back."
        )
        for row in result.left:
            self.stderr.write(f"left as it is: {row}")
