"""A deterministic synthetic corpus for scale tests and the benchmark (bench/).

Realistic shape rather than realistic content: speakers' quote counts follow a Zipf law (a few
with tens of thousands, a long tail), dates span 2008–2024, an article quotes one to six
statements and its text is their concatenation (so spans are real), most quotes are confirmed,
confirmed quotes carry one to three annotations whose values drift over time, a few are
adjudicated. A share of statements (``ECHO_SHARE``) is reported again by one to three other
outlets, up to two days later, in full or as an excerpt: those reports are linked into one
``Utterance`` dated by ``quotes.utterances.utterance_dates``.

Each batch is made as plain rows (``quotes.corpus_generation``), the derived ones with them (the
stored stances, the utterances' dates, the candidate keys of utterance detection: the rows the
rebuild commands write, a test compares), and goes in with ``COPY`` on PostgreSQL, with the
loaded tables' secondary indexes, unique constraints and foreign keys made again only at the
end, or ``executemany`` on SQLite; no per-row validation, no history rows. The rollups are built
once at the end (``rollup_rebuild``), and a sample of quotes goes through ``full_clean()`` to
prove the rows are ones the application accepts. ``-v 2`` prints the time of each phase.
"""

import datetime
import math
import random
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max, Min
from tqdm import tqdm

from quotes import coding, search
from quotes.corpus_generation import Ids, Rows, indexes_deferred
from quotes.corpus_vocabulary import (
    COUNTRIES,
    ECHO_SHARE,
    FIRST_NAMES,
    LAST_NAMES,
    ORG_KINDS,
    OUTLETS,
    TOPIC_NAMES,
    source_title,
    vocabulary,
    zipf_cumulative,
)
from quotes.models import (
    Adjudication,
    Affiliation,
    DatePrecision,
    Organization,
    Quote,
    QuoteRollup,
    QuoteStance,
    Source,
    Speaker,
    StanceAnnotation,
    StanceRollup,
    Topic,
    UnitQuote,
    UnitStance,
    Utterance,
    UtteranceKey,
)
from quotes.rollup import rollup_rebuild
from quotes.utterance_index import _COLUMNS as KEY_COLUMNS
from quotes.utterance_index import _rows as utterance_index_rows
from quotes.utterances import earliest_report_date

# The tables the batches fill, and the rollups built from them at the end.
LOADED = (Source, Utterance, Quote, StanceAnnotation, Adjudication, QuoteStance, UtteranceKey)
ROLLUPS = (StanceRollup, QuoteRollup, UnitStance, UnitQuote)
QUOTE_COLUMNS = (
    "id", "text", "speaker_id", "source_id", "affiliation_id", "kind", "said_on",
    "said_on_precision", "span_start", "span_end", "status", "utterance_id",
)  # fmt: skip
STANCE_COLUMNS = (
    "id", "quote_id", "topic_id", "value", "annotator_count", "is_adjudicated", "is_settled",
    "speaker_id", "status", "said_on", "said_on_precision",
)  # fmt: skip
FIRST_DAY, LAST_DAY = datetime.date(2008, 1, 1), datetime.date(2024, 12, 31)
QUOTES_PER_BATCH = 5000


def utterance_date(reports: list[tuple]) -> tuple:
    """``(said_on, precision)`` of an utterance from its reports' ``QUOTE_COLUMNS`` rows, by
    ``quotes.utterances.earliest_report_date``."""
    return earliest_report_date(
        (row[6], row[7], row[0])
        for row in reports
        if row[10] == Quote.Status.CONFIRMED and row[6] is not None
    )


