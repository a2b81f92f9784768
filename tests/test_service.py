"""The one way through (storyline.service): a corpus built once, pure stages with declared needs, and one
JSON shape per command whether it comes from the CLI, the HTTP API or the Python API."""

from __future__ import annotations

import copy
import dataclasses
import json

import jsonschema
import pytest

from storyline import Corpus, brief, build_corpus
from storyline.cli.main import main
from storyline.errors import InputProblem
from storyline.model import Article, Brief
from storyline.present import schemas
from storyline.present.results import COMMANDS, brief_json, command_json
from storyline.service.brief import STAGES, Stage, StageOrderError, check_order, stages_for

from .conftest import SAMPLES, SHARED


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus([str(SAMPLES)])


@pytest.fixture(scope="module")
def full(corpus) -> Brief:
    return brief(corpus)


def validate(name: str, data: dict) -> None:
    validator = jsonschema.Draft202012Validator(
        schemas.published(name), format_checker=jsonschema.FormatChecker()
    )
    errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator.iter_errors(data)]
    assert not errors, errors[:5]


# ---------------------------------------------------------------------------------------------
# One JSON shape per command, the same from the CLI and the API


def cli_json(capsys, monkeypatch, command: str) -> dict:
    monkeypatch.chdir(SHARED)  # sources named samples/syria-assad/..., as the API names them
    assert main([command, "samples/syria-assad", "--json", "-q"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def api():
    from fastapi.testclient import TestClient

    from storyline.web.app import Limits, create_app

    app = create_app(Limits(allowed_folders=(SHARED / "samples",)))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_json_is_the_api_json_and_follows_its_schema(capsys, monkeypatch, api, command):
    from_cli = cli_json(capsys, monkeypatch, command)
    response = api.post(f"/api/{command}", json={"folder": "syria-assad"})
    assert response.status_code == 200, response.text
    from_api = response.json()
    validate(command, from_cli)
    validate(command, from_api)
    if command == "brief":  # seconds differ from run to run; everything else is the same
        assert set(from_cli.pop("timings")) == set(from_api.pop("timings"))
    assert from_cli == from_api
    assert api.get(f"/api/schema/{command}").json() == schemas.published(command)


def test_schema_files_are_the_schemas_defined_in_code():
    for name in schemas.NAMES:
        jsonschema.Draft202012Validator.check_schema(schemas.schema(name))
        text = (schemas.FOLDER / f"{name}.json").read_text(encoding="utf-8")
        assert text == schemas.text_of(name), (
            f"run python -m storyline.present.schemas ({name}.json is stale)"
        )


def test_schemas_catch_a_changed_shape(full):
    data = brief_json(full)
    validate("brief", data)
    broken = copy.deepcopy(data)
    broken["summary"]["sentences"][0]["citations"][0]["start"] = "12"
    with pytest.raises(AssertionError):
        validate("brief", broken)
    renamed = command_json("compare", full)
    renamed["reversals"] = [{"from_": "support", **r} for r in renamed["reversals"]] or [{"from_": "x"}]
    with pytest.raises(AssertionError):
        validate("compare", renamed)


def test_brief_holds_each_command_result_and_numbers_articles_as_the_html(full):
    from storyline.present.html import ArticleIndex

    data = brief_json(full)
    summary = command_json("summarize", full)
    assert data["summary"] == {k: v for k, v in summary.items() if k != "problems"}
    assert data["timeline"] == command_json("timeline", full)["timeline"]
    who = command_json("who", full)
    assert data["entities"] == who["entities"] and data["attributions"] == who["attributions"]
    index = ArticleIndex(full.articles)
    for article in data["articles"]:
        assert index.number[article["id"]] == article["number"]
    for source in data["summary"]["sources"]:
        assert index.number[source["id"]] == source["number"]


# ---------------------------------------------------------------------------------------------
# The corpus, built once


def test_corpus_says_what_it_provides_and_parses_only_when_asked(corpus):
    assert {"sentences", "entities", "timexes", "docs", "copies"} <= corpus.annotations
    assert corpus.docs is not None and len(corpus.docs) == len(corpus.articles)
    light = build_corpus([str(SAMPLES)], sections=["summary"], keep_docs=False)
    assert light.docs is None and "docs" not in light.annotations
    # the timeline reads each dated sentence's main event in its article's parse, the summary whether a sentence
    # has a finite verb: the parses are kept
    assert "docs" in build_corpus([str(SAMPLES)], sections=["timeline"]).annotations
    assert "docs" in build_corpus([str(SAMPLES)], sections=["summary"]).annotations
    assert all(a.timexes for a in light.articles if "2011" in a.text)
    rules = build_corpus([str(SAMPLES)], annotate="rules")
    assert "entities" not in rules.annotations and all(a.sentences and not a.entities for a in rules.articles)


def test_problems_reach_the_python_api(tmp_path):
    (tmp_path / "good.txt").write_text(
        "Talks Go On\n\n"
        + "The minister said on Monday that the talks would go on for as long as it takes. " * 3
    )
    (tmp_path / "empty.txt").write_text("")
    told: list[InputProblem] = []
    corpus = build_corpus([str(tmp_path)], annotate=False, on_problem=told.append)
    assert len(corpus.articles) == 1
    assert [p.code for p in corpus.problems] == ["empty"] and list(corpus.problems) == told
    assert brief(corpus, sections=[]).problems == told


def test_copies_are_marked_for_every_caller(tmp_path):
    text = "The army pulled 300 soldiers out of Homs on Tuesday, officials said, as talks went on. " * 6
    rows = [
        {"text": text, "outlet": "Wire"},
        {"text": text + " Reporting by a staff writer.", "outlet": "Paper"},
    ]
    (tmp_path / "two.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    corpus = build_corpus([str(tmp_path / "two.jsonl")], annotate=False)
    assert corpus.articles[1].duplicate_of == corpus.articles[0].id


def test_summary_orders_by_event_time_on_fresh_input(tmp_path):
    """Annotation fills time expressions, so the summary's ordering by event day works on articles read
    from files: the Monday talks come before the Friday fighting although the Friday article is first."""
    rows = [
        {
            "outlet": "Daily One",
            "published": "2011-08-20",
            "text": "Rebel fighters entered the capital on Friday after a week of heavy fighting in the west.\n\n"
            "Residents said the rebels reached the central square late on Friday and were greeted by crowds.",
        },
        {
            "outlet": "Daily Two",
            "published": "2011-08-20",
            "text": "Diplomats from twelve countries met in Geneva on Monday to discuss a ceasefire in the war.\n\n"
            "The meeting on Monday ended without an agreement, but the diplomats promised to meet again.",
        },
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    corpus = build_corpus([str(path)], sections=["summary"])
    friday, monday = corpus.articles
    said = brief(corpus, ["summary"], words=200).summary
    assert said is not None and len(said.sentences) == 4
    order = [s.citations[0].article for s in said.sentences]
    assert order == [monday.id, monday.id, friday.id, friday.id]
    # Without time expressions (as before annotation filled them) the first article leads.
    untimed = dataclasses.replace(
        corpus, articles=tuple(dataclasses.replace(a, timexes=[]) for a in corpus.articles)
    )
    assert brief(untimed, ["summary"], words=200).summary.sentences[0].citations[0].article == friday.id


# ---------------------------------------------------------------------------------------------
# Pure stages with declared needs


def test_stages_write_nothing_on_the_articles(corpus):
    before = [a.to_dict() for a in corpus.articles]
    result = brief(corpus)
    assert not result.stage_errors
    assert [a.to_dict() for a in corpus.articles] == before
    assert result.attributions and any(a.speaker_entity_id for a in result.attributions)


def test_sections_bring_the_stages_they_need():
    assert [s.field for s in stages_for(["comparison"])] == ["entities", "attributions", "comparison"]
    assert [s.field for s in stages_for(["summary"])] == ["summary"]
    with pytest.raises(Exception, match="unknown section"):
        stages_for(["horoscope"])


def test_the_order_is_checked_once_before_any_work(corpus):
    by_field = {s.field: s for s in STAGES}
    backwards = [by_field["attributions"], by_field["entities"]]
    with pytest.raises(StageOrderError, match="who said what stage needs 'roster'.*runs after it"):
        check_order(backwards, corpus.annotations)
    with pytest.raises(StageOrderError):
        brief(corpus, stages=backwards)
    unparsed = build_corpus([str(SAMPLES)], sections=["summary"], keep_docs=False)
    with pytest.raises(StageOrderError, match="'docs' \\(the corpus was built without it\\)"):
        brief(unparsed, ["entities"])
    check_order(STAGES, {"sentences", "entities", "timexes", "docs", "copies"})


def test_a_failed_stage_fails_the_stages_needing_it_and_no_other(corpus, monkeypatch):
    import storyline.who.entities as entities

    def broken(*args, **kwargs):
        raise RuntimeError("roster exploded")

    monkeypatch.setattr(entities, "build_roster", broken)
    result = brief(corpus)
    assert result.stage_errors["entities"] == "who is who failed: RuntimeError: roster exploded"
    assert "needs the who is who" in result.stage_errors["attributions"]
    assert "needs the who is who" in result.stage_errors["comparison"]
    assert result.summary is not None and result.timeline is not None
    assert result.entities is None and result.attributions is None


def test_check_can_stop_the_brief(corpus):
    from storyline.service.brief import Cancelled

    calls = []

    def check():
        calls.append(1)
        if len(calls) > 1:
            raise Cancelled("time is up")

    with pytest.raises(Cancelled):
        brief(corpus, check=check)


def test_a_custom_stage_declares_its_needs(corpus):
    stage = Stage("summary", "storyline.summarize", "summarize", "summary", ("sentences", "timexes"))
    assert brief(corpus, stages=[stage]).summary is not None
    needy = Stage("summary", "storyline.summarize", "summarize", "summary", ("sentiment",))
    with pytest.raises(StageOrderError, match="'sentiment' \\(no stage makes it\\)"):
        brief(corpus, stages=[needy])


def test_nothing_read_gives_an_empty_brief_with_the_problems(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = brief(build_corpus([str(tmp_path)]))
    assert result.articles == [] and result.summary is None and not result.stage_errors
    assert [p.code for p in result.problems] == ["empty"]
    with pytest.raises(StageOrderError):  # a corpus not built by build_corpus provides nothing
        brief(Corpus(articles=(Article(id="a", source="a", text="Hello."),)))


def test_the_stages_run_on_one_blas_thread_and_the_setting_is_given_back(corpus, monkeypatch):
    """On a busy machine BLAS threads only wait for each other (CPU time): the stages' products run on one."""
    from threadpoolctl import threadpool_info, threadpool_limits

    import storyline.timeline.build as timeline

    def blas_threads() -> set[int]:
        return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

    seen: list[set[int]] = []
    build_timeline = timeline.build_timeline

    def watched(*args, **kwargs):
        seen.append(blas_threads())
        return build_timeline(*args, **kwargs)

    monkeypatch.setattr(timeline, "build_timeline", watched)
    with threadpool_limits(limits=2, user_api="blas"):  # as on this two-core machine, whatever it has
        before = blas_threads()
        assert before == {2}
        result = brief(corpus, sections=["timeline"])
        assert blas_threads() == before  # given back
    assert result.timeline is not None and seen == [{1}]
