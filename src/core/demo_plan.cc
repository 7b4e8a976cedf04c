// The demo clinic. Everything here is invented; numbers use the 000 exchange
// (054-000-…, 0120-000-…, 03-0000-…, 090-0000-…), which is not assigned, and
// e-mail addresses use the reserved .example domain.
#include "core/demo_plan.h"

#include <cstdio>

namespace medbcp::core {
namespace {

// Systems (総則 ３ 対象範囲).
constexpr SystemId kKarte{1};
constexpr SystemId kBilling{2};
constexpr SystemId kImaging{3};
constexpr SystemId kLab{4};
constexpr SystemId kOrdering{5};
constexpr SystemId kBooking{6};

// External contacts (別紙１).
constexpr ExternalContactId kKarteVendor{1};
constexpr ExternalContactId kBillingVendor{2};
constexpr ExternalContactId kImagingVendor{3};
constexpr ExternalContactId kLabVendor{4};
constexpr ExternalContactId kBookingVendor{5};

// Internal contacts (別紙１ 院内).
constexpr InternalContactId kOfficeManager{1};
constexpr InternalContactId kHeadNurse{3};
constexpr InternalContactId kReceptionLead{6};

std::optional<Date> date(int y, int m, int d) { return Date{y, m, d}; }

InScopeSystem system(SystemId id, const char* name, const char* description,
                     ExternalContactId vendor, bool from_template) {
  return InScopeSystem{id, name, description, vendor, from_template};
}

ThreatScenario threat(std::int64_t id, ThreatKind kind, const char* description) {
  return ThreatScenario{ThreatId{id}, kind, label(kind), description};
}

InternalContact staff(std::int64_t id, const char* name, const char* role, const char* department,
                      const char* phone_day, const char* phone_night, const char* email,
                      std::optional<InternalContactId> reports_to) {
  return InternalContact{InternalContactId{id}, name,  role,      department, phone_day,
                         phone_night,           email, reports_to};
}

struct ExternalSpec {
  std::int64_t id;
  ExternalCategory category;
  const char* organization;
  const char* person;
  const char* phone;
  const char* phone_after_hours;
  const char* hours;
  const char* email;
  const char* what_to_tell;
  bool notify_on_incident;
};

ExternalContact external(const ExternalSpec& s) {
  ExternalContact c;
  c.id = ExternalContactId{s.id};
  c.category = s.category;
  c.organization = s.organization;
  c.person = s.person;
  c.phone = s.phone;
  c.phone_after_hours = s.phone_after_hours;
  c.hours = s.hours;
  c.email = s.email;
  c.what_to_tell = s.what_to_tell;
  c.notify_on_incident = s.notify_on_incident;
  c.last_verified = date(2025, 3, 31);
  return c;
}

// One row of 別紙２. Fields common to most devices get defaults below.
struct DeviceSpec {
  std::int64_t id;
  const char* asset_number;
  const char* name;
  DeviceKind kind;
  const char* system;
  const char* location;
  const char* os;
  const char* os_version;
  const char* ip_address;
  const char* network_zone;
  const char* vendor;
  std::optional<Date> introduced;
  std::optional<Date> support_end;
  DeviceStatus status = DeviceStatus::Active;
  bool internet_facing = false;
  bool remote_maintenance = false;
  const char* note = "";
};

Device device(const DeviceSpec& s) {
  Device d;
  d.id = DeviceId{s.id};
  d.asset_number = s.asset_number;
  d.name = s.name;
  d.kind = s.kind;
  d.system = s.system;
  d.location = s.location;
  d.manager = "鈴木 一郎（IT担当）";
  d.os = s.os;
  d.os_version = s.os_version;
  d.ip_address = s.ip_address;
  // Locally administered MAC addresses (02:…), derived from the id, so none is real.
  char mac[18];
  std::snprintf(mac, sizeof mac, "02:00:5e:00:00:%02x", static_cast<unsigned>(s.id & 0xff));
  d.mac_address = *s.ip_address ? mac : "";
  d.network_zone = s.network_zone;
  d.internet_facing = s.internet_facing;
  d.remote_maintenance = s.remote_maintenance;
  d.vendor = s.vendor;
  d.introduced = s.introduced;
  d.support_end = s.support_end;
  d.status = s.status;
  d.last_stocktake = date(2025, 3, 28);
  d.note = s.note;
  return d;
}

FallbackOperation fallback(std::int64_t id, const char* business, SystemId system,
                           const char* means, const char* materials, const char* back) {
  return FallbackOperation{FallbackId{id}, business, system, "", means, materials, back};
}

BackupPlan backup(std::int64_t id, SystemId system, int frequency_days, const char* method,
                  const char* restore_method, const char* media, bool offline, int generations) {
  return BackupPlan{BackupPlanId{id}, system, "",      frequency_days, method,
                    restore_method,   media,  offline, generations};
}

}  // namespace

Plan demo_plan() {
  Plan p;

  p.facility.name = "さくら内科クリニック";
  p.facility.address = "〒420-0000 静岡県静岡市葵区桜町一丁目2番3号";
  p.facility.phone = "054-000-1000";
  p.facility.document_department = "事務部門";
  p.facility.effective_date = date(2024, 4, 1);  // 令和６年４月１日
  p.facility.edition = 1;                        // its first 版 is the first medbcp publishes
  p.facility.last_reviewed = date(2025, 3, 31);

  p.officer = SecurityOfficer{"桜井 健一", "院長", "054-000-1001", "090-0000-1001",
                              "sakurai@sakura-naika.example"};

  p.systems = {
      system(kKarte, "電子カルテシステム", "富岳カルテ Clinic Pro（院内サーバ型）", kKarteVendor,
             true),
      system(kBilling, "医事会計システム（レセプト）", "駿河レセプト21（オンライン請求）",
             kBillingVendor, true),
      system(kImaging, "医用画像システム", "あおいPACS mini（X線・心電図の保存と閲覧）",
             kImagingVendor, true),
      system(kLab, "各種部門システム（検査、処方など）",
             "検体検査結果受信システム（外注検査会社とのオンライン連携）", kLabVendor, true),
      system(kOrdering, "オーダリングシステム", "電子カルテ付属の処方・検査オーダ機能",
             kKarteVendor, true),
      system(kBooking, "Web予約・問診システム", "はるかぜ予約（クラウド型の予約・Web問診）",
             kBookingVendor, false),
  };

  p.threats = {
      threat(1, ThreatKind::TargetedEmail,
             "取引先や学会を装ったメールの添付ファイル・リンクから感染するもの。"),
      threat(2, ThreatKind::UnauthorizedAccess,
             "VPN装置やリモート保守回線、推測されやすいパスワードを悪用した侵入。"),
      threat(3, ThreatKind::Malware,
             "電子カルテサーバやバックアップ用NASのデータが暗号化され、診療が止まるもの。"),
      threat(4, ThreatKind::Precursor,
             "端末の動作が極端に遅い、見覚えのないファイルや画面表示、不審な通信の警告など。"),
  };

  p.internal_contacts = {
      staff(1, "山田 花子", "事務長", "事務", "054-000-1002", "090-0000-1002",
            "yamada@sakura-naika.example", std::nullopt),
      staff(2, "鈴木 一郎", "IT担当", "事務", "054-000-1003", "090-0000-1003",
            "suzuki@sakura-naika.example", kOfficeManager),
      staff(3, "佐藤 美咲", "看護師長", "看護", "054-000-1004", "090-0000-1004",
            "sato@sakura-naika.example", std::nullopt),
      staff(4, "高橋 由美", "看護師", "看護", "054-000-1004", "090-0000-1005", "", kHeadNurse),
      staff(5, "伊藤 誠", "診療放射線技師", "放射線", "054-000-1006", "090-0000-1006",
            "ito@sakura-naika.example", std::nullopt),
      staff(6, "渡辺 愛", "受付リーダー", "受付", "054-000-1000", "090-0000-1007",
            "watanabe@sakura-naika.example", kOfficeManager),
      staff(7, "中村 さくら", "受付", "受付", "054-000-1000", "090-0000-1008", "", kReceptionLead),
      staff(8, "小林 健太", "臨床検査技師", "検査", "054-000-1009", "090-0000-1009",
            "kobayashi@sakura-naika.example", kHeadNurse),
  };

  p.external_contacts = {
      external({1, ExternalCategory::SystemVendor, "富岳メディカルシステム株式会社 静岡支店",
                "保守窓口 青木", "0120-000-101", "0120-000-102",
                "平日 9:00〜18:00（夜間・休日は緊急窓口）", "support@fugaku-medical.example",
                "電子カルテ・オーダリングの停止状況、表示されたメッセージ、切り離した端末", true}),
      external({2, ExternalCategory::SystemVendor, "駿河医事システム株式会社", "サポートセンター",
                "0120-000-201", "0120-000-202", "平日 9:00〜17:30", "help@suruga-iji.example",
                "医事会計端末の状況、直近のレセプト送信日", true}),
      external({3, ExternalCategory::SystemVendor, "株式会社あおい画像ソリューション",
                "技術部 望月", "054-000-3001", "090-0000-3002", "平日 8:30〜17:30",
                "service@aoi-imaging.example", "画像サーバと撮影装置ワークステーションの状況",
                true}),
      external({4, ExternalCategory::SystemVendor, "東海ラボシステム株式会社", "システム課",
                "054-000-4001", "054-000-4002", "月〜土 8:00〜19:00", "lab@tokai-labsys.example",
                "検査結果受信の停止。紙の依頼書とFAX報告への切り替え", true}),
      external({5, ExternalCategory::SystemVendor, "株式会社はるかぜWeb予約", "カスタマーサポート",
                "0120-000-501", "0120-000-502", "毎日 9:00〜21:00",
                "support@harukaze-yoyaku.example",
                "予約システムのアカウント停止とパスワード変更の依頼", true}),
      external({6, ExternalCategory::Maintenance, "株式会社駿府ネットワークサービス",
                "保守担当 杉山", "054-000-6001", "090-0000-6002", "24時間（緊急時）",
                "noc@sunpu-net.example", "UTM・VPN装置のログ保全と通信遮断の依頼", true}),
      external({7, ExternalCategory::Police, "静岡県警察本部 サイバー犯罪相談窓口", "",
                "054-000-0110", "054-000-0111", "平日 8:30〜17:15（夜間は当直）", "",
                "被害の概要、発見日時、脅迫文の有無。証拠保全の方法の相談", true}),
      external({8, ExternalCategory::Mhlw,
                "厚生労働省 医政局（医療分野のサイバーセキュリティ担当）", "", "03-0000-2001",
                "03-0000-2002", "平日 9:30〜18:15", "", "医療機関名、被害の概要、診療への影響",
                true}),
      external({9, ExternalCategory::Prefecture, "静岡県 健康福祉部 医療政策課", "", "054-000-9001",
                "054-000-9002", "平日 8:30〜17:15", "", "被害の概要、診療体制への影響", true}),
      external({10, ExternalCategory::MedicalAssociation, "一般社団法人静岡県医師会 事務局", "",
                "054-000-9101", "054-000-9102", "平日 9:00〜17:00", "",
                "被害の概要、地域の医療機関への注意喚起の要否", true}),
      external({11, ExternalCategory::Insurer, "みどり損害保険株式会社 サイバー保険事故受付", "",
                "0120-000-911", "0120-000-912", "24時間365日", "",
                "証券番号、事故の概要。調査会社・弁護士の手配の相談", true}),
      external({12, ExternalCategory::PrivacyCommission, "個人情報保護委員会（漏えい等報告）", "",
                "03-0000-9201", "03-0000-9202", "平日 9:30〜17:30", "",
                "要配慮個人情報の漏えい等のおそれ。速報は把握から概ね３〜５日以内", false}),
      external({13, ExternalCategory::Other, "静岡市保健所 保健医療課", "", "054-000-9301",
                "054-000-9302", "平日 8:30〜17:15", "", "休診・外来縮小など診療体制の変更", false}),
  };

  const DeviceStatus kActive = DeviceStatus::Active;
  p.devices = {
      device({1, "SV-001", "電子カルテサーバ", DeviceKind::Server, "電子カルテシステム", "サーバ室",
              "Windows Server", "2022 Standard", "192.168.10.10", "診療系LAN",
              "富岳メディカルシステム株式会社", date(2022, 4, 1), date(2031, 10, 14)}),
      device({2, "SV-002", "バックアップ用NAS", DeviceKind::Server, "電子カルテシステム",
              "サーバ室", "NAS専用OS", "5.1", "192.168.10.11", "診療系LAN",
              "富岳メディカルシステム株式会社", date(2022, 4, 1), date(2029, 3, 31)}),
      device({3, "SV-003", "画像サーバ（PACS）", DeviceKind::Server, "医用画像システム", "サーバ室",
              "Windows Server", "2019 Standard", "192.168.10.20", "診療系LAN",
              "株式会社あおい画像ソリューション", date(2021, 10, 1), date(2029, 1, 9)}),
      device({4, "PC-001", "受付端末1", DeviceKind::Terminal, "電子カルテシステム", "受付",
              "Windows 11 Enterprise LTSC", "2024", "192.168.10.101", "診療系LAN",
              "富岳メディカルシステム株式会社", date(2024, 10, 1), date(2029, 10, 9)}),
      device({5, "PC-002", "受付端末2", DeviceKind::Terminal, "Web予約・問診システム", "受付",
              "Windows 11 Enterprise LTSC", "2024", "192.168.20.102",
              "事務系LAN（インターネット接続）", "株式会社駿府ネットワークサービス",
              date(2024, 10, 1), date(2029, 10, 9), kActive, true}),
      device({6, "PC-003", "診察室1 端末", DeviceKind::Terminal, "電子カルテシステム", "診察室1",
              "Windows 11 Enterprise LTSC", "2024", "192.168.10.103", "診療系LAN",
              "富岳メディカルシステム株式会社", date(2024, 10, 1), date(2029, 10, 9)}),
      device({7, "PC-004", "診察室2 端末", DeviceKind::Terminal, "電子カルテシステム", "診察室2",
              "Windows 11 Enterprise LTSC", "2024", "192.168.10.104", "診療系LAN",
              "富岳メディカルシステム株式会社", date(2024, 10, 1), date(2029, 10, 9)}),
      device({8, "PC-005", "医事会計端末", DeviceKind::Terminal, "医事会計システム（レセプト）",
              "事務室", "Windows 11 Enterprise LTSC", "2024", "192.168.10.105", "診療系LAN",
              "駿河医事システム株式会社", date(2024, 10, 1), date(2029, 10, 9), kActive, false,
              false, "オンライン請求回線（IP-VPN）に接続"}),
      device({9, "PC-006", "処置室端末", DeviceKind::Terminal, "オーダリングシステム", "処置室",
              "Windows 11 Enterprise LTSC", "2024", "192.168.10.106", "診療系LAN",
              "富岳メディカルシステム株式会社", date(2024, 10, 1), date(2029, 10, 9)}),
      device({10, "PC-007", "予備端末", DeviceKind::Terminal, "電子カルテシステム", "事務室 書庫",
              "Windows 11 Enterprise LTSC", "2024", "", "未接続（保管中）",
              "富岳メディカルシステム株式会社", date(2024, 10, 1), date(2029, 10, 9),
              DeviceStatus::Spare, false, false, "感染端末の置き換え用。月1回電源を入れて更新"}),
      device({11, "PC-008", "旧受付端末", DeviceKind::Terminal, "電子カルテシステム", "（廃棄済）",
              "Windows 8.1 Pro", "8.1", "", "", "富岳メディカルシステム株式会社", date(2016, 4, 1),
              date(2023, 1, 10), DeviceStatus::Retired, false, false,
              "サポート終了のため2024年3月に廃棄。データ消去証明書を保管"}),
      device({12, "NW-001", "インターネット回線ルータ", DeviceKind::Network, "院内ネットワーク",
              "サーバ室", "ルータファームウェア", "3.2.1", "192.168.20.1",
              "事務系LAN（インターネット接続）", "株式会社駿府ネットワークサービス",
              date(2023, 4, 1), date(2030, 3, 31), kActive, true}),
      device({13, "NW-002", "UTM（ファイアウォール）", DeviceKind::Network, "院内ネットワーク",
              "サーバ室", "UTMファームウェア", "7.4.3", "192.168.20.254",
              "境界（インターネットと院内LANの間）", "株式会社駿府ネットワークサービス",
              date(2023, 4, 1), date(2028, 3, 31), kActive, true}),
      device({14, "NW-003", "L2スイッチ（サーバ室）", DeviceKind::Network, "院内ネットワーク",
              "サーバ室", "スイッチファームウェア", "2.0", "192.168.10.2", "診療系LAN",
              "株式会社駿府ネットワークサービス", date(2023, 4, 1), date(2030, 3, 31)}),
      device({15, "NW-004", "無線LANアクセスポイント（職員用）", DeviceKind::Network,
              "院内ネットワーク", "事務室 天井", "APファームウェア", "1.8", "192.168.20.3",
              "事務系LAN（インターネット接続）", "株式会社駿府ネットワークサービス",
              date(2023, 4, 1), date(2030, 3, 31), kActive, true, false,
              "診療系LANには接続しない"}),
      device({16, "VPN-001", "リモート保守用VPN装置", DeviceKind::VpnRemote, "電子カルテシステム",
              "サーバ室", "VPN装置ファームウェア", "6.4.15", "192.168.10.250",
              "診療系LAN（保守回線）", "富岳メディカルシステム株式会社", date(2022, 4, 1),
              date(2028, 3, 31), kActive, true, true,
              "接続元を保守拠点に制限。保守作業のときだけ有効化し、作業記録を受け取る"}),
      device({17, "MD-001", "X線撮影装置 画像処理ワークステーション", DeviceKind::Medical,
              "医用画像システム", "X線撮影室", "Windows 7 Professional", "SP1", "192.168.10.30",
              "診療系LAN（画像）", "株式会社あおい画像ソリューション", date(2015, 4, 1),
              date(2020, 1, 14), kActive, false, false,
              "OSサポート終了。装置メーカー指定のため更新不可。インターネット接続なし、USB媒体使用"
              "禁止、"
              "令和８年度に装置ごと更新予定"}),
      device({18, "MD-002", "心電計", DeviceKind::Medical, "医用画像システム", "処置室", "組込みOS",
              "4.0", "192.168.10.31", "診療系LAN（画像）", "株式会社あおい画像ソリューション",
              date(2020, 4, 1), date(2030, 3, 31)}),
      device({19, "PR-001", "複合機（コピー・FAX）", DeviceKind::Printer, "院内ネットワーク",
              "事務室", "複合機ファームウェア", "2.5", "192.168.20.50",
              "事務系LAN（インターネット接続）", "株式会社駿府ネットワークサービス",
              date(2022, 4, 1), date(2029, 3, 31), kActive, false, false,
              "紙運用時の伝票・様式の印刷とFAX送受信に使う"}),
      device({20, "PR-002", "レセプトプリンタ", DeviceKind::Printer, "医事会計システム（レセプト）",
              "事務室", "プリンタファームウェア", "1.2", "192.168.10.51", "診療系LAN",
              "駿河医事システム株式会社", date(2019, 4, 1), date(2027, 3, 31), DeviceStatus::Broken,
              false, false, "給紙不良で修理依頼中。代わりに複合機で印刷"}),
      device({21, "MB-001", "Web問診用タブレット", DeviceKind::Mobile, "Web予約・問診システム",
              "待合室", "iPadOS", "18", "192.168.20.60", "事務系LAN（インターネット接続）",
              "株式会社はるかぜWeb予約", date(2024, 4, 1), date(2029, 3, 31), kActive, true}),
      device({22, "BK-001", "バックアップ用外付けHDD（A）", DeviceKind::Media, "電子カルテシステム",
              "事務室 耐火金庫", "", "", "", "未接続（バックアップ時のみ接続）",
              "富岳メディカルシステム株式会社", date(2024, 4, 1), std::nullopt, kActive, false,
              false, "Bと週ごとに交互に使用"}),
      device({23, "BK-002", "バックアップ用外付けHDD（B）", DeviceKind::Media, "電子カルテシステム",
              "事務室 耐火金庫", "", "", "", "未接続（バックアップ時のみ接続）",
              "富岳メディカルシステム株式会社", date(2024, 4, 1), std::nullopt, kActive, false,
              false, "Aと週ごとに交互に使用"}),
      device({24, "OT-001", "無停電電源装置（UPS）", DeviceKind::Other, "電子カルテシステム",
              "サーバ室", "", "", "", "", "富岳メディカルシステム株式会社", date(2022, 4, 1),
              date(2027, 3, 31), kActive, false, false, "バッテリー交換 令和９年３月予定"}),
  };

  p.fallbacks = {
      fallback(1, "診療録等", kKarte, "紙運用（紙カルテ）",
               "紙カルテ様式、週次で印刷している患者基本情報・処方歴の控え",
               "復旧後、紙カルテの内容を電子カルテへ入力し、紙の原本はスキャンして保存する"),
      fallback(2, "処方・検査", kOrdering, "紙運用（カーボンコピー）",
               "複写式の院外処方箋・検査依頼伝票",
               "復旧後、紙で出したオーダを電子カルテへ後入力する"),
      fallback(3, "放射線画像診断", kImaging, "撮影機器ワークステーションにて画像閲覧",
               "なし（撮影装置側に画像が残る）",
               "画像サーバ復旧後、ワークステーションから未送信画像を再送する"),
      fallback(4, "会計", kBilling, "未収扱い（概算の預り金）とし、復旧後に精算する",
               "会計伝票、預り金領収書、未収患者一覧（紙）",
               "復旧後、会計伝票から入力して精算し、差額を返金または請求する"),
      fallback(5, "検体検査", kLab, "外注検査会社へ紙の依頼書で提出し、結果はFAXで受け取る",
               "検査依頼書（紙）、FAX受信用紙",
               "復旧後、FAXで受けた結果を電子カルテに取り込むか入力する"),
      fallback(6, "予約・問診", kBooking, "電話予約と紙の予約台帳、紙の問診票",
               "紙の予約台帳、毎朝出力している予約一覧、問診票",
               "復旧後、紙の予約台帳の内容を予約システムへ入力する"),
  };

  p.backups = {
      backup(1, kKarte, 1, "バックアップ用NASにデータベースのバックアップを毎晩自動で作成する",
             "データベースを再構築した後に、バックアップ用NASのデータを復元する", "NAS", false, 14),
      backup(2, kKarte, 7,
             "外付けHDD（2台を週ごとに交互使用）にデータベースとシステムファイルのバックアップを"
             "作成し、作成後は取り外して耐火金庫に保管する",
             "システムのOSを再構築した後に、外付けHDDのシステムファイルとデータベースのデータを復元"
             "する",
             "外付けHDD", true, 2),
      backup(3, kBilling, 1, "医事会計端末からバックアップ用NASへ会計・レセプトデータを保存する",
             "医事会計システムを再インストールした後に、NASのデータを復元する", "NAS", false, 7),
      backup(4, kBilling, 30,
             "月次請求の後に外付けHDDへ会計・レセプトデータを保存し、取り外して保管する",
             "医事会計システムを再インストールした後に、外付けHDDのデータを復元する", "外付けHDD",
             true, 12),
      backup(5, kImaging, 1, "画像サーバのデータをバックアップ用NASへ差分で複製する",
             "画像サーバを再構築した後に、NASから画像データを復元する", "NAS", false, 7),
      backup(6, kLab, 7, "検査結果データを書き出し、外付けHDDへ保存して取り外す",
             "検査結果受信システムを再設定した後に、外付けHDDのデータを取り込む", "外付けHDD", true,
             4),
      backup(7, kOrdering, 1,
             "電子カルテのデータベースに含まれ、電子カルテのバックアップと同時に作成される",
             "電子カルテの復元に含まれる（オーダ履歴の整合を事業者と確認する）", "NAS", false, 14),
      backup(8, kBooking, 1,
             "事業者のクラウドで毎日バックアップされる（契約で確認済み）。院内でも予約一覧を毎朝CSV"
             "で出力する",
             "事業者に復元を依頼する。それまでは出力済みの予約一覧で受付する", "クラウド・CSV",
             false, 30),
  };

  return p;
}

Plan demo_plan(const Date& today) {
  Plan p = demo_plan();
  const Date confirmed = today.plus_days(-62);
  for (auto& c : p.external_contacts) c.last_verified = confirmed;
  for (auto& d : p.devices) d.last_stocktake = today.plus_days(-95);
  p.facility.last_reviewed = confirmed;
  return p;
}

}  // namespace medbcp::core
