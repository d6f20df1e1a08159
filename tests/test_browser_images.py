"""Contributors' images in Chromium: space is kept before they load, a phone fetches a
narrow copy, and a drawing is shown as an image, never as live SVG."""

from __future__ import annotations

import pytest
from conftest import Tab

pytestmark = pytest.mark.browser

FIGURE = ".contributed-image img"


def test_an_image_keeps_its_space_before_it_loads(tab: Tab) -> None:
    page = tab.open("/exercises/banded-lateral-walk/")
    image = page.locator(FIGURE)
    # The width and height attributes give the box its shape before a byte arrives.
    assert image.evaluate("img => getComputedStyle(img).aspectRatio") == "auto 960 / 640"
    box = image.bounding_box()
    assert box is not None
    assert box["height"] == pytest.approx(box["width"] * 640 / 960, abs=2)


def test_a_phone_fetches_a_copy_no_wider_than_it_needs(phone: Tab) -> None:
    page = phone.open("/exercises/banded-lateral-walk/")
    image = page.locator(FIGURE)
    image.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.contributed-image img').complete")
    chosen = image.evaluate("img => img.currentSrc")
    assert chosen.endswith((".320.webp", ".640.webp"))
    assert image.evaluate("img => img.naturalWidth") > 0
    assert phone.errors == [] and phone.foreign == []


def test_a_drawing_is_an_image_whose_credit_links_its_license(tab: Tab) -> None:
    page = tab.open("/exercises/calf-raise/")
    image = page.locator(FIGURE)
    assert image.get_attribute("src").endswith(".svg")
    assert page.locator(".contributed-images svg").count() == 0
    license_link = page.locator(".contributed-image__credit a[rel=license]")
    assert license_link.get_attribute("href") == (
        "https://creativecommons.org/publicdomain/zero/1.0/"
    )
    assert (
        "The open strength guide for runners"
        in page.locator(".contributed-image__credit").inner_text()
    )
