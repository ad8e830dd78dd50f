"""The freedesktop.org Secret Service (GNOME Keyring, KWallet, KeePassXC…) spoken directly over D-Bus.

``keyring`` reaches it through secretstorage, which needs ``cryptography`` (12.7 MB) for its encrypted
session; the packaged app leaves both out for size, so there this small client uses the specification's
``plain`` session instead: the secret crosses the local session bus unencrypted (a bus only this user's
processes share), exactly as libsecret allows. Items carry keyring's own attributes (``service``,
``username``, ``application``), so a password saved by a source install is found by the packaged app and
the other way round.

Any failure - no session bus, no service, a locked collection the user declines to open, a time-out -
raises :class:`SecretServiceError`; the caller then asks for the password instead.
"""

from __future__ import annotations

from contextlib import closing
from typing import Any

__all__ = ["SecretServiceError", "SecretService", "KEYRING_APPID"]

KEYRING_APPID = "Python keyring library"  # what keyring writes as "application": shared items
_BUS_NAME = "org.freedesktop.secrets"
_PATH = "/org/freedesktop/secrets"
_DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default"
_SERVICE = "org.freedesktop.Secret.Service"
_COLLECTION = "org.freedesktop.Secret.Collection"
_ITEM = "org.freedesktop.Secret.Item"
_PROMPT = "org.freedesktop.Secret.Prompt"


class SecretServiceError(Exception):
    """The Secret Service cannot be used here (the message says why)."""


class SecretService:
    """One connection and one ``plain`` session; use as a context manager."""

    def __init__(self, timeout: float = 5.0, prompt_timeout: float = 120.0) -> None:
        try:
            from jeepney.io.blocking import open_dbus_connection
        except ImportError as error:
            raise SecretServiceError(f"no D-Bus library ({error})") from error
        self.timeout, self.prompt_timeout = timeout, prompt_timeout
        try:
            self._conn = open_dbus_connection(bus="SESSION")
        except Exception as error:  # no DBUS_SESSION_BUS_ADDRESS, socket gone, auth refused
            raise SecretServiceError(f"no D-Bus session ({error})") from error
        try:
            _output, self._session = self._call(_PATH, _SERVICE, "OpenSession", "sv", ("plain", ("s", "")))
        except BaseException:
            self._conn.close()
            raise

    def close(self) -> None:
        try:
            self._call(self._session, "org.freedesktop.Secret.Session", "Close", "", ())
        except SecretServiceError:
            pass
        self._conn.close()

    def __enter__(self) -> "SecretService":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- D-Bus plumbing ----------------------------------------------------------------------------------------
    def _call(self, path: str, interface: str, method: str, signature: str, body: tuple) -> Any:
        from jeepney import DBusAddress, MessageType, new_method_call
        address = DBusAddress(path, bus_name=_BUS_NAME, interface=interface)
        try:
            reply = self._conn.send_and_get_reply(new_method_call(address, method, signature, body),
                                                  timeout=self.timeout)
        except Exception as error:  # time-out, connection lost
            raise SecretServiceError(f"{method}: {error}") from error
        if reply.header.message_type == MessageType.error:
            raise SecretServiceError(f"{method}: {reply.body[0] if reply.body else 'error'}")
        return reply.body

    def _complete(self, prompt: str) -> Any:
        """Run a prompt (the desktop asks the user to unlock the keyring) and wait for its answer."""
        if prompt in ("", "/"):
            return None
        from jeepney import MatchRule, message_bus
        from jeepney.io.blocking import Proxy
        rule = MatchRule(type="signal", interface=_PROMPT, member="Completed", path=prompt)
        try:
            Proxy(message_bus, self._conn).AddMatch(rule)
            with self._conn.filter(rule) as queue:
                self._call(prompt, _PROMPT, "Prompt", "s", ("",))
                signal = self._conn.recv_until_filtered(queue, timeout=self.prompt_timeout)
        except SecretServiceError:
            raise
        except Exception as error:
            raise SecretServiceError(f"the keyring did not answer ({error})") from error
        dismissed, result = signal.body
        if dismissed:
            raise SecretServiceError("unlocking the keyring was declined")
        return result[1] if isinstance(result, tuple) else result

    def _unlocked(self, paths: list[str]) -> list[str]:
        if not paths:
            return []
        unlocked, prompt = self._call(_PATH, _SERVICE, "Unlock", "ao", (paths,))
        later = self._complete(prompt)
        return list(unlocked) + list(later or [])

    # -- what the app needs ------------------------------------------------------------------------------------
    @staticmethod
    def _query(service: str, username: str) -> dict[str, str]:
        return {"service": service, "username": username}

    def _find(self, service: str, username: str) -> list[str]:
        unlocked, locked = self._call(_PATH, _SERVICE, "SearchItems", "a{ss}", (self._query(service, username),))
        return list(unlocked) + self._unlocked(list(locked))

    def get(self, service: str, username: str) -> str | None:
        items = self._find(service, username)
        if not items:
            return None
        (secrets,) = self._call(_PATH, _SERVICE, "GetSecrets", "aoo", (items[:1], self._session))
        for _session, _params, value, _content_type in secrets.values():
            return bytes(value).decode("utf-8")
        return None

    def set(self, service: str, username: str, secret: str) -> None:
        attributes = {**self._query(service, username), "application": KEYRING_APPID}
        properties = {f"{_ITEM}.Label": ("s", f"Password for '{username}' on '{service}'"),
                      f"{_ITEM}.Attributes": ("a{ss}", attributes)}
        value = (self._session, b"", secret.encode("utf-8"), "text/plain; charset=utf8")
        item, prompt = self._call(_DEFAULT_COLLECTION, _COLLECTION, "CreateItem", "a{sv}(oayays)b",
                                  (properties, value, True))
        if item in ("", "/"):  # the collection was locked: unlock through the prompt, then try again
            self._complete(prompt)
            item, prompt = self._call(_DEFAULT_COLLECTION, _COLLECTION, "CreateItem", "a{sv}(oayays)b",
                                      (properties, value, True))
            if item in ("", "/"):
                raise SecretServiceError("the keyring did not store the password")

    def delete(self, service: str, username: str) -> None:
        for item in self._find(service, username):
            (prompt,) = self._call(item, _ITEM, "Delete", "", ())
            self._complete(prompt)


def available(timeout: float = 2.0) -> bool:
    try:
        with closing(SecretService(timeout=timeout)):
            return True
    except SecretServiceError:
        return False
