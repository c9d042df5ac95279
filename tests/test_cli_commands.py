"""Subcommand options on the sample: filters, summaries, sorting and the medal table."""
from __future__ import annotations

from conftest import jsonl


def test_claims_filters(invoke, sample_path):
    every = jsonl(invoke("claims", str(sample_path)).stdout)
    denials = invoke("claims", str(sample_path), "--polarity", "deny")
    assert denials.exit_code == 0
    denied = jsonl(denials.stdout)
    assert denied and all(c["polarity"] == "deny" for c in denied)
    assert len(denied) < len(every)
    direct = jsonl(invoke("claims", str(sample_path), "--kind", "direct").stdout)
    assert direct and all(c["kind"] == "direct" for c in direct)
    lewis = jsonl(invoke("claims", str(sample_path), "--speaker", "lewis").stdout)
    assert lewis and all("lewis" in ((c["speaker_resolved"] or "") + c["speaker"]).lower() for c in lewis)


def test_entities_type_filter_and_min_count(invoke, sample_path):
    people = jsonl(invoke("entities", str(sample_path), "--type", "PERSON,GPE").stdout)
    assert people and {m["type"] for m in people} <= {"PERSON", "GPE"}
    frequent = jsonl(invoke("entities", str(sample_path), "--min-count", "5").stdout)
    counts: dict = {}
    for m in frequent:
        counts[(m["type"], m["canonical"] or m["text"])] = counts.get((m["type"], m["canonical"] or m["text"]), 0) + 1
    assert counts and min(counts.values()) >= 5


def test_entities_summary_has_one_row_per_entity(invoke, sample_path):
    result = invoke("entities", str(sample_path), "--summary", "--type", "PERSON")
    assert result.exit_code == 0
    rows = jsonl(result.stdout)
    assert {"name", "type", "mentions", "articles", "variants", "role"} <= rows[0].keys()
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names))
    assert "Jeffrey Lewis" in names and "Lewis" not in names


def test_medals_sort_and_table_totals(invoke, sample_path):
    rows = jsonl(invoke("medals", str(sample_path), "--sort", "funding").stdout)
    funding = [r["funding"] for r in rows if r["funding"] is not None]
    assert funding == sorted(funding, reverse=True)
    assert all(r["funding"] is None for r in rows[len(funding):])  # unknown sorts last
    table = invoke("medals", str(sample_path), "-f", "table", "--color", "never").stdout
    total_line = next(line for line in table.splitlines() if "Total" in line)
    assert f"{sum(funding):,}" in total_line
    assert "█" in table


def test_bad_sort_key_is_a_usage_error(invoke, sample_path):
    result = invoke("medals", str(sample_path), "--sort", "weight")
    assert result.exit_code == 2 and "--sort" in result.stderr


def test_stories_csv_restarts_header_per_record_shape(invoke, sample_path):
    result = invoke("stories", str(sample_path), "-f", "csv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("record,story,")
    assert any(line.startswith("record,story,status") for line in lines)


def test_stories_status_filter_keeps_the_stories_holding_such_facts(invoke, sample_path):
    every = jsonl(invoke("stories", str(sample_path)).stdout)
    result = invoke("stories", str(sample_path), "--status", "contested")
    assert result.exit_code == 0
    kept = jsonl(result.stdout)
    facts = [r for r in kept if r["record"] == "fact"]
    assert facts and all(f["status"] == "contested" for f in facts)
    assert {r["story"] for r in kept if r["record"] == "story"} == {f["story"] for f in facts}
    assert len(facts) < sum(r["record"] == "fact" for r in every)
    bad = invoke("stories", str(sample_path), "--status", "disputed")
    assert bad.exit_code == 2 and "--status" in bad.stderr
