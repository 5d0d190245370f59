import pytest

from rashomon.errors import InputError
from rashomon.ingest.decode import decode_text


def test_utf8_and_bom():
    assert decode_text("a.txt", "Café “quoted”".encode()) == "Café “quoted”"
    assert decode_text("a.txt", b"\xef\xbb\xbfHello world") == "Hello world"


def test_legacy_cp1252_is_decoded_not_rejected():
    data = "The rebels said \u201cno\u201d to the caf\u00e9 owner\u2019s offer in Ya\u2019rubiyah.".encode(
        "cp1252"
    )
    assert "“no”" in decode_text("old.txt", data)


def test_latin1_is_decoded():
    data = ("Déclaration de l'ONU à Genève sur la trêve humanitaire à Alep. " * 3).encode("latin-1")
    assert "Genève" in decode_text("fr.txt", data)


def test_empty_file_is_rejected_by_name():
    with pytest.raises(InputError, match=r"^empty.txt: empty file$"):
        decode_text("empty.txt", b"  \n\n ")


def test_image_renamed_txt_is_rejected():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    with pytest.raises(InputError, match="binary content \\(PNG image\\)"):
        decode_text("photo.txt", png)


def test_nul_bytes_are_binary():
    with pytest.raises(InputError, match="NUL"):
        decode_text("x.txt", b"abc\x00def\x00" * 10)


def test_undecodable_bytes_are_rejected():
    junk = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x01, 0x02, 0x03, 0xC3, 0x28]) * 50
    with pytest.raises(InputError, match="junk.txt"):
        decode_text("junk.txt", junk)


_NEWS = "Rebels shelled Aleppo on Monday, killing 12 people, officials said. " * 20


def test_utf8_with_a_stray_cp1252_word_keeps_both():
    data = ("Café – " + _NEWS).encode() + " naïve".encode("cp1252")
    text = decode_text("mixed.txt", data)
    assert text.startswith("Café – ") and text.endswith(" naïve")


def test_utf8_cut_inside_its_last_character_is_not_mojibake():
    data = ("Title\n\nCafé " + _NEWS + "é").encode()[:-1]
    assert decode_text("cut.txt", data) == "Title\n\nCafé " + _NEWS


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("Title\n\nCafé naïve – " + _NEWS, "cp1252"), ("Заголовок новости " + _NEWS, "cp1251")],
)
def test_a_tie_between_code_pages_goes_to_windows_not_dos(text, encoding):
    assert decode_text("old.txt", text.encode(encoding)) == text  # not cp775 "Cafķ", cp1125
