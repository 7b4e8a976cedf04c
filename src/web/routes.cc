#include "web/routes.h"

#include "web/api_routes.h"
#include "web/api_token_pages.h"
#include "web/asset_pages.h"
#include "web/association_pages.h"
#include "web/audit_pages.h"
#include "web/auth_pages.h"
#include "web/checklist_pages.h"
#include "web/dashboard_page.h"
#include "web/device_transfer_pages.h"
#include "web/drill_pages.h"
#include "web/history_pages.h"
#include "web/incident_pages.h"
#include "web/kit_pages.h"
#include "web/mail_pages.h"
#include "web/plan_page.h"
#include "web/two_factor_pages.h"
#include "web/upkeep_backup_pages.h"
#include "web/upkeep_check_pages.h"
#include "web/upkeep_stocktake_pages.h"
#include "web/user_pages.h"
#include "web/version_pages.h"

namespace medbcp::web {

void register_all_routes(Router& router) {
  register_asset_routes(router);
  register_auth_routes(router);
  register_two_factor_routes(router);
  register_dashboard_routes(router);
  register_plan_routes(router);
  register_version_routes(router);
  register_history_routes(router);
  register_user_routes(router);
  register_stocktake_routes(router);
  register_backup_routes(router);
  register_check_routes(router);
  register_checklist_routes(router);
  register_kit_routes(router);
  register_incident_routes(router);
  register_drill_routes(router);
  register_device_transfer_routes(router);
  register_audit_routes(router);
  register_association_routes(router);
  register_api_routes(router);
  register_api_token_routes(router);
  register_mail_routes(router);
  // Add new features here, one line each: register_<feature>_routes(router);
}

}  // namespace medbcp::web
