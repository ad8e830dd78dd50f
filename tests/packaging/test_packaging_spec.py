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
                 "prune_unreferenced", "drop_libraries", "share_system_libraries", "startup_scripts",
                 "keep_data_file",
                 "check_bundle"):
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
    from ashraf_desktop.core.archive import load_archive
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
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libwl-shell-plugin.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libqt-shell.so", False),
    ("PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so", True),
    ("PySide6/Qt/plugins/wayland-graphics-integration-client/libdmabuf-server.so", False),
    ("PySide6/Qt/plugins/wayland-decoration-client/libadwaita.so", True),
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
    ("resources/translations/ashraf_fa.qm", True),  # the Persian interface (scripts/bootstrap.sh compiles it)
    ("resources/translations/qtbase_fa.qm", True),  # Qt's own words in Persian, copied there by bootstrap
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


def test_pillow_avif_is_left_out_and_nothing_kept_may_need_it(spec: dict) -> None:
    assert {"PIL.AvifImagePlugin", "PIL._avif"} <= set(spec["EXCLUDED_MODULES"])
    binaries = [
        ("PIL/_imaging.cpython-311-x86_64-linux-gnu.so", "/s/_imaging.so", "EXTENSION"),
        ("PIL/_avif.cpython-311-x86_64-linux-gnu.so", "/s/_avif.so", "EXTENSION"),
        ("PIL/_webp.cpython-311-x86_64-linux-gnu.so", "/s/_webp.so", "EXTENSION"),
        ("pillow.libs/libavif-c6062d5f.so.16.4.2", "/s/libavif-c6062d5f.so.16.4.2", "BINARY"),
        ("libavif-c6062d5f.so.16.4.2", "pillow.libs/libavif-c6062d5f.so.16.4.2", "SYMLINK"),
        ("pillow.libs/libwebp-51b0b3f7.so.7.2.0", "/s/libwebp-51b0b3f7.so.7.2.0", "BINARY"),
        ("pillow.libs/libsharpyuv-0066295b.so.0.1.2", "/s/libsharpyuv-0066295b.so.0.1.2", "BINARY"),
    ]
    needed = {"/s/_imaging.so": set(),
              "/s/_webp.so": {"libwebp-51b0b3f7.so.7.2.0", "libsharpyuv-0066295b.so.0.1.2"},
              "/s/libwebp-51b0b3f7.so.7.2.0": {"libsharpyuv-0066295b.so.0.1.2"},
              "/s/libsharpyuv-0066295b.so.0.1.2": set(), "/s/_avif.so": {"libavif-c6062d5f.so.16.4.2"},
              "/s/libavif-c6062d5f.so.16.4.2": set()}
    kept = {e[0] for e in spec["drop_libraries"](binaries, needed_of=needed.__getitem__)}
    assert kept == {"PIL/_imaging.cpython-311-x86_64-linux-gnu.so", "PIL/_webp.cpython-311-x86_64-linux-gnu.so",
                    "pillow.libs/libwebp-51b0b3f7.so.7.2.0", "pillow.libs/libsharpyuv-0066295b.so.0.1.2"}
    import sys
    if sys.platform.startswith("linux"):  # a kept binary that needs a library left out fails the build
        needed["/s/_webp.so"] = {"libavif-c6062d5f.so.16.4.2"}
        with pytest.raises(SystemExit, match="_webp.* needs libavif"):
            spec["drop_libraries"](binaries, needed_of=needed.__getitem__)


def test_unread_data_of_dependencies_is_left_out(spec: dict) -> None:
    keep = spec["keep_data_file"]
    assert not keep("docx/templates/default-docx-template/word/styles.xml")
    for dest in ("docx/templates/default.docx", "docx/templates/default-styles.xml", "archive/collection.toml",
                 "bagit-1.9.0.dist-info/METADATA"):
        assert keep(dest), dest
    import docx
    package = Path(docx.__file__).parent
    unread = [p for p in package.rglob("*.py") if "default-docx-template" in p.read_text(encoding="utf-8")]
    assert unread == [], "python-docx reads the folder the bundle leaves out"


def test_pillows_libxau_becomes_a_link_to_the_bundled_system_one(spec: dict) -> None:
    import sys
    binaries = [("libXau.so.6", "/usr/lib/libXau.so.6", "BINARY"),
                ("pillow.libs/libXau-154567c4.so.6.0.0", "/s/libXau-154567c4.so.6.0.0", "BINARY"),
                ("libXau-154567c4.so.6.0.0", "pillow.libs/libXau-154567c4.so.6.0.0", "SYMLINK"),
                ("pillow.libs/libxcb-9065bb12.so.1.1.0", "/s/libxcb-9065bb12.so.1.1.0", "BINARY")]
    out = spec["share_system_libraries"](binaries)
    if not sys.platform.startswith("linux"):
        assert out == binaries
        return
    assert ("pillow.libs/libXau-154567c4.so.6.0.0", "../libXau.so.6", "SYMLINK") in out
    assert [e for e in out if e[0] != "pillow.libs/libXau-154567c4.so.6.0.0"] == \
        [e for e in binaries if e[0] != "pillow.libs/libXau-154567c4.so.6.0.0"]
    without_system = [e for e in binaries if e[0] != "libXau.so.6"]  # nothing to link to: Pillow's own stays
    assert spec["share_system_libraries"](without_system) == without_system


