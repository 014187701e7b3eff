"""Two ways of filing compared row by row (filing_http.sh's ":alternate", ":sender", ":switch",
":threads", ":gc", ":easyform" and ":clients" sets, rows read on stdin, their labels ending in
"，<A>" or "，<B>", four rows A, B, B, A to a block): per set, instances and block (a client count,
or two for ":clients"), the filings of the A rows over their time against the same of the B rows,
and each row's p99. Prints a Markdown table.

    ab_ratio.py <A> <B>      e.g. ab_ratio.py 预警规则开 预警规则关
"""

import collections
import sys


A, B = sys.argv[1:3]
rows = collections.defaultdict(lambda: {A: [0, 0.0, []], B: [0, 0.0, []]})  # key -> side -> [n, s, p99s]
modes = collections.defaultdict(dict)  # key -> the client counts of its rows, in order
seen = collections.Counter()  # (set, instances) -> rows so far
for line in sys.stdin:
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if len(cells) < 12:
        continue
    label, _comma, side = cells[0].rpartition("，")
    if side not in (A, B):
        continue
    n, rate, p99 = int(cells[3]), float(cells[9]), cells[11]
    key = (label, cells[1], seen[(label, cells[1])] // 4)
    seen[(label, cells[1])] += 1
    modes[key][cells[2]] = True
    total = rows[key][side]
    total[0] += n
    total[1] += n / rate
    total[2].append(p99)

print()
print(f"| 设置 | 实例 | 并发 | {A} 件/秒 | {B} 件/秒 | {A} ÷ {B} | p99 ms（{A}） | p99 ms（{B}） |")
print("|---|---|---|---|---|---|---|---|")
for key, sides in rows.items():
    label, instances, _block = key
    mode = " / ".join(modes[key])
    a, b = (n / seconds if seconds else float("nan") for n, seconds, _p99 in (sides[A], sides[B]))
    print(
        f"| {label} | {instances} | {mode} | {a:.2f} | {b:.2f} | **{a / b:.2f}** | "
        f"{' / '.join(sides[A][2])} | {' / '.join(sides[B][2])} |"
    )
