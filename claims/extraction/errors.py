"""Errors raised for input that cannot be read as a release.

``str(exc)`` is one sentence an editor can act on: what is wrong and what to do.
"""

from __future__ import annotations


class ExtractionError(ValueError):
    """Base class: the input cannot be turned into a release."""


class EmptyRelease(ExtractionError):
    """The file or pasted text holds no words."""

    def __init__(self, message: str = "The release is empty; paste or upload the text of a "
                 "press release.") -> None:
        super().__init__(message)


class BinaryFile(ExtractionError):
    """The bytes are not text (an image, a PDF, a word-processor file...)."""

    def __init__(self, message: str = "The file is not text; save the release as plain text "
                 "or as an HTML page and upload that.") -> None:
        super().__init__(message)


class NoBodyText(ExtractionError):
    """An HTML page with no paragraphs of body text."""

    def __init__(self, message: str = "The HTML page has no body paragraphs; save the page of "
                 "the release itself, or paste its text.") -> None:
        super().__init__(message)
