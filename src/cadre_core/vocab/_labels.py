"""Every word a report prints, in Vietnamese (the default) and English.

Report code never writes a user-visible string literal of its own: it asks :func:`label`.
Level, position-category, training-topic and body names live here too (keys ``level_*``,
``theory_*``, ``category_*``, ``topic_*``, ``body_*``), read through :func:`level_name`,
:func:`category_name`, :func:`topic_name`, :func:`default_bodies` and :func:`body_name`:
criteria explanations, findings and reports print the same words for the same code.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import pandas as pd

LANGS = ("vi", "en")

_LABELS: dict[str, tuple[str, str]] = {
    # titles
    "report_title": ("BÁO CÁO ĐÁNH GIÁ THỰC HIỆN CHỈ TIÊU", "TARGET EVALUATION REPORT"),
    "province_title": ("Tổng hợp toàn tỉnh (các xã)", "Province summary (all communes)"),
    "as_of": ("Tính đến ngày", "As of"),
    "generated_by": ("Lập bằng", "Produced with"),
    "communes_in_report": ("Các xã trong báo cáo", "Communes in this report"),
    "dashboard": ("Tình hình thực hiện các chỉ tiêu", "Where each target stands"),
    "heatmap": ("Bảng trạng thái: xã × chỉ tiêu", "Status map: communes × targets"),
    "trends": ("Diễn biến theo thời gian", "Trends over time"),
    "details": (
        "Chi tiết từng chỉ tiêu: ai chưa đạt và vì sao",
        "Each target: who falls short and why",
    ),
    "unrated": ("Cán bộ chưa được xếp loại", "Unrated cadres"),
    "findings": ("Các phát hiện cần xử lý", "Findings to act on"),
    "parameters": ("Thông số áp dụng", "Parameters in force"),
    "about": ("Thông tin báo cáo", "About this report"),
    "legend": ("Chú giải", "Legend"),
    # sheet names (<= 31 characters)
    "sheet_summary": ("Tổng hợp", "Summary"),
    "sheet_heatmap": ("Bảng trạng thái", "Status map"),
    "sheet_province": ("Toàn tỉnh", "Province"),
    "sheet_unrated": ("Chưa xếp loại", "Unrated"),
    "sheet_trends": ("Xu hướng", "Trends"),
    "sheet_findings": ("Phát hiện", "Findings"),
    "sheet_about": ("Thông tin", "About"),
    # columns
    "col_no": ("STT", "No."),
    "col_commune": ("Xã", "Commune"),
    "col_id": ("Mã chỉ tiêu", "Target id"),
    "col_target": ("Chỉ tiêu", "Target"),
    "col_unit": ("Đối tượng", "Population"),
    "col_population": ("Số đối tượng", "Population"),
    "col_satisfied": ("Số đạt", "Meeting it"),
    "col_ratio": ("Tỷ lệ đạt", "Share meeting it"),
    "col_rule": ("Yêu cầu", "Threshold"),
    "col_goal": ("Mức cần đạt", "Level needed"),
    "col_required": ("Số cần đạt", "Needed"),
    "col_shortfall": ("Còn thiếu", "Shortfall"),
    "col_progress": ("Tiến độ", "Progress"),
    "col_status": ("Trạng thái", "Status"),
    "col_deadline": ("Thời hạn", "Deadline"),
    "col_overdue": ("Quá hạn", "Overdue"),
    "col_body": ("Cơ quan chịu trách nhiệm", "Responsible body"),
    "col_source": ("Căn cứ", "Source"),
    "col_member_id": ("Mã", "Id"),
    "col_member": ("Họ tên / Tên", "Name / title"),
    "col_role": ("Chức vụ / Đơn vị", "Post / agency"),
    "col_explanation": ("Lý do chưa đạt", "What is missing"),
    "col_communes_met": ("Số xã đạt", "Communes met"),
    "col_communes_not_met": ("Số xã chưa đạt", "Communes not met"),
    "col_date": ("Ngày", "Day"),
    "col_key": ("Thông số", "Parameter"),
    "col_value": ("Giá trị", "Value"),
    # what was set aside or not read (--skip-invalid, unknown columns and sheets)
    "col_file": ("Tệp", "File"),
    "col_table": ("Bảng", "Table"),
    "col_row": ("Dòng", "Row"),
    "col_column": ("Cột", "Column"),
    "col_reason": ("Lý do", "Reason"),
    "col_set_aside": ("Phần bỏ qua", "Set aside"),
    "col_guess": ("Có thể là cột", "Best guess"),
    "set_aside_row": ("dòng", "row"),
    "set_aside_cell": ("ô (giữ dòng)", "cell (row kept)"),
    "set_aside_table": ("cả bảng", "whole table"),
    "not_read_column": ("cột", "column"),
    "not_read_sheet": ("trang tính / tệp", "sheet / file"),
    "skipped_title": ("Dòng bị bỏ qua (--skip-invalid)", "Skipped rows (--skip-invalid)"),
    "skipped_note": (
        "Các dòng, ô và bảng này có lỗi nên không được tính; sửa và chạy lại để tính đủ.",
        "These rows, cells and tables had errors and were not counted; fix them and run again.",
    ),
    "finding_age_unknown": (
        "Chưa rõ tuổi (thiếu ngày sinh): không kiểm tra được tuổi nghỉ hưu; bổ sung ngày sinh",
        "Age unknown (no birth date): retirement age cannot be checked; add the birth date",
    ),
    "not_read_title": ("Cột và trang tính không được đọc", "Columns and sheets not read"),
    "not_read_note": (
        "Các cột và trang tính này không thuộc mẫu danh sách nên không được đọc; đổi tên "
        "theo gợi ý rồi chạy lại (--strict-columns coi cột lạ là lỗi).",
        "These columns and sheets are not part of the roster format and were not read; "
        "rename them as suggested and run again (--strict-columns makes them errors).",
    ),
    "warnings_title": ("Lưu ý khi đọc danh sách", "Notes from reading the roster"),
    "warnings_note": (
        "Danh sách được đọc và tính, nhưng có các điểm sau cần kiểm tra lại.",
        "The roster was read and evaluated, but these points should be checked.",
    ),
    "failed_plugins_title": ("Plugin bị bỏ qua do lỗi", "Plugins left out after an error"),
    "failed_plugins_note": (
        "Các plugin này gặp lỗi (--keep-going) nên chỉ tiêu và phát hiện của chúng không có "
        "trong báo cáo; các plugin khác được tính như khi không cài chúng. Báo lỗi cho tác giả "
        "plugin.",
        "These plugins failed (--keep-going), so their targets and findings are not in the "
        "report; the other plugins were evaluated as if they were not installed. Report the "
        "error to the plugin's author.",
    ),
    "col_where": ("Vị trí lỗi", "Where"),
    "col_error": ("Lỗi", "Error"),
    "col_origin": ("Nguồn", "From"),
    "col_severity": ("Mức độ", "Severity"),
    "col_subject": ("Đối tượng", "Subject"),
    "col_message": ("Nội dung", "Message"),
    "col_rule_id": ("Quy tắc", "Rule"),
    "col_plugin": ("Plugin", "Plugin"),
    "col_version": ("Phiên bản", "Version"),
    # statuses
    "met": ("Đạt", "Met"),
    "not_met": ("Chưa đạt", "Not met"),
    "not_applicable": ("Không áp dụng", "Not applicable"),
    # what a plan says training cannot do (planner needs)
    "need_recruit": ("tuyển dụng/bố trí", "recruit or assign"),
    "need_appoint": ("bổ nhiệm/điều động", "appoint or transfer"),
    "need_purchase": ("mua sắm", "purchase"),
    "need_infeasible": ("ngoài khả năng đào tạo", "beyond training"),
    "overdue": ("quá hạn", "overdue"),
    "no_data": ("không có dữ liệu", "no data"),
    "unattainable": (
        "không thể đạt với số đối tượng hiện có",
        "cannot be reached with the current population",
    ),
    "severity_error": ("Vi phạm", "Error"),
    "severity_warning": ("Cảnh báo", "Warning"),
    "severity_info": ("Thông tin", "Info"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    # units
    "unit_cadres": ("cán bộ", "cadres"),
    "unit_positions": ("vị trí việc làm", "job positions"),
    "unit_agencies": ("cơ quan, đơn vị", "agencies"),
    # sentences
    "fallback": ("chưa đạt: {requirement}", "does not meet: {requirement}"),
    "any_note": (
        "Chỉ tiêu yêu cầu có ít nhất một người: {requirement}.",
        "The target needs at least one member who: {requirement}.",
    ),
    "met_but_some": (
        "Chỉ tiêu đã đạt; các thành viên sau chưa đáp ứng yêu cầu (để theo dõi):",
        "Target met; these members do not yet meet the requirement (for follow-up):",
    ),
    "none_failing": ("Không có thành viên chưa đạt.", "No member falls short."),
    "requirement": ("Yêu cầu đối với mỗi thành viên", "Each member must"),
    "population_text": ("Đối tượng áp dụng", "Applies to"),
    "line_status": (
        "{status}: {satisfied}/{population} đạt ({ratio}), yêu cầu {rule}, cần {required}, "
        "còn thiếu {shortfall}; thời hạn {deadline}",
        "{status}: {satisfied}/{population} meet it ({ratio}), threshold {rule}, needs "
        "{required}, short by {shortfall}; deadline {deadline}",
    ),
    "bullet_caption": (
        "{satisfied}/{population} đạt · cần {required} ({rule})",
        "{satisfied}/{population} · needs {required} ({rule})",
    ),
    "unrated_reason": (
        "chưa có xếp loại chất lượng năm {year}",
        "no annual rating for {year}",
    ),
    "count_met": ("chỉ tiêu đạt", "targets met"),
    "count_not_met": ("chỉ tiêu chưa đạt", "targets not met"),
    "count_na": ("không áp dụng", "not applicable"),
    "count_overdue": ("quá hạn", "overdue"),
    "kpi_multi": (
        "Số liệu trên đếm theo từng cặp xã × chỉ tiêu.",
        "The counts above are per commune × target.",
    ),
    "communes_met_of": ("{met}/{total} xã đạt", "{met}/{total} communes met"),
    "legend_bar": (
        "Thanh màu: tỷ lệ đạt hiện tại; vạch đen: mức cần đạt.",
        "Coloured bar: share meeting the target now; black tick: the level needed.",
    ),
    "legend_trend": (
        "Đường liền: tỷ lệ đạt; đường đứt: mức cần đạt.",
        "Solid line: share meeting the target; dashed line: the level needed.",
    ),
    "back_to_top": ("Về đầu trang", "Back to top"),
    "roster": ("Danh sách", "Roster"),
    "page": ("Trang &P/&N", "Page &P of &N"),
    # levels: education (EducationLevel), political theory (TheoryLevel), annual rating
    # (RatingLevel); ``theory_*`` only where English names a theory level differently
    "level_none": ("không có", "none"),
    "level_trung_cap": ("trung cấp", "vocational (trung cấp)"),
    "level_cao_dang": ("cao đẳng", "college"),
    "level_dai_hoc": ("đại học", "bachelor's"),
    "level_thac_si": ("thạc sĩ", "master's"),
    "level_tien_si": ("tiến sĩ", "doctorate"),
    "level_so_cap": ("sơ cấp", "elementary"),
    "level_cao_cap": ("cao cấp", "advanced"),
    "level_cu_nhan": ("cử nhân", "bachelor's in political theory"),
    "level_excellent": ("hoàn thành xuất sắc nhiệm vụ", "excellent"),
    "level_good": ("hoàn thành tốt nhiệm vụ", "good"),
    "level_complete": ("hoàn thành nhiệm vụ", "complete"),
    "level_incomplete": ("không hoàn thành nhiệm vụ", "incomplete"),
    "theory_so_cap": ("sơ cấp", "elementary"),
    "theory_trung_cap": ("trung cấp", "intermediate"),
    "theory_cao_cap": ("cao cấp", "advanced"),
    "theory_cu_nhan": ("cử nhân", "bachelor's in political theory"),
    # position categories (Category)
    "category_party_secretary": ("Bí thư Đảng ủy", "Party Secretary"),
    "category_committee_chair": ("Chủ tịch UBND", "People's Committee Chair"),
    "category_inspection_chair": (
        "Chủ nhiệm Ủy ban Kiểm tra",
        "Inspection Committee Chair",
    ),
    "category_party_deputy_secretary": ("Phó Bí thư Đảng ủy", "Deputy Party Secretary"),
    "category_council_chair": ("Chủ tịch HĐND", "People's Council Chair"),
    "category_council_vice_chair": ("Phó Chủ tịch HĐND", "People's Council Vice-Chair"),
    "category_committee_vice_chair": ("Phó Chủ tịch UBND", "People's Committee Vice-Chair"),
    "category_front_chair": ("Chủ tịch UBMTTQ", "Fatherland Front Chair"),
    "category_department_head": ("trưởng phòng, ban", "head of department"),
    "category_department_deputy": ("phó trưởng phòng, ban", "deputy head of department"),
    "category_professional": ("công chức chuyên môn", "professional civil servant"),
    # training topics (TrainingTopic)
    "topic_job_position": ("kiến thức, kỹ năng theo vị trí việc làm", "job-position skills"),
    "topic_data_governance": ("quản trị dữ liệu", "data governance"),
    "topic_modern_management": ("quản trị hiện đại", "modern management"),
    "topic_e_records": ("văn thư, lưu trữ điện tử", "electronic records"),
    "topic_two_tier_government": ("vận hành chính quyền hai cấp", "two-tier government"),
    "topic_law": ("pháp luật", "law"),
    "topic_ethics": ("đạo đức công vụ", "public-service ethics"),
    "topic_office_culture": ("văn hóa công sở", "office culture"),
    "topic_it": ("ứng dụng công nghệ thông tin", "IT application"),
    "topic_digital_transformation": ("chuyển đổi số", "digital transformation"),
    "topic_innovation": ("đổi mới sáng tạo", "innovation"),
    "topic_state_management": ("quản lý nhà nước", "state management"),
    "topic_retraining": ("đào tạo lại", "retraining"),
    "topic_other": ("khác", "other"),
    # responsible bodies: the built-in plugin's default per bloc (section III of a
    # commune's plan), and the body that appoints to the key posts (KL 210-KL/TW)
    "body_party_front": ("Ban Xây dựng Đảng", "Party Building Board"),
    "body_government": ("Ủy ban nhân dân xã", "People's Committee"),
    "body_key_posts": ("Ban Thường vụ Đảng ủy xã", "Standing Committee of the Party Committee"),
    # command line (cadre evaluate, validate, plugins, verify, schema, synth, new-plugin,
    # progress bars): what the commands print for people
    "cli_col_id": ("Mã", "Id"),
    "cli_unattainable_note": (
        "* không thể đạt với số đối tượng hiện có",
        "* cannot be reached with the current population",
    ),
    "cli_unrated": ("Chưa xếp loại", "Unrated"),
    "cli_findings": ("Số phát hiện cần xử lý: {n}", "Findings to act on: {n}"),
    "cli_valid": ("Danh sách hợp lệ", "Valid roster"),
    "cli_row_counts": ("Số dòng theo bảng", "Rows per table"),
    "cli_col_rows": ("Số dòng", "Rows"),
    "cli_problems_in": ("{n} lỗi trong {where}", "{n} problem(s) in {where}"),
    "cli_invalid": (
        "{where}: danh sách không hợp lệ ({n} lỗi); xem bảng lỗi ở trên",
        "{where}: the roster is invalid ({n} problem(s)); see above",
    ),
    "cli_warnings": ("{n} điểm cần lưu ý", "{n} warning(s)"),
    "cli_col_mark": ("Mức", "Level"),
    "cli_mark_error": ("Lỗi", "Error"),
    "cli_mark_warning": ("Lưu ý", "Warning"),
    "cli_col_expected": ("Yêu cầu", "Expected"),
    "cli_col_suggestion": ("Gợi ý", "Suggestion"),
    "cli_more_of_kind": (
        "… và {n} lỗi cùng loại ở {where}: {expected}",
        "… and {n} more in {where}: {expected}",
    ),
    "cli_more_kinds": (
        "… và {n} lỗi thuộc {kinds} loại khác",
        "… and {n} more of {kinds} other kinds",
    ),
    "cli_shown_of": (
        "Hiển thị {shown}/{total} lỗi; cadre validate --format json (hoặc csv) liệt kê đầy đủ",
        "{shown} of {total} problems shown; cadre validate --format json (or csv) lists every one",
    ),
    "cli_set_aside": (
        "Bỏ qua theo --skip-invalid: {rows} lỗi dòng, {cells} ô, {tables} bảng",
        "skipped by --skip-invalid: {rows} row problem(s), {cells} cell(s), {tables} table(s)",
    ),
    "cli_not_read": (
        "Không đọc: {n} cột hoặc trang tính",
        "not read: {n} column(s) or sheet(s)",
    ),
    "cli_wrote": ("Đã ghi {path}", "wrote {path}"),
    "cli_plugins_title": ("Các plugin đã cài đặt", "Installed plugins"),
    "cli_col_name": ("Tên", "Name"),
    "cli_col_targets": ("Chỉ tiêu", "Targets"),
    "cli_col_parameters": ("Thông số", "Parameters"),
    "cli_col_hooks": ("Điểm mở rộng", "Hooks"),
    "cli_example_plugin": (
        "(ví dụ: chỉ dùng khi ghi rõ --plugin)",
        "(example: only with --plugin)",
    ),
    "cli_plugin_failed": ("lỗi: {error}", "error: {error}"),
    "cli_verify_matches": (
        "{report} khớp với {roster} (tính đến ngày {day})",
        "{report} matches {roster} (as of {day})",
    ),
    "cli_verify_differs": (
        "{report} không còn khớp với {roster}:",
        "{report} no longer matches {roster}:",
    ),
    "cli_schema_follows": (
        "{path} đúng lược đồ {name} ({id}, phiên bản tài liệu {version})",
        "{path} follows the {name} schema ({id}, document version {version})",
    ),
    "cli_synth_done": (
        "{communes} xã, {cadres} cán bộ, {rows} dòng đã ghi vào {out} ({fmt}) trong {seconds} giây",
        "{communes} communes, {cadres} cadres, {rows} rows written to {out} ({fmt}) in {seconds} s",
    ),
    "cli_created": ("Đã tạo {path}", "created {path}"),
    "cli_next_steps": ("Bước tiếp theo:", "next:"),
    "cli_lists_plugin": ("liệt kê {name}", "lists {name}"),
    "cli_or_ci": ("hoặc ./ci.sh", "or ./ci.sh"),
    "cli_suggested_layout": (
        "Đã ghi {path}: kiểm tra từng dòng, rồi dùng --layout {path}",
        "wrote {path}: check every line, then use --layout {path}",
    ),
    "progress_reading": ("Đọc danh sách", "Reading rosters"),
    "progress_evaluating": ("Đánh giá chỉ tiêu", "Evaluating targets"),
    "progress_days": ("Đánh giá từng ngày", "Evaluating each day"),
    "progress_writing": ("Ghi báo cáo", "Writing the report"),
    "progress_planning": ("Lập kế hoạch", "Planning"),
    "roster_table_cadres": ("Cán bộ", "Cadres"),
    "roster_table_agencies": ("Cơ quan, đơn vị", "Agencies"),
    "roster_table_positions": ("Vị trí việc làm", "Job positions"),
    "roster_table_assignments": ("Phân công, bố trí", "Assignments"),
    "roster_table_degrees": ("Bằng cấp chuyên môn", "Degrees"),
    "roster_table_theory": ("Lý luận chính trị", "Political theory"),
    "roster_table_trainings": ("Bồi dưỡng", "Training courses"),
    "roster_table_ratings": ("Xếp loại chất lượng", "Annual ratings"),
    "roster_table_equipment": ("Trang thiết bị", "Equipment"),
    "roster_table_succession": ("Quy hoạch", "Succession planning"),
    "roster_table_scores": ("Điểm đánh giá", "Scores"),
    "roster_table_discipline": ("Kỷ luật", "Discipline"),
}

#: Bloc codes whose default responsible body has a label (``body_<bloc>``).
BLOCS: tuple[str, ...] = ("party_front", "government")

_BODIES_EN = {
    **{_LABELS[k][0]: _LABELS[k][1] for k in _LABELS if k.startswith("body_")},
    "Ban Xây dựng Đảng Đảng ủy": "Party Building Board",
    "Ủy ban nhân dân": "People's Committee",
    "Hội đồng nhân dân xã": "People's Council",
    "Ủy ban Mặt trận Tổ quốc Việt Nam xã": "Fatherland Front Committee",
}


def label(key: str, lang: str = "vi") -> str:
    """The label ``key`` in ``lang`` (``vi`` or ``en``).

    >>> label("not_met", "vi"), label("not_met", "en")
    ('Chưa đạt', 'Not met')
    """
    vi, en = _LABELS[key]
    return en if lang == "en" else vi


def body_name(name: str, lang: str = "vi") -> str:
    """A responsible body's name in ``lang``: the two default bodies (and a few others of
    section III) have English names; any other name is printed as the plugin gave it.

    >>> body_name("Ủy ban nhân dân xã", "en")
    "People's Committee"
    """
    return _BODIES_EN.get(name, name) if lang == "en" else name


def default_bodies() -> dict[str, str]:
    """Bloc code -> the default responsible body (Vietnamese), from the label table.

    >>> default_bodies()["government"]
    'Ủy ban nhân dân xã'
    """
    return {bloc: label(f"body_{bloc}") for bloc in BLOCS}


def _missing(code: object) -> bool:
    return code is None or code is pd.NA or (isinstance(code, float) and math.isnan(code))


def level_name(code: object, lang: str = "vi", kind: str = "education") -> str:
    """A level code in words (``thac_si`` -> ``thạc sĩ``); ``kind`` is ``education``,
    ``theory`` or ``rating`` (``trung_cap`` reads differently in English for each). A
    blank level reads "không có" / "none"; a code no list knows is printed as it is.

    >>> level_name("trung_cap", "en", "theory"), level_name("trung_cap", "vi", "theory")
    ('intermediate', 'trung cấp')
    >>> level_name("dai_hoc", "vi"), level_name(None, "en"), level_name("xyz", "vi")
    ('đại học', 'none', 'xyz')
    """
    if _missing(code):
        return label("level_none", lang)
    key = f"theory_{code}" if kind == "theory" else f"level_{code}"
    if key not in _LABELS:
        key = f"level_{code}"
    return label(key, lang) if key in _LABELS else str(code)


def levels_name(codes: Sequence[str], lang: str = "vi", kind: str = "education") -> str:
    """Level codes in words joined with "hoặc" / "or" (``cao cấp hoặc cử nhân``)."""
    sep = " hoặc " if lang == "vi" else " or "
    return sep.join(level_name(c, lang, kind) for c in codes)


def category_name(code: object, lang: str = "vi") -> str:
    """A position category in words (``committee_chair`` -> ``Chủ tịch UBND``); an unknown
    code is printed as it is.

    >>> category_name("committee_chair"), category_name("committee_chair", "en")
    ('Chủ tịch UBND', "People's Committee Chair")
    """
    key = f"category_{code}"
    return label(key, lang) if key in _LABELS else str(code)


def topic_name(code: str, lang: str = "vi") -> str:
    """A training topic in words (``data_governance`` -> ``quản trị dữ liệu``)."""
    key = f"topic_{code}"
    return label(key, lang) if key in _LABELS else code


def fmt_date(day: dt.date) -> str:
    """A day as dd/mm/yyyy (the Vietnamese administrative format, used in both languages)."""
    return day.strftime("%d/%m/%Y")


def fmt_pct(value: float | None, lang: str = "vi") -> str:
    """A display percentage (one decimal at most); Vietnamese uses a decimal comma.

    >>> fmt_pct(0.6097, "vi"), fmt_pct(0.5, "en"), fmt_pct(None)
    ('61%', '50%', '–')
    """
    if value is None or value != value:  # None or NaN: an empty population
        return "–"
    pct = round(value * 100, 1)
    text = f"{pct:.0f}" if pct == int(pct) or pct >= 10 else f"{pct:.1f}"
    if lang == "vi":
        text = text.replace(".", ",")
    return f"{text}%"


def check_lang(lang: str) -> str:
    """Validate a language code."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang
