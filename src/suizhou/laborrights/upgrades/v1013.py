"""1012 → 1013: the public gets the theme's own small CSS and scripts (issue 16 item 1).

The theme's rules link its files under a versioned URL given by a new theme parameter,
``theme_resources`` (theme/manifest.cfg); Plone keeps a theme's parameters in the registry when
the theme is applied, so the theme is applied again to store it. The sitemap (sitemap.xml, sitemap.xml.gz) is switched
on (registry ``plone.enable_sitemap``, as a new site has it)."""

from plone import api
from plone.app.theming.utils import applyTheme
from plone.app.theming.utils import getTheme
from suizhou.laborrights import logger


def upgrade(context):
    applyTheme(getTheme("suizhou.laborrights"))
    api.portal.set_registry_record("plone.enable_sitemap", True)
    logger.info("Upgraded to 1013: the theme re-applied (its theme_resources parameter), sitemap on.")
