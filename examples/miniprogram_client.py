#!/usr/bin/env python3
"""零工驿站小程序的流程示例：提交维权事项，然后凭受理编号和手机号码查询办理进度。

A small client of the site's REST API (see docs/api.md), playing the mini-program's flow:
file a case with ``POST @cases``, then poll ``POST @case-status`` until the case is closed.
After too many failed lookups the server asks a question first (429 ``ChallengeRequired``):
the client shows it to the user and sends the answer with the next lookup.

    python examples/miniprogram_client.py http://localhost:8080/plone --phone 13907221234
    python examples/miniprogram_client.py http://localhost:8080/plone \\
        --reference SZ-2026-000001 --phone 13907221234

Only needs ``requests``. ``tests/test_api_client.py`` runs it against a test site.
"""

import argparse
import requests
import sys
import time


class ApiError(Exception):
    """An error answer: ``status``, ``type``, ``message`` and ``fields`` (all in Chinese)."""

    def __init__(self, response):
        try:
            error = response.json()["error"]
        except (ValueError, KeyError, TypeError):
            error = {"type": "HTTPError", "message": response.text[:200]}
        super().__init__(f"{response.status_code} {error.get('type')}: {error.get('message')}")
        self.status = response.status_code
        self.type = error.get("type")
        self.message = error.get("message")
        self.fields = error.get("fields", {})
        self.retry_after = int(response.headers.get("Retry-After", 0) or 0)
        self.challenge = error.get("challenge")  # {"question", "token"} of a ChallengeRequired


class LaborRightsClient:
    def __init__(self, site_url, session=None, timeout=10):
        self.site_url = site_url.rstrip("/")
        self.session = session or requests.Session()
        self.session.headers["Accept"] = "application/json"
        self.timeout = timeout

    def _call(self, method, endpoint, **kwargs):
        response = self.session.request(
            method, f"{self.site_url}/{endpoint}", timeout=self.timeout, **kwargs
        )
        if response.status_code >= 400:
            raise ApiError(response)
        return response.json()

    def file_case(self, filing):
        """File a case (the contract of docs/api.md); returns the receipt with the reference."""
        return self._call("POST", "@cases", json=filing)

    def status(self, reference, phone, challenge=None):
        """The case's progress: status, stage, outcome. ApiError 404 if they do not match, 429
        ``ChallengeRequired`` when a question must be answered first (``challenge``: the
        ``challenge_token`` and ``challenge_answer`` of the answer)."""
        body = dict(challenge or {}, reference=reference, phone=phone)
        return self._call("POST", "@case-status", json=body)

    def follow(self, reference, phone, interval=300, max_polls=12, sleep=time.sleep, ask=None):
        """Yield the case's status at each poll until it is closed or ``max_polls`` is reached.

        A status is yielded only when it changed. When the server asks a question (429
        ``ChallengeRequired``), ``ask(question)`` gets the user's answer and the lookup is sent
        again with it (without ``ask`` the error is raised); other errors are raised.
        """
        last = None
        challenge = None
        for poll in range(max_polls):
            try:
                status = self.status(reference, phone, challenge)
            except ApiError as error:
                if error.type != "ChallengeRequired" or ask is None:
                    raise
                question = error.challenge["question"]
                challenge = {"challenge_token": error.challenge["token"], "challenge_answer": ask(question)}
                continue
            challenge = None
            key = (status["status"], status["stage"], status["outcome"])
            if key != last:
                last = key
                yield status
            if status["status"] == "closed":
                return
            if poll < max_polls - 1:
                sleep(interval)


def sample_filing(phone):
    """What a worker enters in the mini-program (fictional data)."""
    return {
        "dispute_types": ["wage_arrears"],
        "applicant": {"name": "王小明", "phone": phone, "gig_worker": True},
        "employer": {"name": "随州市某某物流有限公司", "address": "随州市曾都区工业园8号"},
        "claim_amount": "12000.00",
        "workers_involved": 1,
        "facts": "2026年1月至3月在该公司从事配送工作，工资共12000元未发放。",
        "request": "支付拖欠工资12000元。",
        "district": "zengdu",
        "channel": "mini_program",
    }


def describe(status):
    text = f"{status['reference']}：{status['status_title']}"
    if status.get("stage"):
        text += f"（{status['stage']}）"
    if status.get("outcome"):
        text += f"，结果：{status['outcome']}"
    return text


def main(argv=None, client=None, sleep=time.sleep, out=sys.stdout, ask=input):
    parser = argparse.ArgumentParser(description="小程序流程示例：提交事项并查询进度")
    parser.add_argument("site", help="站点地址，如 http://localhost:8080/plone")
    parser.add_argument("--phone", required=True, help="申请人手机号码")
    parser.add_argument("--reference", help="已有的受理编号（不提交，直接查询）")
    parser.add_argument("--interval", type=int, default=300, help="轮询间隔（秒）")
    parser.add_argument("--polls", type=int, default=12, help="最多查询次数")
    args = parser.parse_args(argv)
    client = client or LaborRightsClient(args.site)
    try:
        reference = args.reference
        if not reference:
            receipt = client.file_case(sample_filing(args.phone))
            reference = receipt["reference"]
            print(f"已提交，受理编号 {reference}，请妥善保存。", file=out)
        follow = client.follow(reference, args.phone, args.interval, args.polls, sleep=sleep, ask=ask)
        for status in follow:
            print(describe(status), file=out)
    except ApiError as error:
        print(f"失败：{error.message}", file=out)
        for field, message in error.fields.items():
            print(f"  {field}：{message}", file=out)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
