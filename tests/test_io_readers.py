"""Readers on small real files made here: HTML, WARC, RSS, JSONL, CSV, text, and the encodings."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasd.io import Record, Skip, discover, read_unit
from rasd.io.encoding import DecodeError, decode
from rasd.io.sources import JSONL_LINES_PER_UNIT

BODY = ("استقبل وزير الخارجية التركي هاكان فيدان نظيره السعودي الأمير فيصل بن فرحان في أنقرة يوم "
        "الثلاثاء، وبحث الجانبان العلاقات الثنائية وتطورات الأوضاع في قطاع غزة. وقال فيدان إن البلدين "
        "يتفقان على ضرورة الوقف الفوري لإطلاق النار وإدخال المساعدات الإنسانية دون عوائق.")
BODY2 = ("تظاهر آلاف الأردنيين مساء الأربعاء قرب السفارة الإسرائيلية في العاصمة عمّان، مطالبين بوقف "
         "الحرب على غزة، فيما انتشرت قوات الأمن بكثافة ومنعت المحتجين من الاقتراب من مبنى السفارة.")
PERSIAN = ("وزیر امور خارجه ایران روز سه‌شنبه با همتای ترکیه‌ای خود در آنکارا دیدار کرد و دو طرف درباره "
           "روابط دوجانبه و تحولات منطقه گفتگو کردند. "
           "او گفت که کشورش از هرگونه ابتکار برای آتش‌بس حمایت می‌کند.")


def html_page(body: str, title: str, *, charset: str = "utf-8", url: str | None = None,
              published: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    link = f'<link rel="canonical" href="{url}">' if url else ""
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">'
            f"<title>{title}</title>{meta}{link}</head><body><nav>الرئيسية | سياسة | اقتصاد</nav>"
            f"<article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>"
            "<footer>جميع الحقوق محفوظة</footer></body></html>")


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    """A gzipped WARC with a request and an HTML response per page, plus one image response."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, html in pages:
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(url, "request", payload=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example.com/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"),
                                                      http_headers=image))


