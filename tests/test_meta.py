"""Per-article metadata (``--meta FILE``, ``build_corpus(meta=...)``), JSONL ids kept, bad options as usage errors."""

import datetime as dt
import json
from pathlib import Path

import pytest

from storyline.cli.main import main
from storyline.errors import UsageError
from storyline.ingest.meta import parse_meta, read_meta
from storyline.ingest.read import RawDocument
from storyline.service.corpus import build_corpus

from .conftest import SAMPLES

# The five samples' true publication dates (the Free Beacon's Tuesday is 7 May 2013, Kerry in Moscow; CNN and
# The Wire wrote on Wednesday 17 August 2011, the eve of Obama's call; the others state theirs).
TRUE_DATES = {
    "000_c1571f36e716054d.txt": "2011-08-17",
    "001_93f27252f708ae0a.txt": "2012-07-12",
    "002_88bda0a49e944852.txt": "2012-02-02",
    "003_24413f4cd07879cc.txt": "2013-05-07",
    "004_e845911046fabb81.txt": "2011-08-17",
}


def meta_csv(tmp_path: Path, rows: dict[str, str], extra: str = "") -> Path:
    path = tmp_path / "dates.csv"
    lines = ["path,published,outlet"] + [f"{name},{date}," for name, date in rows.items()]
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


def test_a_csv_row_names_an_article_by_file_name_path_or_line():
    meta = parse_meta(
        "path,published,outlet\na.txt,2013-05-07,Free Beacon\nfeed.jsonl:2,2012-01-01,\n", "m.csv"
    )
    assert meta.fields_for(RawDocument(source="some/dir/a.txt", content="x")) == {
        "published": "2013-05-07",
        "outlet": "Free Beacon",
    }
    assert meta.fields_for(RawDocument(source="feed.jsonl:2", content="x")) == {"published": "2012-01-01"}
    assert meta.fields_for(RawDocument(source="feed.jsonl:3", content="x")) == {}
    assert [row.where for row in meta.unused()] == []


def test_a_jsonl_row_names_an_article_by_id():
    meta = parse_meta('{"id": "kerry", "published": "2013-05-07", "title": "Kerry"}\n', "m.jsonl")
    raw = RawDocument(source="feed.jsonl:1", content="x", fields={"id": "kerry"})
    assert meta.fields_for(raw) == {"published": "2013-05-07", "title": "Kerry"}
    assert meta.fields_for(RawDocument(source="feed.jsonl:2", content="y", fields={"id": "other"})) == {}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("path,published\na.txt,12/05/2013\n", ["m.csv, line 2", "'12/05/2013' is not a date", "YYYY-MM-DD"]),
        ("path,when\na.txt,2013-05-07\n", ["m.csv", "'when'", "published, outlet, url, title, byline"]),
        ("published\n2013-05-07\n", ["'path' or 'id'"]),
        ('{"path": "a.txt", "published": 20130507}\n', ["line 1", "published must be a string"]),
        ('{"path": "a.txt", "published": "May 7"}\n', ["line 1", "YYYY-MM-DD"]),
        ('{"published": "2013-05-07"}\n', ["names no article"]),
        ("{not json\n", ["line 1", "not JSON"]),
        ("", ["empty"]),
    ],
)
def test_a_bad_meta_file_is_a_usage_error_naming_file_row_and_form(text, said):
    with pytest.raises(UsageError) as raised:
        parse_meta(text, "m.csv")
    for words in said:
        assert words in str(raised.value)


def test_meta_sets_each_articles_own_date_through_the_api(tmp_path):
    path = meta_csv(tmp_path, TRUE_DATES)
    corpus = build_corpus([str(SAMPLES)], meta=str(path), annotate=False)
    dates = {Path(a.source).name: a.published for a in corpus.articles}
    assert dates == {name: dt.date.fromisoformat(day) for name, day in TRUE_DATES.items()}
    assert all(a.published_provenance == "user" and a.published_interval is None for a in corpus.articles)


def test_meta_paths_relative_to_the_meta_file_and_ids_of_jsonl_records(tmp_path):
    text = (SAMPLES / "003_24413f4cd07879cc.txt").read_text(encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "free-beacon-kerry", "text": text}) + "\n", encoding="utf-8")
    by_id = tmp_path / "by_id.jsonl"
    by_id.write_text('{"id": "free-beacon-kerry", "published": "2013-05-07"}\n', encoding="utf-8")
    (article,) = build_corpus([str(feed)], meta=read_meta(str(by_id)), annotate=False).articles
    assert article.id == "free-beacon-kerry" and article.source == f"{feed}:1"
    assert article.published == dt.date(2013, 5, 7)
    relative = tmp_path / "relative.csv"
    relative.write_text("path,outlet\nfeed.jsonl:1,Washington Free Beacon\n", encoding="utf-8")
    (article,) = build_corpus([str(feed)], meta=str(relative), annotate=False).articles
    assert article.outlet == "Washington Free Beacon" and article.outlet_provenance == "user"


def test_a_jsonl_id_is_the_articles_id_in_every_citation(tmp_path):
    from storyline.service.brief import brief

    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": name[:3] + "-sample", "text": (SAMPLES / name).read_text(encoding="utf-8"), "published": day}
        for name, day in TRUE_DATES.items()
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    corpus = build_corpus([str(feed)], annotate="rules")
    assert [a.id for a in corpus.articles] == [r["id"] for r in records]
    assert [a.source for a in corpus.articles] == [f"{feed}:{n}" for n in range(1, 6)]
    result = brief(corpus, ["summary", "timeline"])
    assert result.summary is not None and result.timeline is not None
    cited = {c.article for s in result.summary.sentences for c in s.citations}
    cited |= {c.article for e in result.timeline.entries for s in e.sentences for c in s.citations}
    assert cited and cited <= {r["id"] for r in records}


def test_repeated_jsonl_ids_stay_distinct(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": 7, "text": "Officials met in Geneva on Monday to discuss the plan for the region."})
        + "\n"
        + json.dumps(
            {"id": 7, "text": "Rebels said on Tuesday that they had taken the airport outside the city."}
        )
        + "\n",
        encoding="utf-8",
    )
    ids = [a.id for a in build_corpus([str(feed)], annotate=False).articles]
    assert ids == ["7", "7-2"]


def test_cli_bad_published_is_a_usage_error_not_skipped_files(capsys):
    status = main(["inspect", str(SAMPLES), "--published", "12/05/2013"])
    err = capsys.readouterr().err
    assert status == 2
    assert "--published" in err and "YYYY-MM-DD" in err and "[bad-date]" not in err


def test_cli_bad_meta_is_a_usage_error(tmp_path, capsys):
    path = meta_csv(tmp_path, {"003_24413f4cd07879cc.txt": "7 May 2013"})
    assert main(["inspect", str(SAMPLES), "--meta", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"--meta {path}, line 2" in err and "YYYY-MM-DD" in err
    assert main(["inspect", str(SAMPLES), "--meta", str(tmp_path / "missing.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli_meta_sets_dates_and_warns_of_rows_naming_nothing(tmp_path, capsys):
    path = meta_csv(tmp_path, {**TRUE_DATES, "nothere.txt": "2011-01-01"})
    assert main(["inspect", str(SAMPLES), "--meta", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert {Path(a["source"]).name: a["published"] for a in data["articles"]} == TRUE_DATES
    assert "line 7: no article read has path nothere.txt" in captured.err
