"""Load benchmark of ``cadre serve`` (not a test): concurrent clients evaluating the
sample commune, then ``/healthz`` latency while a province plan runs.

1. ``cadre serve --workers 2`` is started on a free loopback port;
2. ``--clients`` clients (threads, one httpx client each) post the sample commune's
   workbook to ``POST /v1/evaluate?as_of=2026-12-31&plugin=laichau`` for ``--seconds``
   seconds: requests per second, p50/p95/p99 latency, errors (any answer but 200, or a
   body that differs from the first: must be 0), and the peak memory (``VmHWM``) of the
   server and its workers;
3. a province (``--communes`` synthetic communes, a zip of parquet tables) is planned
   (``POST /v1/plan``) while ``/healthz`` is asked every 0.1 s: its latencies.

Run: ``python benchmarks/bench_serve.py`` (about a minute and a half); the figures go into
``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import httpx

CADRE = str(Path(sys.executable).with_name("cadre"))
QUERY = {"as_of": "2026-12-31", "plugin": "laichau"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (the uvicorn workers)."""
    out = [pid]
    for child in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            fields = (child / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.extend(_tree(int(child.name)))
    return out


def _peak_mb(pid: int) -> dict[int, float]:
    """Each process's peak resident memory (VmHWM), in MB."""
    peaks = {}
    for p in _tree(pid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks[p] = int(line.split()[1]) / 1024
    return peaks


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    """Run the benchmark and print its figures (Markdown)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--communes", type=int, default=10)
    args = parser.parse_args()

    import cadre_core

    tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    workbook = tmp / "sample.xlsx"
    cadre_core.sample_roster().write(workbook)
    data = workbook.read_bytes()
    province = tmp / "province"
    subprocess.run(
        [CADRE, "synth", str(province), "--communes", str(args.communes), "--seed", "2026"],
        check=True,
        capture_output=True,
    )
    archive = tmp / "province.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in sorted(province.iterdir()):
            zf.write(f, f.name)

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CADRE_")}
    cmd = [CADRE, "serve", "--port", str(port), "--workers", str(args.workers)]
    log = open(tmp / "server.log", "wb")  # noqa: SIM115 (closed at the end)
    server = subprocess.Popen(
        [*cmd, "--time-limit", "600"], stdout=log, stderr=subprocess.STDOUT, env=env
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        with httpx.Client(base_url=url, timeout=120) as c:  # warm each worker, the reference
            answers = [
                c.post("/v1/evaluate", params=QUERY, files={"roster": ("sample.xlsx", data)})
                for _ in range(2 * args.workers)
            ]
        reference = answers[0].content
        assert all(a.status_code == 200 for a in answers)

        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds

        def client() -> None:
            with httpx.Client(base_url=url, timeout=120) as c:
                while time.monotonic() < stop:
                    started = time.monotonic()
                    try:
                        got = c.post(
                            "/v1/evaluate",
                            params=QUERY,
                            files={"roster": ("sample.xlsx", data)},
                        )
                        ok = got.status_code == 200 and got.content == reference
                    except httpx.HTTPError:
                        ok = False
                    took = time.monotonic() - started
                    with lock:
                        latencies.append(took)
                        errors[0] += not ok

        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        began = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - began
        peaks = _peak_mb(server.pid)

        health: list[float] = []
        plan: dict[str, object] = {}

        def planner() -> None:
            started = time.monotonic()
            with httpx.Client(base_url=url, timeout=900) as c:
                got = c.post(
                    "/v1/plan",
                    params=QUERY,
                    files={"roster": ("province.zip", archive.read_bytes())},
                )
            plan["status"] = got.status_code
            plan["seconds"] = time.monotonic() - started

        worker = threading.Thread(target=planner)
        worker.start()
        time.sleep(0.5)
        with httpx.Client(base_url=url, timeout=30) as c:
            while worker.is_alive():
                started = time.monotonic()
                c.get("/healthz")
                health.append(time.monotonic() - started)
                time.sleep(0.1)
        worker.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()

    n = len(latencies)
    ms = [x * 1000 for x in latencies]
    hms = [x * 1000 for x in health]
    print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"command: python benchmarks/bench_serve.py --clients {args.clients} "
          f"--seconds {args.seconds:g} --workers {args.workers} --communes {args.communes}")  # fmt: skip
    print()
    print("| clients | workers | seconds | requests | requests/s | p50 (ms) | p95 (ms) | "
          "p99 (ms) | errors | peak memory (MB) |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    memory = ", ".join(f"{v:.0f}" for v in peaks.values())
    print(
        f"| {args.clients} | {args.workers} | {elapsed:.1f} | {n} | {n / elapsed:.1f} | "
        f"{statistics.median(ms):.0f} | {_pct(ms, 0.95):.0f} | {_pct(ms, 0.99):.0f} | "
        f"{errors[0]} | {memory} (supervisor, workers) |"
    )
    print()
    print(f"province plan: {args.communes} communes, status {plan.get('status')}, "
          f"{plan.get('seconds', 0):.1f} s; /healthz asked {len(hms)} times meanwhile: "
          f"p50 {statistics.median(hms):.1f} ms, p99 {_pct(hms, 0.99):.1f} ms, "
          f"max {max(hms):.1f} ms")  # fmt: skip
    return 0 if errors[0] == 0 and plan.get("status") == 200 else 1


if __name__ == "__main__":
    raise SystemExit(main())
