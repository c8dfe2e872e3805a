"""Inputs that test how extraction's time grows: the seed, a 1 MB release, hostile patterns.

Every hostile pattern is written out to about ``size`` bytes of UTF-8, most of it in one
paragraph, where work that grows with the square of a paragraph's length would show.
The people and organisations in them are invented.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve()
_SEEDS = (
    _HERE.parents[1] / "seed" / "nato-japan-2023-01-31.txt",
    _HERE.parents[2] / "shared" / "seed" / "nato-japan-2023-01-31.txt",
)


def seed_text() -> str:
    return next(path for path in _SEEDS if path.exists()).read_text(encoding="utf-8")


def megabyte_release() -> str:
    """The seed's paragraphs repeated, with varied words, to a little over 1,000,000 bytes."""
    lines = seed_text().splitlines()
    body, size, n = [lines[0]], 0, 0
    while size < 1_000_000:
        for line in lines[1:]:
            varied = line.replace("Tokyo", f"Tokyo-{n}").replace("Tuesday", f"Tuesday {n}")
            body.append(varied)
            size += len(varied) + 1
        n += 1
    return "\n".join(body)


def _fill(head: str, unit: str, size: int, tail: str = "") -> str:
    room = size - len((head + tail).encode())
    count = max(1, room // len(unit.encode()))
    return head + unit * count + tail


def curly_then_straight(size: int) -> str:
    return _fill("Hostile release\n\n", "“a b” \" ", size)


def said_after(size: int) -> str:
    return _fill("Hostile release\n\n", "“We will build it,” said Jane Quill. ", size)


def pronoun_chain(size: int) -> str:
    return _fill("Hostile release\n\nJane Quill met Tom Reed. ",
                 "He said the plan works and she said it does not, ", size)


def single_inside_double(size: int) -> str:
    return _fill("Hostile release\n\n“", "we were told ‘go’ and ‘stay’ then ", size, "”")


def html_breaks(size: int) -> str:
    return _fill("<html><body><h1>Hostile release</h1><p>", "a line<br>", size,
                 "</p></body></html>")


def nested_lists(size: int) -> str:
    unit = "<ul><li>item "
    depth = max(1, (size - 200) // (len(unit) + len("</li></ul>")))
    return ("<html><body><h1>Hostile release</h1>" + unit * depth + "</li></ul>" * depth
            + "</body></html>")


def nested_blockquotes(size: int) -> str:
    unit = "<blockquote>“words” "
    depth = max(1, (size - 200) // (len(unit.encode()) + len("</blockquote>")))
    return ("<html><body><h1>Hostile release</h1>" + unit * depth + "</blockquote>" * depth
            + "</body></html>")


def said_colon(size: int) -> str:
    return _fill("Hostile release\n\n", "Jane Quill said: ", size)


def signature_dashes(size: int) -> str:
    return _fill("Hostile release\n\n“We are ready.” ", "— Jane Quill, Director of Nowhere ",
                 size)


def acronyms_in_one_sentence(size: int) -> str:
    return _fill("Communiqué hostile\n\n", "l’Agence nationale du port (ANP) et ", size)


def french_incises(size: int) -> str:
    return _fill("Communiqué hostile\n\n« ", "Nous partons, a déclaré Jean Quill. Nous restons, ",
                 size, "»")


def capitalised_run(size: int) -> str:
    return _fill("Hostile release\n\n", "Jane Quill Tom Reed Anna Berg Portvale Harbour Board ",
                 size, "said.")


def mixed_marks(size: int) -> str:
    return _fill("Hostile release\n\n", "« a “ b „ c ‘ d \" e ” f » g ’ h ‹ i › ", size)


def guillemets_never_closed(size: int) -> str:
    return _fill("Communiqué hostile\n", "« Nous partons demain, a déclaré Jean Quill.\n", size)


def said_without_quotes(size: int) -> str:
    return _fill("Hostile release\n\n", "Jane Quill said the plan works, and Tom Reed said so. ",
                 size)


def one_long_paragraph(size: int) -> str:
    """The seed's paragraphs run together into one paragraph."""
    body = " ".join(seed_text().splitlines()[1:]) + " "
    return _fill("Hostile release\n\n", body, size)


def honorific_chain(size: int) -> str:
    return _fill("Hostile release\n\n“We are ready,” said ",
                 "His Excellency H.E. Mr. Dr. Prof. Sir Rev. ", size, "Jane Quill.")


# name -> (make(size) -> text, is_html)
HOSTILE = {
    "curly_then_straight": (curly_then_straight, False),
    "said_after": (said_after, False),
    "pronoun_chain": (pronoun_chain, False),
    "single_inside_double": (single_inside_double, False),
    "html_breaks": (html_breaks, True),
    "nested_lists": (nested_lists, True),
    "nested_blockquotes": (nested_blockquotes, True),
    "said_colon": (said_colon, False),
    "signature_dashes": (signature_dashes, False),
    "acronyms_in_one_sentence": (acronyms_in_one_sentence, False),
    "french_incises": (french_incises, False),
    "capitalised_run": (capitalised_run, False),
    "mixed_marks": (mixed_marks, False),
    "guillemets_never_closed": (guillemets_never_closed, False),
    "said_without_quotes": (said_without_quotes, False),
    "one_long_paragraph": (one_long_paragraph, False),
    "honorific_chain": (honorific_chain, False),
}
