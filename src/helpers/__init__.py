"""helpers — the shared logic of the partnership-review research workbook.

One module per stage the notebooks show: :mod:`helpers.ingest`, :mod:`helpers.extract`,
:mod:`helpers.coding`, :mod:`helpers.cluster`, :mod:`helpers.compare`, :mod:`helpers.brief`;
:mod:`helpers.config` holds paths and settings, :mod:`helpers.tables` the data contract.
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    """``helpers.search`` is :func:`helpers.explore.search`, imported on first use."""
    if name == "search":
        from .explore import search

        return search
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
