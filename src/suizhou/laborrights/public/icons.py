"""Inline SVG icons of the home page's service entries (24×24, stroke, currentColor).

Inline, so that nothing is fetched from outside the site and the icons follow the text colour
(high contrast included). They are decorative: the entry's name is the accessible text.
"""

_PATHS = {
    # a megaphone: to complain
    "complaint": '<path d="M3 10v4h3l6 4V6L6 10H3z"/><path d="M16 9a4 4 0 0 1 0 6"/>'
    '<path d="M19 6a8 8 0 0 1 0 12"/>',
    # two speech bubbles: mediation
    "mediation": '<path d="M4 5h10v7H8l-4 3z"/><path d="M14 9h6v7l-3-2h-5v-2"/>',
    # scales: arbitration
    "arbitration": '<path d="M12 4v16M7 20h10M5 7h14"/><path d="M5 7l-3 6a3 3 0 0 0 6 0z"/>'
    '<path d="M19 7l-3 6a3 3 0 0 0 6 0z"/>',
    # a building: enterprises
    "enterprise": '<path d="M4 21V5l8-2v18M12 9h8v12M7 8h2M7 12h2M7 16h2M15 13h2M15 17h2M2 21h20"/>',
    # a magnifier over a list: progress
    "progress": '<path d="M4 5h9M4 10h6M4 15h4"/><circle cx="15" cy="14" r="4"/><path d="M18 17l3 3"/>',
    # a map pin: stations
    "stations": '<path d="M12 21s-6-6.2-6-11a6 6 0 0 1 12 0c0 4.8-6 11-6 11z"/>'
    '<circle cx="12" cy="10" r="2"/>',
    # a person with a badge: mediators
    "mediators": '<circle cx="12" cy="7" r="3.5"/><path d="M5 21v-2a7 7 0 0 1 14 0v2"/>'
    '<path d="M12 14l1 2-1 2-1-2z"/>',
    # an open book: typical cases
    "cases": '<path d="M3 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H3z"/>'
    '<path d="M21 5h-6a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h7z"/>',
    # a clipboard with ticks: checklists
    "checklists": '<path d="M9 4h6v3H9z"/><path d="M7 5H5v16h14V5h-2"/>'
    '<path d="M8 12l1.5 1.5L12 11M8 17l1.5 1.5L12 16M14 12h3M14 17h3"/>',
    # a briefcase: gig work
    "gig": '<path d="M3 8h18v11H3z"/><path d="M9 8V5h6v3M3 13h18"/>',
    # a telephone: hotlines
    "phone": '<path d="M5 3h4l2 5-3 2a11 11 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2'
    'A17 17 0 0 1 3 5a2 2 0 0 1 2-2z"/>',
}
_DEFAULT = '<circle cx="12" cy="12" r="8"/><path d="M12 8v8M8 12h8"/>'


def icon(code):
    """The SVG markup of an icon, hidden from assistive technology."""
    return (
        '<svg class="sz-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" '
        'fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" '
        f'stroke-linejoin="round">{_PATHS.get(code, _DEFAULT)}</svg>'
    )
