"""A socket guard for "the app makes no network connection" tests.

Put this folder first on PYTHONPATH and Python imports it at start-up (the ``site`` module imports any
``sitecustomize`` it finds). Every attempt to reach a host that is not this machine is refused with an
``OSError`` and recorded, one JSON object a line, in the file named by ``ASHRAF_NETGUARD_LOG``:

    PYTHONPATH=tests/netguard ASHRAF_NETGUARD_LOG=/tmp/net.jsonl QT_QPA_PLATFORM=offscreen \\
        .venv/bin/ashraf-desktop --smoke
    test ! -s /tmp/net.jsonl    # no attempt

Guarded: ``socket.socket.connect``/``connect_ex``/``sendto``, ``socket.create_connection`` and
``socket.getaddrinfo`` (a name lookup is an attempt, unless the name is this machine). Local traffic passes:
AF_UNIX sockets (D-Bus, X11), loopback addresses, ``localhost``. Without ``ASHRAF_NETGUARD_LOG`` the guard
is not installed, so having this folder on the path by accident changes nothing.

This guards Python code only; Qt's own C++ networking is not used by the app (QtNetwork is not imported,
and the bundle test watches system calls with strace instead: scripts/smoke-bundle).
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import sys
import threading
import traceback

_LOG = os.environ.get("ASHRAF_NETGUARD_LOG")
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", ""}
_lock = threading.Lock()


def _is_local_host(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%")[0].lower()
    if host in _LOCAL_NAMES:
        return True
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return False
    return addr.is_loopback or addr.is_unspecified


def _is_local_address(address: object) -> bool:
    if isinstance(address, (str, bytes)):  # an AF_UNIX path or abstract name
        return True
    if isinstance(address, tuple) and address:
        return _is_local_host(address[0])
    return False


def _record(kind: str, target: object) -> None:
    entry = {"kind": kind, "target": repr(target), "pid": os.getpid(),
             "stack": traceback.format_stack(limit=8)[:-2]}
    with _lock:
        try:
            with open(_LOG, "a", encoding="utf-8") as fh:  # type: ignore[arg-type]
                fh.write(json.dumps(entry) + "\n")
        except OSError:
            pass
    print(f"netguard: refused {kind} to {target!r}", file=sys.stderr)


def _refuse(kind: str, target: object) -> OSError:
    _record(kind, target)
    return ConnectionRefusedError(f"network access blocked by tests/netguard ({kind} {target!r})")


def install() -> None:
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex
    original_sendto = socket.socket.sendto
    original_getaddrinfo = socket.getaddrinfo
    original_create_connection = socket.create_connection

    def _inet(sock: socket.socket) -> bool:
        return sock.family in (socket.AF_INET, socket.AF_INET6)

    def connect(self, address):
        if _inet(self) and not _is_local_address(address):
            raise _refuse("connect", address)
        return original_connect(self, address)

    def connect_ex(self, address):
        if _inet(self) and not _is_local_address(address):
            _refuse("connect_ex", address)
            return 111  # ECONNREFUSED
        return original_connect_ex(self, address)

    def sendto(self, data, *args):
        address = args[-1] if args else None
        if _inet(self) and address is not None and not _is_local_address(address):
            raise _refuse("sendto", address)
        return original_sendto(self, data, *args)

    def getaddrinfo(host, *args, **kwargs):
        if not _is_local_host(host):
            raise socket.gaierror(socket.EAI_NONAME, str(_refuse("getaddrinfo", host)))
        return original_getaddrinfo(host, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        if not _is_local_address(address):
            raise _refuse("create_connection", address)
        return original_create_connection(address, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo
    socket.create_connection = create_connection
    socket._ashraf_netguard = True  # type: ignore[attr-defined]


if _LOG:
    install()
