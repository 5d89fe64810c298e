"""Shared fixtures: the repository, the `entente` binary to compare with."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def cli():
    """Runs the command line (ENTENTE_BIN, else the cargo build in target/)."""
    candidates = [os.environ.get("ENTENTE_BIN")] + [
        str(ROOT / "target" / profile / "entente") for profile in ("release", "debug")
    ]
    binary = next((c for c in candidates if c and os.path.exists(c)), None)
    if binary is None:
        pytest.fail("no entente binary: set ENTENTE_BIN or run cargo build")

    def run(*args, stdin=None):
        done = subprocess.run(
            [binary, *args], input=stdin, capture_output=True, cwd=ROOT, check=False
        )
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout.decode()

    return run


def seed_pairs(root):
    """The seed pairs as (name, French text, English text)."""
    seeds = root / "seeds"
    fr = (seeds / "000-fr.txt").read_text(encoding="utf-8")
    return [
        (f"000-{n}", fr, (seeds / f"{n}-en.txt").read_text(encoding="utf-8"))
        for n in ("001", "002", "003", "004")
    ]
