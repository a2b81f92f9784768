import gzip
import json

import pytest

from storyline.cli.main import main

from .conftest import SAMPLES

ENGLISH = (
    "The minister said on Monday that the talks with the rebels would go on for as long as it takes. " * 3
)


def test_inspect_json_is_pure_json_with_the_documented_fields(capsys):
    status = main(["inspect", str(SAMPLES), "--json"])
    out, err = capsys.readouterr()
    assert status == 0
    data = json.loads(out)
    assert set(data) == {"articles", "problems"} and data["problems"] == []
    articles = data["articles"]
    assert len(articles) == 5
    assert [a["number"] for a in articles] == [1, 2, 3, 4, 5]
    for article in articles:
        for key in (
            "id",
            "source",
            "title",
            "outlet",
            "byline",
            "published",
            "published_provenance",
            "published_estimated",
            "text",
            "removed",
            "sentences",
            "entities",
        ):
            assert key in article
        assert set(article["sentences"][0]) == {"start", "end"}
        assert {"text", "label", "start", "end"} <= set(article["entities"][0])
        assert all(set(r) == {"text", "reason"} for r in article["removed"])
    ynet = next(a for a in articles if "/002_" in a["source"])
    assert ynet["published"] == "2012-02-02" and ynet["published_estimated"] is False
    assert "5 article(s) read" in err


def test_inspect_text_shows_removed_lines_and_quiet_silences_info(capsys):
    status = main(["inspect", str(SAMPLES / "001_93f27252f708ae0a.txt"), "--show-removed", "--quiet"])
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    assert "US: Defections Weakening Syrian Government" in out
    assert "[navigation] Accessibility links" in out
    assert "2012-07-12 — from text:photo-caption" in out


def test_bad_inputs_one_line_each_and_exit_status_1(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Talks Go On\n\n" + ENGLISH)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (tmp_path / "french.txt").write_text(
        "Le président a déclaré mardi que les négociations avec les rebelles se poursuivraient aussi "
        "longtemps que nécessaire, selon un communiqué publié par la présidence dans la soirée."
    )
    (tmp_path / "big.txt").write_text("Big News\n\n" + ENGLISH * 200)
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(b"<html><body><p>text</p>")[:-12])
    (tmp_path / "latin1.txt").write_bytes(("Caf\xe9 Talks\n\n" + ENGLISH).encode("cp1252"))
    status = main(["inspect", str(tmp_path), "--json", "--max-bytes", "5000"])
    out, err = capsys.readouterr()
    assert status == 1
    data = json.loads(out)
    used = {a["source"].rsplit("/", 1)[1] for a in data["articles"]}
    assert used == {"good.txt", "latin1.txt"}
    # The same problems as on stderr, in the JSON too
    assert {p["source"].rsplit("/", 1)[1] for p in data["problems"]} == {
        "empty.txt",
        "binary.txt",
        "french.txt",
        "big.txt",
        "cut.html.gz",
    }
    skipped = [line for line in err.splitlines() if line.startswith("storyline: skipped")]
    names = sorted(line.split("/")[-1].split(":")[0] for line in skipped)
    assert names == ["big.txt", "binary.txt", "cut.html.gz", "empty.txt", "french.txt"]
    assert any("--max-bytes" in line for line in skipped)


def test_truncated_html_with_text_is_used_with_a_warning(tmp_path, capsys):
    page = "<html><head><title>Talks</title></head><body><article><h1>Talks Go On</h1>" + "".join(
        f"<p>{ENGLISH}</p>" for _ in range(4)
    )
    (tmp_path / "cut.html").write_text(page)
    status = main(["inspect", str(tmp_path / "cut.html"), "--json"])
    out, err = capsys.readouterr()
    assert status == 0
    (article,) = json.loads(out)["articles"]
    assert "talks with the rebels" in article["text"]
    assert "truncated" in err


def test_usage_errors_exit_2(capsys):
    assert main(["inspect"]) == 2  # no PATHS
    with pytest.raises(SystemExit) as exited:
        main(["inspect", str(SAMPLES), "--no-such-option"])
    assert exited.value.code == 2
    assert main(["inspect", str(SAMPLES), "--config", "/nonexistent.toml"]) == 2
