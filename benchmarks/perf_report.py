"""The table of perf_budget.sh: Lighthouse's figures per page against the budget.

Reads run.mjs's JSON lines on stdin; arguments: minimum performance, minimum accessibility,
maximum KiB transferred, maximum requests. Prints a table and ``perf-budget: N passed, M failed``;
exits 1 if any page fails.
"""

import json
import sys


def main():
    performance, accessibility, max_kib, max_requests = (int(value) for value in sys.argv[1:5])
    results = [json.loads(line) for line in sys.stdin if line.strip()]
    print(
        f"{'page':24} {'status':>6} {'perf':>4} {'a11y':>4} {'KiB':>6} {'req':>3} "
        f"{'FCP s':>5} {'LCP s':>5} {'TBT ms':>6}  result"
    )
    passed = failed = 0
    for result in results:
        problems = []
        if result.get("runtimeError"):
            problems.append(result["runtimeError"])
        kib = (result.get("transferred") or 0) / 1024
        if result["performance"] < performance:
            problems.append(f"performance < {performance}")
        if result["accessibility"] < accessibility:
            problems.append(f"accessibility < {accessibility} ({', '.join(result['failedAccessibility'])})")
        if kib > max_kib:
            problems.append(f"> {max_kib} KiB")
        if result["requests"] > max_requests:
            problems.append(f"> {max_requests} requests")
        passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)
        print(
            f"{result['page']:24} {result['status'] or '-':>6} {result['performance']:>4} {result['accessibility']:>4} "
            f"{kib:>6.0f} {result['requests']:>3} {(result.get('fcp') or 0) / 1000:>5.1f} "
            f"{(result.get('lcp') or 0) / 1000:>5.1f} {result.get('tbt') or 0:>6.0f}  "
            + ("ok" if not problems else "FAIL: " + "; ".join(problems))
        )
    print(f"perf-budget: {passed} passed, {failed} failed")
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main())
