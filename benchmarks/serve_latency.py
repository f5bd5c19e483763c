"""The editor front ends' figures: ``chronolint serve`` start-up, check latency for an 800-word
article over HTTP and over LSP (median of 20), and the serve process's memory after 1,000
requests. Everything runs on 127.0.0.1 in subprocesses started and stopped here. Prints
numbers; never fails on timing.

    python benchmarks/serve_latency.py [--runs 20] [--requests 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "coalition-strikes-article.md"


def article(words: int = 800) -> tuple[str, date]:
    """A news article of about ``words`` words from ../shared/data, else the example article, twice."""
    try:
        from corpora import news

        for item in news():
            if item.dct and abs(len(item.text.split()) - words) <= 60:
                return item.text, item.dct
    except (OSError, ImportError, RuntimeError):
        pass
    text = EXAMPLE.read_text(encoding="utf-8").split("---", 2)[2]
    return (text + "\n\n" + text), date(2024, 12, 20)


def _post(url: str, form: dict[str, str]) -> dict:
    with urllib.request.urlopen(url, data=urlencode(form).encode(), timeout=120) as answer:
        return json.loads(answer.read())


def rss_mb(pid: int) -> tuple[float, float]:
    """Resident and peak resident memory of a process, in MB (Linux)."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss, hwm = (int(re.search(rf"{key}:\s+(\d+)", status)[1]) / 1024 for key in ("VmRSS", "VmHWM"))
    return rss, hwm


def serve_figures(text: str, published: date, runs: int, requests: int) -> None:
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", "0"],
                              stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        line = server.stderr.readline()
        listening = time.perf_counter() - start
        url = re.search(r"(http://\S+)/", line)[1]
        form = {"text": text, "language": "en-US", "published": published.isoformat()}
        _post(url + "/v2/check", form)
        ready = time.perf_counter() - start
        print(f"serve: listening after {listening:.2f} s; first check answered after {ready:.2f} s "
              "(model loaded)")  # fmt: skip
        latencies = []
        for _ in range(runs):
            t = time.perf_counter()
            matches = _post(url + "/v2/check", form)["matches"]
            latencies.append(time.perf_counter() - t)
        print(
            f"HTTP /v2/check, {len(text.split())} words: median {statistics.median(latencies) * 1000:.0f} ms "
            f"of {runs} (min {min(latencies) * 1000:.0f}, max {max(latencies) * 1000:.0f}); {len(matches)} matches"
        )
        for i in range(requests):
            _post(url + "/v2/check", {**form, "text": text + f"\n\nEdit {i}."})
        rss, hwm = rss_mb(server.pid)
        print(f"serve memory after {requests} requests: {rss:.0f} MB resident (peak {hwm:.0f} MB)")
    finally:
        server.terminate()
        server.wait(timeout=30)


async def lsp_figures(text: str, published: date, runs: int) -> None:
    from lsprotocol import types as lsp
    from pytest_lsp import client_capabilities, make_test_lsp_client

    client = make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "checker", "lsp")
    root = Path.cwd()
    await client.initialize_session(lsp.InitializeParams(capabilities=client_capabilities("neovim"),
                                                         root_uri=root.as_uri()))  # fmt: skip
    body = f"---\ndate: {published.isoformat()}\n---\n{text}"
    latencies = []
    try:
        for i in range(runs + 1):  # the first waits for the model
            uri = (root / f"bench-{i}.md").as_uri()
            t = time.perf_counter()
            client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "markdown", 1, body)))
            while uri not in client.diagnostics:
                await asyncio.sleep(0.002)
            latencies.append(time.perf_counter() - t)
            client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    finally:
        await client.shutdown_session()
    checks = latencies[1:]
    print(
        f"LSP open -> diagnostics, {len(text.split())} words: median {statistics.median(checks) * 1000:.0f} ms "
        f"of {runs} (first, with the model loading: {latencies[0]:.2f} s); typing adds the 0.3 s debounce"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000)
    args = parser.parse_args()
    text, published = article()
    serve_figures(text, published, args.runs, args.requests)
    asyncio.run(lsp_figures(text, published, args.runs))


if __name__ == "__main__":
    main()
