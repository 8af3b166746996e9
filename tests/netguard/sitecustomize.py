"""Loaded by every Python the test suite starts (PYTHONPATH): no IP socket may be created.

The app promises that personal data never leaves the machine; with OPERATOR_APP_NO_NETWORK=1
creating an AF_INET/AF_INET6 socket raises, so a CLI run that tried would crash its test.
Local (AF_UNIX) sockets stay allowed.
"""

from __future__ import annotations

import os
import socket

if os.environ.get("OPERATOR_APP_NO_NETWORK") == "1":
    _real_init = socket.socket.__init__

    def _guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):  # type: ignore[no-untyped-def]
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            raise PermissionError(
                "operator-app test guard: an IP network socket was created "
                f"(family {family}); the app must never use the network"
            )
        _real_init(self, family, type, proto, fileno)

    socket.socket.__init__ = _guarded_init  # type: ignore[method-assign]
