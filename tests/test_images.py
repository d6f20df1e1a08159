"""Contributors' photos and drawings: the check refuses unsafe or unusable files, and the build
publishes a photo as WebP widths and a drawing as checked, credited and licensed."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageCms, PngImagePlugin
from raster_metadata import metadata
from test_plugin import mkdocs_build

from generator.engine.export import export_site
from generator.media import encode
from generator.media.examine import examine
from generator.media.svg import Fault
from generator.model.media import CheckedImage
from generator.pipeline import build, check

ALT = "The bridge seen from the side, hips lifted."
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30">'


PRIVATE = "Ada Hidden"
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{PRIVATE}</dc:creator>'
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def _photo_with_metadata(format: str) -> bytes:
    """A phone photo's worth of metadata: GPS position, artist, camera, XMP, a colour profile,
    and the format's own comment or text chunk."""
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = PRIVATE
    exif[ExifTags.Base.Model] = "Pocket Camera 9"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 39.9)
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    options: dict[str, object] = {"exif": exif, "xmp": XMP.encode(), "icc_profile": profile}
    if format == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Author", PRIVATE)
        text.add_itxt("XML:com.adobe.xmp", XMP)
        options["pnginfo"] = text
    if format == "JPEG":
        options["comment"] = f"Taken by {PRIVATE}".encode()
    buffer = io.BytesIO()
    Image.new("RGB", (700, 400), (190, 90, 40)).save(buffer, format, **options)
    return buffer.getvalue()


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (190, 90, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def _add_image(
    content: Path, name: str, data: bytes, *, license: str = "CC-BY-4.0", credit: str = "A. Runner"
) -> None:
    """Put ``data`` in content/media/ and show it on the bridge exercise."""
    (content / "media").mkdir(exist_ok=True)
    (content / "media" / name).write_bytes(data)
    bridge = content / "exercises" / "bridge.yml"
    entry = f"images:\n  - file: {name}\n    alt: {ALT}\n    license: {license}\n"
    if credit:
        entry += f"    credit: {credit}\n"
    bridge.write_text(bridge.read_text(encoding="utf-8") + entry, encoding="utf-8")


def _messages(content: Path) -> list[str]:
    _, problems = check(content)
    return [f"{p.path.name}:{p.line}: {p.message}" for p in problems]


def _verdict(tmp_path: Path, name: str, data: bytes) -> CheckedImage | Fault:
    path = tmp_path / name
    path.write_bytes(data)
    return examine(path)


# The check


def test_a_file_over_two_megabytes_is_refused_at_its_images_entry(content: Path) -> None:
    _add_image(content, "bridge.jpg", b"\xff\xd8\xff" + bytes(2 * 1024 * 1024))
    messages = _messages(content)
    assert len(messages) == 1
    assert messages[0].startswith("bridge.yml:40: image 'bridge.jpg': the file is 2.0 MB")
    assert "limit is 2 MB" in messages[0]


def test_a_small_png_of_huge_dimensions_is_refused_without_decoding_it(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG", optimize=True)
    assert len(buffer.getvalue()) < 200_000
    verdict = _verdict(tmp_path, "bomb.png", buffer.getvalue())
    assert isinstance(verdict, Fault)
    assert "too many pixels" in verdict.message


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("photo.png", b"<!DOCTYPE html><html><body>hello</body></html>", "not a JPEG, PNG"),
        ("photo.png", b"GIF89a" + bytes(40), "not a JPEG, PNG"),
        ("photo.png", _png(3, 2)[:40], "not a JPEG, PNG"),
        ("photo.webp", _png(3, 2), "is a PNG image, but its name ends in '.webp'"),
        ("drawing.svg", _png(3, 2), "is a PNG image, but its name ends in '.svg'"),
    ],
    ids=["html-named-png", "gif-named-png", "truncated-png", "png-named-webp", "png-named-svg"],
)
def test_a_file_is_judged_by_what_it_holds_not_its_name(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    verdict = _verdict(tmp_path, name, data)
    assert isinstance(verdict, Fault)
    assert expected in verdict.message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<script>alert(1)</script>", "a script"),
        ('<rect width="4" height="3" onload="alert(1)"/>', "event handler attribute 'onload'"),
        ('<rect width="4" height="3" ONCLICK="alert(1)"/>', "event handler attribute 'ONCLICK'"),
        ('<use href="https://example.com/sprite.svg#a"/>', "a link to 'https://example.com/"),
        (
            '<use xmlns:x="http://www.w3.org/1999/xlink" x:href="//example.com/a.svg#b"/>',
            "a link to '//example.com/a.svg#b'",
        ),
        ('<a href="javascript:alert(1)"><rect width="4" height="3"/></a>', "a <a> element"),
        ('<image href="data:image/png;base64,AAAA"/>', "a <image> element"),
        ("<foreignObject><div>hi</div></foreignObject>", "a <foreignObject> element"),
        (
            "<rect style=\"fill:url( 'http://example.com/p')\"/>",
            "outside reference 'url(http://example.com/p)' in 'style'",
        ),
        ("<style>@import url(a.css);</style>", "an '@import' rule in a <style> element"),
        ('<set attributeName="href" to="javascript:alert(1)"/>', "a <set> element"),
    ],
    ids=[
        "script",
        "onload",
        "upper-case-handler",
        "outside-href",
        "outside-xlink-href",
        "script-link",
        "embedded-image",
        "foreign-object",
        "outside-url-in-style",
        "import",
        "animation-setting-href",
    ],
)
def test_an_unsafe_svg_drawing_is_refused_with_what_to_remove(
    tmp_path: Path, body: str, expected: str
) -> None:
    verdict = _verdict(tmp_path, "drawing.svg", f"{SVG_OPEN}{body}</svg>".encode())
    assert isinstance(verdict, Fault)
    assert expected in verdict.message
    assert "plain SVG" in verdict.hint


