"""Checking a BagIt bag (RFC 8493, versions 0.97 and 1.0): structure, completeness, every checksum.

The ``bagit`` library reads the bag (its tag files in any declared encoding, the manifests, fetch.txt,
Payload-Oxum); ``bagit.txt`` is checked here to the letter of the RFC, which ``bagit`` is lenient about; the
checksums of every manifest and tag-manifest entry are computed here, file by file, so that a long check
reports progress and can be cancelled. Every reason is a sentence naming the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import bagit

from ..archive import Archive, Severity, load_archive
from .metadata_export import RealPaths
from ..ingest.report import CancelFn, ProgressFn

__all__ = ["BagCheck", "check_bag", "check_archive", "validate_bag", "is_bag", "is_archive_bag", "bag_like",
           "Cancelled", "CHUNK"]

# bagit logs every problem it finds as a warning; with no handler Python would print them on stderr, under
# the CLI's own messages. We report them ourselves.
logging.getLogger("bagit").addHandler(logging.NullHandler())
logging.getLogger("bagit").propagate = False

CHUNK = 1 << 20
_BAGIT_TXT = re.compile(r"BagIt-Version: (\d+)\.(\d+)\r?\nTag-File-Character-Encoding: (\S+)\r?\n?\Z")


class Cancelled(Exception):
    pass


@dataclass
class BagCheck:
    """What checking a bag found: ``reasons`` it is not valid (empty = valid), ``warnings`` that do not
    stop it, its ``bag_info`` fields, and the SHA-256 computed of every payload file."""

    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    archive: Archive | None = None  # the bag's data/ archive, when it is an Ashraf Archive and loads
    sha256: dict[str, str] = field(default_factory=dict)  # computed, by real path of each payload file
    payload: list[str] = field(default_factory=list)  # "data/…" of every payload file, manifest order
    bag_info: dict[str, list[str]] = field(default_factory=dict)  # field -> its values, in order
    version: str = ""
    incomplete: list[str] = field(default_factory=list)  # listed in fetch.txt but not in the bag
    case_twins: set[str] = field(default_factory=set)  # manifest names present only under another case
    cancelled: bool = False
    entries: int = 0  # manifest entries checked (the first part of an import's progress)


def _bagit_detail(detail: Exception) -> str:
    if isinstance(detail, bagit.ChecksumMismatch):
        return (f"{detail.path} has changed since the bag was made ({detail.algorithm} expected "
                f"{str(detail.expected)[:12]}…, found {str(detail.found)[:12]}…)")
    if isinstance(detail, bagit.FileMissing):
        return f"{detail.path} is listed in the bag's manifest but is missing"
    if isinstance(detail, bagit.UnexpectedFile):
        return f"{detail.path} is in the bag but not in its manifest (added after the bag was made?)"
    return str(detail)


def _oxum_message(text: str) -> str:
    m = re.search(r"Expected (\d+) files and (\d+) bytes but found (\d+) files and (\d+) bytes", text)
    if not m:
        return f"the bag does not match its bag-info.txt: {text}"
    ef, eb, ff, fb = (int(g) for g in m.groups())
    return (f"the bag's payload is not what bag-info.txt says (Payload-Oxum): expected {ef} files and "
            f"{eb:,} bytes, found {ff} files and {fb:,} bytes")


def _hash_file(path: str, algorithms: Iterable[str], cancelled: CancelFn | None) -> dict[str, str]:
    hashers = {alg: hashlib.new(alg) for alg in algorithms}
    read = 0
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            for h in hashers.values():
                h.update(block)
            read += len(block)
            if cancelled is not None and read % (32 * CHUNK) == 0 and cancelled():
                raise Cancelled
    return {alg: h.hexdigest() for alg, h in hashers.items()}


def _strict_bagit_txt(path: Path) -> str | None:
    """RFC 8493 2.1.1 to the letter: exactly two lines, ``BagIt-Version: M.N`` and
    ``Tag-File-Character-Encoding: ENCODING``, UTF-8, no byte-order mark (``bagit`` accepts a space before
    the colon and more)."""
    try:
        raw = (path / "bagit.txt").read_bytes()
    except OSError as error:
        return f"bagit.txt cannot be read ({error.strerror or error})"
    if raw.startswith(b"\xef\xbb\xbf"):
        return "bagit.txt must not begin with a byte-order mark (RFC 8493 2.1.1)"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "bagit.txt is not UTF-8 text (RFC 8493 2.1.1)"
    if _BAGIT_TXT.match(text):
        return None
    lines = text.splitlines()
    if len(lines) < 2 or not lines[1].strip():
        return ("bagit.txt lacks its second line, 'Tag-File-Character-Encoding: …', which the standard requires "
                "(RFC 8493 2.1.1)")
    if not re.fullmatch(r"BagIt-Version: \d+\.\d+", lines[0]):
        return (f"bagit.txt gives the version as {lines[0]!r}; the standard requires exactly 'BagIt-Version: M.N' "
                "(RFC 8493 2.1.1)")
    return (f"bagit.txt is not in the form the standard requires: exactly 'BagIt-Version: M.N' then "
            f"'Tag-File-Character-Encoding: ENCODING', each on its own line (found {lines[:2]!r})")


def check_bag(path: Path, progress: ProgressFn | None = None, cancelled: CancelFn | None = None, *,
              extra_total: int = 0) -> BagCheck:
    """Check the BagIt bag at ``path`` (any maker): :class:`BagCheck`. ``progress`` counts manifest entries
    (plus ``extra_total`` steps the caller will add)."""
    result = BagCheck()
    path = Path(path)
    if not path.is_dir():
        result.reasons.append(f"{path} is not a folder (a bag is a folder with bagit.txt and data/)")
        return result
    if not (path / "bagit.txt").is_file():
        result.reasons.append(bag_like(path) or f"{path.name} is not a BagIt bag: it has no bagit.txt")
        return result
    strict = _strict_bagit_txt(path)
    if strict:  # said first; bagit, more lenient, may find more
        result.reasons.append(strict)
    try:
        bag = bagit.Bag(str(path))
    except bagit.BagError as error:
        result.reasons.append(f"not a valid BagIt bag: {_bagit_error(error, path)}")
        return result
    except (OSError, UnicodeError, ValueError, LookupError) as error:
        result.reasons.append(f"the bag's tag files cannot be read ({error})")
        return result
    result.version = ".".join(map(str, bag.version_info or ()))
    result.bag_info = {key: (value if isinstance(value, list) else [value]) for key, value in bag.info.items()}
    with contextlib.suppress(bagit.BagError, OSError, UnicodeError):
        present = set(bag.payload_files())
        result.incomplete = sorted(f for f in bag.files_to_be_fetched() if f not in present)
    if result.incomplete:
        shown = ", ".join(result.incomplete[:3]) + (f" and {len(result.incomplete) - 3} more"
                                                     if len(result.incomplete) > 3 else "")
        result.reasons.append(f"the bag is incomplete: {len(result.incomplete)} file"
                              f"{'s' * (len(result.incomplete) != 1)} listed in its fetch.txt "
                              f"{'are' if len(result.incomplete) != 1 else 'is'} not in it ({shown}); the app "
                              "fetches nothing from the network: fetch them with a BagIt tool, then import the "
                              "bag again")
        return result
    _case_twins(bag, result)
    oxum_failed = False
    try:
        bag.validate(completeness_only=True)
    except bagit.BagValidationError as error:
        if error.details:
            result.reasons += [_bagit_detail(d) for d in error.details if not _is_twin(d, result)]
        else:
            oxum_failed = "Oxum" in str(error)
            result.reasons.append(_oxum_message(str(error)) if oxum_failed else f"not a valid bag: {error}")
    except bagit.BagError as error:
        result.reasons.append(f"not a valid BagIt bag: {_bagit_error(error, path)}")
    except (OSError, UnicodeError, ValueError) as error:
        result.reasons.append(f"the bag cannot be read: {error}")
    if oxum_failed:  # bagit stops at the Payload-Oxum; name the files
        with contextlib.suppress(Exception):
            only_manifest, only_fs = bag.compare_manifests_with_fs()
            result.reasons += [_bagit_detail(bagit.FileMissing(p)) for p in sorted(only_manifest)
                               if not _is_twin(bagit.FileMissing(p), result)]
            result.reasons += [_bagit_detail(bagit.UnexpectedFile(p)) for p in sorted(only_fs)]
    # every manifest and tag-manifest entry, re-hashed (reporting progress, cancellable)
    entries = sorted(bag.entries.items())
    result.entries = len(entries)
    real_bag = os.path.realpath(bag.path)
    total = len(entries) + extra_total
    data_prefix = "data" + os.sep
    for done, (rel, hashes) in enumerate(entries):
        if cancelled is not None and cancelled():
            result.cancelled = True
            result.reasons.append("the check was cancelled before the end")
            return result
        if progress is not None:
            progress(done, total, f"checking {rel}")
        full = os.path.join(bag.path, bag.normalized_filesystem_names.get(rel, rel))
        if not os.path.isfile(full):
            continue  # reported as missing above
        wanted = {alg for alg in hashes if alg in hashlib.algorithms_available}
        is_payload = rel.startswith(data_prefix) or rel.startswith("data/")
        if is_payload:
            wanted.add("sha256")
            result.payload.append(full)
        try:
            found = _hash_file(full, wanted, cancelled)
        except Cancelled:
            result.cancelled = True
            result.reasons.append("the check was cancelled before the end")
            return result
        except OSError as error:
            result.reasons.append(f"{rel} cannot be read ({error.strerror or error})")
            continue
        for alg, expected in sorted(hashes.items()):
            if alg in found and found[alg] != expected.lower():
                result.reasons.append(_bagit_detail(bagit.ChecksumMismatch(rel, alg, expected.lower(), found[alg])))
        if "sha256" in found:
            result.sha256[os.path.realpath(full)] = found["sha256"]
    if progress is not None:
        progress(len(entries), total, "")
    return result


def _bagit_error(error: Exception, path: Path) -> str:
    """bagit's message without the absolute paths it puts in (the user knows which bag)."""
    text = str(error).replace(str(path.resolve()) + os.sep, "").replace(str(path) + os.sep, "")
    return text.replace(str(path.resolve()), path.name).replace(str(path), path.name)


