"""Scoring the extraction against a gold directory (the corpus format of CORPUS.md).

A gold directory holds pairs ``<slug>.txt`` (or ``.html``) and ``<slug>.json``; the JSON lists
every direct quote with its paragraph and speaker. For each release the extraction's quotes
are matched to the gold ones: the same text once normalized (case, whitespace, quote marks
and punctuation at the ends), the gold paragraph breaking a tie. Then:

- *found*: gold quotes matched; *recall* = found / expected;
- *precision* = found / reported (every quote the extraction reported);
- *right*: matched quotes whose speaker is the gold one, compared without regard to case and
  whitespace (an empty speaker is right where the gold one is null too);
- *empty*: matched quotes left without a speaker where the gold names one;
- *wrong*: matched quotes given a speaker other than the gold one.

The right, empty and wrong speakers are also tallied by how the extraction found them
(``speaker_how``; ``continues`` for a later paragraph of a quote, "none" for no speaker), so a
rule that guesses wrong shows up by name.

Pure Python: ``manage.py score_extraction`` prints what these functions return.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import ExtractionError
from .model import Extraction
from .pipeline import extract
from .release import parse_release
from .text import decode_release

_ENDS = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")


def normalize_quote(text: str) -> str:
    """Quote text as compared: composed accents (NFC), lower case, single spaces, no marks or
    punctuation at the ends."""
    text = unicodedata.normalize("NFC", text)
    return _ENDS.sub("", _SPACES.sub(" ", text.casefold()))


def normalize_name(name: str | None) -> str:
    """A speaker's name as compared: composed accents, lower case, single spaces ("" for none)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", name or "").casefold()).strip()


@dataclass
class Counts:
    expected: int = 0
    found: int = 0
    reported: int = 0
    right: int = 0
    empty: int = 0
    wrong: int = 0

    def add(self, other: Counts) -> None:
        for name in ("expected", "found", "reported", "right", "empty", "wrong"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.reported if self.reported else 1.0

    def share(self, name: str) -> float:
        """``right``, ``empty`` or ``wrong`` as a share of the quotes found."""
        return getattr(self, name) / self.found if self.found else 1.0 if name == "right" else 0.0

    def to_json(self) -> dict:
        return {**asdict(self), "recall": round(self.recall, 4),
                "precision": round(self.precision, 4),
                "right_share": round(self.share("right"), 4),
                "empty_share": round(self.share("empty"), 4),
                "wrong_share": round(self.share("wrong"), 4)}


@dataclass
class ReleaseScore:
    name: str
    language: str
    detected_language: str
    counts: Counts
    problems: list[str] = field(default_factory=list)
    by_how: dict[str, Counts] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"name": self.name, "language": self.language,
                "detected_language": self.detected_language, **self.counts.to_json(),
                "by_how": {how: _speaker_counts(c) for how, c in sorted(self.by_how.items())},
                "problems": self.problems}


def _speaker_counts(counts: Counts) -> dict:
    return {"found": counts.found, "right": counts.right, "empty": counts.empty,
            "wrong": counts.wrong}


def speaker_how(quote) -> str:
    """The mechanism a quote's speaker is tallied under: ``continues`` for a later paragraph
    of a quote (its speaker is the first paragraph's), "none" when no rule gave one."""
    if quote.continues is not None:
        return "continues"
    return quote.speaker_how or "none"


def gold_releases(folder: Path) -> list[tuple[Path, dict]]:
    """(release file, gold JSON) for every gold file in ``folder`` that has its release."""
    found = []
    for gold_path in sorted(folder.glob("*.json")):
        source = next((p for p in (gold_path.with_suffix(".txt"), gold_path.with_suffix(".html"))
                       if p.exists()), None)
        if source is not None:
            found.append((source, json.loads(gold_path.read_text(encoding="utf-8"))))
    return found


def extract_file(path: Path) -> Extraction:
    """The extraction of a release file, read as the importer reads an upload."""
    decoded = decode_release(path.read_bytes())
    is_html = True if path.suffix.lower() in (".html", ".htm") else None
    return extract(parse_release(decoded.text, is_html=is_html))


def match_quotes(gold: list[dict], quotes: list) -> list[int | None]:
    """For each gold quote, the index of the extracted quote it matches, or None.

    An extracted quote matches one gold quote at most; among several with the same text, the
    one in the gold paragraph (else the nearest) wins.
    """
    by_text: dict[str, list[int]] = {}
    for i, quote in enumerate(quotes):
        by_text.setdefault(normalize_quote(quote.text), []).append(i)
    taken: set[int] = set()
    matches: list[int | None] = []
    for item in gold:
        free = [i for i in by_text.get(normalize_quote(item["text"]), []) if i not in taken]
        if not free:
            matches.append(None)
            continue
        best = min(free, key=lambda i: (abs(quotes[i].paragraph - item.get("paragraph", 0)), i))
        taken.add(best)
        matches.append(best)
    return matches


