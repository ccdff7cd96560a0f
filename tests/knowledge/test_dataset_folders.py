"""`newscheck kb import` of every-politician dataset folders (meta.json + html/holders21.csv, no
positions.csv; the `world` folder of international offices). Rows are real: Zelenskyy has been
Ukraine's president since 2019-05-20, Shmyhal its prime minister from 2020-03-04, Guterres UN
Secretary-General since 2017-01-01."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from newscheck.knowledge import KnowledgeBase
from newscheck.knowledge.importer import import_files


def _folder(root: Path, name: str, rows: list[str], meta: dict | None) -> Path:
    html = root / name / "html"
    html.mkdir(parents=True)
    (html / "holders21.csv").write_text("position,person,personID,start,end\n"
                                        + "\n".join(rows) + "\n", "utf-8")
    if meta is not None:
        (root / name / "meta.json").write_text(json.dumps(meta), "utf-8")
    return root / name


def test_dataset_folders_import_with_their_country(tmp_path: Path) -> None:
    ukraine = _folder(tmp_path, "ukraine-cabinet", [
        "President,Volodymyr Zelenskyy,Q3874799,2019-05-20,",
        "Prime Minister,Denys Shmyhal,Q66094865,2020-03-04,"],
        {"jurisdiction": {"name": "Ukraine", "id": "Q212"}})
    world = _folder(tmp_path, "world", [
        "Secretary-General of the United Nations,António Guterres,Q311440,2017-01-01,"], None)
    kb_path = tmp_path / "kb.sqlite"
    result = import_files(kb_path, [ukraine, world])
    assert [f["source"] for f in result.files] == [
        "office table ukraine-cabinet/holders21.csv", "office table world/holders21.csv"]
    with KnowledgeBase.open(kb_path) as kb:
        (term,) = kb.positions("Q3874799", date(2021, 6, 1))
        pos = kb.entity(term.position)
        assert pos is not None and pos.label == "President of Ukraine"
        assert pos.country == "Q212" and pos.office_kind == "head_of_state"
        assert term.statement == "ukraine-cabinet/holders21.csv:2"
        assert [e.id for e in kb.offices("Q212", "head_of_government")] == [
            t.position for t in kb.positions("Q66094865")]
        (un,) = kb.positions("Q311440")
        sg = kb.entity(un.position)
        assert sg is not None and sg.label == "Secretary-General of the United Nations"
        assert sg.country is None
