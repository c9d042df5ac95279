"""The command-line contract, run in-process: formats, exit codes, inputs, atomic output."""
from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli.output import RecordWriter
from conftest import jsonl

COMMANDS = ["split", "entities", "claims", "figures", "medals", "stories"]
SPLIT_KEYS = {"source", "article", "first_line", "last_line", "title", "text", "dropped", "headings"}

TWO_PARAGRAPHS = ("The council approved the budget on Monday, officials said.\n"
                  "\"We are pleased,\" said the mayor, Jane Doe.\n")


def test_version(invoke):
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("copydesk ")
    assert "Python" in result.stdout and "regex" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_every_command(invoke, command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "--format" in result.stdout and "--output" in result.stdout


def test_split_jsonl_schema(invoke, sample_path):
    result = invoke("split", str(sample_path), "-f", "jsonl")
    assert result.exit_code == 0
    records = jsonl(result.stdout)
    assert records and all(SPLIT_KEYS <= r.keys() for r in records)
    assert records[0]["source"] == str(sample_path)
    assert [r["article"] for r in records] == list(range(1, len(records) + 1))
    assert records[0]["first_line"] == 1 and records[-1]["last_line"] == 212


def test_default_format_is_jsonl_when_piped_and_env_overrides(invoke, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TWO_PARAGRAPHS)
    assert jsonl(invoke("split", str(f)).stdout)[0]["source"] == str(f)
    result = invoke("split", str(f), env={"COPYDESK_FORMAT": "csv"})
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("source,article,first_line")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "markdown"])
def test_other_formats_parse_back(invoke, tmp_path, fmt):
    f = tmp_path / "a.txt"
    f.write_text("A line with\ta tab, a comma and a | pipe.\nSecond paragraph here.\n")
    result = invoke("split", "--lines", str(f), "-f", fmt)
    assert result.exit_code == 0
    out = result.stdout
    if fmt == "json":
        rows = json.loads(out)
        assert rows[0]["text"].startswith("A line with\ta tab")
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows[0]["text"] == "A line with\ta tab, a comma and a | pipe."
    elif fmt == "tsv":
        header, first = out.splitlines()[:2]
        row = dict(zip(header.split("\t"), first.split("\t")))
        assert row["text"] == "A line with\\ta tab, a comma and a | pipe."
    else:
        assert "a \\| pipe" in out and out.splitlines()[1].startswith("|---")


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3), max_leaves=8)


@given(st.lists(st.dictionaries(st.text(max_size=5), _JSON_VALUES, max_size=6), max_size=4))
def test_json_lines_are_what_json_writes(records):
    """The writer's encoders, made once per key order, write each record as json.dumps does."""
    out = io.StringIO()
    writer = RecordWriter("jsonl", out)
    for rec in records + records:  # a second pass reuses the encoders
        writer.write(rec)
    assert out.getvalue() == "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records + records)


