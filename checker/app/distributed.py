"""Analysis on a Dask cluster, for archives beyond one machine (the ``chronolint[dask]`` extra)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

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
        client = _connect(Client, address)
    except ClusterError:
        raise
    except ValueError as e:  # distributed's own word for an address it cannot parse
        raise ClusterError(f"--dask-scheduler: {address!r} is not a Dask scheduler address ({e})") from None
    except Exception as e:  # noqa: BLE001 - OSError, TimeoutError, a handshake with a server that is not Dask
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {_line(e)}") from None
    with client:
        futures = client.map(run_task, list(work), pure=False)
        return [analysis for batch in client.gather(futures) for analysis in batch]


CONNECT_SECONDS = 20.0


def _connect(client: Callable[..., Any], address: str) -> Any:
    """A client of the scheduler at ``address``, within :data:`CONNECT_SECONDS`: a server that is
    not Dask accepts the connection and never answers the handshake, and the client would wait."""
    box: dict[str, Any] = {}

    def connect() -> None:
        try:
            box["client"] = client(address, timeout="10s")
        except BaseException as e:  # noqa: BLE001 - handed to the caller's thread
            box["error"] = e

    thread = threading.Thread(target=connect, daemon=True, name="dask-connect")
    thread.start()
    thread.join(CONNECT_SECONDS)
    if thread.is_alive():
        raise ClusterError(f"no Dask scheduler answered at {address} within {CONNECT_SECONDS:.0f} s "
                           "(is it the address of a Dask scheduler?)")  # fmt: skip
    if "error" in box:
        raise box["error"]
    return box["client"]


def _line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
