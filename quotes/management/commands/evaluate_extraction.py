"""Measure the extractor on the curated seed articles (or, with --brat, on a brat corpus)."""

import dataclasses
import json
from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.text import slugify

from quotes.extraction import KnownSpeaker, extract_quotes
from quotes.extraction.brat import BratError, load_corpus
from quotes.extraction.brat_scoring import evaluate_corpus
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
        "the share of matched quotes with the right speaker. With --brat DIR, score it on a "
        "corpus of brat attribution annotations instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed-file", default=str(SEED_FILE))
        parser.add_argument(
            "--no-registry",
            action="store_true",
            help="extract without known speakers (as for an article about new people); a new "
            "speaker's name counts as right when it is the curated speaker's name or alias",
        )
        parser.add_argument(
            "--brat",
            metavar="DIR",
            help="score on a brat corpus instead: DIR/text/<name>.txt and "
            "DIR/attributions/<name>_<annotator>.ann (the first annotator's file is the gold), "
            "optionally DIR/metadata*.tsv with filename, publisher, publication_date",
        )
        parser.add_argument(
            "--json", dest="json_file", metavar="FILE", help="also write the --brat figures here"
        )

    def handle(self, *args, seed_file, no_registry, brat, json_file, **options):
        if brat:
            return self._brat(Path(brat), json_file)
        if json_file:
            raise CommandError("--json goes with --brat")
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

    def _brat(self, directory: Path, json_file: str | None):
        try:
            articles, unannotated = load_corpus(directory, today=timezone.localdate())
        except BratError as error:
            raise CommandError(str(error)) from None
        result = evaluate_corpus(
            articles,
            lambda a: extract_quotes(a.text, published_on=a.published_on, outlet=a.outlet),
        )
        result["corpus"] = str(directory)
        result["texts_without_annotations"] = len(unannotated)
        result["spans_off_their_text"] = sum(a.surface_mismatches for a in articles)
        self._print_brat(result)
        if json_file:
            try:
                Path(json_file).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
            except OSError as error:
                raise CommandError(f"Cannot write {json_file}: {error.strerror}") from None

    def _print_brat(self, r: dict):
        self.stdout.write(
            f"Extraction on the brat corpus {r['corpus']}: {r['articles']} articles "
            "(gold: the alphabetically first annotator's file), no known-speaker registry"
        )
        self.stdout.write(f"{'':<22}{'gold':>7}{'proposed':>10}{'precision':>11}{'recall':>8}")
        for label, key, gold, proposed in (
            ("quoted (direct/part.)", "quoted", r["quoted_golds"], r["quoted_predictions"]),
            ("all attributions", "all", r["golds"], r["predictions"]),
        ):
            self.stdout.write(
                f"{label:<22}{gold:>7}{proposed:>10}"
                f"{_fmt(r[key]['precision']):>11}{_fmt(r[key]['recall']):>8}"
            )
        reported = r["reported_speech"]
        self.stdout.write(
            f"{'reported speech':<22}{reported['golds']:>7}{reported['indirect_proposals']:>10}"
            f"{_fmt(reported['indirect_precision']):>11}{_fmt(reported['recall']):>8}"
            "  (no quotation marks, cue said/told/according to …; precision of the indirect"
            " proposals)"
        )
        speaker = r["speaker"]
        self.stdout.write(
            f"speaker on {speaker['judged']} matched quoted attributions with a source: "
            f"strict {_fmt(speaker['strict'])}, lenient {_fmt(speaker['lenient'])}"
        )
        timing = r["seconds_per_article"]
        self.stdout.write(
            f"seconds per article: median {_fmt(timing['median'])}, mean {_fmt(timing['mean'])}"
        )
        if r["texts_without_annotations"]:
            self.stdout.write(
                f"texts without any .ann (left out): {r['texts_without_annotations']}"
            )
        if r["spans_off_their_text"]:
            self.stdout.write(
                f"warning: {r['spans_off_their_text']} annotated spans do not match the text at "
                "their offsets"
            )

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
