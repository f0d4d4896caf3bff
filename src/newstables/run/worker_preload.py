"""Imported by the runner's fork server only: every notebook worker forks from a process
that has papermill imported and nbconvert's HTML templates loaded, instead of paying for
them once per notebook."""

import papermill  # noqa: F401 - imported for the workers that fork from here

from newstables.run.execute import warm_up

warm_up()
