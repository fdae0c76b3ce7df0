"""Receipt-printer transports, one module each, all behind ``base.Transport``.

A transport only moves bytes: it opens and closes (a context manager), sends bytes, says
whether it is usable and whether it can read, and where it can, asks one status byte.
``devices.urls.printer_transport`` is the one place that maps a URL to a transport;
``devices.printer`` holds what does not depend on how the bytes travel.
"""
