#!/usr/bin/env python3
"""Writes N rows of a device ledger (別紙２) as Excel for Windows saves a CSV:
CP932, CRLF, quotes only where a field needs them. Used by
device_import_bench.sh; the content is varied the way a real ledger is
(Japanese names, full-width digits, 和暦 dates, commas and line breaks in
notes) so the parser does the same work it does on a clinic's file.

usage: make_device_rows.py ROWS OUT.csv
"""
import random
import sys

HEADER = ["管理番号", "機器名", "種別", "関連システム", "設置場所", "管理者", "OS・ファームウェア",
          "バージョン", "IPアドレス", "MACアドレス", "ネットワーク区分", "インターネット接続",
          "リモート保守", "保守業者", "導入日", "サポート終了日", "状態", "最終棚卸日", "備考"]
KINDS = ["サーバ", "端末", "ネットワーク機器", "VPN・リモート保守機器", "医療機器", "プリンタ",
         "モバイル", "記録媒体", "その他", "端末PC", "ルータ"]
NAMES = ["電子カルテサーバ", "受付端末", "診察室端末①", "レセコン", "画像サーバ", "ｽｲｯﾁﾝｸﾞﾊﾌﾞ",
         "VPNルータ", "複合機", "超音波診断装置", "外付けHDD"]
SYSTEMS = ["電子カルテシステム", "医事会計システム（レセプト）", "医用画像システム", "", "オーダリングシステム"]
PLACES = ["サーバ室", "受付", "診察室１", "診察室２", "検査室", "事務室", "倉庫"]
STATES = ["稼働中", "稼働", "予備", "故障", "廃棄"]
VENDORS = ["株式会社メディカルシステム", "ABC医療機器株式会社", "", "㈱ネットワーク保守"]
YES_NO = ["有", "無", "○", "×", "あり", "なし"]


def field(value):
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def date(rng):
    y, m, d = rng.randint(2010, 2030), rng.randint(1, 12), rng.randint(1, 28)
    style = rng.randint(0, 3)
    if style == 0:
        return f"{y}/{m}/{d}"
    if style == 1:
        return f"{y}-{m:02d}-{d:02d}"
    if style == 2 and y >= 2020:
        return f"令和{y - 2018}年{m}月{d}日"
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in f"{y}/{m}/{d}")


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20240401)
    lines = [",".join(HEADER)]
    for i in range(1, rows + 1):
        note = rng.choice(["", "", "夜間バックアップ 2:00～3:00, 外付けHDD", "1行目\n2行目",
                           "保守契約 \"年間\" 更新"])
        row = [f"DEV-{i:06d}", rng.choice(NAMES), rng.choice(KINDS), rng.choice(SYSTEMS),
               rng.choice(PLACES), "事務長", "Windows 11", "23H2",
               f"192.168.{i // 250 % 256}.{i % 250 + 1}",
               f"00:11:22:{i >> 16 & 255:02X}:{i >> 8 & 255:02X}:{i & 255:02X}", "院内LAN",
               rng.choice(YES_NO), rng.choice(YES_NO), rng.choice(VENDORS), date(rng), "",
               rng.choice(STATES), date(rng), note]
        lines.append(",".join(field(v) for v in row))
    with open(out, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("cp932"))


if __name__ == "__main__":
    main()
