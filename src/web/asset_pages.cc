#include "web/asset_pages.h"

#include <map>

#include "app/password.h"
#include "web/embedded_assets.h"

namespace medbcp::web {
namespace {

struct AssetIndex {
  std::map<std::string, const core::EmbeddedFile*, std::less<>> files;
  std::map<std::string, std::string, std::less<>> hashes;
};

const AssetIndex& index() {
  static const AssetIndex idx = [] {
    AssetIndex i;
    for (const auto& f : embedded_assets()) {
      i.files[std::string(f.path)] = &f;
      i.hashes[std::string(f.path)] = app::sha256_hex(f.bytes).substr(0, 12);
    }
    return i;
  }();
  return idx;
}

const char* content_type(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".png")) return "image/png";
  if (name.ends_with(".ico")) return "image/x-icon";
  if (name.ends_with(".woff2")) return "font/woff2";
  if (name.ends_with(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

void serve(RequestContext& ctx, std::string_view name) {
  const core::EmbeddedFile* file = find_asset(name);
  if (file == nullptr) {
    ctx.response.status = 404;
    ctx.response.set_content("Not Found", "text/plain; charset=utf-8");
    return;
  }
  std::string etag = std::string("\"").append(asset_hash(name)).append("\"");
  ctx.response.headers.erase("Cache-Control");
  // Versioned URLs never change content; others must be revalidated.
  ctx.response.set_header("Cache-Control", ctx.param("v") == asset_hash(name)
                                               ? "public, max-age=31536000, immutable"
                                               : "no-cache");
  ctx.response.set_header("ETag", etag);
  if (ctx.request.get_header_value("If-None-Match") == etag) {
    ctx.response.status = 304;
    return;
  }
  ctx.response.status = 200;
  ctx.response.set_content(std::string(file->bytes), content_type(name));
}

}  // namespace

const core::EmbeddedFile* find_asset(std::string_view name) {
  auto it = index().files.find(name);
  return it == index().files.end() ? nullptr : it->second;
}

std::string asset_hash(std::string_view name) {
  auto it = index().hashes.find(name);
  return it == index().hashes.end() ? std::string() : it->second;
}

void register_asset_routes(Router& router) {
  router.asset_get(R"(/assets/([A-Za-z0-9_.-]+))",
                   [](RequestContext& ctx) { serve(ctx, ctx.match(1)); });
  router.asset_get("/favicon.ico", [](RequestContext& ctx) { serve(ctx, "icon.svg"); });
}

}  // namespace medbcp::web
