# The bench's pandas anchor (issue 30): what a statistician might script instead of balance-check —
# read the county workbook with pandas (openpyxl underneath) and compute one student-weighted CV,
# 生均教学及辅助用房面积 over the schools with primary pupils. Prints the CV.
import sys

import pandas as pd

df = pd.read_excel(sys.argv[1], header=1)
df = df[df["小学在校生数"] > 0]
w = df["小学在校生数"]
x = df["教学及辅助用房面积"] / w
mean = (w * x).sum() / w.sum()
sd = (((x - mean) ** 2) * w).sum() / w.sum()
print(round(sd**0.5 / mean, 4))
