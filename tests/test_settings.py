"""Settings are resolved one way for every command: option > BRIEFER_* environment > --config > user config >
default."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefer.cli import app
from briefer.config import Config, user_home
from briefer.errors import ConfigError
from briefer.publish.mail import resolve_smtp_settings
from briefer.settings import LENGTH_PRESETS, brief_settings, daily_settings


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def configs(tmp_path):  # type: ignore[no-untyped-def]
    """Write the user config and a --config file; return the loaded Config."""
    def write(user: str = "", given: str = "") -> Config:
        user_home().mkdir(parents=True, exist_ok=True)
        (user_home() / "briefer.toml").write_text(user)
        path = tmp_path / "given.toml"
        path.write_text(given)
        return Config.load(path)

    yield write
    (user_home() / "briefer.toml").unlink(missing_ok=True)


def test_each_source_wins_over_the_next(configs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert brief_settings(configs()).embedder is None  # the default
    assert brief_settings(configs(user='[brief]\nembedder = "user"\n')).embedder == "user"
    config = configs(user='[brief]\nembedder = "user"\n', given='[brief]\nembedder = "file"\n')
    assert brief_settings(config).embedder == "file"
    monkeypatch.setenv("BRIEFER_EMBEDDER", "env")
    assert brief_settings(config).embedder == "env"
    assert brief_settings(config, embedder="option").embedder == "option"


def test_the_same_setting_means_the_same_for_brief_and_daily(configs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    config = configs(given='[brief]\njudge = "folder"\nwords = 200\n[daily]\nbudget = 900\nmodel = "daily-model"\n')
    brief, day = brief_settings(config), daily_settings(config)
    assert brief.judge == day.brief.judge == "folder"  # daily reads [brief] under its own [daily]
    assert brief.words == day.brief.words == 200 and day.words == 900
    assert brief.model is None and day.brief.model == "daily-model"
    monkeypatch.setenv("BRIEFER_BUDGET", "700")
    assert daily_settings(config).words == 700 and daily_settings(config, budget=650).words == 650


def test_words_beats_length_and_a_length_anywhere_beats_configured_words(configs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    config = configs(given="[brief]\nwords = 300\n")
    assert brief_settings(config).words == 300
    assert brief_settings(config, length="short").words == LENGTH_PRESETS["short"]
    assert brief_settings(config, words=120, length="short").words == 120
    monkeypatch.setenv("BRIEFER_LENGTH", "long")
    assert brief_settings(config).words == LENGTH_PRESETS["long"]


def test_bad_values_name_the_setting_wherever_they_come_from(configs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match="stories must be a whole number from 1 to 50"):
        daily_settings(configs(given="[daily]\nstories = 0\n"))
    monkeypatch.setenv("BRIEFER_STORIES", "many")
    with pytest.raises(ConfigError, match="BRIEFER_STORIES='many' is not a valid int"):
        daily_settings(configs())
    with pytest.raises(ConfigError, match="embedder in the config must be text"):
        brief_settings(configs(user="[brief]\nembedder = 3\n"))


def test_smtp_settings_come_from_the_same_config_object(configs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    config = configs(user='[smtp]\nhost = "user.example.org"\n', given='[smtp]\nport = 2525\n')
    settings = resolve_smtp_settings(config)
    assert (settings.host, settings.port) == ("user.example.org", 2525)
    monkeypatch.setenv("BRIEFER_SMTP_HOST", "env.example.org")
    assert resolve_smtp_settings(config).host == "env.example.org"
    assert resolve_smtp_settings(config, host="cli.example.org").host == "cli.example.org"


def test_evaluate_reads_its_config_like_every_other_command(tmp_path: Path) -> None:
    dataset = tmp_path / "set.jsonl"
    articles = [{"id": f"a{n}", "text": "The council approved the new budget on Monday after a long debate. "
                 "The mayor said the plan would fund three schools. Critics said taxes would rise next year."}
                for n in range(2)]
    dataset.write_text(json.dumps({"id": "c1", "articles": articles, "references": ["The council approved it."]}))
    (tmp_path / "briefer.toml").write_text('[evaluate]\nwords = 5\n[brief]\nembedder = "lexical"\n')
    result = invoke("evaluate", "--dataset", str(dataset), "--config", str(tmp_path / "briefer.toml"))
    assert result.exit_code == 3 and "--words must be a whole number from 20 to 5000" in result.stderr
    (tmp_path / "briefer.toml").write_text('[evaluate]\nwords = 40\n[brief]\nembedder = "lexical"\n')
    result = invoke("evaluate", "--dataset", str(dataset), "--config", str(tmp_path / "briefer.toml"), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["words"] == 40


def test_points_of_one_sentence_each_are_a_config_key_and_a_string_is_no_flag(configs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert brief_settings(configs()).follow_on  # the default: spare words go to what follows a point
    assert not brief_settings(configs(given="[brief]\nfollow_on = false\n")).follow_on
    assert not daily_settings(configs(given="[brief]\nfollow_on = true\n")).brief.follow_on  # a page: one sentence
    with pytest.raises(ConfigError, match="follow_on must be true or false"):
        brief_settings(configs(given='[brief]\nfollow_on = "no"\n'))
    monkeypatch.setenv("BRIEFER_FOLLOW_ON", "off")
    assert not brief_settings(configs()).follow_on
