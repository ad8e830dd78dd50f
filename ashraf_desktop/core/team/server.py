"""The team's PostgreSQL database: its schema (versioned migrations), members, and the sync's four calls.

Rights are the server's business alone. Each archivist logs in as their own role; row-level security lets
every member read every annotation, lets a member change only rows they own, and lets members of the
editor group change any row (and so resolve any conflict). ``owner`` is set by a trigger from the
logged-in role and never changes; revisions come from one sequence, taken under a transaction-scoped
advisory lock so that they are handed out in commit order - a puller that has seen revision N has seen
every revision below it. Every write is also kept in ``annotation_history`` (who, when, with the
client's push key), which is how a client that died mid-push learns whether its push landed.

Annotation fields are stored as ``json`` (the text as sent). PostgreSQL text cannot hold U+0000, and an
archivist's note may contain anything, so strings travel with U+0000 written as U+E000 U+E002 and U+E000
itself as U+E000 U+E001 (:func:`wire_out` / :func:`wire_in`, exact both ways).

Nothing in here trusts the client: the push function runs with the caller's rights (SECURITY INVOKER),
so a hand-written UPDATE and a push meet the same policies.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from .local import OutgoingPush, RemoteRow

if TYPE_CHECKING:  # psycopg is imported only when a team is configured (no connection otherwise)
    import psycopg

__all__ = ["SCHEMA", "CHANNEL", "SERVER_MIGRATIONS", "SERVER_VERSION", "ServerInfo", "PushOutcome",
           "init_server", "server_info", "add_member", "fetch_changes", "push", "landed_keys", "has_revision",
           "TeamServerError", "group_roles"]

SCHEMA = "ashraf_team"
CHANNEL = "ashraf_team"
_LOCK_MIGRATE = 0x41534852  # advisory lock keys ("ASHR"...)
_LOCK_REVISION = 0x41534853


class TeamServerError(Exception):
    """The server cannot be used as a team store (schema missing, too new, not a member...)."""


def group_roles(database: str) -> tuple[str, str]:
    """The two group roles of a team database: archivists, and editors (who are archivists too).
    Roles are cluster-wide in PostgreSQL, so their names carry the database's name."""
    base = re.sub(r"[^a-z0-9_]", "_", database.lower())[:40]
    return f"{base}_archivist", f"{base}_editor"


_V1 = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE {SCHEMA}.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE SEQUENCE {SCHEMA}.revision_seq;
CREATE TABLE {SCHEMA}.annotation (
    id uuid PRIMARY KEY,
    revision bigint NOT NULL UNIQUE,
    owner name NOT NULL DEFAULT current_user,
    deleted boolean NOT NULL DEFAULT false,
    fields json NOT NULL CHECK (json_typeof(fields) = 'object'),
    conflicts json NOT NULL DEFAULT '{{}}' CHECK (json_typeof(conflicts) = 'object'),
    push_key uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_by name NOT NULL DEFAULT current_user,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE {SCHEMA}.annotation_history (
    revision bigint PRIMARY KEY,
    id uuid NOT NULL,
    owner name NOT NULL,
    deleted boolean NOT NULL,
    fields json NOT NULL,
    conflicts json NOT NULL,
    push_key uuid,
    changed_by name NOT NULL,
    changed_at timestamptz NOT NULL
);
CREATE INDEX annotation_history_key ON {SCHEMA}.annotation_history (push_key) WHERE push_key IS NOT NULL;
CREATE INDEX annotation_history_id ON {SCHEMA}.annotation_history (id, revision);

-- revision, owner and who/when are the server's to set, whatever a client sends
CREATE FUNCTION {SCHEMA}.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({_LOCK_REVISION});
    NEW.revision := nextval('{SCHEMA}.revision_seq');
    NEW.updated_by := current_user;
    NEW.updated_at := now();
    IF TG_OP = 'INSERT' THEN
        NEW.owner := current_user;
        NEW.created_at := now();
    ELSE
        NEW.id := OLD.id;
        NEW.owner := OLD.owner;
        NEW.created_at := OLD.created_at;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON {SCHEMA}.annotation FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.stamp();

CREATE FUNCTION {SCHEMA}.keep_history() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO {SCHEMA}.annotation_history (revision, id, owner, deleted, fields, conflicts, push_key, changed_by,
                                             changed_at)
    VALUES (NEW.revision, NEW.id, NEW.owner, NEW.deleted, NEW.fields, NEW.conflicts, NEW.push_key, NEW.updated_by,
            NEW.updated_at);
    RETURN NULL;
END $$;
CREATE TRIGGER keep_history AFTER INSERT OR UPDATE ON {SCHEMA}.annotation FOR EACH ROW
    EXECUTE FUNCTION {SCHEMA}.keep_history();

CREATE FUNCTION {SCHEMA}.announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '');
    RETURN NULL;
