"""Draw the extension's toolbar icons (a white cup on a coffee-brown tile) as PNG files.

Run `python scripts/make_icons.py` after changing the drawing; the PNGs are committed so
building the extension needs nothing but the files. Standard library only.
"""

import math
import struct
import zlib
from pathlib import Path

SIZES = (16, 32, 48, 128)
OUT = Path(__file__).resolve().parent.parent / "extension" / "icons"
TILE = (122, 68, 25)
CUP = (255, 247, 237)
SUPERSAMPLE = 4


def rounded_rect(x, y, left, top, right, bottom, radius):
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return left <= x <= right and top <= y <= bottom and (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def colour_at(x: float, y: float):
    """Colour of the point (x, y) of the unit square, or None outside the tile."""
    if not rounded_rect(x, y, 0.0, 0.0, 1.0, 1.0, 0.22):
        return None
    body = rounded_rect(x, y, 0.20, 0.34, 0.64, 0.76, 0.10)
    ring = (x - 0.64) ** 2 + (y - 0.52) ** 2
    handle = x > 0.60 and 0.06**2 <= ring <= 0.13**2
    saucer = rounded_rect(x, y, 0.14, 0.80, 0.76, 0.86, 0.03)
    steam = any(abs(x - (cx + 0.03 * math.sin((y - 0.12) * 20))) < 0.025 and 0.12 <= y <= 0.27
                for cx in (0.33, 0.50))
    return CUP if body or handle or saucer or steam else TILE


def render(size: int) -> bytes:
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 for each scanline
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    c = colour_at((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)
                    if c:
                        acc[0] += c[0]
                        acc[1] += c[1]
                        acc[2] += c[2]
                        acc[3] += 1
            covered = acc[3]
            if covered:
                row += bytes([acc[0] // covered, acc[1] // covered, acc[2] // covered, 255 * covered // (n * n)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        (OUT / f"icon-{size}.png").write_bytes(render(size))


if __name__ == "__main__":
    main()