def score_release(path: Path, gold: dict) -> ReleaseScore:
    """The counts and the problems (missed, wrong or empty speaker, not a quote) of one file."""
    language = gold.get("language") or ""
    try:
        extraction = extract_file(path)
    except ExtractionError as error:
        counts = Counts(expected=len(gold["quotes"]))
        return ReleaseScore(path.stem, language, "", counts, [f"refused: {error}"])
    quotes = extraction.quotes
    counts = Counts(expected=len(gold["quotes"]), reported=len(quotes))
    problems = []
    by_how: dict[str, Counts] = {}
    matches = match_quotes(gold["quotes"], quotes)
    for item, match in zip(gold["quotes"], matches, strict=True):
        if match is None:
            problems.append(f"missed ¶{item.get('paragraph')} {item['text'][:60]!r}")
            continue
        how = by_how.setdefault(speaker_how(quotes[match]), Counts())
        counts.found += 1
        how.found += 1
        want, got = normalize_name(item.get("speaker")), normalize_name(quotes[match].speaker)
        if want == got:
            counts.right += 1
            how.right += 1
        elif not got:
            counts.empty += 1
            how.empty += 1
            why = getattr(quotes[match], "speaker_note", "") or ""
            problems.append(f"empty speaker (want {item.get('speaker')!r}) {why} "
                            f"¶{quotes[match].paragraph} {item['text'][:40]!r}")
        else:
            counts.wrong += 1
            how.wrong += 1
            problems.append(f"wrong speaker {quotes[match].speaker!r} (want "
                            f"{item.get('speaker')!r}) ¶{quotes[match].paragraph} "
                            f"{item['text'][:40]!r}")
    used = {m for m in matches if m is not None}
    problems += [f"not a quote ¶{q.paragraph} {q.text[:60]!r}"
                 for i, q in enumerate(quotes) if i not in used]
    detected = getattr(extraction, "language", "") or ""
    return ReleaseScore(path.stem, language, detected, counts, problems, by_how)


@dataclass
class Scoreboard:
    releases: list[ReleaseScore]

    def total(self, language: str | None = None) -> Counts:
        counts = Counts()
        for score in self.releases:
            if language is None or score.language == language:
                counts.add(score.counts)
        return counts

    def by_how(self) -> dict[str, Counts]:
        """Right, empty and wrong speakers over every release, by ``speaker_how``."""
        tally: dict[str, Counts] = {}
        for score in self.releases:
            for how, counts in score.by_how.items():
                tally.setdefault(how, Counts()).add(counts)
        return dict(sorted(tally.items(), key=lambda item: (-item[1].found, item[0])))

    def languages(self) -> list[str]:
        return sorted({score.language for score in self.releases})

    def to_json(self) -> dict:
        return {"releases": [score.to_json() for score in self.releases],
                "languages": {lang: self.total(lang).to_json() for lang in self.languages()},
                "total": self.total().to_json(),
                "by_how": {how: _speaker_counts(c) for how, c in self.by_how().items()}}


def score_folder(folder: Path) -> Scoreboard:
    """Every release of a gold directory, scored."""
    return Scoreboard([score_release(path, gold) for path, gold in gold_releases(folder)])


_COLUMNS = ("expected", "found", "reported", "recall", "precision", "right", "empty", "wrong")


def table_rows(board: Scoreboard) -> list[tuple[str, ...]]:
    """Rows of the printed table: one per release, one per language, then the total."""
    def row(label: str, counts: Counts) -> tuple[str, ...]:
        return (label, str(counts.expected), str(counts.found), str(counts.reported),
                f"{counts.recall:.1%}", f"{counts.precision:.1%}",
                f"{counts.right} ({counts.share('right'):.1%})",
                f"{counts.empty} ({counts.share('empty'):.1%})",
                f"{counts.wrong} ({counts.share('wrong'):.1%})")

    rows = [("release", *_COLUMNS)]
    rows += [row(f"{s.name} [{s.language}]", s.counts) for s in board.releases]
    rows += [row(f"language {lang}", board.total(lang)) for lang in board.languages()]
    rows.append(row("total", board.total()))
    return rows


def how_rows(board: Scoreboard) -> list[tuple[str, ...]]:
    """Rows of the ``--by-how`` table: one per way a speaker was found, most quotes first."""
    rows = [("speaker_how", "found", "right", "empty", "wrong")]
    for how, counts in board.by_how().items():
        rows.append((how, str(counts.found), *(f"{getattr(counts, name)} "
                                               f"({counts.share(name):.1%})"
                                               for name in ("right", "empty", "wrong"))))
    return rows
