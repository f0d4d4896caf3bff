"""The notebooks as JupyterLab opens and saves them: no diff when the outputs do not change."""

import shutil

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_server.services.contents.filemanager import FileContentsManager

from newstables.run.runner import notebooks_in

NOTEBOOKS = notebooks_in()


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def notebook(request):
    return request.param


def test_the_installed_kernel_has_the_committed_kernelspec(notebook):
    committed = nbformat.read(notebook, as_version=4).metadata["kernelspec"]
    spec = KernelSpecManager().get_kernel_spec(committed["name"])
    assert (spec.display_name, spec.language) == (committed["display_name"],
                                                   committed["language"])


def test_saving_from_jupyterlab_leaves_the_file_unchanged(notebook, tmp_path):
    """JupyterLab writes the running kernel's spec into the notebook and saves it through
    the server's contents manager; with the committed outputs the bytes stay the same."""
    shutil.copy(notebook, tmp_path / notebook.name)
    contents = FileContentsManager(root_dir=str(tmp_path))
    model = contents.get(notebook.name, content=True)
    spec = KernelSpecManager().get_kernel_spec("python3")
    model["content"]["metadata"]["kernelspec"] = {
        "display_name": spec.display_name, "language": spec.language, "name": "python3"}
    contents.save(model, notebook.name)
    assert (tmp_path / notebook.name).read_bytes() == notebook.read_bytes()
