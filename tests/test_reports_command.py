"""``manage.py export_report``: a report into a file, recorded like a download."""

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.models import Report
from tests import factories
from tests.test_reports_formats import approve_quotes, approved_claim, csv_rows

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    out = io.StringIO()
    call_command("export_report", *args, stdout=out)
    return out.getvalue()


def test_it_writes_the_report_and_records_it_for_the_first_superuser(
    seed_release, reviewer, editor, superuser, tmp_path
):
    approve_quotes(seed_release, reviewer=reviewer, editor=editor)
    target = tmp_path / "approved.csv"

    summary = run("--format", "csv", "--output", str(target))

    content = target.read_bytes()
    report = Report.objects.get()
    assert report.created_by == superuser
    assert report.sha256 == hashlib.sha256(content).hexdigest()
    assert b"".join(report.iter_content()) == content
    rows = csv_rows(content)[1:]
    assert len(rows) == report.row_count == seed_release.claims.approved().count() == 4
    assert summary == (
        f"Wrote report #{report.pk}: {report.row_count} approved claims as CSV to {target} "
        f"({report.size:,} bytes, SHA-256 {report.sha256}).\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["approved.csv"], "no partial file is left"


def test_it_takes_the_filters_of_the_reports_page(reviewer, editor, tmp_path):
    speaker = factories.SpeakerFactory(name="Jane Minister")
    wanted = approved_claim("Taxes fall.", reviewer=reviewer, editor=editor, speaker=speaker,
                            rating="misleading")  # fmt: skip
    approved_claim("Taxes rise.", reviewer=reviewer, editor=editor, speaker=speaker)
    approved_claim("Rain falls.", reviewer=reviewer, editor=editor, rating="misleading")
    target = tmp_path / "minister.json"
    today = wanted.approved_at.date().isoformat()

    run(
        "--format", "json", "--output", str(target), "--user", "editor",
        "--speaker", str(speaker.pk), "--rating", "misleading", "--rating", "inaccurate",
        "--kind", "quote", "--since", today, "--until", today,
    )  # fmt: skip

    document = json.loads(target.read_bytes())
    assert [claim["text"] for claim in document["claims"]] == ["Taxes fall."]
    assert document["filters"] == {
        "since": today,
        "until": today,
        "speaker": speaker.pk,
        "kind": ["quote"],
        "rating": ["inaccurate", "misleading"],
    }
    assert Report.objects.get().created_by == editor


@pytest.mark.parametrize(
    "args, sentence, status",
    [
        (["--since", "31 January"], "Approved from: Enter a valid date.", 2),
        (["--release", "999"], "Release: Select a valid choice.", 2),
        (["--user", "nobody"], "There is no user “nobody”; give the username of an editor.", 2),
        (["--user", "reviewer"], "Rita Reviewer may not export reports; only editors can", 1),
    ],
)
def test_bad_requests_are_refused_with_a_sentence(
    reviewer, editor, superuser, tmp_path, args, sentence, status
):
    target = tmp_path / "out.csv"

    with pytest.raises(CommandError) as refused:
        run("--format", "csv", "--output", str(target), *args)

    assert sentence in str(refused.value)
    assert refused.value.returncode == status
    assert not target.exists()
    assert not Report.objects.exists()


def test_without_a_superuser_it_asks_for_a_user(editor, tmp_path):
    with pytest.raises(CommandError) as refused:
        run("--format", "csv", "--output", str(tmp_path / "out.csv"))

    assert "pass --user with the username of an editor" in str(refused.value)


def test_a_missing_folder_is_refused_before_anything_is_recorded(editor, tmp_path):
    with pytest.raises(CommandError) as refused:
        run("--format", "csv", "--user", "editor", "--output", str(tmp_path / "no" / "out.csv"))

    assert f"There is no folder {tmp_path / 'no'} to write out.csv into" in str(refused.value)
    assert refused.value.returncode == 2
    assert not Report.objects.exists()


def test_from_a_terminal_an_error_is_one_sentence_and_an_exit_status(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DJANGO_DEBUG"] = "1"  # a developer's terminal, as after `make run`
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'export.sqlite3'}"

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
            text=True, timeout=120,
        )  # fmt: skip

    assert manage("migrate", "--noinput").returncode == 0
    result = manage(
        "export_report", "--format", "csv", "--output", str(tmp_path / "out.csv"),
        "--user", "nobody",
    )  # fmt: skip

    assert result.returncode == 2
    assert result.stderr == "There is no user “nobody”; give the username of an editor.\n"
    assert not (tmp_path / "out.csv").exists()