class Command(BaseCommand):
    help = "Fill an empty database with a deterministic synthetic corpus (scale tests, bench)."

    def add_arguments(self, parser):
        parser.add_argument("--quotes", type=int, required=True, help="Number of quotes.")
        parser.add_argument("--speakers", type=int, required=True, help="Number of speakers.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same rows.")
        parser.add_argument("--topics", type=int, default=6, help="Number of topics (1–10).")
        parser.add_argument("--annotators", type=int, default=8, help="Annotator users (≥ 3).")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, quotes, speakers, seed, topics, annotators, no_progress, **options):
        self.verbosity, self.started = options.get("verbosity", 1), time.perf_counter()
        if quotes < 1:
            raise CommandError("--quotes must be at least 1.")
        if not 1 <= speakers <= quotes:
            raise CommandError("--speakers must be between 1 and --quotes.")
        if not 1 <= topics <= len(TOPIC_NAMES):
            raise CommandError(f"--topics must be between 1 and {len(TOPIC_NAMES)}.")
        if annotators < 3:
            raise CommandError("--annotators must be at least 3 (a quote gets up to three).")
        if seed < 0:
            raise CommandError("--seed must not be negative.")
        if Quote.objects.exists() or Speaker.objects.filter(slug__startswith="corpus-").exists():
            raise CommandError(
                "This database already has quotes; generate_corpus fills an empty one "
                "(use a fresh DATABASE_URL, e.g. sqlite:///bench/corpus/corpus.sqlite3)."
            )
        rng = random.Random(seed)
        sqlite = connection.vendor == "sqlite"
        if sqlite:
            # One re-index at the end is far cheaper than a trigger per row.
            search.sqlite_fts_triggers_drop(connection)
        try:
            with indexes_deferred(LOADED, log=self.phase):
                self.generate(rng, quotes, speakers, topics, annotators, not no_progress)
        finally:
            if sqlite:
                search.sqlite_fts_install(connection, rebuild=True)
        self.phase("rows loaded, indexes and constraints made")
        with connection.cursor() as cursor:
            # Planner statistics after a bulk load, as autovacuum (PostgreSQL) or
            # ``PRAGMA optimize`` (SQLite) would gather on a live database; the rollup's
            # INSERT … SELECTs are planned with them.
            cursor.execute("ANALYZE")
        with indexes_deferred(ROLLUPS, log=self.phase):
            rollup_rebuild()
        self.phase("rollups built")
        self.check_sample(rng)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.phase("checked, analyzed")
        self.stdout.write(
            f"Generated {quotes} quotes by {speakers} speakers "
            f"({StanceAnnotation.objects.count()} annotations, seed {seed})."
        )

    def phase(self, message):
        if self.verbosity >= 2:
            elapsed = time.perf_counter() - self.started
            self.stderr.write(f"[{elapsed:7.1f} s] {message}")

    def generate(self, rng, quote_count, speaker_count, topic_count, annotator_count, progress):
        with transaction.atomic():
            topic_ids = self.make_topics(topic_count)
            users = self.make_users(annotator_count)
            speakers = self.make_speakers(rng, speaker_count, topic_ids)
        words = vocabulary()
        word_weights = zipf_cumulative(len(words))
        speaker_weights = zipf_cumulative(len(speakers))
        span_days = (LAST_DAY - FIRST_DAY).days
        ids = Ids(LOADED)
        bar = tqdm(total=quote_count, unit="quote", disable=not progress, mininterval=1)
        made = article = 0
        while made < quote_count:
            batch = min(QUOTES_PER_BATCH, quote_count - made)
            plan = []  # (source, [quote fields])
            planned = 0
            while planned < batch:
                size = min(rng.choice((1, 2, 2, 3, 3, 4, 5, 6)), batch - planned)
                published = FIRST_DAY + datetime.timedelta(days=rng.randrange(span_days + 1))
                picks = rng.choices(speakers, cum_weights=speaker_weights, k=size)
                texts = [self.sentence(rng, words, word_weights) for _ in range(size)]
                groups = [None] * size
                echoes = []
                for index in range(size):
                    if rng.random() >= ECHO_SHARE:
                        continue
                    groups[index] = group = (article, index)
                    for _ in range(rng.choice((1, 1, 2, 3))):
                        day = published + datetime.timedelta(days=rng.choice((0, 0, 1, 2)))
                        echoes.append((min(day, LAST_DAY), picks[index], texts[index], group))
                plan.append((article, published, picks, texts, groups))
                article += 1
                planned += size
                for day, pick, text, group in echoes[: batch - planned]:
                    plan.append((article, day, [pick], [self.excerpt(rng, text)], [group]))
                    article += 1
                    planned += 1
            rows = self.batch_rows(rng, plan, users, span_days, ids)
            with transaction.atomic():
                for table in rows:
                    table.write()
            made += batch
            bar.update(batch)
        bar.close()
        ids.close()

    def make_topics(self, count):
        ids, self.codes_needed = [], {}
        for name in TOPIC_NAMES[:count]:
            slug = name.lower().replace("–", "-").replace(" ", "-")
            topic, _ = Topic.objects.get_or_create(
                slug=slug,
                # Released, and a quote settled with one code: the synthetic corpus is public
                # and every stance counts, as the bench's raw SQL floor assumes.
                defaults={
                    "name": name,
                    "description": f"Stance toward {name}.",
                    "released": True,
                    "codes_needed": 1,
                },
            )
            ids.append(topic.pk)
            self.codes_needed[topic.pk] = topic.codes_needed
        return ids

    def make_users(self, count):
        user_model = get_user_model()
        users = []
        for number in [*range(1, count + 1), 0]:
            username = f"corpus-annotator-{number}" if number else "corpus-reviewer"
            user, created = user_model.objects.get_or_create(username=username)
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            users.append(user.pk)
        return users  # the last one is the reviewer

    def make_speakers(self, rng, count, topic_ids):
        """Speakers in Zipf rank order, each with two or three topics, a base stance and a drift
        per topic, and zero, one or two affiliations (a change of role on a split date)."""
        organizations = Organization.objects.bulk_create(
            Organization(
                name=f"Corpus {kind.label} {number}",
                slug=f"corpus-org-{number}",
                kind=kind,
                country=rng.choice(COUNTRIES),
            )
            for number in range(1, max(3, count // 20) + 1)
            for kind in [rng.choice(ORG_KINDS)]
        )
        rows = Speaker.objects.bulk_create(
            Speaker(
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {number}",
                slug=f"corpus-speaker-{number}",
                country=rng.choice(COUNTRIES),
            )
            for number in range(1, count + 1)
        )
        affiliations, profiles = [], []
        for speaker in rows:
            terms = rng.choices((0, 1, 2), weights=(1, 4, 5))[0]
            split = FIRST_DAY + datetime.timedelta(days=rng.randrange(1500, 5000))
            periods = [(datetime.date(2006, 1, 1), split), (split + datetime.timedelta(1), None)]
            for start, end in periods[2 - terms :] if terms else []:
                affiliations.append(
                    Affiliation(
                        speaker=speaker,
                        organization=rng.choice(organizations),
                        role=rng.choice(("Minister", "Spokesperson", "Ambassador", "Member")),
                        started_on=start,
                        started_on_precision=DatePrecision.DAY,
                        ended_on=end,
                        ended_on_precision=DatePrecision.DAY if end else DatePrecision.UNKNOWN,
                    )
                )
            topics = rng.sample(topic_ids, min(len(topic_ids), rng.choice((2, 3))))
            stances = {topic: (rng.uniform(-1.8, 1.8), rng.uniform(0, 1.2)) for topic in topics}
            profiles.append({"speaker": speaker, "topics": topics, "stances": stances})
        affiliations = Affiliation.objects.bulk_create(affiliations)
        terms_of = {}
        for affiliation in affiliations:
            terms_of.setdefault(affiliation.speaker_id, []).append(affiliation)
        for profile in profiles:
            profile["terms"] = terms_of.get(profile["speaker"].pk, [])
        return profiles

    def sentence(self, rng, words, weights):
        chosen = rng.choices(words, cum_weights=weights, k=rng.randint(8, 30))
        return " ".join(chosen).capitalize() + "."

    def excerpt(self, rng, text):
        """The statement as another outlet prints it: whole, or its first words."""
        words = text.rstrip(".").split()
        if len(words) < 12 or rng.random() < 0.5:
            return text
        return " ".join(words[: rng.randint(len(words) * 2 // 3, len(words) - 1)]) + "."

    def batch_rows(self, rng, plan, users, span_days, ids):
        """The rows of one batch, every table (``Rows``), derived ones included: the stored
        stances (``QuoteStance``), the utterances' dates and the candidate keys of utterance
        detection, as ``stance_summaries_rebuild``, ``utterance_dates`` and
        ``utterance_keys_rebuild`` would write them (a test compares). The random draws are
        made in the same order as ever, so a seed gives the same corpus."""
        reviewer, annotators = users[-1], users[:-1]
        sources = Rows(Source, ("id", "outlet", "title", "url", "published_on", "text"))
        utterances = Rows(Utterance, ("id", "speaker_id", "said_on", "said_on_precision"))
        quotes = Rows(Quote, QUOTE_COLUMNS)
        annotations = Rows(
            StanceAnnotation, ("id", "quote_id", "topic_id", "annotator_id", "value")
        )
        adjudications = Rows(Adjudication, ("id", "quote_id", "topic_id", "reviewer_id", "value"))
        stances = Rows(QuoteStance, STANCE_COLUMNS)
        keys = Rows(UtteranceKey, ("id", *KEY_COLUMNS))
        source_ids = []
        for number, published, _, texts, _ in plan:
            source_ids.append(ids.take(Source))
            sources.add((source_ids[-1], *self.source(rng, number, published, texts)))
        utterance_of, reports = {}, {}
        for _, _, picks, _, groups in plan:
            for profile, group in zip(picks, groups, strict=True):
                if group is not None and group not in utterance_of:
                    utterance_of[group] = (ids.take(Utterance), profile["speaker"].pk)
        made = []  # (quote row, profile)
        for source_id, (number, published, picks, texts, groups) in zip(
            source_ids, plan, strict=True
        ):
            offset = len(source_title(number)) + 2
            for profile, text, group in zip(picks, texts, groups, strict=True):
                utterance = utterance_of.get(group)
                row = self.quote(
                    rng, ids.take(Quote), source_id, published, profile, text, offset, utterance
                )
                quotes.add(row)
                made.append((row, profile))
                if utterance is not None:
                    reports.setdefault(utterance, []).append(row)
                offset += len(text) + 2
        for (pk, speaker), rows in reports.items():
            utterances.add((pk, speaker, *utterance_date(rows)))
        key_rows = utterance_index_rows(
            [(row[0], row[1], row[2], row[6], row[7]) for row, _ in made]
        )
        for key_row in key_rows:
            keys.add((ids.take(UtteranceKey), *key_row))
        for row, profile in made:
            quote_id, speaker_id, said_on, precision, status = (
                row[0], row[2], row[6], row[7], row[10]
            )  # fmt: skip
            if status != Quote.Status.CONFIRMED:
                continue
            topic = rng.choice(profile["topics"])
            base, drift = profile["stances"][topic]
            when = said_on or LAST_DAY
            phase = (when - FIRST_DAY).days / span_days * 2 * math.pi
            mean = base + drift * math.sin(phase * 1.5)
            coders = rng.sample(annotators, rng.choices((1, 2, 3), weights=(50, 35, 15))[0])
            values = [max(-2, min(2, round(mean + rng.gauss(0, 0.6)))) for _ in coders]
            for coder, value in zip(coders, values, strict=True):
                annotations.add((ids.take(StanceAnnotation), quote_id, topic, coder, value))
            adjudicated = None
            if len(coders) > 1 and rng.random() < 0.04:
                adjudicated = max(-2, min(2, round(mean)))
                adjudications.add((ids.take(Adjudication), quote_id, topic, reviewer, adjudicated))
            stances.add(
                (
                    ids.take(QuoteStance),
                    quote_id,
                    topic,
                    float(adjudicated if adjudicated is not None else sum(values) / len(values)),
                    len(values),
                    adjudicated is not None,
                    coding.is_settled(
                        codes=len(values),
                        codes_needed=self.codes_needed[topic],
                        adjudicated=adjudicated is not None,
                    ),
                    speaker_id,
                    status,
                    said_on,
                    precision,
                )
            )
        return [sources, utterances, quotes, annotations, adjudications, stances, keys]

    def source(self, rng, number, published, texts):
        """``(outlet, title, url, published_on, text)``."""
        title = source_title(number)
        text = "\n\n".join([title, *texts])
        # content_hash stays empty (allowed): folding 300k texts in Python costs a minute, and
        # the titles make every article unique by construction.
        outlet = rng.choice(OUTLETS)
        return outlet, title, f"https://news.example.org/corpus/{number}", published, text

    def quote(self, rng, pk, source_id, published, profile, text, offset, utterance):
        """The quote's row, ``QUOTE_COLUMNS``."""
        said_on = published - datetime.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
        precision = rng.choices(
            (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.UNKNOWN),
            weights=(940, 40, 15, 5),
        )[0]
        if precision == DatePrecision.MONTH:
            said_on = said_on.replace(day=1)
        elif precision == DatePrecision.YEAR:
            said_on = said_on.replace(month=1, day=1)
        elif precision == DatePrecision.UNKNOWN:
            said_on = None
        affiliation = None
        if said_on is not None:
            for term in profile["terms"]:
                if term.started_on <= said_on and (
                    term.ended_on is None or said_on <= term.ended_on
                ):
                    affiliation = term.pk
                    break
        status = rng.choices(
            (Quote.Status.CONFIRMED, Quote.Status.PROPOSED, Quote.Status.REJECTED),
            weights=(95, 3, 2),
        )[0]
        kind = rng.choices(list(Quote.Kind), weights=(85, 10, 5))[0]
        speaker = profile["speaker"].pk
        span = (offset, offset + len(text))
        utterance_id = utterance[0] if utterance else None
        return (pk, text, speaker, source_id, affiliation, kind, said_on, precision, *span, status,
                utterance_id)  # fmt: skip

    def check_sample(self, rng, size=25):
        """Check the database's constraints, and validate a sample of quotes as the admin would."""
        connection.check_constraints()
        bounds = Quote.objects.aggregate(low=Min("id"), high=Max("id"))
        ids = range(bounds["low"], bounds["high"] + 1)
        for quote in Quote.objects.filter(id__in=rng.sample(ids, min(size, len(ids)))):
            quote.full_clean()
