"""Align a DataFrame of article pairs with entente on Spark.

Input: JSON lines ``{"id": …, "left": "<French text>", "right": "<English text>"}``
(any DataFrame with columns id, left, right will do). Output: JSON lines
``{"id": …, "alignment": "<the alignment as JSON>"}``, the alignment being what
``entente.Entente().align(left, right)`` returns — a line of ``entente batch
--offsets chars`` without its id.

    spark-submit examples/spark/align_pairs.py pairs.jsonl out/

Each executor's Python worker builds one ``Entente`` (lexicons loaded once)
and aligns each Arrow batch of rows with ``align_many``, on every core the
worker has, without holding the GIL. Needs ``pip install ./python pyspark
pandas pyarrow`` on every node.
"""

import json
import sys

SCHEMA = "id string, alignment string"

_ENTENTE = None


def _entente():
    """One Entente per Python worker process: lexicons are loaded once."""
    global _ENTENTE
    if _ENTENTE is None:
        import entente

        _ENTENTE = entente.Entente()
    return _ENTENTE


def align_batches(batches):
    """mapInPandas function: pandas DataFrames of (id, left, right) in,
    DataFrames of (id, alignment as JSON) out."""
    import pandas as pd

    e = _entente()
    for pdf in batches:
        aligned = e.align_many(list(zip(pdf["left"], pdf["right"])))
        yield pd.DataFrame(
            {
                "id": pdf["id"].astype(str),
                "alignment": [json.dumps(a, ensure_ascii=False) for a in aligned],
            }
        )


def align_pairs(pairs):
    """The DataFrame of alignments of a DataFrame with columns id, left, right."""
    return pairs.select("id", "left", "right").mapInPandas(align_batches, SCHEMA)


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: align_pairs.py PAIRS.jsonl OUT_DIR")
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("entente-align-pairs").getOrCreate()
    pairs = spark.read.schema("id string, left string, right string").json(argv[1])
    align_pairs(pairs).write.mode("overwrite").json(argv[2])
    spark.stop()


if __name__ == "__main__":
    main(sys.argv)
