"""1016 → 1017: the station map's base map settings (issue 16 item 7).

``public.map_label_tile_url`` (a layer of place names over the base map, as 天地图 needs),
``public.map_tile_subdomains`` (the values of {s}, 01234567 for 天地图) and
``public.map_tile_datum`` (wgs84, or gcj02 for 高德/腾讯 tiles) become fields of the public
control panel: re-importing the registry step adds their records with their defaults and keeps
every existing record's value (the tile server an administrator set stays)."""

from plone import api
from suizhou.laborrights import logger


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    logger.info("Upgraded to 1017: the station map's label layer, subdomains and datum are settings.")
