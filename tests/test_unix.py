"""The Unix contract through real processes and pipes, as a shell or cron would run copydesk."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
COPYDESK = [sys.executable, "-m", "cli"]


def run(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(COPYDESK + args, capture_output=True, timeout=120, cwd=REPO, **kw)


def test_head_closes_the_pipe_quietly(tmp_path, sample_path):
    big = tmp_path / "big.txt"
    big.write_text(sample_path.read_text() * 40)
    cmd = " ".join(COPYDESK) + f" split --lines {big} | head -1"
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True,
                          timeout=120, cwd=REPO)
    assert proc.returncode == 0
    assert proc.stderr == b""
    assert proc.stdout.count(b"\n") == 1


def test_stdin_from_dev_null_does_not_hang(tmp_path):
    with open(os.devnull, "rb") as devnull:
        proc = run(["claims"], stdin=devnull)
    assert proc.returncode == 2
    assert b"usage" in proc.stderr.lower()
    assert b"Traceback" not in proc.stderr


def test_piped_text_and_pipeline_of_two_commands(sample_path):
    split = run(["split", str(sample_path)])
    assert split.returncode == 0
    lines = run(["split", "--lines"], input=split.stdout)
    assert lines.returncode == 0
    assert lines.stdout.count(b"\n") == 212
    assert str(sample_path).encode() in lines.stdout.splitlines()[0]


def test_messages_go_to_stderr_and_data_to_stdout(tmp_path, sample_path):
    proc = run(["split", str(sample_path), str(tmp_path / "missing.txt")])
    assert proc.returncode == 2
    assert proc.stdout.startswith(b'{"source"')
    assert b"missing.txt" in proc.stderr and b"{" not in proc.stderr


@pytest.mark.parametrize("command", ["split", "entities", "claims", "figures", "medals", "stories"])
def test_every_command_runs_on_the_sample(command, sample_path):
    proc = run([command, str(sample_path), "-f", "jsonl"])
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""


def test_disk_full_on_stdout_is_one_line_and_exit_2(sample_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(COPYDESK + ["split", "--lines", str(sample_path)], stdout=full,
                              stderr=subprocess.PIPE, timeout=120, cwd=REPO)
    assert proc.returncode == 2
    assert proc.stderr.count(b"\n") == 1 and b"No space left" in proc.stderr


def test_unreadable_file_in_a_folder_does_not_stop_the_others(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    (tmp_path / "a.txt").write_text("One paragraph of news.\n")
    locked = tmp_path / "b.txt"
    locked.write_text("Another paragraph.\n")
    locked.chmod(0)
    proc = run(["split", str(tmp_path)])
    assert proc.returncode == 2
    assert b"b.txt" in proc.stderr and b"a.txt" in proc.stdout
