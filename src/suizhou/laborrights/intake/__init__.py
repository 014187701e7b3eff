"""The intake desk (受理台): registering matters at a window, by phone or from 12345, oral
applications, the printed receipt, and closing a case with its outcome."""
