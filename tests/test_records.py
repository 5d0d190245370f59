import json

import pytest

from rashomon.errors import InputError
from rashomon.ingest.records import FieldMap, read_records
from rashomon.model import DatePrecision, FoundIn, RawArticle


def records(data: str, fmt: str, pairs=(), order="MDY"):
    return list(read_records("in." + fmt, data.encode(), fmt, FieldMap.parse(list(pairs), order)))


def test_csv_with_mapped_columns_and_us_dates():
    data = 'article_title,article_content,source,date\nT1,"Body one, with comma.",ahram,4/5/2017\n'
    (article,) = records(
        data, "csv", ["title=article_title", "text=article_content", "outlet=source", "date=date"]
    )
    assert isinstance(article, RawArticle)
    assert (article.title, article.text, article.outlet) == ("T1", "Body one, with comma.", "ahram")
    assert article.outlet_found_in is FoundIn.RECORD
    assert (article.published.value, article.published.precision) == (
        "2017-04-05",
        DatePrecision.DAY,
    )


def test_dmy_order_option():
    data = "title,text,date\nT,Body.,4/5/2017\n"
    (article,) = records(data, "csv", order="DMY")
    assert article.published.value == "2017-05-04"


def test_default_column_names_are_found_without_map():
    (article,) = records("headline,body,publisher\nH,Some body.,Reuters\n", "csv")
    assert (article.title, article.text, article.outlet) == ("H", "Some body.", "Reuters")


def test_malformed_row_is_an_error_and_the_rest_goes_on():
    data = "title,text\nA,Body A.\nB,Body B.,extra,fields\nC,Body C.\n"
    out = records(data, "csv")
    assert [type(x).__name__ for x in out] == ["RawArticle", "InputError", "RawArticle"]
    assert out[1].source == "in.csv#row2" and "expected 2 fields, found 4" in out[1].problem


def test_missing_text_column_names_the_fix():
    with pytest.raises(InputError, match="use --map text=FIELD"):
        records("a,b\n1,2\n", "csv")


def test_bad_date_is_reported_not_dropped():
    (error,) = records("title,text,date\nT,Body.,someday\n", "csv")
    assert isinstance(error, InputError) and "unreadable date 'someday'" in error.problem


def test_jsonl_with_a_broken_line():
    lines = [
        json.dumps({"title": "A", "text": "Body A."}),
        "{not json",
        json.dumps({"title": "B", "text": "Body B."}),
    ]
    out = records("\n".join(lines), "jsonl")
    assert [type(x).__name__ for x in out] == ["RawArticle", "InputError", "RawArticle"]
    assert out[1].source == "in.jsonl#line2"


def test_json_array_and_id_in_source():
    data = json.dumps([{"id": "x1", "headline": "H", "content": "C.", "url": "https://a.b/c"}])
    (article,) = records(data, "json")
    assert article.source == "in.json#x1" and article.url == "https://a.b/c"


def test_bad_map_option():
    with pytest.raises(ValueError, match="FIELD=COLUMN"):
        FieldMap.parse(["nonsense"])
    with pytest.raises(ValueError):
        FieldMap.parse(["colour=x"])


def test_fakes_dev_csv_reads_409_dated_articles(fakes_csv):
    field_map = FieldMap.parse(
        ["title=article_title", "text=article_content", "outlet=source", "date=date"]
    )
    out = list(read_records(str(fakes_csv), fakes_csv.read_bytes(), "csv", field_map))
    assert len(out) == 409
    assert all(isinstance(a, RawArticle) and a.outlet and a.published for a in out)
