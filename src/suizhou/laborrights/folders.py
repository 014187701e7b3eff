"""The ids of the folders the default profile creates at the site root."""

REGISTER_ID = "cases"
STATIONS_ID = "stations"
GUIDES_ID = "guides"
TYPICAL_CASES_ID = "typical-cases"
NEWS_ID = "news"
FAQ_ID = "faq"
POLICIES_ID = "policies"
