"""Lockout after repeated failed logins (issue 13 item 6), a PAS plugin of the Plone site.

PAS asks every authentication plugin and takes any that says yes, so a plugin that merely says
no cannot stop ``source_users``. Instead this plugin is the gate in front of it: it is the only
active authentication plugin for login and password (``source_users`` is deactivated for
authentication on install and checked from here), so a locked login is refused whichever way
the password comes (login form, HTTP basic, the REST API's ``@login``). The session cookie of a
login made before the lock is checked by ``session`` and is not affected.

Where the counts live: failed attempts are counted in this instance's memory, never in the
database, so that anonymous guessing causes no ZODB writes (and a failed login's transaction is
often aborted anyway: a 401 aborts it). Only logins of existing accounts are counted. With several
instances (ZEO clients) each counts on its own: a guesser spread over N instances gets up to N times
the attempts, and a restart forgets the counts; the lock period is short anyway. The administrator's
reset is stored (a rare, authenticated write) so that it unlocks on every instance.

The limits are properties of the plugin (ZMI: acl_users/login_lockout, Properties).
"""

from AccessControl.class_init import InitializeClass
from AccessControl.SecurityInfo import ClassSecurityInfo
from Acquisition import aq_parent
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
import threading
import time


PLUGIN_ID = "login_lockout"
SOURCE_USERS = "source_users"


def now():
    """Seconds since the epoch (tests move it)."""
    return time.time()


@dataclass
class _Record:
    failures: list = field(default_factory=list)  # times of the failures within the window
    locked_at: float = 0.0
    locked_until: float = 0.0


# (plugin path, login) -> _Record, this instance's memory only (see the module's docstring)
_records = {}
_records_lock = threading.Lock()


def forget_all():
    """Clear this instance's counts (tests)."""
    with _records_lock:
        _records.clear()


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

    def _key(self, login):
        return ("/".join(self.getPhysicalPath()), login)

    def _users(self):
        return getattr(aq_parent(self), SOURCE_USERS, None)

    security.declarePrivate("authenticateCredentials")

    def authenticateCredentials(self, credentials):
        login = credentials.get("login")
        password = credentials.get("password")
        users = self._users()
        if not login or password is None or users is None:
            return None
        minutes = self.locked_minutes(login)
        if minutes:
            self._tell_login_form(minutes)
            return None
        result = users.authenticateCredentials(credentials)
        if result is None or result[0] is None:
            if users.getUserIdForLogin(login) is not None:  # unknown names take no memory
                self._failed(login)
            return result
        with _records_lock:
            _records.pop(self._key(login), None)
        return result

    security.declarePrivate("locked_minutes")

    def locked_minutes(self, login):
        """Minutes (rounded up) the login stays locked; 0 when it is not locked."""
        with _records_lock:
            record = _records.get(self._key(login))
        if record is None:
            return 0
        current = now()
        if record.locked_until <= current or record.locked_at <= self._resets.get(login, 0):
            return 0
        return math.ceil((record.locked_until - current) / 60)

    def _failed(self, login):
        current = now()
        since = max(current - self.window_minutes * 60, self._resets.get(login, 0))
        with _records_lock:
            record = _records.setdefault(self._key(login), _Record())
            record.failures = [t for t in record.failures if t > since] + [current]
            if len(record.failures) >= self.max_attempts:
                record.failures = []
                record.locked_at = current
                record.locked_until = current + self.lock_minutes * 60

    security.declarePrivate("unlock")

    def unlock(self, login):
        """The district administrator's reset: unlocks on this instance and (stored) on all."""
        self._resets[login] = now()
        with _records_lock:
            _records.pop(self._key(login), None)

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
