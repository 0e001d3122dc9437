# The bench's writers' lines (issue 30): the same rows as another writer saves them. Reads SRC (the bench's
# exceljs-written workbook, shared strings) and writes DEST with openpyxl, in its normal mode or its
# write-only mode (MODE: normal | write-only), or (MODE: inline-utf8) as write-only with its character
# references then written as the characters (inline strings in UTF-8, as other scripts write them).
# Python with openpyxl (Debian: python3-openpyxl).
import re
import sys
import zipfile

import openpyxl

src, dest, mode = sys.argv[1], sys.argv[2], sys.argv[3]
rows = openpyxl.load_workbook(src, read_only=True).worksheets[0].iter_rows(values_only=True)
if mode in ("write-only", "inline-utf8"):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("学校数据")
else:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "学校数据"
for row in rows:
    sheet.append(list(row))
book.save(dest)
if mode == "inline-utf8":
    with zipfile.ZipFile(dest) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name.startswith("xl/worksheets/"):
                data = re.sub(rb"&#(\d+);", lambda m: chr(int(m.group(1))).encode("utf8"), data)
            z.writestr(name, data)
