"""What every export to a spreadsheet (CSV, Excel) shares."""

# A spreadsheet runs a cell that starts with one of these as a formula (openpyxl too stores such
# a string as a formula): text typed by the public or by staff (names, unit titles) is written
# with a leading apostrophe instead, so it stays text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value):
    """``value`` made safe for a spreadsheet cell: a str that would start a formula gets a
    leading apostrophe; anything else (numbers, dates, None) is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
