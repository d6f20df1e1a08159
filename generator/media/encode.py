"""The build's image files: each photo encoded to WebP at its widths, each drawing copied as
checked. Encodings are cached by content hash, in memory and on disk, so a rebuild or a
preview refresh does not encode an unchanged photo again.

A photo's original is never published. Its copies are made from the pixels alone: EXIF (GPS
position, camera, artist), XMP, IPTC, comments, text chunks and the colour profile stay
behind, the colours first converted to sRGB, the colour space a page assumes.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from PIL import Image as Pillow
from PIL import ImageCms, ImageOps
from PIL import __version__ as PILLOW_VERSION

from generator.media.pictures import Rendition, renditions
from generator.model.media import CheckedImage

QUALITY = 80
CACHE_DIR = Path(tempfile.gettempdir()) / f"runner-guide-media-{os.getuid()}"
"""Per-user folder of encoded copies, named by the original's hash, width and encoder."""
_MEMORY: dict[str, bytes] = {}


def _cache_name(image: CheckedImage, rendition: Rendition) -> str:
    return f"{image.digest}.{rendition.width}.q{QUALITY}.srgb.pillow{PILLOW_VERSION}.webp"


def _pixels(opened: Pillow.Image) -> Pillow.Image:
    """The photo upright, in sRGB, as pixels only: a new image carries no metadata."""
    upright = ImageOps.exif_transpose(opened)
    mode = "RGBA" if upright.mode in ("RGBA", "LA", "P", "PA") else "RGB"
    converted: Pillow.Image | None = None
    profile = upright.info.get("icc_profile")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            srgb = ImageCms.createProfile("sRGB")
            converted = ImageCms.profileToProfile(upright, source, srgb, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # an unusable profile: the pixels are taken as sRGB
    if converted is None:
        converted = upright.convert(mode)
    return Pillow.frombytes(mode, converted.size, converted.tobytes())


def _encode_all(image: CheckedImage, wanted: list[Rendition]) -> dict[str, bytes]:
    """Decode the photo once and write every missing width."""
    encoded: dict[str, bytes] = {}
    with Pillow.open(image.path) as opened:
        original = _pixels(opened)
    for rendition in wanted:
        resized = original.resize((rendition.width, rendition.height), Pillow.Resampling.LANCZOS)
        buffer = io.BytesIO()
        # Named empty, so no version of Pillow adds metadata of its own accord.
        resized.save(buffer, "WEBP", quality=QUALITY, method=4, exif=b"", xmp=b"", icc_profile=b"")
        encoded[rendition.path] = buffer.getvalue()
    return encoded


def _own_cache() -> bool:
    """Only a folder this user made is trusted: another user could plant files in /tmp."""
    try:
        CACHE_DIR.mkdir(mode=0o700, exist_ok=True)
        return CACHE_DIR.stat().st_uid == os.getuid() and not CACHE_DIR.is_symlink()
    except OSError:
        return False


def _cached(name: str) -> bytes | None:
    if name in _MEMORY:
        return _MEMORY[name]
    if not _own_cache():
        return None
    try:
        data = (CACHE_DIR / name).read_bytes()
    except OSError:
        return None
    _MEMORY[name] = data
    return data


def _remember(name: str, data: bytes) -> None:
    _MEMORY[name] = data
    if not _own_cache():
        return
    try:
        partial = CACHE_DIR / f".{name}.{os.getpid()}"
        partial.write_bytes(data)
        partial.replace(CACHE_DIR / name)
    except OSError:
        pass  # a read-only temp folder only costs the next build an encoding


def image_files(image: CheckedImage) -> dict[str, bytes]:
    """Site path → bytes of every file published for ``image``."""
    wanted = renditions(image)
    if image.kind == "svg":
        return {wanted[0].path: image.path.read_bytes()}
    files: dict[str, bytes] = {}
    missing: list[Rendition] = []
    for rendition in wanted:
        data = _cached(_cache_name(image, rendition))
        if data is None:
            missing.append(rendition)
        else:
            files[rendition.path] = data
    if missing:
        fresh = _encode_all(image, missing)
        for rendition in missing:
            _remember(_cache_name(image, rendition), fresh[rendition.path])
        files.update(fresh)
    return dict(sorted(files.items()))


def media_files(media: dict[str, CheckedImage]) -> dict[str, bytes]:
    """Every file the build publishes for the images the guide uses."""
    files: dict[str, bytes] = {}
    for image in media.values():
        files.update(image_files(image))
    return dict(sorted(files.items()))
