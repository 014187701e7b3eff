"""Two ways of filing compared row by row (filing_http.sh's ":alternate", ":sender", ":switch",
":threads" and ":gc" sets, rows
read on stdin, their labels ending in "，<A>" or "，<B>"): per set, instances and client count,
the filings of the A rows over their time against the same of the B rows, and each row's p99.
Prints a Markdown table.

    ab_ratio.py <A> <B>      e.g. ab_ratio.py 预警规则开 预警规则关
"""

import collections
import sys


A, B = sys.argv[1:3]
rows = collections.defaultdict(lambda: {A: [0, 0.0, []], B: [0, 0.0, []]})  # key -> side -> [n, s, p99s]
for line in sys.stdin:
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if len(cells) < 12:
        continue
    label, _comma, side = cells[0].rpartition("，")
    if side not in (A, B):
        continue
    n, rate, p99 = int(cells[3]), float(cells[9]), cells[11]
    total = rows[(label, cells[1], cells[2])][side]
    total[0] += n
    total[1] += n / rate
    total[2].append(p99)

print()
print(f"| 设置 | 实例 | 并发 | {A} 件/秒 | {B} 件/秒 | {A} ÷ {B} | p99 ms（{A}） | p99 ms（{B}） |")
print("|---|---|---|---|---|---|---|---|")
for (label, instances, mode), sides in rows.items():
    a, b = (n / seconds if seconds else float("nan") for n, seconds, _p99 in (sides[A], sides[B]))
    print(
        f"| {label} | {instances} | {mode} | {a:.2f} | {b:.2f} | **{a / b:.2f}** | "
        f"{' / '.join(sides[A][2])} | {' / '.join(sides[B][2])} |"
    )
