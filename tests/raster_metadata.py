"""What metadata a JPEG, PNG or WebP file carries, read from its container's own structure
(markers and chunks), so the tests do not trust the library that wrote the file."""

from __future__ import annotations

import struct

JPEG_METADATA = {0xE1: "APP1 (EXIF or XMP)", 0xE2: "APP2 (ICC)", 0xED: "APP13 (IPTC)", 0xFE: "COM"}
PNG_METADATA = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP", b"tIME"}
WEBP_METADATA = {b"EXIF", b"XMP ", b"ICCP"}
RASTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".tif", ".tiff", ".bmp")


def _jpeg(data: bytes) -> list[str]:
    found, at = [], 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xDA:  # start of scan: only pixels follow
            break
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in JPEG_METADATA:
            found.append(JPEG_METADATA[marker])
        elif 0xE3 <= marker <= 0xEF:
            found.append(f"APP{marker - 0xE0}")
        at += 2 + length
    return found


def _png(data: bytes) -> list[str]:
    found, at = [], 8
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        if kind in PNG_METADATA:
            found.append(kind.decode())
        at += 12 + length
    return found


def _webp(data: bytes) -> list[str]:
    found, at = [], 12
    while at + 8 <= len(data):
        kind, length = data[at : at + 4], struct.unpack("<I", data[at + 4 : at + 8])[0]
        if kind in WEBP_METADATA:
            found.append(kind.decode().strip())
        at += 8 + length + (length & 1)
    return found


def metadata(data: bytes) -> list[str]:
    """The metadata blocks in ``data``; ['unknown format'] for anything but the three."""
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    return ["unknown format"]
