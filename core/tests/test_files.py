"""The two storages: /media/ answers only as sandboxed downloads; moving files is safe to repeat."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from core.files import files_under, move_to_private

HTML = b"<html><script>document.cookie</script></html>"


def test_a_file_under_media_is_a_sandboxed_download(client, settings):
    settings.MEDIA_ROOT.mkdir(parents=True)
    (settings.MEDIA_ROOT / "sivu.html").write_bytes(HTML)
    response = client.get("/media/sivu.html")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="sivu.html"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


def test_media_does_not_reach_outside_its_folder(client, settings):
    settings.PRIVATE_MEDIA_ROOT.mkdir(parents=True)
    (settings.PRIVATE_MEDIA_ROOT / "salainen.csv").write_bytes(b"x")
    assert client.get("/media/../private/salainen.csv").status_code == 404
    assert client.get("/media/%2E%2E/private/salainen.csv").status_code == 404


def test_a_private_file_has_no_url():
    with pytest.raises(ValueError):
        storages["private"].url("exports/x.csv")


def test_moving_to_the_private_storage_can_run_again(settings):
    public, private = storages["default"], storages["private"]
    public.save("exports/2026/01/a.csv", ContentFile(b"a;b\n1;2\n"))
    public.save("exports/2026/02/b.csv", ContentFile(b"b\n"))
    names = files_under(public, "exports")
    assert sorted(names) == ["exports/2026/01/a.csv", "exports/2026/02/b.csv"]
    assert move_to_private(names + ["exports/missing.csv"]) == 2
    assert move_to_private(names) == 0  # the second run finds nothing left to move
    assert not public.exists("exports/2026/01/a.csv")
    with private.open("exports/2026/01/a.csv") as f:
        assert f.read() == b"a;b\n1;2\n"


def test_an_interrupted_move_is_completed_without_losing_the_file(settings):
    public, private = storages["default"], storages["private"]
    public.save("exports/c.csv", ContentFile(b"complete\n"))
    private.save("exports/c.csv", ContentFile(b"compl"))  # a copy cut short
    assert move_to_private(["exports/c.csv"]) == 1
    assert not public.exists("exports/c.csv")
    with private.open("exports/c.csv") as f:
        assert f.read() == b"complete\n"
