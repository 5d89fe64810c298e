"""align_many against `entente batch` on the same pairs: wall-clock seconds of
each, by turns, and their ratio (issue: Python within 1.3x of batch --jobs 2).

    cargo bench --bench gen_workload -- /tmp/eb --names 10 --mb 0 --articles '' --pairs 10000
    python3 python/benches/align_many.py /tmp/eb/batch/pairs-10000.csv target/release/entente [--runs 3]

The manifest's texts are read once (as batch reads each file per pair, the
Python side gets the strings ready-made: what a notebook holds); pairs go to
align_many in chunks of 1,000, and every result is turned into Python dicts.
"""

import argparse
import csv
import pathlib
import subprocess
import time

import entente


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("manifest")
    parser.add_argument("binary")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    folder = pathlib.Path(args.manifest).parent
    with open(args.manifest, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = {}
    for r in rows:
        for side in ("left", "right"):
            if r[side] not in texts:
                texts[r[side]] = (folder / r[side]).read_text(encoding="utf-8")
    pairs = [(texts[r["left"]], texts[r["right"]]) for r in rows]
    e = entente.Entente()

    def python_run():
        links = 0
        for at in range(0, len(pairs), 1000):
            for result in e.align_many(pairs[at : at + 1000]):
                links += len(result["links"])
        return links

    def batch_run():
        out = subprocess.run(
            [args.binary, "batch", "--jobs", str(args.jobs), args.manifest],
            capture_output=True, check=True,
        ).stdout
        return out.count(b"\n")

    py_times, batch_times = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        lines = batch_run()
        batch_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        links = python_run()
        py_times.append(time.perf_counter() - start)
    print(f"{len(pairs)} pairs: batch --jobs {args.jobs} wrote {lines} lines; align_many found {links} links")
    print(f"batch --jobs {args.jobs}: best {min(batch_times):.2f} s, runs {', '.join(f'{t:.2f}' for t in batch_times)}")
    print(f"align_many:      best {min(py_times):.2f} s, runs {', '.join(f'{t:.2f}' for t in py_times)}")
    print(f"ratio (best/best): {min(py_times) / min(batch_times):.2f}")


if __name__ == "__main__":
    main()
