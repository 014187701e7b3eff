"""One line from a locust run's <prefix>_stats.csv (its "Aggregated" row), for bench.sh:
requests/s, p50 ms, p95 ms, failures, requests. Usage: locust_stats.py <prefix>_stats.csv"""

import csv
import sys


try:
    with open(sys.argv[1], newline="") as stats:
        row = next(r for r in csv.DictReader(stats) if r["Name"] == "Aggregated")
    print(
        f"{float(row['Requests/s']):.1f} {row['50%']} {row['95%']} {row['Failure Count']} {row['Request Count']}"
    )
except (OSError, StopIteration):  # locust did not run: the table shows it
    print("0 - - - 0")
