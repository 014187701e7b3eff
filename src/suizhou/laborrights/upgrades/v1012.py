"""1011 → 1012: a government site's identity, menu, sections and search (issue 16 items 2, 3).

- New registry records of the public control panel (主办/承办单位, ICP 备案号, 公安备案号,
  网站标识码, the 政府网站找错 link, the search synonyms): re-importing the registry step adds
  them with their defaults and keeps every existing record's value;
- the main menu's 调解员 and 进度查询 (``portal_tabs`` actions);
- the 常见问题 and 政策法规 folders, with their layouts (``public.setup.create_sections``; the
  other folders keep their layouts)."""

from plone import api
from suizhou.laborrights import logger
from suizhou.laborrights.public.setup import create_sections


PROFILE = "profile-suizhou.laborrights:default"


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("plone.app.registry", "actions"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    create_sections(api.portal.get())
    logger.info("Upgraded to 1012: site identity settings, search synonyms, menu, FAQ and policy sections.")
