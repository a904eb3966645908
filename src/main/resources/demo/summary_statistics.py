"""Summary statistics of every numeric column of every CSV input.

Runs as a Cove (Ocean Compute-to-Data) algorithm: the inputs are under $INPUTS (default
/data/inputs/<did>/<n>), the result goes to $OUTPUTS/summary.json. Standard library only.
"""
import csv
import json
import os
import statistics
import sys

INPUTS = os.environ.get("INPUTS", "/data/inputs")
OUTPUTS = os.environ.get("OUTPUTS", "/data/outputs")


def precision():
    """The consumer's "precision" parameter from algoCustomData.json, 4 by default."""
    try:
        with open(os.path.join(INPUTS, "algoCustomData.json")) as handle:
            return max(0, min(10, int(json.load(handle).get("precision", 4))))
    except (OSError, ValueError, TypeError, AttributeError):
        return 4


def numeric(values):
    numbers = []
    for value in values:
        try:
            numbers.append(float(value))
        except ValueError:
            return None
    return numbers


def summarise(path, places):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    columns = {}
    for name in rows[0].keys() if rows else []:
        numbers = numeric([row[name] for row in rows if row[name] != ""])
        if not numbers:
            continue
        quartiles = statistics.quantiles(numbers, n=4) if len(numbers) > 1 else numbers * 3
        columns[name] = {
            "count": len(numbers),
            "mean": round(statistics.fmean(numbers), places),
            "min": min(numbers),
            "q1": round(quartiles[0], places),
            "median": round(quartiles[1], places),
            "q3": round(quartiles[2], places),
            "max": max(numbers),
        }
    return {"rows": len(rows), "columns": columns}


def inputs():
    for root, _, files in os.walk(INPUTS):
        for name in sorted(files):
            if name != "algoCustomData.json":
                yield os.path.join(root, name)


def main():
    summary = {}
    places = precision()
    for path in inputs():
        try:
            summary[os.path.relpath(path, INPUTS)] = summarise(path, places)
        except (UnicodeDecodeError, csv.Error) as error:
            print(f"skipping {os.path.relpath(path, INPUTS)}: {error}", file=sys.stderr)
    os.makedirs(OUTPUTS, exist_ok=True)
    with open(os.path.join(OUTPUTS, "summary.json"), "w") as out:
        json.dump(summary, out, indent=2, sort_keys=True)
    print(f"summarised {len(summary)} file(s)")


if __name__ == "__main__":
    main()
