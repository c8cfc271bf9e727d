"""Per-document work across local cores (or a Dask cluster), with results identical
to a serial run: outputs come back in input order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many tasks the work runs in this process (starting workers costs more).
MIN_PARALLEL = 200


def n_jobs() -> int:
    value = os.environ.get("WORKBOOK_JOBS")
    return max(1, int(value)) if value else max(1, os.cpu_count() or 1)


def map_ordered(func: Callable[[T], R], tasks: Sequence[T] | Iterable[T], jobs: int | None = None) -> list[R]:
    """``[func(t) for t in tasks]``, in parallel across local cores when it pays."""
    tasks = list(tasks)
    jobs = n_jobs() if jobs is None else jobs
    if jobs <= 1 or len(tasks) < MIN_PARALLEL:
        return [func(t) for t in tasks]
    from joblib import Parallel, delayed

    return Parallel(n_jobs=jobs, batch_size="auto")(delayed(func)(t) for t in tasks)
