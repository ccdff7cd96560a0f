"""The world pack shipped in the package (src/newscheck/data/world/, built by
scripts/build_world_pack.py): loaded beside the starter pack, each source with its own date.
Facts checked here are public record (Yatsenyuk was Ukraine's prime minister from 2014-02-27 to
2016-04-14, Shmyhal from 2020-03-04; Ban Ki-moon UN Secretary-General 2007-2016, Guterres from
2017-01-01)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import newscheck
from newscheck.errors import ImportFailed
from newscheck.knowledge import KnowledgeBase, open_kb
from newscheck.knowledge.starter import cached_kb
from newscheck.knowledge.worldpack import (
    PACK_COLUMNS,
    default_pack_dir,
    pack_digest,
    read_world_pack,
)


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return open_kb(cached_kb())


def _role(text: str, published: str, kb: KnowledgeBase) -> newscheck.model.Claim:
    return next(c for c in newscheck.check(text, published=published, kb=kb).claims
                if c.kind == "role")


def test_every_source_has_its_repository_commit_and_date() -> None:
    meta = json.loads((default_pack_dir() / "pack.json").read_text("utf-8"))
    assert len(meta["sources"]) >= 180
    for s in meta["sources"]:
        assert s["repository"].startswith("every-politician-scrapers/")
        assert len(s["commit"]) >= 12 and s["as_of"][:2] == "20" and s["file"]
    ukraine = next(s for s in meta["sources"] if s["id"] == "ukraine-cabinet")
    assert ukraine["as_of"] == "2022-07-23" and ukraine["country"] == "Q212"


def test_claims_about_ukraine_are_checked_within_the_snapshot_only(shipped: KnowledgeBase) -> None:
    text = "Ukrainian Prime Minister Arseniy Yatsenyuk said on Monday that talks would continue."
    assert _role(text, "2015-03-10", shipped).verdict.label == "supported"   # type: ignore
    refuted = _role(text, "2021-03-09", shipped).verdict
    assert refuted is not None and refuted.label == "refuted"
    assert "Denys Shmyhal" in refuted.explanation
    assert "ukraine-cabinet 4fc6ab0 (as of 2022-07-23)" in refuted.explanation
    [ev] = [e for e in refuted.evidence if e.extra.get("subject_label") == "Denys Shmyhal"]
    assert ev.extra["source_as_of"] == "2022-07-23"
    assert ev.id is not None and ev.id.startswith("every-politician-scrapers/ukraine-cabinet/")
    later = _role(text, "2023-03-07", shipped).verdict      # after the snapshot
    assert later is not None and later.label == "not_enough_evidence"
    assert "as of 2022-07-23" in later.explanation


def test_un_secretary_general(shipped: KnowledgeBase) -> None:
    v = _role("UN Secretary-General Ban Ki-moon said on Monday that talks would continue.",
              "2019-03-12", shipped).verdict
    assert v is not None and v.label == "refuted" and "Guterres" in v.explanation


def test_starter_and_world_pack_people_are_one_entity(shipped: KnowledgeBase) -> None:
    assert [e.id for e in shipped.search("Mike Pompeo")] == ["Q473239"]
    sources = {t.source.split(" (")[0] for t in shipped.positions("Q473239")}
    assert "starter pack" in sources and any("us-cabinet" in s for s in sources)


def test_a_broken_pack_is_an_import_error(tmp_path: Path) -> None:
    pack = tmp_path / "world"
    shutil.copytree(default_pack_dir(), pack)
    terms = pack / "terms.csv"
    lines = terms.read_text("utf-8").splitlines()
    cells = lines[1].split(",")
    cells[2] = "2021-13-40"
    terms.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", "utf-8")
    with pytest.raises(ImportFailed, match="digest"):      # edited without rebuilding
        read_world_pack(pack)
    meta = json.loads((pack / "pack.json").read_text("utf-8"))
    meta["digest"] = pack_digest({n: (pack / n).read_bytes() for n in PACK_COLUMNS})
    (pack / "pack.json").write_text(json.dumps(meta), "utf-8")
    with pytest.raises(ImportFailed, match="not a date"):
        read_world_pack(pack)
