"""A station saved in its edit form gets a group for each partner agency ticked on it, so that
the administrator can put the partner's accounts in before anything is sent to it."""

from suizhou.laborrights.partners import units


def station_modified(station, event):
    for agency in station.partner_agencies or ():
        if agency != units.HOST_AGENCY:
            units.ensure_group(units.token(agency, station.UID()))
