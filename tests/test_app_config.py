import pytest

from lab_app import create_app


def test_defaults_without_test_config(monkeypatch):
    monkeypatch.delenv("COOKIE_LAB_EXPIRY_SECONDS", raising=False)
    assert create_app().config["EXPIRY_SECONDS"] == 15


def test_environment_overrides_the_expiry(monkeypatch):
    monkeypatch.setenv("COOKIE_LAB_EXPIRY_SECONDS", "30")
    assert create_app().config["EXPIRY_SECONDS"] == 30


def test_test_config_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("COOKIE_LAB_EXPIRY_SECONDS", "30")
    assert create_app({"EXPIRY_SECONDS": 2}).config["EXPIRY_SECONDS"] == 2


@pytest.mark.parametrize("bad", [0, -3, "15", 1.5, True])
def test_bad_expiry_is_refused(bad):
    with pytest.raises(ValueError, match="EXPIRY_SECONDS"):
        create_app({"EXPIRY_SECONDS": bad})
