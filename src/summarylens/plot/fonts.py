"""Chinese that renders: find a CJK font on the machine and register it with matplotlib.

On import, the font is found by family name in matplotlib's list, then by file under the
system font folders, then through ``fc-list``, and put first in ``font.sans-serif``; with
none, one warning gives the command that installs one. ``SUMMARYLENS_CJK_FONT=/path/to/font.ttf``
picks a font.

    >>> setup_cjk_font()          # doctest: +SKIP
    'WenQuanYi Micro Hei'
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import warnings
from collections.abc import Iterable
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

#: CJK font families, most preferred first (simplified Chinese faces before others)
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
    "Hiragino Sans GB", "Heiti SC", "STHeiti", "Sarasa Gothic SC", "Noto Sans CJK JP",
    "Noto Sans CJK TC", "Droid Sans Fallback", "AR PL UMing CN", "AR PL UKai CN", "SimSun",
)

#: font file names that hold CJK faces, in the order of :data:`CJK_FAMILIES`
CJK_FILE_PATTERNS: tuple[str, ...] = (
    r"notosanscjk.*sc|notosanssc", r"sourcehansans(sc|cn)?", r"wqy-?microhei", r"wqy-?zenhei",
    r"msyh", r"simhei", r"pingfang", r"hiragino.*gb", r"stheiti|heiti", r"sarasa",
    r"notosanscjk", r"droidsansfallback", r"uming|ukai", r"simsun", r"notoserifcjk",
)

#: where fonts live when matplotlib's list is stale (it is cached when matplotlib is first run)
FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
    "/System/Library/Fonts", "/Library/Fonts", "~/Library/Fonts",
    os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts"),
)

FONT_SUFFIXES = (".ttf", ".otf", ".ttc")

INSTALL_HINT = (
    "No Chinese (CJK) font found: matplotlib would draw empty boxes for Chinese text.\n"
    "Install one, then restart Python:\n"
    "  Debian/Ubuntu:  sudo apt-get install fonts-wqy-microhei   (or fonts-noto-cjk)\n"
    "  Fedora:         sudo dnf install google-noto-sans-cjk-fonts\n"
    "  macOS:          brew install --cask font-noto-sans-cjk-sc   (PingFang SC is built in)\n"
    "  Windows:        Microsoft YaHei / SimHei ship with Windows; check C:\\Windows\\Fonts\n"
    "or point SUMMARYLENS_CJK_FONT at a .ttf/.otf/.ttc file."
)


class MissingCJKFontWarning(UserWarning):
    """No font that can draw Chinese was found; plots would show empty boxes."""


_SAMPLE = "工会总结经费"
CJK_FONT: str | None = None  # family name in use, set by setup_cjk_font()
_warned = False


def _draws_chinese(path: str | Path) -> bool:
    """True when the font file has glyphs for a few common Chinese characters."""
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(str(path))
    except (OSError, RuntimeError, ValueError):
        return False
    return all(font.get_char_index(ord(ch)) for ch in _SAMPLE)


def _files_by_family() -> Iterable[str]:
    """Font files matplotlib already knows, in the order of :data:`CJK_FAMILIES`."""
    entries = {entry.name: entry.fname for entry in font_manager.fontManager.ttflist}
    return (entries[family] for family in CJK_FAMILIES if family in entries)


def _system_font_files() -> list[str]:
    files = set(font_manager.findSystemFonts())
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            files.update(str(p) for p in root.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)
    return sorted(files)


def _files_by_name() -> Iterable[str]:
    """CJK font files under the system font folders, in the order of :data:`CJK_FILE_PATTERNS`."""
    files = _system_font_files()
    for pattern in CJK_FILE_PATTERNS:
        regex = re.compile(pattern, re.IGNORECASE)
        yield from (f for f in files if regex.search(Path(f).name.replace(" ", "")))


def _files_by_fontconfig() -> Iterable[str]:
    """Files that fontconfig says cover Chinese (``fc-list :lang=zh``), if fontconfig is there."""
    if shutil.which("fc-list") is None:
        return []
    try:
        listing = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                                 timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.split(":")[0].strip() for line in listing.splitlines() if line.strip()]


def find_cjk_font() -> str | None:
    """Path of a font file that draws Chinese: env var, known family, file name, fontconfig."""
    chosen = os.environ.get("SUMMARYLENS_CJK_FONT")
    candidates: list[Iterable[str]] = [[chosen] if chosen else [], _files_by_family(),
                                       _files_by_name(), _files_by_fontconfig()]
    for group in candidates:
        for path in group:
            if path and Path(path).is_file() and _draws_chinese(path):
                return path
    return None


def _family_of(path: str) -> str:
    """The family to ask for: the most preferred face of the file (a .ttc holds several)."""
    names = {entry.name for entry in font_manager.fontManager.ttflist
             if os.path.realpath(entry.fname) == os.path.realpath(path)}
    preferred = [family for family in CJK_FAMILIES if family in names]
    return preferred[0] if preferred else font_manager.FontProperties(fname=path).get_name()


def setup_cjk_font(path: str | None = None) -> str | None:
    """Register a CJK font with matplotlib and put it first; return its family (None: warned).

    >>> setup_cjk_font()          # doctest: +SKIP
    'WenQuanYi Micro Hei'
    """
    global CJK_FONT, _warned
    path = path or find_cjk_font()
    if path is None:
        if not _warned:
            warnings.warn(INSTALL_HINT, MissingCJKFontWarning, stacklevel=2)
            _warned = True
        return None
    font_manager.fontManager.addfont(path)
    family = _family_of(path)
    others = [f for f in mpl.rcParams["font.sans-serif"] if f != family]
    mpl.rcParams["font.sans-serif"] = [family, *others]
    mpl.rcParams["font.family"] = ["sans-serif"]
    mpl.rcParams["axes.unicode_minus"] = False
    CJK_FONT = family
    return family


setup_cjk_font()


__all__ = [
    "CJK_FAMILIES",
    "CJK_FILE_PATTERNS",
    "CJK_FONT",
    "FONT_DIRS",
    "FONT_SUFFIXES",
    "INSTALL_HINT",
    "MissingCJKFontWarning",
    "find_cjk_font",
    "setup_cjk_font",
]
