"""Per-document work across local cores (or a Dask cluster), with results identical
to a serial run: outputs come back in input order.

Where the work runs:

- default: local cores with joblib (``WORKBOOK_JOBS`` sets how many; 1 = serial);
- ``WORKBOOK_SCHEDULER=tcp://HOST:PORT`` (or Dask's own ``DASK_SCHEDULER_ADDRESS``):
  an existing dask.distributed cluster — a university HPC via dask-jobqueue, or
  Kubernetes. Its workers need this package installed (``pip install -e .[scale]``);
- ``WORKBOOK_SCHEDULER=local``: a LocalCluster started in this process.

``python -m helpers run --scheduler ...`` sets ``WORKBOOK_SCHEDULER`` for the notebook
kernels it starts (they inherit its environment); with ``local`` it starts one
LocalCluster for the whole run and hands the kernels its address.
Dask is the optional extra ``[scale]``: it is imported only when a scheduler is set.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from .errors import WorkbookError

T = TypeVar("T")
R = TypeVar("R")

#: Below this many tasks the work runs in this process (starting workers costs more).
MIN_PARALLEL = 200
#: Environment variable naming the Dask scheduler (set by ``--scheduler``).
SCHEDULER_ENV = "WORKBOOK_SCHEDULER"
#: Tasks sent to a Dask cluster go in about this many batches per worker thread.
BATCHES_PER_THREAD = 4

_clients: dict[str, object] = {}


def n_jobs() -> int:
    value = os.environ.get("WORKBOOK_JOBS")
    return max(1, int(value)) if value else max(1, os.cpu_count() or 1)


def scheduler_address() -> str | None:
    """The Dask scheduler to use: ``WORKBOOK_SCHEDULER``, else ``DASK_SCHEDULER_ADDRESS``, else None."""
    value = os.environ.get(SCHEDULER_ENV) or os.environ.get("DASK_SCHEDULER_ADDRESS") or ""
    return value.strip() or None


def _dask():
    try:
        import distributed
    except ImportError:
        raise WorkbookError(
            "a Dask scheduler was requested but dask.distributed is not installed: "
            "pip install -e '.[scale]' (or unset WORKBOOK_SCHEDULER / DASK_SCHEDULER_ADDRESS)"
        ) from None
    return distributed


def _local_cluster(**kwargs):
    """A LocalCluster sized to this machine (``WORKBOOK_JOBS`` workers, one thread each)."""
    distributed = _dask()
    options = {"n_workers": n_jobs(), "threads_per_worker": 1, "dashboard_address": None}
    options.update(kwargs)
    return distributed.LocalCluster(**options)


def client(address: str):
    """A Dask client for ``address`` (``local`` starts a LocalCluster), reused within this process."""
    if address not in _clients:
        distributed = _dask()
        try:
            target = _local_cluster() if address == "local" else address
            _clients[address] = distributed.Client(target, set_as_default=False)
        except OSError as exc:
            raise WorkbookError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    return _clients[address]


def _apply(func: Callable[[T], R], batch: list[T]) -> list[R]:
    return [func(t) for t in batch]


def map_dask(func: Callable[[T], R], tasks: list[T], dask_client) -> list[R]:
    """``[func(t) for t in tasks]`` on a Dask cluster, in batches, results in input order."""
    threads = max(1, sum(dask_client.nthreads().values()))
    size = max(1, -(-len(tasks) // (threads * BATCHES_PER_THREAD)))
    batches = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    futures = dask_client.map(_apply, [func] * len(batches), batches, pure=False)
    return [r for batch in dask_client.gather(futures) for r in batch]


def map_ordered(
    func: Callable[[T], R],
    tasks: Sequence[T] | Iterable[T],
    jobs: int | None = None,
    scheduler: str | None = None,
    min_tasks: int | None = None,
) -> list[R]:
    """``[func(t) for t in tasks]`` — on a Dask cluster if one is set, else across local cores
    when there are at least ``min_tasks`` (default :data:`MIN_PARALLEL`) tasks, else in this process."""
    tasks = list(tasks)
    if not tasks:
        return []
    address = scheduler or scheduler_address()
    if address:
        return map_dask(func, tasks, client(address))
    jobs = n_jobs() if jobs is None else jobs
    if jobs <= 1 or len(tasks) < (MIN_PARALLEL if min_tasks is None else min_tasks):
        return [func(t) for t in tasks]
    from joblib import Parallel, delayed

    return Parallel(n_jobs=jobs, batch_size="auto")(delayed(func)(t) for t in tasks)


@contextmanager
def scheduler_session(address: str | None) -> Iterator[str | None]:
    """Route per-document work — here and in child processes — to ``address`` while open.

    ``local`` starts one LocalCluster for the session and exports its tcp address, so the
    notebook kernels share it; a ``tcp://`` address is exported as given.
    """
    if not address:
        yield scheduler_address()
        return
    previous = os.environ.get(SCHEDULER_ENV)
    cluster = None
    try:
        if address == "local":
            cluster = _local_cluster()
            address = cluster.scheduler_address
        os.environ[SCHEDULER_ENV] = address
        yield address
    finally:
        if previous is None:
            os.environ.pop(SCHEDULER_ENV, None)
        else:
            os.environ[SCHEDULER_ENV] = previous
        stale = _clients.pop(address, None)
        if stale is not None:
            stale.close()
        if cluster is not None:
            cluster.close()
