"""Staff accounts per district: the district administrator's accounts of its units' staff."""
