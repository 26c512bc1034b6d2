"""What the bundles of older format versions lack, so that ``import_dataset`` can complete them.

Version 2 kept no article text in the sources' history; version 3 had no utterances (no tables
for them, no ``utterance_id`` on quotes: each quote is then an utterance of its own); version 4
had no utterance adjudications (each utterance's stance is then its reports' mean).
"""

FORMAT_VERSION = 5
# version -> model label -> column: the value rows of bundles up to that version get
_COLUMNS_ADDED_AFTER = {
    2: {"quotes.historicalsource": {"text": ""}},
    3: {"quotes.quote": {"utterance_id": None}, "quotes.historicalquote": {"utterance_id": None}},
}
_TABLES_ADDED_AFTER = {
    3: {
        "quotes.utterance",
        "quotes.historicalutterance",
        "quotes.utterancelink",
        "quotes.historicalutterancelink",
    },
    4: {"quotes.utteranceadjudication", "quotes.historicalutteranceadjudication"},
}
READABLE = (*sorted(_COLUMNS_ADDED_AFTER.keys() | _TABLES_ADDED_AFTER.keys()), FORMAT_VERSION)


def columns_added(version: int, label: str) -> dict:
    """The columns a bundle of ``version`` lacks in ``label``'s file, with their values."""
    added = {}
    for since, tables in _COLUMNS_ADDED_AFTER.items():
        if version <= since:
            added.update(tables.get(label, {}))
    return added


def tables_missing(version: int) -> set[str]:
    """The model labels whose files a bundle of ``version`` has not."""
    return {
        label
        for since, labels in _TABLES_ADDED_AFTER.items()
        if version <= since
        for label in labels
    }
