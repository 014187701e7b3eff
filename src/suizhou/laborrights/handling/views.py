"""Small views of the handling: the daily clock sweep, for cron."""

from Products.Five.browser import BrowserView
from suizhou.laborrights.handling.sweep import sweep

import json


class SweepView(BrowserView):
    """``@@handling-sweep``: announce due-soon and overdue clocks (Manager only)."""

    def __call__(self):
        found = sweep()
        self.request.response.setHeader("Content-Type", "application/json")
        return json.dumps(found)
