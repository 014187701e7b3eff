"""Lockout after repeated failed logins (issue 13 item 6), a PAS plugin of the Plone site.

PAS asks every authentication plugin and takes any that says yes, so a plugin that merely says
no cannot stop ``source_users``. Instead this plugin is the gate in front of it: it is the only
active authentication plugin for login and password (``source_users`` is deactivated for
authentication on install and checked from here), so a locked login is refused whichever way
the password comes (login form, HTTP basic, the REST API's ``@login``). The session cookie of a
login made before the lock is checked by ``session`` and is not affected.

Where the counts live: failed attempts are counted in this instance's memory, never in the
database, so that anonymous guessing causes no ZODB writes (and a failed login's transaction is
often aborted anyway: a 401 aborts it). Unknown logins are counted and locked alike, and their
password is checked against a stand-in hash as long to check, so neither the answer nor its time
tells whether a login exists. The counts of this memory are bounded (``MAX_RECORDS``), in two
buckets: logins of existing accounts, and logins no account has. A flood of made-up logins only
makes room among the made-up ones, so it never forgets a real account's failures or its lock (the
accounts' bucket grows with the accounts, and for the machine accounts below with their callers'
addresses). Both buckets are looked up and written alike, so the bucket tells nothing. With several
instances (ZEO clients) each counts on its own: a guesser spread over N instances gets up to N times
the attempts, and a restart forgets the counts; the lock period is short anyway. The administrator's
reset is stored (a rare, authenticated write) so that it unlocks on every instance.

Machine accounts (role ``HotlineIntegration``: the 12345 integration) log in from a known server,
over HTTP basic. Their failures are counted per login *and* source address
(``request.getClientAddr()``, which honours the trusted proxies): anyone on the internet may
still be locked out of guessing their password, but never locks the account for the 12345 server
itself. (API-key clients are no accounts: their keys are limited by ``restapi.filing_limits``.)

The limits are properties of the plugin (ZMI: acl_users/login_lockout, Properties).
"""

from AccessControl.class_init import InitializeClass
from AccessControl.SecurityInfo import ClassSecurityInfo
from Acquisition import aq_parent
from AuthEncoding import AuthEncoding
from BTrees.OOBTree import OOBTree
from dataclasses import dataclass
from dataclasses import field
from plone import api
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from Products.statusmessages.interfaces import IStatusMessage
from suizhou.laborrights import _
from zope.interface import implementer

import math
import secrets
import threading
import time


PLUGIN_ID = "login_lockout"
SOURCE_USERS = "source_users"
MACHINE_ROLES = ("HotlineIntegration",)  # accounts of other systems, counted per source address
MAX_RECORDS = 20000  # logins remembered at once in each bucket; beyond, expired ones go first


def now():
    """Seconds since the epoch (tests move it)."""
    return time.time()


@dataclass
class _Record:
    failures: list = field(default_factory=list)  # times of the failures within the window
    locked_at: float = 0.0
    locked_until: float = 0.0


# (plugin path, login[, source address]) -> _Record, this instance's memory only (see the module's
# docstring): one bucket for the logins of existing accounts, one for logins no account has
_account_records = {}
_unknown_records = {}
_records_lock = threading.Lock()
_stand_in = []  # a hash of a random password, checked for unknown logins (as long as a real check)


def forget_all():
    """Clear this instance's counts (tests)."""
    with _records_lock:
        _account_records.clear()
        _unknown_records.clear()


