"""The Spark examples, run with spark-submit in local[2] mode on 1,000
generated pairs: every row equals what `entente batch` gives for its pair.

Skipped when PySpark is not installed, unless ENTENTE_REQUIRE_SPARK is set
(as .ci/run sets it)."""

import glob
import json
import os
import pathlib
import random
import subprocess
import sys

import pytest

if not os.environ.get("ENTENTE_REQUIRE_SPARK"):
    pytest.importorskip("pyspark")

PAIRS = 1000


def sentences(root, lang):
    files = sorted(root.glob(f"seeds/*-{lang}.txt")) + sorted(
        root.glob(f"tests/data/events/*-{lang}.txt")
    )
    out = []
    for f in files:
        out += [s for s in f.read_text(encoding="utf-8").split("\n") if len(s) > 30]
    return out


@pytest.fixture(scope="module")
def pairs(root, tmp_path_factory):
    """1,000 pairs of short articles cut from the seeds and development events."""
    rng = random.Random(2026)
    fr, en = sentences(root, "fr"), sentences(root, "en")
    rows = [
        {
            "id": f"p{i}",
            "left": "\n".join(rng.sample(fr, rng.randint(1, 8))),
            "right": "\n".join(rng.sample(en, rng.randint(1, 8))),
        }
        for i in range(PAIRS)
    ]
    folder = tmp_path_factory.mktemp("spark")
    flat = folder / "pairs.jsonl"
    flat.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    batch = folder / "batch-input.jsonl"
    batch.write_text(
        "".join(
            json.dumps({"id": r["id"], "left": {"text": r["left"]}, "right": {"text": r["right"]}}) + "\n"
            for r in rows
        ),
        encoding="utf-8",
    )
    return folder, flat, batch


def spark_submit(root, *args):
    import pyspark

    submit = pathlib.Path(pyspark.__file__).parent / "bin" / "spark-submit"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    done = subprocess.run(
        [str(submit), "--master", "local[2]", *map(str, args)],
        cwd=root, env=env, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]


def read_lines(folder):
    out = []
    for part in sorted(glob.glob(str(folder / "part-*"))):
        out += [json.loads(line) for line in open(part, encoding="utf-8") if line.strip()]
    return out


def batch_by_id(cli, batch_input, *flags):
    lines = cli("batch", *flags, str(batch_input)).splitlines()
    return {a.pop("id"): a for a in map(json.loads, lines)}


def test_mapinpandas_job_equals_batch(root, cli, pairs):
    folder, flat, batch_input = pairs
    spark_submit(root, "examples/spark/align_pairs.py", flat, folder / "out")
    rows = read_lines(folder / "out")
    assert len(rows) == PAIRS
    expected = batch_by_id(cli, batch_input, "--offsets", "chars")
    linked = 0
    for row in rows:
        alignment = json.loads(row["alignment"])
        assert alignment == expected[row["id"]], row["id"]
        linked += bool(alignment["links"])
    assert linked > PAIRS // 2, f"only {linked} pairs with a link"


def test_pipe_recipe_equals_batch(root, cli, pairs):
    folder, _, batch_input = pairs
    binary = os.environ.get("ENTENTE_BIN") or str(root / "target" / "release" / "entente")
    spark_submit(root, "examples/spark/pipe_batch.py", batch_input, folder / "piped", binary)
    rows = read_lines(folder / "piped")
    assert len(rows) == PAIRS
    expected = batch_by_id(cli, batch_input)
    for row in rows:
        assert row == dict(expected[row["id"]], id=row["id"])