def test_run_time_hooks_and_entry_point(spec: dict) -> None:
    scripts = [("pyiboot01_bootstrap", "/p/b.py", "PYSOURCE"), ("pyi_rth_inspect", "/p/i.py", "PYSOURCE"),
               ("pyi_rth_pyside6", "/p/q.py", "PYSOURCE"), ("pyi_rth_multiprocessing", "/p/m.py", "PYSOURCE"),
               ("ashraf_rth_qt", "/w/ashraf_rth_qt.py", "PYSOURCE"), ("entry", "/w/entry.py", "PYSOURCE")]
    linux = [s[0] for s in spec["startup_scripts"](scripts, platform="linux", version=(3, 11))]
    assert linux == ["pyiboot01_bootstrap", "pyi_rth_inspect", "ashraf_rth_qt", "entry"]
    for platform, version in (("win32", (3, 11)), ("darwin", (3, 11)), ("linux", (3, 14))):
        assert spec["startup_scripts"](scripts, platform=platform, version=version) == scripts
    assert "PySide6" not in spec["QT_RUNTIME_HOOK"].replace('"PySide6", "Qt", "plugins"', "")
    compile(spec["QT_RUNTIME_HOOK"], "ashraf_rth_qt.py", "exec")
    entry = spec["ENTRY_SCRIPT"]
    compile(entry, "entry.py", "exec")
    assert "freeze_support()" in entry and entry.index("import multiprocessing") > entry.index('"darwin")')


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
    libs = bundle / "_internal" / "pillow.libs"
    libs.mkdir()
    (libs / "libavif-c6062d5f.so.16.4.2").write_bytes(b"\x7fELF")
    (libs / "libXau-154567c4.so.6.0.0").symlink_to("../libXau.so.6")  # its target is missing
    problems = spec["check_bundle"](bundle, REPO, platform="linux")
    assert "left out by DROPPED_LIBRARIES but there: pillow.libs/libavif-c6062d5f.so.16.4.2" in problems
    assert "dangling library link: pillow.libs/libXau-154567c4.so.6.0.0" in problems


def test_the_desktop_file_and_app_icons_exist() -> None:
    desktop = (REPO / "resources" / "ashraf-archive.desktop").read_text(encoding="utf-8")
    assert "[Desktop Entry]" in desktop and "Icon=ashraf-archive" in desktop and "Exec=" in desktop
    assert (REPO / "resources" / "icons" / "ashraf-archive-256.png").is_file()
    assert (REPO / "resources" / "icons" / "ashraf-archive.svg").is_file()


def test_the_bundle_gets_tesseract_and_its_three_languages(spec, tmp_path):
    data = tmp_path / "tessdata"
    (data / "configs").mkdir(parents=True)
    for name in ("eng", "fas", "ara", "osd"):
        (data / f"{name}.traineddata").write_bytes(b"x")
    (data / "configs" / "tsv").write_text("tessedit_create_tsv 1\n")
    program = tmp_path / "tesseract"
    program.write_bytes(b"\x7fELF")
    binaries, datas = spec["tesseract_files"](which=lambda _name: str(program), dirs=(tmp_path / "none", data))
    assert binaries == [(str(program.resolve()), "tesseract/bin")]
    assert sorted(Path(src).name for src, _dest in datas) == ["ara.traineddata", "eng.traineddata",
                                                              "fas.traineddata", "tsv"]  # not osd (10 MB)
    assert {dest for _src, dest in datas} == {"tesseract/tessdata", "tesseract/tessdata/configs"}
    # a build machine without Tesseract, or without one of the languages: a bundle without OCR, said
    assert spec["tesseract_files"](which=lambda _name: None, dirs=(data,)) == ([], [])
    (data / "fas.traineddata").unlink()
    assert spec["tesseract_files"](which=lambda _name: str(program), dirs=(data,)) == ([], [])


def test_icu_72_data_is_replaced_by_a_stand_in_and_qts_own_icu_is_not(spec, tmp_path):
    import shutil
    if not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler here (scripts/build-package installs gcc as root)")
    real = tmp_path / "libicudata.so.72"
    real.write_bytes(b"\0" * 4096)
    qt = tmp_path / "qt-libicudata.so.73"
    qt.write_bytes(b"\0" * 4096)
    binaries = [("libicudata.so.72", str(real), "BINARY"), ("PySide6/Qt/lib/libicudata.so.73", str(qt), "BINARY"),
                ("libz.so.1", "/lib/x86_64-linux-gnu/libz.so.1", "BINARY")]
    out = spec["icu_data_stub"](binaries, tmp_path / "work")
    stub = Path(out[0][1])
    assert out[0][0] == "libicudata.so.72" and stub != real and stub.stat().st_size < 50_000
    assert out[1:] == binaries[1:]  # Qt's ICU and everything else untouched
    import subprocess
    symbols = subprocess.run(["nm", "-D", str(stub)], capture_output=True, text=True).stdout
    assert "icudt72_dat" in symbols  # what libicuuc.so.72 needs to load
