"""``ashraf-desktop team …``: set up a team's PostgreSQL store, join it, sync, resolve conflicts
(docs/team.md). Registered by ``cli.build_parser``.

Passwords: ``team init`` and ``team add-member`` connect as the administrator (libpq's own ways:
PGPASSWORD, ~/.pgpass, or asked on the terminal). ``team sync`` uses the member's password from the
system keyring, else PGPASSWORD / ~/.pgpass, else asks on the terminal.

Exit status: 0 done, 1 the server could not be used (message says why; nothing local was lost), 2 wrong
usage or no team configured.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

__all__ = ["register"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("team", help="annotate as a team through a PostgreSQL server (docs/team.md)")
    tsub = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    a = tsub.add_parser("init", help="create or upgrade the team schema in a database (as its owner)")
    a.add_argument("url", help="postgresql://[ADMIN@]HOST[:PORT]/DATABASE")
    a.set_defaults(run=_init)

    a = tsub.add_parser("add-member", help="create an archivist's database role (as the database owner)")
    a.add_argument("url", help="postgresql://[ADMIN@]HOST[:PORT]/DATABASE")
    a.add_argument("role", help="the archivist's login name on the server")
    a.add_argument("--editor", action="store_true", help="may change anyone's annotations and resolve conflicts")
    a.add_argument("--password-stdin", action="store_true", help="read the new password from standard input")
    a.set_defaults(run=_add_member)

    a = tsub.add_parser("connect", help="use a team server from this data folder")
    a.add_argument("url", help="postgresql://HOST[:PORT]/DATABASE")
    a.add_argument("--user", required=True, help="your database role")
    a.add_argument("--no-remember", action="store_true", help="never keep the password in the system keyring")
    a.set_defaults(run=_connect)

    a = tsub.add_parser("disconnect", help="stop syncing (annotations stay; nothing connects any more)")
    a.set_defaults(run=_disconnect)

    a = tsub.add_parser("sync", help="send your changes and receive the team's, once")
    a.add_argument("--json", action="store_true", help="print the report as JSON")
    a.set_defaults(run=_sync)

    a = tsub.add_parser("status", help="the team settings and what waits (no connection)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(run=_status)

    a = tsub.add_parser("conflicts", help="annotations with values to choose between (no connection)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(run=_conflicts)

    a = tsub.add_parser("resolve", help="settle one conflicting field of an annotation")
    a.add_argument("annotation_id")
    a.add_argument("field", help="the field (body, colour, tags …; _deleted for deleted-vs-edited)")
    choice = a.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", action="store_true", help="keep the value now in the field")
    choice.add_argument("--take", type=int, metavar="N", help="take alternative N (from `team conflicts`)")
    a.set_defaults(run=_resolve)


def _dirs(args):
    from ..paths import user_dirs
    return user_dirs(args.data_dir)


def _err(message: str) -> None:
    print(f"ashraf-desktop team: {message}", file=sys.stderr)


def _driver():
    from ..core.team import load_driver
    return load_driver()


def _needs_driver(command):
    """A command that connects: without the PostgreSQL client library it ends with the reason (exit 1)."""
    def run(args) -> int:
        from ..core.team import DriverMissingError
        try:
            _driver()
        except DriverMissingError as error:
            _err(str(error))
            return EXIT_FAILED
        return command(args)
    run.__doc__ = command.__doc__
    return run


def _admin_connect(url: str):
    psycopg = _driver()
    try:
        return psycopg.connect(url, connect_timeout=10, application_name="Ashraf Archive (admin)")
    except psycopg.OperationalError as error:
        if "password" in str(error).lower() and sys.stdin.isatty():
            return psycopg.connect(url, password=getpass.getpass("Database owner's password: "),
                                   connect_timeout=10)
        raise


@_needs_driver
def _init(args) -> int:
    import psycopg
    from ..core.team import TeamServerError, init_server
    try:
        with _admin_connect(args.url) as conn:
            applied = init_server(conn)
    except (psycopg.Error, TeamServerError) as error:
        _err(f"cannot set up the team store: {error}")
        return EXIT_FAILED
    print(f"team store ready (schema upgraded: {', '.join(map(str, applied))})" if applied
          else "team store already up to date")
    return EXIT_OK


@_needs_driver
def _add_member(args) -> int:
    import psycopg
    from ..core.team import TeamServerError, add_member
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(f"New password for {args.role}: ")
    else:
        _err("give the new password with --password-stdin")
        return EXIT_USAGE
    if not password:
        _err("the password cannot be empty")
        return EXIT_USAGE
    try:
        with _admin_connect(args.url) as conn:
            add_member(conn, args.role, password, editor=args.editor)
    except (psycopg.Error, TeamServerError) as error:
        _err(f"cannot add {args.role}: {error}")
        return EXIT_FAILED
    print(f"{args.role} is a{'n editor' if args.editor else 'n archivist'} of the team")
    return EXIT_OK


def _connect(args) -> int:
    from ..core.team import TeamConfig, save_config
    try:
        save_config(_dirs(args).config, TeamConfig(args.url, args.user, not args.no_remember))
    except ValueError as error:
        _err(str(error))
        return EXIT_USAGE
    print(f"this data folder now syncs with {args.url} as {args.user}; run `ashraf-desktop team sync`")
    return EXIT_OK


def _disconnect(args) -> int:
    from ..core.team import load_config, remove_config
    from ..core.team.secrets import delete_password
    config = load_config(_dirs(args).config)
    if config is not None:
        delete_password(config.url, config.user)
    remove_config(_dirs(args).config)
    print("no team server configured any more; your annotations stay here")
    return EXIT_OK


def _password(config) -> str | None:
    import os
    from ..core.team.secrets import get_password
    if config.remember_password:
        stored = get_password(config.url, config.user)
        if stored:
            return stored
    if os.environ.get("PGPASSWORD") or (Path.home() / ".pgpass").exists():
        return None  # libpq finds it
    if sys.stdin.isatty():
        return getpass.getpass(f"Password for {config.user}: ")
    return None


@_needs_driver
def _sync(args) -> int:
    import psycopg
    from ..core.annotations import StoreEnvironmentError, open_store
    from ..core.team import TeamServerError, connect, load_config, sync
    dirs = _dirs(args)
    config = load_config(dirs.config)
    if config is None:
        _err("no team server configured (ashraf-desktop team connect URL --user NAME)")
        return EXIT_USAGE
    try:
        with open_store(dirs.data) as store:
            try:
                with connect(config, _password(config), timeout=10) as conn:
                    report = sync(store, conn)
            except (psycopg.Error, TeamServerError) as error:
                _err(f"not synced, the server could not be used: {str(error).strip()} - "
                     "your changes are kept here and sent next time")
                return EXIT_FAILED
    except StoreEnvironmentError as error:
        _err(str(error))
        return EXIT_FAILED
    if args.json:
        print(json.dumps({"pushed": report.pushed, "pulled": report.pulled, "merged": report.merged,
                          "settled": report.settled, "refused": report.refused, "waiting": report.waiting,
                          "conflicts": report.conflicts, "new_conflicts": report.new_conflicts}, indent=2))
    else:
        print(f"synced with {config.label}: {report.summary()}")
    return EXIT_OK


def _status(args) -> int:
    from ..core.annotations import open_store
    from ..core.team import LocalBook, load_config
    dirs = _dirs(args)
    config = load_config(dirs.config)
    with open_store(dirs.data) as store:
        book = LocalBook(store)
        state = {"configured": config is not None, "server": config.url if config else None,
                 "user": config.user if config else None, "waiting": book.waiting_count(),
                 "conflicts": book.conflict_count(), "server_revision_seen": book.cursor}
    if args.json:
        print(json.dumps(state, indent=2))
    elif config is None:
        print("no team server configured")
    else:
        print(f"{config.label}: {state['waiting']} waiting, {state['conflicts']} conflicts")
    return EXIT_OK


def _conflicts(args) -> int:
    from ..core.annotations import open_store
    from ..core.team import LocalBook
    with open_store(_dirs(args).data) as store:
        entries = LocalBook(store).conflicts()
    if args.json:
        print(json.dumps([{"id": e.annotation_id, "owner": e.owner, "refused": e.refused,
                           "fields": {name: {"current": _current(e, name),
                                             "alternatives": [a.as_json() for a in alts]}
                                      for name, alts in e.conflicts.items()}} for e in entries],
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    for e in entries:
        print(f"{e.annotation_id} (owner {e.owner or '?'})")
        if e.refused:
            print(f"  refused: {e.refused}")
        for name, alts in e.conflicts.items():
            print(f"  {name}: now {json.dumps(_current(e, name), ensure_ascii=False)}")
            for n, alt in enumerate(alts):
                print(f"    [{n}] {json.dumps(alt.value, ensure_ascii=False)}  ({alt.by or 'someone'}, {alt.at})")
    return EXIT_OK


def _current(entry, name: str):
    from ..core.team import DELETED
    from ..core.team.fields import encode
    if name == DELETED:
        return entry.annotation is None
    return encode(entry.annotation).get(name) if entry.annotation is not None else None


def _resolve(args) -> int:
    from ..core.annotations import open_store
    from ..core.team import LocalBook
    with open_store(_dirs(args).data) as store:
        book = LocalBook(store)
        entry = next((e for e in book.conflicts() if e.annotation_id == args.annotation_id), None)
        if entry is None or args.field not in entry.conflicts:
            _err(f"no conflict on {args.field} of {args.annotation_id}")
            return EXIT_USAGE
        if args.take is not None and not 0 <= args.take < len(entry.conflicts[args.field]):
            _err(f"no alternative {args.take}")
            return EXIT_USAGE
        book.resolve(args.annotation_id, args.field, None if args.keep else args.take)
    print("resolved; sent at the next sync")
    return EXIT_OK
