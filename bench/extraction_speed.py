"""How long extraction takes: the seed release, a 1 MB release, and the hostile patterns.

    .venv/bin/python bench/extraction_speed.py [--runs 11] [--sizes 32768,131072,2097152]
                                               [--timeout 60] [--json OUT]

Each figure is the median of ``--runs`` runs of decode + parse + extract in a child process
(so a pattern that never ends is stopped at ``--timeout`` seconds and printed as "> T s"):
the processor time the extraction used, and in brackets the wall-clock time, which on a
shared machine also counts the other processes. An input the extraction refuses (its work
budget spent) is marked "refused". Compare figures taken side by side.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.extraction import (  # noqa: E402
    TooMuchWork,
    decode_release,
    extract,
    parse_release,
)
from tests.extraction_inputs import HOSTILE, megabyte_release, seed_text  # noqa: E402


def _extract(data: bytes, is_html: bool) -> bool:
    """Extract; False when the extraction refuses the input."""
    try:
        extract(parse_release(decode_release(data).text, is_html=is_html))
    except TooMuchWork:
        return False
    return True


def _timed(data: bytes, is_html: bool, runs: int, queue) -> None:
    cpu, wall, done = [], [], True
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        done = _extract(data, is_html)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    queue.put((statistics.median(cpu), statistics.median(wall), done))


def median_seconds(data: bytes, *, is_html: bool = False, runs: int = 5,
                   timeout: float = 60) -> tuple[float, float, bool] | None:
    """(processor, wall-clock) median of ``runs`` extractions and whether the last one
    finished, or None past ``timeout`` seconds in all."""
    queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=_timed, args=(data, is_html, runs, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return queue.get()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--sizes", default="32768,131072,2097152")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--json", dest="out")
    args = parser.parse_args()
    results = {}

    def report(key, measured, timeout):
        results[key] = measured
        if measured is None:
            shown = f"> {timeout:.0f} s"
        else:
            cpu, wall, done = measured
            shown = f"{cpu * 1000:9.1f} ms ({wall * 1000:.0f} ms){'' if done else ' refused'}"
        print(f"{key:40} {shown}", flush=True)

    if not args.only or "seed" in args.only:
        seed = seed_text().encode()
        report("seed", median_seconds(seed, runs=args.runs * 2 + 1), args.timeout)
    if not args.only or "1mb" in args.only:
        big = megabyte_release().encode()
        report("release_1mb", median_seconds(big, runs=3, timeout=args.timeout * 3),
               args.timeout * 3)
    for name, (make, is_html) in HOSTILE.items():
        if args.only and name not in args.only:
            continue
        for size in (int(s) for s in args.sizes.split(",")):
            data = make(size).encode()
            seconds = median_seconds(data, is_html=is_html, runs=1, timeout=args.timeout)
            report(f"{name}@{size // 1024}KB", seconds, args.timeout)
            if seconds is None:
                break
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