END $$;
CREATE TRIGGER announce AFTER INSERT OR UPDATE ON {SCHEMA}.annotation FOR EACH STATEMENT
    EXECUTE FUNCTION {SCHEMA}.announce();

-- one call per batch; runs with the caller's rights, so row-level security decides what lands
CREATE FUNCTION {SCHEMA}.push(changes json)
RETURNS TABLE (out_key uuid, out_outcome text, out_revision bigint, out_owner name)
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c json;
    found_revision bigint;
BEGIN
    FOR c IN SELECT value FROM json_array_elements(changes) LOOP
        out_key := (c->>'key')::uuid;
        out_revision := NULL;
        out_owner := NULL;
        IF c->>'base' IS NULL THEN
            INSERT INTO {SCHEMA}.annotation AS a (id, fields, deleted, conflicts, push_key)
            VALUES ((c->>'id')::uuid, c->'fields', (c->>'deleted')::boolean, c->'conflicts', out_key)
            ON CONFLICT (id) DO NOTHING
            RETURNING a.revision, a.owner INTO out_revision, out_owner;
        ELSE
            UPDATE {SCHEMA}.annotation AS a
               SET fields = c->'fields', deleted = (c->>'deleted')::boolean, conflicts = c->'conflicts',
                   push_key = out_key
             WHERE a.id = (c->>'id')::uuid AND a.revision = (c->>'base')::bigint
            RETURNING a.revision, a.owner INTO out_revision, out_owner;
        END IF;
        IF out_revision IS NOT NULL THEN
            out_outcome := 'landed';
        ELSE
            SELECT a.revision, a.owner INTO found_revision, out_owner FROM {SCHEMA}.annotation a
             WHERE a.id = (c->>'id')::uuid;
            IF c->>'base' IS NOT NULL AND found_revision = (c->>'base')::bigint THEN
                out_outcome := 'refused';  -- nothing moved, yet the row was not ours to change
            ELSE
                out_outcome := 'stale';  -- someone else changed it first: pull, merge, push again
            END IF;
            out_revision := found_revision;
        END IF;
        RETURN NEXT;
    END LOOP;
END $$;

