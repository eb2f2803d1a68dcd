"""Writes a sheet of obstacles for the import benchmark, as CSV (UTF-8 with BOM) and as XLSX (inline strings).

Usage: import-sheet.py regulations.json rows out-prefix [seed]. The regulations are a page of GET /api/v1/regulations;
rows cite them by symbol, half typed without diacritics, with titles built from the phrases legal departments use.
"""
import csv
import json
import random
import sys
import zipfile
from xml.sax.saxutils import escape

regulations = [r["symbol"] for r in json.load(open(sys.argv[1]))["items"]]
rows = int(sys.argv[2])
out = sys.argv[3]
random.seed(int(sys.argv[4]) if len(sys.argv) > 4 else 20261202)

subjects = ["cấp phép viễn thông", "thủ tục đầu tư", "đăng ký doanh nghiệp", "thuế giá trị gia tăng", "đất đai", "xây dựng nhà ở",
            "phòng cháy chữa cháy", "môi trường", "hải quan", "bảo hiểm xã hội", "giao thông vận tải", "y tế dự phòng"]
problems = ["Quy định chồng chéo về", "Chưa có hướng dẫn về", "Thủ tục rườm rà trong", "Mâu thuẫn giữa các văn bản về",
            "Thời hạn không thống nhất về", "Khoảng trống pháp lý về"]
categories = ["Chồng chéo", "Thiếu hướng dẫn", "Thủ tục rườm rà", "Mâu thuẫn", "conflict", "gap", "unclear"]
severities = ["Thấp", "Trung bình", "Cao", "critical"]
proposals = ["Sửa đổi", "Bổ sung", "new_guidance", "Bãi bỏ"]
header = ["title", "description", "category", "severity", "proposal", "impact", "contact",
          "regulation_1", "provision_1", "regulation_2", "provision_2"]


def symbol(i):
    typed = random.choice(regulations)
    return typed.replace("Đ", "D").replace("đ", "d") if i % 2 else typed


def row(i):
    subject = random.choice(subjects)
    title = f"{random.choice(problems)} {subject} (đơn vị {random.randint(1, 80)}, hồ sơ {random.randint(1, 10**6)})"
    description = (f"Các quy định hiện hành về {subject} chưa thống nhất, khiến cơ quan, doanh nghiệp lúng túng khi áp dụng; "
                   f"đề nghị rà soát và sửa đổi để bảo đảm tính khả thi. Hồ sơ số {i}.")
    second = [symbol(i + 1), f"Điều {random.randint(1, 60)}"] if i % 3 == 0 else ["", ""]
    return [title, description, random.choice(categories), random.choice(severities), random.choice(proposals),
            f"Khoảng {random.randint(10, 900)} hồ sơ bị chậm mỗi tháng.", "Phòng Pháp chế, 024 3822 0000",
            symbol(i), f"Điều {random.randint(1, 60)}, khoản {random.randint(1, 5)}", *second]


data = [row(i) for i in range(rows)]
with open(f"{out}.csv", "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f).writerows([header, *data])


def cells(values, number):
    return "".join(f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                   for i, v in enumerate(values) if v)


sheet = "".join(f'<row r="{n + 1}">{cells(values, n + 1)}</row>' for n, values in enumerate([header, *data]))
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(f"{out}.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml",
               '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
               '</Types>')
    z.writestr("_rels/.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Vướng mắc" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><sheetData>{sheet}</sheetData></worksheet>')
