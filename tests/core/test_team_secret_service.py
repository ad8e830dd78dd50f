"""The team password in the Secret Service, spoken over D-Bus directly (core/team/secret_service.py), against
a small Secret Service of the test's own on a private dbus-daemon: store, find (also a locked item, unlocked
through a prompt), replace, delete; and keyring-written items are found (same attributes)."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

jeepney = pytest.importorskip("jeepney")

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal  # noqa: E402
from jeepney.io.blocking import Proxy, open_dbus_connection  # noqa: E402

from ashraf_desktop.core.team.secret_service import KEYRING_APPID, SecretService, SecretServiceError  # noqa: E402

PROMPT = "org.freedesktop.Secret.Prompt"


class FakeSecretService(threading.Thread):
    """What GNOME Keyring answers, for the calls the app makes; items may start locked."""

    def __init__(self, address: str) -> None:
        super().__init__(daemon=True)
        self.conn = open_dbus_connection(bus=address)
        from jeepney import message_bus
        Proxy(message_bus, self.conn).RequestName("org.freedesktop.secrets")
        self.items: dict[str, dict] = {}  # path -> {"attributes", "secret", "locked"}
        self.prompts = itertools.count(1)
        self.numbers = itertools.count(1)
        self.stop = threading.Event()
        self.calls: list[str] = []

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                msg = self.conn.receive(timeout=0.2)
            except TimeoutError:
                continue
            except Exception:
                return
            if msg.header.message_type != MessageType.method_call:
                continue
            member = msg.header.fields[HeaderFields.member]
            self.calls.append(member)
            after = None
            try:
                sig, body, after = self.answer(msg, member)
                self.conn.send(new_method_return(msg, sig, body))
            except KeyError as error:
                self.conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (str(error),)))
            if after:
                self.conn.send(after)

    def answer(self, msg, member):
        args = msg.body
        if member == "OpenSession":
            assert args[0] == "plain"
            return "vo", (("s", ""), "/org/freedesktop/secrets/session/1"), None
        if member == "Close":
            return "", (), None
        if member == "SearchItems":
            wanted = args[0]
            found = [p for p, it in self.items.items() if all(it["attributes"].get(k) == v for k, v in wanted.items())]
            return "aoao", ([p for p in found if not self.items[p]["locked"]],
                            [p for p in found if self.items[p]["locked"]]), None
        if member == "Unlock":
            self.pending = list(args[0])
            return "aoo", ([], f"/org/freedesktop/secrets/prompt/p{next(self.prompts)}"), None
        if member == "Prompt":
            path = msg.header.fields[HeaderFields.path]
            for p in self.pending:
                self.items[p]["locked"] = False
            signal = new_signal(DBusAddress(path, interface=PROMPT), "Completed", "bv", (False, ("ao", self.pending)))
            return "", (), signal
        if member == "GetSecrets":
            return "a{o(oayays)}", ({p: (args[1], b"", self.items[p]["secret"], "text/plain") for p in args[0]},), None
        if member == "CreateItem":
            props, (_session, _params, value, _ctype), replace = args
            attributes = props["org.freedesktop.Secret.Item.Attributes"][1]
            path = next((p for p, it in self.items.items() if it["attributes"] == attributes and replace), None)
            path = path or f"/org/freedesktop/secrets/collection/login/{next(self.numbers)}"
            self.items[path] = {"attributes": dict(attributes), "secret": bytes(value), "locked": False}
            return "oo", (path, "/"), None
        if member == "Delete":
            self.items.pop(msg.header.fields[HeaderFields.path], None)
            return "o", ("/",), None
        raise KeyError(member)


@pytest.fixture
def session_bus(tmp_path: Path, monkeypatch):
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (scripts/bootstrap.sh test installs it as root)")
    socket = tmp_path / "bus"
    proc = subprocess.Popen([daemon, "--session", "--nofork", "--print-address=1", f"--address=unix:path={socket}"],
                            stdout=subprocess.PIPE, text=True)
    address = proc.stdout.readline().strip()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    service = FakeSecretService(address)
    service.start()
    yield service
    service.stop.set()
    service.join(5)
    proc.terminate()
    proc.wait(10)


def test_store_find_replace_and_delete_a_password(session_bus) -> None:
    with SecretService() as ss:
        assert ss.get("Ashraf Archive team", "maryam @ postgresql://s/a") is None
        ss.set("Ashraf Archive team", "maryam @ postgresql://s/a", "first ﷽ secret")
        ss.set("Ashraf Archive team", "maryam @ postgresql://s/a", "second")
    [item] = session_bus.items.values()  # replaced, not added twice
    assert item["attributes"] == {"service": "Ashraf Archive team", "username": "maryam @ postgresql://s/a",
                                  "application": KEYRING_APPID}
    with SecretService() as ss:
        assert ss.get("Ashraf Archive team", "maryam @ postgresql://s/a") == "second"
        ss.delete("Ashraf Archive team", "maryam @ postgresql://s/a")
        assert ss.get("Ashraf Archive team", "maryam @ postgresql://s/a") is None


def test_a_locked_item_is_unlocked_through_the_prompt(session_bus) -> None:
    session_bus.items["/org/freedesktop/secrets/collection/login/9"] = {
        "attributes": {"service": "Ashraf Archive team", "username": "reza", "application": KEYRING_APPID},
        "secret": "written by keyring".encode(), "locked": True}
    with SecretService() as ss:
        assert ss.get("Ashraf Archive team", "reza") == "written by keyring"
    assert "Prompt" in session_bus.calls


def test_no_session_bus_is_an_error_the_caller_turns_into_asking(monkeypatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    with pytest.raises(SecretServiceError):
        SecretService(timeout=1)
    from ashraf_desktop.core.team import secrets
    monkeypatch.setattr(secrets, "_keyring_backend", lambda: None)
    assert secrets.get_password("postgresql://s/a", "maryam") is None  # -> the app asks


def test_the_app_uses_it_when_keyring_has_no_backend(session_bus, monkeypatch) -> None:
    from ashraf_desktop.core.team import secrets
    monkeypatch.setattr(secrets, "_keyring_backend", lambda: None)  # as in the packaged app
    assert secrets.keyring_available()
    assert secrets.set_password("postgresql://s/a", "maryam", "pw")
    assert secrets.get_password("postgresql://s/a", "maryam") == "pw"
    secrets.delete_password("postgresql://s/a", "maryam")
    assert secrets.get_password("postgresql://s/a", "maryam") is None
