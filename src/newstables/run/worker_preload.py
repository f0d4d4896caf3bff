"""Imported by the runner's fork server only: every notebook worker forks from a process
that has papermill imported and nbconvert's HTML templates loaded, instead of paying for
them once per notebook."""

import gc
import sys

# jsonschema, under nbformat, imports rfc3987_syntax where it is installed (JupyterLab's
# jupyter-events asks for it), and that builds its IRI grammars at import: 1.3 s of this
# server's 2.4 s start. No notebook schema checks an IRI, so the server goes without it.
sys.modules.setdefault("rfc3987_syntax", None)

import papermill  # noqa: E402, F401 - imported for the workers that fork from here

from newstables.run.execute import warm_up  # noqa: E402

warm_up()

# Kept out of the workers' garbage collections, so forked workers share these pages instead
# of copying them (see kernel_pool, which does the same for kernels).
gc.collect()
gc.freeze()
