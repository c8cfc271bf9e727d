"""The codebook's labels as data: the names every table uses."""

from __future__ import annotations

import json
from functools import lru_cache

from .config import PACKAGE_DATA


@lru_cache(maxsize=1)
def load() -> dict:
    with open(PACKAGE_DATA / "codebook.json", encoding="utf-8") as fh:
        return json.load(fh)


KINDS: tuple[str, ...] = tuple(load()["kind"])
STATUSES: tuple[str, ...] = tuple(load()["status"])
THEMES: tuple[str, ...] = tuple(load()["theme"])
ACTIONS: tuple[str, ...] = tuple(load()["action"])
BODIES: dict[str, str] = dict(load()["bodies"])


def definition(field: str, label: str) -> str:
    """The codebook definition of ``label`` in ``field`` (kind, status, theme or action)."""
    return load()[field][label]["definition"]
