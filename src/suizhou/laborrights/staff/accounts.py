"""Staff accounts of a district, kept by its administrator (group ``district_admins_<code>``).

A district administrator may create an account, put it in the staff groups of its own district's
units (``unit_staff_<UID>``), disable it and set a new password, and nothing else: never a unit
of another district, never a site-wide group (受理员（全市）, 市局管理员 …) or a role, never an
account that belongs to another district or to the city. Every check is made here, before
anything is changed; the changes themselves are made with the Manager role (a district
administrator has no right to manage users in Plone), through plone.api.

A disabled account keeps its data and its history but cannot log in: its password is replaced by
a random one nobody knows and it leaves its units' groups; a new password (reset) enables it again.
Which accounts are disabled, and by which district, is kept in an annotation of the site root
(user id -> district code): nowhere a user can edit (a member property such as the biography
would be, and an account typing a mark there would appear in a district's list).
"""

from BTrees.OOBTree import OOBTree
from plone import api
from suizhou.laborrights import _
from suizhou.laborrights.handling.assignment import ensure_unit_group
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.handling.assignment import UNIT_GROUP_PREFIX
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.staff import administered
from suizhou.laborrights.staff import lockout
from zope.annotation.interfaces import IAnnotations

import re
import secrets


MIN_PASSWORD_LENGTH = 10
USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{2,39}$")
DISABLED = "suizhou.laborrights.staff.disabled"  # site annotation: user id -> district code


def check_administers(district):
    if district not in administered.administered_district_codes():
        raise Refused(_("staff_refused_district", default="您只能管理本区县的工作人员账号。"))


def district_units(district):
    """{UID: title} of the units (service stations) of ``district``."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="ServiceStation", district=district)
    return {brain.UID: brain.Title for brain in brains}


def _unit_groups(district):
    return {unit_group_id(uid) for uid in district_units(district)}


def accounts(district):
    """[(user id, full name, unit UIDs, disabled)] of the accounts in the district's units."""
    units = district_units(district)
    found = {}
    for uid in units:
        for user in api.user.get_users(groupname=unit_group_id(uid)):
            found.setdefault(user.getId(), user)
    for user in _disabled_of(district):
        found.setdefault(user.getId(), user)
    return [
        (userid, user.getProperty("fullname") or userid, _units_of(user, units), is_disabled(user))
        for userid, user in sorted(found.items())
    ]


def _units_of(user, units):
    groups = api.group.get_groups(user=user)
    return sorted(g.getId()[len(UNIT_GROUP_PREFIX):] for g in groups if g.getId()[len(UNIT_GROUP_PREFIX):] in units)


def _disabled(create=False):
    annotations = IAnnotations(api.portal.get())
    disabled = annotations.get(DISABLED)
    if disabled is None and create:
        disabled = annotations[DISABLED] = OOBTree()
    return disabled if disabled is not None else {}


def disabled_by(userid):
    """The district that disabled the account, or None."""
    return _disabled().get(userid)


def is_disabled(user):
    return disabled_by(user.getId()) is not None


def mark_disabled(userid, district):
    _disabled(create=True)[userid] = district


def _disabled_of(district):
    users = (api.user.get(userid=userid) for userid, code in _disabled().items() if code == district)
    return [user for user in users if user is not None]


def belongs_to(userid, district):
    """Is the account one of ``district``'s staff, and nothing more? (Only in its units'
    groups, no role of its own; or disabled by this district, in no group and with no role.)

    Being disabled alone proves nothing: Plone's own user panel may have given the account other
    groups or roles since."""
    user = api.user.get(userid=userid)
    if user is None:
        return False
    groups = {g for g in user.getGroups() if g != "AuthenticatedUsers"}
    roles = set(api.user.get_roles(user=user)) - {"Member", "Authenticated"}
    if roles or not groups <= _unit_groups(district):
        return False
    if is_disabled(user):
        return disabled_by(userid) == district
    return bool(groups)


def check_account(userid, district):
    if not belongs_to(userid, district):
        raise Refused(
            _("staff_refused_account", default="该账号不属于本区县的工作人员，您不能管理。")
        )


def check_units(units, district):
    units = list(units or ())
    if not units:
        raise Refused(_("staff_units_required", default="请至少选择一个本区县的承办单位。"))
    allowed = district_units(district)
    if any(uid not in allowed for uid in units):
        raise Refused(_("staff_refused_unit", default="只能分配到本区县的承办单位。"))
    return units


def check_password(password):
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise Refused(
            _(
                "staff_password_short",
                default="密码至少${length}位，请使用字母、数字和符号的组合。",
                mapping={"length": MIN_PASSWORD_LENGTH},
            )
        )


def create_account(district, username, fullname, email, password, units):
    check_administers(district)
    username = (username or "").strip()
    if not USERNAME.match(username):
        raise Refused(
            _(
                "staff_username_invalid",
                default="登录名须以小写字母开头，由3至40位小写字母、数字、点、下划线或连字符组成。",
            )
        )
    if api.user.get(username=username) is not None or api.group.get(groupname=username) is not None:
        raise Refused(_("staff_username_taken", default="该登录名已被使用，请换一个。"))
    if not (fullname or "").strip():
        raise Refused(_("staff_fullname_required", default="请填写姓名。"))
    units = check_units(units, district)
    check_password(password)
    with api.env.adopt_roles(["Manager"]):
        user = api.user.create(
            username=username,
            email=(email or "").strip() or f"{username}@invalid.example",
            password=password,
            properties={"fullname": fullname.strip()},
        )
        for uid in units:
            api.group.add_user(groupname=ensure_unit_group(uid), user=user)
    return user


def assign(district, userid, units):
    """Put the account in exactly ``units`` of the district (its other district groups left)."""
    check_administers(district)
    check_account(userid, district)
    units = set(check_units(units, district))
    with api.env.adopt_roles(["Manager"]):
        for uid in district_units(district):
            group = unit_group_id(uid)
            if uid in units:
                api.group.add_user(groupname=ensure_unit_group(uid), username=userid)
            elif api.group.get(groupname=group) is not None:
                api.group.remove_user(groupname=group, username=userid)


def disable(district, userid):
    check_administers(district)
    check_account(userid, district)
    with api.env.adopt_roles(["Manager"]):
        user = api.user.get(userid=userid)
        for uid in district_units(district):
            if api.group.get(groupname=unit_group_id(uid)) is not None:
                api.group.remove_user(groupname=unit_group_id(uid), username=userid)
        mark_disabled(userid, district)
        _set_password(user, secrets.token_urlsafe(32))


def reset_password(district, userid, password, units=None):
    """A new password; a disabled account is enabled again (in ``units``, required then)."""
    check_administers(district)
    check_account(userid, district)
    check_password(password)
    with api.env.adopt_roles(["Manager"]):
        user = api.user.get(userid=userid)
        if is_disabled(user):
            units = check_units(units, district)
            del _disabled()[userid]
            for uid in units:
                api.group.add_user(groupname=ensure_unit_group(uid), username=userid)
        _set_password(user, password)
        lockout.unlock(user)


def _set_password(user, password):
    api.portal.get_tool("acl_users").userSetPassword(user.getUserId(), password)