def test_an_svg_with_entities_is_refused_before_they_expand(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    data = f'<!DOCTYPE svg [<!ENTITY l0 "lol">{laughs}]>{SVG_OPEN}<text>&l8;</text></svg>'
    verdict = _verdict(tmp_path, "drawing.svg", data.encode())
    assert isinstance(verdict, Fault)
    assert "DOCTYPE or entities" in verdict.message


def test_a_safe_drawing_with_inner_references_passes_with_its_viewbox_size(
    tmp_path: Path,
) -> None:
    body = (
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>'
        '<path id="p" d="M0 0 L4 3"/></defs><use href="#p"/>'
        '<rect width="40" height="30" fill="url(#g)"/><title>A bridge</title>'
    )
    verdict = _verdict(tmp_path, "drawing.svg", f"{SVG_OPEN}{body}</svg>".encode())
    assert isinstance(verdict, CheckedImage)
    assert (verdict.kind, verdict.width, verdict.height) == ("svg", 40, 30)


def test_every_image_fault_is_reported_in_one_run(content: Path) -> None:
    (content / "media").mkdir()
    (content / "media" / "bridge.svg").write_text(f"{SVG_OPEN}<script/></svg>")
    bridge = content / "exercises" / "bridge.yml"
    entries = [
        ("bridge.svg", "CC0-1.0"),
        ("bridge-side.png", "CC0-1.0"),
        ("bridge.svg", "CC-BY-4.0"),
        ("bridge.svg", "cc0-1.0"),
    ]
    listed = "".join(f"  - {{file: {f}, alt: A bridge, license: {lic}}}\n" for f, lic in entries)
    bridge.write_text(bridge.read_text(encoding="utf-8") + "images:\n" + listed, encoding="utf-8")
    assert _messages(content) == [
        "bridge.yml:40: image 'bridge.svg': the SVG drawing holds a script, "
        "which a drawing may not hold",
        "bridge.yml:41: image file 'bridge-side.png' is not in content/media/",
        "bridge.yml:42: image 'bridge.svg' needs a 'credit': CC-BY-4.0 asks that its author "
        "be named",
        "bridge.yml:42: image 'bridge.svg': the SVG drawing holds a script, "
        "which a drawing may not hold",
        "bridge.yml:43: image 'bridge.svg': the SVG drawing holds a script, "
        "which a drawing may not hold",
        "bridge.yml:43: license 'cc0-1.0' is not on the allow-list (did you mean 'CC0-1.0'?)",
    ]


def test_a_public_domain_image_needs_no_credit(content: Path) -> None:
    _add_image(content, "bridge.png", _png(40, 30), license="CC0-1.0", credit="")
    assert _messages(content) == []


# The build


def _srcset(html: str) -> list[tuple[str, int]]:
    found = re.search(r'srcset="([^"]+)"', html)
    assert found is not None
    return [(url, int(width[:-1])) for url, width in (c.split() for c in found[1].split(", "))]


def test_a_photo_is_published_as_webp_at_each_width_up_to_its_own(content: Path) -> None:
    _add_image(content, "bridge.png", _png(800, 400))
    built = build(content)
    assert built.problems == []
    page = built.pages["exercises/bridge.md"].text
    candidates = _srcset(page)
    assert [width for _, width in candidates] == [320, 640, 800]
    for url, width in candidates:
        assert url.startswith("../../media/bridge.")
        data = built.files[url.removeprefix("../../")]
        with Image.open(io.BytesIO(data)) as encoded:
            assert encoded.format == "WEBP"
            assert encoded.size == (width, width // 2)
    tag = re.search(r"<img [^>]+>", page)
    assert tag is not None
    for attribute in ('width="800"', 'height="400"', 'loading="lazy"', 'decoding="async"'):
        assert attribute in tag[0]
    assert f'alt="{ALT}"' in tag[0]
    assert not any(path.endswith(".png") for path in built.files)


@pytest.mark.parametrize(
    ("name", "format"), [("bridge.jpg", "JPEG"), ("bridge.png", "PNG"), ("bridge.webp", "WEBP")]
)
def test_a_photos_location_camera_and_author_are_not_published(
    content: Path, name: str, format: str
) -> None:
    original = _photo_with_metadata(format)
    with Image.open(io.BytesIO(original)) as opened:
        assert opened.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the original does say where
    assert len(metadata(original)) >= 3
    assert PRIVATE.encode() in original
    _add_image(content, name, original)
    built = build(content)
    assert built.problems == []
    assert len(built.files) == 3
    for path, data in built.files.items():
        assert metadata(data) == [], path
        assert PRIVATE.encode() not in data and b"Pocket Camera" not in data, path
        with Image.open(io.BytesIO(data)) as copy:
            assert copy.format == "WEBP"
            assert not copy.getexif()
            assert {"exif", "xmp", "icc_profile", "comment"}.isdisjoint(copy.info), path


def test_the_open_data_names_the_files_the_site_publishes(content: Path) -> None:
    _add_image(content, "bridge.png", _png(700, 350))
    built = build(content)
    data = json.loads(built.pages["data/exercises.json"].text)
    published = data["image_files"]["bridge.png"]
    assert [path.rsplit(".", 2)[1:] for path in published] == [
        ["320", "webp"],
        ["640", "webp"],
        ["700", "webp"],
    ]
    assert sorted(published) == sorted(built.files)
    assert "Originals are not published" in data["images"]


def test_credit_and_linked_license_are_under_the_image_and_in_the_open_data(
    content: Path,
) -> None:
    _add_image(content, "bridge.png", _png(200, 100), credit="A. Runner")
    built = build(content)
    page = built.pages["exercises/bridge.md"].text
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", page)
    assert caption is not None
    assert "A. Runner" in caption[1]
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">' in caption[1]
    data = json.loads(built.pages["data/exercises.json"].text)
    assert data["exercises"]["bridge"]["images"] == [
        {"file": "bridge.png", "alt": ALT, "credit": "A. Runner", "license": "CC-BY-4.0"}
    ]
    assert data["image_licenses"]["CC-BY-4.0"]["url"] == (
        "https://creativecommons.org/licenses/by/4.0/"
    )


def test_a_drawing_is_published_as_checked_and_shown_with_an_img_tag(content: Path) -> None:
    drawing = f'{SVG_OPEN}<rect width="40" height="30" fill="#c2410c"/></svg>'.encode()
    _add_image(content, "bridge.svg", drawing)
    built = build(content)
    page = built.pages["exercises/bridge.md"].text
    tag = re.search(r"<img [^>]+>", page)
    assert tag is not None
    source = re.search(r'src="\.\./\.\./(media/bridge\.[0-9a-f]+\.svg)"', tag[0])
    assert source is not None
    assert built.files == {source[1]: drawing}
    assert 'width="40" height="30"' in tag[0]
    assert "<svg" not in page.split("## How to do it")[0].split("contributed-images")[1]


def test_an_unchanged_photo_is_not_encoded_again(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encode, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(encode, "_MEMORY", {})
    encodings: list[int] = []
    real: Callable[..., dict[str, bytes]] = encode._encode_all

    def counted(image: CheckedImage, wanted: list[encode.Rendition]) -> dict[str, bytes]:
        encodings.append(len(wanted))
        return real(image, wanted)

    monkeypatch.setattr(encode, "_encode_all", counted)
    _add_image(content, "bridge.png", _png(700, 350))
    first = build(content).files
    monkeypatch.setattr(encode, "_MEMORY", {})  # a new process: only the disk cache is left
    second = build(content).files
    assert encodings == [3]
    assert first == second


def test_the_site_and_the_plain_export_hold_the_image_files(guide_dir: Path) -> None:
    _add_image(guide_dir / "content", "bridge.png", _png(500, 250))
    result = mkdocs_build(guide_dir)
    assert result.returncode == 0, result.stderr
    site_files = sorted(p.name for p in (guide_dir / "site" / "media").glob("*.webp"))
    assert [name.rsplit(".", 2)[1] for name in site_files] == ["320", "500"]
    html = (guide_dir / "site" / "exercises" / "bridge" / "index.html").read_text()
    for name in site_files:
        assert f"../../media/{name}" in html
    assert export_site(guide_dir / "mkdocs.yml", guide_dir / "export") == ([], None)
    exported = sorted(p.name for p in (guide_dir / "export" / "docs" / "media").glob("*.webp"))
    assert exported == site_files
    # The original, metadata and all, is published by neither.
    for media in (guide_dir / "site" / "media", guide_dir / "export" / "docs" / "media"):
        assert sorted(p.name for p in media.iterdir()) == site_files


def test_a_file_no_exercise_shows_is_refused_and_never_published(guide_dir: Path) -> None:
    content = guide_dir / "content"
    (content / "media").mkdir()
    (content / "media" / "x.svg").write_text(
        f"{SVG_OPEN}<script>alert(document.domain)</script></svg>", encoding="utf-8"
    )
    assert _messages(content) == [
        "x.svg:1: no exercise shows 'x.svg', so the check cannot examine or credit it"
    ]
    result = mkdocs_build(guide_dir)
    assert result.returncode != 0
    assert not (guide_dir / "site" / "media" / "x.svg").exists()


def test_a_file_shown_only_by_a_draft_is_not_an_orphan(content: Path) -> None:
    _add_image(content, "bridge.png", _png(40, 30))
    bridge = content / "exercises" / "bridge.yml"
    bridge.write_text("status: draft\n" + bridge.read_text(encoding="utf-8"), encoding="utf-8")
    assert not any("no exercise shows" in message for message in _messages(content))
    _, problems = check(content, reviewed_only=True)
    assert not any("no exercise shows" in problem.message for problem in problems)