def rss_feed(items: list[tuple[str, str, str, str]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>{u}</link><guid>{u}</guid><pubDate>{d}</pubDate>"
                      f"<description><![CDATA[<p>{b}</p>]]></description></item>" for t, u, d, b in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة الأنباء</title>'
            f"<link>https://agency.example.org</link><description>أخبار</description>{entries}</channel></rss>")


def read_all(path: Path) -> list[Record | Skip]:
    return [item for unit in discover([path]) for item in read_unit(unit)]


def test_html_page_gives_main_text_title_date_and_url(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(html_page(BODY, "فيدان يستقبل بن فرحان", url="https://news.example.com/a/1",
                              published="2024-03-05"), encoding="utf-8")
    [rec] = read_all(page)
    assert isinstance(rec, Record)
    assert rec.title == "فيدان يستقبل بن فرحان"
    assert rec.published == date(2024, 3, 5)
    assert rec.url == "https://news.example.com/a/1"
    assert "هاكان فيدان" in rec.text and "جميع الحقوق محفوظة" not in rec.text
    assert rec.source_name == "news.example.com"


def test_windows_1256_page_is_decoded(tmp_path: Path) -> None:
    page = tmp_path / "cp1256.htm"
    page.write_bytes(html_page(BODY2, "مظاهرة في عمّان", charset="windows-1256").encode("cp1256"))
    [rec] = read_all(page)
    assert isinstance(rec, Record) and "السفارة الإسرائيلية" in rec.text


def test_windows_1256_text_without_declaration_is_detected() -> None:
    assert decode((BODY + " " + BODY2).encode("cp1256")) == BODY + " " + BODY2


def test_utf16_with_and_without_bom() -> None:
    assert decode(BODY.encode("utf-16")) == BODY
    assert decode(BODY.encode("utf-16-le")) == BODY
    assert decode(BODY.encode("utf-16-be")) == BODY
    assert decode("\ufeff".encode() + BODY.encode()) == BODY


def test_binary_is_a_clear_error(tmp_path: Path) -> None:
    try:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    except DecodeError as err:
        assert "binary" in str(err)
    else:
        raise AssertionError("binary bytes decoded")
    with pytest.raises(DecodeError, match="binary"):
        decode(bytes(4096))  # all NUL: even-length, so it looks like UTF-16 at first sight
    blob = tmp_path / "photo.txt"
    blob.write_bytes(b"\x00\x01\x02\xff" * 100)
    [skip] = read_all(blob)
    assert isinstance(skip, Skip) and skip.reason == "encoding"


def test_warc_with_several_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://news.example.com/1", html_page(BODY, "زيارة سعودية إلى أنقرة")),
                      ("https://daily.example.net/2", html_page(BODY2, "احتجاجات في عمّان"))])
    items = read_all(path)
    records = [i for i in items if isinstance(i, Record)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [r.url for r in records] == ["https://news.example.com/1", "https://daily.example.net/2"]
    assert [r.title for r in records] == ["زيارة سعودية إلى أنقرة", "احتجاجات في عمّان"]
    assert len({r.source for r in records}) == 2 and all("@" in r.source for r in records)
    assert [(s.reason, "image/png" in s.detail) for s in skips] == [("unsupported", True)]


def test_rss_feed_entries(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(rss_feed([
        ("زيارة سعودية", "https://agency.example.org/1", "Tue, 05 Mar 2024 10:00:00 +0000", BODY),
        ("مظاهرة في عمّان", "https://agency.example.org/2", "Wed, 06 Mar 2024 19:30:00 +0000", BODY2),
        ("بلا نص", "https://agency.example.org/3", "Wed, 06 Mar 2024 20:00:00 +0000", ""),
    ]), encoding="utf-8")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Record", "Record", "Skip"]
    first = items[0]
    assert first.text == BODY and first.published == date(2024, 3, 5) and first.outlet == "وكالة الأنباء"
    assert items[2].reason == "empty"


def test_jsonl_bad_lines_are_skipped_and_big_files_split(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    good = [{"id": f"n{i}", "url": f"https://x.example.com/{i}", "title": "خبر", "published": "2024-03-05",
             "text": f"{BODY} ({i})"} for i in range(JSONL_LINES_PER_UNIT + 5)]
    lines = [json.dumps(r, ensure_ascii=False) for r in good]
    lines[3] = "{not json"
    lines[4] = json.dumps(["a list"])
    lines[5] = json.dumps({"id": "no-text", "title": "بلا نص"})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units = discover([path])
    assert len(units) == 2
    items = [i for u in units for i in read_unit(u)]
    skips = {i.source.rsplit(":", 1)[1]: i.reason for i in items if isinstance(i, Skip)}
    assert skips == {"4": "malformed", "5": "malformed", "6": "empty"}
    records = [i for i in items if isinstance(i, Record)]
    assert len(records) == len(good) - 3
    assert records[-1].id == f"n{len(good) - 1}" and records[-1].source.endswith(f":{len(good)}")


def test_csv_columns_in_any_case(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text('ID,URL,Title,Published,Text\n1,https://a.example.com/1,عنوان,2024-03-06,"'
                    + BODY2 + '\nسطر ثان"\n', encoding="utf-8")
    [rec] = read_all(path)
    assert rec.id == "1" and rec.published == date(2024, 3, 6) and rec.text.endswith("سطر ثان")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,نص\n", encoding="utf-8")
    [skip] = read_all(bad)
    assert skip.reason == "malformed" and "text" in skip.detail


def test_text_folder_with_dated_names_and_odd_files(tmp_path: Path) -> None:
    (tmp_path / "2024-03-06-amman.txt").write_text(BODY2, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "note.txt").write_bytes(BODY.encode("utf-16"))
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    items = read_all(tmp_path)
    assert [(Path(i.source).name, type(i).__name__) for i in items] == [
        ("2024-03-06-amman.txt", "Record"), ("image.png", "Skip"), ("note.txt", "Record")]
    assert items[0].published == date(2024, 3, 6) and items[2].text == BODY
    [missing] = read_all(tmp_path / "nope")
    assert missing.reason == "missing"
