"""Fixtures shared by all tests.

Tests that need ../shared (real-world test data beside the clone) skip with a reason where it is absent;
`.ci/run` sets ASHRAF_REQUIRE_SHARED=1 so that there such a skip fails the run instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BUNDLED_ARCHIVE = REPO / "archive"
SHARED = Path(os.environ.get("ASHRAF_SHARED_DIR", REPO.parent / "shared"))


def _require_shared(sub: str) -> Path:
    path = SHARED / sub
    if not path.exists():
        if os.environ.get("ASHRAF_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} is missing but ASHRAF_REQUIRE_SHARED=1 (CI must run the real-data tests)")
        pytest.skip(f"real test data not found at {path} (a contributor's clone without ../shared)")
    return path


@pytest.fixture(scope="session")
def shared_testdata() -> Path:
    """../shared/testdata: real photos, PDFs, HTML, office files, RTL texts, dated corpora."""
    return _require_shared("testdata")


@pytest.fixture(scope="session")
def shared_seeds() -> Path:
    """../shared/seeds: the source texts of the bundled archive."""
    return _require_shared("seeds")


@pytest.fixture(scope="session")
def tesseract():
    """The OCR engine (``core.ocr.Engine``) with eng, fas and ara: skips where Tesseract is not installed,
    fails under ASHRAF_REQUIRE_SHARED=1 (CI installs it through scripts/bootstrap.sh)."""
    from ashraf_desktop.core.ocr import EngineMissing, find_engine
    try:
        engine = find_engine()
    except EngineMissing as missing:
        reason = missing.reason
    else:
        lacking = engine.missing(["eng", "fas", "ara"])
        if not lacking:
            return engine
        reason = f"Tesseract has no data for {', '.join(lacking)}"
    if os.environ.get("ASHRAF_REQUIRE_SHARED") == "1":
        pytest.fail(f"{reason} but ASHRAF_REQUIRE_SHARED=1 (CI must run the OCR tests)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def bundled_archive_path() -> Path:
    return BUNDLED_ARCHIVE


@pytest.fixture(autouse=True)
def _user_dirs_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user data/cache folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))


# --- no network, anywhere ----------------------------------------------------------------------------------
# Every test runs with outgoing connections refused: socket.socket.connect/connect_ex/sendto,
# socket.create_connection and socket.getaddrinfo raise (or return ECONNREFUSED) for any host that is not
# this machine, and the attempt fails the test that made it. Loopback and AF_UNIX sockets (a local server a
# test started itself, D-Bus, X11) pass. The host test uses the rules of tests/netguard/sitecustomize.py,
# which guards the subprocesses that start the app (tests/packaging/test_no_network.py,
# tests/reliability/test_offline.py).

def _load_netguard():
    import importlib.util
    spec = importlib.util.spec_from_file_location("_ashraf_netguard_rules",
                                                  Path(__file__).parent / "netguard" / "sitecustomize.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # installs nothing unless ASHRAF_NETGUARD_LOG is set
    return module


_NETGUARD = _load_netguard()
NETWORK_ATTEMPTS: list[str] = []  # this test's refused attempts (any thread)


def _install_network_guard() -> None:
    import socket
    if getattr(socket, "_ashraf_test_guard", False):
        return
    original = {name: getattr(socket.socket, name) for name in ("connect", "connect_ex", "sendto")}
    original_getaddrinfo, original_create_connection = socket.getaddrinfo, socket.create_connection

    def inet(sock) -> bool:
        return sock.family in (socket.AF_INET, socket.AF_INET6)

    def refuse(kind: str, target: object) -> ConnectionRefusedError:
        NETWORK_ATTEMPTS.append(f"{kind} {target!r}")
        return ConnectionRefusedError(f"network access blocked in tests ({kind} {target!r})")

    def connect(self, address):
        if inet(self) and not _NETGUARD._is_local_address(address):
            raise refuse("connect", address)
        return original["connect"](self, address)

    def connect_ex(self, address):
        if inet(self) and not _NETGUARD._is_local_address(address):
            refuse("connect_ex", address)
            return 111  # ECONNREFUSED
        return original["connect_ex"](self, address)

    def sendto(self, data, *args):
        address = args[-1] if args else None
        if inet(self) and address is not None and not _NETGUARD._is_local_address(address):
            raise refuse("sendto", address)
        return original["sendto"](self, data, *args)

    def getaddrinfo(host, *args, **kwargs):
        if not _NETGUARD._is_local_host(host):
            raise socket.gaierror(socket.EAI_NONAME, str(refuse("getaddrinfo", host)))
        return original_getaddrinfo(host, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        if not _NETGUARD._is_local_address(address):
            raise refuse("create_connection", address)
        return original_create_connection(address, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo
    socket.create_connection = create_connection
    socket._ashraf_test_guard = True  # type: ignore[attr-defined]


_install_network_guard()


@pytest.fixture(autouse=True)
def _no_network():
    """Fail any test that tried to reach another machine (the attempt itself was already refused)."""
    NETWORK_ATTEMPTS.clear()
    yield NETWORK_ATTEMPTS
    attempts = list(NETWORK_ATTEMPTS)
    NETWORK_ATTEMPTS.clear()
    if attempts:
        pytest.fail("the test tried to use the network: " + "; ".join(attempts[:5]), pytrace=False)
