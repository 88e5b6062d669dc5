"""Draws the demo projects' logos (projects/demo/logos/*.png): a simple mark of its own for
each project on its first theme's colour, with the project's short name in the portal's
typeface. Run once by hand (`.venv/bin/python tools/demo_logos.py`); the PNG files are
committed and loaded by valita/demo.py through the image pipeline like an upload."""

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "static/fonts/source-sans-3-latin-wght-normal.woff2"
OUT = ROOT / "projects/demo/logos"
SIZE = 320
WHITE = (255, 255, 255)
THEMES = {1: (11, 95, 138), 2: (161, 35, 79), 3: (46, 107, 42), 4: (138, 74, 0)}


def waves(d, c):  # Ääni: a voice carried further
    d.ellipse([c[0] - 78, c[1] - 18, c[0] - 42, c[1] + 18], fill=WHITE)
    for r in (40, 70, 100):
        d.arc([c[0] - 60 - r, c[1] - r, c[0] - 60 + r, c[1] + r], -45, 45, fill=WHITE, width=12)


def rings(d, c):  # Yhdessä: two together
    for dx in (-28, 28):
        d.ellipse([c[0] + dx - 52, c[1] - 52, c[0] + dx + 52, c[1] + 52], outline=WHITE, width=14)


def house(d, c):  # Arki: everyday life, a home
    x, y = c
    d.polygon([(x - 70, y), (x, y - 62), (x + 70, y)], fill=WHITE)
    d.rectangle([x - 50, y, x + 50, y + 58], fill=WHITE)


def chevrons(d, c):  # Johtaja: leading upwards
    x, y = c
    for dy in (-34, 6, 46):
        d.line(
            [(x - 64, y + dy + 30), (x, y + dy - 20), (x + 64, y + dy + 30)], fill=WHITE, width=16
        )


def shield(d, c):  # Turvallinen: safety
    x, y = c
    d.polygon(
        [(x - 58, y - 62), (x + 58, y - 62), (x + 58, y), (x, y + 66), (x - 58, y)], fill=WHITE
    )


def path(d, c):  # Polku: a way forward
    x, y = c
    points = [(x - 80 + t * 4, y + 40 * math.sin(t / 6.5)) for t in range(41)]
    d.line(points, fill=WHITE, width=16, joint="curve")
    d.polygon([(x + 80, y - 26), (x + 112, y + 10), (x + 72, y + 22)], fill=WHITE)


def people(d, c):  # Mukana: everyone with
    x, y = c
    for dx in (-70, 0, 70):
        d.ellipse([x + dx - 20, y - 60, x + dx + 20, y - 20], fill=WHITE)
        d.pieslice([x + dx - 32, y - 10, x + dx + 32, y + 54], 180, 360, fill=WHITE)


def bolt(d, c):  # Voimaa: strength
    x, y = c
    d.polygon(
        [
            (x + 12, y - 72),
            (x - 46, y + 8),
            (x - 4, y + 8),
            (x - 16, y + 72),
            (x + 46, y - 10),
            (x + 4, y - 10),
        ],
        fill=WHITE,
    )


def leaf(d, c):  # Kestävä: sustainable
    x, y = c
    # A lens between two tips, bulging to both sides of the line between them.
    tip_a, tip_b = (x - 66, y + 62), (x + 66, y - 62)
    side = [(x - 66 + 132 * t / 20, y + 62 - 124 * t / 20) for t in range(21)]
    bulge = [40 * math.sin(math.pi * t / 20) for t in range(21)]
    upper = [(px - b, py - b) for (px, py), b in zip(side, bulge, strict=True)]
    lower = [(px + b, py + b) for (px, py), b in zip(side, bulge, strict=True)]
    d.polygon(upper + lower[::-1], fill=WHITE)
    d.line([tip_a, tip_b], fill=THEMES[1], width=7)


def heart(d, c):  # Välitä!: care
    x, y = c
    d.ellipse([x - 64, y - 56, x + 4, y + 12], fill=WHITE)
    d.ellipse([x - 4, y - 56, x + 64, y + 12], fill=WHITE)
    d.polygon([(x - 62, y - 12), (x + 62, y - 12), (x, y + 62)], fill=WHITE)


LOGOS = {
    "valita-visa-omtanke": ("Välitä!", 1, heart),
    "aani": ("Ääni", 1, waves),
    "yhdessa": ("Yhdessä", 2, rings),
    "arki": ("Arki", 3, house),
    "johtaja": ("Johtaja", 4, chevrons),
    "turvallinen": ("Turvallinen", 2, shield),
    "polku": ("Polku", 3, path),
    "mukana": ("Mukana", 1, people),
    "voimaa": ("Voimaa", 3, bolt),
    "kestava": ("Kestävä", 1, leaf),
}


def draw(name: str, theme: int, mark) -> Image.Image:
    image = Image.new("RGB", (SIZE, SIZE), THEMES[theme])
    d = ImageDraw.Draw(image)
    d.rounded_rectangle([10, 10, SIZE - 11, SIZE - 11], radius=36, outline=WHITE, width=6)
    mark(d, (SIZE // 2, 120))
    size = 58 if len(name) <= 8 else 42
    font = ImageFont.truetype(str(FONT), size)
    font.set_variation_by_axes([800])
    d.text((SIZE // 2, 252), name, font=font, fill=WHITE, anchor="mm")
    return image


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for slug, (name, theme, mark) in LOGOS.items():
        draw(name, theme, mark).save(OUT / f"{slug}.png", optimize=True)
