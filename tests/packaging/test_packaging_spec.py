"""build.spec is plain Python: its functions are checked here without running PyInstaller."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def spec() -> dict:
    return runpy.run_path(str(REPO / "build.spec"))


def _dests(files: list[tuple[str, str]]) -> dict[str, str]:
    """{path relative to the bundle's data root: source}"""
    return {(Path(dest) / Path(src).name).as_posix(): src for src, dest in files}


def test_the_spec_loads_without_pyinstaller(spec: dict) -> None:
    assert "Analysis" not in spec  # the build half did not run
    for name in ("data_files", "build_prebuilt_index", "read_version", "app_icon", "keep_qt_file",
                 "prune_unreferenced", "check_bundle"):
        assert callable(spec[name]), name


def test_version_is_read_from_the_package(spec: dict) -> None:
    import ashraf_desktop
    assert spec["read_version"](REPO) == ashraf_desktop.__version__


def test_data_files_list_archive_resources_docs_and_the_prebuilt_index(spec: dict, tmp_path: Path) -> None:
    prebuilt = tmp_path / "prebuilt"
    prebuilt.mkdir()
    (prebuilt / "stamp.json").write_text("{}", encoding="utf-8")
    (prebuilt / "_MAIN_1.toc").write_bytes(b"x")
    files = _dests(spec["data_files"](REPO, prebuilt))
    every_archive_file = {p.relative_to(REPO).as_posix() for p in (REPO / "archive").rglob("*") if p.is_file()}
    every_resource = {p.relative_to(REPO).as_posix() for p in (REPO / "resources").rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts}
    assert every_archive_file and every_archive_file <= set(files)
    assert every_resource and every_resource <= set(files)
    assert "archive/collection.toml" in files
    assert "resources/ashraf-archive.desktop" in files
    assert "resources/icons/ashraf-archive-256.png" in files
    assert "prebuilt-index/stamp.json" in files and "prebuilt-index/_MAIN_1.toc" in files
    assert {d for d in files if d.startswith("docs/")} == {
        f"docs/{p.name}" for p in (REPO / "docs").glob("*.md")}
    for dest, src in files.items():  # each pair names an existing file and keeps its relative place
        assert Path(src).is_file(), src
        if not dest.startswith("prebuilt-index/"):
            assert Path(src).resolve() == (REPO / dest).resolve()


def test_the_prebuilt_index_matches_the_bundled_archive_and_opens_in_place(spec: dict, tmp_path: Path) -> None:
    """What the spec builds is what the search package accepts as prebuilt: same schema, same fingerprint."""
    from ashraf_desktop.core.loader import load_archive
    from ashraf_desktop.core.search import open_index

    dest = spec["build_prebuilt_index"](tmp_path / "prebuilt-index", REPO)
    assert (dest / "stamp.json").is_file()
    # the bundle holds a copy of archive/ elsewhere: the fingerprint must not depend on the path
    copy = tmp_path / "bundle" / "archive"
    import shutil
    shutil.copytree(REPO / "archive", copy)
    archive = load_archive(copy, check_files=False).archive
    index = open_index(archive, tmp_path / "user-cache" / "index", prebuilt=dest)
    try:
        assert index.folder == dest  # used in place, read-only: no build at first start
        assert index.search("Ashraf").total > 0
    finally:
        index.close()
    assert not list((tmp_path / "user-cache").rglob("_MAIN_*.toc"))  # nothing was built in the cache


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtga.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
    ("PySide6/Qt/lib/libQt6Svg.so.6", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", True),  # QtPdf links to it
    ("PySide6/Qt/lib/libQt6WaylandClient.so.6", True),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("libQt6EglFSDeviceIntegration.so.6", False),
    ("archive/collection.toml", True),
    ("resources/icons/lucide/search.svg", True),
])
def test_qt_files_kept_and_left_out(spec: dict, dest: str, kept: bool) -> None:
    assert spec["keep_qt_file"](dest) is kept


def test_prune_drops_libraries_only_a_removed_plugin_needed(spec: dict) -> None:
    needed = {
        "/s/QtGui.abi3.so": {"libQt6Gui.so.6"},
        "/s/libQt6Gui.so.6": {"libfontconfig.so.1"},
        "/s/libfontconfig.so.1": set(),
        "/s/libpango-1.0.so.0": set(),  # was pulled in by the GTK theme plugin, now gone
        "/s/libpython3.11.so.1.0": set(),
        "/s/libpdfium.so": set(),
    }
    binaries = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libfontconfig.so.1", "/s/libfontconfig.so.1", "BINARY"),
        ("libpango-1.0.so.0", "/s/libpango-1.0.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/s/libpython3.11.so.1.0", "BINARY"),  # dlopen()ed by the bootloader
        ("pypdfium2_raw/libpdfium.so", "/s/libpdfium.so", "BINARY"),  # ctypes: inside a package, kept
    ]
    kept = {entry[0] for entry in spec["prune_unreferenced"](binaries, needed_of=needed.__getitem__)}
    import sys
    if not sys.platform.startswith("linux"):
        assert kept == {entry[0] for entry in binaries}
        return
    assert kept == {"PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6", "libQt6Gui.so.6",
                    "libfontconfig.so.1", "libpython3.11.so.1.0", "pypdfium2_raw/libpdfium.so"}


@pytest.mark.parametrize("platform, suffix", [("win32", ".ico"), ("darwin", ".icns"), ("linux", None)])
def test_icon_chosen_per_os(spec: dict, tmp_path: Path, platform: str, suffix: str | None) -> None:
    icon = spec["app_icon"](REPO, platform=platform, work=tmp_path)
    if suffix is None:
        assert icon is None  # Linux: the .desktop file names the icon
        return
    assert icon is not None and icon.endswith(suffix) and Path(icon).stat().st_size > 1000
    from PIL import Image
    with Image.open(icon) as im:
        assert im.format == {".ico": "ICO", ".icns": "ICNS"}[suffix]


def test_check_bundle_names_what_is_missing(spec: dict, tmp_path: Path) -> None:
    bundle = tmp_path / "AshrafArchive"
    (bundle / "_internal").mkdir(parents=True)
    problems = spec["check_bundle"](bundle, REPO, platform="linux")
    assert any("no executable" in p for p in problems)
    assert any("archive/collection.toml" in p for p in problems)
    assert any("libqxcb.so" in p for p in problems)
    assert any("prebuilt-index/stamp.json" in p for p in problems)


def test_the_desktop_file_and_app_icons_exist() -> None:
    desktop = (REPO / "resources" / "ashraf-archive.desktop").read_text(encoding="utf-8")
    assert "[Desktop Entry]" in desktop and "Icon=ashraf-archive" in desktop and "Exec=" in desktop
    assert (REPO / "resources" / "icons" / "ashraf-archive-256.png").is_file()
    assert (REPO / "resources" / "icons" / "ashraf-archive.svg").is_file()