@implementer(IAuthenticationPlugin)
class LoginLockout(BasePlugin):
    """Checks passwords through ``source_users`` and refuses a login locked by failures."""

    meta_type = "Suizhou Login Lockout"
    security = ClassSecurityInfo()

    max_attempts = 5
    window_minutes = 15
    lock_minutes = 15
    _properties = (
        {"id": "title", "type": "string", "mode": "w"},
        {"id": "max_attempts", "type": "int", "mode": "w", "label": "Failed logins that lock"},
        {"id": "window_minutes", "type": "int", "mode": "w", "label": "Counted within (minutes)"},
        {"id": "lock_minutes", "type": "int", "mode": "w", "label": "Locked for (minutes)"},
    )

    def __init__(self, id, title=None):
        self._setId(id)
        self.title = title
        self._resets = OOBTree()  # login -> time the district administrator reset the account

    def _key(self, login, machine=False):
        key = ("/".join(self.getPhysicalPath()), login)
        if machine:
            request = getattr(self, "REQUEST", None)
            key += (request.getClientAddr() if request is not None else "",)
        return key

    def _users(self):
        return getattr(aq_parent(self), SOURCE_USERS, None)

    def _is_machine(self, userid):
        user = aq_parent(self).getUserById(userid)
        return user is not None and any(role in MACHINE_ROLES for role in user.getRoles())

    security.declarePrivate("authenticateCredentials")

    def authenticateCredentials(self, credentials):
        login = credentials.get("login")
        password = credentials.get("password")
        users = self._users()
        if not login or password is None or users is None:
            return None
        try:
            userid = users.getUserIdForLogin(login)
        except KeyError:
            userid = None
        # looked up for unknown logins too: the same work whether the login exists or not
        machine = self._is_machine(userid if userid is not None else login)
        key = self._key(login, machine=machine and userid is not None)
        records = _account_records if userid is not None else _unknown_records
        minutes = self._locked_minutes(records, key, login)
        if minutes:
            self._tell_login_form(minutes)
            return None
        if userid is None:
            _check_stand_in(users, password)
        result = users.authenticateCredentials(credentials)
        if result is None or result[0] is None:
            self._failed(records, key, login)
            return result
        with _records_lock:
            records.pop(key, None)
        return result

    security.declarePrivate("locked_minutes")

    def locked_minutes(self, login):
        """Minutes (rounded up) the login stays locked; 0 when it is not locked."""
        return self._locked_minutes(_account_records, self._key(login), login)

    def _locked_minutes(self, records, key, login):
        with _records_lock:
            record = records.get(key)
        if record is None:
            return 0
        current = now()
        if record.locked_until <= current or record.locked_at <= self._resets.get(login, 0):
            return 0
        return math.ceil((record.locked_until - current) / 60)

    def _failed(self, records, key, login):
        current = now()
        since = max(current - self.window_minutes * 60, self._resets.get(login, 0))
        with _records_lock:
            if key not in records and len(records) >= MAX_RECORDS:
                _forget_expired(records, current - self.window_minutes * 60, current)
            record = records.setdefault(key, _Record())
            record.failures = [t for t in record.failures if t > since] + [current]
            if len(record.failures) >= self.max_attempts:
                record.failures = []
                record.locked_at = current
                record.locked_until = current + self.lock_minutes * 60

    security.declarePrivate("unlock")

    def unlock(self, login):
        """The district administrator's reset: unlocks on this instance and (stored) on all."""
        self._resets[login] = now()
        path = "/".join(self.getPhysicalPath())
        with _records_lock:
            for records in (_account_records, _unknown_records):
                for key in [key for key in records if key[:2] == (path, login)]:
                    del records[key]

    def _tell_login_form(self, minutes):
        request = getattr(self, "REQUEST", None)
        if request is None or "__ac_password" not in getattr(request, "form", {}):
            return  # only the login form shows messages; other channels get their usual refusal
        message = _(
            "login_locked",
            default="登录失败次数过多，账户已暂时锁定，请 ${minutes} 分钟后再试或联系区管理员重置",
            mapping={"minutes": minutes},
        )
        IStatusMessage(request).add(message, type="error")


InitializeClass(LoginLockout)


def _check_stand_in(users, password):
    """Check ``password`` against a stand-in hash made as ``users`` makes its own."""
    if not _stand_in:
        _stand_in.append(users._pw_encrypt(secrets.token_urlsafe(16)))
    AuthEncoding.pw_validate(_stand_in[0], password)


def _forget_expired(records, since, current):
    """Make room in the bucket ``records`` (with ``_records_lock`` held): drop the records with no
    failure since ``since`` and no lock in force; if none, half of them, those without a lock in
    force and least recently failed first."""
    expired = [
        key
        for key, record in records.items()
        if record.locked_until <= current and not any(t > since for t in record.failures)
    ]
    if not expired:  # the least recently active half, running locks last
        expired = sorted(
            records,
            key=lambda key: (records[key].locked_until > current, max(records[key].failures, default=0)),
        )[: len(records) // 2]
    for key in expired:
        del records[key]


def install(portal):
    """Add the plugin, make it the first authentication plugin and the gate of ``source_users``.
    Safe to run again."""
    acl_users = portal.acl_users
    if PLUGIN_ID not in acl_users.objectIds():
        acl_users._setObject(PLUGIN_ID, LoginLockout(PLUGIN_ID, title="登录失败锁定"))
    plugins = acl_users.plugins
    if PLUGIN_ID not in plugins.listPluginIds(IAuthenticationPlugin):
        plugins.activatePlugin(IAuthenticationPlugin, PLUGIN_ID)
    plugins.movePluginsTop(IAuthenticationPlugin, [PLUGIN_ID])
    if SOURCE_USERS in plugins.listPluginIds(IAuthenticationPlugin):
        plugins.deactivatePlugin(IAuthenticationPlugin, SOURCE_USERS)


def uninstall(portal):
    """Remove the plugin and let ``source_users`` check passwords itself again."""
    acl_users = portal.acl_users
    plugins = acl_users.plugins
    if SOURCE_USERS not in plugins.listPluginIds(IAuthenticationPlugin):
        plugins.activatePlugin(IAuthenticationPlugin, SOURCE_USERS)
    if PLUGIN_ID in acl_users.objectIds():
        acl_users._delObject(PLUGIN_ID)  # PAS takes it out of the plugin registry too


def unlock(user):
    """Unlock ``user``'s login (the district administrator's reset)."""
    plugin = api.portal.get_tool("acl_users").get(PLUGIN_ID)
    if plugin is not None:
        plugin.unlock(user.getUserName())
