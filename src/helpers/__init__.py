"""helpers — the shared logic of the partnership-review research workbook.

One module per stage the notebooks show: :mod:`helpers.ingest`, :mod:`helpers.extract`,
:mod:`helpers.coding`, :mod:`helpers.cluster`, :mod:`helpers.compare`, :mod:`helpers.brief`;
:mod:`helpers.config` holds paths and settings, :mod:`helpers.tables` the data contract.
"""

__version__ = "0.1.0"
