"""No English word is left for a Vietnamese user at the command line: the metavars of the
help, click's usage errors of every kind, the commands' own checks and the start-up
errors of ``cadre serve`` are Vietnamese by default, and English (as before) with
``--lang en`` or ``CADRE_LANG=en``. Through the real console script."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from test_cli_help import COMMANDS, run

from cadre_core import cli
from cadre_core.cli._help import metavar_text, range_words, usage_error_text
from cadre_core.serve import Settings
from cadre_core.vocab._labels import _LABELS, label
from cadre_core.vocab._told import told

SAMPLE = str(Path(cli.__file__).resolve().parents[1] / "data" / "sample_commune")

#: Words of click's English messages, none of which a Vietnamese error may hold.
CLICK_ENGLISH = (
    "is not",
    "range",
    "invalid",
    "Invalid",
    "must be",
    "Usage",
    "Error",
    "Try '",
    "Missing",
    "requires",
    "valid integer",
    "valid float",
    "does not",
    "no such",
)

#: Metavar words that are no English: units, a date's pattern.
NEUTRAL = {"VND", "MB", "YYYY", "MM", "DD"}

_WORD = re.compile(r"\b[A-Z][A-Z]+(?: RANGE)?\b")


def _click_english(text: str) -> list[str]:
    """The words of click's English messages in ``text``, its option names left out
    (``--skip-invalid`` is no English sentence)."""
    said = re.sub(r"(?<!\w)--?[\w-]+", "", text)
    return [w for w in CLICK_ENGLISH if w in said]


def _english_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w not in NEUTRAL]


def _usage_and_terms(help_: str) -> list[str]:
    """The usage line's arguments and each option's term (``-o, --output PATH``) of a help
    printed wide enough that nothing is folded."""
    lines = help_.splitlines()
    usage = lines[0].split(":", 1)[1]
    terms = [ln.strip().split("  ")[0] for ln in lines if re.match(r"^  -", ln)]
    return [usage, *terms]


def _commands() -> dict[str, tuple[str, ...]]:
    """Every command as it is typed: the group, then each command."""
    return {"cadre": (), **{name: (name,) for name in COMMANDS}}


# ------------------------------------------------------------------------------ metavars


@pytest.mark.parametrize("name", sorted(_commands()))
def test_the_vietnamese_help_has_no_english_metavar(name: str) -> None:
    typed = _commands()[name]
    vi, en = run(*typed, "--help"), run(*typed, "--help", "--lang", "en")
    assert vi.returncode == en.returncode == 0, vi.stderr + en.stderr
    english = [w for piece in _usage_and_terms(en.stdout) for w in _english_words(piece)]
    assert "OPTIONS" in english  # the English help keeps click's words
    said = " ".join(_usage_and_terms(vi.stdout))
    left = sorted({w for w in english if re.search(rf"\b{w}\b", said)})
    assert not left, (name, left)
    for word in english:  # each has its Vietnamese word in the label table
        assert f"cli_metavar_{word.lower().replace(' ', '_')}" in _LABELS, word
    assert f"[{label('cli_metavar_options', 'vi')}]" in said


def test_the_usage_lines_read_in_vietnamese() -> None:
    assert run("--help").stdout.startswith("Cách dùng: cadre [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...")
    assert run("verify", "--help").stdout.startswith(
        "Cách dùng: cadre verify [TÙY_CHỌN] BÁO_CÁO DANH_SÁCH..."
    )
    assert run("--help", lang="en").stdout.startswith("Usage: cadre [OPTIONS] COMMAND [ARGS]...")
    synth = run("synth", "--help").stdout
    assert "--communes SỐ_NGUYÊN" in synth and "từ 1 trở lên]" in " ".join(synth.split())
    assert "INTEGER" not in synth and "x>=1" not in synth
    assert "--communes INTEGER RANGE" in run("synth", "--help", lang="en").stdout


def test_the_vietnamese_texts_name_the_vietnamese_metavars() -> None:
    """What a Vietnamese help or message says of an argument names it as its usage line
    does (``DANH_SÁCH``, not ``ROSTER``)."""
    english = {en for key, (_, en) in _LABELS.items() if key.startswith("cli_metavar_")}
    left = {
        key: words
        for key, (vi, _) in _LABELS.items()
        if (words := [w for w in _WORD.findall(vi) if w in english])
    }
    assert not left, left


@pytest.mark.parametrize(
    ("text", "vi"),
    [
        ("[OPTIONS] REPORT ROSTER...", "[TÙY_CHỌN] BÁO_CÁO DANH_SÁCH..."),
        ("[OPTIONS] [ROSTER]...", "[TÙY_CHỌN] [DANH_SÁCH]..."),
        ("--budget VND|YEAR=VND,...", "--budget VND|NĂM=VND,..."),
        ("--engine local|dask", "--engine local|dask"),
        ("--list-date YYYY-MM-DD", "--list-date YYYY-MM-DD"),
        ("-o, --output DIRECTORY", "-o, --output THƯ_MỤC"),
        ("--max-upload FLOAT RANGE", "--max-upload SỐ"),
    ],
)
def test_metavars_have_their_vietnamese_words(text: str, vi: str) -> None:
    assert metavar_text(text, "vi") == vi
    assert metavar_text(text, "en") == text


@pytest.mark.parametrize(
    ("text", "vi"),
    [
        ("x>=1", "từ 1 trở lên"),
        ("x>0", "lớn hơn 0"),
        ("x<=9", "từ 9 trở xuống"),
        ("x<9", "nhỏ hơn 9"),
        ("1<=x<=5", "từ 1 đến 5"),
        ("0<=x<1", "từ 0 trở lên và nhỏ hơn 1"),
        ("0<x<=1", "lớn hơn 0 và từ 1 trở xuống"),
        ("not a range", "not a range"),
    ],
)
def test_ranges_are_said_in_words(text: str, vi: str) -> None:
    assert range_words(text, "vi") == vi
    assert range_words(text, "en") == text


# -------------------------------------------------------------------- click's errors


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("words")
    (root / "a-file").write_text("not json, not toml = [", encoding="utf-8")
    (root / "a-folder").mkdir()
    return {"file": str(root / "a-file"), "folder": str(root / "a-folder"), "root": str(root)}


#: (arguments, what the Vietnamese says, what the English says): one of each kind of error
ERRORS = [
    (("synth", "--seed", "1.5", "{root}/x"),
     "Lỗi: giá trị '1.5' của --seed không phải là một số nguyên",
     "Error: Invalid value for '--seed': '1.5' is not a valid integer."),
    (("serve", "--max-upload", "x"),
     "Lỗi: giá trị 'x' của --max-upload không phải là một số",
     "Error: Invalid value for '--max-upload': 'x' is not a valid float."),
    (("synth", "--communes", "-3", "{root}/x"),
     "Lỗi: giá trị -3 của --communes phải từ 1 trở lên",
     "Error: Invalid value for '--communes': -3 is not in the range x>=1."),
    (("synth", "--communes", "abc", "{root}/x"),
     "Lỗi: giá trị 'abc' của --communes không phải là một số nguyên",
     "Error: Invalid value for '--communes': 'abc' is not a valid integer range."),
    (("validate", "x", "--format", "doc"),
     "Lỗi: giá trị 'doc' của --format không phải là một trong 'table', 'json', 'csv'",
     "Error: Invalid value for '--format': 'doc' is not one of 'table', 'json', 'csv'."),
    (("evaluate", "x", "--by", "xa"),
     "Lỗi: giá trị 'xa' của --by không phải là 'commune'",
     "Error: Invalid value for '--by': 'xa' is not 'commune'."),
    (("new-plugin", "good", "-o", "{file}"),
     "Lỗi: --output / -o: '{file}' là một tệp, không phải thư mục",
     "Error: Invalid value for '--output' / '-o': Directory '{file}' is a file."),
    (("evaluate", "x", "--as-of"),
     "Lỗi: tùy chọn '--as-of' cần một giá trị",
     "Error: Option '--as-of' requires an argument."),
    (("plugins", "extra"),
     "Lỗi: thừa đối số: extra",
     "Error: Got unexpected extra argument (extra)"),
    (("synth",),
     "Lỗi: thiếu đối số ĐƯỜNG_DẪN",
     "Error: Missing argument 'OUT'."),
    (("validate", "x", "--skip-invalid=yes"),
     "Lỗi: tùy chọn '--skip-invalid' không nhận giá trị",
     "Error: Option '--skip-invalid' does not take a value."),
    (("--lang", "{lang}"),
     "Lỗi: thiếu lệnh (cadre --help liệt kê các lệnh)",
     "Error: Missing command."),
    (("synth", "--communes", "60", "{root}/x.xlsx"),
     "Lỗi: xlsx chỉ dành cho danh sách nhỏ (nhiều nhất 50 xã); hãy dùng parquet",
     "Error: xlsx is for small rosters (at most 50 communes); use parquet"),
    # the commands' own checks: a file that is not there, a folder, a bad file, options
    # that exclude each other
    (("evaluate", SAMPLE, "--params", "{root}/nope.toml"),
     "cadre: {root}/nope.toml: không có tệp thông số này",
     "cadre: {root}/nope.toml: no such parameters file"),
    (("schema", "--check", "{folder}"),
     "cadre: {folder}: không đọc được (là một thư mục)",
     "cadre: {folder}: cannot be read (Is a directory)"),
    (("schema", "--check", "{file}"),
     "cadre: {file}: không phải là JSON (dòng 1, cột 1)",
     "cadre: {file}: not JSON (Expecting value: line 1 column 1 (char 0))"),
    (("verify", "{root}/nope.json", SAMPLE),
     "cadre: nope.json: không đọc được (không có thư mục hoặc tệp này)",
     "cadre: nope.json: cannot be read (No such file or directory)"),
    (("plan", SAMPLE, "--engine", "local", "--scheduler", "tcp://127.0.0.1:1"),
     "cadre: --scheduler chỉ dùng được với --engine dask",
     "cadre: --scheduler works only with --engine dask"),
    (("evaluate", SAMPLE, "--format", "json", "-o", "{root}/x.xlsx"),
     "cadre: --format json không khớp với tên tệp kết quả {root}/x.xlsx",
     "cadre: --format json contradicts the output name {root}/x.xlsx"),
    (("forms",),
     "cadre: cadre forms cần DANH_SÁCH (một tệp danh sách) hoặc --list",
     "cadre: cadre forms needs a ROSTER (or --list)"),
    (("new-plugin", "Bad"),
     "cadre: tên plugin 'Bad' chỉ được gồm chữ cái ASCII viết thường",
     "cadre: plugin name 'Bad' must be lower-case ASCII letters, digits and underscores, "
     "starting with a letter (e.g. hagiang)"),
]  # fmt: skip


def _id(value: object) -> str | None:
    return " ".join(value)[:40] if isinstance(value, tuple) else None


@pytest.mark.parametrize(("args", "vi", "en"), ERRORS, ids=_id)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_kind_of_error_in_the_users_language(
    args: tuple[str, ...], vi: str, en: str, lang: str, paths: dict[str, str]
) -> None:
    done = run(*(a.format(lang=lang, **paths) for a in args), lang=lang)
    assert done.returncode == 2, done.stderr
    said = (vi if lang == "vi" else en).format(**paths)
    assert said in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    if lang == "vi":
        assert not _click_english(done.stderr), done.stderr
    else:
        assert "Lỗi" not in done.stderr and "Cách dùng" not in done.stderr


def test_a_usage_error_shows_the_usage_line_in_its_language() -> None:
    vi = run("validate", "x", "--format", "doc").stderr
    assert vi.startswith("Cách dùng: cadre validate [TÙY_CHỌN] DANH_SÁCH...\n")
    en = run("validate", "x", "--format", "doc", lang="en").stderr
    assert en.startswith("Usage: cadre validate [OPTIONS] ROSTER...\n")


@pytest.mark.parametrize(("how", "english"), [((), False), (("--lang", "en"), True)])
def test_the_version_is_said_in_the_users_language(how: tuple[str, ...], english: bool) -> None:
    done = run("--version", *how)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(
        r"cadre, version \S+\n" if english else r"cadre, phiên bản \S+\n", done.stdout
    )


@pytest.mark.parametrize(
    ("message", "vi"),
    [
        ("Missing command.", "thiếu lệnh (cadre --help liệt kê các lệnh)"),
        ("Option '--x' does not take a value.", "tùy chọn '--x' không nhận giá trị"),
        ("Invalid value for '--n': 0 is not in the range 1<=x<=5.", "giá trị 0 của --n phải từ 1 đến 5"),
        ("Invalid value for '--n': 'a' is not a valid float range.", "giá trị 'a' của --n không phải là một số"),
        ("Invalid value for '--by': 'x' is not 'commune'.", "giá trị 'x' của --by không phải là 'commune'"),
        ("Invalid value for 'ROSTER...': Path 'r' does not exist.", "DANH_SÁCH...: không có đường dẫn 'r'"),
        ("Invalid value for '--key': File 'k' is not readable.", "--key: không đọc được tệp 'k'"),
        ("Invalid value for '--key': File 'k' is a directory.", "--key: 'k' là một thư mục, không phải tệp"),
        ("Invalid value for '--out': Directory 'o' is not writable.", "--out: không ghi được vào thư mục 'o'"),
        ("Invalid value for '--run': File 'r' is not executable.", "--run: không chạy được tệp 'r'"),
    ],
)  # fmt: skip
def test_more_of_clicks_errors_have_their_vietnamese(message: str, vi: str) -> None:
    assert usage_error_text(message, "vi") == vi
    assert usage_error_text(message, "en") == message


def _bad_values(param: click.Option) -> Iterator[str]:
    """Values ``param`` refuses: a number out of its range, not a number, not a choice."""
    kind = param.type
    if isinstance(kind, click.types._NumberRangeBase):
        if kind.min is not None:
            yield str(kind.min - 1)
        if kind.max is not None:
            yield str(kind.max + 1)
        yield "abc"
    elif isinstance(kind, click.Choice):
        yield "khong-co"
    elif isinstance(kind, click.types.IntParamType | click.types.FloatParamType):
        yield "abc"


def _provocations() -> list[tuple[str, str, str]]:
    """(command, option, refused value) for every option of the click tree with a numeric
    range, a number or a choice."""
    found = []
    for name, typed in _commands().items():
        command = cli.cli if not typed else COMMANDS[name]
        for param in command.get_params(click.Context(command)):
            if isinstance(param, click.Option) and not param.is_flag:
                found += [(name, param.opts[0], value) for value in _bad_values(param)]
    return found


PROVOCATIONS = _provocations()


def test_the_walk_finds_the_options_that_refuse_values() -> None:
    options = {(name, option) for name, option, _ in PROVOCATIONS}
    assert {("synth", "--communes"), ("serve", "--port"), ("cadre", "--lang")} <= options
    assert {("evaluate", "--format"), ("forms", "--by"), ("verify", "--legacy-text")} <= options


#: placeholders for the arguments a command needs before it reads its options
ARGUMENTS = {"new-plugin": ["good"], "plan": ["r"], "synth": ["out"], "verify": ["r", "s"]}


@pytest.mark.parametrize(("name", "option", "value"), PROVOCATIONS, ids=str)
def test_every_refused_value_is_said_in_vietnamese(name: str, option: str, value: str) -> None:
    typed = _commands()[name]
    args = [*typed, f"{option}={value}", *ARGUMENTS.get(name, ["x"] if typed else [])]
    done = run(*args)
    assert done.returncode == 2, (args, done.stderr)
    assert option in done.stderr and value in done.stderr, done.stderr
    assert not _click_english(done.stderr), done.stderr
    assert done.stderr.startswith("Cách dùng: cadre")


# ------------------------------------------------------------------ cadre serve starts


@pytest.fixture
def tokens(tmp_path: Path) -> Path:
    path = tmp_path / "tokens.txt"
    path.write_text("a-token\n", encoding="utf-8")
    return path


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def _serve(*args: str, lang: str | None) -> tuple[str, int]:
    """``cadre serve ARGS``: what it says on standard error and its exit code."""
    done = run("serve", *args, lang=lang)
    assert "Traceback" not in done.stderr and "uvicorn" not in done.stderr, done.stderr
    return done.stderr, done.returncode


@pytest.fixture(autouse=True)
def _no_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CADRE_SERVE_TOKENS", raising=False)


SERVE_ERRORS = [
    (("--port", "99999"), "--port phải là một số từ 0 đến 65535, không phải 99999",
     "port must be between 0 and 65535, not 99999"),
    (("--workers", "-1"), "--workers phải là một số lớn hơn 0",
     "workers must be more than 0, not -1"),
    (("--threads", "0"), "--threads phải là một số lớn hơn 0",
     "threads must be more than 0, not 0"),
    (("--max-upload", "0"), "--max-upload phải là một số lớn hơn 0",
     "max_upload must be more than 0, not 0"),
    (("--time-limit", "-1"), "--time-limit phải là một số lớn hơn 0",
     "time_limit must be more than 0, not -1.0"),
    (("--host", "0.0.0.0"),
     "chưa có mã truy cập (bearer token) nào: khi đó dịch vụ chỉ nhận kết nối trên địa chỉ "
     "loopback (127.0.0.1), không phải 0.0.0.0; hãy ghi --tokens-file TỆP hoặc đặt biến môi "
     "trường $CADRE_SERVE_TOKENS",
     "no token is configured: the service listens only on a loopback address (127.0.0.1), "
     "not 0.0.0.0; give --tokens-file FILE or $CADRE_SERVE_TOKENS"),
    (("--tokens-file", "{tmp}/nope.txt"), "--tokens-file {tmp}/nope.txt: không có tệp này",
     "--tokens-file {tmp}/nope.txt: no such file"),
    (("--tokens-file", "{tmp}"), "--tokens-file {tmp}: không có tệp này",
     "--tokens-file {tmp}: no such file"),
    (("--tokens-file", "{tmp}/latin1.txt"),
     "--tokens-file {tmp}/latin1.txt: không phải là chữ UTF-8",
     "--tokens-file {tmp}/latin1.txt: not UTF-8 text"),
    (("--tokens-file", "{tmp}/empty.txt"),
     "--tokens-file {tmp}/empty.txt: tệp không có mã truy cập nào",
     "--tokens-file {tmp}/empty.txt: holds no token"),
    (("--host", "999.1.1.1", "--tokens-file", "{tokens}"),
     "--host 999.1.1.1: không phải là địa chỉ IP hay tên máy mà máy này biết",
     "--host 999.1.1.1: not an IP address or a host name this machine knows"),
    (("--port", "{taken}", "--tokens-file", "{tokens}"),
     "không nhận kết nối được tại 127.0.0.1, cổng {taken}: địa chỉ này đang được một chương "
     "trình khác dùng",
     "cannot listen on 127.0.0.1, port {taken}: Address already in use"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "vi", "en"), SERVE_ERRORS, ids=_id)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_serve_refuses_to_start_in_the_users_language(
    args: tuple[str, ...],
    vi: str,
    en: str,
    lang: str,
    tmp_path: Path,
    tokens: Path,
    taken_port: int,
) -> None:
    (tmp_path / "latin1.txt").write_bytes("mã\n".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("# none yet\n\n", encoding="utf-8")
    values = {"tmp": str(tmp_path), "tokens": str(tokens), "taken": taken_port}
    stderr, code = _serve(*(a.format(**values) for a in args), lang=lang)
    assert code == 2, stderr
    said = (vi if lang == "vi" else en).format(**values)
    assert stderr.startswith(f"cadre: {said}"), stderr
    if lang == "vi":
        assert en.format(**values) not in stderr


def test_a_token_from_the_environment_is_enough_beside_an_empty_file(
    tmp_path: Path, taken_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty tokens file is refused only when no other token is given: with
    ``$CADRE_SERVE_TOKENS`` the next check (the port in use) speaks."""
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    args = ("--tokens-file", str(tmp_path / "empty.txt"), "--port", str(taken_port))
    monkeypatch.setenv("CADRE_SERVE_TOKENS", "env-token")
    stderr, code = _serve(*args, lang="vi")
    assert code == 2 and "không nhận kết nối được" in stderr, stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file of mode 000")
