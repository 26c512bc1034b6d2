"""`evaluate_extraction` prints the extractor's figures on the seed articles."""

import io
import re

from django.core.management import call_command


def _figures(*args):
    out = io.StringIO()
    call_command("evaluate_extraction", *args, stdout=out)
    text = out.getvalue()
    rows = {
        match[0]: (float(match[1]), float(match[2]))
        for match in re.findall(r"^(\w+)\s+\d+\s+\d+\s+([\d.]+)\s+([\d.]+)$", text, re.M)
    }
    speaker = float(re.search(r"speaker right on matched quotes: ([\d.]+)", text)[1])
    return rows, speaker


def test_the_seed_articles_keep_their_scores_with_the_known_speaker_registry():
    rows, speaker = _figures()
    assert all(rows[kind] == (1.0, 1.0) for kind in ("direct", "partial", "indirect"))
    assert speaker == 1.0


def test_the_seed_articles_keep_their_scores_for_speakers_nobody_registered():
    rows, speaker = _figures("--no-registry")
    assert all(rows[kind] == (1.0, 1.0) for kind in ("direct", "partial", "indirect"))
    assert speaker >= 0.95