ALTER TABLE {SCHEMA}.annotation ENABLE ROW LEVEL SECURITY;
"""


def _v1_rights(archivist: str, editor: str) -> str:
    return f"""
    GRANT USAGE ON SCHEMA {SCHEMA} TO {archivist};
    GRANT SELECT ON {SCHEMA}.meta, {SCHEMA}.schema_migrations, {SCHEMA}.annotation,
                    {SCHEMA}.annotation_history TO {archivist};
    GRANT INSERT (id, fields, deleted, conflicts, push_key), UPDATE (fields, deleted, conflicts, push_key)
        ON {SCHEMA}.annotation TO {archivist};
    GRANT USAGE ON SEQUENCE {SCHEMA}.revision_seq TO {archivist};
    GRANT EXECUTE ON FUNCTION {SCHEMA}.push(json) TO {archivist};
    CREATE POLICY read_all ON {SCHEMA}.annotation FOR SELECT TO {archivist} USING (true);
    CREATE POLICY insert_own ON {SCHEMA}.annotation FOR INSERT TO {archivist} WITH CHECK (owner = current_user);
    CREATE POLICY update_own ON {SCHEMA}.annotation FOR UPDATE TO {archivist}
        USING (owner = current_user) WITH CHECK (owner = current_user);
    CREATE POLICY update_any ON {SCHEMA}.annotation FOR UPDATE TO {editor} USING (true) WITH CHECK (true);
    """


@dataclass(frozen=True)
class ServerMigration:
    version: int
    description: str
    statements: str  # may name {archivist} and {editor}


SERVER_MIGRATIONS: tuple[ServerMigration, ...] = (
    ServerMigration(1, "annotations with revisions, history, row-level security, push()",
                    _V1 + "\n-- rights\n" + "{rights_v1}"),
)
SERVER_VERSION = SERVER_MIGRATIONS[-1].version


@dataclass(frozen=True)
class ServerInfo:
    server_id: str
    version: int
    database: str
    role: str
    archivist_role: str
    editor_role: str
    is_editor: bool


def _ident(conn: "psycopg.Connection", name: str) -> str:
    from psycopg import sql
    return sql.Identifier(name).as_string(conn)


def init_server(conn: "psycopg.Connection") -> list[int]:
    """Create or upgrade the team schema in the connected database; returns the versions applied.
    Needs a role that may create schemas and roles (the database owner with CREATEROLE, or a superuser).
    Safe to run again, and from two places at once (an advisory lock serialises it)."""
    conn.autocommit = False
    applied: list[int] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_MIGRATE,))
        database = conn.execute("SELECT current_database()").fetchone()[0]
        archivist, editor = group_roles(database)
        for role in (archivist, editor):
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
            if not exists:
                conn.execute(f"CREATE ROLE {_ident(conn, role)} NOLOGIN")
        conn.execute(f"GRANT {_ident(conn, archivist)} TO {_ident(conn, editor)}")
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        conn.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA}.schema_migrations (version integer PRIMARY KEY, "
                     "description text NOT NULL, applied timestamptz NOT NULL DEFAULT now())")
        found = conn.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA}.schema_migrations").fetchone()[0]
        if found > SERVER_VERSION:
            raise TeamServerError(f"the team database has schema {found}; this app knows {SERVER_VERSION} - "
                                  "update the app")
        for migration in SERVER_MIGRATIONS:
            if migration.version <= found:
                continue
            script = migration.statements.replace(
                "{rights_v1}", _v1_rights(_ident(conn, archivist), _ident(conn, editor)))
            for statement in _split(script):
                conn.execute(statement)
            conn.execute(f"INSERT INTO {SCHEMA}.schema_migrations (version, description) VALUES (%s, %s)",
                         (migration.version, migration.description))
            applied.append(migration.version)
        # a laptop that sleeps or loses the network inside a push must not hold the revision lock for long
        conn.execute(f"ALTER DATABASE {_ident(conn, database)} SET idle_in_transaction_session_timeout = '60s'")
        conn.execute(f"INSERT INTO {SCHEMA}.meta (key, value) VALUES ('server_id', gen_random_uuid()::text), "
                     "('archivist_role', %s), ('editor_role', %s) ON CONFLICT (key) DO NOTHING",
                     (archivist, editor))
    return applied


def _split(script: str) -> list[str]:
    """Statements of a script (whole-line ``--`` comments dropped); ``$$`` bodies may hold semicolons."""
    text = "\n".join(line for line in script.splitlines() if not line.strip().startswith("--"))
    out, buf, quoted = [], [], False
    for part in re.split(r"(\$\$|;)", text):
        if part == "$$":
            quoted = not quoted
            buf.append(part)
        elif part == ";" and not quoted:
            out.append("".join(buf).strip())
            buf = []
        else:
            buf.append(part)
    out.append("".join(buf).strip())
    return [statement for statement in out if statement]


def add_member(conn: "psycopg.Connection", role: str, password: str | None, *, editor: bool = False) -> None:
    """Create (or update) an archivist's login role and put it in the team's group (and the editors').
    The password is hashed here (SCRAM-SHA-256) so it never travels or is logged in clear."""
    info = server_info(conn, check_member=False)
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        name = _ident(conn, role)
        if not exists:
            conn.execute(f"CREATE ROLE {name} LOGIN")
        if password is not None:
            hashed = conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()
            from psycopg import sql
            conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(role), sql.Literal(hashed)))
        conn.execute(f"GRANT {_ident(conn, info.archivist_role)} TO {name}")
        if editor:
            conn.execute(f"GRANT {_ident(conn, info.editor_role)} TO {name}")
        else:
            conn.execute(f"REVOKE {_ident(conn, info.editor_role)} FROM {name}")


def server_info(conn: "psycopg.Connection", *, check_member: bool = True) -> ServerInfo:
    """Who we are on this server and what it is; raises :class:`TeamServerError` when it is no team store
    this app can use (never initialised, newer schema, not a member)."""
    import psycopg
    try:
        with conn.transaction():
            version = conn.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA}.schema_migrations").fetchone()[0]
            meta = dict(conn.execute(f"SELECT key, value FROM {SCHEMA}.meta").fetchall())
            database, role = conn.execute("SELECT current_database(), current_user").fetchone()
    except psycopg.errors.UndefinedTable:
        raise TeamServerError("this database has no team store yet: run `ashraf-desktop team init` "
                              "with the database owner's account") from None
    except psycopg.errors.InsufficientPrivilege:
        raise TeamServerError("this account is not a member of the team (ask who set up the server to run "
                              "`ashraf-desktop team add-member`)") from None
    if version > SERVER_VERSION:
        raise TeamServerError(f"the team database has schema {version}; this app knows {SERVER_VERSION} - "
                              "update the app")
    if version < SERVER_VERSION:
        raise TeamServerError(f"the team database has schema {version}; run `ashraf-desktop team init` to "
                              f"upgrade it to {SERVER_VERSION}")
    archivist, editor = meta.get("archivist_role", ""), meta.get("editor_role", "")
    is_member, is_editor = conn.execute("SELECT pg_has_role(current_user, %s, 'USAGE'), "
                                        "pg_has_role(current_user, %s, 'USAGE')", (archivist, editor)).fetchone()
    conn.commit()
    if check_member and not is_member:
        raise TeamServerError(f"{role} is not a member of this team")
    return ServerInfo(meta["server_id"], version, database, role, archivist, editor, bool(is_editor))


def fetch_changes(conn: "psycopg.Connection", after: int, limit: int = 1000) -> list[RemoteRow]:
    """Rows with a revision above ``after``, oldest first."""
    with conn.transaction():
        rows = conn.execute(
            f"SELECT id::text, revision, owner, deleted, fields, conflicts, updated_by FROM {SCHEMA}.annotation "
            "WHERE revision > %s ORDER BY revision LIMIT %s", (after, limit)).fetchall()
    return [RemoteRow(i, int(rev), owner, bool(deleted), wire_in(fields), wire_in(conflicts), by)
            for i, rev, owner, deleted, fields, conflicts, by in rows]


@dataclass(frozen=True, slots=True)
class PushOutcome:
    landed: dict[str, tuple[int, str]]  # key -> (revision, owner)
    refused: dict[str, str]  # key -> reason
    stale: list[str]  # keys


def push(conn: "psycopg.Connection", changes: Sequence[OutgoingPush]) -> PushOutcome:
    """Send a batch in one transaction. Each change lands, is *stale* (the row moved on since its base:
    pull and merge first) or is *refused* (row-level security: not this role's annotation)."""
    payload = [{"id": c.annotation_id, "base": c.base_revision, "key": c.key, "fields": wire_out(c.fields),
                "deleted": c.deleted, "conflicts": wire_out(c.conflicts)} for c in changes]
    from psycopg.types.json import Json
    with conn.transaction():
        rows = conn.execute(f"SELECT out_key::text, out_outcome, out_revision, out_owner FROM {SCHEMA}.push(%s)",
                            (Json(payload, dumps=_dumps),)).fetchall()
    landed, refused, stale = {}, {}, []
    for key, outcome, revision, owner in rows:
        if outcome == "landed":
            landed[key] = (int(revision), owner)
        elif outcome == "refused":
            refused[key] = f"the server refused: this annotation belongs to {owner}, and only its owner or an editor may change it"
        else:
            stale.append(key)
    return PushOutcome(landed, refused, stale)


def has_revision(conn: "psycopg.Connection", revision: int, annotation_id: str) -> bool:
    """Whether the server's history holds this revision of this annotation - False after the server was
    restored from a backup older than it (the number is missing, or was handed out again)."""
    with conn.transaction():
        return conn.execute(f"SELECT 1 FROM {SCHEMA}.annotation_history WHERE revision = %s AND id = %s",
                            (revision, annotation_id)).fetchone() is not None


def landed_keys(conn: "psycopg.Connection", keys: Iterable[str]) -> dict[str, tuple[int, str]]:
    """Which of these push keys the server has (key -> revision, owner), from its history."""
    keys = list(keys)
    if not keys:
        return {}
    with conn.transaction():
        rows = conn.execute(f"SELECT push_key::text, revision, owner FROM {SCHEMA}.annotation_history "
                            "WHERE push_key = ANY(%s::uuid[])", (keys,)).fetchall()
    return {key: (int(revision), owner) for key, revision, owner in rows}


_NUL, _ESC = "\x00", "\ue000"
_UNESCAPE = re.compile("\ue000([\ue001\ue002])")


def wire_out(value):
    """A JSON value as the server stores it (strings escaped, see the module docstring)."""
    if isinstance(value, str):
        return value.replace(_ESC, _ESC + "\ue001").replace(_NUL, _ESC + "\ue002") if (
            _ESC in value or _NUL in value) else value
    if isinstance(value, list):
        return [wire_out(v) for v in value]
    if isinstance(value, dict):
        return {wire_out(k): wire_out(v) for k, v in value.items()}
    return value


def wire_in(value):
    if isinstance(value, str):
        return _UNESCAPE.sub(lambda m: _ESC if m.group(1) == "\ue001" else _NUL, value) if _ESC in value else value
    if isinstance(value, list):
        return [wire_in(v) for v in value]
    if isinstance(value, dict):
        return {wire_in(k): wire_in(v) for k, v in value.items()}
    return value


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)