def test_serve_refuses_a_tokens_file_it_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "tokens.txt"
    path.write_text("a-token\n", encoding="utf-8")
    path.chmod(0)
    stderr, code = _serve("--tokens-file", str(path), lang=None)
    assert code == 2
    assert stderr.startswith(f"cadre: --tokens-file {path}: không đọc được (không có quyền")


@pytest.mark.parametrize(
    "how", [("--lang", "en", "serve"), ("serve", "--lang", "en")], ids=["group", "command"]
)
def test_serve_speaks_english_when_asked(how: tuple[str, ...]) -> None:
    done = run(*how, "--port", "99999")
    assert done.returncode == 2
    assert done.stderr == "cadre: port must be between 0 and 65535, not 99999\n"


def test_the_library_keeps_its_english_and_carries_the_sentence() -> None:
    with pytest.raises(ValueError, match=r"^port must be between 0 and 65535, not 70000$") as got:
        Settings(port=70000)
    assert told(got.value, "vi") == "--port phải là một số từ 0 đến 65535, không phải 70000"
    with pytest.raises(ValueError, match=r"^no token is configured") as refused:
        Settings(host="0.0.0.0").check_bind()
    assert told(refused.value, "vi").startswith("chưa có mã truy cập")


# --------------------------------------------------------------- the commands' words


def test_the_schemas_are_listed_in_vietnamese() -> None:
    from cadre_core.engine._schema import schema_names

    vi, en = run("schema", "--list"), run("schema", "--list", "--lang", "en")
    assert vi.returncode == en.returncode == 0
    titles = [line.split("\t")[2] for line in vi.stdout.splitlines()]
    assert titles == [label(f"cli_schema_title_{n}", "vi") for n in schema_names()]
    assert [line.split("\t")[2] for line in en.stdout.splitlines()][:2] == [
        "Evaluation",
        "Evaluations",
    ]


def test_the_forms_table_ticks_as_the_printed_form_in_vietnamese() -> None:
    args = ("forms", SAMPLE, "--form", "02-CL-CBCCX", "--format", "table", "--as-of", "2026-12-31")
    vi, en = run(*args), run(*args, "--lang", "en")
    assert vi.returncode == en.returncode == 0, vi.stderr + en.stderr
    assert "True" in en.stdout  # as it always was
    assert not re.search(r"\b(True|False)\b", vi.stdout)
    assert "| x |" in vi.stdout
