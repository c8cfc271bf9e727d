"""environment.yml and pyproject.toml name the same dependencies; the lock pins them."""

from __future__ import annotations

import re
import tomllib

from helpers.config import PROJ_ROOT


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_agrees_with_pyproject():
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["lab"]}
    env = (PROJ_ROOT / "environment.yml").read_text()
    listed = {_name(m) for m in re.findall(r"^\s+- ([A-Za-z][\w.-]*[<>=][^\s#]*)\s*$", env, re.M)}
    assert listed - {"python"} == wanted


def test_every_dependency_is_pinned_in_the_lock():
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text())["project"]
    pinned = {_name(l) for l in (PROJ_ROOT / "requirements.lock").read_text().splitlines() if "==" in l}
    needed = {_name(r) for r in project["dependencies"]}
    for extra in ("dev", "lab", "scale"):
        needed |= {_name(r) for r in project["optional-dependencies"][extra]}
    assert needed <= pinned, needed - pinned
