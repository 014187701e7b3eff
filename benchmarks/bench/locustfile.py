"""Anonymous page views for `make bench` (benchmarks/bench.sh), run by locust headless.

BENCH_PATH: the page; BENCH_HOSTS: one or more base URLs (comma-separated), the users spread
over them round-robin (one instance against two on ZEO without a balancer in between). No
wait between requests: each user asks again as soon as the page has arrived. The Host header
is `localhost` (plone.app.theming leaves 127.0.0.1 unthemed; visitors get the themed page).
"""

from locust import constant
from locust import task
from locust.contrib.fasthttp import FastHttpUser

import itertools
import os


PATH = os.environ["BENCH_PATH"]
HOSTS = itertools.cycle(os.environ["BENCH_HOSTS"].split(","))


class Visitor(FastHttpUser):
    wait_time = constant(0)
    host = "http://127.0.0.1"  # replaced per user below

    def __init__(self, environment):
        self.host = next(HOSTS)
        super().__init__(environment)
        self.headers = {"Host": "localhost:" + self.host.rsplit(":", 1)[1], "Accept-Language": "zh-CN"}

    @task
    def page(self):
        with self.client.get(PATH, headers=self.headers, catch_response=True) as response:
            if response.status_code != 200 or not response.content:
                response.failure(f"HTTP {response.status_code}")
