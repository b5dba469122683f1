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
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal

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
    # a population left empty by members the input cannot tell about (LeftOut.reason)
    # or whose verdict it cannot tell (level_unknown)
    "fields_unknown": (
        "danh sách không ghi rõ chuyên ngành của bằng cấp",
        "the input does not give the degrees' fields",
    ),
    "left_out_count": ("không tính {n}", "{n} left out"),
    "holder_set_aside": (
        "dòng phân công người giữ vị trí có lỗi, bị bỏ qua theo --skip-invalid",
        "the holder's assignment row had errors and was set aside by --skip-invalid",
    ),
    "level_unknown": (
        "không rõ trình độ chuyên môn hoặc lý luận chính trị: dữ liệu có lỗi, bị bỏ qua theo "
        "--skip-invalid",
        "education or political theory level unknown: what the input said had errors and was "
        "set aside by --skip-invalid",
    ),
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
    # the document's number under its issuer (decree 30/2020/NĐ-CP), left for the records
    # office to fill: BC a report (báo cáo), KH a plan (kế hoạch)
    "doc_number_report": ("Số: ......./BC-.......", "No. ......./BC-......."),
    "doc_number_plan": ("Số: ......./KH-.......", "No. ......./KH-......."),
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
    "plan_docx_style": ("Kiểu kế hoạch {n}", "Plan style {n}"),
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
    "plan_sheet_inputs": ("Dữ liệu không dùng", "Input not used"),
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
        "Mức yêu cầu, thời hạn và chủ đề của từng chỉ tiêu, rồi các thông số khác; Nguồn "
        "cho biết giá trị lấy từ plugin hay từ tệp thông số (--params).",
        "Each target's threshold, deadline and topics, then the other parameters; From "
        "says whether a value is a plugin's or comes from a parameter file (--params).",
    ),
    "report_col_topics": ("Chủ đề bồi dưỡng", "Training topics"),
    "report_col_agency": ("Cơ quan, đơn vị", "Agency"),
    "report_col_people": (
        "Người chưa đạt (họ tên — chức vụ)",
        "Members who fall short (name — post)",
    ),
    "report_page": ("Trang", "Page"),
    "report_docx_style": ("Kiểu báo cáo {n}", "Report style {n}"),
    "report_audit_title": ("Thông tin kiểm chứng", "Audit"),
    "param_default_standards": (
        "Tiêu chuẩn (chuyên môn, lý luận chính trị) theo chức danh lãnh đạo",
        "Standard (education, political theory) of each leadership title",
    ),
    "param_equipment_names": (
        "Tên các loại trang thiết bị do định mức bổ sung",
        "Names of the equipment items a norm adds",
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
    "param_planner.max_leaders_away": (
        "Số cán bộ chủ chốt của xã (Bí thư, Phó Bí thư, Chủ tịch, Phó Chủ tịch HĐND và UBND) "
        "được cử đi học trong cùng một tháng",
        "Key leaders of a commune (Party Secretary and deputies, chairs and vice-chairs of the "
        "People's Council and Committee) away on any programme in the same month",
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
    "rule_national.levels_unknown": (
        "Không xét được trình độ (không rõ)",
        "Qualification not judged (unknown)",
    ),
    "rule_national.holder_set_aside": (
        "Chưa rõ người giữ vị trí (dòng bị bỏ qua)",
        "Post's holder unknown (row set aside)",
    ),
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
    # the national findings' messages (``finding_*``), filled in each language by
    # findings._common.said; the legal sources they cite stay in findings/_sources.py
    "finding_vacancy": (
        "Thiếu {diff} người so với biên chế (có {held}/{quota})",
        "{diff} short of the quota ({held} held, quota {quota})",
    ),
    "finding_holder_set_aside": (
        "Chưa rõ có đủ người so với biên chế (đọc được {held}/{quota}): dòng phân công của vị "
        "trí này có lỗi nên bị bỏ qua (--skip-invalid); sửa dòng đó (xem các dòng bị bỏ qua) "
        "rồi chạy lại",
        "Whether the post is filled cannot be told ({held} read, quota {quota}): an "
        "assignment row of it had errors and was set aside (--skip-invalid); correct that row "
        "(see the rows set aside) and run again",
    ),
    "finding_surplus": (
        "Thừa {diff} người so với biên chế (có {held}/{quota})",
        "{diff} over the quota ({held} held, quota {quota})",
    ),
    "finding_local_key_post": (
        "Là người địa phương nhưng giữ chức danh {post}",
        "Is a local person holding {post}, a post for a non-local cadre",
    ),
    "finding_rotation_overdue": (
        "Giữ vị trí nhạy cảm {post} từ {start}, đã đủ {years} năm: phải chuyển đổi vị trí công tác",
        "In sensitive post {post} since {start}, {years} years or more: due for rotation",
    ),
    "finding_past_retirement_age": (
        "Đã đến tuổi nghỉ hưu từ tháng {month} nhưng vẫn đang công tác",
        "Reached retirement age in {month} but is still in post",
    ),
    "finding_retires_before_deadline": (
        "Đến tuổi nghỉ hưu tháng {month}, trước thời hạn của mục tiêu: {targets}",
        "Reaches retirement age in {month}, before the deadline of targets: {targets}",
    ),
    "finding_below_standard": (
        "Bổ nhiệm vào chức danh {post} ngày {start} khi chưa đạt tiêu chuẩn ({gaps}); {state}",
        "Appointed to {post} on {start} below the post's standard ({gaps}); {state}",
    ),
    "finding_below_standard_no_day": (
        "Bổ nhiệm vào chức danh {post} khi chưa đạt tiêu chuẩn ({gaps}); {state} (danh sách "
        "không ghi ngày bổ nhiệm)",
        "Appointed to {post} below the post's standard ({gaps}); {state} (the list gives no "
        "day of appointment)",
    ),
    "finding_levels_unknown": ("{rule}: không xét được {parts}", "{rule}: could not judge {parts}"),
    "finding_levels_unknown_part": (
        "{what} của {n} cán bộ ({why}): {ids}",
        "the {what} of {n} cadre(s) ({why}): {ids}",
    ),
    "level_of_degrees": ("trình độ chuyên môn", "education level"),
    "level_of_theory": ("trình độ lý luận chính trị", "political theory level"),
    "level_not_read": (
        "danh sách không có cột này, hoặc cột không đọc được",
        "the input has no such column, or it was not read",
    ),
    "level_set_aside": (
        "dữ liệu có lỗi, bị bỏ qua theo --skip-invalid",
        "what the input said had errors and was set aside by --skip-invalid",
    ),
    "finding_below_standard_education": (
        "trình độ chuyên môn dưới {level}",
        "education below {level}",
    ),
    "finding_below_standard_theory": ("LLCT dưới {level}", "political theory below {level}"),
    "finding_below_standard_still": ("đến nay vẫn chưa đạt", "still below"),
    "finding_below_standard_met": ("nay đã đạt", "met since"),
    "finding_rating_contradicts_scores": (
        "Xếp loại năm {year} là {rating} nhưng điểm bình quân {score} tương ứng {level}",
        "The {year} rating is {rating} but mean score {score} gives {level}",
    ),
    "finding_rating_contradicts_discipline": (
        "Xếp loại năm {year} là {rating} nhưng bị kỷ luật trong năm nên phải là {level}",
        "The {year} rating is {rating} but disciplined in that year, so must be {level}",
    ),
    "finding_excellent_over_cap": (
        "Năm {year}: {excellent} người hoàn thành xuất sắc, vượt mức {allowed} ({cap} của "
        "{good} người hoàn thành tốt)",
        "{year}: {excellent} rated excellent, above the cap of {allowed} ({cap} of {good} "
        "rated good)",
    ),
    "finding_succession_too_many_candidates": (
        "Quy hoạch {n} người (tối đa {most}) cho nhiệm kỳ {term}",
        "{n} candidates (at most {most}) planned for term {term}",
    ),
    "finding_succession_too_many_titles": (
        "Được quy hoạch {n} chức danh (tối đa {most}) nhiệm kỳ {term}",
        "Planned for {n} titles (at most {most}) in term {term}",
    ),
    "finding_succession_retires_in_term": (
        "Quy hoạch nhiệm kỳ {term} nhưng đến tuổi nghỉ hưu tháng {month}, không đủ {months} "
        "tháng công tác",
        "Planned for term {term} but reaches retirement age in {month}, short of {months} "
        "months in post",
    ),
    "finding_succession_pool": (
        "Nguồn quy hoạch nhiệm kỳ {term} có {count}/{n} {group}",
        "Succession pool for term {term} has {count}/{n} {group} candidates",
    ),
    "finding_succession_pool_at_least": (
        "Nguồn quy hoạch nhiệm kỳ {term} có {count}/{n} {group} (cần ít nhất {least})",
        "Succession pool for term {term} has {count}/{n} {group} candidates (needs at least "
        "{least})",
    ),
    "finding_pool_young": ("cán bộ trẻ (dưới {age} tuổi)", "young (under {age})"),
    "finding_pool_female": ("cán bộ nữ", "female"),
    "finding_pool_minority": ("cán bộ người dân tộc thiểu số", "ethnic-minority"),
    # equipment items of the built-in norm and the sample rosters (``item_<code>``)
    "item_desk_set": ("bộ bàn ghế làm việc", "desk and chair"),
    "item_cabinet": ("tủ đựng tài liệu", "filing cabinet"),
    "item_computer": ("máy vi tính", "computer"),
    "item_phone": ("điện thoại cố định", "desk phone"),
    "item_printer": ("máy in", "printer"),
    "equipment_have": ("{item}: có {have}/{needed}", "{item}: {have} of {needed}"),
    # the core's criteria (targets.criteria): what each requires (``crit_*``, a
    # requirement's words) and what a failing member lacks, the fields filled by the caller
    "crit_education": ("Trình độ", "Education"),
    "crit_theory": ("LLCT", "Political theory"),
    "crit_at_least": ("{what} từ {levels} trở lên", "{what} {levels} or higher"),
    "crit_needs": ("{have}, cần {need}", "{have}, needs {need}"),
    "crit_rating_at_least": ("xếp loại từ {level} trở lên", "rated {level} or better"),
    "crit_rating_none": (
        "năm {year} chưa được xếp loại, cần từ {need} trở lên",
        "not rated for {year}, needs {need} or better",
    ),
    "crit_rating_have": (
        "năm {year} xếp loại {have}, cần từ {need} trở lên",
        "rated {have} for {year}, needs {need} or better",
    ),
    # the day a training window opens when no plan_start is set
    "crit_since_start": ("đầu kỳ", "the start of the term"),
    "crit_not_trained": (
        "chưa bồi dưỡng {topics} từ {since}",
        "no training in {topics} since {since}",
    ),
    "crit_trained_in": ("đã bồi dưỡng: {topics}", "trained in: {topics}"),
    "crit_trained_in_all": (
        "đã bồi dưỡng đủ các nội dung quy định",
        "trained in every required topic",
    ),
    "crit_female": ("là nữ", "is a woman"),
    "crit_minority": ("là người dân tộc thiểu số", "belongs to an ethnic minority"),
    "crit_staffed": ("đủ số người theo biên chế", "staffed to its quota"),
    "crit_holders": ("có {holders}/{quota} người đảm nhiệm", "{holders} of {quota} posts filled"),
    "crit_post_standards": (
        "đạt tiêu chuẩn chức danh lãnh đạo đang giữ",
        "meets the standards of each leadership post held",
    ),
    "crit_post_education": ("trình độ {have}, cần {need}", "education {have}, needs {need}"),
    "crit_post_theory": ("LLCT {have}, cần {need}", "political theory {have}, needs {need}"),
    "crit_equipped": ("đủ trang thiết bị theo tiêu chuẩn, định mức", "equipped to the norms"),
    "crit_agencies_active": ("cơ quan có cán bộ đang công tác", "agencies with active cadres"),
    "crit_positions_quota": ("vị trí việc làm có biên chế", "positions with a quota"),
    "crit_fields_fit": (
        "có bằng chuyên ngành phù hợp vị trí việc làm",
        "holds a degree in a field fitting the position",
    ),
    "crit_fields_fit_missing": (
        "chưa có bằng chuyên ngành phù hợp vị trí {post} ({fields})",
        "no degree in a field fitting {post} ({fields})",
    ),
    "crit_fields_holders": (
        "cán bộ ở vị trí có yêu cầu chuyên ngành",
        "cadres in positions with required fields",
    ),
    "crit_total": ("tổng số", "total"),
    "crit_aged_under": ("từ {high} tuổi trở xuống", "aged {high} or under"),
    "crit_aged_over": ("từ {low} tuổi trở lên", "aged {low} or over"),
    "crit_aged_between": ("từ {low} đến {high} tuổi", "aged {low} to {high}"),
    "crit_past_retirement": ("quá tuổi nghỉ hưu", "past the retirement age"),
    # the words joining the requirements of all_of and any_of
    "crit_and": (" và ", " and "),
    "crit_or": (" hoặc ", " or "),
    # a rule (targets.Rule.describe) that is not a share: every member, or one
    "threshold_all": ("tất cả", "all"),
    "threshold_any": ("ít nhất một", "at least one"),
    # a finding's subject: name, post and id
    "subject_named": ("{name}, {post} ({id})", "{name}, {post} ({id})"),
    "subject_named_no_post": ("{name} ({id})", "{name} ({id})"),
    "subject_unnamed": ("{id} ({post})", "{id} ({post})"),
    # the core's default training programmes (planner.default_catalogue): their names
    "programme_thac_si": ("Đào tạo thạc sĩ", "Master's degree"),
    "programme_llct_cao_cap": ("Cao cấp lý luận chính trị", "Advanced political theory"),
    "programme_llct_trung_cap": ("Trung cấp lý luận chính trị", "Intermediate political theory"),
    "programme_dai_hoc_lien_thong": (
        "Liên thông đại học",
        "University degree for college-level holders",
    ),
    "programme_dao_tao_lai": (
        "Đào tạo lại chuyên môn phù hợp vị trí việc làm",
        "Retraining in a fitting field",
    ),
    "programme_bd_vi_tri": ("Bồi dưỡng theo vị trí việc làm", "Job-position training"),
    "programme_bd_quan_tri_so": (
        "Bồi dưỡng quản trị dữ liệu, quản lý hiện đại, hồ sơ điện tử",
        "Data governance, modern management and e-records course",
    ),
    "programme_bd_chinh_quyen_2_cap": (
        "Cập nhật kiến thức vận hành chính quyền địa phương 2 cấp",
        "Two-tier local government update",
    ),
    "programme_bd_cap_nhat": (
        "Cập nhật pháp luật, đạo đức công vụ, văn hóa công sở, CNTT, chuyển đổi số, "
        "đổi mới sáng tạo",
        "Law, ethics, office culture, IT, digital transformation and innovation update",
    ),
    # what every plan assumes (planner.ASSUMPTIONS), printed with each plan
    "plan_assumption_retirement": (
        "Cán bộ nghỉ hưu theo lộ trình tuổi nghỉ hưu (Nghị định 135/2020/NĐ-CP) và rời danh "
        "sách từ ngày sau ngày nghỉ hưu.",
        "Cadres retire on the national schedule (Decree 135/2020) and leave the day after.",
    ),
    "plan_assumption_under_way": (
        "Văn bằng, chứng chỉ đang học (ngày cấp sau ngày tính) được tính từ ngày cấp.",
        "Qualifications under way (award date after the as-of day) count from that date.",
    ),
    "plan_assumption_ratings": (
        "Xếp loại các năm chưa đánh giá được giả định giữ như năm gần nhất.",
        "Years not yet rated are assumed to keep each cadre's latest annual rating.",
    ),
    # a need of the plan (planner Need.reason_vi/en): its head, then what the plan cannot do
    # and what is needed instead, as a need of kind appoint, recruit or infeasible says it
    "plan_reason_head": (
        "{id} ({title}): dự kiến đến {deadline} đạt {satisfied}/{required} yêu cầu, thiếu {count}",
        "{id} ({title}): by {deadline} {satisfied} of {required} required, {count} short",
    ),
    "plan_reason_population": (
        "{head}. Quy tắc không thể đạt với {population} thành viên (cần {required}).",
        "{head}. The rule cannot be met by {population} members (needs {required}).",
    ),
    "plan_reason_posts": (
        "{head}. Đào tạo không giải quyết được; cần tuyển dụng, bố trí thêm người cho "
        "{count} vị trí: {detail}.",
        "{head}. Training cannot fill posts; recruit or assign staff for {count} "
        "position(s): {detail}.",
    ),
    "plan_reason_equipment": (
        "{head}. Đào tạo không giải quyết được; cần đầu tư, mua sắm cho {count} cơ quan: {detail}.",
        "{head}. Not a training matter; purchase for {count} agency(ies): {detail}.",
    ),
    "plan_reason_training": (
        "{head}. Đào tạo không đủ: {cause}. Cần {action}.",
        "{head}. Training falls short: {cause}. Needed: {action}.",
    ),
    "plan_reason_appoint": (
        "bổ nhiệm, điều động hoặc kiện toàn {count} người {requirement} vào {population}",
        "appoint or transfer {count} person(s) who meet '{requirement}' into the {population}",
    ),
    "plan_reason_recruit": (
        "tuyển dụng hoặc bố trí {count} người {requirement} ({population})",
        "recruit or assign {count} person(s) who meet '{requirement}' ({population})",
    ),
    "plan_reason_infeasible": (
        "giải pháp ngoài đào tạo (đánh giá, bố trí lại, tuyển dụng) cho {count} người "
        "trong {population} chưa đạt: {requirement}",
        "measures other than training (appraisal, reassignment, recruitment) for {count} "
        "of the {population} not meeting '{requirement}'",
    ),
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
    "cli_details_hint": (
        "Ai chưa đạt từng chỉ tiêu, vì sao, và các phát hiện: ghi báo cáo bằng "
        "--output bao-cao.html (hoặc .docx, .xlsx, .pdf).",
        "Who falls short of each target, why, and the findings: write a report with "
        "--output report.html (or .docx, .xlsx, .pdf).",
    ),
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
    # what the server says about itself in its log (cadre_core.serve._logs)
    "serve_log_started": (
        "Đã khởi động tiến trình phục vụ [{pid}]",
        "Started server process [{pid}]",
    ),
    "serve_log_finished": (
        "Đã kết thúc tiến trình phục vụ [{pid}]",
        "Finished server process [{pid}]",
    ),
    "serve_log_parent_started": (
        "Đã khởi động tiến trình điều phối [{pid}]",
        "Started parent process [{pid}]",
    ),
    "serve_log_parent_stopping": (
        "Đang dừng tiến trình điều phối [{pid}]",
        "Stopping parent process [{pid}]",
    ),
    "serve_log_child_waiting": (
        "Đang chờ tiến trình phục vụ [{pid}] dừng",
        "Waiting for worker process [{pid}]",
    ),
    "serve_log_child_terminated": (
        "Đã dừng tiến trình phục vụ [{pid}]",
        "Terminated worker process [{pid}]",
    ),
    "serve_log_child_died": (
        "Tiến trình phục vụ [{pid}] đã dừng bất thường",
        "Worker process [{pid}] died",
    ),
    "serve_log_app_starting": ("Đang khởi động dịch vụ.", "Starting the service."),
    "serve_log_app_started": ("Dịch vụ đã sẵn sàng.", "The service is ready."),
    "serve_log_app_stopping": ("Đang dừng dịch vụ.", "Stopping the service."),
    "serve_log_app_stopped": ("Dịch vụ đã dừng.", "The service has stopped."),
    "serve_log_shutting_down": ("Đang tắt máy chủ", "Shutting down"),
    "serve_log_running": (
        "Dịch vụ đang chạy tại {url} (nhấn Ctrl+C để dừng)",
        "The service is running at {url} (press Ctrl+C to stop)",
    ),
    "serve_log_closing_connections": (
        "Đang chờ các kết nối đóng lại (nhấn Ctrl+C để buộc dừng).",
        "Waiting for connections to close (press Ctrl+C to force quit).",
    ),
    "serve_log_closing_tasks": (
        "Đang chờ các việc còn dở hoàn tất (nhấn Ctrl+C để buộc dừng).",
        "Waiting for background tasks to complete (press Ctrl+C to force quit).",
    ),
    "serve_log_signal": ("Nhận tín hiệu {signal}, đang thoát.", "Received {signal}, exiting."),
    "serve_log_internal_error": (
        "lỗi nội bộ {kind} khi xử lý {path}",
        "internal error {kind} on {path}",
    ),
    "serve_log_plugin_failed": (
        "plugin {plugin} gặp lỗi khi xử lý {path}",
        "plugin {plugin} failed on {path}",
    ),
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
    "forms_some_commune": ("XÃ …", "COMMUNE …"),
    "forms_commune": ("Xã", "Commune"),
    "forms_date_line": ("{place}, ngày …… tháng …… năm ……", "{place}, on …… …… ……"),
    "forms_place": ("………", "………"),
    "forms_notes_sheet": ("Ghi chú", "Notes"),
    "forms_docx_style": ("Kiểu biểu mẫu {n}", "Form style {n}"),
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
    "forms_whole_column_but": ("cả cột, trừ: {rows}", "the whole column except: {rows}"),
    "forms_as_of": ("Số liệu tính đến ngày {day}", "Figures as of {day}"),
    "forms_source": ("Căn cứ: {source}", "Source: {source}"),
    "forms_list_title": ("Các biểu mẫu báo cáo", "Reporting forms"),
    "forms_list_code": ("Mã biểu", "Code"),
    "forms_list_name": ("Tên biểu", "Name"),
    "forms_list_plugin": ("Plugin", "Plugin"),
    # a form's defaults (targets.Form): its unit line, the stub's heading, its name
    "forms_unit_label": ("Đvt: Người", "Unit: persons"),
    "forms_stub": ("Tiêu chí", "Criterion"),
    "forms_form_code": ("Biểu số {code}", "Form {code}"),
    "forms_unknown": (
        "--form {code}: không có biểu này (các biểu: {known})",
        "--form {code}: no such form (the forms: {known})",
    ),
    # the help of the command line (cadre --help, cadre COMMAND --help): a command's help is
    # cli_help_<command>, an option's cli_help_<command>_<option>, an option several commands
    # share cli_help_<option>; click's own words are cli_help_usage, cli_help_section_*
    "cli_help_usage": ("Cách dùng:", "Usage:"),
    "cli_help_section_options": ("Tùy chọn", "Options"),
    "cli_help_section_commands": ("Lệnh", "Commands"),
    "cli_help_section_arguments": ("Tham số vị trí", "Positional arguments"),
    "cli_help_default": ("mặc định", "default"),
    "cli_help_help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "cli_help_version": ("Hiện phiên bản rồi thoát.", "Show the version and exit."),
    "cli_version": ("{prog}, phiên bản {version}", "{prog}, version {version}"),
    "cli_help_cadre": (
        "cadre: đánh giá việc thực hiện các chỉ tiêu về trình độ cán bộ, công chức cấp xã "
        "(Nghị quyết 05-NQ/TU của tỉnh Lai Châu và các tỉnh khác).",
        "cadre: evaluate commune cadre-qualification targets (Lai Châu 05-NQ/TU and others).",
    ),
    "cli_help_lang": (
        "Ngôn ngữ của kết quả và của phần hướng dẫn: vi (tiếng Việt) hoặc en (tiếng Anh); "
        "không ghi thì theo biến môi trường CADRE_LANG, nếu có.",
        "Language of the output and of this help: vi (Vietnamese) or en (English); without "
        "it, the environment variable CADRE_LANG, when set.",
    ),
    "cli_help_skip_invalid": (
        "Để riêng các dòng có lỗi (được liệt kê trong mọi kết quả) và dùng phần còn lại.",
        "Set aside rows with errors (listed in every output) and use the rest.",
    ),
    "cli_help_strict_columns": (
        "Cột không phải là tiêu đề của bảng bị coi là lỗi (mặc định: chỉ liệt kê là cột "
        "không đọc).",
        "A column that is not a header of its table is an error (default: listed as not read).",
    ),
    "cli_help_legacy_text": (
        "Cách xử lý chữ bị hỏng: chữ theo bảng mã cũ TCVN3/VNI, chữ UTF-8 bị mã hóa hai lần.",
        "What to do with damaged text: legacy TCVN3/VNI encodings, double-encoded UTF-8.",
    ),
    "cli_help_list_date": (
        "Ngày mà danh sách mỗi người một dòng phản ánh (mặc định: ngày ghi ở dòng tiêu đề "
        "của danh sách).",
        "The day a one-row-per-person list describes (default: the day its title names).",
    ),
    "cli_help_layout": (
        "Hồ sơ bố cục TOML: tên trang tính, tiêu đề cột và giá trị của danh sách này ánh xạ "
        "sang tên chuẩn (docs/layouts.md); được ưu tiên hơn bố cục của các plugin.",
        "TOML layout profile: this list's sheet names, headers and values mapped to "
        "canonical ones (docs/layouts.md); it wins over the plugins' layouts.",
    ),
    "cli_help_params": ("Tệp TOML ghi đè các thông số.", "TOML file of parameter overrides."),
    "cli_help_output": (
        "Ghi vào tệp này, ghi trọn vẹn hoặc không ghi gì (không bao giờ ghi đè tệp đầu vào, "
        "không phải thư mục; thư mục chứa tệp phải có sẵn).",
        "Write to this file, whole or not at all (never an input, never a folder; its folder "
        "must exist).",
    ),
    "cli_help_report_output": (
        "Ghi vào tệp này, ghi trọn vẹn hoặc không ghi gì (không bao giờ ghi đè tệp đầu vào, "
        "không phải thư mục; thư mục chứa tệp phải có sẵn). Khi không có --format, đuôi tệp "
        "(.json, .csv, .xlsx, .html, .pdf, .docx) quyết định định dạng; --format trái với "
        "đuôi tệp bị từ chối.",
        "Write to this file, whole or not at all (never an input, never a folder; its folder "
        "must exist). Its suffix (.json, .csv, .xlsx, .html, .pdf, .docx) gives the format "
        "when --format is not given; a --format that contradicts it is refused.",
    ),
    "cli_help_format": (
        "Định dạng kết quả (mặc định: định dạng theo đuôi tệp của --output; nếu không có thì "
        "là bảng khi in ra màn hình, json trong các trường hợp khác).",
        "Output format (default: the one the --output suffix names, else table on a "
        "terminal and json otherwise).",
    ),
    "cli_help_plugin": (
        "Chỉ dùng plugin này (có thể lặp lại; mặc định: mọi plugin đã cài).",
        "Use only this plugin (repeatable; default: all installed).",
    ),
    "cli_help_pseudonymize": (
        "Thay mã định danh, họ tên và ngày sinh trong mọi kết quả bằng bí danh theo khóa, "
        "không đưa ra nội dung gốc của các ô và làm sạch văn bản của plugin.",
        "Replace ids, names and birth dates in every output by keyed pseudonyms, "
        "withhold raw cells and scrub plugin texts.",
    ),
    "cli_help_pseudonym_key": (
        "Tệp chứa khóa bí mật (mặc định: $CADRE_PSEUDONYM_KEY).",
        "File holding the secret key (default: $CADRE_PSEUDONYM_KEY).",
    ),
    "cli_help_demo": (
        "Đánh giá xã mẫu của tỉnh Lai Châu kèm theo gói phần mềm.",
        "Evaluate the sample Lai Châu commune shipped with the package.",
    ),
    "cli_help_demo_output": (
        "Ghi báo cáo của xã mẫu vào tệp này, định dạng theo đuôi tệp: .html, .docx, .xlsx, "
        ".pdf hoặc .json (ghi trọn vẹn hoặc không ghi gì).",
        "Write the sample commune's report to this file, in the format its suffix names: "
        ".html, .docx, .xlsx, .pdf or .json (written whole or not at all).",
    ),
    "cli_help_demo_as_of": (
        "Ngày đánh giá, dạng YYYY-MM-DD hoặc DD/MM/YYYY (mặc định: 2026-12-31).",
        "Day of the evaluation, YYYY-MM-DD or DD/MM/YYYY (default: 2026-12-31).",
    ),
    "cli_help_format_table_json": (
        "Định dạng kết quả: table (bảng, mặc định) hoặc json.",
        "Output format: table (the default) or json.",
    ),
    "cli_help_evaluate": (
        "Đánh giá mọi chỉ tiêu của các plugin đã chọn trên DANH_SÁCH (một hay nhiều danh "
        "sách, hoặc một thư mục bảng tính, mỗi xã một tệp: cả một tỉnh).",
        "Evaluate every target of the selected plugins on ROSTER (several, or a folder of "
        "workbooks, one per commune: one province).",
    ),
    "cli_help_evaluate_as_of": (
        "Ngày đánh giá, dạng YYYY-MM-DD hoặc DD/MM/YYYY (mặc định: hôm nay); nhắc lại tùy "
        "chọn cho từng ngày để có mọi ngày trong một tài liệu JSON hoặc CSV và biểu đồ diễn "
        "biến trong xlsx/html.",
        "Day of the evaluation, YYYY-MM-DD or DD/MM/YYYY (default: today); repeat it for "
        "every day in one JSON or CSV document and trend charts in xlsx/html.",
    ),
    "cli_help_evaluate_by": ("Mỗi xã một kết quả.", "One result per commune."),
    "cli_help_evaluate_commune": (
        "Chỉ lấy xã này trong danh sách nhiều xã (báo cáo chi tiết của xã).",
        "Only this commune of a roster of several (its detailed report).",
    ),
    "cli_help_evaluate_fail_on": (
        "Kết thúc với mã 3 khi có chỉ tiêu chưa đạt.",
        "Exit 3 when a target is not met.",
    ),
    "cli_help_evaluate_strict": (
        "Coi cảnh báo của plugin là lỗi (hoặc đặt CADRE_STRICT=1).",
        "Plugin warnings are errors (also CADRE_STRICT=1).",
    ),
    "cli_help_evaluate_keep_going": (
        "Bỏ qua plugin bị lỗi (được liệt kê trong mọi kết quả) thay vì dừng lại.",
        "Leave out a plugin that fails (listed in every output) instead of stopping.",
    ),
    "cli_help_evaluate_workers": (
        "Số tiến trình ghi tài liệu JSON diễn biến (nhiều --as-of, -o TỆP.json; mặc định: "
        "mỗi CPU một tiến trình khi danh sách và chuỗi ngày lớn, nếu không thì một).",
        "Processes writing a trend's JSON document (several --as-of, -o FILE.json; "
        "default: one per CPU on a large roster and trend, else one).",
    ),
    "cli_help_forms": (
        "Lập các biểu mẫu báo cáo chính thức (mỗi biểu một trang tính, kèm một trang ghi chú "
        "các ô mà danh sách không có thông tin) từ DANH_SÁCH tại một ngày.",
        "Fill the official reporting forms (one sheet each, and a note sheet of the cells "
        "the roster cannot inform) from ROSTER on a day.",
    ),
    "cli_help_forms_as_of": (
        "Ngày số liệu của biểu, dạng YYYY-MM-DD hoặc DD/MM/YYYY (mặc định: hôm nay, hoặc "
        "ngày mà danh sách mỗi người một dòng ghi).",
        "Day the forms describe, YYYY-MM-DD or DD/MM/YYYY (default: today, or the day a "
        "one-row-per-person list names).",
    ),
    "cli_help_forms_form": (
        "Biểu cần lập (có thể lặp lại; mặc định: mọi biểu): 9C-BTCTW, 12C-BTCTW, 10-BTCTW, "
        "BM02-BNV, 02-CL-CBCCX hoặc biểu của một plugin.",
        "The form to fill (repeatable; default: every form): 9C-BTCTW, 12C-BTCTW, "
        "10-BTCTW, BM02-BNV, 02-CL-CBCCX or a plugin's.",
    ),
    "cli_help_forms_list": ("Liệt kê các biểu rồi dừng.", "List the forms and stop."),
    "cli_help_forms_output": (
        "Ghi vào tệp này (.docx để sửa, ký và gửi, .pdf, .xlsx, .html hoặc .json), ghi trọn "
        "vẹn hoặc không ghi gì; không bao giờ ghi đè tệp đầu vào.",
        "Write to this file (.docx to edit, sign and hand up, .pdf, .xlsx, .html or .json), "
        "whole or not at all; never an input.",
    ),
    "cli_help_forms_format": (
        "Định dạng kết quả: docx (tệp Word để sửa, ký và gửi lên), pdf, xlsx, html, json "
        "hoặc bảng (mặc định: định dạng theo đuôi tệp của --output; nếu không có thì là bảng "
        "khi in ra màn hình, json trong các trường hợp khác). docx, pdf, xlsx và html cần "
        "--output.",
        "Output format: docx (a Word file to edit, sign and hand up), pdf, xlsx, html, json "
        "or table (default: the one the --output suffix names, else table on a terminal and "
        "json otherwise). docx, pdf, xlsx and html need --output.",
    ),
    "cli_help_new_plugin": (
        "Tạo gói plugin mới TÊN cho một tỉnh (điểm vào, một chỉ tiêu, kiểm thử, tập lệnh CI).",
        "Write a new province plugin package NAME (entry point, a target, tests, CI script).",
    ),
    "cli_help_new_plugin_province": (
        'Tên tỉnh, viết như trong nghị quyết của tỉnh (ví dụ "Tỉnh Hà Giang").',
        'The province, as written in its resolution (e.g. "Tỉnh Hà Giang").',
    ),
    "cli_help_new_plugin_output": (
        "Thư mục nơi tạo thư mục gói cadre-TÊN.",
        "Folder in which to create the package folder cadre-NAME.",
    ),
    "cli_help_plan": (
        "Lập kế hoạch cử ai đi đào tạo chương trình nào, vào lúc nào để mọi chỉ tiêu đều đạt.",
        "Plan who to train in which programme and when so that every target is met.",
    ),
    "cli_help_plan_as_of": (
        "Ngày bắt đầu kế hoạch (mặc định: hôm nay).",
        "Day the plan starts (default: today).",
    ),
    "cli_help_plan_horizon": (
        "Năm cuối của kế hoạch (mặc định: năm của thời hạn muộn nhất).",
        "Last year (default: latest deadline).",
    ),
    "cli_help_plan_budget": ("Kinh phí hằng năm của mỗi xã.", "Yearly budget per commune."),
    "cli_help_plan_province_budget": (
        "Kinh phí hằng năm chung của tất cả các xã (phân bổ theo phương pháp nới lỏng Lagrange).",
        "Yearly budget of all communes together (priced by Lagrangian relaxation).",
    ),
    "cli_help_plan_workers": (
        "Số tiến trình lập kế hoạch cho các xã cùng lúc (mặc định: số CPU).",
        "Processes planning communes at once (default: the CPUs).",
    ),
    "cli_help_plan_chunk": (
        "Số xã mỗi tiến trình lập kế hoạch trong một lượt (mặc định: 64).",
        "Communes a worker plans at once (default: 64).",
    ),
    "cli_help_plan_engine": (
        "Lập kế hoạch trên máy này hoặc trên một cụm Dask.",
        "Plan on this machine or on a Dask cluster.",
    ),
    "cli_help_plan_scheduler": (
        "Bộ điều phối Dask (mặc định: một cụm chạy trên máy này).",
        "Dask scheduler (default: a local cluster).",
    ),
    "cli_help_plan_plugin": ("Chỉ dùng plugin này.", "Use only this plugin."),
    "cli_help_plugins": (
        "Liệt kê các plugin đã cài: phiên bản, chỉ tiêu, thông số và hook.\n\n"
        "Plugin không nạp được, hoặc bị lỗi khi cung cấp chỉ tiêu hay thông số, được liệt kê "
        "kèm lỗi, sau các plugin khác; khi đó lệnh kết thúc với mã 2.",
        "List the installed plugins: version, targets, parameters and hooks.\n\n"
        "A plugin that cannot be loaded or fails while giving its targets or parameters is "
        "listed with its error, after the others; the command then exits 2.",
    ),
    "cli_help_schema": (
        "In JSON Schema của các tài liệu JSON mà cadre ghi: TÊN là evaluation (mặc định: "
        "cadre evaluate --format json), evaluations (như trên, với nhiều ngày --as-of), "
        "plan (cadre plan --format json), plugins hoặc validation.",
        "Print the JSON Schema of the JSON documents cadre writes: NAME is evaluation (the "
        "default: cadre evaluate --format json), evaluations (the same with several --as-of "
        "days), plan (cadre plan --format json), plugins or validation.",
    ),
    "cli_help_schema_list": ("Liệt kê các schema đã công bố.", "List the published schemas."),
    "cli_help_schema_check": (
        "Kiểm tra tài liệu JSON TỆP ('-': đầu vào chuẩn) theo schema TÊN (mặc định: schema "
        "mà các khóa của tài liệu cho biết); kết thúc với mã 0 khi hợp lệ, mã 2 kèm đường dẫn "
        "JSON của các lỗi.",
        "Validate the JSON document FILE ('-': standard input) against schema NAME (default: "
        "the one its keys tell); exit 0 when valid, 2 with the JSON paths of the errors.",
    ),
    "cli_help_schema_strict": (
        "Dùng cùng --check: từ chối cả các khóa mà schema không mô tả.",
        "With --check, also refuse keys the schema does not document.",
    ),
    "cli_help_serve": (
        "Cung cấp kiểm tra, đánh giá, lập kế hoạch và báo cáo qua HTTP (gói bổ sung serve), "
        "kèm tài liệu OpenAPI tại /openapi.json và trang tài liệu tương tác tại /docs.",
        "Serve validate, evaluate, plan and reports over HTTP (the serve extra), with an "
        "OpenAPI document at /openapi.json and its interactive docs at /docs.",
    ),
    "cli_help_serve_host": ("Địa chỉ nhận kết nối.", "Address to listen on."),
    "cli_help_serve_port": ("Cổng nhận kết nối.", "Port to listen on."),
    "cli_help_serve_workers": ("Số tiến trình phục vụ (uvicorn).", "Worker processes (uvicorn)."),
    "cli_help_serve_tokens_file": (
        "Các mã truy cập (bearer token) được chấp nhận, mỗi dòng một mã, được đọc lại khi "
        "tệp thay đổi (hoặc $CADRE_SERVE_TOKENS, cách nhau bằng dấu phẩy). Khi không có mã "
        "nào, chỉ phục vụ trên địa chỉ loopback.",
        "Accepted bearer tokens, one a line, read again when the file changes (also "
        "$CADRE_SERVE_TOKENS, comma-separated). Without any, only a loopback address is served.",
    ),
    "cli_help_serve_max_upload": (
        "Dung lượng lớn nhất của nội dung một yêu cầu (vượt quá: mã 413).",
        "Largest request body (413 past it).",
    ),
    "cli_help_serve_time_limit": (
        "Thời gian lâu nhất của một yêu cầu (vượt quá: mã 504).",
        "Longest a request may take (504 past it).",
    ),
    "cli_help_serve_threads": (
        "Số phép đánh giá, kế hoạch và báo cáo chạy cùng lúc trong mỗi tiến trình.",
        "Evaluations, plans and reports run at once in each worker.",
    ),
    "cli_help_serve_lang": (
        "Ngôn ngữ của các thông báo của lệnh (lỗi khi khởi động) và của phần hướng dẫn: vi "
        "(tiếng Việt) hoặc en (tiếng Anh); không ghi thì theo biến môi trường CADRE_LANG, "
        "nếu có. Mỗi yêu cầu HTTP tự chọn ngôn ngữ của câu trả lời (tham số lang).",
        "Language of the command's messages (start-up errors) and of this help: vi "
        "(Vietnamese) or en (English); without it, the environment variable CADRE_LANG, "
        "when set. Each HTTP request chooses the language of its answer (its lang parameter).",
    ),
    "cli_help_serve_plugin": (
        "Chỉ cho phép plugin này (có thể lặp lại; mặc định: mọi plugin đã cài).",
        "Allow only this plugin (repeatable; default: every installed one).",
    ),
    "cli_help_synth": (
        "Ghi danh sách giả lập của một số xã (--communes) vào ĐƯỜNG_DẪN (một thư mục, hoặc một "
        "tệp .xlsx).\n\n"
        "Những người trong danh sách đều là hư cấu; cùng một seed cho cùng một danh sách.",
        "Write a synthetic roster of COMMUNES communes to OUT (a folder, or a .xlsx file).\n\n"
        "The people are fictional; the same seed gives the same roster.",
    ),
    "cli_help_synth_communes": (
        "Số xã (Việt Nam có 3.321 xã).",
        "Number of communes (Vietnam has 3,321).",
    ),
    "cli_help_synth_seed": ("Hạt giống ngẫu nhiên (seed).", "Random seed."),
    "cli_help_synth_format": (
        "Định dạng kết quả (mặc định: xlsx khi đường dẫn là .xlsx, nếu không thì parquet).",
        "Output format (default: xlsx for a .xlsx path, else parquet).",
    ),
    "cli_help_validate": (
        "Đọc và kiểm tra DANH_SÁCH (một hay nhiều danh sách, hoặc một thư mục bảng tính: cả "
        "một tỉnh); in mọi lỗi (kết thúc với mã 2) hoặc số dòng đã đọc (mã 0).",
        "Read and check ROSTER (several, or a folder of workbooks: one province); print every "
        "problem (exit 2) or the row counts (exit 0).",
    ),
    "cli_help_validate_suggest_layout": (
        "Ghi một hồ sơ bố cục (TOML) khởi đầu cho các tiêu đề và giá trị chưa biết của "
        "DANH_SÁCH, kèm các phỏng đoán tốt nhất và điểm của chúng, để người dùng xác nhận.",
        "Write a starter layout profile (TOML) for ROSTER's unknown headers and values, "
        "with the best guesses and their scores, for a person to confirm.",
    ),
    "cli_help_validate_format": (
        "table: các lỗi hiển thị trên màn hình, mỗi loại tối đa 10 lỗi (phần còn lại được "
        "đếm); json hoặc csv: mọi lỗi (json còn cho biết số dòng đã đọc, giữ lại và bỏ qua "
        "của từng bảng).",
        "table: the problems for a terminal, at most 10 of each kind (the rest counted); "
        "json or csv: every problem (json also gives each table's rows read, kept and skipped).",
    ),
    "cli_help_verify": (
        "Chạy lại phép đánh giá mà BÁO_CÁO (một báo cáo json, html hoặc xlsx) được lập từ "
        "DANH_SÁCH.\n\n"
        "Danh sách được đọc, đánh giá và (với html, xlsx) kết xuất lại với các tùy chọn mà "
        "báo cáo ghi lại (skip-invalid, chữ theo bảng mã cũ, tệp bố cục và tệp thông số, ngày "
        "của danh sách, plugin, ngôn ngữ, các ngày đánh giá); tùy chọn ghi ở đây phải trùng "
        "với tùy chọn của báo cáo. Phần người đọc nhìn thấy cũng được so sánh. Kết thúc với "
        "mã 0 khi báo cáo vẫn khớp, mã 3 khi không khớp, mã 2 khi dữ liệu đầu vào sai. Tài "
        "liệu JSON nhiều ngày được kiểm tra từng ngày.",
        "Re-run the evaluation a REPORT (json, html or xlsx) was made from on ROSTER.\n\n"
        "The roster is read, evaluated and (html, xlsx) rendered again with the options the "
        "report records (skip-invalid, legacy text, layout and parameter files, list date, "
        "plugins, language, days); options given here must be the report's. What a reader "
        "sees is compared too. Exit 0 when the report still matches, 3 when it does not, 2 on "
        "bad input. A JSON document of several days is checked day by day.",
    ),
    "cli_help_verify_legacy_text": (
        "Được đối chiếu với báo cáo (mặc định: giá trị báo cáo ghi).",
        "Checked against the report (default: the report's).",
    ),
    "cli_help_verify_checked": ("Được đối chiếu với báo cáo.", "Checked against the report."),
    "cli_help_verify_pseudonym_key": (
        "Khóa của báo cáo đã dùng bí danh (mặc định: $CADRE_PSEUDONYM_KEY).",
        "Key of a pseudonymised report (default: $CADRE_PSEUDONYM_KEY).",
    ),
    "cli_error": ("Lỗi: {message}", "Error: {message}"),
    "cli_error_try_help": (
        "Xem '{command} {option}' để biết cách dùng.",
        "Try '{command} {option}' for help.",
    ),
    "cli_error_no_option": ("không có tùy chọn '{0}'", "no such option '{0}'"),
    "cli_error_no_option_near": (
        "không có tùy chọn '{0}'; có phải là {1}?",
        "no such option '{0}'; did you mean {1}?",
    ),
    "cli_error_no_command": (
        "không có lệnh '{0}' (cadre --help liệt kê các lệnh)",
        "no such command '{0}' (cadre --help lists the commands)",
    ),
    "cli_error_missing_argument": ("thiếu đối số {0}", "missing argument {0}"),
    "cli_error_missing_option": ("thiếu tùy chọn '{0}'", "missing option '{0}'"),
    "cli_error_needs_value": ("tùy chọn '{0}' cần một giá trị", "option '{0}' needs a value"),
    "cli_error_needs_values": ("tùy chọn '{0}' cần {1} giá trị", "option '{0}' needs {1} values"),
    "cli_error_extra_arguments": ("thừa đối số: {0}", "unexpected arguments: {0}"),
    "cli_error_not_one_of": (
        "giá trị '{1}' của {0} không phải là một trong {2}",
        "the value '{1}' of {0} is not one of {2}",
    ),
    "cli_error_not_integer": (
        "giá trị '{1}' của {0} không phải là một số nguyên",
        "the value '{1}' of {0} is not a whole number",
    ),
    "cli_error_not_number": (
        "giá trị '{1}' của {0} không phải là một số",
        "the value '{1}' of {0} is not a number",
    ),
    "cli_error_invalid_value": (
        "giá trị không hợp lệ cho {0}: {1}",
        "invalid value for {0}: {1}",
    ),
    "cli_error_missing_command": (
        "thiếu lệnh (cadre --help liệt kê các lệnh)",
        "missing command (cadre --help lists the commands)",
    ),
    "cli_error_takes_no_value": (
        "tùy chọn '{0}' không nhận giá trị",
        "option '{0}' takes no value",
    ),
    "cli_error_not_the_choice": (
        "giá trị '{1}' của {0} không phải là {2}",
        "the value '{1}' of {0} is not {2}",
    ),
    "cli_error_not_in_range": ("giá trị {1} của {0} phải {2}", "the value {1} of {0} must be {2}"),
    "cli_error_path_missing": ("{0}: không có {1} '{2}'", "{0}: no such {1} '{2}'"),
    "cli_error_path_is_file": (
        "{0}: '{2}' là một tệp, không phải {1}",
        "{0}: '{2}' is a file, not a {1}",
    ),
    "cli_error_path_is_dir": (
        "{0}: '{2}' là một thư mục, không phải {1}",
        "{0}: '{2}' is a folder, not a {1}",
    ),
    "cli_error_path_unreadable": ("{0}: không đọc được {1} '{2}'", "{0}: {1} '{2}' cannot be read"),
    "cli_error_path_unwritable": (
        "{0}: không ghi được vào {1} '{2}'",
        "{0}: {1} '{2}' cannot be written",
    ),
    "cli_error_path_not_executable": (
        "{0}: không chạy được {1} '{2}'",
        "{0}: {1} '{2}' cannot be run",
    ),
    # the kind of a path click names in an error (File, Directory, Path)
    "cli_path_file": ("tệp", "file"),
    "cli_path_directory": ("thư mục", "folder"),
    "cli_path_path": ("đường dẫn", "path"),
    # click's description of a numeric range (x>=1, 0<=x<=65535) in words
    "cli_range_at_least": ("từ {0} trở lên", "{0} or more"),
    "cli_range_more_than": ("lớn hơn {0}", "more than {0}"),
    "cli_range_at_most": ("từ {0} trở xuống", "{0} or less"),
    "cli_range_less_than": ("nhỏ hơn {0}", "less than {0}"),
    "cli_range_between": ("từ {0} đến {1}", "from {0} to {1}"),
    "cli_range_both": ("{0} và {1}", "{0} and {1}"),
    # the metavars of usage lines, options and errors (click's and the commands' own): one
    # word, its syllables joined by "_" as in the Vietnamese help's DANH_SÁCH, BÁO_CÁO
    "cli_metavar_options": ("TÙY_CHỌN", "OPTIONS"),
    "cli_metavar_command": ("LỆNH", "COMMAND"),
    "cli_metavar_args": ("ĐỐI_SỐ", "ARGS"),
    "cli_metavar_roster": ("DANH_SÁCH", "ROSTER"),
    "cli_metavar_report": ("BÁO_CÁO", "REPORT"),
    "cli_metavar_name": ("TÊN", "NAME"),
    "cli_metavar_out": ("ĐƯỜNG_DẪN", "OUT"),
    "cli_metavar_path": ("ĐƯỜNG_DẪN", "PATH"),
    "cli_metavar_file": ("TỆP", "FILE"),
    "cli_metavar_directory": ("THƯ_MỤC", "DIRECTORY"),
    "cli_metavar_day": ("NGÀY", "DAY"),
    "cli_metavar_year": ("NĂM", "YEAR"),
    "cli_metavar_code": ("MÃ", "CODE"),
    "cli_metavar_text": ("VĂN_BẢN", "TEXT"),
    "cli_metavar_integer": ("SỐ_NGUYÊN", "INTEGER"),
    "cli_metavar_integer_range": ("SỐ_NGUYÊN", "INTEGER RANGE"),
    "cli_metavar_float": ("SỐ", "FLOAT"),
    "cli_metavar_float_range": ("SỐ", "FLOAT RANGE"),
    "cli_metavar_address": ("ĐỊA_CHỈ", "ADDRESS"),
    "cli_metavar_seconds": ("GIÂY", "SECONDS"),
    "cli_help_forms_by": (
        "Biểu của nhiều xã: commune (mặc định) là khối của từng xã, rồi tổng toàn tỉnh; "
        "province chỉ là tổng toàn tỉnh của mỗi biểu (và phần ghi chú), một tệp PDF nhanh "
        "hơn nhiều. Danh sách một xã: hai cách cho cùng một kết quả.",
        "Forms of several communes: commune (default) gives each commune's block, then the "
        "province's total; province gives only the province's total of each form (and the "
        "notes), a much quicker PDF. On a one-commune roster both give the same.",
    ),
    "forms_needs_roster": (
        "cadre forms cần DANH_SÁCH (một tệp danh sách) hoặc --list",
        "cadre forms needs a ROSTER (or --list)",
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
    # --- indicators: socio-economic indicators, satisfaction and collectives' ratings
    # (section II.2.b of the plan; docs/roster-extensions.md)
    "roster_table_indicators": ("Chỉ tiêu kinh tế - xã hội", "Socio-economic indicators"),
    "roster_table_satisfaction": ("Sự hài lòng của người dân", "Citizens' satisfaction"),
    "roster_table_unit_ratings": ("Xếp loại chất lượng tập thể", "Collectives' ratings"),
    "indicator_economic_growth": ("Tốc độ tăng trưởng kinh tế", "Economic growth"),
    "indicator_budget_revenue": (
        "Thu ngân sách nhà nước trên địa bàn",
        "State budget revenue in the area",
    ),
    "indicator_public_investment_disbursement": (
        "Giải ngân vốn đầu tư công",
        "Public investment disbursement",
    ),
    "indicator_income_per_head": ("Thu nhập bình quân đầu người", "Income per head"),
    "indicator_poverty_reduction": (
        "Giảm tỷ lệ hộ nghèo",
        "Reduction of the poverty rate",
    ),
    "indicator_unit_percent": ("%", "%"),
    "indicator_unit_million_vnd": ("triệu đồng", "million VND"),
    "indicator_unit_million_vnd_head": (
        "triệu đồng/người/năm",
        "million VND per person per year",
    ),
    "indicator_unit_points": ("điểm phần trăm", "percentage points"),
    "indicator_source_builtin": (
        "Chỉ tiêu kinh tế - xã hội chủ yếu của xã (nghị quyết của Hội đồng nhân dân xã về "
        "kế hoạch phát triển kinh tế - xã hội hằng năm)",
        "The commune's main socio-economic indicators (the People's Council's resolution on "
        "the annual socio-economic development plan)",
    ),
    "indicator_period_year": ("Năm {year}", "Year {year}"),
    "indicator_period_quarter": ("Quý {quarter}/{year}", "Q{quarter} {year}"),
    "rule_national.indicator_attainment_low": (
        "Xã đạt ít chỉ tiêu kinh tế - xã hội",
        "Commune below its share of socio-economic indicators met",
    ),
    "rule_national.leader_above_collective": (
        "Người đứng đầu xếp loại cao hơn tập thể",
        "Leader rated above the collective they lead",
    ),
    "rule_national.excellent_despite_indicators": (
        "Xếp loại xuất sắc khi xã không đạt phần lớn chỉ tiêu",
        "Rated excellent while the commune missed most indicators",
    ),
    "indicator_msg_attainment": (
        "{period}: đạt {met}/{total} chỉ tiêu kinh tế - xã hội ({share}), dưới mức {threshold}; "
        "chưa đạt: {missed}",
        "{period}: {met} of {total} socio-economic indicators met ({share}), below "
        "{threshold}; missed: {missed}",
    ),
    "indicator_msg_leader": (
        "{period}: người đứng đầu {body} xếp loại {rating}, cao hơn xếp loại của tập thể "
        "({collective})",
        "{period}: the head of {body} is rated {rating}, above the collective's rating "
        "({collective})",
    ),
    "indicator_msg_excellent": (
        "{period}: xếp loại {rating} trong khi xã chỉ đạt {met}/{total} chỉ tiêu kinh tế - "
        "xã hội ({share}, dưới {threshold}); đề nghị xem xét lại mức xếp loại",
        "{period}: rated {rating} while the commune met only {met} of {total} "
        "socio-economic indicators ({share}, below {threshold}); review the rating",
    ),
    "indicator_section": ("Chỉ tiêu kinh tế - xã hội", "Socio-economic indicators"),
    "indicator_sheet": ("Chỉ tiêu KT-XH", "Indicators"),
    "indicator_none": (
        "Danh sách không có số liệu chỉ tiêu kinh tế - xã hội.",
        "The roster has no socio-economic indicators.",
    ),
    "indicator_col_commune": ("Xã", "Commune"),
    "indicator_col_period": ("Kỳ", "Period"),
    "indicator_col_indicator": ("Chỉ tiêu", "Indicator"),
    "indicator_col_plan": ("Kế hoạch", "Plan"),
    "indicator_col_actual": ("Thực hiện", "Actual"),
    "indicator_col_unit": ("Đơn vị tính", "Unit"),
    "indicator_col_attained": ("Kết quả", "Result"),
    "indicator_col_share": ("Tỷ lệ chỉ tiêu đạt", "Share of indicators met"),
    "indicator_met": ("Đạt", "Met"),
    "indicator_missed": ("Chưa đạt", "Not met"),
    "indicator_summary": (
        "{period}: đạt {met}/{total} chỉ tiêu ({share})",
        "{period}: {met} of {total} indicators met ({share})",
    ),
    "satisfaction_section": ("Sự hài lòng của người dân", "Citizens' satisfaction"),
    "satisfaction_none": (
        "Danh sách không có số liệu về sự hài lòng của người dân.",
        "The roster has no survey of citizens' satisfaction.",
    ),
    "satisfaction_col_score": ("Điểm hài lòng (trên 100)", "Score (out of 100)"),
    "satisfaction_col_share": ("Tỷ lệ người dân hài lòng", "Share satisfied"),
    "satisfaction_col_source": ("Nguồn khảo sát", "Survey"),
    "param_national.indicators.attainment_check": (
        "Phát hiện xã đạt ít chỉ tiêu kinh tế - xã hội (1: bật, 0: tắt)",
        "Flag communes below their share of indicators met (1 on, 0 off)",
    ),
    "param_national.indicators.min_attainment": (
        "Tỷ lệ chỉ tiêu kinh tế - xã hội tối thiểu phải đạt trong mỗi kỳ",
        "Least share of indicators met in a period",
    ),
    "param_national.leader_above_collective.check": (
        "Phát hiện người đứng đầu xếp loại cao hơn tập thể (1: bật, 0: tắt)",
        "Flag heads rated above their collective (1 on, 0 off)",
    ),
    "param_national.leader_above_collective.head_categories": (
        "Chức danh người đứng đầu cơ quan, đơn vị",
        "Posts that head their agency",
    ),
    "param_national.indicators.excellent_check": (
        "Xem xét lãnh đạo xếp loại xuất sắc khi xã không đạt phần lớn chỉ tiêu (1: bật, 0: tắt)",
        "Review leaders rated excellent when the commune missed most indicators (1 on, 0 off)",
    ),
    "param_national.indicators.excellent_below": (
        "Tỷ lệ chỉ tiêu đạt dưới mức này thì xem xét lại xếp loại xuất sắc của lãnh đạo xã",
        "Share of indicators met below which the leaders' excellent ratings are reviewed",
    ),
    "param_national.indicators.leader_categories": (
        "Chức danh lãnh đạo xã được xem xét",
        "Posts of the commune's leaders reviewed",
    ),
    # ---- reader problems and command-line sentences in Vietnamese (issue 17) ----
    # where a problem is (Problem.describe): its table, sheet, row and column
    "problem_table": ("bảng {}", "table {}"),
    "problem_sheet": ("trang tính {}", "sheet {}"),
    "problem_row": ("dòng {}", "row {}"),
    "problem_column": ("cột {}", "column {}"),
    "problem_column_n": ("(cột {})", "(column {})"),
    "problem_is_not": ("{} không phải là {}", "{} is not {}"),
    "problem_did_you_mean": ("; có phải là {}?", "; did you mean {}?"),
    "problem_or": (" hoặc ", " or "),
    "problem_and": (" và ", " and "),
    "problem_invalid_roster": ("danh sách không hợp lệ", "invalid roster"),
    "problem_and_more": (" (và {} lỗi khác)", " (and {} more problems)"),
    "problem_unknown_kind": ("dữ liệu không hợp lệ", "invalid data"),
    "problem_example": (" ({bad} được đọc là {good})", " ({bad} reads as {good})"),
    # the values of coded columns that the label table names nowhere else
    "value_gender_male": ("Nam", "male"),
    "value_gender_female": ("Nữ", "female"),
    "value_bloc_party_front": ("Khối Đảng, Mặt trận và đoàn thể", "party_front"),
    "value_bloc_government": ("Khối chính quyền", "government"),
    "value_discipline_khien_trach": ("Khiển trách", "khien_trach"),
    "value_discipline_canh_cao": ("Cảnh cáo", "canh_cao"),
    "value_discipline_ha_bac_luong": ("Hạ bậc lương", "ha_bac_luong"),
    "value_discipline_giang_chuc": ("Giáng chức", "giang_chuc"),
    "value_discipline_cach_chuc": ("Cách chức", "cach_chuc"),
    "value_discipline_bai_nhiem": ("Bãi nhiệm", "bai_nhiem"),
    "value_discipline_buoc_thoi_viec": ("Buộc thôi việc", "buoc_thoi_viec"),
    "value_discipline_khai_tru": ("Khai trừ", "khai_tru"),
    # what a cell should hold (the English is the problem's ``expected``, unchanged)
    "problem_one_of": ("một trong: {codes}", "one of {codes}"),
    "problem_one_of_education": ("một trình độ chuyên môn: {codes}", "one of {codes}"),
    "problem_one_of_theory": ("một trình độ lý luận chính trị: {codes}", "one of {codes}"),
    "problem_one_of_rating": ("một mức xếp loại: {codes}", "one of {codes}"),
    "problem_one_of_category": ("một loại chức vụ: {codes}", "one of {codes}"),
    "problem_one_of_discipline": ("một hình thức kỷ luật: {codes}", "one of {codes}"),
    "problem_yes_no": (
        "một giá trị có/không (x hoặc để trống, có/không, true/false, 1/0)",
        "a yes/no value (x or blank, có/không, true/false, 1/0)",
    ),
    "problem_whole_number": ("một số nguyên", "a whole number"),
    "problem_date": (
        "một ngày (ô ngày của bảng tính, 2026-03-01 hoặc 01/03/2026)",
        "a date (a spreadsheet date, 2026-03-01 or 01/03/2026)",
    ),
    "problem_topics": (
        "các nội dung bồi dưỡng cách nhau bởi dấu ';' ({codes})",
        "topic codes separated by ';' ({codes})",
    ),
    "problem_indicator_declared": (
        "một chỉ tiêu kinh tế - xã hội đã được khai báo (lệnh cadre plugins liệt kê: {codes})",
        "an indicator code declared by a plugin (cadre plugins lists them: {codes})",
    ),
    "problem_codes": (
        "các mã cách nhau bởi dấu ';' ({codes})",
        "codes separated by ';' ({codes})",
    ),
    "problem_ethnicity": (
        "một trong 54 dân tộc chính thức",
        "one of the 54 official ethnic groups",
    ),
    "problem_note": ("{expected} ({note})", "{expected} ({note})"),
    "problem_note_year": (
        "năm không phải là ngày: ghi đủ ngày (ví dụ 30/06/{year}) hoặc để trống ô",
        "a year alone is not a day: give the day (e.g. 30/06/{year}) or leave the cell blank",
    ),
    "problem_note_month_year": (
        "tháng và năm không phải là ngày: ghi đủ ngày hoặc để trống ô",
        "a month and year are not a day: give the day or leave the cell blank",
    ),
    # --skip-invalid: a start-like day written as a month or a year alone, read as the
    # period's last day (cadre_core.roster._partial_dates)
    "problem_partial_month": (
        "một ngày đủ (ô không ghi ngày): được đọc là {day}, ngày cuối của tháng đó, tính là "
        "có từ ngày này (--skip-invalid)",
        "a whole day (the day is not written): read as {day}, the last day of that month, "
        "counted as held from then (--skip-invalid)",
    ),
    "problem_partial_year": (
        "một ngày đủ (ô không ghi ngày, tháng): được đọc là {day}, ngày cuối của năm đó, "
        "tính là có từ ngày này (--skip-invalid)",
        "a whole day (the day and month are not written): read as {day}, the last day of "
        "that year, counted as held from then (--skip-invalid)",
    ),
    "problem_note_zero_day": (
        "ngày rỗng của dữ liệu xuất từ phần mềm: để trống ô",
        "the empty date of a database export: leave the cell blank",
    ),
    # a number in a date's column too small to be a day a list means (_normalize)
    "problem_note_day_or_age": (
        "số này giống một ngày trong tháng hoặc một tuổi, không phải một ngày: ghi đủ ngày, "
        "tháng, năm (ví dụ 12/03/1978)",
        "this number looks like a day of the month or an age, not a date: write the whole "
        "date (e.g. 12/03/1978)",
    ),
    # a day or month written 00 ("00/00/1980"): not known, not a day (_normalize)
    "problem_note_zero_parts": (
        "ngày hoặc tháng ghi 00 là chưa biết, không phải một ngày: ghi đủ ngày, tháng, năm "
        "hoặc để trống ô",
        "a day or month written 00 is not known, and this is not a date: give the whole "
        "date or leave the cell blank",
    ),
    # a day whose year has two figures ("5/9/85"): 1985 or 2085 is not for the reader to
    # guess (_normalize)
    "problem_note_two_digit_year": (
        "năm chỉ có hai chữ số, không biết là 19.. hay 20..: ghi năm đủ bốn chữ số (ví dụ "
        "12/03/1978)",
        "the year has two figures, 19.. or 20.. cannot be told: write the year with four "
        "figures (e.g. 12/03/1978)",
    ),
    # a day written the English way ("14-Sep-1990", "30-Apr-95"): no spelling the roster
    # format allows (_normalize; the warning below says the day it looks like)
    "problem_note_english_day": (
        "ngày ghi kiểu tiếng Anh (ngày-tên tháng-năm) không phải cách ghi được đọc: ghi bằng "
        "số, ngày trước, năm đủ bốn chữ số (ví dụ 14/09/1990)",
        "a day written the English way (day-month's name-year) is not a spelling that is "
        "read: type it in figures, day first, the year with four figures (e.g. 14/09/1990)",
    ),
    # a spreadsheet's day number kept as text ("28510") in a workbook's date column
    "problem_note_serial_text": (
        "số ngày của bảng tính lưu dạng chữ không phải một ngày: ghi đủ ngày, tháng, năm "
        "hoặc đặt ô là kiểu ngày",
        "a spreadsheet's day number kept as text is not a date: type the day, month and "
        "year or make the cell a date",
    ),
    "problem_date_english_day": (
        "{written} giống ngày {day} ghi kiểu tiếng Anh; ghi {day}",
        "{written} looks like {day} written the English way; type {day}",
    ),
    "problem_date_english_day_short": (
        "{written} giống ngày {day} ghi kiểu tiếng Anh, năm chỉ có hai chữ số: ghi năm đủ "
        "bốn chữ số ({day}/19{year} hoặc {day}/20{year})",
        "{written} looks like the day {day} written the English way, the year with two "
        "figures: type the year with four ({day}/19{year} or {day}/20{year})",
    ),
    "problem_date_serial_text": (
        "{written} giống số ngày của bảng tính ứng với ngày {day}, lưu dạng chữ; ghi {day} "
        "hoặc đặt ô là kiểu ngày",
        "{written} looks like a spreadsheet's day number, {day}, kept as text; type {day} "
        "or make the cell a date",
    ),
    "problem_date_month_first": (
        "ngày tháng của cột này được ghi tháng trước, ngày sau (tháng/ngày/năm), như phần mềm "
        "đặt ngôn ngữ tiếng Anh (Mỹ) xuất ra: có giá trị mà số thứ hai lớn hơn 12, không thể "
        "là tháng; cả cột được đọc tháng trước: {written} được đọc là {day}",
        "this column's dates are written month first (month/day/year), as software set to US "
        "English exports them: the second number of some is above 12 and cannot be a month; "
        "the whole column was read month first: {written} read as {day}",
    ),
    "problem_date_month_first_table": (
        "ngày tháng của cột này đọc theo cách nào cũng được (không số nào lớn hơn 12) nhưng "
        "có giờ ghi SA/CH bằng tiếng Anh (AM/PM), như một cột ngày khác của bảng này mà ngày "
        "tháng được ghi tháng trước: một phần mềm xuất mọi ngày theo cùng một cách, nên cột "
        "được đọc tháng trước: {written} được đọc là {day}",
        "this column's dates read either way (no number is above 12), but carry an English "
        "AM/PM time, as another date column of this table does whose dates are month first: "
        "one export writes all its dates alike, so the column was read month first: "
        "{written} read as {day}",
    ),
    "problem_date_order_unknown": (
        "ngày tháng của cột này có giờ ghi AM/PM bằng tiếng Anh, như phần mềm đặt ngôn ngữ "
        "tiếng Anh (Mỹ) xuất ra với tháng trước, ngày sau (tháng/ngày/năm), nhưng không số nào "
        "lớn hơn 12 để biết thứ tự: cột được đọc ngày trước, {written} được đọc là {day}; nếu "
        "tháng được ghi trước, hãy ghi ngày theo năm-tháng-ngày (2001-05-07) hoặc xuất lại "
        "với ngôn ngữ tiếng Việt",
        "this column's dates carry an English AM/PM time, as software set to US English "
        "exports dates month first (month/day/year), but no number is above 12 to tell the "
        "order: the column was read day first, {written} read as {day}; if the month comes "
        "first, write the dates as year-month-day (2001-05-07) or export them again with "
        "Vietnamese settings",
    ),
    "problem_date_locale_swapped": (
        "ngày tháng của cột này có thể đã được gõ ngày trước rồi bị bảng tính đặt ngôn ngữ "
        "tiếng Anh (Mỹ) đổi thành ngày tháng/ngày/năm: cột có những ngày giữ dạng chữ chỉ có "
        "thể là ngày trước ({day_example}), và không ô ngày nào có ngày lớn hơn 12; các ô "
        "ngày vẫn được đọc như được lưu, nên có thể sai: ô lưu {written} (năm-tháng-ngày) "
        "nếu được gõ ngày trước là {day}; hãy kiểm tra, đặt ngôn ngữ (vùng) của bảng tính là "
        "Việt Nam hoặc định dạng cột là văn bản, rồi gõ lại ngày",
        "this column's dates may have been typed day first and turned into dates month first "
        "(month/day/year) by a spreadsheet set to English (US): the column holds days kept "
        "as text that can only be day first ({day_example}), and no date cell has a day "
        "above 12; the date cells are still read as stored, and may be wrong: the cell "
        "storing {written} (year-month-day) is {day} if it was typed day first; check them, "
        "set the spreadsheet's locale to Vietnam or format the column as text, and type the "
        "dates again",
    ),
    "problem_date_mixed_order": (
        "cột này ghi ngày theo hai thứ tự: {day_example} chỉ có thể là ngày trước, "
        "{month_example} chỉ có thể là tháng trước; cột được đọc ngày trước và mỗi ngày chỉ "
        "đọc được tháng trước là một lỗi: hãy ghi mọi ngày của cột theo một thứ tự "
        "(ngày/tháng/năm)",
        "this column mixes two orders of dates: {day_example} can only be day first and "
        "{month_example} only month first; the column was read day first, and each date that "
        "reads only month first is an error: write all the column's dates in one order "
        "(day/month/year)",
    ),
    "problem_note_ambiguous": (
        "giá trị này có thể hiểu nhiều cách hoặc không phải là một mức: ghi rõ mức, hoặc "
        "bỏ dòng nếu không có",
        "ambiguous",
    ),
    # (a list's cell is the person's: left blank; a row of a table of levels: left out)
    "problem_note_no_degree": (
        "chưa có bằng chuyên môn: để trống ô này; trong bảng bằng cấp thì bỏ dòng này",
        "no degree: leave the cell blank; in a degrees table, omit the row",
    ),
    "problem_note_level_under_way": (
        "trình độ đang học chưa được cấp bằng nên chưa có: để trống ô này (hoặc chỉ ghi "
        "trình độ đã có) cho đến khi được cấp bằng",
        "a level still being studied is not held: leave the cell blank until the diploma",
    ),
    "problem_note_no_level": (
        "chưa có trình độ: để trống ô này; trong bảng lý luận chính trị thì bỏ dòng này",
        "no level: leave the cell blank; in a theory table, omit the row",
    ),
    "problem_note_not_rated": (
        "chưa được xếp loại: để trống ô này; trong bảng xếp loại thì bỏ dòng này",
        "not rated: leave the cell blank; in a ratings table, omit the row",
    ),
    "problem_note_below": (
        "dưới trung cấp, mức thấp nhất được tính: để trống ô này; trong bảng thì bỏ dòng này",
        "below trung_cap, the lowest counted: leave the cell blank; in a table, omit the row",
    ),
    "problem_note_reads_as": (
        "được đọc là {good}; hãy chuyển đổi (--legacy-text convert, hoặc xuất lại dữ liệu "
        "dạng UTF-8)",
        "it reads as {good}; convert it (--legacy-text convert, or export the data again as UTF-8)",
    ),
    "problem_value_required": ("ô này phải có giá trị", "a value is required here"),
    "problem_unique_id": (
        "một mã không trùng (trùng với một dòng phía trên)",
        "a unique id (a duplicate of an earlier row)",
    ),
    "problem_single_rating": (
        "một xếp loại duy nhất cho cán bộ, năm và quý này (trùng với một dòng phía trên)",
        "a single rating for this cadre, year and quarter (a duplicate of an earlier row)",
    ),
    "problem_listed_in": (
        "một giá trị {column} có trong bảng {target}",
        "a {column} listed in {target}",
    ),
    # what --skip-invalid sets aside with a row set aside (roster._set_aside)
    "problem_with_its_row": (
        "bỏ qua cùng với dòng {target} mà nó được lập từ (cùng một dòng của danh sách)",
        "set aside with the row of {target} it was made from (the same row of the list)",
    ),
    "problem_ambiguous_reference": (
        "bỏ qua: {column} {value} có ở nhiều dòng của bảng {target} (các dòng {rows}), "
        "không thể biết dòng này thuộc về dòng nào",
        "set aside: {column} {value} is held by several rows of {target} (rows {rows}), "
        "and which of them this row belongs to cannot be told",
    ),
    "problem_ambiguous_id": (
        "bỏ qua: các dòng {rows} của bảng {target} cùng có {column} {value}, nên không thể "
        "phân biệt các dòng của bảng khác tham chiếu đến mã này",
        "set aside: rows {rows} of {target} all hold {column} {value}, so the rows of "
        "other tables that refer to it cannot be told apart",
    ),
    "problem_end_after_start": (
        "ngày kết thúc từ ngày bắt đầu trở về sau",
        "an end date on or after the start date",
    ),
    "problem_quota_nonnegative": ("số lượng vị trí từ 0 trở lên", "a quota of 0 or more"),
    "problem_quantity_nonnegative": ("số lượng từ 0 trở lên", "a quantity of 0 or more"),
    "problem_quarter": (
        "một quý từ 1 đến 4 (để trống với xếp loại cả năm)",
        "a quarter from 1 to 4 (blank for the annual rating)",
    ),
    "problem_plausible_year": ("một năm hợp lý", "a plausible year"),
    "problem_after_birth": ("một ngày sau ngày sinh", "a date after the birth date"),
    "problem_double_encoded": (
        "chữ Unicode (ô này bị mã hóa UTF-8 hai lần)",
        "Unicode text (double-encoded UTF-8)",
    ),
    "problem_double_encoded_cell": (
        "chữ Unicode (ô này bị mã hóa UTF-8 hai lần: UTF-8 bị đọc như Windows-1252); hãy "
        "chuyển đổi (--legacy-text convert, hoặc xuất lại dữ liệu dạng UTF-8)",
        "Unicode text (it is double-encoded UTF-8: UTF-8 read as Windows-1252); convert it "
        "(--legacy-text convert, or export the data again as UTF-8)",
    ),
    "problem_legacy_encoded": (
        "chữ Unicode (ô này được gõ theo bảng mã cũ {encoding}, dán từ tệp cũ)",
        "Unicode text (the cell is typed in the legacy {encoding} encoding, pasted from an "
        "old file)",
    ),
    "problem_legacy_encoded_cell": (
        "chữ Unicode (ô này được gõ theo bảng mã cũ {encoding}, như phông {fonts}, dán từ "
        "tệp cũ); hãy chuyển sang Unicode (ghi thêm --legacy-text convert, hoặc chuyển mã "
        "bằng Unikey, EVKey)",
        "Unicode text (the cell is typed in the legacy {encoding} encoding, as with the fonts "
        "{fonts}, pasted from an old file); convert it to Unicode (add --legacy-text convert, "
        "or convert it with Unikey, EVKey)",
    ),
    "problem_note_legacy_reads_as": (
        "được đọc là {good}; hãy chuyển sang Unicode (ghi thêm --legacy-text convert, hoặc "
        "chuyển mã bằng Unikey, EVKey)",
        "it reads as {good}; convert it to Unicode (add --legacy-text convert, or convert it "
        "with Unikey, EVKey)",
    ),
    "problem_legacy_double_converted": (
        "chữ bị mã hóa UTF-8 hai lần (UTF-8 bị đọc như Windows-1252/Latin-1, {n} giá trị "
        "khác nhau) đã được chuyển đổi{example}",
        "double-encoded UTF-8 text (UTF-8 read as Windows-1252/Latin-1, {n} distinct "
        "value(s)) was converted{example}",
    ),
    "problem_legacy_text_converted": (
        "chữ theo bảng mã cũ {encoding} đã được chuyển đổi{example}",
        "text in the legacy {encoding} encoding was converted{example}",
    ),
    "problem_legacy_text_found": (
        "có chữ theo bảng mã cũ {encoding}{example}; hãy chuyển đổi (cadre validate "
        "--legacy-text convert, hoặc chuyển sang Unicode trong Excel)",
        "text in the legacy {encoding} encoding was found{example}; convert it (cadre "
        "validate --legacy-text convert, or Unicode in Excel)",
    ),
    "record_courses": ("Đào tạo, bồi dưỡng (khóa bồi dưỡng)", "Training (courses)"),
    "problem_double_sheet_found": (
        "trang tính (hoặc bảng) có chữ UTF-8 bị mã hóa hai lần (UTF-8 bị đọc như "
        "Windows-1252, cả ở dòng tiêu đề){example}; hãy chuyển đổi (ghi thêm --legacy-text "
        "convert, hoặc xuất lại dữ liệu dạng UTF-8)",
        "the sheet (or table) holds double-encoded UTF-8 text (UTF-8 read as Windows-1252, "
        "its header too){example}; convert it (add --legacy-text convert, or export the "
        "data again as UTF-8)",
    ),
    "problem_double_sheet_converted": (
        "chữ UTF-8 bị mã hóa hai lần của trang tính (hoặc bảng) đã được chuyển đổi để "
        "đọc{example}; hãy kiểm tra lại dấu của các tên",
        "the double-encoded UTF-8 text of the sheet (or table) was converted to be "
        "read{example}; check the accents of the names",
    ),
    "problem_double_records_found": (
        "{records} bản sơ yếu lý lịch có chữ UTF-8 bị mã hóa hai lần (UTF-8 bị đọc như "
        "Windows-1252); hãy chuyển đổi (ghi thêm --legacy-text convert)",
        "{records} personal record(s) hold double-encoded UTF-8 text (UTF-8 read as "
        "Windows-1252); convert them (add --legacy-text convert)",
    ),
    "problem_double_records_converted": (
        "chữ UTF-8 bị mã hóa hai lần của {records} bản sơ yếu lý lịch đã được chuyển đổi "
        "để đọc; hãy kiểm tra lại dấu của các tên",
        "the double-encoded UTF-8 text of {records} personal record(s) was converted to be "
        "read; check the accents of the names",
    ),
    "problem_legacy_sheet_found": (
        "trang tính (hoặc bảng) được gõ bằng phông chữ theo bảng mã cũ {encoding} (như "
        "{fonts}){example}; hãy chuyển sang Unicode (ghi thêm --legacy-text "
        "convert, hoặc chuyển mã bằng Unikey, EVKey)",
        "the sheet (or table) is typed in a font of the legacy {encoding} encoding (such as "
        "{fonts}){example}; convert it to Unicode (add --legacy-text convert, "
        "or convert it with Unikey, EVKey)",
    ),
    "problem_legacy_sheet_converted": (
        "trang tính (hoặc bảng) được gõ bằng phông chữ theo bảng mã cũ {encoding} đã được "
        "chuyển sang Unicode để đọc{example}; hãy kiểm tra lại dấu và chữ hoa của các tên",
        "the sheet (or table), typed in a font of the legacy {encoding} encoding, was "
        "converted to Unicode to be read{example}; check the accents and capitals of the "
        "names",
    ),
    "problem_legacy_cells_found": (
        "trang tính (hoặc bảng) có ô được gõ bằng phông chữ theo bảng mã cũ {encoding} (như "
        "{fonts}, dán từ tệp cũ){example}; hãy chuyển sang Unicode (ghi thêm --legacy-text "
        "convert, hoặc chuyển mã bằng Unikey, EVKey)",
        "the sheet (or table) holds cells typed in a font of the legacy {encoding} encoding "
        "(such as {fonts}, pasted from an old file){example}; convert them to Unicode (add "
        "--legacy-text convert, or convert them with Unikey, EVKey)",
    ),
    "problem_legacy_cells_converted": (
        "các ô của trang tính (hoặc bảng) được gõ bằng phông chữ theo bảng mã cũ {encoding} "
        "(dán từ tệp cũ) đã được chuyển sang Unicode để đọc, các ô khác giữ nguyên{example}; "
        "hãy kiểm tra lại dấu và chữ hoa của các tên",
        "the cells of the sheet (or table) typed in a font of the legacy {encoding} encoding "
        "(pasted from an old file) were converted to Unicode to be read, the others kept"
        "{example}; check the accents and capitals of the names",
    ),
    "problem_legacy_records_found": (
        "{records} bản sơ yếu lý lịch được gõ bằng phông chữ theo bảng mã cũ {encoding} "
        "(như {fonts}); hãy chuyển sang Unicode (ghi thêm --legacy-text convert, "
        "hoặc chuyển mã bằng Unikey, EVKey)",
        "{records} personal record(s) are typed in a font of the legacy {encoding} encoding "
        "(such as {fonts}); convert them to Unicode (add --legacy-text convert, "
        "or convert them with Unikey, EVKey)",
    ),
    "problem_legacy_records_converted": (
        "{records} bản sơ yếu lý lịch được gõ bằng phông chữ theo bảng mã cũ {encoding} đã "
        "được chuyển sang Unicode để đọc; hãy kiểm tra lại dấu và chữ hoa của các tên",
        "{records} personal record(s), typed in a font of the legacy {encoding} encoding, "
        "were converted to Unicode to be read; check the accents and capitals of the names",
    ),
    "problem_second_column": (
        "cột thứ hai cho {canonical} (cột đầu tiên: {first})",
        "a second column for {canonical} (first: {first})",
    ),
    "problem_not_a_column_guess": (
        "không phải là cột của bảng {table} nên không được đọc (gần nhất: {guess}, "
        "độ giống {score}/100)",
        "not a column of table {table}, so it was not read (best guess {guess}, score {score}/100)",
    ),
    "problem_not_a_column": (
        "không phải là cột của bảng {table} nên không được đọc (không có tiêu đề nào gần giống)",
        "not a column of table {table}, so it was not read (no close header)",
    ),
    "problem_error_header": (
        "tiêu đề chứa {error}, kết quả của một công thức bị lỗi (giá trị lỗi của bảng tính), "
        "không phải tên một cột của bảng {table} nên cột không được đọc: hãy sửa công thức "
        "hoặc gõ tiêu đề của cột",
        "the header holds {error}, the result of a formula that failed (an error value of the "
        "spreadsheet), not the name of a column of table {table}, so the column was not read: "
        "correct the formula or type the column's header",
    ),
    "problem_no_header_row": ("bảng không có dòng tiêu đề", "the table has no header row"),
    "problem_required_column": (
        "thiếu cột bắt buộc {column} (các tiêu đề tìm thấy: {headers})",
        "required column {column} is missing (headers found: {headers})",
    ),
    "problem_table_missing": ("thiếu bảng bắt buộc {table}", "required table {table} is missing"),
    # reading files, sheets and folders
    "problem_workbook_too_large": (
        "sổ tính không được đọc: tệp quá lớn khi giải nén, hỏng, hoặc một trang tính có quá "
        "nhiều ô (xóa các ô ở xa, hoặc dùng thư mục các bảng CSV/parquet)",
        "the workbook was not read: {reason}",
    ),
    "problem_not_workbook": (
        "không phải là sổ tính {kind} đọc được",
        "not a readable {kind} workbook: {error}",
    ),
    "problem_workbook_password": (
        "sổ tính được đặt mật khẩu nên không đọc được: hãy mở tệp bằng Excel, nhập mật khẩu, "
        "chọn Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu, "
        "lưu lại, rồi đọc tệp vừa lưu",
        "the workbook is locked by a password, so it cannot be read: open it in Excel, give "
        "the password, choose File > Info > Protect Workbook > Encrypt with Password, clear "
        "the password, save, and read the saved file",
    ),
    "problem_docx_password": (
        "tài liệu Word được đặt mật khẩu nên không đọc được: hãy mở tệp bằng Word, nhập mật "
        "khẩu, chọn Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật khẩu, xóa mật khẩu, "
        "lưu lại, rồi đọc tệp vừa lưu",
        "the Word document is locked by a password, so it cannot be read: open it in Word, "
        "give the password, choose File > Info > Protect Document > Encrypt with Password, "
        "clear the password, save, and read the saved file",
    ),
    "problem_not_zip_workbook": (
        "không phải là sổ tính .xlsx đọc được (tệp không phải là tệp nén zip)",
        "not a readable .xlsx workbook (the file is not a zip container): {error}",
    ),
    "problem_not_list_workbook": (
        "không phải là sổ tính đọc được",
        "not a readable workbook: {error}",
    ),
    "problem_not_csv_list": (
        "không phải là danh sách .csv đọc được",
        "not a readable .csv list: {error}",
    ),
    "problem_word_doc": (
        "tệp Word cũ (.doc) hoặc RTF chỉ đọc được khi máy có LibreOffice: hãy cài LibreOffice, "
        "hoặc mở tệp trong Word, chọn Tệp > Lưu dưới dạng (File > Save As), chọn kiểu 'Tài "
        "liệu Word (*.docx)', rồi đọc tệp .docx vừa lưu",
        "an old Word .doc file or an RTF document is read only where LibreOffice is "
        "installed: install LibreOffice, or open it in Word, choose File > Save As, type "
        "'Word Document (*.docx)', and read the .docx file it saves",
    ),
    "problem_doc_not_converted": (
        "LibreOffice không chuyển được tệp Word cũ (.doc) hoặc RTF này sang .docx: hãy mở tệp "
        "trong Word, chọn Tệp > Lưu dưới dạng (File > Save As), chọn kiểu 'Tài liệu Word "
        "(*.docx)', rồi đọc tệp .docx vừa lưu",
        "LibreOffice could not convert this old Word .doc file or RTF document to .docx "
        "({reason}): open it in Word, choose File > Save As, type 'Word Document (*.docx)', "
        "and read the .docx file it saves",
    ),
    "problem_not_docx_list": (
        "không phải là tệp Word .docx đọc được (tệp bị hỏng, hoặc không phải là tài liệu Word)",
        "not a readable Word .docx document (damaged, or not a Word document): {error}",
    ),
    "problem_docx_too_large": (
        "tệp Word không được đọc: tệp quá lớn khi giải nén, hỏng, hoặc các bảng có quá nhiều ô",
        "the Word document was not read: {reason}",
    ),
    "problem_no_list_header_in_table": (
        "không tìm thấy dòng tiêu đề của một danh sách người (dòng có 'Họ và tên' và các "
        "tiêu đề đã biết khác) trong bảng này; chữ trong bảng được đọc như các đoạn văn "
        "quanh danh sách (tiêu đề, chữ ký), không phải như một danh sách",
        "no header of a list of people (a row with 'Họ và tên' and other known headers) was "
        "found in this table; its text was read as the paragraphs around a list (title, "
        "signatures), not as a list",
    ),
    "problem_table_continues_list": (
        "bảng này không có dòng tiêu đề riêng và có các cột của danh sách ở {list_table} ngay "
        "trên nó (một bảng bị tách làm hai): được đọc tiếp danh sách đó, theo dòng tiêu đề "
        "của {list_table}; số dòng là số dòng trong chính bảng này",
        "this table has no header of its own and has the columns of the list in {list_table} "
        "above it (a table cut in two): it was read as the rest of that list, under the "
        "header of {list_table}; its rows are counted in this table",
    ),
    "problem_headerless_people_columns": (
        "bảng này không có dòng tiêu đề mà có {rows} dòng giống người (số thứ tự và họ tên), "
        "nhưng các cột của nó ({columns} cột) không phải là các cột của danh sách ở "
        "{list_table} ({list_columns} cột), nên các dòng đó không được đọc như người; hãy chép "
        "dòng tiêu đề của danh sách vào đầu bảng này, hoặc sửa các cột của bảng cho giống "
        "danh sách",
        "this table has no header but {rows} rows that look like people (a row number and a "
        "name), and its columns ({columns}) are not those of the list in {list_table} "
        "({list_columns}), so those rows were not read as people; copy the list's header to "
        "the top of this table, or give the table the list's columns",
    ),
    "problem_headerless_people": (
        "bảng này không có dòng tiêu đề mà có {rows} dòng giống người (số thứ tự và họ tên), "
        "nhưng không nằm ngay dưới một bảng danh sách, nên các dòng đó không được đọc như "
        "người; hãy chép dòng tiêu đề của danh sách vào đầu bảng này",
        "this table has no header but {rows} rows that look like people (a row number and a "
        "name), and it follows no table of a list, so those rows were not read as people; "
        "copy the list's header to the top of this table",
    ),
    "problem_error_cell": (
        "một giá trị: ô chứa {error}, kết quả của một công thức bị lỗi (giá trị lỗi của bảng "
        "tính), không được đọc là ô trống: hãy sửa công thức hoặc gõ giá trị vào ô",
        "a value: the cell holds {error}, the result of a formula that failed (an error value "
        "of the spreadsheet), not read as a blank cell: correct the formula or type the value "
        "in the cell",
    ),
    "problem_formula_no_value": (
        "ô chứa một công thức không có giá trị đã lưu (tệp do một phần mềm ghi mà không tính "
        "công thức), không được đọc là ô trống: hãy mở tệp bằng Excel hoặc LibreOffice, lưu "
        "lại rồi đọc lại",
        "the cell holds a formula with no saved value (the workbook was written by a program "
        "that did not calculate it), not read as a blank cell: open the workbook in Excel or "
        "LibreOffice, save it and read it again",
    ),
    "problem_error_cell_not_read": (
        "ô {cell} chứa {error}, kết quả của một công thức bị lỗi (giá trị lỗi của bảng tính); "
        "ô nằm ngoài các ô được đọc (dòng tiêu đề, dòng nhóm, dòng tổng, chữ ký) nên không "
        "được đọc",
        "the cell {cell} holds {error}, the result of a formula that failed (an error value of "
        "the spreadsheet); it is outside the cells read (a title, group, total or signature "
        "row) and was not read",
    ),
    "problem_formula_not_read": (
        "ô {cell} chứa một công thức không có giá trị đã lưu; ô nằm ngoài các ô được đọc "
        "(dòng tiêu đề, dòng nhóm, dòng tổng, chữ ký) nên không được đọc",
        "the cell {cell} holds a formula with no saved value; it is outside the cells read "
        "(a title, group, total or signature row) and was not read",
    ),
    "problem_no_list_table": (
        "không bảng nào của tài liệu chứa một danh sách người (một bảng có dòng tiêu đề với "
        "'Họ và tên' và các tiêu đề đã biết khác)",
        "no table of the document holds a list of people (a table whose header row has "
        "'Họ và tên' and other known headers)",
    ),
    "problem_not_html_list": (
        "không phải là trang web (HTML) đọc được",
        "not a readable web page (HTML): {error}",
    ),
    "problem_not_mhtml_list": (
        "không phải là trang web một tệp (MHTML) đọc được: tệp hỏng, hoặc không chứa trang "
        "web (phần text/html) nào; hãy mở tệp bằng Excel hoặc trình duyệt rồi lưu lại dưới "
        "dạng sổ tính .xlsx",
        "not a readable single-file web page (MHTML): {reason}; open it in Excel or a browser "
        "and save it as an .xlsx workbook",
    ),
    "problem_web_sheet_missing": (
        "trang tính '{sheet}' của trang web Excel không có trong tệp ({link}): hãy lưu lại cả "
        "thư mục đi kèm trang, hoặc lưu sổ tính dưới dạng .xlsx",
        "the Excel web page's sheet '{sheet}' is not in the file ({link}): keep the folder "
        "saved beside the page, or save the workbook as .xlsx",
    ),
    "problem_html_too_large": (
        "trang web không được đọc: tệp quá lớn, hoặc một bảng có quá nhiều ô",
        "the web page was not read: {reason}",
    ),
    "problem_page_read_as_1258": (
        "trang web không nói bảng mã chữ và không phải chữ UTF-8 nên được đọc như chữ "
        "Windows-1258: hãy kiểm tra dấu tiếng Việt",
        "the web page names no encoding and is not UTF-8 text, so it was read as Windows-1258 "
        "text: check the Vietnamese accents",
    ),
    "problem_read_as_kind": (
        "tệp mang đuôi {suffix} nhưng thực ra là {holds}, như các phần mềm 'xuất ra Excel' "
        "thường lưu; tệp được đọc theo nội dung thật của nó",
        "the file is named {suffix} but really holds {holds}, as software that 'exports to "
        "Excel' often saves; it was read as what it holds",
    ),
    "file_kind_html": ("một trang web (HTML)", "a web page (HTML)"),
    "file_kind_mhtml": (
        "một trang web một tệp (MHTML, 'Single File Web Page')",
        "a single-file web page (MHTML, 'Single File Web Page')",
    ),
    "file_kind_csv": ("chữ có dấu phân cách (CSV, tab)", "delimited text (CSV, tab)"),
    "file_kind_workbook": ("một sổ tính", "a workbook"),
    "file_kind_docx": ("một tài liệu Word", "a Word document"),
    "file_kind_spreadsheetml": (
        "một bảng tính XML của Excel 2003",
        "an Excel 2003 XML Spreadsheet",
    ),
    "problem_not_table_file": (
        "không phải là bảng {suffix} đọc được",
        "not a readable {suffix} table: {error}",
    ),
    "problem_read_as_1258": (
        "tệp không phải chữ UTF-8 nên được đọc như chữ Windows-1258 (Excel lưu 'CSV' trên "
        "Windows tiếng Việt): hãy kiểm tra dấu tiếng Việt, hoặc lưu lại dưới dạng 'CSV UTF-8'",
        "not UTF-8 text, so it was read as Windows-1258 text (Excel's 'CSV' on a Vietnamese "
        "Windows): check the Vietnamese accents, or save it again as 'CSV UTF-8'",
    ),
    "problem_not_utf8": (
        "không phải là chữ UTF-8 (byte {byte}); hãy lưu dưới dạng 'CSV UTF-8'",
        "not UTF-8 text (byte {byte}); save it as 'CSV UTF-8'",
    ),
    "problem_sheet_not_table": (
        "trang tính {sheet} không phải là bảng của danh sách nên không được đọc",
        "sheet {sheet} is not a roster table and was not read",
    ),
    "problem_two_sheets": (
        "hai trang tính ({first} và {second}) cùng chứa bảng này",
        "two sheets ({first} and {second}) both hold this table",
    ),
    "problem_merged": (
        "các ô {cells} được gộp: giá trị của chúng được đọc cho từng dòng của vùng gộp",
        "cells {cells} are merged: their value was read on each of the range's rows",
    ),
    "problem_merged_in_sheet": (
        "trang tính {sheet}: các ô {cells} được gộp: giá trị của chúng được đọc cho từng dòng "
        "của vùng gộp",
        "sheet {sheet}: cells {cells} are merged: their value was read on each of the range's rows",
    ),
    "problem_not_regular_folder": (
        "không được đọc: đây là một thư mục, không phải tệp thông thường",
        "not read: it is a folder, not a regular file",
    ),
    "problem_not_regular_fifo": (
        "không được đọc: đây là một ống dẫn (FIFO), không phải tệp thông thường",
        "not read: it is a named pipe (FIFO), not a regular file",
    ),
    "problem_not_regular_device": (
        "không được đọc: đây là một thiết bị, không phải tệp thông thường",
        "not read: it is a device, not a regular file",
    ),
    "problem_not_regular_socket": (
        "không được đọc: đây là một socket, không phải tệp thông thường",
        "not read: it is a socket, not a regular file",
    ),
    "problem_not_regular_other": (
        "không được đọc: không phải tệp thông thường",
        "not read: it is not a regular file, not a regular file",
    ),
    "problem_not_regular_unexaminable": (
        "không được đọc: không kiểm tra được tệp ({reason})",
        "not read: it cannot be examined ({reason}), not a regular file",
    ),
    "problem_folder_not_table": (
        "thư mục này không phải là bảng của danh sách nên không được đọc",
        "folder is not a roster table and was not read",
    ),
    "problem_file_not_table": (
        "tệp này không phải là bảng của danh sách nên không được đọc",
        "file is not a roster table and was not read",
    ),
    "problem_files_hold_table": (
        "các tệp {files} cùng chứa bảng này (giữ lại một tệp)",
        "the files {files} {both} hold this table (keep one)",
    ),
    "problem_csv_and_parquet": (
        "một thư mục danh sách chứa các bảng .csv hoặc .parquet, không chứa cả hai",
        "a roster folder holds either .csv or .parquet tables, not both",
    ),
    "problem_nested_column": (
        "một cột chứa giá trị lồng nhau, không phải giá trị đơn",
        "a column of nested values ({kind}), not single values",
    ),
    "problem_bytes_column": ("các byte không phải là chữ UTF-8", "bytes that are not UTF-8 text"),
    "problem_no_such_path": ("không có tệp hoặc thư mục này", "no such file or folder"),
    "problem_not_a_roster_path": (
        "danh sách phải là sổ tính (.xlsx, .xlsb, .xls, .ods), danh sách dạng văn bản (.csv, "
        ".txt, .tsv), bảng Word (.docx, .doc), trang web (.html, .mht) hoặc bảng tính XML "
        "(.xml), hoặc thư mục các bảng .csv hoặc .parquet",
        "a roster is a workbook (.xlsx, .xlsb, .xls, .ods), a list as text (.csv, .txt, "
        ".tsv), a Word table (.docx, .doc), a web page (.html, .mht) or an XML Spreadsheet "
        "(.xml), or a folder of .csv or .parquet tables",
    ),
    # a file that holds no list, whatever its name (_sniff.foreign_file)
    "problem_pdf_file": (
        "tệp này là tài liệu PDF, không phải danh sách: chữ trong PDF không giữ được hàng và "
        "cột của bảng; hãy đọc sổ tính (.xlsx) hoặc tệp Word đã dùng để in ra PDF này",
        "this file is a PDF document, not a list: a PDF does not keep a table's rows and "
        "columns; read the workbook (.xlsx) or the Word file this PDF was printed from",
    ),
    "problem_picture_file": (
        "tệp này là một hình ảnh (ảnh chụp hoặc bản quét), không phải danh sách: hãy đọc sổ "
        "tính (.xlsx) hoặc tệp Word của danh sách, hoặc nhập danh sách vào một sổ tính",
        "this file is a picture (a photo or a scan), not a list: read the list's workbook "
        "(.xlsx) or Word file, or type the list into a workbook",
    ),
    "problem_archive_file": (
        "tệp này là tệp nén (RAR hoặc 7-Zip), không phải danh sách: hãy giải nén rồi đọc các "
        "tệp bên trong (hoặc thư mục chứa chúng)",
        "this file is a compressed archive (RAR or 7-Zip), not a list: extract it and read "
        "the files inside (or the folder holding them)",
    ),
    # one-row-per-person lists and province folders
    "problem_column_not_read": ("cột này không được đọc", "this column was not read"),
    "problem_hidden_column_not_read": (
        "cột này bị ẩn và không được đọc: cột đang hiện {shown} ghi cùng nội dung",
        "this column is hidden and was not read: the column shown {shown} holds the same field",
    ),
    "problem_agency_from_sheet": (
        "người của mỗi trang tính được xếp vào cơ quan mà tên hoặc tiêu đề của trang tính "
        "ghi (trang tính → cơ quan): {agencies}",
        "the people of each sheet were placed in the agency its name or title names "
        "(sheet → agency): {agencies}",
    ),
    "list_sheet_agency_place": ("(tên hoặc tiêu đề trang tính)", "(the sheet's name or title)"),
    "problem_hidden_column_read": (
        "cột này bị ẩn; cột được đọc vì không cột nào đang hiện ghi nội dung này",
        "this column is hidden; it was read because no column shown holds its field",
    ),
    "problem_second_list_column": (
        "cột thứ hai cho {canonical}; cột này không được đọc",
        "a second column for {canonical}; this one was not read",
    ),
    "problem_list_days_differ": (
        "các trang tính ghi những ngày khác nhau: {days}; danh sách được đọc tính đến ngày "
        "{day} (ghi --list-date nếu cần tính đến ngày khác)",
        "the sheets name different days: {days}; the list is read as of {day} (give "
        "--list-date for another day)",
    ),
    "problem_subtotal_rows": (
        "các dòng cộng, tổng (dòng {rows}) không phải là người nên không được đọc",
        "the total rows (rows {rows}) are no people and were not read",
    ),
    "problem_row_no_person": (
        "dòng này không có họ tên nên không được đọc như một người",
        "this row holds no person's name and was not read as a person",
    ),
    "problem_list_two_row_people": (
        "danh sách ghi mỗi người trên hai dòng: dòng thứ hai của mỗi người được đọc theo dòng "
        "thứ hai của tiêu đề ({columns})",
        "the list writes each person over two rows: each person's second row was read under "
        "the header's second row ({columns})",
    ),
    "problem_two_row_cell_not_read": (
        "ô này ở dòng thứ hai của một người không được đọc: cột của nó không có tiêu đề ở dòng "
        "thứ hai của tiêu đề, hoặc một dòng trước của người này đã ghi trường đó",
        "this cell on a person's second row was not read: its column has no header in the "
        "header's second row, or an earlier row of the person already gave that field",
    ),
    "problem_list_note_not_read": (
        "dòng này là ghi chú dưới danh sách ({cell}), không phải tên một nhóm hay cơ quan "
        "của những người bên trên; ghi chú không được đọc",
        "this row is a note under the list ({cell}), not the name of a group or agency of "
        "the people above; the note was not read",
    ),
    "problem_no_list_header": (
        "không tìm thấy dòng tiêu đề của một danh sách người (dòng có 'Họ và tên' và các "
        "tiêu đề đã biết khác); trang tính không được đọc",
        "no header of a list of people (a row with 'Họ và tên' and other known headers) was "
        "found; the sheet was not read",
    ),
    "problem_header_again": (
        "dòng này nhắc lại dòng tiêu đề của danh sách (đầu một trang mới) nên không được "
        "đọc như một người",
        "this row repeats the list's header (the top of a new page) and was not read as a person",
    ),
    "problem_name_second_line": (
        "dòng thứ hai của ô họ tên ({cell}) không phải là họ tên nên không được đọc",
        "the name cell's second line ({cell}) is no part of the name and was not read",
    ),
    "problem_name_address_kept": (
        "họ tên bắt đầu bằng {cell}, được giữ lại như một phần của họ tên vì phần sau không "
        "bắt đầu bằng một họ đã biết; nếu đó là cách xưng hô (Ông, Bà), hãy ghi họ tên không "
        "có nó",
        "the name begins with {cell}, kept as part of the name because what follows does not "
        "begin with a known family name; if it is a form of address (Ông, Bà), write the name "
        "without it",
    ),
    "problem_vacant_post": (
        "dòng này ghi một vị trí còn khuyết ({cell}): vị trí được đọc, không có người nào",
        "this row names a vacant post ({cell}): the post was read, and no person",
    ),
    "problem_agency_two_blocs": (
        "cơ quan {agency} được ghi ở hai khối ({blocs}), từ dòng này ở khối khác: đọc thành"
        " hai cơ quan cùng tên, mỗi chức vụ thuộc khối ghi trên dòng của nó",
        "the agency {agency} is listed under two blocs ({blocs}), under another from this"
        " row: read as two agencies of that name, each post in the bloc its row is under",
    ),
    # rows a clerk marks as people who left (_row_marks): struck through, hidden, filtered
    "problem_struck_person": (
        "dòng bị gạch ngang: {person} không được đọc như một người đang công tác (người đã "
        "nghỉ hưu, chuyển công tác thường được đánh dấu như vậy); nếu người này vẫn đang "
        "công tác, hãy bỏ gạch ngang",
        "the row is struck through: {person} was not read as a person in post (a clerk "
        "marks people who left this way); if the person is still in post, remove the "
        "strikethrough",
    ),
    "problem_hidden_person": (
        "dòng bị ẩn: {person} không được đọc như một người đang công tác (người đã nghỉ "
        "hưu, chuyển công tác thường được đánh dấu như vậy); nếu người này vẫn đang công "
        "tác, hãy bỏ ẩn dòng (Unhide)",
        "the row is hidden: {person} was not read as a person in post (a clerk marks "
        "people who left this way); if the person is still in post, unhide the row",
    ),
    "problem_note_marked_note": ("ghi chú: {note}", "note: {note}"),
    # the notes column saying who left (_flat_notes)
    "problem_note_left": (
        "ghi chú ở ô này ghi {person} nghỉ hoặc chuyển đi từ ngày {day} ({note}): được đọc "
        "là ngày người này thôi giữ các chức vụ",
        "the note in this cell says {person} left or leaves on {day} ({note}): read as the "
        "end of their posts",
    ),
    "problem_note_left_no_day": (
        "ghi chú ở ô này ghi {person} đã nghỉ hoặc chuyển đi ({note}) nhưng không ghi ngày "
        "(dd/mm/yyyy hoặc mm/yyyy): người này vẫn được đọc là đang công tác; hãy ghi ngày, "
        "ví dụ 'Nghỉ hưu từ 01/10/2025'",
        "the note in this cell says {person} left or leaves ({note}) but names no day "
        "(dd/mm/yyyy or mm/yyyy): the person is read as in post; write the day, e.g. "
        "'Nghỉ hưu từ 01/10/2025'",
    ),
    "problem_notes_partly_read": (
        "trong cột này chỉ các ghi chú ghi một người đã nghỉ hoặc chuyển đi được đọc; các "
        "ghi chú khác ({count}) không được đọc",
        "only the notes saying a person left were read in this column; the other notes "
        "({count}) were not read",
    ),
    "problem_filtered_rows_read": (
        "trang tính đang được lọc (AutoFilter): {count} người ở các dòng bộ lọc ẩn (dòng "
        "{rows}) vẫn được đọc, vì bộ lọc chỉ là cách xem danh sách",
        "the sheet is filtered (AutoFilter): {count} people on the rows the filter hides "
        "(rows {rows}) were read all the same, a filter being only a view of the list",
    ),
    "problem_name_mark": (
        "dấu chú thích {mark} sau tên ({cell}) không phải là một phần của tên nên được bỏ; "
        "ghi chú mà dấu này chỉ tới không được đọc",
        "the footnote mark {mark} after the name ({cell}) is no part of it and was left out; "
        "the note it refers to is not read",
    ),
    "problem_name_status": (
        "ghi chú {note} sau tên ({cell}) không phải là một phần của tên nên được bỏ; tình "
        "trạng mà ghi chú nói (nghỉ, đi học, biệt phái...) không được đọc: người này vẫn được "
        "đọc là đang giữ chức vụ ghi ở dòng này",
        "the note {note} after the name ({cell}) is no part of it and was left out; the "
        "status it tells (on leave, studying, seconded...) is not read: the person is read as "
        "holding the post of this row",
    ),
    "problem_list_no_birth_dates": (
        "danh sách không có cột ngày sinh ('Ngày sinh', 'Ngày tháng năm sinh'): mỗi người "
        "thiếu ngày sinh, báo lỗi ở từng dòng; hãy thêm cột này, hoặc đọc với --skip-invalid "
        "để giữ từng người với tuổi chưa rõ",
        "the list has no birth-date column ('Ngày sinh', 'Ngày tháng năm sinh'): each person "
        "lacks a birth date, an error on each row; add the column, or read the list with "
        "--skip-invalid to keep each person, of unknown age",
    ),
    "problem_hidden_sheet_not_read": (
        "trang tính {sheet} bị ẩn trong sổ tính nên không được đọc; hãy bỏ ẩn trang tính nếu "
        "cần đọc",
        "sheet {sheet} is hidden in the workbook and was not read; unhide it to have it read",
    ),
    "problem_very_hidden_sheet_not_read": (
        "trang tính {sheet} bị ẩn sâu (very hidden) trong sổ tính nên không được đọc; hộp "
        "thoại Bỏ ẩn của Excel không liệt kê nó: nếu cần đọc, hãy cho hiện nó trong trình "
        "soạn thảo VBA (Alt+F11, thuộc tính Visible của trang tính: -1 - xlSheetVisible) "
        "hoặc chép nội dung của nó sang một trang tính đang hiện",
        "sheet {sheet} is very hidden in the workbook and was not read; Excel's Unhide dialog "
        "does not list it: to have it read, show it from the VBA editor (Alt+F11, the "
        "sheet's Visible property: -1 - xlSheetVisible) or copy its content into a visible "
        "sheet",
    ),
    "problem_hidden_sheet_read": (
        "trang tính {sheet} bị ẩn trong sổ tính; trang tính được đọc vì không trang tính nào "
        "đang hiện chứa danh sách người",
        "sheet {sheet} is hidden in the workbook; it was read because no visible sheet holds "
        "a list of people",
    ),
    "problem_leaver_sheet_read": (
        "tiêu đề hay tên của trang tính {sheet} ghi {words}: đây là danh sách người đã thôi "
        "công tác; những người này được đọc là đã nghỉ từ ngày ghi ở cột ngày giảm và không "
        "giữ chức vụ nào từ ngày đó",
        "the title or name of sheet {sheet} says {words}: it lists people who left; they were "
        "read as having left on the day in its left-date column, holding no post from then on",
    ),
    "problem_leaver_sheet_not_read": (
        "tiêu đề hay tên của trang tính {sheet} ghi {words}: đây là danh sách người đã thôi "
        "công tác, không phải cán bộ, công chức hiện có; trang tính không có cột ngày giảm "
        "nên những người ở dòng {rows} không được đọc (thêm cột 'Thời gian giảm' để đọc)",
        "the title or name of sheet {sheet} says {words}: it lists people who left, not "
        "current staff; it has no left-date column, so the people on rows {rows} were not "
        "read (add a 'Thời gian giảm' column to have them read)",
    ),
    "problem_example_sheet_not_read": (
        "tên của trang tính này hay dòng ngay trên tiêu đề cột của nó ghi {words}: đây là "
        "phần hướng dẫn hay ví dụ, không phải danh sách của đơn vị; một trang tính khác chứa "
        "danh sách người nên những người ở dòng {rows} của trang tính này không được đọc",
        "this sheet's name or the line right above its header says {words}: it holds "
        "instructions or an example, not the unit's list; another sheet holds a list of "
        "people, so the people on rows {rows} of this sheet were not read",
    ),
    "problem_example_sheet_read": (
        "tên của trang tính này hay dòng ngay trên tiêu đề cột của nó ghi {words}: có thể "
        "đây là phần hướng dẫn hay ví dụ; danh sách của nó được đọc vì không trang tính nào "
        "khác chứa danh sách người: hãy kiểm tra rằng những người ở dòng {rows} là người "
        "thật của đơn vị",
        "this sheet's name or the line right above its header says {words}: it may hold "
        "instructions or an example; its list was read because no other sheet holds a list "
        "of people: check that the people on rows {rows} are the unit's own",
    ),
    "problem_left_post_not_held": (
        "người này đã nghỉ từ ngày {day} (không muộn hơn ngày của danh sách): chức vụ ghi ở "
        "dòng này không được tính là đang giữ",
        "this person left on {day} (on or before the list's day): the post on this row is "
        "not counted as held",
    ),
    "problem_same_person_row": (
        "cùng họ tên và ngày sinh với người ở dòng {row}; được đọc là hai người (nếu là một "
        "người, hãy ghi một lần, các chức vụ kiêm nhiệm ghi chung một ô)",
        "the same name and birth date as row {row}; read as two people (if it is one person, "
        "list them once, with the posts they hold together in one cell)",
    ),
    "problem_same_person_sheet": (
        "cùng họ tên và ngày sinh với người ở dòng {row} của trang tính {sheet}; được đọc là "
        "hai người (nếu là một người, hãy ghi một lần, các chức vụ kiêm nhiệm ghi chung một ô)",
        "the same name and birth date as row {row} of sheet {sheet}; read as two people (if "
        "it is one person, list them once, with the posts they hold together in one cell)",
    ),
    "problem_name_split_columns": (
        "họ và tên của mỗi người nằm ở hai cột dưới một tiêu đề gộp, cột sau không có tiêu đề "
        "riêng: hai ô được ghép lại thành họ và tên (nếu cột sau không phải là một phần của "
        "tên, hãy ghi tiêu đề cho cột đó)",
        "each person's name is in two columns under one merged header, the second with no "
        "header of its own: the two cells are joined as the full name (if the second column "
        "is not part of the name, give it its header)",
    ),
    "problem_same_person_list": (
        "cùng họ tên và ngày sinh với người ở dòng {row} của chính trang tính này (ở một danh "
        "sách khác trong trang, dưới tiêu đề riêng); được đọc là hai người (nếu là một người, "
        "hãy ghi một lần, các chức vụ kiêm nhiệm ghi chung một ô)",
        "the same name and birth date as row {row} of this same sheet (in another list on it, "
        "under its own header); read as two people (if it is one person, list them once, "
        "with the posts they hold together in one cell)",
    ),
    "problem_same_person_table": (
        "cùng họ tên và ngày sinh với người ở dòng {row} của {sheet}; được đọc là hai người "
        "(nếu là một người, hãy ghi một lần, các chức vụ kiêm nhiệm ghi chung một ô)",
        "the same name and birth date as row {row} of {sheet}; read as two people (if it is "
        "one person, list them once, with the posts they hold together in one cell)",
    ),
    "problem_same_person_record": (
        "cùng họ tên và ngày sinh với người của hồ sơ {sheet}; được đọc là hai người (nếu là "
        "một người, hãy giữ một hồ sơ)",
        "the same name and birth date as the record {sheet}; read as two people (if it is one "
        "person, keep one record)",
    ),
    "problem_people_after_footer": (
        "danh sách dừng ở dòng chữ ký này; {rows} dòng bên dưới có số thứ tự và dữ liệu như "
        "một người nhưng không được đọc: nếu là người trong danh sách, hãy chuyển dòng chữ ký "
        "xuống cuối",
        "the list ends at this signature row; {rows} row(s) under it are numbered and hold "
        "data like a person's but were not read: if they are people of the list, move the "
        "signatures to the end",
    ),
    "problem_second_list": (
        "dòng này là tiêu đề của một danh sách khác: danh sách dừng ở dòng trên, {rows} dòng "
        "bên dưới không được đọc",
        "this row is the header of another list: the list ends above it, and the {rows} "
        "row(s) under it were not read",
    ),
    "problem_list_no_people": (
        "danh sách có dòng tiêu đề nhưng không có người nào bên dưới (một mẫu trống?): "
        "không có ai để đánh giá",
        "the list has its header but no person under it (an empty form?): there is nobody "
        "to evaluate",
    ),
    "problem_no_list_sheet": (
        "không trang tính nào chứa một danh sách người hoặc các bảng của danh sách cán bộ",
        "no sheet holds a list of people or the tables of a roster",
    ),
    "problem_list_date_unknown": (
        "chưa rõ ngày của danh sách: ghi --list-date, hoặc ghi ngày ở dòng tiêu đề "
        "('tính đến ngày 31/12/2025')",
        "the list's date is unknown: give --list-date, or name it in the title rows "
        "('tính đến ngày 31/12/2025')",
    ),
    "problem_list_date_from_as_of": (
        "danh sách không ghi ngày nào (ở dòng tiêu đề, dòng ký hay sơ yếu lý lịch) nên được "
        "coi là tính đến {day}, ngày ghi ở --as-of; ghi --list-date nếu danh sách tính "
        "đến ngày khác",
        "the list names no day (in its title rows, a signing line or a record), so it was "
        "taken to be as of {day}, the day given with --as-of; give --list-date if the list "
        "describes another day",
    ),
    "problem_list_date_from_period": (
        "ngày của danh sách được lấy là {day}, ngày cuối của kỳ {period} ghi ở dòng tiêu đề; "
        "ghi --list-date nếu danh sách tính đến ngày khác",
        "the list's date was taken as {day}, the last day of the period {period} its title "
        "rows name; give --list-date if the list describes another day",
    ),
    "problem_record_not_read": (
        "các mục và phần của {records} sơ yếu lý lịch không được đọc (định dạng danh sách "
        "không có; trong ngoặc: số lý lịch có mục đó, nếu không phải tất cả): {fields}",
        "fields and sections of {records} personal records not read (the roster format has "
        "none such; in brackets: how many records hold one, when not all do): {fields}",
    ),
    "problem_record_day": (
        "ngày của danh sách được lấy là {day}, ngày ký gần nhất của {signed} sơ yếu lý lịch "
        "(ký từ {first} đến {last}); ghi --list-date nếu cần tính đến ngày khác",
        "the list's date was taken as {day}, the latest day {signed} personal records were "
        "signed (from {first} to {last}); give --list-date for another day",
    ),
    "problem_record_label_twice": (
        "mục {field} được ghi hai lần, với hai giá trị khác nhau, trong một sơ yếu lý lịch, "
        'không có tiêu đề "SƠ YẾU LÝ LỊCH" hay mục "Họ và tên" mới giữa hai lần; tệp '
        "không được đọc (nếu tệp gộp sơ yếu lý lịch của nhiều người, mỗi người bắt đầu bằng "
        "tiêu đề của mình)",
        "the field {field} is filled in twice, with two values, in one personal record, with "
        'no new title "SƠ YẾU LÝ LỊCH" nor "Họ và tên" between them; the document was '
        "not read (when it holds the records of several people, start each with its title)",
    ),
    "list_record_part": ("Hồ sơ {}", "Record {}"),
    "problem_not_a_record": (
        "tài liệu Word này trong thư mục sơ yếu lý lịch không phải là một sơ yếu lý lịch "
        "nên không được đọc",
        "this Word document in a folder of personal records is no personal record, and was "
        "not read",
    ),
    "problem_post_not_read": (
        "ô chức vụ ghi nhiều chức vụ kiêm nhiệm; phần {posts} không phải là chức vụ nào đã "
        "biết nên không được đọc, chỉ các chức vụ còn lại được đọc",
        "the title cell names posts held together; {posts} names no post the reader knows and "
        "was not read, only the other posts were",
    ),
    "problem_bad_list_date": (
        "--list-date {value} không phải là một ngày (31/12/2025 hoặc 2025-12-31)",
        "{text}",
    ),
    "problem_commune_from_title": (
        "tên xã {commune} được lấy từ dòng tiêu đề của danh sách",
        "the commune {commune} was taken from the list's title rows",
    ),
    "problem_field_disagrees": (
        "ô trình độ ghi chuyên ngành {cell}, khác chuyên ngành ghi ở cột này; "
        "giữ chuyên ngành của cột",
        "the qualification cell names the field {cell}, not this column's; "
        "the column's field is kept",
    ),
    "problem_level_under_way": (
        "ô {cell} ghi một trình độ đang học: chưa được cấp bằng nên không được tính; chỉ "
        "đọc trình độ cao nhất đã có, {held}",
        "the cell {cell} names a level still being studied (đang học): with no diploma yet "
        "it is not counted; only the highest level held was read, {held}",
    ),
    "problem_level_not_yet_held": (
        "ô {cell} chỉ ghi trình độ đang học: chưa được cấp bằng nên chưa có trình độ này; "
        "ô được đọc là để trống",
        "the cell {cell} names only a level still being studied (đang học): with no diploma "
        "yet no level is held, and the cell was read as blank",
    ),
    "problem_unknown_category": (
        "chức vụ này không được nhận ra (không khớp với chức danh nào đã biết), nên loại "
        "chức vụ được để trống; vị trí vẫn được đọc",
        "this title was not recognised (it matches no known post), so its category was left "
        "blank; the post is still read",
    ),
    "problem_made_from_list": ("(lập từ danh sách)", "(made from the list)"),
    # a table of a Word document, named as its user counts the document's tables
    "list_word_table": ("Bảng {}", "Table {}"),
    "problem_no_roster_file": ("không tìm thấy tệp danh sách nào", "no roster file was found"),
    "problem_commune_twice": (
        "xã {commune} cũng là xã của tệp {other}; mỗi xã một tệp",
        "the commune {commune} is also the commune of {other}; one file per commune",
    ),
    "problem_commune_from_file": (
        "tệp không ghi tên xã; tên xã {commune} được lấy từ tên tệp",
        "the file names no commune; the commune {commune} was taken from its file name",
    ),
    # command-line sentences (cadre_core.cli._common.say: cli_<key> in the command's --lang)
    "cli_prefix_error": ("lỗi: ", "error: "),
    "cli_prefix_warning": ("lưu ý: ", "warning: "),
    "cli_prefix_left_out": ("bỏ qua: ", "left out: "),
    "cli_internal_error": (
        "lỗi nội bộ: {kind} tại {place} (đặt CADRE_DEBUG=1 để xem chi tiết)",
        "internal error: {kind} in {place} (set CADRE_DEBUG=1 for details)",
    ),
    "cli_worker_lost": (
        "một tiến trình phụ đã dừng trước khi xong việc (hết bộ nhớ, hoặc bị dừng từ bên "
        "ngoài). Hãy chạy lại với --workers 1 hoặc trên máy nhiều bộ nhớ hơn",
        "a worker process stopped before its work was done (out of memory, or stopped from "
        "outside). Run again with --workers 1 or on a machine with more memory",
    ),
    "cli_out_of_memory": (
        "hết bộ nhớ. Hãy chạy trên máy nhiều bộ nhớ hơn, hoặc chia danh sách theo xã",
        "out of memory. Run on a machine with more memory, or split the roster by commune",
    ),
    "cli_internal_error_nowhere": (
        "lỗi nội bộ: {kind} (đặt CADRE_DEBUG=1 để xem chi tiết)",
        "internal error: {kind} (set CADRE_DEBUG=1 for details)",
    ),
    "cli_bad_day": (
        "{option} {value} không phải là một ngày (ví dụ 31/12/2026, 31-12-2026, 31.12.2026 "
        "hoặc 2026-12-31)",
        "{text}",
    ),
    "cli_cannot_write": (
        "{output}: không ghi được tệp kết quả: {reason}",
        "{output}: cannot write the output: {reason}",
    ),
    "cli_os_ENOENT": ("không có thư mục hoặc tệp này", "No such file or directory"),
    "cli_os_EACCES": ("không có quyền truy cập", "Permission denied"),
    "cli_os_EPERM": ("không được phép", "Operation not permitted"),
    "cli_os_ENOSPC": ("đĩa đã đầy", "No space left on device"),
    "cli_os_EROFS": ("ổ đĩa chỉ đọc", "Read-only file system"),
    "cli_os_EISDIR": ("là một thư mục", "Is a directory"),
    "cli_os_ENOTDIR": ("một phần của đường dẫn không phải là thư mục", "Not a directory"),
    "cli_os_other": ("lỗi hệ thống (mã {errno})", "{reason}"),
    "cli_output_is_input": (
        "{output}: tệp kết quả chính là dữ liệu vào {given}; hãy chọn đường dẫn khác (dữ "
        "liệu vào không bao giờ bị ghi đè)",
        "{output}: the output is the input {given}; choose another output path (an input is "
        "never overwritten)",
    ),
    "cli_output_inside_input": (
        "{output}: tệp kết quả nằm trong dữ liệu vào {given}; hãy chọn đường dẫn khác (dữ "
        "liệu vào không bao giờ bị ghi đè)",
        "{output}: the output is inside the input {given}; choose another output path (an "
        "input is never overwritten)",
    ),
    "cli_output_is_folder": (
        "{output}: là một thư mục; hãy ghi tên tệp cho kết quả",
        "{output}: is a folder; give a file name for the output",
    ),
    "cli_output_is_file": (
        "{output}: là một tệp, không phải thư mục",
        "{output}: is a file, not a folder",
    ),
    "cli_output_no_folder": (
        "{output}: thư mục {parent} không tồn tại; hãy tạo thư mục trước hoặc chọn thư mục khác",
        "{output}: the folder {parent} does not exist; create it first or choose another",
    ),
    "cli_output_read_only": (
        "{output}: không ghi được tệp kết quả: thư mục {parent} chỉ cho phép đọc",
        "{output}: cannot write the output: the folder {parent} is read-only",
    ),
    "cli_format_refused": (
        "--format {fmt}: lệnh này không ghi được định dạng {fmt}",
        "--format {fmt}: this command cannot write {fmt}",
    ),
    "cli_format_table_file": (
        "--format table chỉ in ra màn hình, không ghi tệp; để ghi {output} hãy dùng "
        "--format json, xlsx hoặc html",
        "--format table prints to the terminal and writes no file; for {output} give "
        "--format json, xlsx or html",
    ),
    "cli_format_clash": (
        "--format {fmt} không khớp với tên tệp kết quả {output} (một tệp .{named}); hãy dùng "
        "--format {named}, hoặc tên tệp có đuôi .{fmt}",
        "--format {fmt} contradicts the output name {output} (a .{named} file); give "
        "--format {named}, or an output name ending in .{fmt}",
    ),
    "cli_format_needs_output": (
        "--format {fmt} cần --output TỆP.{fmt}",
        "--format {fmt} needs --output FILE.{fmt}",
    ),
    "cli_no_such_commune": (
        "--commune {commune}: danh sách không có xã này (các xã: {shown})",
        "--commune {commune}: no such commune in the roster ({shown})",
    ),
    "cli_keep_going_hint": (
        " (--keep-going bỏ qua plugin bị lỗi)",
        " (--keep-going leaves the failing plugin out)",
    ),
    "cli_workers_unused": (
        "--workers chỉ dùng khi ghi tài liệu JSON của nhiều ngày (--as-of lặp lại) ra tệp "
        "(-o), không kèm --keep-going hay --commune: lần này chỉ dùng một tiến trình",
        "--workers applies to the JSON document of several days (--as-of repeated) written "
        "to a file (-o), without --keep-going or --commune: this run uses one process",
    ),
    "cli_budget": (
        "--budget {value}: không đọc được số tiền; hãy ghi một số tiền nguyên tính bằng đồng "
        "(từ 0 trở lên) hoặc NĂM=SỐ_TIỀN,NĂM=SỐ_TIỀN",
        "--budget {value}: {why}; give a whole amount in VND (0 or more) or "
        "YEAR=AMOUNT,YEAR=AMOUNT",
    ),
    "cli_horizon_before": (
        "--horizon {horizon} ở trước năm của --as-of",
        "--horizon {horizon} is before the year of --as-of",
    ),
    "cli_horizon_far": (
        "--horizon {horizon}: kế hoạch chỉ xét tối đa {years} năm tới",
        "--horizon {horizon}: a plan looks at most {years} years ahead",
    ),
    "cli_synth_xlsx_large": (
        "xlsx chỉ dành cho danh sách nhỏ (nhiều nhất 50 xã); hãy dùng parquet",
        "xlsx is for small rosters (at most 50 communes); use parquet",
    ),
    "cli_synth_file": (
        "{out}: là một tệp; --format {fmt} ghi một thư mục các bảng",
        "{out}: is a file; --format {fmt} writes a folder of tables",
    ),
    "cli_suggest_one": (
        "--suggest-layout chỉ đọc một danh sách mỗi lần; hãy chỉ ra một tệp hoặc một thư mục",
        "--suggest-layout reads one roster at a time; give one file or folder",
    ),
    "cli_suggest_not_pseudonymized": (
        "--suggest-layout ghi các tiêu đề và giá trị của danh sách đúng như chúng được viết "
        "nên không dùng cùng --pseudonymize",
        "--suggest-layout writes the list's headers and values as they are written, and "
        "cannot be used with --pseudonymize",
    ),
    "cli_suggest_nothing": (
        "{roster}: không đọc được bảng nào của danh sách để gợi ý bố cục",
        "{roster}: no roster table could be read to suggest a layout from",
    ),
    "cli_cannot_read": ("{path}: không đọc được ({reason})", "{path}: cannot be read ({reason})"),
    "cli_not_utf8_json": (
        "{path}: không phải là chữ UTF-8 (tài liệu JSON phải là UTF-8)",
        "{path}: not UTF-8 text (a JSON document is)",
    ),
    "cli_not_json": (
        "{path}: không phải là JSON (dòng {line}, cột {col})",
        "{path}: not JSON ({error})",
    ),
    # cadre schema --list: what each published schema describes (in English, its title)
    "cli_schema_title_evaluation": ("Kết quả đánh giá", "Evaluation"),
    "cli_schema_title_evaluations": ("Kết quả đánh giá nhiều ngày", "Evaluations"),
    "cli_schema_title_forms": ("Các biểu mẫu báo cáo (cadre forms)", "cadre forms"),
    "cli_schema_title_plan": ("Kế hoạch đào tạo", "Plan"),
    "cli_schema_title_plugins": ("Các plugin (cadre plugins)", "cadre plugins"),
    "cli_schema_title_validation": ("Kết quả kiểm tra danh sách", "Validation"),
    "cli_schema_unknown_kind": (
        "{path}: không phải là tài liệu cadre thuộc loại đã biết (không có schema_version); "
        "hãy ghi tên lược đồ: cadre schema TÊN --check {path}",
        "{path}: not a cadre document of a known kind (no schema_version); name the schema: "
        "cadre schema NAME --check {path}",
    ),
    "cli_schema_errors": (
        "{path} không đúng lược đồ {name} ({id}): {shown}{more}",
        "{path} does not follow the {name} schema ({id}): {shown}{more}",
    ),
    "cli_schema_more": (" (và {n} lỗi khác)", " (and {n} more)"),
    "cli_schema_unknown": (
        "không có lược đồ {name}: các lược đồ là {names}",
        "unknown schema {name}: the schemas are {names}",
    ),
    "cli_cannot_be_written": (
        "{output}: không ghi được ({reason})",
        "{output}: cannot be written ({reason})",
    ),
    "cli_verify_option": (
        "{name}: báo cáo được lập với {shown} {recorded}, không phải {value} (bỏ tùy chọn "
        "này để dùng giá trị của báo cáo)",
        "{name}: the report was made with {shown} {recorded}, not {value} (leave the option "
        "out to use the report's)",
    ),
    "cli_verify_layout_needed": (
        "{name}: báo cáo được lập với một tệp bố cục (sha256 {recorded}); hãy chỉ ra tệp đó "
        "bằng --layout TỆP",
        "{name}: the report was made with a layout file (sha256 {recorded}); give it with "
        "--layout FILE",
    ),
    "cli_verify_file_without": (
        "{given}: báo cáo được lập không có tệp {what}, không phải với tệp này",
        "{given}: the report was made without one, not with this {what} file",
    ),
    "cli_verify_file_other": (
        "{given}: báo cáo được lập với một tệp {what} khác (sha256 {recorded}), không phải "
        "với tệp này",
        "{given}: the report was made with another one (sha256 {recorded}), not with this "
        "{what} file",
    ),
    "cli_verify_beside_added": (
        "{file}: nay nằm cạnh các bảng, không được đọc (không có trong báo cáo)",
        "{file}: beside the tables now, not read (not in the report)",
    ),
    "cli_verify_beside_gone": (
        "{file}: không còn nằm cạnh các bảng (tệp này không được đọc)",
        "{file}: no longer beside the tables (it was not read)",
    ),
    # cadre verify: what differs between a report and its roster (reports._audit)
    "verify_files_differ_tables": (
        "các tệp của danh sách khác với các tệp đã dùng để lập báo cáo (các bảng {tables})",
        "the roster's files differ from the ones the report was made from (tables {tables})",
    ),
    "verify_files_differ": (
        "các tệp của danh sách khác với các tệp đã dùng để lập báo cáo",
        "the roster's files differ from the ones the report was made from",
    ),
    "verify_other_bytes": (
        "các bảng giống với bảng của báo cáo nhưng khác nhau từng byte (kiểu xuống dòng?)",
        "same tables as the report's, in different bytes (line endings?)",
    ),
    "verify_as_of": (
        "ngày tính khác nhau: báo cáo {report}, nay {now}",
        "as-of day differs: report {report}, now {now}",
    ),
    "verify_plugins": (
        "các plugin khác nhau: báo cáo {report}, nay {now}",
        "plugins differ: report {report}, now {now}",
    ),
    "verify_plugin_versions": (
        "phiên bản plugin khác nhau: báo cáo {report}, đang cài {now}",
        "plugin versions differ: report {report}, installed {now}",
    ),
    "verify_communes": (
        "các xã khác nhau: {report} và {now}",
        "communes differ: {report} vs {now}",
    ),
    "verify_target_count": (
        "{commune}: báo cáo có {report} chỉ tiêu, nay có {now}",
        "{commune}: {report} targets in the report, {now} now",
    ),
    "verify_target": (
        "{commune}: chỉ tiêu {target} khác nhau ở {keys}",
        "{commune}: target {target} differs in {keys}",
    ),
    "verify_unrated": (
        "{commune}: danh sách cán bộ chưa xếp loại khác nhau",
        "{commune}: unrated cadres differ",
    ),
    "verify_findings": ("{commune}: các phát hiện khác nhau", "{commune}: findings differ"),
    "verify_list_skipped": ("các dòng bị bỏ qua khác nhau", "skipped differ"),
    "verify_list_not_read": ("các cột và trang tính không đọc khác nhau", "not read differ"),
    "verify_list_warnings": ("các điểm lưu ý khác nhau", "warnings differ"),
    "verify_list_failed_plugins": ("các plugin bị bỏ qua khác nhau", "failed plugins differ"),
    "verify_html": (
        "html, sau {before}: báo cáo ghi {shown}, danh sách cho {gives}",
        "html, after {before}: the report shows {shown}, the roster gives {gives}",
    ),
    "verify_xlsx_sheets": (
        "xlsx: báo cáo có các trang tính {report}, danh sách cho {now}",
        "xlsx: the sheets are {report}, the roster gives {now}",
    ),
    "verify_xlsx_cell": (
        "xlsx, trang tính {sheet} ô {cell}: báo cáo ghi {shown}, danh sách cho {gives}",
        "xlsx, sheet {sheet} cell {cell}: the report shows {shown}, the roster gives {gives}",
    ),
    # cadre verify: a file that is not a report it can check (reports._audit.ReportError)
    "report_error_inflates": (
        "{name}: dữ liệu đánh giá nhúng trong báo cáo khi giải nén vượt quá 512 MB",
        "{name}: the embedded evaluation inflates beyond 512 MB",
    ),
    "report_error_too_large": (
        "{name}: báo cáo không được đọc: tệp quá lớn khi giải nén, hỏng, hoặc một trang tính có "
        "quá nhiều ô",
        "{name}: the report was not read: {reason}",
    ),
    "report_error_not_workbook": (
        "{name}: không phải là sổ tính .xlsx đọc được",
        "{name}: not a readable .xlsx workbook ({error})",
    ),
    "report_error_no_sheet": (
        "{name}: không có trang tính {sheet} (có phải báo cáo do cadre lập?)",
        "{name}: no {sheet} sheet (not a cadre report?)",
    ),
    "report_error_not_a_report": (
        "{name}: báo cáo phải là tệp .json, .html hoặc .xlsx",
        "{name}: a report is a .json, .html or .xlsx file",
    ),
    "report_error_over_512": (
        "{name}: báo cáo không được đọc: tệp lớn hơn 512 MB",
        "{name}: the report was not read: it is over 512 MB",
    ),
    "report_error_not_embedded": (
        "{name}: không có dữ liệu đánh giá nhúng trong tệp (có phải báo cáo do cadre lập?)",
        "{name}: no embedded evaluation (not a cadre report?)",
    ),
    "report_error_unreadable": (
        "{name}: không đọc được ({reason})",
        "{name}: cannot be read ({reason})",
    ),
    "report_error_too_deep": (
        "{name}: dữ liệu đánh giá nhúng lồng nhau quá sâu",
        "{name}: the embedded evaluation is nested too deeply",
    ),
    "report_error_not_json": (
        "{name}: dữ liệu đánh giá nhúng không phải là JSON hợp lệ",
        "{name}: the embedded evaluation is not valid JSON",
    ),
    "report_error_shape": (
        "{name}: không phải là một đánh giá do cadre lập: trường {where} không đúng kiểu",
        "{name}: not a cadre evaluation: {where} must be {what}",
    ),
    # cadre plugins: each hook a plugin implements, by what it gives (the code in JSON)
    "hook_cadre_about": ("giới thiệu plugin", "cadre_about"),
    "hook_cadre_parameters": ("thông số", "cadre_parameters"),
    "hook_cadre_targets": ("chỉ tiêu", "cadre_targets"),
    "hook_cadre_features": ("đặc điểm tính thêm", "cadre_features"),
    "hook_cadre_findings": ("phát hiện", "cadre_findings"),
    "hook_cadre_rating_aggregation": ("cách tổng hợp xếp loại", "cadre_rating_aggregation"),
    "hook_cadre_responsible_bodies": ("cơ quan chịu trách nhiệm", "cadre_responsible_bodies"),
    "hook_cadre_layouts": ("bố cục danh sách", "cadre_layouts"),
    "hook_cadre_report_sections": ("phần thêm của báo cáo", "cadre_report_sections"),
    "hook_cadre_forms": ("biểu mẫu báo cáo", "cadre_forms"),
    "hook_cadre_indicators": ("chỉ tiêu kinh tế - xã hội", "cadre_indicators"),
    # ---- roster fields for the official forms (issue 18): the columns
    # (``field_<table>_<column>``), the new position categories and training topics, and
    # the codes of the new code lists (``<code list>_<code>``, the code list as in
    # roster/_schema.py: grade, state_management, it_level, language, general_education,
    # academic_title, council_level, study_place, study_mode)
    "field_cadres_party_join_date": ("Ngày vào Đảng", "Joined the Party on"),
    "field_cadres_religion": ("Tôn giáo", "Religion"),
    "field_cadres_grade": ("Ngạch công chức", "Civil-service grade"),
    "field_cadres_state_management": ("Trình độ quản lý nhà nước", "State-management training"),
    "field_cadres_it_level": ("Trình độ tin học", "IT skills"),
    "field_cadres_foreign_language": ("Trình độ ngoại ngữ", "Foreign language"),
    "field_cadres_ethnic_language": ("Chứng chỉ tiếng dân tộc", "Ethnic-language certificate"),
    "field_cadres_general_education": ("Trình độ giáo dục phổ thông", "General education"),
    "field_cadres_academic_title": ("Học hàm", "Academic title"),
    "field_cadres_professional_basic": (
        "Chứng chỉ sơ cấp chuyên môn",
        "Elementary vocational certificate",
    ),
    "field_cadres_insurance_start": ("Ngày tham gia BHXH", "Social insurance since"),
    "field_cadres_party_committee": ("Cấp ủy viên", "Party Committee member"),
    "field_cadres_party_standing": ("Ủy viên Ban Thường vụ", "Standing Board member"),
    "field_cadres_inspection_committee": ("Ủy viên Ủy ban Kiểm tra", "Inspection Committee member"),
    "field_cadres_council_deputy": ("Đại biểu HĐND", "People's Council deputy"),
    "field_positions_elected": ("Chức danh bầu cử", "Elected post"),
    "field_assignments_rotation": ("Luân chuyển", "Rotation"),
    "field_degrees_study_place": ("Nơi đào tạo", "Where studied"),
    "field_theory_study_mode": ("Hình thức học", "Study mode"),
    "field_trainings_place": ("Nơi bồi dưỡng", "Where trained"),
    "category_front_vice_chair": ("Phó Chủ tịch UBMTTQ", "Fatherland Front Vice-Chair"),
    "category_mass_org_head": (
        "người đứng đầu tổ chức chính trị - xã hội",
        "head of a mass organisation",
    ),
    "category_mass_org_deputy": (
        "cấp phó tổ chức chính trị - xã hội",
        "deputy head of a mass organisation",
    ),
    "topic_party_building": ("xây dựng Đảng", "Party building"),
    "topic_mass_organisation": ("công tác Mặt trận, đoàn thể", "Front and mass organisations"),
    "topic_economic_management": ("quản lý kinh tế", "economic management"),
    "topic_foreign_language": ("ngoại ngữ", "foreign language"),
    "topic_knowledge_update": ("cập nhật kiến thức", "knowledge update"),
    "topic_defence_security": ("quốc phòng và an ninh", "defence and security"),
    "grade_nhan_vien": ("nhân viên", "clerk (nhân viên)"),
    "grade_can_su": ("cán sự", "junior officer (cán sự)"),
    "grade_chuyen_vien": ("chuyên viên", "officer (chuyên viên)"),
    "grade_chuyen_vien_chinh": ("chuyên viên chính", "principal officer (chuyên viên chính)"),
    "grade_chuyen_vien_cao_cap": (
        "chuyên viên cao cấp",
        "senior officer (chuyên viên cao cấp)",
    ),
    "state_management_chuyen_vien": ("ngạch chuyên viên", "officer programme"),
    "state_management_chuyen_vien_chinh": (
        "ngạch chuyên viên chính",
        "principal officer programme",
    ),
    "state_management_chuyen_vien_cao_cap": (
        "ngạch chuyên viên cao cấp",
        "senior officer programme",
    ),
    "it_level_co_ban": ("cơ bản", "basic"),
    "it_level_nang_cao": ("nâng cao", "advanced"),
    "it_level_trung_cap_tro_len": ("trung cấp trở lên", "IT degree (vocational or higher)"),
    "language_chung_chi": ("chứng chỉ", "certificate"),
    "language_dai_hoc": ("đại học trở lên", "university degree or higher"),
    "general_education_tieu_hoc": ("tiểu học", "primary"),
    "general_education_thcs": ("trung học cơ sở", "lower secondary"),
    "general_education_thpt": ("trung học phổ thông", "upper secondary"),
    "academic_title_pho_giao_su": ("phó giáo sư", "associate professor"),
    "academic_title_giao_su": ("giáo sư", "professor"),
    "council_level_commune": ("cấp xã", "commune"),
    "council_level_district": ("cấp huyện", "district"),
    "council_level_province": ("cấp tỉnh", "province"),
    "study_place_domestic": ("trong nước", "in Viet Nam"),
    "study_place_abroad": ("nước ngoài", "abroad"),
    "study_place_joint": ("liên kết với nước ngoài", "joint programme"),
    "study_mode_full_time": ("tập trung", "full time"),
    "study_mode_part_time": ("không tập trung", "part time"),
    # service forms (POST /v1/forms/{form}): the official forms over HTTP
    "serve_unknown_form": (
        "Không có biểu {form} (các biểu: {known})",
        "no such form: {form} (the forms: {known})",
    ),
    # errors said in the command's language (vocab._told: error_<key>): layout profiles,
    # plugins, parameters, the pseudonym key, PDF output and --budget (issue 17)
    "error_did_you_mean": ("; có phải là {word}?", "; did you mean {word}?"),
    "error_os_ENOENT": ("không có thư mục hoặc tệp này", "{reason}"),
    "error_os_EACCES": ("không có quyền truy cập", "{reason}"),
    "error_os_EPERM": ("không được phép", "{reason}"),
    "error_os_ENOSPC": ("đĩa đã đầy", "{reason}"),
    "error_os_EROFS": ("ổ đĩa chỉ đọc", "{reason}"),
    "error_os_EISDIR": ("là một thư mục", "{reason}"),
    "error_os_ENOTDIR": ("một phần của đường dẫn không phải là thư mục", "{reason}"),
    "error_os_other": ("lỗi hệ thống (mã {errno})", "{reason}"),
    "error_os_EADDRINUSE": ("địa chỉ này đang được một chương trình khác dùng", "{reason}"),
    "error_os_EADDRNOTAVAIL": ("địa chỉ này không phải của máy này", "{reason}"),
    # the settings of the HTTP service (cadre serve), refused when they are made
    "error_serve_positive": (
        "{option} phải là một số lớn hơn 0",
        "{name} must be more than 0, not {value}",
    ),
    "error_serve_port": (
        "--port phải là một số từ 0 đến 65535, không phải {value}",
        "port must be between 0 and 65535, not {value}",
    ),
    # a new plugin package (cadre new-plugin)
    "error_plugin_name": (
        "tên plugin {name} chỉ được gồm chữ cái ASCII viết thường, chữ số và dấu gạch dưới, "
        "bắt đầu bằng một chữ cái (ví dụ hagiang)",
        "plugin name {name} must be lower-case ASCII letters, digits and underscores, "
        "starting with a letter (e.g. hagiang)",
    ),
    "error_plugin_folder_taken": (
        "{root} đã có và không trống; hãy chọn tên hoặc thư mục khác (-o)",
        "{root} already exists and is not empty",
    ),
    "error_serve_extra": (
        "cadre serve cần gói bổ sung serve (chưa cài {name}): pip install 'cadre-core[serve]'",
        "cadre serve needs the serve extra ({name} is not installed): "
        "pip install 'cadre-core[serve]'",
    ),
    "error_serve_tokens_file_missing": (
        "--tokens-file {path}: không có tệp này",
        "--tokens-file {path}: no such file",
    ),
    "error_serve_tokens_file_unreadable": (
        "--tokens-file {path}: không đọc được ({reason})",
        "--tokens-file {path}: cannot be read ({reason})",
    ),
    "error_serve_tokens_file_not_utf8": (
        "--tokens-file {path}: không phải là chữ UTF-8 (mỗi dòng một mã truy cập)",
        "--tokens-file {path}: not UTF-8 text (one token a line)",
    ),
    "error_serve_tokens_file_empty": (
        "--tokens-file {path}: tệp không có mã truy cập nào (mỗi dòng một mã), dịch vụ sẽ từ "
        "chối mọi yêu cầu; hãy ghi ít nhất một mã vào tệp",
        "--tokens-file {path}: holds no token (one a line), the service would refuse every "
        "request; write at least one token in it",
    ),
    "error_serve_host_unknown": (
        "--host {host}: không phải là địa chỉ IP hay tên máy mà máy này biết",
        "--host {host}: not an IP address or a host name this machine knows",
    ),
    "error_serve_cannot_listen": (
        "không nhận kết nối được tại {host}, cổng {port}: {reason}",
        "cannot listen on {host}, port {port}: {reason}",
    ),
    "error_serve_no_token": (
        "chưa có mã truy cập (bearer token) nào: khi đó dịch vụ chỉ nhận kết nối trên địa "
        "chỉ loopback (127.0.0.1), không phải {host}; hãy ghi --tokens-file TỆP hoặc đặt "
        "biến môi trường ${env}",
        "no token is configured: the service listens only on a loopback address "
        "(127.0.0.1), not {host}; give --tokens-file FILE or ${env}",
    ),
    "error_toml_at": (" (dòng {line}, cột {column})", "line {line}, column {column}"),
    "error_layout_no_table": (
        "{target} không chỉ tới bảng nào của danh sách (viết bảng.cột){close}",
        "{target} names no roster table (table.column){close}",
    ),
    "error_layout_no_column": (
        "{target}: bảng {table} không có cột {column}{close}",
        "{target}: table {table} has no column {column}{close}",
    ),
    "error_layout_same_key": (
        "{where}, khóa {key}: trùng với {first} khi bỏ qua chữ hoa, chữ thường và dấu cách, "
        "nhưng lại ứng với {target} chứ không phải {other}",
        "{where}, key {key}: the same as {first} once case and spaces are ignored, but "
        "mapped to {target}, not {other}",
    ),
    "error_layout_not_table": (
        "{where}, khóa {key}: {table} không phải là bảng của danh sách{close}",
        "{where}, key {key}: {table} is not a roster table{close}",
    ),
    "error_layout_key": ("{where}, khóa {key}: {problem}", "{where}, key {key}: {problem}"),
    "error_layout_not_coded": (
        "{where}, khóa {key}: chỉ ánh xạ được giá trị của các cột mã ({columns})",
        "{where}, key {key}: values are mapped only in coded columns ({columns})",
    ),
    "error_layout_not_code": (
        "{where}, khóa {key}: {code} không thuộc các mã {codes}{close}",
        "{where}, key {key}: {code} is not one of {codes}{close}",
    ),
    "error_layout_not_section": (
        "{where}, khóa {key}: cần một mục ([{key}]), không phải {data}",
        "{where}, key {key}: expected a table ([{key}]), not {data}",
    ),
    "error_layout_not_text": (
        "{where}, khóa {key}: cần một đoạn chữ, không phải {data}",
        "{where}, key {key}: expected text, not {data}",
    ),
    "error_layout_unknown_key": (
        "{where}, khóa {key}: không phải khóa của hồ sơ bố cục (các khóa: {keys}){close}",
        "{where}, key {key}: not a layout key (keys: {keys}){close}",
    ),
    "error_layout_not_day": (
        "{where}, khóa list_date: cần một ngày, không phải {data}",
        "{where}, key list_date: expected a day, not {data}",
    ),
    "error_layout_bad_day": (
        "{where}, khóa list_date: {data} không phải là một ngày (ví dụ 31/12/2026 hoặc 2026-12-31)",
        "{where}, key list_date: {reason}",
    ),
    "error_layout_unreadable": (
        "{where}: không đọc được hồ sơ bố cục ({reason})",
        "{where}: the layout cannot be read ({reason})",
    ),
    "error_layout_not_utf8": (
        "{where}: không phải văn bản UTF-8 (byte thứ {byte})",
        "{where}: not UTF-8 text (byte {byte})",
    ),
    "error_layout_not_toml": (
        "{where}: không phải hồ sơ bố cục TOML hợp lệ{at}",
        "{where}: not a valid TOML layout: {reason}",
    ),
    "error_layout_clash": (
        "hồ sơ bố cục {one} và {other} ánh xạ {key} khác nhau ({first} hay {second}); hãy bỏ "
        "một trong hai, hoặc quyết định trong một tệp --layout",
        "layouts {one} and {other} disagree on {key} ({first} or {second}); remove one, or "
        "settle it in a --layout file",
    ),
    "error_plugin": ("phần bổ trợ {plugin}: {message}", "plugin {plugin}: {message}"),
    "error_plugin_hook": (
        "phần bổ trợ {plugin}, hàm móc {hook}: {message}",
        "plugin {plugin}, hook {hook}: {message}",
    ),
    "error_plugin_target": (
        "phần bổ trợ {plugin}, chỉ tiêu {target}: {message}",
        "plugin {plugin}, target {target}: {message}",
    ),
    "error_plugin_hook_target": (
        "phần bổ trợ {plugin}, hàm móc {hook}, chỉ tiêu {target}: {message}",
        "plugin {plugin}, hook {hook}, target {target}: {message}",
    ),
    "error_plugin_not_installed": (
        "chưa được cài đặt (đã cài: {installed})",
        "is not installed (installed: {installed})",
    ),
    "error_plugin_not_loaded_in_worker": (
        "không nạp được trong tiến trình làm việc ({why}): phần bổ trợ phải nhập được ở đó",
        "cannot be loaded in a worker process ({why}): it must be importable there",
    ),
    "error_plugin_not_shippable": (
        "không gửi được sang tiến trình làm việc ({why}): hãy cài phần bổ trợ thành gói "
        "(điểm vào 'cadre'), đặt nó trong một mô-đun nhập được theo tên, hoặc chạy trong "
        "một tiến trình (workers=1)",
        "cannot be sent to a worker process ({why}): install it as a package (a 'cadre' "
        "entry point), put it in a module that can be imported by name, or run in one "
        "process (workers=1)",
    ),
    "error_plugin_raised": ("mã của phần bổ trợ gặp lỗi {detail}", "{detail}"),
    "error_plugin_population_raised": (
        "hàm chọn đối tượng của chỉ tiêu gặp lỗi {detail}",
        "its population raised {detail}",
    ),
    "error_plugin_criterion_raised": (
        "hàm tiêu chí của chỉ tiêu gặp lỗi {detail}",
        "its criterion raised {detail}",
    ),
    "error_plugin_explainer_raised": (
        "hàm giải thích của chỉ tiêu gặp lỗi {detail}",
        "its explainer raised {detail}",
    ),
    "error_plugin_one_item": (
        "trả về một {cls}, không phải danh sách {cls}: hãy trả về [giá_trị]",
        "returned one {cls}, not a list of {cls}: return [value]",
    ),
    "error_plugin_not_list": (
        "trả về {type}, không phải danh sách {cls}",
        "returned {type}, not a list of {cls}",
    ),
    "error_plugin_bad_item": (
        "phần tử thứ {i} của kết quả trả về là {type}, không phải {cls}",
        "item {i} of what it returned is {type}, not {cls}",
    ),
    "error_plugin_not_mapping": (
        "trả về {type}, không phải bảng ánh xạ chữ sang chữ",
        "returned {type}, not a mapping of text to text",
    ),
    "error_origin_file": ("tệp {name}", "file {name}"),
    "error_origin_plugin": ("phần bổ trợ {name}", "plugin {name}"),
    "error_origin_argument": ("tham số dòng lệnh", "argument"),
    "error_param_unknown": (
        "không có thông số {name} ({origin})",
        "unknown parameter {name} ({origin})",
    ),
    "error_param_bad": (
        "thông số {name} ({origin}): {reason}",
        "parameter {name} ({origin}): {reason}",
    ),
    "error_param_twice": (
        "thông số {name} được ghi hai lần (dạng phẳng và dạng lồng nhau)",
        "parameter {name} is given twice (flat and nested)",
    ),
    "error_params_no_file": (
        "{path}: không có tệp thông số này",
        "{path}: no such parameters file",
    ),
    "error_params_folder": (
        "{path}: là một thư mục, không phải tệp thông số",
        "{path}: is a folder, not a parameters file",
    ),
    "error_params_not_utf8": (
        "{path}: không phải tệp văn bản UTF-8",
        "{path}: not a UTF-8 text file: {reason}",
    ),
    "error_params_not_toml": (
        "{path}: không phải tệp TOML hợp lệ{at}",
        "{path}: not a valid TOML file: {reason}",
    ),
    "error_params_unreadable": (
        "{path}: không đọc được tệp thông số: {reason}",
        "{path}: cannot read the parameters file: {reason}",
    ),
    "error_params_in_file": ("{path}: {reason}", "{path}: {reason}"),
    "error_value_boolean": (
        "{value} là giá trị đúng/sai, không phải số nguyên",
        "{value} is a boolean, not a whole number",
    ),
    "error_value_not_whole": ("{value} không phải là số nguyên", "{value} is not a whole number"),
    "error_value_not_finite": (
        "{value} không phải là số hữu hạn",
        "{value} is not a finite number",
    ),
    "error_value_not_fraction": (
        "{value} không phải là tỷ lệ (viết 3/4, 75% hoặc 0.75)",
        "{value} is not a fraction (write 3/4, 75% or 0.75)",
    ),
    "error_value_not_text": ("{value} không phải là chữ", "{value} is not a text"),
    "error_value_not_table": ("{value} không phải là một mục", "{value} is not a table"),
    "error_value_not_date": ("{value} không phải là ngày", "{value} is not a date"),
    "error_value_below": (
        "{value} nhỏ hơn giá trị nhỏ nhất được phép {lo}",
        "{value} is below the least allowed value {lo}",
    ),
    "error_value_above": (
        "{value} lớn hơn giá trị lớn nhất được phép {hi}",
        "{value} is above the largest allowed value {hi}",
    ),
    "error_key_unreadable": (
        "không đọc được tệp khóa {path}: {reason}",
        "cannot read the key file {path}: {reason}",
    ),
    "error_key_too_short": (
        "bí danh cần một khóa bí mật dài ít nhất 16 byte ({env} hoặc một tệp khóa)",
        "pseudonyms need a secret key of at least 16 bytes ({env} or a key file)",
    ),
    "error_pdf_no_package": (
        "Xuất PDF cần gói Python weasyprint (pip install weasyprint) nhưng không nạp được gói "
        "này; hãy cài đặt, hoặc chọn --format html rồi in từ trình duyệt",
        "PDF output needs the Python package weasyprint (pip install weasyprint); it could "
        "not be imported: {reason}",
    ),
    "error_pdf_no_pango": (
        "Xuất PDF cần các thư viện dàn chữ Pango nhưng không nạp được; hãy cài đặt "
        "(Debian/Ubuntu: apt-get install {packages}; hệ điều hành khác: xem hướng dẫn cài "
        "đặt của WeasyPrint) hoặc chọn --format html rồi in từ trình duyệt",
        "PDF output needs the Pango text layout libraries, which could not be loaded "
        "({reason}); install them (Debian/Ubuntu: apt-get install {packages}; other "
        "systems: see WeasyPrint's installation notes) or choose --format html and print "
        "it from a browser",
    ),
    "error_budget": (
        "--budget {value}: {why}; hãy ghi một số tiền nguyên tính bằng đồng (từ 0 trở lên) "
        "hoặc NĂM=SỐ_TIỀN,NĂM=SỐ_TIỀN",
        "--budget {value}: {why}; give a whole amount in VND (0 or more) or "
        "YEAR=AMOUNT,YEAR=AMOUNT",
    ),
    "error_budget_amount": ("số tiền", "amount"),
    "error_budget_year": ("năm", "year"),
    "error_budget_amount_for": ("số tiền của năm {year}", "amount for {year}"),
    "error_budget_not_pair": (
        "{part} không có dạng NĂM=SỐ_TIỀN",
        "{part} is not YEAR=AMOUNT",
    ),
    "error_budget_year_twice": ("năm {year} được ghi hai lần", "the year {year} is given twice"),
    "error_amount_bad": ("{what}: {reason}", "{what}: {reason}"),
    "error_amount_negative": ("{what}: {number} là số âm", "{what}: {number} is negative"),
    "error_amount_too_small": ("{what}: {number} quá nhỏ", "{what}: {number} is too small"),
    # --- the audit section of a report
    "audit_tool": ("Công cụ", "Tool"),
    "audit_plugin": ("Plugin {name}", "Plugin {name}"),
    "audit_input": ("Tệp đầu vào", "Input file"),
    "audit_generated": ("Thời điểm lập (UTC)", "Generated (UTC)"),
    "audit_col_item": ("Mục", "Item"),
    "plugin_builtin": ("có sẵn, quy định quốc gia", "built in, national"),
    "audit_verify_note": (
        "Kiểm tra lại báo cáo: cadre verify BÁO_CÁO DANH_SÁCH",
        "Check this report again with: cadre verify REPORT ROSTER",
    ),
    # the planner at national scale: parallel, Dask, province budget
    "cli_count": (
        "{option} {value}: hãy ghi một số nguyên từ 1 trở lên",
        "{option} {value}: give a whole number, 1 or more",
    ),
    "cli_plan_province_budget": (
        "--province-budget {value}: {why}; hãy ghi một số tiền nguyên tính bằng đồng cho mỗi "
        "năm của cả tỉnh (từ 0 trở lên)",
        "--province-budget {value}: {why}; give a whole amount in VND a year for the whole "
        "province (0 or more)",
    ),
    "cli_plan_engine": (
        "--engine {value}: hãy chọn local (máy này) hoặc dask (một cụm Dask)",
        "--engine {value}: choose local (this machine) or dask (a Dask cluster)",
    ),
    "cli_plan_scheduler_local": (
        "--scheduler chỉ dùng được với --engine dask",
        "--scheduler works only with --engine dask",
    ),
    "cli_plan_scheduler": (
        "--scheduler {value}: không kết nối được tới bộ điều phối Dask ở địa chỉ này; hãy ghi "
        "địa chỉ của một cụm đang chạy, dạng tcp://MÁY:CỔNG",
        "--scheduler {value}: cannot reach a Dask scheduler at this address; give the address "
        "of a running cluster, as tcp://HOST:PORT",
    ),
    "cli_plan_dask_missing": (
        "--engine dask cần gói tùy chọn dask: pip install 'cadre-core[dask]'",
        "--engine dask needs the optional dask extra: pip install 'cadre-core[dask]'",
    ),
    "plan_province_budget": ("Ngân sách chung của tỉnh", "Province-wide budget"),
    "plan_pb_budget": ("Ngân sách mỗi năm", "Budget a year"),
    "plan_pb_spend": ("Chi nhiều nhất trong một năm", "Largest yearly spend"),
    "plan_pb_fits": ("Trong ngân sách mọi năm", "Within the budget every year"),
    "plan_pb_shortfall": ("Còn thiếu (người)", "Shortfall (members)"),
    "plan_pb_bound": ("Cận dưới chứng minh được", "Proven lower bound"),
    "plan_pb_gap": ("Chênh lệch so với tối ưu", "Gap to the optimum"),
    "plan_pb_price": (
        "Một người còn thiếu được tính bằng (đồng)",
        "A missing member is worth (VND)",
    ),
    "plan_pb_iterations": ("Số lần lập kế hoạch toàn tỉnh", "Province plans solved"),
    "plan_pb_method": ("Cách đáp ứng ngân sách", "How the budget is met"),
    "plan_pb_method_price": ("Một mức giá trên chi phí", "A price on cost"),
    "plan_pb_method_shares": (
        "Chia ngân sách cho các xã theo nhu cầu",
        "Shares of the budget by commune, by need",
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
    if code is None or (isinstance(code, float) and math.isnan(code)):
        return True
    # pandas' NA exists only once pandas is imported; the command line's help and messages
    # read this table without importing it
    pandas = sys.modules.get("pandas")
    return pandas is not None and code is pandas.NA


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


def fmt_decimal(value: Decimal, lang: str = "vi") -> str:
    """An exact number as plain decimal text, with a decimal comma in Vietnamese.

    >>> fmt_decimal(Decimal("38.5"), "vi"), fmt_decimal(Decimal("38.5"), "en")
    ('38,5', '38.5')
    """
    out = format(value, "f")
    return out.replace(".", ",") if lang == "vi" else out


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
