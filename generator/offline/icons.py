"""The home-screen icon: a runner in white on the guide's teal, drawn with Pillow."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

TEAL = (0, 121, 107)
"""Material's teal 700: white on it passes WCAG AA, which the lighter primary does not."""
WHITE = (255, 255, 255)
OVERSAMPLE = 4
"""Drawn four times larger, then scaled down, for smooth edges."""

HEAD = ((0.595, 0.215), 0.075)
LIMBS = (
    ((0.56, 0.31), (0.46, 0.55)),
    ((0.55, 0.34), (0.65, 0.45), (0.74, 0.37)),
    ((0.55, 0.34), (0.43, 0.42), (0.36, 0.51)),
    ((0.46, 0.55), (0.63, 0.66), (0.59, 0.83)),
    ((0.46, 0.55), (0.39, 0.71), (0.25, 0.75)),
)
"""The runner in a unit square: torso, near and far arm, near and far leg."""


def icon_png(size: int, *, maskable: bool = False) -> bytes:
    """A square PNG icon. A maskable icon keeps the runner inside the central circle that
    every launcher's mask leaves visible."""
    scale = 0.72 if maskable else 0.95
    big = size * OVERSAMPLE
    image = Image.new("RGB", (big, big), TEAL)
    draw = ImageDraw.Draw(image)

    def point(x: float, y: float) -> tuple[float, float]:
        return ((0.5 + (x - 0.5) * scale) * big, (0.5 + (y - 0.49) * scale) * big)

    width = 0.07 * scale * big
    for limb in LIMBS:
        joints = [point(x, y) for x, y in limb]
        draw.line(joints, fill=WHITE, width=round(width), joint="curve")
        for x, y in joints:
            draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=WHITE)
    (x, y), radius = HEAD
    cx, cy = point(x, y)
    r = radius * scale * big
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=WHITE)
    out = io.BytesIO()
    image.resize((size, size), Image.Resampling.LANCZOS).save(out, format="PNG", optimize=True)
    return out.getvalue()
