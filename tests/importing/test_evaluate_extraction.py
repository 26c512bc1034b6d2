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


def test_direct_quotes_meet_the_targets_with_the_known_speaker_registry():
    rows, speaker = _figures()
    precision, recall = rows["direct"]
    assert precision >= 0.9 and recall >= 0.95 and speaker >= 0.9


def test_direct_quotes_meet_the_targets_for_speakers_nobody_registered():
    rows, speaker = _figures("--no-registry")
    precision, recall = rows["direct"]
    assert precision >= 0.9 and recall >= 0.95 and speaker >= 0.9
