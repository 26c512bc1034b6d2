"""Write timings measured in-process on the bench corpus (JSON on stdout), each write rolled back.

    python -m bench.writes SPEAKER_ID TOPIC_ID [--saves N]   (with the corpus's DATABASE_URL)

- ``stance_save``: ``services.stance_annotation_save`` on the speaker's newest confirmed quotes,
  with the rollup kept (as stancedb runs) and with ``stance_rollups_refresh`` (both rollups, by
  report and by utterance: ``quotes.stance_rollup``) replaced by a no-op (the save before the
  rollups existed), alternating quote by quote so that noise hits both alike.
- ``link_proposal``: proposing utterance links (``utterance_reports_changed``) for the quotes of
  one of the speaker's articles, as an import does after storing them (issue 16: under 0.5 s
  with a million quotes in the database).
"""

import argparse
import json
import os
import statistics
import sys
import time


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("speaker_id", type=int)
    parser.add_argument("topic_id", type=int)
    parser.add_argument("--saves", type=int, default=150)
    parser.add_argument("--articles", type=int, default=30)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stancedb.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from quotes import services, stance_services
    from quotes.models import Quote, Topic
    from quotes.utterance_services import utterance_reports_changed

    topic = Topic.objects.get(pk=args.topic_id)
    annotator = get_user_model().objects.get(username="corpus-annotator-1")
    quotes = list(
        Quote.objects.filter(speaker_id=args.speaker_id, status="confirmed").order_by(
            "-said_on", "-id"
        )[: args.saves]
    )
    # the rollups by report and by utterance (quotes.stance_rollup), kept or not
    kept = stance_services.stance_rollups_refresh

    def no_rollup(**kwargs):
        pass

    timings = {"with_rollup": [], "without_rollup": []}
    for index, quote in enumerate(quotes):
        modes = ["with_rollup", "without_rollup"]
        for mode in modes if index % 2 else modes[::-1]:
            refresh = kept if mode == "with_rollup" else no_rollup
            stance_services.stance_rollups_refresh = refresh
            with transaction.atomic():
                started = time.perf_counter()
                services.stance_annotation_save(
                    quote=quote, topic=topic, annotator=annotator, value=(index % 5) - 2
                )
                timings[mode].append(time.perf_counter() - started)
                transaction.set_rollback(True)
    stance_services.stance_rollups_refresh = kept

    sources = list(
        Quote.objects.filter(speaker_id=args.speaker_id)
        .order_by("-source_id")
        .values_list("source_id", flat=True)
        .distinct()[: args.articles]
    )
    proposals, proposed = [], []
    for source_id in sources:
        article = list(Quote.objects.filter(source_id=source_id))
        with transaction.atomic():
            started = time.perf_counter()
            proposed.append(utterance_reports_changed(quotes=article))
            proposals.append(time.perf_counter() - started)
            transaction.set_rollback(True)

    report = {
        "stance_save": {
            mode: {"n": len(values), "p50_ms": _p(values, 0.5), "p95_ms": _p(values, 0.95)}
            for mode, values in timings.items()
        },
        "link_proposal": {
            "articles": len(proposals),
            "p50_ms": _p(proposals, 0.5),
            "p95_ms": _p(proposals, 0.95),
            "max_ms": max(proposals) * 1000 if proposals else None,
            "links_proposed_mean": statistics.mean(proposed) if proposed else None,
        },
        "quotes_in_database": Quote.objects.count(),
    }
    saves = report["stance_save"]
    saves["ratio"] = saves["with_rollup"]["p50_ms"] / saves["without_rollup"]["p50_ms"]
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
