"""The candidate index of utterance detection (``UtteranceKey``), kept in step with the quotes.

Its rows are derived from a quote's text, speaker and date (``quotes.utterance_detection``:
``pair_keys`` and ``text_key``). Every service that stores a quote or changes one of those
calls ``utterance_keys_refresh`` in its transaction (``quote_save``, the import and its
review, a speaker unmerge, the seed; a merge, which changes only the speaker, moves the keys
with ``utterance_keys_move``); a bulk load (the dataset bundle, the synthetic
corpus) and the ``rebuild_utterance_keys`` command call ``utterance_keys_rebuild``.
"""

from django.db import DEFAULT_DB_ALIAS, transaction

from quotes.models import Quote, UtteranceKey
from quotes.utterance_detection import pair_keys, text_key

CHUNK = 2000


def _rows(quotes) -> list[UtteranceKey]:
    rows = []
    for pk, text, speaker_id, said_on, precision in quotes:
        if speaker_id is None or said_on is None:
            continue  # never a candidate, and never looks for one (quotes.utterance_detection)
        keys = {(key, False) for key in pair_keys(text)} | {(text_key(text), True)}
        rows += [
            UtteranceKey(
                quote_id=pk,
                speaker_id=speaker_id,
                said_on=said_on,
                said_on_precision=precision,
                key=key,
                exact=exact,
            )
            for key, exact in sorted(keys)
        ]
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
        written += len(UtteranceKey.objects.bulk_create(rows, batch_size=500))
    return written


def utterance_keys_move(*, quote_ids, speaker) -> int:
    """The quotes ``quote_ids`` were given to ``speaker`` (nothing else changed): their keys
    follow, in one UPDATE. Returns the rows updated."""
    return UtteranceKey.objects.filter(quote_id__in=list(quote_ids)).update(speaker=speaker)


@transaction.atomic
def utterance_keys_rebuild(*, using: str = DEFAULT_DB_ALIAS, chunk: int = 20_000) -> int:
    """Rebuild the whole candidate index from the quotes, ``chunk`` quotes at a time (in id
    order, reading by primary key). Returns the rows written."""
    keys = UtteranceKey.objects.using(using)
    keys.all()._raw_delete(using)  # derived rows, no cascade, no signals: one DELETE
    quotes = Quote._base_manager.using(using).order_by("pk").values_list(*_FIELDS)
    written, last = 0, 0
    while True:
        batch = list(quotes.filter(pk__gt=last)[:chunk])
        if not batch:
            return written
        last = batch[-1][0]
        written += len(keys.bulk_create(_rows(batch), batch_size=1000))