def test_json_of_nothing_is_an_empty_array(invoke, tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    result = invoke("split", str(f), "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_table_prints_brackets_literally(invoke, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("He said the [sic] word and [bold]nothing[/bold] else.\n")
    result = invoke("split", "--lines", str(f), "-f", "table")
    assert result.exit_code == 0
    assert "[sic]" in result.stdout and "[bold]nothing[/bold]" in result.stdout


def test_empty_input_exits_0_and_fail_empty_exits_1(invoke, tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    assert invoke("split", str(f)).exit_code == 0
    assert invoke("split", str(f), "--fail-empty").exit_code == 1


def test_missing_file_is_one_line_and_other_files_still_run(invoke, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TWO_PARAGRAPHS)
    result = invoke("split", str(tmp_path / "nope.txt"), str(f))
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert jsonl(result.stdout)[0]["source"] == str(f)


def test_bad_option_value_exits_2(invoke, sample_path):
    assert invoke("split", str(sample_path), "-f", "yaml").exit_code == 2
    assert invoke("claims", str(sample_path), "--polarity", "maybe").exit_code == 2


def test_piped_stdin_is_read(invoke):
    result = invoke("split", input=TWO_PARAGRAPHS)
    assert result.exit_code == 0
    assert jsonl(result.stdout)[0]["source"] == "-"


def test_bom_utf16_crlf_and_lone_cr(invoke, tmp_path):
    text = "First paragraph of the story.\nSecond paragraph of the story.\nThird one.\n"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "crlf.txt").write_bytes(text.replace("\n", "\r\n").encode())
    (tmp_path / "cr.txt").write_bytes(text.replace("\n", "\r").encode())
    for name in ("bom.txt", "u16.txt", "crlf.txt", "cr.txt"):
        result = invoke("split", "--lines", str(tmp_path / name))
        assert result.exit_code == 0, name
        lines = [r["text"] for r in jsonl(result.stdout)]
        assert lines == text.splitlines(), name


def test_invalid_utf8_names_byte_offset_and_errors_replace(invoke, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Good start of a line.\nThen a bad byte \xff here.\n")
    result = invoke("split", str(bad))
    assert result.exit_code == 2
    assert "bad.txt" in result.stderr and "byte 38" in result.stderr and "--encoding" in result.stderr
    replaced = invoke("split", "--lines", str(bad), "--errors", "replace")
    assert replaced.exit_code == 0
    assert "\ufffd" in jsonl(replaced.stdout)[1]["text"]
    latin = invoke("split", "--lines", str(bad), "--encoding", "latin-1")
    assert latin.exit_code == 0 and "ÿ" in jsonl(latin.stdout)[1]["text"]


def test_nul_bytes_are_reported_and_skipped(invoke, tmp_path):
    (tmp_path / "a.bin").write_bytes(b"\x00\x01binary\x00")
    (tmp_path / "b.txt").write_text(TWO_PARAGRAPHS)
    result = invoke("split", str(tmp_path))
    assert result.exit_code == 2
    assert "a.bin" in result.stderr and "NUL" in result.stderr
    assert {r["source"] for r in jsonl(result.stdout)} == {str(tmp_path / "b.txt")}


def test_folder_is_walked_sorted_skipping_dot_files(invoke, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(TWO_PARAGRAPHS)
    (tmp_path / "sub" / "a.txt").write_text(TWO_PARAGRAPHS)
    (tmp_path / ".hidden.txt").write_text(TWO_PARAGRAPHS)
    result = invoke("split", str(tmp_path))
    assert result.exit_code == 0
    sources = [r["source"] for r in jsonl(result.stdout)]
    assert sources == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]


def test_files_from_newline_and_nul_and_gzip(invoke, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(TWO_PARAGRAPHS)
    z = tmp_path / "z.txt.gz"
    with gzip.open(z, "wt", encoding="utf-8") as fh:
        fh.write(TWO_PARAGRAPHS)
    listing = tmp_path / "list"
    listing.write_text(f"{a}\n{z}\n")
    result = invoke("split", "--files-from", str(listing))
    assert result.exit_code == 0
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == [str(a), str(z)]
    assert records[0]["text"] == records[1]["text"]
    listing.write_bytes(f"{z}\0{a}\0".encode())
    result = invoke("split", "--files-from", str(listing), "-0")
    assert [r["source"] for r in jsonl(result.stdout)] == [str(z), str(a)]


def test_output_file_is_written_atomically(invoke, tmp_path, sample_path):
    target = tmp_path / "out.jsonl"
    result = invoke("split", str(sample_path), "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert jsonl(target.read_text())[0]["source"] == str(sample_path)


def test_failed_run_leaves_old_output_untouched(invoke, tmp_path, sample_path):
    target = tmp_path / "out.jsonl"
    target.write_text("previous contents\n")
    result = invoke("split", str(sample_path), str(tmp_path / "missing.txt"), "-o", str(target))
    assert result.exit_code == 2
    assert target.read_text() == "previous contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_output_format_follows_file_suffix(invoke, tmp_path, sample_path):
    target = tmp_path / "out.csv"
    assert invoke("split", str(sample_path), "-o", str(target)).exit_code == 0
    assert target.read_text().startswith("source,article,")


def test_split_jsonl_input_keeps_source_and_lines(invoke, tmp_path, sample_path):
    first = invoke("split", str(sample_path))
    again = invoke("split", input=first.stdout)
    assert again.exit_code == 0
    assert jsonl(again.stdout) == jsonl(first.stdout)
    lines = invoke("split", "--lines", input=first.stdout)
    records = jsonl(lines.stdout)
    assert records[0]["source"] == str(sample_path)
    assert [r["line"] for r in records] == list(range(1, 213))


def test_jobs_give_the_same_bytes(invoke, tmp_path, sample_path):
    text = sample_path.read_text()
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(text if i % 2 else TWO_PARAGRAPHS)
    one = invoke("split", str(tmp_path), "--jobs", "1")
    two = invoke("split", str(tmp_path), "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_split_to_folder_writes_one_file_per_article(invoke, tmp_path, sample_path):
    out = tmp_path / "articles"
    result = invoke("split", str(sample_path), "--to", str(out))
    assert result.exit_code == 0
    listed = jsonl(result.stdout)
    files = sorted(p.name for p in out.iterdir())
    n_articles = len(jsonl(invoke("split", str(sample_path)).stdout))
    assert len(files) == n_articles and files[0].startswith("001-") and files[0].endswith(".txt")
    assert [r["path"] for r in listed] == [str(out / f) for f in files]
    assert [r["article"] for r in listed] == list(range(1, n_articles + 1))
    assert "Advertisement\n" not in (out / files[0]).read_text()
