"""Measure the extractor on the curated seed articles: span precision/recall and speakers."""

import dataclasses
from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from quotes.extraction import KnownSpeaker, extract_quotes
from quotes.extraction.evaluate import KINDS, evaluate, gold_from_entries
from quotes.seed import SEED_FILE


def _registry(speakers: list[dict]) -> list[KnownSpeaker]:
    return [
        KnownSpeaker(
            slug=entry["slug"],
            name=entry["name"],
            kind=entry.get("kind", "person"),
            aliases=tuple(entry.get("aliases", [])),
            roles=tuple(term["role"] for term in entry.get("affiliations", [])),
            cited_by=entry.get("cited_by") or "",
        )
        for entry in speakers
    ]


def _name_to_slug(speakers: list[dict]) -> dict[str, str]:
    names = {}
    for entry in speakers:
        for name in [entry["name"], *entry.get("aliases", [])]:
            names[slugify(name)] = entry["slug"]
    return names


class Command(BaseCommand):
    help = (
        "Run the extractor on the seed articles and compare with their curated quotes: precision "
        "and recall of quote spans (a match overlaps by at least half of the shorter span) and "
        "the share of matched quotes with the right speaker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed-file", default=str(SEED_FILE))
        parser.add_argument(
            "--no-registry",
            action="store_true",
            help="extract without known speakers (as for an article about new people); a new "
            "speaker's name counts as right when it is the curated speaker's name or alias",
        )

    def handle(self, *args, seed_file, no_registry, **options):
        try:
            data = yaml.safe_load(Path(seed_file).read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"Cannot read {seed_file}: {error.strerror}") from None
        registry = [] if no_registry else _registry(data["speakers"])
        names = _name_to_slug(data["speakers"])
        proposals, gold = {}, {}
        for source in data["sources"]:
            article = (Path(seed_file).parent / source["text_file"]).read_text(encoding="utf-8")
            found = extract_quotes(
                article,
                published_on=source["published_on"],
                known_speakers=registry,
                outlet=source["outlet"],
            )
            if no_registry:
                found = [
                    dataclasses.replace(p, speaker_slug=names.get(slugify(_new_name(p))))
                    if p.speaker_slug is None
                    else p
                    for p in found
                ]
            proposals[source["key"]] = found
            entries = [q for q in data["quotes"] if q["source"] == source["key"]]
            gold[source["key"]] = gold_from_entries(article, entries)
        self._print(evaluate(proposals, gold), "without" if no_registry else "with")

    def _print(self, result: dict, registry: str):
        self.stdout.write(
            f"Extraction on the seed articles ({registry} the known-speaker registry)"
        )
        self.stdout.write(f"{'kind':<10}{'gold':>6}{'proposed':>10}{'precision':>11}{'recall':>8}")
        for kind in (*KINDS, "overall"):
            row = result[kind]
            self.stdout.write(
                f"{kind:<10}{row['gold']:>6}{row['proposals']:>10}"
                f"{_fmt(row['precision']):>11}{_fmt(row['recall']):>8}"
            )
        self.stdout.write(f"speaker right on matched quotes: {_fmt(result['speaker_accuracy'])}")
        if "direct_speaker_accuracy" in result:
            self.stdout.write(
                f"speaker right on matched direct quotes: {_fmt(result['direct_speaker_accuracy'])}"
            )
        for key, start, expected, got, reason in result["speaker_misses"]:
            self.stdout.write(f"  miss {key}@{start}: expected {expected}, got {got} ({reason})")


def _new_name(proposal) -> str:
    """The name an import gives a new speaker (an anonymous one carries its outlet)."""
    name = proposal.speaker_name or ""
    if proposal.speaker_kind == "anonymous" and proposal.cited_by:
        return f"{name} ({proposal.cited_by})"
    return name


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
