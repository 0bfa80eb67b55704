"""WRITE: destinations are checked and files written atomically."""

from pathlib import Path

import pytest

from modellaw.errors import WriteError
from modellaw.output import check_destination, write_atomic


def test_write_atomic_replaces_and_leaves_no_temporary(tmp_path: Path):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_destination_checks(tmp_path: Path):
    config = tmp_path / "c.yaml"
    config.write_text("x")
    with pytest.raises(WriteError) as caught:
        check_destination(config, [config])
    assert caught.value.diagnostics[0].code == "OUT003"
    with pytest.raises(WriteError):
        check_destination(tmp_path / "missing" / "o.docx", [config])
    with pytest.raises(WriteError):
        check_destination(tmp_path, [config])
    check_destination(tmp_path / "fine.docx", [config])


def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path):
    import os

    fresh = tmp_path / "fresh.docx"
    old_umask = os.umask(0o022)
    try:
        write_atomic(fresh, b"x")
    finally:
        os.umask(old_umask)
    assert fresh.stat().st_mode & 0o777 == 0o644
    kept = tmp_path / "kept.docx"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    write_atomic(kept, b"new")
    assert kept.stat().st_mode & 0o777 == 0o640
