"""Personal data shown in part: enough to tell records apart, not enough to reach the person.

For the site's log lines, the citizen's receipts and the administrator's outbox page; the one
place for these masks.
"""

import re


# An e-mail address, and a run of 8 or more digits (a mobile number, an ID number) that is not
# part of a reference number such as SZ-2026-000123.
EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
DIGITS = re.compile(r"(?<![A-Za-z0-9-])\d{7,17}[0-9Xx](?![A-Za-z0-9-])")


def mask_phone(phone):
    """139****1234."""
    phone = (phone or "").strip()
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 8 else "****"


def mask_email(address):
    """z***@example.com."""
    local, at, domain = (address or "").strip().partition("@")
    return f"{local[:1]}***@{domain}" if at else "***"


def mask_id_number(number):
    """420***********1234: the first three and the last four characters."""
    number = (number or "").strip()
    return number[:3] + "*" * (len(number) - 7) + number[-4:] if len(number) > 8 else "****"


def mask_name(name):
    """王**: the family name."""
    name = (name or "").strip()
    return name[:1] + "*" * min(len(name) - 1, 3) if name else ""


def mask_text(text):
    """Free text for a log line (an SMS, an error message) with every e-mail address and every
    long number in it masked."""
    text = EMAIL.sub(lambda found: f"{found.group(1)}***@{found.group(2)}", str(text))
    return DIGITS.sub(lambda found: mask_phone(found.group(0)), text)
