"""What a report publishes holds nothing of the machine that made it.

Paths are recorded relative to the project when they lie inside it (``seeds/x.txt``,
``reports/x``) and relative to the report otherwise; a run's temporary folder is recorded
as the report's final place. Report folders are opened to other readers as the umask
allows, so a web server can serve ``reports/`` as it is.
"""

from __future__ import annotations

import os
from pathlib import Path

from newstables import paths


def shown_path(path: str | Path, report: str | Path, root: Path = paths.ROOT) -> str:
    """``path`` as a report records it: relative to ``root`` when inside it, else to ``report``."""
    target = Path(os.path.abspath(path))
    root = Path(os.path.abspath(root))
    if target == root or root in target.parents:
        return target.relative_to(root).as_posix() or "."
    return Path(os.path.relpath(target, os.path.abspath(report))).as_posix()


def scrub(text: str, places: dict[str, str]) -> str:
    """``text`` with each absolute path in ``places`` replaced by how it is shown."""
    for absolute in sorted(places, key=len, reverse=True):
        text = text.replace(absolute, places[absolute])
    return text


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def open_to_readers(folder: Path) -> None:
    """Give ``folder`` the mode a plain ``mkdir`` would (``tempfile`` makes it private)."""
    os.chmod(folder, 0o777 & ~current_umask())


def record_parameters(
    executed: Path, notebook: Path, shown: dict, report: Path, places: dict | None = None
) -> None:
    """Rewrite an executed notebook's injected parameters and papermill metadata with the
    parameters as the report shows them, and each absolute path in ``places`` wherever it
    appears (an error's traceback, a printed path) by how it is shown."""
    import nbformat
    from papermill.translators import translate_parameters

    nb = nbformat.read(executed, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name", "python3")
    language = nb.metadata.get("kernelspec", {}).get("language", "python")
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.source = translate_parameters(kernel, language, shown, "Parameters")
    meta = nb.metadata.get("papermill")
    if meta is not None:
        meta["parameters"] = dict(shown)
        meta["input_path"] = shown_path(notebook, report)
        meta["output_path"] = executed.name
    text = scrub(nbformat.writes(nb), places or {})
    executed.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def places_of(parameters: dict, shown: dict, root: Path = paths.ROOT) -> dict[str, str]:
    """Absolute paths a run used, each with how the report shows it."""
    places = {f"{root}{os.sep}": ""}
    for name in ("output_dir", "article"):
        if parameters.get(name) and shown.get(name):
            places[str(parameters[name])] = str(shown[name])
    return places
