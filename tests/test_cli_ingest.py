import json

from storyline.cli.main import main

from .conftest import SAMPLES
from .test_store import returning_story_jsonl, write_jsonl


def run_json(capsys, *argv):
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, (json.loads(captured.out) if captured.out.strip() else None), captured.err


def test_ingest_then_reingest_reports_counts(tmp_path, capsys):
    db = str(tmp_path / "news.duckdb")
    status, first, _ = run_json(capsys, "ingest", str(SAMPLES), "--db", db, "--json")
    assert status == 0
    assert (first["read"], first["added"], first["already_stored"], first["grouped"]) == (5, 5, 0, 5)
    assert first["articles"] == 5 and first["stories"] >= 1
    status, again, _ = run_json(capsys, "ingest", str(SAMPLES), "--db", db, "--json")
    assert (status, again["added"], again["already_stored"], again["grouped"]) == (0, 0, 5, 0)


def test_stories_json_shape_and_jsonl_sources(tmp_path, capsys):
    db = str(tmp_path / "news.duckdb")
    flu = write_jsonl(tmp_path / "flu.jsonl", "H1N1_guardian", 12)
    assert main(["ingest", str(flu), "--db", db, "--light", "--no-stories", "-q"]) == 0
    capsys.readouterr()
    status, listed, _ = run_json(capsys, "stories", "--db", db, "--json")
    assert status == 0 and set(listed) == {"stories"}
    stories = listed["stories"]
    assert sum(s["size"] for s in stories) == 12
    for story in stories:
        assert set(story) == {"id", "label", "size", "start", "end", "entities", "absorbed", "articles"}
        assert len(story["articles"]) == story["size"]
        for article in story["articles"]:
            assert set(article) == {"id", "source", "title", "published", "published_interval"}
    sources = sorted(int(a["source"].rsplit(":", 1)[1]) for s in stories for a in s["articles"])
    assert sources == list(range(1, 13))
    assert all(a["source"].startswith(str(flu) + ":") for s in stories for a in s["articles"])


def test_every_reading_command_takes_db_and_story(tmp_path, capsys):
    db = str(tmp_path / "news.duckdb")
    assert main(["ingest", str(SAMPLES), "--db", db, "-q"]) == 0
    capsys.readouterr()
    _, listed, _ = run_json(capsys, "stories", "--db", db, "--json", "--no-update")
    biggest = listed["stories"][0]
    status, inspected, _ = run_json(capsys, "inspect", "--db", db, "--story", biggest["id"], "--json")
    assert status == 0
    inspected = inspected["articles"]
    assert sorted(a["id"] for a in inspected) == sorted(a["id"] for a in biggest["articles"])
    assert all(a["sentences"] for a in inspected)
    status, everything, _ = run_json(capsys, "inspect", "--db", db, "--json")
    assert status == 0 and len(everything["articles"]) == 5


def test_text_listing_and_parquet_export(tmp_path, capsys):
    db = str(tmp_path / "news.duckdb")
    assert main(["ingest", str(SAMPLES), "--db", db, "--parquet", str(tmp_path / "pq")]) == 0
    out = capsys.readouterr().out
    assert "5 articles" in out and "articles.parquet" in out
    assert main(["stories", "--db", db, "--articles"]) == 0
    listing = capsys.readouterr().out
    assert listing.count("s-") >= 1 and "entities:" in listing and "001_93f27252f708ae0a.txt" in listing


def test_usage_errors_are_one_clear_line(tmp_path, capsys):
    assert main(["ingest", str(SAMPLES)]) == 2
    assert "ingest needs --db FILE" in capsys.readouterr().err
    assert main(["inspect", "--story", "s-x", str(SAMPLES)]) == 2
    assert "--story needs --db FILE" in capsys.readouterr().err
    assert main(["stories", "--db", str(tmp_path / "none.duckdb"), "--no-update"]) == 2
    assert "no such store" in capsys.readouterr().err
    assert main(["ingest", str(SAMPLES), "--db", str(tmp_path / "missing" / "x.duckdb")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_bad_input_is_skipped_with_exit_status_1(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    db = str(tmp_path / "news.duckdb")
    first_sample = str(sorted(SAMPLES.iterdir())[0])
    status = main(["ingest", str(bad), first_sample, "--db", db, "--light", "--json"])
    captured = capsys.readouterr()
    err = captured.err
    assert json.loads(captured.out)["problems"] == [f"{bad}: file is empty [empty]"]
    assert status == 1 and f"{bad}: file is empty" in err
    assert main(["stories", "--db", db, "--json", "--no-update"]) == 0
    assert sum(s["size"] for s in json.loads(capsys.readouterr().out)["stories"]) == 1


def test_stories_show_what_a_story_absorbed_and_old_ids_still_work(tmp_path, capsys):
    db = str(tmp_path / "news.duckdb")
    source = returning_story_jsonl(tmp_path / "news.jsonl")
    assert main(["ingest", str(source), "--db", db, "--light", "-q"]) == 0
    capsys.readouterr()
    status, listed, _ = run_json(capsys, "stories", "--db", db, "--json")
    merged = [s for s in listed["stories"] if s["absorbed"]]
    assert status == 0 and len(merged) == 1
    story, old = merged[0], merged[0]["absorbed"][0]
    status, one, _ = run_json(capsys, "stories", "--db", db, "--story", old, "--json")
    assert status == 0 and [s["id"] for s in one["stories"]] == [story["id"]]
    assert main(["stories", "--db", db, "--no-update", "--min-size", "10"]) == 0
    text = capsys.readouterr().out
    assert f"absorbed (merged in, still resolve here): {old}" in text
