"""``-o FILE``: only regular files or ``-``; a failed write is one line, exit 2, and no partial file."""

import errno
import os

import pytest

from storyline.cli.main import main
from storyline.cli.output import output_stream, output_target, write_output
from storyline.errors import UsageError

from .conftest import SAMPLES

ONE = str(sorted(SAMPLES.iterdir())[0])


def test_devices_fifos_and_directories_are_never_replaced(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/null", str(tmp_path)):
        with pytest.raises(UsageError, match="regular file|a directory"):
            write_output(target, "text")
    assert fifo.is_fifo() and os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_a_missing_folder_or_nul_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        output_target(str(tmp_path / "no" / "x.html"))
    with pytest.raises(UsageError):
        output_target("a\x00b")
    assert output_target("-") is None


def test_a_symlink_to_a_file_is_written_through(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_output(str(link), "new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, failing):
    target = tmp_path / "brief.html"
    target.write_text("the old brief")

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with (
        pytest.raises(UsageError, match="No space left on device") as raised,
        output_stream(str(target), "the report") as out,
    ):
        if failing == "write":
            monkeypatch.setattr(out, "write", full)
        else:
            monkeypatch.setattr(os, failing, full)
        out.write("half of a new brief")
    assert str(raised.value).startswith(f"{target}: cannot write the report")
    assert target.read_text() == "the old brief"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.html"]


def test_a_failed_run_leaves_no_file(tmp_path):
    target = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), output_stream(str(target)) as out:
        out.write("partial")
        raise RuntimeError("the work failed")
    assert not any(tmp_path.iterdir())


def test_cli_report_to_a_fifo_is_exit_2_with_one_line(tmp_path, capsys):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    status = main(["report", ONE, "-q", "-o", str(fifo)])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "not a regular file" in err
    assert fifo.is_fifo()


def test_cli_summarize_on_a_full_disk_is_exit_2_with_one_line(tmp_path, capsys, monkeypatch):
    target = tmp_path / "summary.txt"
    real_fsync = os.fsync

    def full(descriptor):
        if descriptor > 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", full)
    status = main(["summarize", ONE, "-q", "-o", str(target)])
    err = capsys.readouterr().err
    assert status == 2 and "No space left on device" in err and "Traceback" not in err
    assert not any(tmp_path.iterdir())


def test_cli_stdout_failure_is_exit_2(capsys, monkeypatch):
    import sys

    class Full:
        def write(self, _text):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def flush(self):
            pass

        def fileno(self):
            return os.open(os.devnull, os.O_WRONLY)

    monkeypatch.setattr(sys, "stdout", Full())
    status = main(["summarize", ONE, "-q"])
    assert status == 2 and "No space left on device" in capsys.readouterr().err
