"""Match quality on the labelled pairs (tests/matching/pairs.json), through the database.

Every pair's first side goes into one release and its second side into another, as claims;
the second release's claims are indexed as earlier claims, and each first side is looked up
with ``claims.matching.closest``, the database's own search, as an import would. A pair is
predicted "same" when its second side comes back with a similarity at or over the threshold.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from claims import matching
from claims.match_text import match_text
from claims.models import Claim, Paragraph, Release

PAIRS_PATH = Path(__file__).with_name("pairs.json")


def load_pairs():
    return json.loads(PAIRS_PATH.read_text(encoding="utf-8"))


def _release(name, texts):
    release = Release.objects.create(title=name, body=name, content_sha256=name.ljust(64, "0"))
    paragraphs = Paragraph.objects.bulk_create(
        Paragraph(release=release, position=n, text=text) for n, text in enumerate(texts)
    )
    claims = Claim.objects.bulk_create(
        Claim(release=release, paragraph=p, kind="other", text=p.text, start=0, end=len(p.text))
        for p in paragraphs
    )
    return release, {claim.text: claim.pk for claim in claims}


def similarities(pairs):
    """{pair id: similarity the search gives the pair's second side (0 if not found)}."""
    firsts = sorted({pair["a"]["text"] for pair in pairs})
    seconds = sorted({pair["b"]["text"] for pair in pairs})
    new, _ = _release("a", firsts)
    earlier, ids = _release("b", seconds)
    matching.index_claims([(pk, earlier.pk, text) for text, pk in ids.items()])
    found = {}
    for text in firsts:
        found[text] = dict(
            matching.closest(match_text(text), exclude_release=new.pk, threshold=0, limit=None)
        )
    return {pair["id"]: found[pair["a"]["text"]].get(ids[pair["b"]["text"]], 0.0) for pair in pairs}


@dataclass(frozen=True)
class Score:
    threshold: float
    pairs: int
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self):
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self):
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(pairs, found, threshold):
    tp = fp = fn = 0
    for pair in pairs:
        predicted = found[pair["id"]] >= threshold
        same = pair["label"] == "same"
        tp += predicted and same
        fp += predicted and not same
        fn += same and not predicted
    return Score(threshold, len(pairs), tp, fp, fn)
