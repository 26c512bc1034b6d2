"""The candidate index of utterance detection (``UtteranceKey``), kept in step with the quotes.

Its rows are derived from a quote's text, speaker and date (``quotes.utterance_detection``:
``pair_keys`` and ``text_key``). Every service that stores a quote or changes one of those
calls ``utterance_keys_refresh`` in its transaction (``quote_save``, the import and its
review, a speaker unmerge, the seed; a merge, which changes only the speaker, moves the keys
with ``utterance_keys_move``); a bulk load (the dataset bundle, the synthetic
corpus) and the ``rebuild_utterance_keys`` command call ``utterance_keys_rebuild``.
"""

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from quotes.models import Quote, UtteranceKey
from quotes.utterance_detection import pair_keys, text_key

CHUNK = 2000


_COLUMNS = ("quote_id", "speaker_id", "said_on", "said_on_precision", "key", "exact")


def _rows(quotes) -> list[tuple]:
    """The index rows (``_COLUMNS``) of ``quotes``, given as ``_FIELDS`` tuples."""
    rows = []
    for pk, text, speaker_id, said_on, precision in quotes:
        if speaker_id is None or said_on is None:
            continue  # never a candidate, and never looks for one (quotes.utterance_detection)
        keys = {(key, False) for key in pair_keys(text)} | {(text_key(text), True)}
        rows += [(pk, speaker_id, said_on, precision, key, exact) for key, exact in sorted(keys)]
    return rows


_FIELDS = ("pk", "text", "speaker_id", "said_on", "said_on_precision")


def utterance_keys_refresh(*, quote_ids) -> int:
    """Rewrite the candidate keys of the quotes ``quote_ids`` from their stored text, speaker
    and date (a deleted quote's are gone with it): three statements per ``CHUNK`` quotes. Call
    inside the transaction that changed the quotes. Returns the rows written."""
    ids = sorted(set(quote_ids))
    written = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        UtteranceKey.objects.filter(quote_id__in=chunk).delete()
        rows = _rows(Quote.objects.filter(pk__in=chunk).values_list(*_FIELDS))
        keys = [UtteranceKey(**dict(zip(_COLUMNS, row, strict=True))) for row in rows]
        written += len(UtteranceKey.objects.bulk_create(keys, batch_size=500))
    return written


def utterance_keys_move(*, quote_ids, speaker) -> int:
    """The quotes ``quote_ids`` were given to ``speaker`` (nothing else changed): their keys
    follow, in one UPDATE. Returns the rows updated."""
    return UtteranceKey.objects.filter(quote_id__in=list(quote_ids)).update(speaker=speaker)


@transaction.atomic
def utterance_keys_rebuild(*, using: str = DEFAULT_DB_ALIAS, chunk: int = 20_000) -> int:
    """Rebuild the whole candidate index from the quotes, ``chunk`` quotes at a time (in id
    order, reading by primary key). Returns the rows written.

    Millions of rows go in with ``executemany``, not model instances; on SQLite the table's
    indexes are dropped while it fills and made again at the end (one sort each, not a B-tree
    insert per row at a random place through its small page cache). Not on PostgreSQL, which
    makes no index in a transaction with foreign key checks pending (an import's)."""
    connection = connections[using]
    editor = connection.schema_editor()  # for its SQL only: never entered, nothing deferred
    editor.deferred_sql = []
    model, meta = UtteranceKey, UtteranceKey._meta
    indexes = meta.indexes
    columns = ", ".join(connection.ops.quote_name(name) for name in _COLUMNS)
    insert = f"INSERT INTO {meta.db_table} ({columns}) VALUES (%s, %s, %s, %s, %s, %s)"
    quotes = Quote._base_manager.using(using).order_by("pk").values_list(*_FIELDS)
    written, last = 0, 0
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {meta.db_table}")  # derived rows: no cascade, no signals
        present = connection.introspection.get_constraints(cursor, meta.db_table)
        indexes = [
            index for index in indexes if index.name in present and connection.vendor == "sqlite"
        ]  # none in 0018's fill, which makes them after it
        for index in indexes:
            cursor.execute(str(index.remove_sql(model, editor)))
        while True:
            batch = list(quotes.filter(pk__gt=last)[:chunk])
            if not batch:
                break
            last = batch[-1][0]
            rows = [
                (q, s, connection.ops.adapt_datefield_value(d), p, k, e)
                for q, s, d, p, k, e in _rows(batch)
            ]
            cursor.executemany(insert, rows)
            written += len(rows)
        for index in indexes:
            cursor.execute(str(index.create_sql(model, editor)))
    return written
