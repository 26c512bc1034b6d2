"""A deterministic synthetic corpus for scale tests and the benchmark (bench/).

Realistic shape rather than realistic content: speakers' quote counts follow a Zipf law (a few
with tens of thousands, a long tail), dates span 2008–2024, an article quotes one to six
statements and its text is their concatenation (so spans are real), most quotes are confirmed,
confirmed quotes carry one to three annotations whose values drift over time, a few are
adjudicated. A share of statements (``ECHO_SHARE``) is reported again by one to three other
outlets, up to two days later, in full or as an excerpt: those reports are linked into one
``Utterance`` dated by ``quotes.utterances.utterance_dates``. Rows go in with ``bulk_create``
on SQLite and ``COPY`` on PostgreSQL (``insert_rows``; no per-row validation, no history rows);
the stored stances come from ``stance_summaries_rebuild`` batch by batch, the rollups and the
candidate index of utterance detection are built once at the end, and a sample of quotes goes
through ``full_clean()`` to prove the rows are ones the application accepts.
"""

import datetime
import itertools
import math
import random

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max, Min
from tqdm import tqdm

from quotes import search
from quotes.models import (
    Adjudication,
    Affiliation,
    DatePrecision,
    Organization,
    Quote,
    Source,
    Speaker,
    StanceAnnotation,
    Topic,
    Utterance,
)
from quotes.rollup import rollup_rebuild
from quotes.services import stance_summaries_rebuild
from quotes.utterance_index import utterance_keys_rebuild
from quotes.utterances import utterance_dates


def _words(text: str) -> list[str]:
    return text.split()


FIRST_DAY, LAST_DAY = datetime.date(2008, 1, 1), datetime.date(2024, 12, 31)
QUOTES_PER_BATCH = 5000
VOCABULARY_SIZE = 2000
# The share of statements other outlets report too (each echo is a quote of its own).
ECHO_SHARE = 0.08
# Real words first, at fixed frequency ranks, so searches have stable targets; "ceasefire" is
# the benchmark's search word (rank ~100: a few percent of quotes).
STOP_WORDS = _words("the we will not and of to is that in it this our for with be are they have")
DOMAIN_WORDS = _words(
    "security dialogue sanctions alliance partners must cannot position talks treaty border "
    "defence energy trade pressure agreement government minister cooperation decision support "
    "threat region strategy response policy diplomacy pipeline embargo summit weapons troops "
    "council interests sovereignty stability escalation negotiations commitment deterrence "
    "presence measures signals framework members neighbours military economic political future "
    "values principle responsibility consultations guarantees transparency verification risk "
    "crisis conflict peace war control reduction enlargement membership exercises deployment "
    "airspace maritime cyber hybrid disinformation elections reform investment markets supply "
    "gas oil grid climate emissions refugees migration aid humanitarian reconstruction "
    "ceasefire corridor inspection observers mandate resolution veto coalition parliament"
)
FIRST_NAMES = _words(
    "Anna Boris Clara Dmitri Elena Fatima Georg Hanna Igor Jana Karl Lena Marek Nadia Oleg Petra "
    "Rasmus Sofia Tomas Ulla Viktor Wanda Yuri Zofia Ahmet Birgit Jens Irina Milan Olga"
)
LAST_NAMES = _words(
    "Adler Berg Novak Ivanova Kowalski Larsen Meyer Nilsson Orlov Petrov Quint Rossi Sorensen "
    "Tamm Ulrich Varga Weber Zeman Horvat Kask Lind Moreau Brandt Kuznetsov Hahn Falk Jovanovic "
    "Dahl Engel Sokolov"
)
TOPIC_NAMES = [
    "NATO–Russia dialogue",
    "Sanctions on Russia",
    "Arms control",
    "Energy security",
    "NATO enlargement",
    "EU defence integration",
    "Nuclear deterrence",
    "Climate policy",
    "Migration",
    "Trade agreements",
]
OUTLETS = [
    f"{a} {b}"
    for a in ("Daily", "Weekly", "Evening", "Morning")
    for b in _words("Post Herald Times Courier Observer Ledger Tribune Review Standard Gazette")
]
COUNTRIES = ["DE", "FR", "PL", "RU", "UA", "US", "GB", "EE", "FI", "SE", "NO", "IT", "ES", "TR"]
ORG_KINDS = [
    Organization.Kind.GOVERNMENT,
    Organization.Kind.MINISTRY,
    Organization.Kind.PARLIAMENT,
    Organization.Kind.THINK_TANK,
    Organization.Kind.INTERNATIONAL_ORGANIZATION,
]


