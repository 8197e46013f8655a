#!/usr/bin/env python3
"""Writes the character-set fixtures of tests/data/encodings: one short
Traditional Chinese article (below) in every encoding the loader detects, plus
a binary file and a corrupt UTF-8 file.  Run from anywhere; the files land next
to this script.  tests/unit/test_core.c checks each decodes to utf8.txt."""

import pathlib
import struct
import zlib

ARTICLE = """輝達第三季營收創新高，資料中心業務成長強勁
發布時間：2024-11-21 08:30

（台北訊）輝達（NVIDIA）週三公布2025財年第三季財報，單季營收為350.8億美元，同比增長94%，優於市場預期。其中資料中心業務營收達308億美元，毛利率為74.6%。

公司預計第四季營收約為375億美元，上下浮動2%。執行長黃仁勳表示，新一代Blackwell晶片的需求「非常驚人」。

另據供應鏈消息，台積電本季CoWoS月產能將提升至３．５萬片，以支應輝達的訂單。
"""

# Where corrupt-utf8.txt breaks: a truncated 3-byte sequence (the first two
# bytes of 輝) just before this marker.
CORRUPT_BEFORE = "毛利率"


def png_like():
    """A PNG signature, an IHDR chunk and zeroed image data: NULs at byte 8."""
    ihdr = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
    chunk += struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return b"\x89PNG\r\n\x1a\n" + chunk + bytes(300)


def fixtures():
    text = ARTICLE
    utf8 = text.encode("utf-8")
    cut = utf8.index(CORRUPT_BEFORE.encode("utf-8"))
    return {
        "utf8.txt": utf8,
        "utf8-bom.txt": b"\xef\xbb\xbf" + utf8,
        "utf16le.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf16be.txt": b"\xfe\xff" + text.encode("utf-16-be"),
        "gb18030.txt": text.encode("gb18030"),
        "big5.txt": text.encode("big5"),
        "crlf-utf8.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "corrupt-utf8.txt": utf8[:cut] + "輝".encode("utf-8")[:2] + utf8[cut:],
        "binary.bin": png_like(),
    }


def main():
    here = pathlib.Path(__file__).resolve().parent
    for name, data in fixtures().items():
        (here / name).write_bytes(data)
    print(f"{len(fixtures())} fixtures written to {here}")


if __name__ == "__main__":
    main()
