"""The soak's report (soak.sh), in Markdown: the resident memory of the instance and of the ZEO
server every 10 minutes beside the requests answered so far; the instance's growth after the first
10 minutes (least squares over the minute samples), per hour and per 10,000 requests; each kind
of request's count, failures and times.

    soak_report.py <rss samples> <locust stats csv> <locust stats history csv> <minutes> <users>

rss samples: lines "<seconds since the epoch> <instance RSS KiB> <ZEO server RSS KiB> [<objects in
the database> <objects in the instance's ZODB caches>]".
"""

import csv
import statistics
import sys


WARM_UP = 10 * 60  # seconds left out of the growth: templates compiled, caches filled


def read_samples(path):
    """(seconds, instance MB, ZEO server MB, objects in the database or "", in the caches or "")."""
    samples = []
    with open(path) as lines:
        for line in lines:
            fields = line.split()
            if len(fields) >= 3:  # a sample of a process that was gone has fewer
                objects = fields[3:5] if len(fields) == 5 else ["", ""]
                samples.append((int(fields[0]), int(fields[1]) / 1024, int(fields[2]) / 1024, *objects))
    return samples


def requests_so_far(path):
    """(seconds since the epoch, requests answered so far) of the aggregated row, in order."""
    with open(path, newline="") as history:
        return [
            (int(row["Timestamp"]), int(row["Total Request Count"]))
            for row in csv.DictReader(history)
            if row["Name"] == "Aggregated"
        ]


def answered_by(history, at):
    count = 0
    for when, total in history:
        if when > at:
            break
        count = total
    return count


def main():
    samples_path, stats_path, history_path, minutes, users = sys.argv[1:6]
    samples = read_samples(samples_path)
    history = requests_so_far(history_path)
    start = samples[0][0]
    print(f"{users} 个 locust 用户（每个请求后等 1～3 s），{minutes} 分钟，负载全部给一个 ZEO 实例。")
    print()
    print("| 分钟 | 实例 RSS MB | ZEO 服务器 RSS MB | 已答复请求 | 库中对象 | 实例 ZODB 缓存中的对象 |")
    print("|---|---|---|---|---|---|")
    shown = [sample for sample in samples if (sample[0] - start) % 600 < 60 or sample is samples[-1]]
    for at, instance, server, stored, cached in shown:
        print(
            f"| {(at - start) / 60:.0f} | {instance:.0f} | {server:.0f} | {answered_by(history, at)} "
            f"| {stored} | {cached} |"
        )
    print()
    later = [(at, instance) for at, instance, *_rest in samples if at - start >= WARM_UP]
    if len(later) >= 3:
        slope = statistics.linear_regression([at for at, _ in later], [mb for _, mb in later]).slope
        requests = answered_by(history, later[-1][0]) - answered_by(history, later[0][0])
        hours = (later[-1][0] - later[0][0]) / 3600
        per_10k = slope * 3600 * hours / requests * 10_000 if requests else float("nan")
        print(
            f"- 第 10 分钟以后实例常驻内存的增长（最小二乘）：每小时 {slope * 3600:+.1f} MB，"
            f"每 1 万个请求 {per_10k:+.1f} MB（{requests} 个请求，{hours:.2f} 小时）；"
            f"最低 {min(mb for _, mb in later):.0f} MB，最高 {max(mb for _, mb in later):.0f} MB"
        )
        print()
    print("| 请求 | 次数 | 失败 | p50 ms | p95 ms | 最慢 ms |")
    print("|---|---|---|---|---|---|")
    with open(stats_path, newline="") as stats:
        for row in csv.DictReader(stats):
            name = "合计" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
            print(
                f"| {name} | {row['Request Count']} | {row['Failure Count']} | {row['50%']} | {row['95%']} "
                f"| {float(row['Max Response Time']):.0f} |"
            )


main()
