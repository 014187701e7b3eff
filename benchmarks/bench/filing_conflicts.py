"""The objects the filings of filing_http.sh conflicted on, by structure: run by zconsole with
the ZEO client's configuration after the load, given the instances' event logs.

    zconsole run <zope.conf> filing_conflicts.py <event log> ...
"""

from ZODB.utils import p64

import collections
import conflict_paths
import re
import sys


counts = collections.Counter()
LOGS = sys.argv[[arg.endswith("filing_conflicts.py") for arg in sys.argv].index(True) + 1 :]
for path in LOGS:
    with open(path, encoding="utf-8", errors="replace") as log:
        counts.update(re.findall(r"BENCH-CONFLICT retry=\d class=\S+ oid=(0x[0-9a-f]+)", log.read()))
db = app._p_jar.db()  # noqa: F821 - `app` is given by zconsole
parents = conflict_paths.parents(db.storage)
rows = collections.Counter()
oids = collections.defaultdict(set)
for oid, count in counts.items():
    key = conflict_paths.describe(db, p64(int(oid, 16)), parents)
    rows[key] += count
    oids[key].add(oid)
print("| 冲突次数 | oid | 类 | 从根起的路径 |")
print("|---|---|---|---|")
for (class_name, path), count in rows.most_common():
    shown = ", ".join(sorted(oids[(class_name, path)])[:3])
    print(f"| {count} | {shown} | {class_name} | `{path}` |")
