"""Judge one media file by what it holds, not by its name: its size, its real type, whether
Pillow can decode it within a pixel budget, and for drawings whether they are safe."""

from __future__ import annotations

import hashlib
import io
import warnings
from pathlib import Path

from PIL import Image as Pillow
from PIL import UnidentifiedImageError

from generator.media.svg import Drawing, Fault, examine_svg
from generator.model.media import CheckedImage, ImageKind

MAX_BYTES = 2 * 1024 * 1024
"""The largest file accepted: 2 MB."""
MAX_PIXELS = 25_000_000
"""The most pixels a photo may have (5000 × 5000), so a small file cannot expand into
gigabytes when decoded."""
PILLOW_FORMATS: dict[str, ImageKind] = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}
SUFFIXES: dict[ImageKind, tuple[str, ...]] = {
    "jpeg": (".jpg", ".jpeg"),
    "png": (".png",),
    "webp": (".webp",),
    "svg": (".svg",),
}
TYPES_HINT = "save it as JPEG, PNG, WebP or SVG"
_CACHE: dict[tuple[str, str], CheckedImage | Fault] = {}
"""(digest, suffix) → verdict; a preview does not decode an unchanged file again."""


def _looks_like_xml(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE"))


def _raster(data: bytes) -> tuple[ImageKind, int, int] | Fault:
    unreadable = Fault("the file is not a JPEG, PNG, WebP or SVG image", TYPES_HINT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Pillow.DecompressionBombWarning)
            with Pillow.open(io.BytesIO(data), formats=list(PILLOW_FORMATS)) as opened:
                width, height = opened.size
                if width * height > MAX_PIXELS:
                    raise Pillow.DecompressionBombError
                kind = PILLOW_FORMATS[str(opened.format)]
                opened.load()
    except (Pillow.DecompressionBombError, Pillow.DecompressionBombWarning):
        return Fault(
            "the image has too many pixels to decode safely (over 25 megapixels)",
            "resize it to at most 2000 pixels on its longest side",
        )
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return unreadable
    return kind, width, height


def _judge(path: Path, data: bytes, digest: str) -> CheckedImage | Fault:
    if _looks_like_xml(data):
        drawing = examine_svg(data)
        if isinstance(drawing, Fault) and path.suffix != ".svg":
            return Fault("the file is not a JPEG, PNG, WebP or SVG image", TYPES_HINT)
        if isinstance(drawing, Fault):
            return drawing
        assert isinstance(drawing, Drawing)
        kind: ImageKind = "svg"
        width, height = drawing.width, drawing.height
    else:
        found = _raster(data)
        if isinstance(found, Fault):
            return found
        kind, width, height = found
    if path.suffix not in SUFFIXES[kind]:
        return Fault(
            f"the file is a {kind.upper()} image, but its name ends in '{path.suffix}'",
            f"rename it to end in '{SUFFIXES[kind][0]}'",
        )
    return CheckedImage(path, kind, width, height, digest)


def examine(path: Path) -> CheckedImage | Fault:
    """What ``path`` holds, or why it cannot be published."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return Fault(
            f"the file is {size / 1024 / 1024:.1f} MB; the limit is 2 MB",
            "export it smaller: 2000 pixels on the longest side is plenty, as JPEG or WebP",
        )
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    key = (digest, path.suffix)
    if key not in _CACHE:
        _CACHE[key] = _judge(path, data, digest)
    verdict = _CACHE[key]
    if isinstance(verdict, CheckedImage) and verdict.path != path:
        return CheckedImage(path, verdict.kind, verdict.width, verdict.height, digest)
    return verdict
