"""Where a batch's documents are converted: worker processes on this machine (`local`) or a
Dask cluster (`dask`, optional dependency group `dist`). Both run `worker.convert_task`."""
