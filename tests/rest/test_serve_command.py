"""`communique serve` runs the API and the explorer on the configured loopback port."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from tests.rest.live import fill, free_port


def test_serve_command(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    docs = fill(db)
    port = free_port()
    env = {**os.environ, "COMMUNIQUE_TOKEN": "t0ken"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from communique.cli import main; main()",
            "serve",
            "--db",
            db,
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/articles", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert sorted(a["id"] for a in response.json()["items"]) == sorted(d.id for d in docs)
        merge = httpx.post(
            f"http://127.0.0.1:{port}/clusters/merge",
            json={"clusters": ["v1", "x"]},
            headers={"Authorization": "Bearer t0ken"},
        )
        assert merge.status_code == 404  # authorised (token from the environment), no cluster x
    finally:
        server.terminate()
        server.communicate(timeout=30)
