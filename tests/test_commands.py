"""The import_release and extract_claims commands, on the seed and on every kind of bad input."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.models import Claim, Paragraph, Release, Speaker
from tests.factories import SEED_PATH

ROOT = Path(__file__).resolve().parent.parent

BAD_INPUTS = {
    "empty.txt": b"",
    "blank.txt": b"  \r\n\t \n \xc2\xa0\n",
    "binary.bin": bytes(range(256)) * 8,
    "nobody.html": b"<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a>"
    b"</nav><footer>Copyright</footer></body></html>",
}


def run_manage(*args, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DJANGO_DEBUG"] = "1"  # a developer's terminal, as after `make run`
    # A database of the subprocess's own, so the developer's database is never touched.
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'commands.sqlite3'}"
    env["FACTCHECK_MAX_RELEASE_BYTES"] = "4096"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )


def test_extract_claims_prints_the_seed_as_json_without_a_database(tmp_path):
    result = run_manage("extract_claims", str(SEED_PATH), "--json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"title", "paragraphs", "speakers", "quotes", "claims"}
    assert data["title"].startswith("Secretary General in Tokyo")
    assert [q["paragraph"] for q in data["quotes"]] == [1, 3, 5, 5]
    assert {q["speaker"] for q in data["quotes"]} == {"Jens Stoltenberg"}
    assert len(data["claims"]) >= 8
    paragraphs = {p["index"]: p["text"] for p in data["paragraphs"]}
    for item in data["quotes"] + data["claims"]:
        assert paragraphs[item["paragraph"]][item["start"] : item["end"]] == item["text"]
    # Nothing was written: the subprocess's database was never even created.
    assert not (tmp_path / "commands.sqlite3").exists()


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_each_bad_file_gets_one_sentence_and_a_failing_exit_status(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    for command in ("import_release", "extract_claims"):
        result = run_manage(command, str(path), tmp_path=tmp_path)
        assert result.returncode in (1, 2)
        assert "Traceback" not in result.stderr
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr
        assert lines[0].endswith(".")


def test_a_missing_path_is_named_in_the_error(tmp_path):
    result = run_manage("import_release", str(tmp_path / "nope.txt"), tmp_path=tmp_path)
    assert result.returncode == 1
    assert "There is no file at" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_oversized_file_is_refused_with_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Headline\n" + "The minister said the plan works. " * 500, encoding="utf-8")
    result = run_manage("import_release", str(path), tmp_path=tmp_path)
    assert result.returncode == 1
    assert "over the limit of 4,096 bytes" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_nothing_is_saved_for_a_bad_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    with pytest.raises(CommandError):
        call_command("import_release", str(path))
    assert Release.objects.count() == Paragraph.objects.count() == Claim.objects.count() == 0
    assert Speaker.objects.count() == 0


@pytest.mark.django_db
def test_import_release_prints_what_it_created_and_finds_it_again(capsys):
    call_command(
        "import_release", str(SEED_PATH), "--organization", "NATO", "--published", "2023-01-31",
        "--url", "https://www.nato.int/cps/en/natohq/news_211294.htm",
    )
    out = capsys.readouterr().out
    release = Release.objects.get()
    assert f"Imported release #{release.pk}" in out
    assert "7 paragraphs" in out and "4 quotes" in out
    assert release.organization == "NATO"
    assert str(release.published_on) == "2023-01-31"
    assert release.claims.filter(kind="quote").count() == 4

    call_command("import_release", str(SEED_PATH))
    assert "Already imported as release" in capsys.readouterr().out
    assert Release.objects.count() == 1


@pytest.mark.django_db
def test_a_windows_1252_file_is_imported_and_the_assumed_encoding_is_said(tmp_path, capsys):
    path = tmp_path / "cp1252.txt"
    text = "Minister opens new café\n“We are proud of this café,” said Minister Anna Müller.\n"
    path.write_bytes(text.encode("cp1252"))
    call_command("import_release", str(path))
    captured = capsys.readouterr()
    assert "Windows-1252" in captured.err
    release = Release.objects.get()
    assert release.title == "Minister opens new café"
    assert release.claims.get(kind="quote").text == "We are proud of this café"


@pytest.mark.django_db
def test_a_bad_published_date_is_refused_before_anything_is_read(tmp_path):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("import_release", str(SEED_PATH), "--published", "31/01/2023")
    assert Release.objects.count() == 0
