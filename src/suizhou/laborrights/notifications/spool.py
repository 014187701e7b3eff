"""Notifications committed but not sent yet, kept on disk until they are.

The sender thread (``outbox``) sends after the commit; a process killed hard in between
(``kill -9``, the out-of-memory killer) would lose what it had queued. So the outbox first writes
each transaction's messages to a file of this process's spool, and the sender removes the file
once they are sent (or kept in the database for a retry). The next process of the buildout to
start — the instance started again, another instance, or ``scripts/outbox_retry.py`` run by its
timer — sends what a dead process left (``outbox.send_orphans``).

The spool is the directory ``LABORRIGHTS_OUTBOX_SPOOL`` names (the buildout sets
``var/outbox-spool`` for the instances and scripts of its database; the test fixture sets none:
there the messages are only in memory). Each process writes in a directory of its own there and
holds an exclusive lock (``fcntl.flock``) on a file in it while it runs. The kernel releases the
lock when the process ends, however it ends: a directory whose lock can be taken belonged to a
process that is gone. The taker keeps that lock while it moves the files into its own directory
(so of two processes starting at once only one takes them), then sends them. A file whose process
was killed after sending it but before removing it is sent again once; a file adopted
``ATTEMPTS`` times (its messages made a process die, or the site is gone) is moved to ``.failed``
and logged, as is a file that cannot be read; ``@@laborrights-outbox`` lists them, and the
administrator moves their messages into the list of kept messages (``retries``) to be sent again.
A request moving a file claims it first (renamed; the list counts it as being moved); a claim
older than ``CLAIM_LEASE`` belonged to a request that died (``claims``): the outbox page removes
the file if its messages were kept, and lists it again if not.
Files are written and renamed, not synced: they survive the process, not a power cut. They hold
personal data: readable by the owner only.
"""

from suizhou.laborrights import logger

import fcntl
import itertools
import os
import pickle
import re
import threading
import time
import uuid


VARIABLE = "LABORRIGHTS_OUTBOX_SPOOL"
LOCK = "lock"
FAILED = ".failed"
ATTEMPTS = 3  # adoptions of a file before it is set aside
CLAIMED = ".claimed"
CLAIM_LEASE = 600  # seconds a request has to move a set-aside file it claimed
_CLAIM = re.compile(rf"{re.escape(CLAIMED)}-(?P<at>[0-9]{{10}})-[0-9a-f]{{8}}-(?P<name>[^.].*)")


