"""The Spark examples, run with spark-submit in local[2] mode on 1,000
generated pairs: every row equals what `entente batch` gives for its pair.

Skipped when PySpark is not installed, unless ENTENTE_REQUIRE_PYTHON is set
(as .ci/run sets it)."""

import glob
import json
import os
import pathlib
import random
import subprocess
import sys

import pytest

if not os.environ.get("ENTENTE_REQUIRE_PYTHON"):
    pytest.importorskip("pyspark")

PAIRS = 1000


def events(root):
    """(French sentences, English sentences) of each story: the seeds and the
    development events."""
    def lines(path):
        return [s for s in path.read_text(encoding="utf-8").split("\n") if len(s) > 30]

    stories = [(lines(root / "seeds/000-fr.txt"), lines(root / "seeds/001-en.txt"))]
    for fr in sorted((root / "tests/data/events").glob("*-fr.txt")):
        event = fr.name[:2]
        for en in sorted(fr.parent.glob(f"{event}?-en.txt")):
            stories.append((lines(fr), lines(en)))
    return stories


@pytest.fixture(scope="module")
def pairs(root, tmp_path_factory):
    """1,000 pairs of short articles, each cut from the two sides of one story."""
    rng = random.Random(2026)
    stories = events(root)
    rows = []
    for i in range(PAIRS):
        fr, en = rng.choice(stories)
        rows.append(
            {
                "id": f"p{i}",
                "left": "\n".join(rng.sample(fr, min(len(fr), rng.randint(2, 8)))),
                "right": "\n".join(rng.sample(en, min(len(en), rng.randint(2, 8)))),
            }
        )
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
    expected = batch_by_id(cli, batch_input, "--no-date", "--offsets", "chars")
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
        # The two runs were made at different moments: only their dates differ.
        assert row["meta"].pop("date") and expected[row["id"]]["meta"].pop("date")
        assert row == dict(expected[row["id"]], id=row["id"])
