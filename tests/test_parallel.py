"""Per-document work gives the same results serially, across local cores and on a Dask cluster."""

from __future__ import annotations

import os
import sys

import pandas as pd
import pytest

from helpers import compare, extract, ingest, parallel, synth
from helpers.errors import WorkbookError


def _stages(raw) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    documents, _ = ingest.ingest(raw)
    return documents, extract.extract_items(documents), compare.detect(documents)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    raw = tmp_path_factory.mktemp("synth")
    synth.synthesise(30, raw, seed=4, formats=["txt", "html", "docx"])
    return raw


@pytest.fixture(scope="module")
def serial(corpus):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBOOK_JOBS", "1")
        mp.delenv(parallel.SCHEDULER_ENV, raising=False)
        mp.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
        return _stages(corpus)


def _assert_same(a, b):
    for left, right in zip(a, b):
        pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))


def _square_or_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_map_ordered_keeps_input_order_across_processes(monkeypatch):
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    results = parallel.map_ordered(_square_or_pid, range(400), jobs=2, min_tasks=1)
    assert [r[0] for r in results] == [x * x for x in range(400)]
    assert {r[1] for r in results} - {os.getpid()}  # the work really ran in worker processes


def test_joblib_parallel_equals_serial(corpus, serial, monkeypatch):
    monkeypatch.setenv("WORKBOOK_JOBS", "2")
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    _assert_same(_stages(corpus), serial)
    assert len(serial[1]) > 100 and len(serial[2]) > 30


def test_dask_cluster_with_two_workers_equals_serial(corpus, serial, monkeypatch):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        monkeypatch.setenv(parallel.SCHEDULER_ENV, cluster.scheduler_address)
        result = _stages(corpus)
        used = parallel._clients.pop(cluster.scheduler_address)
        assert len(used.nthreads()) == 2
        handled = used.run(lambda dask_worker: dask_worker.state.executed_count)
        assert all(n > 0 for n in handled.values())  # both workers took part
        used.close()
    _assert_same(result, serial)


def test_scheduler_session_exports_the_address_and_restores(monkeypatch):
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    with parallel.scheduler_session("tcp://10.0.0.1:8786") as address:
        assert address == os.environ[parallel.SCHEDULER_ENV] == "tcp://10.0.0.1:8786"
    assert parallel.SCHEDULER_ENV not in os.environ
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tcp://10.0.0.2:8786")
    assert parallel.scheduler_address() == "tcp://10.0.0.2:8786"  # Dask's own setting is honoured


def test_missing_dask_gives_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.setenv(parallel.SCHEDULER_ENV, "tcp://127.0.0.1:8786")
    with pytest.raises(WorkbookError, match=r"\[scale\]"):
        parallel.map_ordered(abs, [1, 2, 3])


def test_cli_passes_the_scheduler_to_the_run(monkeypatch, tmp_path):
    from helpers import cli, pipeline

    seen = {}
    monkeypatch.setattr(pipeline, "run", lambda paths, only: seen.setdefault("env", os.environ.get(parallel.SCHEDULER_ENV)))
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    code = cli.main(["run", "--processed", str(tmp_path / "p"), "--reports", str(tmp_path / "r"),
                     "--scheduler", "tcp://10.0.0.3:8786"])
    assert code == 0 and seen["env"] == "tcp://10.0.0.3:8786"
    assert parallel.SCHEDULER_ENV not in os.environ
