"""Documents of a case: the written documents (文书) from the Word templates an administrator
edits (issued on the case with their number and date, the applicant's notices by themselves when
their event happens, PDF by LibreOffice once), the registration form and the 口头申请笔录 as
reportlab PDFs, and the QR code to the progress page."""
