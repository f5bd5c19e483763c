"""The application: configuration, the run (reading, analysing in worker processes or on
Dask, caching), suppression, ``--diff`` and baselines. It drives the pipeline
(checker.engine) and hands findings to the reporters; the CLI is a thin layer over it."""
