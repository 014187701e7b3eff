"""The access log in tests: each test writes into a directory of its own and reads it back."""

from suizhou.laborrights.audit import log

import glob
import json
import os
import shutil
import tempfile


class LogDirectory:
    """Mixin for a TestCase: ``use_own_log_directory()`` in setUp, ``lines()`` to read."""

    def use_own_log_directory(self):
        self.log_dir = tempfile.mkdtemp(prefix="access-log-test-")
        self.previous_log_dir = os.environ.get(log.ENVIRONMENT)
        os.environ[log.ENVIRONMENT] = self.log_dir
        self.addCleanup(self.restore_log_directory)

    def restore_log_directory(self):
        if self.previous_log_dir is None:
            os.environ.pop(log.ENVIRONMENT, None)
        else:
            os.environ[log.ENVIRONMENT] = self.previous_log_dir
        shutil.rmtree(self.log_dir, ignore_errors=True)

    def lines(self):
        found = []
        for path in sorted(glob.glob(os.path.join(self.log_dir, "*.jsonl"))):
            with open(path, encoding="utf-8") as lines:
                found.extend(json.loads(line) for line in lines)
        return found
