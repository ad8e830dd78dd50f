"""The official Solar Hijri leap years 1206–1498 AP, as data.

Source: the leap-year table of the Calendar Center of the Institute of Geophysics, University of Tehran,
"Kabise Shamsi 1206-1498" (https://calendar.ut.ac.ir/Fa/News/Data/Doc/KabiseShamsi1206-1498-new.pdf),
as transcribed to plain text in github.com/roozbehp/persiancalendar, file ``kabise.txt``
(commit 63562e04042fd9735b0aaa555719830311c6981d, 2025-03-31), which is marked CC0 1.0 Universal
(public domain dedication). Only the table's data is taken: the first day of 1206 AP and the years
marked leap (a star). tests/core/data/kabise.txt is the verbatim file the conversion is tested against.
"""

from __future__ import annotations

#: 1 Farvardin of the first year of the table, as a proleptic Gregorian (year, month, day).
FIRST_YEAR = 1206
FIRST_NOWRUZ = (1827, 3, 22)
LAST_YEAR = 1498

LEAP_YEARS = frozenset(int(y) for y in """
1210 1214 1218 1222 1226 1230 1234 1238 1243 1247 1251 1255 1259 1263 1267 1271 1276 1280 1284 1288
1292 1296 1300 1304 1309 1313 1317 1321 1325 1329 1333 1337 1342 1346 1350 1354 1358 1362 1366 1370
1375 1379 1383 1387 1391 1395 1399 1403 1408 1412 1416 1420 1424 1428 1432 1436 1441 1445 1449 1453
1457 1461 1465 1469 1474 1478 1482 1486 1490 1494 1498
""".split())
