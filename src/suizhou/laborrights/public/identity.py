"""The site's identity as a government website (政府网站发展指引): the footer's 主办单位,
承办单位, ICP 备案号, 公安备案号, 网站标识码 and 政府网站找错 link (settings of the public control
panel), and the accessibility statement (``@@accessibility-info``, in place of Plone's).

The footer lines are a viewlet of Plone's footer; the theme (rules.xml) puts them in its own
footer. Settings left empty are left out.
"""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from suizhou.laborrights import settings
from suizhou.laborrights.public.page import PublicPage

import re


ICP_QUERY_URL = "https://beian.miit.gov.cn/"
POLICE_QUERY_URL = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"


def identity():
    """The footer's identity settings, stripped ('' when not set)."""
    names = ("site_sponsor", "site_organiser", "icp_number", "police_number", "site_code", "error_report_url")
    return {name: (settings.setting("public", name, "") or "").strip() for name in names}


class SiteIdentity(ViewletBase):
    """主办/承办单位, 备案号, 网站标识码, 找错 and accessibility links, for the footer."""

    def update(self):
        super().update()
        self.identity = identity()
        digits = re.sub(r"\D", "", self.identity["police_number"])
        self.police_url = POLICE_QUERY_URL.format(code=digits) if digits else ""
        self.icp_url = ICP_QUERY_URL
        self.accessibility_url = f"{api.portal.get().absolute_url()}/accessibility-info"


class AccessibilityStatement(PublicPage):
    """无障碍声明: what the site does for people with a disability or a small screen, and whom
    to tell when something does not work."""

    def update(self):
        self.identity = identity()
        self.hotlines = settings.lines("public", "hotlines", 2)
