"""The command line alone on Spark: stream each partition of JSON lines
through one ``entente batch`` process with ``RDD.pipe``.

    spark-submit examples/spark/pipe_batch.py pairs.jsonl out/ [path/to/entente]

Input lines are what ``entente batch`` reads on stdin:
``{"id": …, "left": {"text": …}, "right": {"text": …}}``; output lines are
what it writes, in each partition's order. Every node needs the ``entente``
binary (on PATH, or give its path).
"""

import sys


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit("usage: pipe_batch.py PAIRS.jsonl OUT_DIR [ENTENTE]")
    from pyspark.sql import SparkSession

    binary = argv[3] if len(argv) == 4 else "entente"
    spark = SparkSession.builder.appName("entente-pipe-batch").getOrCreate()
    lines = spark.sparkContext.textFile(argv[1])
    # One process per partition; --jobs 1 as Spark already runs one task per core.
    lines.pipe(f"{binary} batch --jobs 1 -").saveAsTextFile(argv[2])
    spark.stop()


if __name__ == "__main__":
    main(sys.argv)