def _case_twins(bag: "bagit.Bag", result: BagCheck) -> None:
    """Manifest entries that differ only in letter case and have the same checksum, one of them present: the
    bag was made on a system that does not tell such names apart (macOS, Windows). A warning, not a fault:
    the file is there once, as the Payload-Oxum then says."""
    present = {f.lower(): f for f in bag.payload_files()}
    twins: list[str] = []
    for rel, hashes in bag.entries.items():
        if os.path.exists(os.path.join(bag.path, rel)):
            continue
        other = present.get(rel.lower())
        if other and other != rel and bag.entries.get(other) == hashes:
            twins.append(rel)
    if twins:
        result.warnings.append(f"its manifest lists {', '.join(twins)} beside a file whose name differs only in "
                               "letter case, with the same checksum (the bag was made on a system that does "
                               "not tell such names apart); the file was taken once")
        result.case_twins = set(twins)


def _is_twin(detail: Exception, result: BagCheck) -> bool:
    return isinstance(detail, bagit.FileMissing) and detail.path in result.case_twins


def bag_like(path: Path) -> str:
    """A reason when ``path`` looks like a bag (``data/`` with manifests beside it) but lacks ``bagit.txt``;
    "" otherwise. Such a folder is not imported file by file: its manifests are not documents."""
    path = Path(path)
    try:
        names = {p.name for p in path.iterdir()}
    except OSError:
        return ""
    manifests = sorted(n for n in names if re.fullmatch(r"(tag)?manifest-[a-z0-9]+\.txt", n))
    if "bagit.txt" in names or "data" not in names or not (manifests or "bag-info.txt" in names):
        return ""
    return (f"{path.name} looks like a BagIt bag (data/ and {', '.join(manifests[:2]) or 'bag-info.txt'}) but "
            "has no bagit.txt, so it is not a valid bag and was not imported; ask whoever made it for the "
            "complete bag, or import its data/ folder as plain files")


