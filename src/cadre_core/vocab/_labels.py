"""Every word a report prints, in Vietnamese (the default) and English.

Report code never writes a user-visible string literal of its own: it asks :func:`label`.
"""

from __future__ import annotations

import datetime as dt

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
    "overdue": ("quá hạn", "overdue"),
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
}

_BODIES_EN = {
    "Ban Xây dựng Đảng": "Party Building Board",
    "Ban Xây dựng Đảng Đảng ủy": "Party Building Board",
    "Ủy ban nhân dân xã": "People's Committee",
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
