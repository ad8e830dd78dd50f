"""The team password in the system keyring (Secret Service, macOS Keychain, Windows Credential Locker)
through the ``keyring`` library - or, where keyring has no backend (the packaged Linux app leaves its
Secret Service backend out for size), through :mod:`.secret_service` directly - or nowhere: with no usable
keyring the app asks each time.

Only touched when a team is configured. Any keyring failure (no D-Bus session, locked, no backend) reads
as "not stored", never as an error that stops the app.
"""

from __future__ import annotations

import logging
import sys

__all__ = ["SERVICE", "keyring_available", "get_password", "set_password", "delete_password"]

SERVICE = "Ashraf Archive team"
log = logging.getLogger(__name__)


def _keyring_backend():
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or broken: same as none
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


class _SecretServiceBackend:
    """keyring's get/set/delete_password over :class:`.secret_service.SecretService`."""

    def get_password(self, service: str, account: str) -> str | None:
        from .secret_service import SecretService
        with SecretService() as ss:
            return ss.get(service, account)

    def set_password(self, service: str, account: str, password: str) -> None:
        from .secret_service import SecretService
        with SecretService() as ss:
            ss.set(service, account, password)

    def delete_password(self, service: str, account: str) -> None:
        from .secret_service import SecretService
        with SecretService() as ss:
            ss.delete(service, account)


def _backend():
    backend = _keyring_backend()
    if backend is not None:
        return backend
    if sys.platform.startswith(("linux", "freebsd", "openbsd")):
        from .secret_service import available
        if available():
            return _SecretServiceBackend()
    return None


def keyring_available() -> bool:
    return _backend() is not None


def _account(url: str, user: str) -> str:
    return f"{user} @ {url}"


def get_password(url: str, user: str) -> str | None:
    backend = _backend()
    if backend is None:
        return None
    try:
        return backend.get_password(SERVICE, _account(url, user))
    except Exception as error:
        log.info("keyring read failed: %s", error)
        return None


def set_password(url: str, user: str, password: str) -> bool:
    """True when the keyring took it."""
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, _account(url, user), password)
        return True
    except Exception as error:
        log.info("keyring write failed: %s", error)
        return False


def delete_password(url: str, user: str) -> None:
    backend = _backend()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, _account(url, user))
    except Exception:
        pass
