"""Match quality on 262 labelled pairs of real claims: floors for precision and recall.

The pairs (tests/matching/pairs.json, README beside it) are real releases' sentences: the same
statistic or statement in other words, and near misses (the same topic with another figure,
month, person or place). The threshold was chosen on the "tune" half; the floors hold on the
"test" half, which took no part in choosing it, and on all of them.
"""

import os

import pytest

from claims import matching
from tests.matching import quality

# What the matcher reaches at matching.THRESHOLD, a little under it (tests/matching/README.md).
FLOORS = {
    "test": {"precision": 0.68, "recall": 0.76},
    "all": {"precision": 0.70, "recall": 0.74},
}


@pytest.fixture
def found(db):
    return quality.similarities(quality.load_pairs())


def test_the_labelled_set_is_large_and_balanced_enough():
    pairs = quality.load_pairs()
    assert len(pairs) >= 200
    labels = [pair["label"] for pair in pairs]
    assert labels.count("same") >= 80
    assert labels.count("different") >= 80
    for pair in pairs:
        for side in ("a", "b"):
            source = pair[side]["source"]
            assert source.get("url") or source.get("release"), pair["id"]


@pytest.mark.parametrize("part", ["test", "all"])
def test_matching_keeps_its_precision_and_recall_on_the_labelled_pairs(found, part):
    pairs = [p for p in quality.load_pairs() if part == "all" or p["split"] == part]
    result = quality.score(pairs, found, matching.THRESHOLD)
    assert result.precision >= FLOORS[part]["precision"], result
    assert result.recall >= FLOORS[part]["recall"], result


@pytest.mark.skipif(not os.environ.get("MATCHING_SWEEP"), reason="prints the threshold table")
def test_print_the_threshold_table(found):
    pairs = quality.load_pairs()
    for part in ("tune", "test", "all"):
        chosen = [p for p in pairs if part == "all" or p["split"] == part]
        print(f"\n{part}: {len(chosen)} pairs")
        for threshold in sorted({step / 100 for step in range(10, 80, 5)} | {matching.THRESHOLD}):
            r = quality.score(chosen, found, threshold)
            print(
                f"  {r.threshold:.2f}  P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}  "
                f"(TP {r.true_positives}, FP {r.false_positives}, FN {r.false_negatives})"
            )
