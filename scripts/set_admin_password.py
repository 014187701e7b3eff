"""Set the password of a Zope administrator (the user in the Zope root's /acl_users).

    ADMIN_PASSWORD='…' bin/instance run scripts/set_admin_password.py
    ADMIN_USER=ops ADMIN_PASSWORD='…' bin/instance1 run scripts/set_admin_password.py

The user is created (with the Manager role) if it does not exist. The password is read from the
environment, not the command line, so that it does not show in the process list or the shell's
history file. With FileStorage (development) stop the instance first; with ZEO or RelStorage the
clients may keep running.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system

import os
import sys
import transaction


def main(app):
    user_id = os.environ.get("ADMIN_USER", "admin")
    password = os.environ.get("ADMIN_PASSWORD", "")
    if len(password) < 8:
        sys.exit("Set ADMIN_PASSWORD (8 characters or more) in the environment.")
    newSecurityManager(None, system)
    users = app.acl_users.users  # the ZODBUserManager of the root's PluggableAuthService
    if user_id in users.listUserIds():
        users.updateUserPassword(user_id, password)
        print(f"Password of {user_id} changed.")
    else:
        users.addUser(user_id, user_id, password)
        app.acl_users.roles.assignRoleToPrincipal("Manager", user_id)
        print(f"Created Zope administrator {user_id} (Manager).")
    transaction.commit()


main(app)  # noqa: F821 - `app` is given by `bin/instance run`
