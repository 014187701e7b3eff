"""The employer's reply to a complaint: a link sent by SMS, a one-time code, a reply and files."""
