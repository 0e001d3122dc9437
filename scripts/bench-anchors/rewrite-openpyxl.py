# The bench's writers' lines (issue 30): the same rows as another writer saves them. Reads SRC (the bench's
# exceljs-written workbook, shared strings) and writes DEST with openpyxl, in its normal mode or its
# write-only mode (MODE: normal | write-only). Python with openpyxl (Debian: python3-openpyxl).
import sys

import openpyxl

src, dest, mode = sys.argv[1], sys.argv[2], sys.argv[3]
rows = openpyxl.load_workbook(src, read_only=True).worksheets[0].iter_rows(values_only=True)
if mode == "write-only":
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("学校数据")
else:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "学校数据"
for row in rows:
    sheet.append(list(row))
book.save(dest)