def check_archive(data: Path, result: BagCheck) -> None:
    """A bag made by this app: data/ must be an archive whose every sidecar loads and describes its file
    (an item that did not load would be lost on import); adds to ``result.reasons``, sets its ``archive``."""
    loaded = load_archive(data, check_files=False)
    archive = loaded.archive
    result.archive = archive
    real = RealPaths()
    sidecars = {real.file(item.sidecar) for item in archive.items}

    def blocking(problem) -> bool:
        if problem.severity is not Severity.ERROR:
            return False
        if problem.path.name == "collection.toml":
            return True
        full = real.file(problem.path if problem.path.is_absolute() else data / problem.path)
        if full.endswith(".toml") and os.path.dirname(full) != real.dir(data):
            return full not in sidecars  # an item that cannot be loaded would be lost on import
        return problem.message.startswith(("is not valid TOML", "is not UTF-8", "cannot be read"))

    for problem in loaded.problems:
        if blocking(problem):
            result.reasons.append(f"data/{problem.path.as_posix()}"
                                  f"{f' [{problem.where}]' if problem.where else ''}: {problem.message}")
    for item in archive.items:
        if item.file is None:
            continue
        rel = f"data/{real.rel(item.file, data)}"
        found = result.sha256.get(os.path.join(real.dir(data.parent), *rel.split("/")))
        if not item.file.is_file():
            result.reasons.append(f"{rel} is missing: the sidecar of '{item.id}' names it")
        elif found is None:
            result.reasons.append(f"{rel} (item '{item.id}') is not listed in the bag's manifest")
        elif found != item.sha256.lower():
            result.reasons.append(f"{rel} does not match its sidecar (item '{item.id}'): expected SHA-256 "
                                  f"{item.sha256[:12]}…, found {found[:12]}…")


def is_bag(path: Path) -> bool:
    """A folder that is, or looks like, a BagIt bag (``bagit.txt``, or ``data/`` beside manifests): what
    ``import PATH`` hands to ``import_bag`` instead of importing its files one by one."""
    path = Path(path)
    try:
        return path.is_dir() and ((path / "bagit.txt").is_file() or bool(bag_like(path)))
    except OSError:
        return False


def is_archive_bag(path: Path) -> bool:
    """A bag made by this app (its data/ is an Ashraf Archive, with collection.toml)."""
    return (Path(path) / "data" / "collection.toml").is_file()


def validate_bag(path: Path, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> list[str]:
    """Why the bag at ``path`` is not valid, one sentence each; ``[]`` when it is: a BagIt bag (0.97 or 1.0,
    made by any tool) whose files all match its manifests, complete (nothing left to fetch). For a bag made
    by this app, also an archive in ``data/`` whose every sidecar loads and describes its held file.
    Problems of content that do not stop an item from loading are left to ``ashraf-desktop validate
    BAG/data``."""
    result = check_bag(Path(path), progress, cancelled)
    if not result.reasons and is_archive_bag(path):
        check_archive(Path(path) / "data", result)
    return result.reasons
