"""Documents of a case: the registration form PDF, the written notices (文书) as page and PDF,
and the QR code to the progress page."""
