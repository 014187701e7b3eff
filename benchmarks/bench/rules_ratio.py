"""The rules-on ÷ rules-off filing rates of filing_http.sh's ":alternate" rows (read on stdin):
per set, instances and client count, the filings of the two rules-on rows over their time
against the same of the two rules-off rows. Prints a Markdown table."""

import collections
import sys


filings = collections.defaultdict(lambda: {"开": [0, 0.0], "关": [0, 0.0]})  # row -> rules -> [n, seconds]
for line in sys.stdin:
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if len(cells) < 10 or "预警规则" not in cells[0]:
        continue
    rules = "开" if cells[0].endswith("开") else "关"
    n, rate = int(cells[3]), float(cells[9])
    total = filings[(cells[0][:-1], cells[1], cells[2])][rules]  # set, instances, clients
    total[0] += n
    total[1] += n / rate

print()
print("| 设置 | 实例 | 并发 | 规则开 件/秒 | 规则关 件/秒 | 开 ÷ 关（目标 ≥ 0.9） |")
print("|---|---|---|---|---|---|")
for (label, instances, mode), rules in filings.items():
    on, off = (n / seconds if seconds else float("nan") for n, seconds in (rules["开"], rules["关"]))
    print(f"| {label.removesuffix('，预警规则')} | {instances} | {mode} | {on:.2f} | {off:.2f} | **{on / off:.2f}** |")
