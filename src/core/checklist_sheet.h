// The checklist as the inspector reads it (立入検査): one line per item with
// はい／いいえ, 確認日, 目標日 and 備考, and the BCP確認表 with where the plan
// covers each item. Built by app/checklist_service.h, printed by
// doc/checklist_document.h (PDF and XLSX).
#pragma once

#include <string>
#include <vector>

namespace medbcp::core {

struct ChecklistSheetLine {
  std::string id;
  std::string section;
  std::string target;  // 対象
  std::string text;    // 項目
  std::string answer;  // はい / いいえ / 未回答 / 対象外
  std::string checked_on;
  std::string target_on;
  std::string note;  // 備考: the person's note, else medbcp's reason
};

struct BcpSheetLine {
  std::string id;
  std::string section;
  std::string heading;
  std::string text;
  std::string state;  // 記載あり / 記載なし / 要確認
  std::string where;  // where the plan covers it, or what is missing
};

struct ChecklistSheet {
  std::string title;
  std::string edition;
  std::string facility;
  std::string fiscal_year;  // 令和8年度
  // Set for a 事業者確認用 sheet: the vendor of 別紙１ it is sent to, who
  // fills it in by hand (the lines then carry no answers) and signs it.
  std::string vendor;
  std::vector<ChecklistSheetLine> lines;
  std::vector<BcpSheetLine> bcp;
};

}  // namespace medbcp::core
