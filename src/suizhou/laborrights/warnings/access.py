"""Who sees which warnings: the city (``staff.administered``: managers, site administrators, the
市局管理员 group) all of them, a district administrator those touching the district, nobody else
any."""

from suizhou.laborrights.staff.administered import administered_districts


def may_see(warning, districts):
    """Whether a warning is visible to someone who sees ``districts`` (``administered_districts``:
    None for the whole city, else the district codes)."""
    return districts is None or bool(districts.intersection(warning.districts))


def may_see_any(user=None):
    return administered_districts(user) != frozenset()
