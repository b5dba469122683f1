"""``cadre serve`` against a real server: uvicorn started by the console script as a
subprocess on a free loopback port, called with httpx. Every endpoint, every refusal
(400, 401, 403, 404, 413, 422, 500, 504), auth on and off, each roster form (workbook,
zip of CSV, zip of parquet, JSON tables), the command line's bytes, and logs without
personal data."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadre_core import sample_roster

CADRE = str(Path(sys.executable).with_name("cadre"))
DOCS = Path(__file__).resolve().parents[1] / "docs"
SAMPLE = Path(__file__).resolve().parents[1] / "src" / "cadre_core" / "data" / "sample_commune"
DAY = "2026-12-31"
KEY = "k" * 32  # the pseudonym key of the open server
NAMES = ("Đỗ Mạnh Cường", "Giàng Thị Mỷ", "Lò Văn Khánh")  # people of the sample commune

# Plugins installed for the servers (entry points in a folder on PYTHONPATH): one whose
# criterion raises, one that sleeps ($CADRE_TEST_SLOW seconds), one that prints names.
PLUGINS = {
    "broken": """
def broken(features):
    return features.cadres["no_such_column"] > 1

@hookimpl
def cadre_targets():
    return [target("broken.1", broken)]
""",
    "slow": """
import os, time

def slow(features):
    time.sleep(float(os.environ.get("CADRE_TEST_SLOW", "0")))
    return features.cadres["full_name"].notna()

@hookimpl
def cadre_targets():
    return [target("slow.1", slow)]
""",
    "chatty": """
def chatty(features):
    print("people:", ", ".join(features.cadres["full_name"].astype(str)))
    return features.cadres["full_name"].notna()

@hookimpl
def cadre_targets():
    return [target("chatty.1", chatty)]
""",
}

HEAD = """\
import datetime as dt
from fractions import Fraction

from cadre_core import Rule, Target, Text, criteria, hookimpl

ACTIVE = criteria.flag("is_active", Text("cán bộ", "cadres"))


def target(tid, criterion):
    return Target(
        id=tid, title=Text("Thử", "Test"), source="Công văn thử nghiệm", unit="cadres",
        population=ACTIVE, criterion=criterion, rule=Rule(">=", Fraction(1, 2)),
        deadline=dt.date(2030, 12, 31),
    )
