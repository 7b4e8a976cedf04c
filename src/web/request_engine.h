// httplib as the server's request engine without its sockets: the front
// door (web/front_door.h) owns the connections and hands over each request
// whole; the engine parses it, routes it to a page and writes the response
// into memory. httplib's own loop would hold a thread for every open
// connection, which is what let a few idle clients take the server down.
#pragma once

#include <httplib.h>

#include <string>

#include "web/front_door.h"

namespace medbcp::web {

class RequestEngine final : public httplib::Server {
 public:
  // The response to one complete request. `last`: say "Connection: close".
  Answer answer(const std::string& request, const Peer& peer, bool last);
};

}  // namespace medbcp::web
