"""The access log: who read which case's personal data, downloaded, exported or searched."""
