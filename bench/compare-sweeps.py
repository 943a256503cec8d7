#!/usr/bin/env python3
"""Compare two tinygan sweep folders: identical but for wall times.

    python3 bench/compare-sweeps.py MERGED UNSHARDED

Every run is determined by its seed and configuration, so a sweep merged from
shards must equal the same sweep run unsharded in everything but the measured
wall times. Compared: sweep.json; summary.csv without its `wall_seconds`
column; summary.json and every run log (runs/POINT/seedK.jsonl, line by line)
without their `wallSeconds` keys; and the set of run logs itself. Prints what
matched, or each difference and exits 1.
"""
import csv
import json
import sys
from pathlib import Path

WALL_KEYS = {"wallSeconds", "wall_seconds"}


def without_wall_times(value):
    """The JSON value with every wall-time key removed, at any depth."""
    if isinstance(value, dict):
        return {k: without_wall_times(v) for k, v in value.items() if k not in WALL_KEYS}
    if isinstance(value, list):
        return [without_wall_times(v) for v in value]
    return value


def csv_rows(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return [{k: v for k, v in row.items() if k not in WALL_KEYS} for row in rows]


def json_lines(path):
    with open(path) as f:
        return [without_wall_times(json.loads(line)) for line in f if line.strip()]


def compare(a: Path, b: Path):
    """(differences, counts) between sweep folders a and b."""
    differences = []
    if json.loads((a / "sweep.json").read_text()) != json.loads((b / "sweep.json").read_text()):
        differences.append("sweep.json: the plans differ")
    rows_a, rows_b = csv_rows(a / "summary.csv"), csv_rows(b / "summary.csv")
    if len(rows_a) != len(rows_b):
        differences.append(f"summary.csv: {len(rows_a)} rows against {len(rows_b)}")
    for row_a, row_b in zip(rows_a, rows_b):
        for column in sorted(set(row_a) | set(row_b)):
            if row_a.get(column) != row_b.get(column):
                differences.append(f"summary.csv, point {row_a.get('point')} seed {row_a.get('seed')}: "
                                   f"{column} {row_a.get(column)} != {row_b.get(column)}")
    summary_a = without_wall_times(json.loads((a / "summary.json").read_text()))
    summary_b = without_wall_times(json.loads((b / "summary.json").read_text()))
    if summary_a != summary_b:
        differences.append("summary.json differs (beyond wall times)")
    logs_a = sorted(p.relative_to(a) for p in (a / "runs").rglob("*.jsonl"))
    logs_b = sorted(p.relative_to(b) for p in (b / "runs").rglob("*.jsonl"))
    if logs_a != logs_b:
        only = sorted(str(p) for p in set(logs_a) ^ set(logs_b))
        differences.append(f"run logs in one folder only: {', '.join(only)}")
    for log in sorted(set(logs_a) & set(logs_b)):
        if json_lines(a / log) != json_lines(b / log):
            differences.append(f"{log} differs (beyond wall times)")
    return differences, {"rows": len(rows_a), "logs": len(logs_a),
                         "points": len(summary_a.get("points", []))}


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    a, b = Path(argv[1]), Path(argv[2])
    for folder in (a, b):
        missing = [n for n in ("sweep.json", "summary.csv", "summary.json", "runs") if not (folder / n).exists()]
        if missing:
            print(f"{folder} is not a finished sweep folder: no {', '.join(missing)}", file=sys.stderr)
            return 1
    differences, counts = compare(a, b)
    if differences:
        print(f"DIFFERENT: {a} and {b}", file=sys.stderr)
        for d in differences[:20]:
            print("  " + d, file=sys.stderr)
        if len(differences) > 20:
            print(f"  ... and {len(differences) - 20} more", file=sys.stderr)
        return 1
    print(f"identical but for wall times: sweep.json, summary.csv ({counts['rows']} rows), "
          f"summary.json ({counts['points']} point(s)), {counts['logs']} run logs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
