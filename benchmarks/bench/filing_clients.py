"""Filings over HTTP, the complaint form and POST @cases mixed (every other filing), for
filing_http.sh; run with .venv-bench's Python (requests). Prints one Markdown table row.

    filing_clients.py <label> <hosts> <clients> <filings> <first seq> <event logs> <mail log>

hosts: base URLs (comma-separated) taken in turn, filing by filing; clients: concurrent
clients, each filing one after the other until ``filings`` are done, or ``at-once``: all
filings fired together from their own threads (a barrier), the page of the form read before.
Web filings give an e-mail address (applicant<seq>@example.org: one receipt each is expected
in the SMTP sink's log); every filing a mobile number (SMS lines in the logs). Names, phones,
ID and credit codes are spread as real filers' are, not in sequence like ``seq``.
Lost: a filing answered other than 302 (form) / 201 (API), or whose reference is not a case
the site holds afterwards (asked as the administrator through @search).
Conflicts: the BENCH-CONFLICT lines the instances (filing_instance.py) wrote meanwhile.
CPU: the user and system time both instance processes (FILING_PIDS, comma-separated) used, per
filing: with clients, from the first filing until 3 s after the last answer (the receipts are sent
after it), the form pages read included; at once, from the moment every form page has been read.
"""

from filers import api_body
from filers import web_fields

import collections
import os
import re
import requests
import sys
import threading
import time


label, hosts, clients, filings, first, logs, mail_log = sys.argv[1:8]
HOSTS = hosts.split(",")
AT_ONCE = clients == "at-once"
FILINGS = int(filings)
FIRST = int(first)
LOGS = logs.split(",")
ADMIN = ("admin", "admin")
MEMBER = ("filer", "Filer-secret-1")
PIDS = [pid for pid in os.environ.get("FILING_PIDS", "").split(",") if pid]


class Filing:
    def __init__(self, seq):
        self.seq, self.host = seq, HOSTS[seq // 2 % len(HOSTS)]  # each instance gets both kinds
        self.web = seq % 2 == 0
        self.session = requests.Session()
        self.status = self.reference = self.seconds = None
        self.error = ""

    def prepare(self):
        """The web form's page, as a browser reads it before posting (not timed)."""
        if self.web:
            page = self.session.get(f"{self.host}/Plone/apply/complaint", timeout=300).text
            self.token = re.search(r'name="_authenticator" value="([0-9a-f]+)"', page).group(1)

    def post(self):
        started = time.perf_counter()
        if self.web:
            data = dict(web_fields(self.seq), _authenticator=self.token)
            response = self.session.post(
                f"{self.host}/Plone/apply/complaint",
                files={name: (None, value) for name, value in data.items()},
                allow_redirects=False,
                timeout=300,
            )
            # a 500 after the retries keeps the Location of the redirect that was about to be sent
            found = response.status_code == 302 and re.search(r"ref=([A-Z0-9-]+)", response.headers.get("Location", ""))
            self.reference = found and found.group(1)
        else:
            response = self.session.post(
                f"{self.host}/Plone/@cases",
                json=api_body(self.seq),
                headers={"Accept": "application/json"},
                auth=MEMBER,
                timeout=300,
            )
            self.reference = response.json().get("reference") if response.status_code == 201 else None
        self.seconds = time.perf_counter() - started
        self.status = response.status_code
        if self.status != (302 if self.web else 201):
            self.error = response.text[:200].replace("\n", " ")

    def run(self, barrier=None):
        try:
            self.prepare()
            if barrier:
                barrier.wait(timeout=300)
            self.post()
        except Exception as error:  # counted as lost
            self.error = repr(error)[:200]
        finally:
            self.session.close()  # one connection per filing (waitress accepts 100 at most)


def log_sizes():
    sizes = {}
    for path in LOGS + [mail_log]:
        try:
            with open(path, "rb") as log:
                sizes[path] = log.seek(0, 2)
        except FileNotFoundError:
            sizes[path] = 0
    return sizes


def new_text(path, since):
    try:
        with open(path, "rb") as log:
            log.seek(since)
            return log.read().decode("utf-8", "replace")
    except FileNotFoundError:
        return ""


def cpu_seconds():
    """The CPU time the instances have used so far: utime and stime of /proc/<pid>/stat."""
    ticks = 0
    for pid in PIDS:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rpartition(")")[2].split()  # from the third field, the state
        except OSError:  # the instance died: its filings are counted as lost
            return float("nan")
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def registered_references():
    response = requests.get(
        f"{HOSTS[0]}/Plone/@search",
        params={"portal_type": "Case", "b_size": 100000, "metadata_fields": "getId"},
        headers={"Accept": "application/json"},
        auth=ADMIN,
        timeout=300,
    )
    response.raise_for_status()
    return {item["getId"] for item in response.json()["items"]}


def main():
    sizes = log_sizes()
    cpu_before = [cpu_seconds()]
    todo = [Filing(seq) for seq in range(FIRST, FIRST + FILINGS)]
    started = time.perf_counter()
    if AT_ONCE:
        barrier = threading.Barrier(FILINGS, action=lambda: cpu_before.__setitem__(0, cpu_seconds()))
        threads = [threading.Thread(target=filing.run, args=(barrier,)) for filing in todo]
    else:
        queue = collections.deque(todo)

        def client():
            while True:
                try:
                    filing = queue.popleft()
                except IndexError:
                    return
                filing.run()

        threads = [threading.Thread(target=client) for _ in range(int(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    time.sleep(3)  # the last after-commit sends (receipt PDFs) written to the logs
    cpu_per_filing = (cpu_seconds() - cpu_before[0]) / FILINGS * 1000 if PIDS else float("nan")

    references = [filing.reference for filing in todo if filing.reference]
    held = registered_references()
    lost = [filing for filing in todo if filing.error or filing.reference not in held]
    events = "".join(new_text(path, sizes[path]) for path in LOGS)
    conflicts = re.findall(r"BENCH-CONFLICT retry=(\d) class=(\S+)", events)
    unretried = sum(1 for retry, _cls in conflicts if retry == "0")
    by_class = collections.Counter(cls.rsplit(".", 1)[-1] for _retry, cls in conflicts)
    sms = collections.Counter(re.findall(r"Notification sent: SMS to (\S+)", events))
    mails = collections.Counter(re.findall(r"To: (applicant\d+@example\.org)", new_text(mail_log, sizes[mail_log])))
    web = sum(1 for filing in todo if filing.web)
    times = sorted(filing.seconds for filing in todo if filing.seconds is not None)

    def pct(p):
        return times[min(len(times) - 1, int(p * len(times)))] * 1000 if times else float("nan")

    mode = f"{FILINGS} 件同时发出" if AT_ONCE else f"{clients} 个客户端"
    print(
        f"| {label} | {mode} | {FILINGS} | {len(lost)} | {len(set(references))} | {len(held & set(references))} | "
        f"{len(conflicts)}（{len(conflicts) / FILINGS:.3f}）| {unretried} | {FILINGS / elapsed:.2f} | "
        f"{pct(0.5):.0f} | {pct(0.99):.0f} | {len(mails)}/{web}，重复 {sum(n - 1 for n in mails.values())} | "
        f"{len(sms)}，重复 {sum(n - 1 for n in sms.values())} | {cpu_per_filing:.0f} |"
    )
    print("conflicts by class:", dict(by_class.most_common(8)), file=sys.stderr)
    for filing in lost[:5]:
        print("lost:", filing.seq, filing.status, filing.reference, filing.error, file=sys.stderr)


main()
