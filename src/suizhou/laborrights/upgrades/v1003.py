"""1002 → 1003: public filing — the filing settings and control panel, the four forms under
/apply, and the duplicate fingerprints of recent cases (see forms/install.py)."""

from suizhou.laborrights.forms.install import upgrade as upgrade_filing


def upgrade(context):
    upgrade_filing(context)
