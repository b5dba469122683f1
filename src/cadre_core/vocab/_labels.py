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
from collections.abc import Mapping, Sequence

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
    "level_none": ("chưa có", "none"),
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
    # the plan a person signs (cadre plan: table, HTML, xlsx columns)
    "plan_title": ("Kế hoạch đào tạo, bồi dưỡng", "Training plan"),
    "plan_heading": (
        "KẾ HOẠCH ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ, CÔNG CHỨC",
        "TRAINING PLAN FOR CADRES AND CIVIL SERVANTS",
    ),
    "plan_period": ("Giai đoạn {first}–{last}", "{first}–{last}"),
    "plan_subtitle": ("{communes}, tính từ ngày {day}", "{communes}, from {day}"),
    "plan_nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "plan_motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "plan_place_date": (
        "......., ngày ..... tháng ..... năm ......",
        "......., date ............",
    ),
    "plan_summary": (
        "Tổng số {starts} lượt cử đi đào tạo, bồi dưỡng ({people} người); tổng kinh phí dự "
        "kiến {cost} đồng.",
        "{starts} training places in all ({people} people); estimated cost {cost} VND.",
    ),
    "plan_lines": ("Danh sách cử đi đào tạo, bồi dưỡng", "Who is sent to which programme"),
    "plan_year": ("Năm {year}", "Year {year}"),
    "plan_year_total": (
        "Cộng năm {year}: {starts} lượt, {cost} đồng",
        "Total {year}: {starts} places, {cost} VND",
    ),
    "plan_totals": ("Tổng hợp theo năm", "Yearly totals"),
    "plan_cost_chart": ("Kinh phí theo năm (triệu đồng)", "Cost per year (million VND)"),
    "plan_projections": ("Chỉ tiêu tại thời hạn", "Targets at their deadlines"),
    "plan_needs": ("Nhu cầu đào tạo không đáp ứng được", "Needs training cannot meet"),
    "plan_needs_none": (
        "Không có: mọi chỉ tiêu đạt tại thời hạn với kế hoạch này.",
        "None: every target is met at its deadline with this plan.",
    ),
    "plan_concerned": ("Gồm", "Namely"),
    "plan_assumptions": ("Giả định", "Assumptions"),
    "plan_succession_note": (
        "Dấu x ở cột Quy hoạch: cán bộ trong quy hoạch.",
        "An x under Succession: the cadre is in the succession plan.",
    ),
    "plan_total": ("Tổng cộng", "Total"),
    "plan_signer": ("NGƯỜI LẬP", "PREPARED BY"),
    "plan_signer_note": ("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
    "plan_head": ("THỦ TRƯỞNG CƠ QUAN", "HEAD OF AGENCY"),
    "plan_head_note": ("(Ký tên, đóng dấu)", "(Signature and seal)"),
    "plan_recipients": ("Nơi nhận:", "To:"),
    "plan_recipients_list": ("- ..........;\n- Lưu: VT.", "- ..........;\n- File."),
    "plan_col_year": ("Năm", "Year"),
    "plan_col_name": ("Họ và tên", "Name"),
    "plan_col_id": ("Mã cán bộ", "Cadre id"),
    "plan_col_post": ("Chức vụ", "Post"),
    "plan_col_agency": ("Cơ quan, đơn vị", "Agency"),
    "plan_col_programme": ("Chương trình", "Programme"),
    "plan_col_from": ("Từ", "From"),
    "plan_col_to": ("Đến", "To"),
    "plan_col_targets": ("Chỉ tiêu phục vụ", "Targets served"),
    "plan_col_body": ("Cơ quan cử đi học", "Sending body"),
    "plan_col_cost": ("Kinh phí (đồng)", "Cost (VND)"),
    "plan_col_succession": ("Quy hoạch", "Succession"),
    "plan_col_starts": ("Lượt cử đi học", "Places"),
    "plan_col_long": ("Trong đó dài hạn", "Of which long"),
    "plan_col_before": ("Đạt nếu không có kế hoạch", "Meeting it without the plan"),
    "plan_col_after": ("Đạt với kế hoạch", "Meeting it with the plan"),
    "plan_col_status_before": ("Trạng thái nếu không có kế hoạch", "Status without the plan"),
    "plan_col_status_after": ("Trạng thái với kế hoạch", "Status with the plan"),
    "plan_col_kind": ("Loại", "Kind"),
    "plan_col_count": ("Số lượng", "Count"),
    "plan_col_reason": ("Nội dung", "What and why"),
    "plan_sheet_lines": ("Kế hoạch", "Plan"),
    "plan_sheet_totals": ("Tổng hợp năm", "Yearly totals"),
    "plan_sheet_projections": ("Chỉ tiêu tại thời hạn", "Targets at deadlines"),
    "plan_sheet_needs": ("Nhu cầu khác", "Other needs"),
    # xlsx on paper: the report's summary legend, page headers, the plan workbook's titles
    "legend_progress": (
        "Tiến độ = số đạt / số cần đạt (100% là đạt chỉ tiêu); thanh xanh: đạt, thanh đỏ: "
        "chưa đạt. Tỷ lệ đạt = số đạt / số đối tượng.",
        "Progress = members meeting it / members needed (100% means the target is met); "
        "green bar: met, red bar: not met. Share meeting it = members meeting it / population.",
    ),
    "n_communes": ("{n} xã", "{n} communes"),
    "plan_title_to": (
        "KẾ HOẠCH ĐÀO TẠO, BỒI DƯỠNG ĐẾN NĂM {horizon}",
        "TRAINING PLAN TO {horizon}",
    ),
    # the commune report for the meeting (HTML and PDF): page 1, member lists, appendix
    "report_count_cadres": ("cán bộ đang công tác", "serving cadres"),
    "report_details_note": (
        "Người chưa đạt chỉ được liệt kê ở các chỉ tiêu chưa đạt, theo cơ quan, đơn vị; "
        "chỉ tiêu đã đạt ghi một dòng.",
        "Members who fall short are listed only for targets not met, by agency; a met "
        "target takes one line.",
    ),
    "report_appendix": ("Phụ lục: Thông số áp dụng", "Appendix: parameters in force"),
    "report_appendix_note": (
        "Mức yêu cầu, thời hạn và chủ đề của từng chỉ tiêu, rồi các thông số khác; cột "
        "Nguồn cho biết giá trị lấy từ plugin hay từ tệp thông số (--params).",
        "Each target's threshold, deadline and topics, then the other parameters; the "
        "From column says whether a value is a plugin's or comes from a parameter file "
        "(--params).",
    ),
    "report_col_topics": ("Chủ đề bồi dưỡng", "Training topics"),
    "report_col_agency": ("Cơ quan, đơn vị", "Agency"),
    "report_col_people": (
        "Người chưa đạt (họ tên — chức vụ)",
        "Members who fall short (name — post)",
    ),
    "report_page": ("Trang", "Page"),
    "report_audit_title": ("Thông tin kiểm chứng", "Audit"),
    "param_default_standards": (
        "Tiêu chuẩn (chuyên môn, lý luận chính trị) theo chức danh lãnh đạo",
        "Standard (education, political theory) of each leadership title",
    ),
    "param_equipment_norm": (
        "Định mức trang thiết bị (mỗi cán bộ, mỗi cơ quan)",
        "Equipment norm (per cadre, per agency)",
    ),
    "param_national.key_post_body": (
        "Cơ quan xử lý việc người địa phương giữ chức danh chủ chốt",
        "Body acting on a local person in a key post",
    ),
    "param_national.non_local_categories": (
        "Chức danh không bố trí người địa phương",
        "Titles not held by local people",
    ),
    "param_national.plan_citations": (
        "Điều khoản kế hoạch được dẫn kèm căn cứ",
        "Plan clauses cited with the findings",
    ),
    "param_national.rotation_years": (
        "Số năm ở vị trí nhạy cảm phải chuyển đổi",
        "Years in a sensitive post before rotation",
    ),
    "param_national.succession.full_term_months": (
        "Số tháng công tác tối thiểu của cán bộ quy hoạch trong nhiệm kỳ",
        "Months a planned candidate must be able to serve",
    ),
    "param_national.succession.max_candidates": (
        "Số người quy hoạch tối đa cho một chức danh",
        "Most candidates for one title",
    ),
    "param_national.succession.max_titles": (
        "Số chức danh quy hoạch tối đa cho một người",
        "Most titles for one candidate",
    ),
    "param_national.succession.min_female": (
        "Tỷ lệ nữ tối thiểu trong nguồn quy hoạch (0: ít nhất một người)",
        "Least share of women in the pool (0: at least one)",
    ),
    "param_national.succession.min_minority": (
        "Tỷ lệ người dân tộc thiểu số tối thiểu trong nguồn quy hoạch (0: ít nhất một người)",
        "Least share of ethnic-minority candidates (0: at least one)",
    ),
    "param_national.succession.min_young": (
        "Tỷ lệ cán bộ trẻ tối thiểu trong nguồn quy hoạch (0: ít nhất một người)",
        "Least share of young candidates (0: at least one)",
    ),
    "param_national.succession.young_age": (
        "Cán bộ trẻ: dưới số tuổi",
        "Young: under this age",
    ),
    "param_nd335.bands": (
        "Điểm tối thiểu của từng mức xếp loại",
        "Lowest score of each rating level",
    ),
    "param_nd335.cap_scope": (
        "Phạm vi áp dụng tỷ lệ hoàn thành xuất sắc",
        "Where the excellent-rating cap applies",
    ),
    "param_nd335.excellent_cap": (
        "Tỷ lệ hoàn thành xuất sắc tối đa (so với số hoàn thành tốt)",
        "Most excellent ratings (share of good ratings)",
    ),
    "param_nd335.first_year": (
        "Năm đầu tiên đối chiếu xếp loại với điểm",
        "First year ratings are checked against scores",
    ),
    "param_plan_start": ("Ngày bắt đầu tính kế hoạch", "Start of the plan period"),
    "param_planner.budget": (
        "Kinh phí đào tạo mỗi năm của xã (đồng; 0: không giới hạn)",
        "Yearly training budget per commune (VND; 0: no limit)",
    ),
    "param_planner.catalogue": (
        "Điều chỉnh danh mục chương trình đào tạo",
        "Changes to the programme catalogue",
    ),
    "param_planner.max_away_share": (
        "Tỷ lệ tối đa cán bộ một cơ quan đi học dài hạn cùng lúc",
        "Largest share of an agency away on long programmes at once",
    ),
    "param_planner.min_away": (
        "Số người một cơ quan luôn được cử đi học cùng lúc",
        "Members of an agency that may always be away at once",
    ),
    "param_planner.seats": (
        "Số chỉ tiêu học mỗi năm theo chương trình",
        "Seats per year for some programmes",
    ),
    "param_word_agency": ("từng cơ quan, đơn vị", "each agency"),
    "param_word_commune": ("toàn xã", "the whole commune"),
    # ---- Vietnamese words everywhere: rule titles, equipment items, subjects ----
    # a level nobody holds, said per kind (``level_name(None, kind=...)``)
    "level_none_education": ("chưa có bằng chuyên môn", "no degree"),
    "level_none_theory": ("chưa có trình độ lý luận chính trị", "no political theory"),
    "level_none_rating": ("chưa được xếp loại", "not rated"),
    # the national findings' rules (``rule_<rule id>``), read through rule_title
    "rule_national.age_unknown": ("Chưa rõ tuổi", "Age unknown"),
    "rule_national.past_retirement_age": ("Đã quá tuổi nghỉ hưu", "Past retirement age"),
    "rule_national.retires_before_deadline": (
        "Nghỉ hưu trước thời hạn chỉ tiêu",
        "Retires before a target's deadline",
    ),
    "rule_national.local_key_post": (
        "Người địa phương giữ chức danh chủ chốt",
        "Local person in a key post",
    ),
    "rule_national.below_standard_on_appointment": (
        "Bổ nhiệm khi chưa đạt tiêu chuẩn chức danh",
        "Appointed below the post's standard",
    ),
    "rule_national.rotation_overdue": (
        "Đến hạn chuyển đổi vị trí công tác",
        "Due for rotation",
    ),
    "rule_national.vacancy": ("Thiếu người so với biên chế", "Post below its quota"),
    "rule_national.surplus": ("Thừa người so với biên chế", "Post above its quota"),
    "rule_national.succession_too_many_candidates": (
        "Quá số người quy hoạch cho một chức danh",
        "Too many candidates for one title",
    ),
    "rule_national.succession_too_many_titles": (
        "Một người được quy hoạch quá nhiều chức danh",
        "One candidate planned for too many titles",
    ),
    "rule_national.succession_retires_in_term": (
        "Quy hoạch nhưng không đủ tuổi công tác trọn nhiệm kỳ",
        "Planned but retires within the term",
    ),
    "rule_national.succession_pool_young": (
        "Nguồn quy hoạch thiếu cán bộ trẻ",
        "Succession pool short of young cadres",
    ),
    "rule_national.succession_pool_female": (
        "Nguồn quy hoạch thiếu cán bộ nữ",
        "Succession pool short of women",
    ),
    "rule_national.succession_pool_minority": (
        "Nguồn quy hoạch thiếu cán bộ người dân tộc thiểu số",
        "Succession pool short of ethnic-minority cadres",
    ),
    "rule_national.rating_contradicts_scores": (
        "Xếp loại không khớp với điểm đánh giá hoặc kỷ luật",
        "Rating contradicts the scores or a discipline",
    ),
    "rule_national.excellent_over_cap": (
        "Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ",
        "Excellent ratings over the cap",
    ),
    # equipment items of the built-in norm and the sample rosters (``item_<code>``)
    "item_desk_set": ("bộ bàn ghế làm việc", "desk and chair"),
    "item_cabinet": ("tủ đựng tài liệu", "filing cabinet"),
    "item_computer": ("máy vi tính", "computer"),
    "item_phone": ("điện thoại cố định", "desk phone"),
    "item_printer": ("máy in", "printer"),
    "equipment_have": ("{item}: có {have}/{needed}", "{item}: {have} of {needed}"),
    # a finding's subject: name, post and id
    "subject_named": ("{name}, {post} ({id})", "{name}, {post} ({id})"),
    "subject_named_no_post": ("{name} ({id})", "{name} ({id})"),
    # planner model: the one reason training cannot close a target's gap (plan_cause_*)
    "plan_cause_none": (
        "không chương trình nào trong danh mục giúp đạt tiêu chí",
        "no programme in the catalogue meets the criterion",
    ),
    "plan_cause_prereq": (
        "chưa đủ điều kiện đầu vào của chương trình (chưa có văn bằng hoặc trình độ phải có "
        "trước, ví dụ chưa có bằng đại học để học văn bằng thứ hai)",
        "does not meet the programme's entry requirement (lacks the degree or level it "
        "presupposes, e.g. no first degree for a second one)",
    ),
    "plan_cause_age": (
        "quá tuổi cử đi đào tạo theo quy định",
        "over the age limit for sponsored study",
    ),
    "plan_cause_retire": (
        "nghỉ hưu hoặc thôi công tác trước khi học xong",
        "retires or leaves before finishing",
    ),
    "plan_cause_busy": (
        "đang học một chương trình khác, không kịp học tiếp trước thời hạn",
        "already in another programme and cannot follow on before the deadline",
    ),
    "plan_cause_late": (
        "thời gian còn lại đến thời hạn ngắn hơn thời gian học của chương trình",
        "the time left before the deadline is shorter than the programme",
    ),
    "plan_cause_chain": (
        "phải học chương trình điều kiện trước, không đủ thời gian học cả hai trước thời hạn",
        "the prerequisite programme must come first and both cannot finish before the deadline",
    ),
    "plan_cause_agency": (
        "cơ quan đã có tối đa số người được cử đi học cùng tháng",
        "the agency already has the most members allowed away in the same month",
    ),
    "plan_cause_leaders": (
        "đã có tối đa số lãnh đạo chủ chốt của xã được cử đi học cùng tháng",
        "the commune already has the most key leaders allowed away in the same month",
    ),
    "plan_cause_overlap": (
        "mỗi người chỉ học một chương trình một lúc, không xếp được trước thời hạn",
        "one programme at a time per person leaves no room before the deadline",
    ),
    "plan_cause_budget": (
        "vượt kinh phí đào tạo hằng năm",
        "over the yearly training budget",
    ),
    "plan_cause_seats": (
        "hết chỉ tiêu học hằng năm của chương trình",
        "the programme's yearly seats are taken",
    ),
    "plan_cause_limits": (
        "vướng đồng thời nhiều giới hạn (số người vắng mặt, kinh phí, chỉ tiêu)",
        "held back by several limits together (people away, budget, seats)",
    ),
    "plan_cause_population": (
        "quy tắc không thể đạt với số thành viên hiện có",
        "the rule cannot be met with so few members",
    ),
    "plan_cause_posts": (
        "đào tạo không bổ sung được người cho vị trí còn trống",
        "training cannot fill empty posts",
    ),
    "plan_cause_equipment": (
        "không phải việc của đào tạo: cần trang bị",
        "not a training matter: equipment is needed",
    ),
    # province view: the report on several communes (HTML and workbook)
    "province_report": (
        "Báo cáo tổng hợp chỉ tiêu cán bộ các xã",
        "Commune cadre targets: all communes",
    ),
    "provinces_many": ("{n} tỉnh: {names}", "{n} provinces: {names}"),
    "cell_met": ("đạt", "met"),
    "ranking": ("Xếp hạng các xã", "Ranking of the communes"),
    "ranking_note": (
        "Xếp hạng: xã có ít chỉ tiêu chưa đạt hơn đứng trước; bằng nhau thì xã có tổng số còn "
        "thiếu ít hơn; rồi xã có nhiều chỉ tiêu đạt hơn. Các xã bằng nhau cả ba tiêu chí "
        "cùng hạng (1, 2, 2, 4).",
        "Ranking: fewer targets not met first; then the smaller total shortfall; then more "
        "targets met. Communes equal on all three share a rank (1, 2, 2, 4).",
    ),
    "col_rank": ("Hạng", "Rank"),
    "col_province": ("Tỉnh", "Province"),
    "col_targets_met": ("Chỉ tiêu đạt", "Targets met"),
    "col_targets_not_met": ("Chỉ tiêu chưa đạt", "Targets not met"),
    "col_targets_na": ("Không áp dụng", "Not applicable"),
    "col_total_shortfall": ("Tổng số còn thiếu", "Total shortfall"),
    "col_targets_overdue": ("Quá hạn", "Overdue"),
    "heatmap_legend": (
        "Mỗi ô: ✓ đạt · ✗ n: chưa đạt, còn thiếu n · – không áp dụng (không có ai thuộc đối "
        "tượng). Màu chỉ để dễ nhìn; ký hiệu và con số đọc được cả khi in đen trắng.",
        "Each cell: ✓ met · ✗ n: not met, short by n · – not applicable (nobody in the "
        "population). Colour only helps; the symbol and the number read in black and white.",
    ),
    "commune_trends": ("Diễn biến từng xã", "Trend per commune"),
    "commune_trends_note": (
        "Mỗi ngày tính: số chỉ tiêu đạt / số chỉ tiêu áp dụng của xã (tổng số còn thiếu "
        "trong ngoặc); đường: tỷ lệ chỉ tiêu đạt.",
        "Each day: targets met / targets applicable in the commune (total shortfall in "
        "brackets); line: the share of targets met.",
    ),
    "commune_sections": ("Từng xã: chỉ tiêu chưa đạt", "Each commune: targets not met"),
    "commune_counts": (
        "{met} chỉ tiêu đạt · {not_met} chưa đạt · {na} không áp dụng · tổng số còn thiếu "
        "{shortfall} · {findings} điểm cần xử lý · {unrated} cán bộ chưa xếp loại",
        "{met} targets met · {not_met} not met · {na} not applicable · total shortfall "
        "{shortfall} · {findings} findings to act on · {unrated} cadres not rated",
    ),
    "commune_all_met": ("Mọi chỉ tiêu áp dụng đều đạt.", "Every applicable target is met."),
    "shortfall_of": ("còn thiếu {n}", "short by {n}"),
    "commune_detail_hint": (
        "Báo cáo tổng hợp không in danh sách từng người. Danh sách người chưa đạt, điểm cần "
        "xử lý và cán bộ chưa xếp loại của một xã có trong báo cáo chi tiết của xã đó: {command}",
        "This report lists no one by name. A commune's detailed report (who falls short, "
        "findings, cadres not rated): {command}",
    ),
    "commune_detail_command": (
        'cadre evaluate DANH_SÁCH --commune "TÊN XÃ" -o xa.html',
        'cadre evaluate ROSTER --commune "COMMUNE" -o commune.html',
    ),
    "province_trends": ("Diễn biến toàn tỉnh theo chỉ tiêu", "Province trend per target"),
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
    "cli_col_province": ("Tỉnh — nội dung", "Province — what it carries"),
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
    # --- the HTTP service (cadre serve): its refusals, in the request's language
    "serve_no_roster": (
        "Chưa có danh sách: gửi tệp trong trường multipart `roster` (bảng tính, hoặc tệp "
        "zip các bảng CSV/parquet), hoặc gửi các bảng dưới dạng JSON",
        "no roster: send a file in the multipart field `roster` (a workbook, or a zip of "
        "CSV/parquet tables), or the tables as JSON",
    ),
    "serve_bad_tables": (
        "Các bảng JSON không đúng tại {where}: {why}",
        "the JSON tables are wrong at {where}: {why}",
    ),
    "serve_why_not_json": ("không phải JSON hợp lệ", "not valid JSON"),
    "serve_why_not_object": (
        "cần một đối tượng gồm tên bảng và danh sách các dòng",
        "expected an object of table names and lists of rows",
    ),
    "serve_why_not_rows": ("cần một danh sách các dòng", "expected a list of rows"),
    "serve_why_not_row": (
        "mỗi dòng là một đối tượng gồm tên cột và giá trị",
        "each row is an object of column names and values",
    ),
    "serve_why_not_scalar": (
        "giá trị của ô phải là văn bản, số, true/false hoặc null",
        "a cell's value is text, a number, true/false or null",
    ),
    "serve_why_params": (
        'cần một đối tượng JSON {"khóa": giá trị}',
        'expected a JSON object {"key": value}',
    ),
    "serve_bad_query": ("Tham số {name} không hợp lệ: {error}", "{name} is wrong: {error}"),
    "serve_bad_params": (
        "Tham số ghi đè không hợp lệ: {error}",
        "the parameter overrides are wrong: {error}",
    ),
    "serve_bad_horizon": (
        "Năm cuối {horizon} phải từ năm bắt đầu kế hoạch đến 100 năm sau",
        "the horizon {horizon} must be from the plan's first year to 100 years later",
    ),
    "serve_unknown_plugin": (
        "Không có plugin {plugin} (đã cài: {installed})",
        "no plugin {plugin} is installed (installed: {installed})",
    ),
    "serve_forbidden_plugin": (
        "Dịch vụ này không cho phép dùng plugin {plugin}",
        "this service does not allow the plugin {plugin}",
    ),
    "serve_plugin_failed": ("Plugin {plugin} bị lỗi: {error}", "plugin {plugin} failed: {error}"),
    "serve_unauthorized": (
        "Cần mã truy cập hợp lệ trong tiêu đề Authorization: Bearer MÃ",
        "a valid token is needed in the header Authorization: Bearer TOKEN",
    ),
    "serve_too_large": (
        "Yêu cầu vượt quá giới hạn {limit} MB",
        "the request is larger than the limit of {limit} MB",
    ),
    "serve_timeout": (
        "Yêu cầu chạy quá {seconds} giây, giới hạn của dịch vụ; hãy gửi danh sách nhỏ hơn "
        "(từng xã) hoặc nhờ quản trị nâng giới hạn",
        "the request took longer than the service's limit of {seconds} s; send a smaller "
        "roster (one commune at a time) or ask the administrator for a longer limit",
    ),
    "serve_no_pseudonym_key": (
        "Dịch vụ chưa có khóa bí danh ($CADRE_PSEUDONYM_KEY), nên không thể thay tên bằng bí danh",
        "the service has no pseudonym key ($CADRE_PSEUDONYM_KEY), so it cannot use pseudonyms",
    ),
    "serve_unavailable": ("Không tạo được báo cáo tại đây: {error}", "no report here: {error}"),
    "serve_not_found": ("Không có địa chỉ {path}", "no such path: {path}"),
    "serve_method": (
        "Địa chỉ {path} không nhận phương thức này",
        "{path} does not take this method",
    ),
    "serve_internal": (
        "Lỗi nội bộ của dịch vụ; người quản trị xem nhật ký",
        "the service failed; its administrator can read the log",
    ),
    # forms (cadre forms): the official reporting forms filled from the roster
    "forms_total": ("Tổng cộng", "Total"),
    "forms_subtotal": ("Cộng", "Total"),
    "forms_province": ("Toàn tỉnh", "Province"),
    "forms_commune": ("Xã", "Commune"),
    "forms_date_line": ("………, ngày …… tháng …… năm ……", "………, on …… …… ……"),
    "forms_notes_sheet": ("Ghi chú", "Notes"),
    "forms_notes_title": (
        "Các ô để trống và lý do (danh sách không có thông tin, không ghi số 0)",
        "Cells left blank and why (the roster does not say; never written as 0)",
    ),
    "forms_no_blank": ("Không có ô nào để trống.", "No cell is left blank."),
    "forms_col_form": ("Biểu", "Form"),
    "forms_col_row": ("Dòng", "Row"),
    "forms_col_column": ("Cột", "Column"),
    "forms_col_number": ("Số cột", "Column no."),
    "forms_col_missing": ("Thông tin danh sách còn thiếu", "What the roster does not say"),
    "forms_whole_column": ("cả cột", "the whole column"),
    "forms_as_of": ("Số liệu tính đến ngày {day}", "Figures as of {day}"),
    "forms_source": ("Căn cứ: {source}", "Source: {source}"),
    "forms_list_title": ("Các biểu mẫu báo cáo", "Reporting forms"),
    "forms_list_code": ("Mã biểu", "Code"),
    "forms_list_name": ("Tên biểu", "Name"),
    "forms_list_plugin": ("Plugin", "Plugin"),
    "forms_unknown": (
        "--form {code}: không có biểu này (các biểu: {known})",
        "--form {code}: no such form (the forms: {known})",
    ),
    "forms_needs_roster": (
        "cadre forms cần tệp danh sách ROSTER (hoặc --list)",
        "cadre forms needs a ROSTER (or --list)",
    ),
    "forms_needs_output": (
        "Biểu dạng xlsx cần --output TỆP.xlsx",
        "An xlsx form needs --output FILE.xlsx",
    ),
    "forms_field_cadres.birth_date": ("ngày sinh", "birth date"),
    "forms_field_cadres.gender": ("giới tính", "gender"),
    "forms_field_cadres.ethnicity": ("dân tộc", "ethnicity"),
    "forms_field_cadres.full_name": ("họ và tên", "full name"),
    "forms_field_cadres.party_join_date": ("ngày vào Đảng", "date of joining the Party"),
    "forms_field_cadres.religion": ("tôn giáo", "religion"),
    "forms_field_cadres.grade": ("ngạch công chức", "civil-service grade"),
    "forms_field_cadres.state_management": (
        "trình độ quản lý nhà nước",
        "state-management training",
    ),
    "forms_field_cadres.it_level": ("trình độ tin học", "IT level"),
    "forms_field_cadres.foreign_language": ("trình độ ngoại ngữ", "foreign-language level"),
    "forms_field_cadres.foreign_language_name": (
        "tên ngoại ngữ (tiếng Anh hay ngoại ngữ khác): danh sách không có cột này",
        "which language (English or another): the roster format has no such column",
    ),
    "forms_field_cadres.ethnic_language": (
        "chứng chỉ tiếng dân tộc",
        "ethnic-language certificate",
    ),
    "forms_field_cadres.general_education": ("trình độ văn hóa", "general education"),
    "forms_field_cadres.academic_title": ("học hàm (PGS, GS)", "academic title"),
    "forms_field_cadres.professional_basic": ("sơ cấp chuyên môn", "basic vocational certificate"),
    "forms_field_cadres.insurance_start": ("ngày bắt đầu đóng BHXH", "social insurance start"),
    "forms_field_cadres.party_committee": ("ủy viên Ban chấp hành", "Party Committee member"),
    "forms_field_cadres.party_standing": ("ủy viên Ban thường vụ", "Standing Board member"),
    "forms_field_cadres.council_deputy": ("đại biểu HĐND các cấp", "People's Council deputy"),
    "forms_field_cadres.tier": (
        "cán bộ cấp tỉnh, cấp huyện: danh sách chỉ gồm cán bộ cấp xã",
        "province and district cadres: the roster holds commune cadres only",
    ),
    "forms_field_positions.category": ("loại vị trí (chức danh)", "post category"),
    "forms_field_positions.quota": ("biên chế của vị trí", "posts allotted"),
    "forms_field_assignments.rotation": ("luân chuyển", "rotation"),
    "forms_field_degrees.level": ("trình độ chuyên môn", "degree level"),
    "forms_field_degrees.awarded_date": ("ngày cấp bằng", "award date of the degree"),
    "forms_field_degrees.study_place": ("nơi đào tạo", "place of study"),
    "forms_field_theory.level": ("trình độ lý luận chính trị", "political theory level"),
    "forms_field_theory.awarded_date": ("ngày cấp bằng LLCT", "award date of the theory diploma"),
    "forms_field_theory.study_mode": ("hệ đào tạo LLCT", "study mode"),
    "forms_field_trainings.topics": ("nội dung bồi dưỡng", "training topics"),
    "forms_field_trainings.place": ("nơi bồi dưỡng", "place of the course"),
    "forms_field_trainings.subject_group": (
        "đối tượng bồi dưỡng QP-AN: danh sách không có cột này",
        "defence-security subject group: the roster format has no such column",
    ),
    "forms_field_trainings.classes": (
        "số lớp đã mở: danh sách cán bộ không ghi",
        "classes held: a roster of cadres does not record them",
    ),
    "forms_field_succession": ("bảng quy hoạch", "succession table"),
    "forms_field_succession.party_committee": (
        "quy hoạch Ủy viên Ban chấp hành: danh sách không có chức danh này",
        "planned Party Committee members: the roster has no post for them",
    ),
    "forms_field_succession.party_standing": (
        "quy hoạch Ủy viên Ban thường vụ: danh sách không có chức danh này",
        "planned Standing Board members: the roster has no post for them",
    ),
    "forms_field_succession.inspection_committee": (
        "quy hoạch Ủy viên Ủy ban Kiểm tra: danh sách không có chức danh này",
        "planned Inspection Committee members: the roster has no post for them",
    ),
    # service forms (POST /v1/forms/{form}): the official forms over HTTP
    "serve_unknown_form": (
        "Không có biểu {form} (các biểu: {known})",
        "no such form: {form} (the forms: {known})",
    ),
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
    blank level says what is missing ("chưa có bằng chuyên môn" / "no degree" for
    education); a code no list knows is printed as it is.

    >>> level_name("trung_cap", "en", "theory"), level_name("trung_cap", "vi", "theory")
    ('intermediate', 'trung cấp')
    >>> level_name("dai_hoc", "vi"), level_name(None, "en"), level_name("xyz", "vi")
    ('đại học', 'no degree', 'xyz')
    >>> level_name(None, "vi"), level_name(None, "vi", "theory")
    ('chưa có bằng chuyên môn', 'chưa có trình độ lý luận chính trị')
    """
    if _missing(code):
        key = f"level_none_{kind}"
        return label(key if key in _LABELS else "level_none", lang)
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


def rule_title(rule: str, lang: str = "vi") -> str:
    """A finding rule's title (``national.vacancy`` -> ``Thiếu người so với biên chế``);
    a rule the table does not name is printed as its id.

    >>> rule_title("national.vacancy"), rule_title("national.vacancy", "en")
    ('Thiếu người so với biên chế', 'Post below its quota')
    """
    key = f"rule_{rule}"
    return label(key, lang) if key in _LABELS else rule


def rule_ids() -> tuple[str, ...]:
    """Every rule id the label table names (the national findings' rules)."""
    return tuple(k.removeprefix("rule_") for k in _LABELS if k.startswith("rule_"))


def item_name(code: object, lang: str = "vi", names: Mapping[str, str] | None = None) -> str:
    """An equipment item in words (``computer`` -> ``máy vi tính``): the label table's name,
    else ``names`` (a plugin's ``equipment_names`` parameter: code -> name), else the code
    as it is (an item a roster names in words, ``máy chiếu``, stays as written).

    >>> item_name("desk_set"), item_name("phone", "en"), item_name("xe", names={"xe": "xe ô tô"})
    ('bộ bàn ghế làm việc', 'desk phone', 'xe ô tô')
    """
    key = f"item_{code}"
    if key in _LABELS:
        return label(key, lang)
    return str((names or {}).get(str(code), code))


def item_codes() -> tuple[str, ...]:
    """Every equipment item code the label table names."""
    return tuple(k.removeprefix("item_") for k in _LABELS if k.startswith("item_"))


#: The label families a code of a value may belong to, tried in this order.
_CODE_FAMILIES = ("level_", "category_", "topic_", "item_", "rule_")


def code_name(code: object, lang: str = "vi") -> str:
    """Any code of the label table in words (a level, a post category, a training topic,
    an equipment item or a finding rule); any other value printed as it is.

    >>> code_name("dai_hoc"), code_name("party_secretary"), code_name("e_records", "en")
    ('đại học', 'Bí thư Đảng ủy', 'electronic records')
    >>> code_name("Luật"), code_name(3)
    ('Luật', '3')
    """
    text = str(code)
    for family in _CODE_FAMILIES:
        if family + text in _LABELS:
            return label(family + text, lang)
    return text


def words(value: object, lang: str = "vi") -> str:
    """A parameter value as plain words, every code by its name: lists comma-joined,
    mappings as ``key: value`` pairs joined with ``"; "``.

    >>> words({"party_secretary": ["dai_hoc", "cao_cap"]})
    'Bí thư Đảng ủy: đại học, cao cấp'
    >>> words({"excellent": 90, "good": 70}, "en"), words(["law", "it"])
    ('excellent: 90; good: 70', 'pháp luật, ứng dụng công nghệ thông tin')
    >>> words("party_secretary;committee_chair")
    'Bí thư Đảng ủy, Chủ tịch UBND'
    """
    if isinstance(value, Mapping):
        return "; ".join(f"{code_name(k, lang)}: {words(v, lang)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(words(v, lang) for v in value)
    if isinstance(value, str) and ";" in value:  # a ';'-separated list of codes
        parts = [p.strip() for p in value.split(";") if p.strip()]
        if all(code_name(p, lang) != p for p in parts):
            return ", ".join(code_name(p, lang) for p in parts)
    return code_name(value, lang)


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
