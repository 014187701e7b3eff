"""The anonymous pages' table for bench.sh, from lines "mode|page|path|req/s p50 p95 failures requests"
on standard input (modes: uncached, ram, varnish; the stock Plone front page first)."""

import sys


MODES = ("uncached", "ram", "varnish")
rows = {}
for line in sys.stdin:
    mode, name, path, figures = line.rstrip("\n").split("|")
    rate, p50, p95, failures, _count = figures.split()
    rows.setdefault((name, path), {})[mode] = (float(rate), p50, p95, failures)


def cell(figures):
    rate, p50, p95, failures = figures
    return f"{rate:,.1f}（p50 {p50} / p95 {p95} ms{'' if failures in ('0', '-') else f'，失败 {failures}'}）"


def ratio(a, b):
    return f"{a / b:.1f}×" if b else "—"


stock = next(iter(rows.values()))
print("| 页面 | 不缓存 req/s | 内存缓存 req/s | Varnish req/s | Varnish ÷ 不缓存（目标 ≥ 100×）"
      " | 不缓存 ÷ Plone 默认首页 | 内存缓存 ÷ Plone 默认首页 |")
print("|---|---|---|---|---|---|---|")
for (name, path), modes in rows.items():
    modes = {mode: modes.get(mode, (0.0, "-", "-", "-")) for mode in MODES}
    print(
        f"| {name} `{path}` | {cell(modes['uncached'])} | {cell(modes['ram'])} | {cell(modes['varnish'])} "
        f"| {ratio(modes['varnish'][0], modes['uncached'][0])} "
        f"| {ratio(modes['uncached'][0], stock.get('uncached', (0,))[0])} "
        f"| {ratio(modes['ram'][0], stock.get('ram', (0,))[0])} |"
    )
