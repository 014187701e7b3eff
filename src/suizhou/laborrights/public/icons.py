"""Icons of the home page's service entries, its hotlines and the finder's "nearest" button.

An icon is an empty ``<span class="sz-icon sz-icon-<code>">``: the drawings (24×24 line
icons) are in the theme's stylesheet (``theme/css/laborrights.css``, as CSS masks), which the
browser caches, instead of the same SVG markup in every page. They are painted in the text
colour (high contrast and forced colours included), nothing is fetched from outside the site,
and they are decorative: the entry's name is the accessible text.
"""

# The codes the stylesheet draws; any other code (an administrator's new entry) gets the
# default icon, a plus in a circle.
ICONS = frozenset(
    (
        "complaint",  # a megaphone
        "mediation",  # two speech bubbles
        "arbitration",  # scales
        "enterprise",  # a building
        "progress",  # a magnifier over a list
        "stations",  # a map pin
        "mediators",  # a person with a badge
        "cases",  # an open book
        "checklists",  # a clipboard with ticks
        "gig",  # a briefcase
        "phone",  # a telephone
    )
)


def icon(code):
    """The markup of an icon, hidden from assistive technology."""
    name = code if code in ICONS else "default"
    return f'<span class="sz-icon sz-icon-{name}" aria-hidden="true"></span>'