class Spool:
    """This process's directory of unsent notifications, locked while the process lives."""

    def __init__(self, root):
        self.root = root
        self.directory = os.path.join(root, f"{os.getpid()}-{uuid.uuid4().hex[:8]}")
        os.makedirs(self.directory, mode=0o700)
        self._lock = _locked(os.path.join(self.directory, LOCK))  # until then ``orphans`` finds no lock file
        self._numbers = itertools.count()
        self._guard = threading.Lock()

    def _path(self, attempts):
        with self._guard:
            number = next(self._numbers)
        return os.path.join(self.directory, f"{number:09d}.{attempts}.pickle")

    def write(self, record):
        """Keep ``record`` (picklable) in a new file; its path."""
        path = self._path(0)
        part = path + ".part"
        try:
            with open(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
                pickle.dump(record, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.rename(part, path)
        except BaseException:
            if os.path.exists(part):
                os.unlink(part)
            raise
        return path

    def orphans(self):
        """(path, record) of the files dead processes left, moved into this directory."""
        adopted = []
        for name in sorted(os.listdir(self.root)):
            directory = os.path.join(self.root, name)
            if name == FAILED or directory == self.directory:
                continue
            try:
                adopted += self._adopt_directory(directory)
            except OSError:
                logger.exception("Unsent notifications in %s not taken", directory)
        return adopted

    def _adopt_directory(self, directory):
        """Its files, if its lock can be taken (held until it is emptied and removed: a process
        being made, or being emptied by another, is left alone)."""
        lock = _locked(os.path.join(directory, LOCK), wait=False, create=False)
        if lock is None:
            return []
        try:
            claimed = os.path.join(self.root, f".taken-{uuid.uuid4().hex[:8]}")
            try:
                os.rename(directory, claimed)
            except FileNotFoundError:  # emptied by another process between its listing and the lock
                return []
            adopted = []
            for file_name in sorted(os.listdir(claimed)):
                if file_name.endswith(".pickle"):
                    found = self._adopt_file(os.path.join(claimed, file_name))
                    if found is not None:
                        adopted.append(found)
            for file_name in os.listdir(claimed):
                os.unlink(os.path.join(claimed, file_name))  # the lock, a half-written file
            os.rmdir(claimed)
            return adopted
        finally:
            os.close(lock)

    def _adopt_file(self, source):
        parts = os.path.basename(source).split(".")  # number, adoptions so far, "pickle"
        attempts = (int(parts[1]) if len(parts) == 3 else 0) + 1
        if attempts > ATTEMPTS:
            return self._set_aside(source, f"adopted {ATTEMPTS} times and still not sent")
        try:
            record = _load(source)
        except Exception as error:
            return self._set_aside(source, f"unreadable ({error!r})")
        path = self._path(attempts)
        os.rename(source, path)
        return path, record

    def _set_aside(self, source, why):
        failed = os.path.join(self.root, FAILED)
        os.makedirs(failed, mode=0o700, exist_ok=True)
        # a name never used again: ``retries.was_taken`` knows a file by its name
        kept = os.path.join(failed, f"{uuid.uuid4().hex}-{os.path.basename(source)}")
        os.rename(source, kept)
        logger.error("Unsent notifications set aside in %s: %s", kept, why)

    def close(self):
        """Release the lock (what the kernel does when the process ends)."""
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def done(path):
    """The file's notifications are sent, or kept in the database for a retry."""
    if path is not None:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def set_aside():
    """(name, seconds since the epoch it was written, record or None if unreadable) of each file
    in ``.failed``, oldest first; [] without a spool. Files being moved (claimed) are left out."""
    files = [(name, written, record) for name, _path, written, record in _in_failed(_plain_name)]
    return sorted(files, key=lambda file: file[1])


def claim_set_aside(name):
    """Set-aside file ``name`` taken for moving its messages (one request at a time: the file is
    renamed): the claimed file's path, or None if another request took it."""
    directory = _failed_directory()
    if directory is None or not _plain_name(name):
        return None
    claimed = os.path.join(directory, f"{CLAIMED}-{int(time.time())}-{uuid.uuid4().hex[:8]}-{name}")
    try:
        os.rename(os.path.join(directory, name), claimed)
    except FileNotFoundError:
        return None
    return claimed


def claims():
    """(claimed path, name, stale, record or None if unreadable) of each set-aside file a request
    claimed for moving; stale: claimed ``CLAIM_LEASE`` seconds ago or more, so the request died."""
    found = []
    for claimed_name, path, _written, record in _in_failed(_CLAIM.fullmatch):
        claim = _CLAIM.fullmatch(claimed_name)
        found.append((path, claim["name"], time.time() - int(claim["at"]) >= CLAIM_LEASE, record))
    return found


def _in_failed(wanted):
    """(name, path, seconds since the epoch it was written, record or None if unreadable) of
    each file in ``.failed`` whose name is ``wanted(name)``; none without a spool."""
    directory = _failed_directory()
    for name in os.listdir(directory) if directory and os.path.isdir(directory) else ():
        if not wanted(name):
            continue
        path = os.path.join(directory, name)
        try:
            written = os.path.getmtime(path)
        except FileNotFoundError:  # moved or removed since the listing
            continue
        try:
            record = _load(path)
        except FileNotFoundError:
            continue
        except Exception:
            record = None  # unreadable: listed by name
        yield name, path, written, record


def release_set_aside(claimed, name):
    """Put a claimed file back, its messages not moved."""
    os.rename(claimed, os.path.join(os.path.dirname(claimed), name))


def _failed_directory():
    root = os.environ.get(VARIABLE)
    return os.path.join(root, FAILED) if root else None


def _plain_name(name):
    return name == os.path.basename(name) and not name.startswith(".")


def _load(path):
    with open(path, "rb") as spooled:
        return pickle.load(spooled)


def _locked(path, wait=True, create=True):
    """A descriptor of ``path`` holding its exclusive lock; None if another process holds it
    (or, with ``create=False``, if there is no such file)."""
    try:
        descriptor = os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), 0o600)
    except FileNotFoundError:
        if create:
            raise
        return None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(descriptor)
        return None
    return descriptor


_spool = None
_opening = threading.Lock()


def process_spool():
    """This process's spool (made on first use), or None when no directory is configured."""
    global _spool
    with _opening:
        if _spool is None and os.environ.get(VARIABLE):
            _spool = Spool(os.environ[VARIABLE])
        return _spool
