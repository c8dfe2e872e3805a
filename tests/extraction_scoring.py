"""Scoring the extraction against releases written with their ground truth (quote, speaker)."""

import importlib.util

from claims.extraction import extract_text
from claims.extraction.claims import fingerprint


def load_expectations(folder):
    """The ``EXPECTED`` mapping of ``folder/expectations.py``: file name -> [(quote, speaker)]."""
    spec = importlib.util.spec_from_file_location(
        f"expectations_{folder.name}", folder / "expectations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.EXPECTED


def score_release(path, expected):
    """(expected, found, reported, right speaker, problems) for one release file."""
    quotes = extract_text(path.read_text(encoding="utf-8")).quotes
    used, problems, right_speaker = set(), [], 0
    for text, speaker in expected:
        match = next((i for i, q in enumerate(quotes)
                      if i not in used and fingerprint(q.text) == fingerprint(text)), None)
        if match is None:
            problems.append(f"missed {text[:50]!r}")
            continue
        used.add(match)
        if quotes[match].speaker == speaker:
            right_speaker += 1
        else:
            problems.append(f"{text[:40]!r}: {quotes[match].speaker!r} instead of {speaker!r}")
    problems += [f"not a quote: {q.text[:50]!r}" for i, q in enumerate(quotes) if i not in used]
    return len(expected), len(used), len(quotes), right_speaker, problems


def score_folder(folder, expectations):
    """Totals (expected, found, reported, right speaker) and every problem, over all files."""
    totals = [0, 0, 0, 0]
    problems = []
    for name in sorted(expectations):
        *counts, issues = score_release(folder / name, expectations[name])
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        problems += [f"{name}: {issue}" for issue in issues]
    return totals, problems
