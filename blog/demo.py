"""The covers of the demo posts, drawn by Pillow (no downloads, no image files in the
repository): what blog/demo/posts.toml cannot say. valita/demo.py loads the posts."""

import io
import random

from PIL import Image, ImageDraw

PALETTES = [
    ((123, 31, 84), (246, 214, 226), (255, 196, 0)),
    ((18, 84, 120), (214, 235, 246), (255, 140, 66)),
    ((36, 99, 58), (222, 242, 226), (250, 220, 90)),
    ((90, 60, 140), (235, 226, 248), (120, 200, 190)),
]


def cover_image(seed: str, size=(1600, 900)) -> bytes:
    """An abstract illustration: a gradient with soft circles and bars (JPEG bytes)."""
    rng = random.Random(seed)
    dark, light, accent = rng.choice(PALETTES)
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(height):
        t = y / height
        colour = tuple(
            round(light[i] * (1 - t) + dark[i] * t * 0.35 + light[i] * t * 0.65) for i in range(3)
        )
        draw.line([(0, y), (width, y)], fill=colour)
    for _ in range(7):
        r = rng.randint(60, 260)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice([dark, accent]))
    for i in range(rng.randint(3, 6)):
        x = 120 + i * 110
        bar = rng.randint(120, 420)
        draw.rectangle([x, height - 80 - bar, x + 70, height - 80], fill=accent if i % 2 else dark)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()
