"""The whole database as a portable bundle, and back: ``export_dataset`` / ``import_dataset``.

A bundle is a directory of JSON Lines files, one per table, rows in primary-key order with sorted
keys, plus ``manifest.json`` (format version, per-file row counts and SHA-256 checksums). The same
database exported twice gives byte-identical bundles, whatever the backend; docs/dataset-format.md
describes the format for people reading it without stancedb.

By responsibility: ``quotes.dataset_format`` (the tables and their columns),
``quotes.dataset_export`` (writing), ``quotes.dataset_import`` (verifying and loading),
``quotes.dataset_checks`` (derived rows against their inputs), ``quotes.dataset_versions``
(what older formats lack). Callers import from here.
"""

from quotes.dataset_export import _read_snapshot, _TableWriter, export_bundle
from quotes.dataset_format import (
    DOMAIN_MODELS,
    FORMAT,
    MANIFEST,
    MEMBERSHIPS,
    USER_EXCLUDED,
    DatasetError,
    bundle_models,
)
from quotes.dataset_import import import_bundle, nonempty_tables, read_manifest
from quotes.dataset_versions import FORMAT_VERSION

__all__ = [
    "DOMAIN_MODELS",
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "MEMBERSHIPS",
    "USER_EXCLUDED",
    "DatasetError",
    "_TableWriter",
    "_read_snapshot",
    "bundle_models",
    "export_bundle",
    "import_bundle",
    "nonempty_tables",
    "read_manifest",
]
