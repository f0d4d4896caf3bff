"""The package's layers import only downward: base <- extract <- analyse <- run <- cli."""

import ast
from pathlib import Path

from newstables import paths

LAYERS = {"base": 0, "extract": 1, "analyse": 2, "run": 3, "cli": 4}
PACKAGE = paths.PACKAGE_DIR


def layer_of_module(dotted: str) -> int:
    parts = dotted.split(".")
    if parts[0] != "newstables" or len(parts) == 1:
        return LAYERS["base"]
    return LAYERS.get(parts[1], LAYERS["base"])


def layer_of_file(path: Path, package: Path = PACKAGE) -> int:
    rel = path.relative_to(package).parts
    if rel[0] in ("extract", "analyse", "run"):
        return LAYERS[rel[0]]
    if rel[0] == "__main__.py" or rel[0].startswith("cli"):
        return LAYERS["cli"]
    return LAYERS["base"]


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found += [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return [m for m in found if m.startswith("newstables")]


def upward_imports(package: Path = PACKAGE) -> list[str]:
    bad = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "__init__.py" and path.parent == package:
            continue  # the package's front door re-exports the article model
        own = layer_of_file(path, package)
        for module in imported_modules(path):
            target = layer_of_module(module)
            if target > own:
                bad.append(f"{path.relative_to(package).as_posix()} imports {module}")
    return bad


def test_layer_folders_exist():
    for name in ("extract", "analyse", "run"):
        assert (PACKAGE / name / "__init__.py").is_file()


def test_imports_only_run_downward():
    assert upward_imports() == []


def test_the_check_sees_an_upward_import(tmp_path):
    fake = tmp_path / "newstables"
    (fake / "extract").mkdir(parents=True)
    (fake / "extract" / "bad.py").write_text("from newstables.run.runner import run_collection\n")
    (fake / "charts.py").write_text("from newstables.analyse import summary\n")
    found = upward_imports(fake)
    assert "extract/bad.py imports newstables.run.runner" in found
    assert "charts.py imports newstables.analyse" in found


def test_no_module_is_over_800_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 800}
    assert long == {}
