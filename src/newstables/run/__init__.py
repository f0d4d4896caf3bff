"""Running the notebook collection: runner, workers, kernels, report pages, notebook refresh."""
