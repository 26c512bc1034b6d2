import datetime
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from quotes.importing import IfStored, ImportRefused, article_import, read_article, read_limited


def _iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = (
        "Store an article (plain UTF-8 text or HTML) as a source and propose its quotations with "
        "speakers for review. FILE may be - for standard input. Nothing is written on error."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to the article, or - for standard input")
        parser.add_argument("--outlet", required=True)
        parser.add_argument("--title", required=True)
        parser.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
        parser.add_argument("--url", default="")
        parser.add_argument("--language", default="en")
        parser.add_argument("--translated-from", default="", dest="translated_from")
        parser.add_argument("--original-url", default="", dest="original_url")
        parser.add_argument("--authors", default="", help="comma-separated")
        stored = parser.add_mutually_exclusive_group()
        stored.add_argument(
            "--new-version",
            action="store_true",
            help="a text at a stored URL, or nearly a stored source's text, replaces that "
            "source's text (its quotes found again in it, the old text kept in its history); "
            "without this flag or --separate such an import is refused",
        )
        stored.add_argument(
            "--separate",
            action="store_true",
            help="a text nearly a stored source's is stored as a source of its own",
        )

    def _read(self, name: str) -> bytes:
        """The file's bytes, read no further than IMPORT_MAX_BYTES + 1 (ImportRefused past it)."""
        try:
            if name == "-":
                return read_limited(sys.stdin.buffer)
            with open(name, "rb") as handle:
                return read_limited(handle)
        except OSError as error:
            raise CommandError(f"Cannot read {name}: {error.strerror}") from None

    def handle(self, *args, **options):
        published_on = _iso_date(options["published"])
        try:
            text = read_article(self._read(options["file"]))
            result = article_import(
                text=text,
                outlet=options["outlet"],
                title=options["title"],
                published_on=published_on,
                url=options["url"],
                language=options["language"],
                original_language=options["translated_from"],
                original_url=options["original_url"],
                authors=options["authors"],
                if_stored=(
                    IfStored.NEW_VERSION
                    if options["new_version"]
                    else IfStored.SEPARATE
                    if options["separate"]
                    else IfStored.REFUSE
                ),
            )
        except ImportRefused as error:
            raise CommandError(f"Not imported: {error}") from None
        except ValidationError as error:
            problems = "; ".join(
                f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
            )
            raise CommandError(f"Not imported: {problems}") from None
        state = "stored as a new source" if result.source_created else "already stored"
        if result.new_version:
            state = f"stored as its new version, {result.quotes_moved} quotes moved"
        self.stdout.write(
            f"{result.source} ({state}, id {result.source.pk}): {result.quotes_created} quotes "
            f"proposed, {result.quotes_kept} already there, "
            f"{len(result.speakers_created)} new speakers"
            + (f" ({', '.join(result.speakers_created)})" if result.speakers_created else "")
            + f", {result.links_proposed} links to other reports of the same statements proposed."
        )
        for note in result.notes:
            self.stdout.write(f"note: {note}")
        for problem in result.skipped:
            self.stderr.write(f"skipped {problem}")
