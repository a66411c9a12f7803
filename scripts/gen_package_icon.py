#!/usr/bin/env python3
"""Draws the packages' icon (assets/icon.png, 128x128 RGBA PNG): a rounded square with a check mark over three
bars (a model's layers, checked). Standard library only (zlib, struct): run it again to change the icon."""
import math, os, struct, zlib

SIZE = 128
BACK = (28, 61, 110)      # deep blue
BAR = (96, 165, 250)      # light blue
CHECK = (250, 250, 250)   # white


def inside_rounded(x, y, r=22):
    cx = min(max(x, r), SIZE - 1 - r)
    cy = min(max(y, r), SIZE - 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def near_segment(x, y, a, b, w):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return math.hypot(x - px, y - py) <= w


def pixel(x, y):
    if not inside_rounded(x, y):
        return (0, 0, 0, 0)
    if near_segment(x, y, (34, 70), (56, 94), 8) or near_segment(x, y, (56, 94), (98, 36), 8):
        return CHECK + (255,)
    for top in (28, 50, 72):
        if 24 <= x <= 72 and top <= y <= top + 10 and not near_segment(x, y, (34, 70), (56, 94), 13):
            return BAR + (255,)
    return BACK + (255,)


def png(width, height, rows):
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "icon.png")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "wb") as f:
        f.write(png(SIZE, SIZE, [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]))
    print(os.path.normpath(out))
