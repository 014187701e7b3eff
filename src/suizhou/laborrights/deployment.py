"""Safety of a production deployment: which environment this instance runs in, no start with the
development administrator password, demo content only in development.

The buildout profiles set ``LABORRIGHTS_ENVIRONMENT`` in every instance's environment
(``development`` in profiles/base.cfg, ``production`` in the ZEO and RelStorage profiles).
"""

import logging
import os


ENVIRONMENT_VARIABLE = "LABORRIGHTS_ENVIRONMENT"
# Set for the one maintenance run that changes the password (scripts/set_admin_password.py).
OVERRIDE_VARIABLE = "LABORRIGHTS_ALLOW_DEVELOPMENT_PASSWORD"
DEVELOPMENT_PASSWORD = "admin"
REFUSAL = (
    "生产环境拒绝启动：Zope 管理员 {users} 仍在使用开发环境的默认密码。"
    "请修改密码：LABORRIGHTS_ALLOW_DEVELOPMENT_PASSWORD=1 ADMIN_PASSWORD='<新密码>' "
    "bin/instance1 run scripts/set_admin_password.py（见 docs/deployment.md 第 7 节）。"
    " / Refusing to start a production instance: the Zope administrator(s) {users} still have the"
    " development password."
)

logger = logging.getLogger("suizhou.laborrights.deployment")


def is_production():
    return os.environ.get(ENVIRONMENT_VARIABLE, "development") == "production"


def demo_allowed():
    """The fictional demo content belongs to development sites only."""
    return not is_production()


def users_with_development_password(user_folder):
    """Logins of the Zope root user folder whose password is the development one."""
    found = []
    plugin = getattr(user_folder, "users", None)  # a PAS root folder keeps its users there
    if plugin is not None and hasattr(plugin, "authenticateCredentials"):
        for login in plugin.listUserIds():
            if plugin.authenticateCredentials({"login": login, "password": DEVELOPMENT_PASSWORD}):
                found.append(login)
        return found
    for user in user_folder.getUsers():
        if user_folder.authenticate(user.getUserName(), DEVELOPMENT_PASSWORD, None) is not None:
            found.append(user.getUserName())
    return found


def refuse_development_password(event):
    """On start (IDatabaseOpenedWithRoot): a production instance whose root administrator still
    has the development password does not start."""
    if not is_production():
        return
    if os.environ.get(OVERRIDE_VARIABLE) == "1":
        logger.warning("Production instance started with %s=1: change the administrator password now.",
                       OVERRIDE_VARIABLE)
        return
    connection = event.database.open()
    try:
        application = connection.root().get("Application")
        users = users_with_development_password(application.acl_users) if application is not None else []
    finally:
        connection.close()
    if users:
        message = REFUSAL.format(users="、".join(users))
        logger.critical(message)
        raise SystemExit(message)
