import os
import stat

import pytest

from briefer.errors import OutputError
from briefer.publish.output import slugify, write_atomic


def test_write_replaces_whole_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "day" / "brief.md"
    write_atomic(target, "first\n")
    write_atomic(target, "second\n")
    assert target.read_text() == "second\n"
    assert [p.name for p in target.parent.iterdir()] == ["brief.md"]


def test_new_file_is_readable_like_any_other_and_existing_mode_is_kept(tmp_path):
    old = os.umask(0o022)
    try:
        fresh = write_atomic(tmp_path / "new.md", "x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "private.md"
        kept.write_text("old")
        kept.chmod(0o600)
        write_atomic(kept, "new")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and kept.read_text() == "new"
    finally:
        os.umask(old)


def test_unwritable_target_is_an_output_error(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write") as raised:
        write_atomic(tmp_path / "file" / "deeper" / "brief.md", "x")
    assert str(raised.value).endswith(f"{tmp_path / 'file'} is a file, not a folder")


def test_a_failed_write_leaves_the_old_brief_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "brief.md"
    target.write_text("yesterday")

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, "today")
    assert target.read_text() == "yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


@pytest.mark.parametrize(("headline", "slug"), [
    ("US ‘fully prepared’ for another Biden-Putin summit", "us-fully-prepared-for-another-biden-putin-summit"),
    ("Zürich: café crème!", "zurich-cafe-creme"),
    ("¡¿…?!", "untitled"),
])
def test_slugify(headline, slug):
    assert slugify(headline) == slug
