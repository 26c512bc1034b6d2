"""Reading a bundle: the manifest and every file verified before the database is touched, then
the tables loaded as they are into an empty database in one transaction, the derived rows
checked against their inputs and the rollup rebuilt."""

import hashlib
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction

from quotes.dataset_checks import derived_row_problems, describe
from quotes.dataset_format import (
    CHUNK,
    FORMAT,
    MANIFEST,
    MEMBERSHIPS,
    DatasetError,
    bundle_models,
    columns,
    file_name,
)
from quotes.dataset_versions import READABLE, columns_added, tables_missing
from quotes.rollup import rollup_rebuild
from quotes.utterance_index import utterance_keys_rebuild


def read_manifest(directory: Path) -> dict:
    """The bundle's manifest once every file matches its row count and checksum.

    Reads every file whole before the database is touched: a corrupt bundle changes nothing.
    """
    directory = Path(directory)
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(
            f"{directory} has no {MANIFEST}: not a stancedb dataset bundle, or its export did "
            "not finish."
        ) from None
    except (ValueError, OSError) as error:
        raise DatasetError(f"{MANIFEST} cannot be read: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise DatasetError(f"{MANIFEST} does not describe a {FORMAT} bundle.")
    if manifest.get("format_version") not in READABLE:
        raise DatasetError(
            f"This bundle has format version {manifest.get('format_version')!r}; this stancedb "
            f"reads versions {', '.join(map(str, READABLE))}."
        )
    missing_tables = tables_missing(manifest["format_version"])
    expected = [
        MEMBERSHIPS,
        *(
            file_name(model)
            for model in bundle_models()
            if model._meta.label_lower not in missing_tables
        ),
    ]
    tables = manifest.get("tables")
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        raise DatasetError(f"{MANIFEST} has no list of tables.")
    listed = [table.get("file") for table in tables]
    if sorted(listed) != sorted(expected):
        missing = sorted(set(expected) - set(listed))
        unknown = sorted(set(listed) - set(expected))
        raise DatasetError(
            f"The bundle's tables do not match this stancedb's: missing {missing}, "
            f"unknown {unknown}."
        )
    for table in manifest["tables"]:
        try:
            sha256, rows = _digest(directory / table["file"])
        except OSError as error:
            raise DatasetError(f"{table['file']} cannot be read: {error}") from None
        if sha256 != table.get("sha256"):
            raise DatasetError(
                f"{table['file']} does not match its checksum in {MANIFEST}: the bundle is "
                "corrupt or was edited. Nothing was imported."
            )
        if rows != table.get("rows"):
            raise DatasetError(
                f"{table['file']} does not hold the {table.get('rows')} rows listed."
            )
    return manifest


def _digest(path: Path) -> tuple[str, int]:
    """SHA-256 and line count of a file, read in blocks (a bundle may be larger than memory)."""
    sha256, lines, last = hashlib.sha256(), 0, b"\n"
    with path.open("rb") as file:
        while block := file.read(1 << 20):
            sha256.update(block)
            lines += block.count(b"\n")
            last = block[-1:]
    return sha256.hexdigest(), lines if last == b"\n" else -1


def _rows(path: Path):
    with path.open("rb") as file:
        for number, line in enumerate(file, start=1):
            try:
                row = json.loads(line)
            except ValueError as error:
                raise DatasetError(f"{path.name} line {number} is not JSON: {error}") from None
            if not isinstance(row, dict):
                raise DatasetError(f"{path.name} line {number} is not a JSON object.")
            yield number, row


def nonempty_tables(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Labels of the bundle's tables that already hold rows in the database."""
    return [
        model._meta.label_lower
        for model in bundle_models()
        if model._base_manager.using(using).exists()
    ]


def _load_table(model, path: Path, with_passwords: bool, using: str, version: int) -> int:
    fields = columns(model, with_passwords)
    added = columns_added(version, model._meta.label_lower)
    expected = {field.attname for field in fields} - set(added)
    is_user = model is get_user_model()
    all_fields = fields + (
        [model._meta.get_field("password")] if is_user and not with_passwords else []
    )
    batch, loaded = [], 0
    for number, row in _rows(path):
        if set(row) != expected:
            raise DatasetError(
                f"{path.name} line {number}: columns {sorted(row)} differ from this stancedb's "
                f"{sorted(expected)}."
            )
        try:
            values = {
                field.attname: field.to_python(row[field.attname])
                for field in fields
                if field.attname not in added
            }
        except Exception as error:  # noqa: BLE001 - any bad value is reported with its place
            raise DatasetError(f"{path.name} line {number}: {error}") from None
        values.update(added)
        if is_user and not with_passwords:
            values["password"] = make_password(None)
        batch.append(model(**values))
        if len(batch) >= CHUNK:
            loaded += _insert(model, batch, all_fields, using)
            batch = []
    return loaded + _insert(model, batch, all_fields, using)


def _insert(model, objs: list, fields: list, using: str) -> int:
    """Insert rows as they are: ``raw`` skips auto_now and every save() side effect (no new
    history rows, no recomputed summaries), like ``loaddata`` does."""
    if objs:
        size = max(1, connections[using].ops.bulk_batch_size(fields, objs))
        for start in range(0, len(objs), size):
            model._base_manager._insert(
                objs[start : start + size], fields=fields, raw=True, using=using
            )
    return len(objs)


def import_bundle(directory: Path, *, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Load a verified bundle into an empty database in one transaction; returns rows per file.

    Before it commits, the derived rows are checked against their inputs
    (``quotes.dataset_checks``: stored stances recomputed, quote spans read back from their
    sources); a disagreement refuses the whole bundle, naming the rows. Only into the default
    database: the stances are recomputed there.

    Primary keys are kept, so links between tables and to the history stay exact; PostgreSQL's
    sequences are moved past them afterwards. Any failure rolls the whole import back.
    """
    directory = Path(directory)
    if using != DEFAULT_DB_ALIAS:
        raise DatasetError("Import into the default database (set DATABASE_URL to choose it).")
    manifest = read_manifest(directory)
    with_passwords = bool(manifest.get("includes_password_hashes"))
    connection = connections[using]
    loaded = {}
    try:
        with transaction.atomic(using=using):
            nonempty = nonempty_tables(using)
            if nonempty:
                raise DatasetError(
                    "The database already holds data (" + ", ".join(nonempty) + "). Import only "
                    "into a freshly migrated, empty database."
                )
            missing_tables = tables_missing(manifest["format_version"])
            for model in bundle_models():
                name = file_name(model)
                if model._meta.label_lower in missing_tables:
                    continue
                loaded[name] = _load_table(
                    model, directory / name, with_passwords, using, manifest["format_version"]
                )
            loaded[MEMBERSHIPS] = _load_memberships(directory / MEMBERSHIPS, using)
            connection.check_constraints()
            problems = derived_row_problems(using)
            if problems:
                raise DatasetError(
                    "The bundle's derived rows disagree with the rows they are computed from "
                    "(edited by hand?); nothing was imported: " + describe(problems)
                )
            rollup_rebuild(using=using)  # derived from the stored stances, not in the bundle
            utterance_keys_rebuild(using=using)  # derived from the quotes, likewise
            statements = connection.ops.sequence_reset_sql(no_style(), bundle_models())
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
    except DatabaseError as error:
        raise DatasetError(
            f"The bundle does not fit the database; nothing was imported: {error}"
        ) from error
    return loaded


def _load_memberships(path: Path, using: str) -> int:
    """Group memberships by group name: the roles' groups exist after migrate, others are made."""
    through = get_user_model().groups.through
    groups = {group.name: group.pk for group in Group.objects.using(using)}
    links = []
    for number, row in _rows(path):
        if set(row) != {"group", "user_id"}:
            raise DatasetError(f"{path.name} line {number}: expected group and user_id.")
        if row["group"] not in groups:
            groups[row["group"]] = Group.objects.using(using).create(name=row["group"]).pk
        links.append(through(user_id=row["user_id"], group_id=groups[row["group"]]))
    through.objects.using(using).bulk_create(links, batch_size=CHUNK)
    return len(links)
