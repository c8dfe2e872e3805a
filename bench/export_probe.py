"""One CSV export in a fresh process, printing how much its peak memory grew (as JSON).

    python bench/export_probe.py --db sqlite --claims 100000 --which page|floor

Run by ``bench/run.py``: the process sets Django up and logs in, resets the kernel's record of
its peak resident set size (``/proc/self/clear_refs``), streams the whole export into nothing,
and prints the peak resident set size during the export minus the resident set size before it.
The export's bytes are counted, never kept, so only the export's own memory shows. Where the
peak cannot be reset (not Linux), the growth of ``ru_maxrss`` is printed instead, which misses
an export that stays below the peak of start-up.
"""

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.database import BenchDatabase  # noqa: E402
from bench.run import configure_django  # noqa: E402


def _status_mb(name):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(name + ":"):
                return int(line.split()[1]) / 1024
    raise OSError(f"no {name} in /proc/self/status")


def start_peak():
    """Reset the peak; return (resident MB now, how the peak is measured)."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
        return _status_mb("VmRSS"), "VmHWM"
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "ru_maxrss"


def peak(method):
    if method == "VmHWM":
        return _status_mb("VmHWM")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=("sqlite", "postgres"), required=True)
    parser.add_argument("--claims", type=int, required=True)
    parser.add_argument("--database-name", default=None)
    parser.add_argument("--which", choices=("page", "floor"), required=True)
    args = parser.parse_args(argv)
    configure_django(BenchDatabase(args.db, claims=args.claims, name=args.database_name))

    from django.db import connection, transaction

    from bench import floors
    from bench.measure import Harness, export_floor_sql

    harness = Harness(runs=1, baseline=False)
    entry = harness.export_entry()
    floors.CSV.update(header=["floor"], **export_floor_sql(connection.vendor))
    before, method = start_peak()
    started = time.perf_counter()
    size = 0
    with transaction.atomic():
        if args.which == "floor":
            response = harness.client.get("/bench/floor/export.csv")
        else:
            response = entry[1]()
        for piece in response.streaming_content:
            size += len(piece)
        transaction.set_rollback(True)
    seconds = time.perf_counter() - started
    print(json.dumps({"peak_mb": round(peak(method) - before, 1), "before_mb": round(before, 1),
                      "method": method, "bytes": size, "seconds": round(seconds, 3)}))


if __name__ == "__main__":
    main()
