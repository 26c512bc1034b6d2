"""`load_seed` with a broken seed file changes nothing: not the rows before the broken entry, not
the values of rows already loaded, not the history."""

import shutil
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from quotes.dataset import bundle_models
from quotes.models import Topic
from quotes.seed import SEED_FILE


def database_state() -> dict[str, list]:
    """Every row of every table the dataset holds, as values: counts and contents at once."""
    return {
        model._meta.label_lower: list(model._base_manager.order_by("pk").values())
        for model in bundle_models()
    }


@pytest.fixture
def broken_seed(tmp_path) -> Path:
    """The real seed in a temp dir, its first topic renamed and its last quote not in its source."""
    shutil.copytree(SEED_FILE.parent, tmp_path / "fixtures")
    path = tmp_path / "fixtures" / SEED_FILE.name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["topics"][0]["name"] = "Renamed by the broken file"
    data["quotes"][-1]["text"] = "A sentence that appears in no article of the seed."
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_broken_seed_file_into_empty_database_writes_nothing(db, broken_seed):
    before = database_state()
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("load_seed", str(broken_seed))
    assert database_state() == before


def test_broken_seed_file_over_loaded_seed_keeps_every_row_as_it_was(seed, broken_seed):
    before = database_state()
    with pytest.raises(CommandError, match="quote not found"):
        call_command("load_seed", str(broken_seed))
    assert database_state() == before
    assert not Topic.objects.filter(name="Renamed by the broken file").exists()
