"""Analysis on a Dask cluster, for archives beyond one machine (the ``chronolint[dask]`` extra)."""

from __future__ import annotations

from collections.abc import Sequence

from checker.app.tasks import Task, run_task
from checker.model import Analysis


class ClusterError(RuntimeError):
    """Dask is missing, or the scheduler cannot be reached."""


def run_on_dask(work: Sequence[Task], address: str) -> list[Analysis]:
    """Send each batch to the cluster's workers (each loads the model once) and gather the analyses."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--dask-scheduler needs Dask: pip install 'chronolint[dask]'") from None
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {e}") from None
    with client:
        futures = client.map(run_task, list(work), pure=False)
        return [analysis for batch in client.gather(futures) for analysis in batch]