"""


def _install(root: Path) -> Path:
    for name, body in PLUGINS.items():
        pkg = root / f"cadre_serve_test_{name}"
        pkg.mkdir(parents=True)
        (pkg / "__init__.py").write_text(HEAD + body, encoding="utf-8")
        info = root / f"cadre_serve_test_{name}-0.0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: cadre-serve-test-{name}\nVersion: 0.0.1\n",
            encoding="utf-8",
        )
        (info / "entry_points.txt").write_text(
            f"[cadre]\n{name} = cadre_serve_test_{name}\n", encoding="utf-8"
        )
    return root


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``cadre serve`` in a subprocess; its log (standard output and error) in a file."""

    def __init__(self, folder: Path, *args: str, env: dict[str, str]) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"server-{self.port}.log"
        full = {k: v for k, v in os.environ.items() if not k.startswith("CADRE_")}
        full.update(env)
        # the test plugins' folder first, then the code under test (a checkout's src)
        paths = [p for p in (env.get("PYTHONPATH"), os.environ.get("PYTHONPATH")) if p]
        if paths:
            full["PYTHONPATH"] = os.pathsep.join(paths)
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(
                [CADRE, "serve", "--port", str(self.port), *args],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=full,
            )
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    break
            assert self.proc.poll() is None, self.log.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "the server did not start in 60 s"
            time.sleep(0.2)

    def client(self, **kw: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kw)

    def stop(self) -> str:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return self.log.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample commune as each roster form: a workbook, zips of CSV and parquet, JSON."""
    root = tmp_path_factory.mktemp("rosters")
    roster = sample_roster()
    out = {"xlsx": root / "sample.xlsx"}
    roster.write(out["xlsx"])
    out["zip_csv"] = root / "sample_csv.zip"
    with zipfile.ZipFile(out["zip_csv"], "w", zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(SAMPLE.glob("*.csv")):
            zf.write(f, f"sample/{f.name}")
    parquet = root / "parquet"
    parquet.mkdir()
    out["zip_parquet"] = root / "sample_parquet.zip"
    with zipfile.ZipFile(out["zip_parquet"], "w") as zf:
        for name, frame in roster.tables.items():
            frame.to_parquet(parquet / f"{name}.parquet")
            zf.write(parquet / f"{name}.parquet", f"{name}.parquet")
    doc = {}
    for name, frame in roster.tables.items():
        g = frame.copy()
        for c in g.columns:
            if str(g[c].dtype).startswith("datetime"):
                g[c] = g[c].dt.strftime("%Y-%m-%d")
        doc[name] = json.loads(g.to_json(orient="records"))
    out["json"] = root / "tables.json"
    out["json"].write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _install(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def open_server(tmp_path_factory: pytest.TempPathFactory, site: Path) -> Iterator[Server]:
    """No token (loopback only), a 1 MB upload limit, the test plugins installed."""
    env = {"PYTHONPATH": str(site), "CADRE_TEST_SLOW": "0.5", "CADRE_PSEUDONYM_KEY": KEY}
    server = Server(tmp_path_factory.mktemp("open"), "--max-upload", "1", env=env)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def tokens(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tokens") / "tokens.txt"
    path.write_text("# the integrators' tokens\nalpha-token\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def auth_server(
    tmp_path_factory: pytest.TempPathFactory, site: Path, tokens: Path
) -> Iterator[Server]:
    """Tokens from a file and the environment, laichau and slow allowed, a 20 s limit
    (long enough for an evaluation on a busy machine, shorter than slow's sleep)."""
    env = {"PYTHONPATH": str(site), "CADRE_TEST_SLOW": "40", "CADRE_SERVE_TOKENS": "env-token"}
    args = ("--tokens-file", str(tokens), "--time-limit", "20")
    server = Server(
        tmp_path_factory.mktemp("auth"), *args, "--plugin", "laichau", "--plugin", "slow", env=env
    )
    yield server
    server.stop()


def _upload(path: Path) -> dict[str, Any]:
    if path.suffix == ".json":
        return {"content": path.read_bytes(), "headers": {"content-type": "application/json"}}
    return {"files": {"roster": (path.name, path.read_bytes())}}


def _cli_json(path: Path, *args: str) -> bytes:
    out = subprocess.run(
        [CADRE, "evaluate", str(path), "--format", "json", *args],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


# ----------------------------------------------------------------------- the endpoints
def test_healthz_openapi_and_the_interactive_docs_are_served_offline(open_server: Server):
    with open_server.client() as c:
        health = c.get("/healthz")
        assert health.status_code == 200 and health.json()["status"] == "ok"
        api = c.get("/openapi.json").json()
        assert api["openapi"].startswith("3.1")
        for path in ("/v1/validate", "/v1/evaluate", "/v1/plan", "/v1/reports"):
            assert set(api["paths"][path]["post"]["responses"]) >= {"200", "400", "422", "500"}
        docs = c.get("/docs")
        assert docs.status_code == 200 and "swagger-ui-bundle.js" in docs.text
        assert "cdn" not in docs.text.lower() and "unpkg" not in docs.text
        assert "/docs/assets/swagger-ui-bundle.js" in docs.text
        assert c.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
        assert c.get("/redoc").status_code == 200


@pytest.mark.parametrize("form", ["xlsx", "zip_csv", "zip_parquet", "json"])
def test_evaluate_reads_each_roster_form_like_the_command_line(
    open_server: Server, files: dict[str, Path], form: str, json_documents: Any
):
    path = files[form]
    with open_server.client() as c:
        got = c.post("/v1/evaluate", params={"as_of": DAY, "plugin": "laichau"}, **_upload(path))
    assert got.status_code == 200, got.text
    assert got.headers["content-type"].startswith("application/json")
    doc = got.json()
    json_documents.check(doc, f"POST /v1/evaluate ({form})")
    want = json.loads(_cli_json(SAMPLE, "--as-of", DAY, "--plugin", "laichau"))
    status = {t["id"]: t["status"] for t in doc["communes"][0]["targets"]}
    assert status == {t["id"]: t["status"] for t in want["communes"][0]["targets"]}
    # the audit block: versions, the upload's sha256, the day
    audit = doc["audit"]
    name = path.name
    assert audit["inputs"] == [f"{name}:{hashlib.sha256(path.read_bytes()).hexdigest()}"]
    assert audit["as_of"] == DAY and audit["tool"].startswith("cadre-core ")
    assert audit["plugins"]["laichau"]
    assert got.headers["x-cadre-inputs"] == audit["inputs"][0]
    assert got.headers["x-cadre-as-of"] == DAY and got.headers["x-cadre-tool"] == audit["tool"]


def test_evaluate_answers_the_command_lines_bytes_and_the_same_bytes_again(
    open_server: Server, files: dict[str, Path]
):
    query = {"as_of": DAY, "plugin": "laichau"}
    with open_server.client() as c:
        first = c.post("/v1/evaluate", params=query, **_upload(files["xlsx"]))
        again = c.post("/v1/evaluate", params=query, **_upload(files["xlsx"]))
    assert first.status_code == 200
    assert first.content == again.content
    assert first.content == _cli_json(files["xlsx"], "--as-of", DAY, "--plugin", "laichau")


def test_several_days_answer_the_evaluations_document(
    open_server: Server, files: dict[str, Path], json_documents: Any
):
    query = [("as_of", "2027-12-31"), ("as_of", DAY), ("plugin", "laichau")]
    with open_server.client() as c:
        got = c.post("/v1/evaluate", params=query, **_upload(files["zip_csv"]))
    assert got.status_code == 200, got.text
    doc = got.json()
    json_documents.check(doc, "POST /v1/evaluate (two days)")
    assert doc["days"] == [DAY, "2027-12-31"]
    # the days in one pass, as the command line evaluates them: the same bytes
    with open_server.client() as c:
        book = c.post("/v1/evaluate", params=query, **_upload(files["xlsx"]))
    days = ("--as-of", "2027-12-31", "--as-of", DAY)
    assert book.content == _cli_json(files["xlsx"], *days, "--plugin", "laichau")


def test_validate_answers_the_accounting(
    open_server: Server, files: dict[str, Path], json_documents: Any
):
    with open_server.client() as c:
        got = c.post("/v1/validate", **_upload(files["zip_parquet"]))
    assert got.status_code == 200, got.text
    doc = got.json()
    json_documents.check(doc, "POST /v1/validate")
    assert doc["valid"] is True and doc["tables"]["cadres"]["kept"] == 43


def test_a_list_that_names_no_day_is_read_as_of_the_day_asked(open_server: Server, tmp_path: Path):
    """Before, an uploaded list whose title names no day was refused (422) whatever
    ``as_of`` the request gave; now it is read as of the first day asked, as
    ``cadre evaluate --as-of`` reads it, with the same warning and the same bytes. (The
    list names no commune either: it is the commune "danh-sach" in both, where the
    service said "danh-sach.csv".)"""
    path = tmp_path / "danh-sach.csv"
    path.write_text(
        "DANH SÁCH CÁN BỘ, CÔNG CHỨC\n"
        "STT,Họ và tên,Ngày sinh,Giới tính,Chức vụ,Trình độ chuyên môn\n"
        "1,Lò Văn An,12/03/1975,Nam,Bí thư Đảng ủy xã,Đại học\n"
        "2,Tao Thị Bình,05/07/1982,Nữ,Chủ tịch UBND xã,Đại học\n",
        encoding="utf-8",
    )
    with open_server.client() as c:
        got = c.post("/v1/evaluate", params={"as_of": DAY, "plugin": "laichau"}, **_upload(path))
        undated = c.post("/v1/evaluate", params={"plugin": "laichau"}, **_upload(path))
    assert got.status_code == 200, got.text
    assert got.content == _cli_json(path, "--as-of", DAY, "--plugin", "laichau")
    assert any("31/12/2026" in w["message"] for w in got.json()["warnings"])
    assert undated.status_code == 422
    assert "chưa rõ ngày của danh sách" in undated.text


def test_a_bad_roster_is_422_with_every_problem_by_file_table_row_and_column(
    open_server: Server, tmp_path: Path, json_documents: Any
):
    bad = tmp_path / "xa_a.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        for f in sorted(SAMPLE.glob("*.csv")):
            text = f.read_text(encoding="utf-8")
            if f.name == "cadres.csv":
                lines = text.splitlines()
                header = lines[0].split(",")
                cells = lines[2].split(",")
                cells[header.index("gender")] = "robot"
                lines[2] = ",".join(cells)
                text = "\n".join(lines) + "\n"
            zf.writestr(f"xa_a/{f.name}", text)
    with open_server.client() as c:
        for endpoint in ("/v1/validate", "/v1/evaluate", "/v1/plan"):
            got = c.post(endpoint, params={"lang": "en"}, **_upload(bad))
            assert got.status_code == 422, (endpoint, got.text)
            doc = got.json()
            json_documents.check(doc, f"POST {endpoint} (422)")
            assert doc["valid"] is False and doc["inputs"] == ["xa_a.zip"]
            (problem,) = [p for p in doc["problems"] if p["column"] == "gender"]
            assert problem["file"] == "xa_a/cadres.csv" and problem["table"] == "cadres"
            assert problem["row"] == 3 and problem["value"] == "robot"
            assert "cadre-serve-" not in got.text and "Traceback" not in got.text
        # the refusal is the document of ``cadre validate`` (of the same tables, unzipped),
        # messages in the asked language
        with zipfile.ZipFile(bad) as zf:
            zf.extractall(tmp_path / "unzipped")

        def located(problems: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [
                {**p, "file": Path(p["file"]).name, "message": p["message"].replace(p["file"], "")}
                for p in problems
            ]

        for lang in ("vi", "en"):
            said = c.post("/v1/validate", params={"lang": lang}, **_upload(bad)).json()
            cli = subprocess.run(
                [CADRE, "validate", str(tmp_path / "unzipped" / "xa_a"), "--format", "json"]
                + ["--lang", lang],
                capture_output=True,
                check=False,
            )
            assert cli.returncode == 2, cli.stderr
            assert located(said["problems"]) == located(json.loads(cli.stdout)["problems"])


def test_plan_answers_the_plan_document(
    open_server: Server, files: dict[str, Path], json_documents: Any
):
    with open_server.client() as c:
        got = c.post(
            "/v1/plan", params={"as_of": DAY, "plugin": "laichau"}, **_upload(files["xlsx"])
        )
        again = c.post(
            "/v1/plan", params={"as_of": DAY, "plugin": "laichau"}, **_upload(files["xlsx"])
        )
    assert got.status_code == 200, got.text
    doc = got.json()
    json_documents.check(doc, "POST /v1/plan")
    assert doc["as_of"] == DAY and doc["lines"]
    assert got.content == again.content
    digest = hashlib.sha256(files["xlsx"].read_bytes()).hexdigest()
    assert got.headers["x-cadre-inputs"] == f"sample.xlsx:{digest}"  # the audit, as headers
    assert got.headers["x-cadre-as-of"] == DAY


def _without_pango(got: Any, fmt: str) -> bool:
    """Whether a PDF was refused because this machine has no Pango, and said so (503)."""
    if fmt == "pdf" and got.status_code == 503:
        assert "PDF" in got.json()["error"] or "Pango" in got.json()["error"]
        return True
    return False


@pytest.mark.parametrize(
    ("of", "fmt"),
    [
        ("evaluation", "xlsx"),
        ("evaluation", "html"),
        ("plan", "xlsx"),
        ("evaluation", "pdf"),
        ("evaluation", "docx"),
        ("plan", "docx"),
    ],
)
def test_reports_are_downloads(open_server: Server, files: dict[str, Path], of: str, fmt: str):
    query = {"as_of": DAY, "plugin": "laichau", "format": fmt, "of": of}
    with open_server.client() as c:
        got = c.post("/v1/reports", params=query, **_upload(files["xlsx"]))
    if _without_pango(got, fmt):
        return
    assert got.status_code == 200, got.text
    assert got.headers["content-disposition"] == f'attachment; filename="cadre-{of}-{DAY}.{fmt}"'
    magic = {"xlsx": b"PK", "docx": b"PK", "html": b"<!DOCTYPE html", "pdf": b"%PDF"}[fmt]
    assert got.content[: len(magic)].lower() == magic.lower()
    if fmt == "html":
        assert "Xã Mường Than" in got.text
    if fmt == "docx":
        import docx

        heading = "KẾ HOẠCH ĐÀO TẠO" if of == "plan" else "BÁO CÁO ĐÁNH GIÁ"
        document = docx.Document(io.BytesIO(got.content))
        assert any(p.text.startswith(heading) for p in document.paragraphs)


def test_plugins_and_schema(open_server: Server, json_documents: Any):
    with open_server.client() as c:
        plugins = c.get("/v1/plugins")
        schemas = c.get("/v1/schema")
    assert plugins.status_code == 200
    doc = plugins.json()
    json_documents.check(doc, "GET /v1/plugins")
    names = {p["name"] for p in doc["plugins"]}
    assert {"cadre", "laichau", "broken", "slow"} <= names
    assert schemas.status_code == 200
    assert set(schemas.json()) == {
        "evaluation",
        "evaluations",
        "forms",
        "plan",
        "plugins",
        "validation",
    }


def test_pseudonyms_leave_no_name_in_the_answer(open_server: Server, files: dict[str, Path]):
    query = {"as_of": DAY, "plugin": "laichau", "pseudonymize": "true"}
    with open_server.client() as c:
        got = c.post("/v1/evaluate", params=query, **_upload(files["xlsx"]))
    assert got.status_code == 200, got.text
    assert got.json()["audit"]["options"]["pseudonymized"] is True
    assert not any(name in got.text for name in NAMES)


def _cli_forms(path: Path, *args: str) -> bytes:
    out = subprocess.run(
        [CADRE, "forms", str(path), "--format", "json", *args],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.mark.parametrize("form", ["xlsx", "zip_csv", "json"])
def test_forms_answer_the_command_lines_bytes(
    open_server: Server, files: dict[str, Path], form: str, json_documents: Any
):
    path = files[form]
    query = {"as_of": DAY, "plugin": "laichau"}
    with open_server.client() as c:
        got = c.post("/v1/forms/9c-btctw", params=query, **_upload(path))  # any case
        again = c.post("/v1/forms/9C-BTCTW", params=query, **_upload(path))
    assert got.status_code == 200, got.text
    assert got.headers["content-type"].startswith("application/json")
    json_documents.check(got.json(), f"POST /v1/forms/9C-BTCTW ({form})")
    assert got.content == again.content
    cli = ("--as-of", DAY, "--plugin", "laichau", "--form", "9C-BTCTW")
    if form == "xlsx":  # the same file: the same bytes, roster name included
        assert got.content == _cli_forms(path, *cli)
    elif form == "zip_csv":  # the zip of the sample's CSV files: the sample's forms
        want = json.loads(_cli_forms(SAMPLE, *cli))
        assert got.json()["forms"] == want["forms"]
    else:  # JSON tables inform every column of the frames (the CSV files leave some blank)
        want = json.loads(_cli_forms(SAMPLE, *cli))
        cells = [r["cells"] for b in got.json()["forms"][0]["blocks"] for r in b["rows"]]
        known = [r["cells"] for b in want["forms"][0]["blocks"] for r in b["rows"]]
        assert len(cells) == len(known)
        for mine, theirs in zip(cells, known, strict=True):
            assert [m for m, t in zip(mine, theirs, strict=True) if t is not None] == [
                t for t in theirs if t is not None
            ]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert got.headers["x-cadre-inputs"] == f"{path.name}:{digest}"
    assert got.headers["x-cadre-as-of"] == DAY


def test_forms_by_province_answer_the_provinces_total_as_the_command_line(
    open_server: Server, tmp_path: Path, json_documents: Any
):
    """``by=province``: of a roster of several communes, the province's total alone, as
    ``cadre forms --by province``; ``by=commune`` (the default) every commune's block."""
    folder = tmp_path / "tinh"
    made = subprocess.run(
        [CADRE, "synth", "--communes", "3", "--seed", "2026", str(folder)],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    upload = tmp_path / "tinh.zip"
    with zipfile.ZipFile(upload, "w") as zf:
        for f in sorted(folder.iterdir()):
            zf.write(f, f.name)
    query = {"as_of": DAY, "plugin": "laichau"}
    with open_server.client() as c:
        alone = c.post("/v1/forms/9C-BTCTW", params={**query, "by": "province"}, **_upload(upload))
        every = c.post("/v1/forms/9C-BTCTW", params={**query, "by": "commune"}, **_upload(upload))
        default = c.post("/v1/forms/9C-BTCTW", params=query, **_upload(upload))
        bad = c.post("/v1/forms/9C-BTCTW", params={**query, "by": "district"}, **_upload(upload))
    assert alone.status_code == every.status_code == default.status_code == 200, alone.text
    json_documents.check(alone.json(), "POST /v1/forms/9C-BTCTW?by=province")
    assert every.content == default.content
    blocks = every.json()["forms"][0]["blocks"]
    assert len(blocks) == 4 and blocks[-1]["commune"] is None  # three communes, the province
    assert alone.json()["forms"][0]["blocks"] == [blocks[-1]]
    cli = ("--as-of", DAY, "--plugin", "laichau", "--form", "9C-BTCTW", "--by", "province")
    assert alone.json()["forms"] == json.loads(_cli_forms(folder, *cli))["forms"]
    assert bad.status_code == 400 and "by" in bad.json()["error"]


def test_forms_in_english_and_under_pseudonyms_as_the_command_line(
    open_server: Server, files: dict[str, Path]
):
    query = {"as_of": DAY, "lang": "en", "pseudonymize": "true"}
    with open_server.client() as c:
        got = c.post("/v1/forms/02-CL-CBCCX", params=query, **_upload(files["xlsx"]))
    assert got.status_code == 200, got.text
    assert not any(name in got.text for name in NAMES)
    env = {**os.environ, "CADRE_PSEUDONYM_KEY": KEY}
    out = subprocess.run(
        [CADRE, "forms", str(files["xlsx"]), "--format", "json", "--as-of", DAY, "--lang", "en",
         "--form", "02-CL-CBCCX", "--pseudonymize"],
        capture_output=True, timeout=120, check=False, env=env,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert got.content == out.stdout


def test_forms_as_a_workbook_download(open_server: Server, files: dict[str, Path]):
    import openpyxl

    query = {"as_of": DAY, "format": "xlsx"}
    with open_server.client() as c:
        got = c.post("/v1/forms/9C-BTCTW", params=query, **_upload(files["zip_parquet"]))
    assert got.status_code == 200, got.text
    assert got.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"cadre-forms-9C-BTCTW-{DAY}.xlsx"
    assert got.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert got.headers["x-cadre-as-of"] == DAY
    wb = openpyxl.load_workbook(io.BytesIO(got.content))
    assert wb.sheetnames[0] == "9C-BTCTW"
    text = {str(c) for r in wb["9C-BTCTW"].iter_rows(values_only=True) for c in r if c}
    assert {"Biểu số 9C-BTCTW", "THỐNG KÊ", "NĂM 2026"} <= text


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_forms_as_a_page_or_a_pdf_to_hand_up(open_server: Server, files: dict[str, Path], fmt: str):
    query = {"as_of": DAY, "format": fmt}
    with open_server.client() as c:
        got = c.post("/v1/forms/02-cl-cbccx", params=query, **_upload(files["xlsx"]))
    if _without_pango(got, fmt):
        return
    assert got.status_code == 200, got.text
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert got.headers["content-type"].startswith(
        {"html": "text/html", "pdf": "application/pdf", "docx": word}[fmt]
    )
    name = f"cadre-forms-02-CL-CBCCX-{DAY}.{fmt}"
    assert got.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert got.headers["x-cadre-as-of"] == DAY
    if fmt == "html":
        assert "Mẫu số 02/CL.CBCCX" in got.text and "Xã Mường Than" in got.text
    elif fmt == "docx":
        import docx

        document = docx.Document(io.BytesIO(got.content))
        assert "Mẫu số 02/CL.CBCCX" in document.tables[0].rows[0].cells[1].text
    else:
        assert got.content.startswith(b"%PDF-") and len(got.content) > 10_000


def test_an_unknown_form_is_404_naming_the_forms_there_are(
    open_server: Server, files: dict[str, Path]
):
    with open_server.client() as c:
        vi = c.post("/v1/forms/99-XYZ", **_upload(files["xlsx"]))
        en = c.post("/v1/forms/99-XYZ", params={"lang": "en"}, **_upload(files["xlsx"]))
    assert vi.status_code == 404 and en.status_code == 404
    assert vi.json()["status"] == 404
    assert vi.json()["error"].startswith("Không có biểu 99-XYZ")
    error = en.json()["error"]
    assert error.startswith("no such form: 99-XYZ")
    for code in ("9C-BTCTW", "12C-BTCTW", "10-BTCTW", "BM02-BNV", "02-CL-CBCCX"):
        assert code in error
    assert "Traceback" not in vi.text


def test_forms_of_a_bad_roster_is_422_with_every_problem(
    open_server: Server, tmp_path: Path, json_documents: Any
):
    bad = tmp_path / "xa_b.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        for f in sorted(SAMPLE.glob("*.csv")):
            text = f.read_text(encoding="utf-8")
            if f.name == "cadres.csv":
                text = text.replace(",male,", ",robot,", 1)
            zf.writestr(f"xa_b/{f.name}", text)
    with open_server.client() as c:
        got = c.post("/v1/forms/9C-BTCTW", params={"lang": "en"}, **_upload(bad))
    assert got.status_code == 422, got.text
    doc = got.json()
    json_documents.check(doc, "POST /v1/forms/9C-BTCTW (422)")
    assert doc["valid"] is False and doc["inputs"] == ["xa_b.zip"]
    (problem,) = [p for p in doc["problems"] if p["column"] == "gender"]
    assert problem["file"] == "xa_b/cadres.csv" and problem["table"] == "cadres"
    assert problem["value"] == "robot"
    assert "cadre-serve-" not in got.text and "Traceback" not in got.text


# ------------------------------------------------------------------------ the refusals
@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"as_of": "31/13/2026"}, "as_of"),
        ({"plugin": "no_such_plugin"}, "no_such_plugin"),
        ({"params": "[1, 2"}, "params"),
        ({"params": '{"nq05.4b.threshold": "lots"}'}, "nq05.4b.threshold"),
        ({"lang": "fr"}, "lang"),
    ],
)
def test_bad_queries_are_400_with_a_sentence(
    open_server: Server, files: dict[str, Path], query: dict[str, str], words: str
):
    with open_server.client() as c:
        got = c.post(
            "/v1/evaluate", params={"plugin": "laichau", **query}, **_upload(files["xlsx"])
        )
    assert got.status_code == 400, got.text
    body = got.json()
    assert body["status"] == 400 and words in body["error"]
    assert "Traceback" not in got.text


def test_no_roster_and_bad_json_tables_are_400(open_server: Server):
    with open_server.client() as c:
        empty = c.post("/v1/evaluate")
        rows = c.post("/v1/evaluate", json={"cadres": [["CB001"]]}, params={"lang": "en"})
        nested = c.post("/v1/validate", json={"cadres": [{"cadre_id": {"a": 1}}]})
        broken = c.post(
            "/v1/validate", content=b"{not json", headers={"content-type": "application/json"}
        )
    assert empty.status_code == 400 and "roster" in empty.json()["error"]
    assert rows.status_code == 400 and rows.json()["error"] == (
        "the JSON tables are wrong at /cadres/0: each row is an object of column names and values"
    )
    assert nested.status_code == 400 and "/cadres/0/cadre_id" in nested.json()["error"]
    assert broken.status_code == 400


def test_unknown_paths_are_404(open_server: Server):
    with open_server.client() as c:
        got = c.get("/v1/nothing", params={"lang": "en"})
    assert got.status_code == 404 and got.json() == {
        "status": 404,
        "error": "no such path: /v1/nothing",
    }


@pytest.mark.parametrize("kind", ["mht", "mht-as-xls", "xlsb"])
def test_evaluate_reads_a_single_file_page_or_an_xlsb_list(
    open_server: Server, tmp_path: Path, kind: str
):
    from test_mhtml_lists import _page, write_mhtml
    from test_xlsb_workbooks import _the_list

    if kind == "xlsb":
        path, _ = _the_list(tmp_path)
    else:
        path = tmp_path / ("xuat.xls" if kind == "mht-as-xls" else "danh-sach.mht")
        write_mhtml(path, _page(tmp_path).read_bytes(), encoding="base64")
    query = {"as_of": "2025-12-31", "plugin": "laichau"}
    with open_server.client() as c:
        got = c.post("/v1/evaluate", params=query, **_upload(path))
    assert got.status_code == 200, got.text
    assert [commune["commune"] for commune in got.json()["communes"]] == ["Xã Mường Than"]


def test_an_upload_over_the_limit_is_413(open_server: Server):
    big = b"x" * (2 * 1024 * 1024)
    with open_server.client() as c:
        got = c.post("/v1/evaluate", files={"roster": ("big.xlsx", big)}, params={"lang": "en"})
    assert got.status_code == 413
    assert got.json()["error"] == "the request is larger than the limit of 1 MB"


def test_a_zip_bomb_is_refused_by_the_readers_guards(open_server: Server, tmp_path: Path):
    bomb = tmp_path / "bomb.zip"
    block = b"0" * (1 << 20)
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open("cadres.csv", "w", force_zip64=True) as f,
    ):
        for _ in range(520):  # 520 MB once decompressed, under 1 MB compressed
            f.write(block)
    assert bomb.stat().st_size < 1024 * 1024
    with open_server.client() as c:
        got = c.post("/v1/evaluate", files={"roster": ("bomb.zip", bomb.read_bytes())})
    assert got.status_code == 422, got.text
    (problem,) = got.json()["problems"]
    assert problem["file"] == "bomb.zip" and "512 MB" in problem["expected"]


def test_a_failing_plugin_is_500_naming_it_without_a_traceback(
    open_server: Server, files: dict[str, Path]
):
    with open_server.client() as c:
        got = c.post("/v1/evaluate", params={"plugin": "broken"}, **_upload(files["xlsx"]))
    assert got.status_code == 500
    body = got.json()
    assert body["plugin"] == "broken" and "plugin 'broken'" in body["error"]
    assert "KeyError" in body["error"] and "Traceback" not in got.text


def test_healthz_answers_while_a_long_plan_runs(open_server: Server, files: dict[str, Path]):
    answer: dict[str, httpx.Response] = {}

    def plan() -> None:
        with open_server.client() as c:
            query = {"as_of": DAY, "plugin": ["laichau", "slow"]}
            answer["plan"] = c.post("/v1/plan", params=query, **_upload(files["xlsx"]))

    worker = threading.Thread(target=plan)
    worker.start()
    time.sleep(1.0)
    latencies = []
    with open_server.client() as c:
        for _ in range(5):
            started = time.monotonic()
            assert c.get("/healthz").status_code == 200
            latencies.append(time.monotonic() - started)
            time.sleep(0.1)
    still_planning = worker.is_alive()
    worker.join(timeout=300)
    assert still_planning, "the plan ended before /healthz was asked"
    assert max(latencies) < 1.0, latencies
    assert answer["plan"].status_code == 200, answer["plan"].text


def test_auth_tokens_from_a_file_and_the_environment(
    auth_server: Server, files: dict[str, Path], tokens: Path
):
    query = {"as_of": DAY, "plugin": "laichau", "lang": "en"}
    with auth_server.client() as c:
        assert c.get("/healthz").status_code == 200  # for the load balancer: no token
        none = c.post("/v1/evaluate", params=query, **_upload(files["xlsx"]))
        wrong = c.get("/v1/plugins", headers={"Authorization": "Bearer nope"})
        basic = c.get("/v1/plugins", headers={"Authorization": "Basic YWxwaGE6dG9rZW4="})
        good = c.post(
            "/v1/evaluate",
            params=query,
            headers={"Authorization": "Bearer alpha-token"},
            **_upload(files["xlsx"]),
        )
        env = c.get("/v1/schema", headers={"Authorization": "Bearer env-token"})
    assert none.status_code == 401 and none.headers["www-authenticate"] == "Bearer"
    assert "Authorization: Bearer" in none.json()["error"]
    assert wrong.status_code == 401 and basic.status_code == 401
    assert good.status_code == 200, good.text
    assert env.status_code == 200


def test_a_token_is_rotated_without_a_restart(auth_server: Server, tokens: Path):
    old = tokens.read_text(encoding="utf-8")
    try:
        tokens.write_text("beta-token\n", encoding="utf-8")
        later = time.time() + 5
        os.utime(tokens, (later, later))
        with auth_server.client() as c:
            assert (
                c.get("/v1/plugins", headers={"Authorization": "Bearer beta-token"}).status_code
                == 200
            )
            assert (
                c.get("/v1/plugins", headers={"Authorization": "Bearer alpha-token"}).status_code
                == 401
            )
    finally:
        tokens.write_text(old, encoding="utf-8")
        later = time.time() + 10
        os.utime(tokens, (later, later))


def test_a_plugin_the_service_does_not_allow_is_403(auth_server: Server, files: dict[str, Path]):
    auth = {"Authorization": "Bearer alpha-token"}
    with auth_server.client(headers=auth) as c:
        got = c.post(
            "/v1/evaluate", params={"plugin": "broken", "lang": "en"}, **_upload(files["xlsx"])
        )
        listed = c.get("/v1/plugins").json()
    assert got.status_code == 403
    assert got.json()["error"] == "this service does not allow the plugin broken"
    assert {p["name"] for p in listed["plugins"]} == {"cadre", "laichau", "slow"}


def test_a_request_over_the_time_limit_is_504(auth_server: Server, files: dict[str, Path]):
    auth = {"Authorization": "Bearer alpha-token"}
    started = time.monotonic()
    with auth_server.client(headers=auth) as c:
        got = c.post("/v1/evaluate", params={"plugin": "slow"}, **_upload(files["xlsx"]))
    assert got.status_code == 504
    assert time.monotonic() - started < 35  # answered at the limit, not when the work ended
    assert "20 giây" in got.json()["error"]  # Vietnamese by default
    with auth_server.client() as c:
        assert c.get("/healthz").status_code == 200


# ------------------------------------------------------------------ in process
@given(st.text())
def test_an_upload_name_is_one_file_name_in_the_folder(name: str) -> None:
    from cadre_core.serve._inputs import upload_name

    got = upload_name(name)
    assert got and "/" not in got and "\\" not in got and got not in (".", "..")
    assert len(got) <= 120 and not got.startswith(".")


scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()


@given(
    st.dictionaries(
        st.text(min_size=1),
        st.lists(st.dictionaries(st.text(min_size=1), scalars | st.lists(scalars), max_size=3)),
        max_size=3,
    )
)
def test_json_tables_are_frames_or_a_refusal_naming_where(doc: dict[str, Any]) -> None:
    from cadre_core.roster import RosterError
    from cadre_core.serve import ServiceError
    from cadre_core.serve._inputs import canonical_tables, frames_of

    try:
        frames = canonical_tables(frames_of(doc))
    except ServiceError as exc:
        assert exc.status == 400 and exc.sentence("en").startswith("the JSON tables are wrong at /")
        return
    except RosterError as exc:
        assert all(p.file == "tables.json" and p.table in doc for p in exc.problems)
        return
    assert all(len(frames[t]) == len(rows) for t, rows in doc.items() if t in frames)


def test_an_unexpected_error_is_500_and_its_message_stays_out_of_the_log(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from fastapi.testclient import TestClient

    from cadre_core.serve import Settings, _work, create_app

    def failing(req: Any) -> Any:
        raise ValueError(f"{NAMES[0]} born 1974-03-02")

    monkeypatch.setattr(_work, "validate", failing)
    with TestClient(create_app(Settings()), raise_server_exceptions=False) as client:
        got = client.post("/v1/validate", json={"cadres": []}, params={"lang": "en"})
    assert got.status_code == 500
    assert got.json() == {
        "status": 500,
        "error": "the service failed; its administrator can read the log",
    }
    assert "internal error ValueError on /v1/validate" in caplog.text
    assert NAMES[0] not in caplog.text and "1974" not in caplog.text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_servers_own_lines_are_told_in_each_language(lang: str) -> None:
    """Every line the log translates has its label in both languages, with the fields the
    line gives; a line it does not know is left as written."""
    import logging

    from cadre_core.serve._logs import _SAID, Spoken
    from cadre_core.vocab._labels import label

    for pattern, key in _SAID:
        fields = {name: "x" for name in pattern.groupindex}
        said = label(key, lang).format(**fields)
        assert said and "{" not in said, key
    record = logging.LogRecord(
        "uvicorn.error", 20, "", 0, "Finished server process [%d]", (4242,), None
    )
    assert Spoken(lang).filter(record)
    told = {"vi": "Đã kết thúc tiến trình phục vụ [4242]", "en": "Finished server process [4242]"}
    assert record.getMessage() == told[lang]


# ------------------------------------------------------------------------- the command
@pytest.mark.parametrize("lang", [None, "en"])
def test_serve_refuses_a_public_address_without_a_token(lang):
    """In the user's language: Vietnamese by default, English with CADRE_LANG=en."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CADRE_")}
    if lang is not None:
        env["CADRE_LANG"] = lang
    out = subprocess.run(
        [CADRE, "serve", "--host", "0.0.0.0", "--port", str(_free_port())],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert out.returncode == 2
    said = "no token is configured" if lang == "en" else "chưa có mã truy cập (bearer token) nào"
    assert said in out.stderr and "Traceback" not in out.stderr


def test_serve_without_the_extra_says_how_to_install_it():
    code = "import sys; sys.modules['fastapi'] = None\nfrom cadre_core.cli import main\nmain(['serve'])"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 2
    assert "pip install 'cadre-core[serve]'" in out.stderr and "Traceback" not in out.stderr


def test_the_committed_openapi_document_is_up_to_date():
    out = subprocess.run(
        [sys.executable, str(DOCS / "openapi.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr


# ------------------------------------------------------------------ property tests
@pytest.fixture(scope="module")
def api_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The installed plugins only (no test plugin that fails on purpose)."""
    server = Server(tmp_path_factory.mktemp("api"), "--max-upload", "1", env={})
    yield server
    server.stop()


@pytest.fixture(scope="module")
def api_schema(api_server: Server) -> Any:
    return schemathesis.openapi.from_url(f"{api_server.url}/openapi.json")


def _checks() -> list[Any]:
    from schemathesis import checks

    return [
        checks.not_a_server_error,
        checks.response_schema_conformance,
        checks.status_code_conformance,
        checks.content_type_conformance,
    ]


OPERATIONS = [
    ("POST", "/v1/validate"),
    ("POST", "/v1/evaluate"),
    ("POST", "/v1/plan"),
    ("POST", "/v1/reports"),
    ("POST", "/v1/forms/{form}"),
    ("GET", "/v1/plugins"),
    ("GET", "/v1/schema"),
    ("GET", "/healthz"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_the_api_never_fails_and_answers_its_schema(
    api_schema: Any, api_server: Server, method: str, path: str
) -> None:
    """Generated from the OpenAPI document (bounded for CI): no 500 for any input, every
    answer valid against the schema the document gives it."""
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    def call(case: Any) -> None:
        case.call_and_validate(base_url=api_server.url, checks=_checks())

    call()


def test_the_openapi_document_lists_every_operation_the_property_test_calls(api_schema: Any):
    listed = {(m.upper(), p) for p, ops in api_schema.raw_schema["paths"].items() for m in ops}
    assert listed == set(OPERATIONS)


def test_the_logs_hold_no_query_and_no_personal_data(open_server: Server, files: dict[str, Path]):
    """Run last on the open server: every request above is in its log."""
    with open_server.client() as c:  # a plugin printing every name: never logged
        query = {"as_of": DAY, "plugin": ["laichau", "chatty"]}
        got = c.post("/v1/evaluate", params=query, **_upload(files["xlsx"]))
        assert got.status_code == 200, got.text
        assert "people:" not in got.text
        failed = c.post("/v1/evaluate", params={"plugin": "broken"}, **_upload(files["xlsx"]))
        assert failed.status_code == 500
    log = open_server.stop()
    assert '"POST /v1/evaluate HTTP/1.1" 200' in log
    assert "as_of=" not in log and "plugin=" not in log
    assert "people:" not in log
    assert not any(name in log for name in NAMES)
    assert "MT001" not in log and "robot" not in log
    assert "plugin broken gặp lỗi khi xử lý /v1/evaluate" in log  # the 500, named in the log
    # what the server says of itself is in the language of `cadre serve` (Vietnamese)
    assert f"Dịch vụ đang chạy tại {open_server.url} (nhấn Ctrl+C để dừng)" in log
    assert "Dịch vụ đã sẵn sàng." in log and "Đã khởi động tiến trình phục vụ [" in log
    assert "Đã kết thúc tiến trình phục vụ [" in log  # stopped by the test, and said so
    for english in ("Uvicorn running", "Application startup", "Started server process"):
        assert english not in log, english