def vocabulary() -> list[str]:
    """The fixed word list, most frequent first: stop words, domain words, then made-up words
    from a syllable table (no real meaning, but stable tokens for stemmers and tokenizers)."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    made_up = ("".join(pair) for pair in itertools.product(syllables, syllables, ["", "n", "r"]))
    words = list(dict.fromkeys(STOP_WORDS + DOMAIN_WORDS))
    taken = set(words)
    for word in made_up:
        if len(words) == VOCABULARY_SIZE:
            break
        if word not in taken:
            words.append(word)
    return words


def zipf_cumulative(count: int, exponent: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(count)))


def insert_rows(model, rows: list, batch_size: int = 500) -> list:
    """Insert unsaved ``rows`` of ``model`` and give them their ids: ``bulk_create`` on SQLite;
    on PostgreSQL the ids are drawn from the table's sequence (one query) and the rows go in with
    one ``COPY`` (several times faster than multi-row INSERTs, which psycopg must bind)."""
    if connection.vendor != "postgresql" or not rows:
        return model.objects.bulk_create(rows, batch_size=batch_size)
    table = model._meta.db_table
    fields = [field for field in model._meta.concrete_fields]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)",
            [len(rows)],
        )
        for row, (pk,) in zip(rows, cursor.fetchall(), strict=True):
            row.pk = pk
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [
                        field.get_db_prep_save(field.pre_save(row, add=True), connection)
                        for field in fields
                    ]
                )
    for row in rows:
        row._state.adding, row._state.db = False, connection.alias
    return rows


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
            self.generate(rng, quotes, speakers, topics, annotators, not no_progress)
        finally:
            if sqlite:
                search.sqlite_fts_install(connection, rebuild=True)
        rollup_rebuild()
        utterance_keys_rebuild()  # utterance detection's candidate index, once for all
        self.check_sample(rng)
        with connection.cursor() as cursor:
            # Planner statistics after a bulk load, as autovacuum (PostgreSQL) or
            # ``PRAGMA optimize`` (SQLite) would gather on a live database.
            cursor.execute("ANALYZE")
        self.stdout.write(
            f"Generated {quotes} quotes by {speakers} speakers "
            f"({StanceAnnotation.objects.count()} annotations, seed {seed})."
        )

    def generate(self, rng, quote_count, speaker_count, topic_count, annotator_count, progress):
        with transaction.atomic():
            topic_ids = self.make_topics(topic_count)
            users = self.make_users(annotator_count)
            speakers = self.make_speakers(rng, speaker_count, topic_ids)
        words = vocabulary()
        word_weights = zipf_cumulative(len(words))
        speaker_weights = zipf_cumulative(len(speakers))
        span_days = (LAST_DAY - FIRST_DAY).days
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
            with transaction.atomic():
                self.write_batch(rng, plan, users, span_days)
            made += batch
            bar.update(batch)
        bar.close()
        self.date_utterances()

    def date_utterances(self, chunk=10_000):
        """Each utterance's date (``quotes.utterances.utterance_dates``), once at the end: asked
        batch by batch, before ANALYZE, SQLite reads every confirmed quote for each batch."""
        ids = list(Utterance.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), chunk):
            dates = utterance_dates(ids[start : start + chunk])
            rows = [
                Utterance(pk=pk, said_on=day, said_on_precision=p) for pk, (day, p) in dates.items()
            ]
            with transaction.atomic():
                Utterance.objects.bulk_update(
                    rows, ["said_on", "said_on_precision"], batch_size=500
                )

    def make_topics(self, count):
        ids = []
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

    def write_batch(self, rng, plan, users, span_days):
        reviewer, annotators = users[-1], users[:-1]
        sources = insert_rows(
            Source, [self.source(rng, entry[0], entry[1], entry[3]) for entry in plan]
        )
        speakers = {}
        for _, _, picks, _, groups in plan:
            for profile, group in zip(picks, groups, strict=True):
                if group is not None:
                    speakers[group] = profile["speaker"]
        utterances = dict(
            zip(
                speakers,
                insert_rows(
                    Utterance, [Utterance(speaker=speaker) for speaker in speakers.values()]
                ),
                strict=True,
            )
        )
        quotes, meta = [], []
        for source, (_, published, picks, texts, groups) in zip(sources, plan, strict=True):
            offset = len(source.title) + 2
            for profile, text, group in zip(picks, texts, groups, strict=True):
                quote = self.quote(rng, source, published, profile, text, offset)
                quote.utterance = utterances.get(group)
                quotes.append(quote)
                meta.append(profile)
                offset += len(text) + 2
        insert_rows(Quote, quotes)
        annotations, adjudications = [], []
        for quote, profile in zip(quotes, meta, strict=True):
            if quote.status != Quote.Status.CONFIRMED:
                continue
            topic = rng.choice(profile["topics"])
            base, drift = profile["stances"][topic]
            when = quote.said_on or LAST_DAY
            phase = (when - FIRST_DAY).days / span_days * 2 * math.pi
            mean = base + drift * math.sin(phase * 1.5)
            coders = rng.sample(annotators, rng.choices((1, 2, 3), weights=(50, 35, 15))[0])
            values = [max(-2, min(2, round(mean + rng.gauss(0, 0.6)))) for _ in coders]
            annotations += [
                StanceAnnotation(quote=quote, topic_id=topic, annotator_id=coder, value=value)
                for coder, value in zip(coders, values, strict=True)
            ]
            if len(coders) > 1 and rng.random() < 0.04:
                adjudications.append(
                    Adjudication(
                        quote=quote,
                        topic_id=topic,
                        reviewer_id=reviewer,
                        value=max(-2, min(2, round(mean))),
                    )
                )
        insert_rows(StanceAnnotation, annotations)
        insert_rows(Adjudication, adjudications)
        # the rollups are built once, at the end
        stance_summaries_rebuild(quote_ids=[quote.pk for quote in quotes], keep_rollup=False)

    def source(self, rng, number, published, texts):
        title = f"Corpus article {number}"
        text = "\n\n".join([title, *texts])
        # content_hash stays empty (allowed): folding 300k texts in Python costs a minute, and
        # the titles make every article unique by construction.
        return Source(
            outlet=rng.choice(OUTLETS),
            title=title,
            url=f"https://news.example.org/corpus/{number}",
            published_on=published,
            text=text,
        )

    def quote(self, rng, source, published, profile, text, offset):
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
                    affiliation = term
                    break
        status = rng.choices(
            (Quote.Status.CONFIRMED, Quote.Status.PROPOSED, Quote.Status.REJECTED),
            weights=(95, 3, 2),
        )[0]
        return Quote(
            text=text,
            speaker=profile["speaker"],
            source=source,
            affiliation=affiliation,
            kind=rng.choices(list(Quote.Kind), weights=(85, 10, 5))[0],
            said_on=said_on,
            said_on_precision=precision,
            span_start=offset,
            span_end=offset + len(text),
            status=status,
        )

    def check_sample(self, rng, size=25):
        """Check the database's constraints, and validate a sample of quotes as the admin would."""
        connection.check_constraints()
        bounds = Quote.objects.aggregate(low=Min("id"), high=Max("id"))
        ids = range(bounds["low"], bounds["high"] + 1)
        for quote in Quote.objects.filter(id__in=rng.sample(ids, min(size, len(ids)))):
            quote.full_clean()
