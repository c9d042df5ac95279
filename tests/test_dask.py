"""The Dask recipe from README gives exactly the CLI's records (local process scheduler)."""
from __future__ import annotations

import json

import pytest

from conftest import jsonl

dask_bag = pytest.importorskip("dask.bag")

from extractors.batch import process_file, process_record  # noqa: E402


@pytest.mark.parametrize("command", ["split", "claims", "figures", "medals", "entities"])
def test_bag_of_files_matches_cli(invoke, sample_path, command):
    bag = dask_bag.from_sequence([str(sample_path)], partition_size=1)
    records = bag.map(process_file, command).flatten().compute(scheduler="processes")
    cli = invoke(command, str(sample_path), "-f", "jsonl")
    assert cli.exit_code == 0
    assert records == jsonl(cli.stdout)


def test_bag_of_split_records_to_textfiles_matches_cli(invoke, sample_path, tmp_path):
    split = tmp_path / "split.jsonl"
    assert invoke("split", str(sample_path), "-o", str(split)).exit_code == 0
    out = tmp_path / "claims"
    (dask_bag.read_text(str(split))
        .map(process_record, "claims").flatten()
        .map(lambda rec: json.dumps(rec, ensure_ascii=False))
        .to_textfiles(str(out / "*.jsonl"), compute=True, scheduler="processes"))
    produced = [json.loads(line) for f in sorted(out.glob("*.jsonl"))
                for line in f.read_text(encoding="utf-8").splitlines() if line]
    cli = invoke("claims", str(split), "-f", "jsonl")
    assert cli.exit_code == 0
    assert produced == jsonl(cli.stdout)
