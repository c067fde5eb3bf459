"""A throw-away PostgreSQL server from Debian's packages, for tests and benchmarks.

``PostgresServer`` runs ``initdb`` into a temporary directory and ``pg_ctl
start`` with a unix socket in that directory and no TCP listener, so nothing
outside this machine (or this test run) can reach it. PostgreSQL refuses to
run as root, so as root the directory is handed to the unprivileged ``nobody``
user and the server runs as that user (``runuser``). ``stop`` shuts it down
and removes the directory.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg


def binaries() -> Path | None:
    """The newest installed PostgreSQL ``bin`` folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: p.split("/")[4])
    return Path(found[-1]).parent if found else None


class PostgresServer:
    def __init__(self) -> None:
        bin_dir = binaries()
        if bin_dir is None:
            raise FileNotFoundError("PostgreSQL is not installed (scripts/install-system-deps.sh)")
        self.bin = bin_dir
        # Short path: a unix socket path must fit in 107 bytes.
        self.dir = Path(tempfile.mkdtemp(prefix="cq-pg-"))
        self.data = self.dir / "data"
        self.user = "nobody" if os.geteuid() == 0 else None
        self._names = itertools.count()
        if self.user:
            shutil.chown(self.dir, self.user)
            os.chmod(self.dir, 0o700)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-locale",
            "-E",
            "UTF8",
            "--no-sync",
        )
        options = " ".join(
            f"-c {setting}"
            for setting in (
                "listen_addresses=''",  # no TCP at all: the unix socket only
                f"unix_socket_directories={self.dir}",
                # Throw-away data: durability off makes migrations and inserts fast.
                "fsync=off",
                "synchronous_commit=off",
                "full_page_writes=off",
            )
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.dir / "log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.dir)

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL of a database on this server (psycopg 3, unix socket)."""
        return f"postgresql+psycopg://postgres@/{database}?host={self.dir}"

    def create_database(self, prefix: str = "t") -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(
            host=str(self.dir), user="postgres", dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
