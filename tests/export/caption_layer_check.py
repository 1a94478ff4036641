#!/usr/bin/env python3
"""Checks a caption layer against the frame it was cut from (tests/export/test_captions.sh):

    caption_layer_check.py BURNT.png PLATE.png LAYER.png
    caption_layer_check.py --alpha A.png B.png    (the same alpha, e.g. a film's frame and its PNG)

BURNT has the captions burnt in, PLATE is the clean frame and LAYER the RGBA caption layer
(straight alpha) of the same instant. The layer is transparent away from the captions, opaque
enough where their text and boxes are, and the compositing recipe (docs/EXPORT.md: layer over
plate) gives back the burnt-in frame. A tiny PNG reader with only the standard library."""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("%s is not a PNG" % path)
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                sys.exit("%s: only 8-bit RGB/RGBA, not interlaced" % path)
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    pixels = [tuple(row[x * channels:(x + 1) * channels]) for row in rows for x in range(width)]
    return width, height, pixels


def alpha_matches(a_path, b_path):
    """--alpha A.png B.png: the two have the same alpha within 2 levels, and some of it > 0."""
    w, h, a = read_png(a_path)
    w2, h2, b = read_png(b_path)
    if (w, h) != (w2, h2) or len(a[0]) != 4 or len(b[0]) != 4:
        sys.exit("FAIL: sizes differ or no alpha")
    worst = max(abs(p[3] - q[3]) for p, q in zip(a, b))
    covered = sum(1 for p in a if p[3] > 0)
    print("alpha: %d of %d pixels > 0, worst difference %d levels" % (covered, w * h, worst))
    sys.exit(0 if worst <= 2 and covered > 0 else 1)


def main():
    if sys.argv[1] == "--alpha":
        alpha_matches(sys.argv[2], sys.argv[3])
    burnt_path, plate_path, layer_path = sys.argv[1:4]
    w, h, burnt = read_png(burnt_path)
    w2, h2, plate = read_png(plate_path)
    w3, h3, layer = read_png(layer_path)
    if not (w == w2 == w3 and h == h2 == h3) or len(layer[0]) != 4:
        sys.exit("FAIL: sizes differ or the layer has no alpha")
    covered = sum(1 for p in layer if p[3] > 0)
    captions = [i for i in range(w * h) if max(abs(burnt[i][c] - plate[i][c]) for c in range(3)) > 8]
    uncovered_text = [i for i in captions if layer[i][3] == 0]
    worst, off = 0, 0
    for i in range(w * h):
        a = layer[i][3] / 255.0
        for c in range(3):
            composite = layer[i][c] * a + plate[i][c] * (1 - a)
            error = abs(composite - burnt[i][c])
            worst = max(worst, error)
            off += error > 3
    corner = [layer[y * w + x][3] for y in range(h // 8) for x in range(w // 8)]
    print("layer: %d of %d pixels have alpha > 0; captions change %d pixels of the plate, %d of them "
          "transparent in the layer; composite vs burnt-in: worst %.1f levels, %d values off by more than 3; "
          "top-left corner alpha max %d" % (covered, w * h, len(captions), len(uncovered_text), worst, off,
                                           max(corner)))
    ok = True
    if not captions:
        print("FAIL: the burnt-in frame shows no captions: pick a time with one")
        ok = False
    if covered < len(captions) or covered > 0.6 * w * h:
        print("FAIL: the layer's alpha does not follow the captions")
        ok = False
    if uncovered_text:
        print("FAIL: where the captions are, the layer is transparent")
        ok = False
    if max(corner) != 0:
        print("FAIL: the layer is not transparent away from the captions")
        ok = False
    if off > 0.001 * w * h * 3:
        print("FAIL: layer over plate is not the burnt-in frame")
        ok = False
    sys.exit(0 if ok else 1)


main()
