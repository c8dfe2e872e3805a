"""A budget of work for one extraction, so that no input ties up a worker.

Every step of the extraction is linear in its input, but some inputs are far denser in
work than a press release: two megabytes of “…,” said X. repeated hold fifty thousand
quotes. The steps that cost most (words read, quote marks paired, names analysed,
speakers looked up, sentences scored) each charge a few units, about in proportion to what
they cost; the budget is set so that a release spends a small part of it (the seed, 6 kB,
about 1,300 units; a 1 MB release made of it about 450,000), while an input that would take
more than a few seconds stops with ``TooMuchWork``, a sentence saying what to do.

The budget of the extraction running now lives in a context variable, so threads and
concurrent requests each count their own.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from .errors import ExtractionError

# Units of work one extraction may spend: about 3 seconds of a shared core at most.
DEFAULT_UNITS = 1_200_000


class TooMuchWork(ExtractionError):
    """The input would take too long to extract."""

    def __init__(self, units: int) -> None:
        super().__init__(
            f"This release holds more quotes, names and sentences than factcheck can read in "
            f"one go (over {units:,} units of work); split it into smaller releases and "
            "import each."
        )


class Budget:
    __slots__ = ("left", "units")

    def __init__(self, units: int) -> None:
        self.units = units
        self.left = units

    def charge(self, units: int) -> None:
        self.left -= units
        if self.left < 0:
            raise TooMuchWork(self.units)

    @property
    def spent(self) -> int:
        return self.units - self.left


_CURRENT: ContextVar[Budget | None] = ContextVar("extraction_budget", default=None)


def charge(units: int) -> None:
    """Spend ``units`` of the running extraction's budget (nothing outside an extraction)."""
    budget = _CURRENT.get()
    if budget is not None:
        budget.charge(units)


def current() -> Budget | None:
    """The budget of the extraction running now, if any."""
    return _CURRENT.get()


@contextmanager
def budget(units: int | None = DEFAULT_UNITS):
    """Run the block with a budget of ``units`` (None: no limit); yields the Budget."""
    current = Budget(units if units is not None else 1 << 62)
    token = _CURRENT.set(current)
    try:
        yield current
    finally:
        _CURRENT.reset(token)
