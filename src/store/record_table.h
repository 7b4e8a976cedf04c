// Maps a list of plan records (devices, contacts, …) to one SQL table by
// naming each column once, so loading and saving cannot drift apart and no
// table's SQL is written twice. Lists are saved as a whole: rows are upserted
// by id with their list position, and rows no longer in the list are deleted.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/time.h"
#include "store/database.h"

namespace medbcp::store {

template <class T>
struct Column {
  std::string name;
  std::function<void(Statement&, int, const T&)> bind;
  std::function<void(const Statement&, int, T&)> read;
};

template <class T>
Column<T> text_column(std::string name, std::string T::*field) {
  // The record outlives the row's insert: its text is not copied again.
  return {std::move(name),
          [field](Statement& s, int i, const T& r) { s.bind_unowned(i, r.*field); },
          [field](const Statement& s, int i, T& r) { r.*field = s.text(i); }};
}

template <class T>
Column<T> bool_column(std::string name, bool T::*field) {
  return {std::move(name), [field](Statement& s, int i, const T& r) { s.bind(i, r.*field); },
          [field](const Statement& s, int i, T& r) { r.*field = s.integer(i) != 0; }};
}

template <class T>
Column<T> int_column(std::string name, int T::*field) {
  return {std::move(name), [field](Statement& s, int i, const T& r) { s.bind(i, r.*field); },
          [field](const Statement& s, int i, T& r) { r.*field = static_cast<int>(s.integer(i)); }};
}

// Dates are stored as ISO text ("2024-04-01").
template <class T>
Column<T> date_column(std::string name, std::optional<core::Date> T::*field) {
  return {std::move(name),
          [field](Statement& s, int i, const T& r) {
            if (r.*field) {
              s.bind(i, (r.*field)->iso());
            } else {
              s.bind_null(i);
            }
          },
          [field](const Statement& s, int i, T& r) {
            r.*field = s.is_null(i) ? std::nullopt : core::Date::parse(s.text(i));
          }};
}

template <class T, class IdT>
Column<T> ref_column(std::string name, std::optional<IdT> T::*field) {
  return {std::move(name),
          [field](Statement& s, int i, const T& r) {
            if (r.*field) {
              s.bind(i, (r.*field)->value);
            } else {
              s.bind_null(i);
            }
          },
          [field](const Statement& s, int i, T& r) {
            r.*field = s.is_null(i) ? std::nullopt : std::optional<IdT>(IdT(s.integer(i)));
          }};
}

// Enums are stored by their stable code (core::code / *_from_code).
template <class T, class E>
Column<T> enum_column(std::string name, E T::*field, const char* (*to_code)(E),
                      std::optional<E> (*from_code)(std::string_view), E fallback) {
  return {std::move(name),
          [field, to_code](Statement& s, int i, const T& r) { s.bind(i, to_code(r.*field)); },
          [field, from_code, fallback](const Statement& s, int i, T& r) {
            r.*field = from_code(s.text(i)).value_or(fallback);
          }};
}

template <class T>
struct RecordTable {
  std::string table;
  std::vector<Column<T>> columns;

  std::vector<T> load(Database& db) const {
    std::string sql = "SELECT id";
    for (const auto& c : columns) sql += ", " + c.name;
    sql += " FROM " + table + " ORDER BY position, id";
    auto stmt = db.prepare(sql);
    std::vector<T> out;
    while (stmt->step()) {
      T record{};
      record.id = decltype(record.id)(stmt->integer(0));
      for (std::size_t i = 0; i < columns.size(); ++i) {
        columns[i].read(*stmt, static_cast<int>(i + 1), record);
      }
      out.push_back(std::move(record));
    }
    return out;
  }

  // Every record must already have a valid id (the app layer assigns them).
  void save(Database& db, const std::vector<T>& records) const {
    std::string names = "id, position";
    std::string params = "?, ?";
    std::string updates = "position = excluded.position";
    for (const auto& c : columns) {
      names += ", " + c.name;
      params += ", ?";
      updates += ", " + c.name + " = excluded." + c.name;
    }
    auto upsert = db.prepare("INSERT INTO " + table + " (" + names + ") VALUES (" + params +
                             ") ON CONFLICT (id) DO UPDATE SET " + updates);
    std::unordered_set<std::int64_t> kept;
    for (std::size_t row = 0; row < records.size(); ++row) {
      const T& record = records[row];
      upsert->reset();
      upsert->bind(1, record.id.value).bind(2, static_cast<std::int64_t>(row));
      for (std::size_t i = 0; i < columns.size(); ++i) {
        columns[i].bind(*upsert, static_cast<int>(i + 3), record);
      }
      upsert->run();
      kept.insert(record.id.value);
    }
    std::vector<std::int64_t> stale;
    auto ids = db.prepare("SELECT id FROM " + table);
    while (ids->step()) {
      if (!kept.contains(ids->integer(0))) stale.push_back(ids->integer(0));
    }
    auto remove = db.prepare("DELETE FROM " + table + " WHERE id = ?");
    for (auto id : stale) {
      remove->reset();
      remove->bind(1, id).run();
    }
  }
};

}  // namespace medbcp::store
