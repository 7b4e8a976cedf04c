-- The plan: one facility per database, every section of the template.
-- References between plan records are deferred so a whole plan can be
-- written in any order inside one transaction.

CREATE TABLE facility (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  document_department TEXT NOT NULL DEFAULT '',
  effective_date TEXT,
  edition INTEGER NOT NULL DEFAULT 1 CHECK (edition >= 1),
  last_reviewed TEXT
);

CREATE TABLE security_officer (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  phone_day TEXT NOT NULL DEFAULT '',
  phone_night TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT ''
);

CREATE TABLE external_contacts (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  organization TEXT NOT NULL,
  person TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  phone_after_hours TEXT NOT NULL DEFAULT '',
  hours TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  what_to_tell TEXT NOT NULL DEFAULT '',
  notify_on_incident INTEGER NOT NULL DEFAULT 0,
  last_verified TEXT
);

CREATE TABLE systems (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  vendor_contact_id INTEGER REFERENCES external_contacts(id)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  from_template INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE threats (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE internal_contacts (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '',
  phone_day TEXT NOT NULL DEFAULT '',
  phone_night TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  reports_to INTEGER REFERENCES internal_contacts(id)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  asset_number TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  system TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  manager TEXT NOT NULL DEFAULT '',
  os TEXT NOT NULL DEFAULT '',
  os_version TEXT NOT NULL DEFAULT '',
  ip_address TEXT NOT NULL DEFAULT '',
  mac_address TEXT NOT NULL DEFAULT '',
  network_zone TEXT NOT NULL DEFAULT '',
  internet_facing INTEGER NOT NULL DEFAULT 0,
  remote_maintenance INTEGER NOT NULL DEFAULT 0,
  vendor TEXT NOT NULL DEFAULT '',
  introduced TEXT,
  support_end TEXT,
  status TEXT NOT NULL,
  last_stocktake TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX devices_asset_number ON devices(asset_number);

CREATE TABLE fallbacks (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  business TEXT NOT NULL DEFAULT '',
  system_id INTEGER REFERENCES systems(id)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  system_label TEXT NOT NULL DEFAULT '',
  fallback TEXT NOT NULL DEFAULT '',
  materials TEXT NOT NULL DEFAULT '',
  return_to_normal TEXT NOT NULL DEFAULT ''
);

CREATE TABLE backup_plans (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  system_id INTEGER REFERENCES systems(id)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  system_label TEXT NOT NULL DEFAULT '',
  frequency_days INTEGER NOT NULL DEFAULT 0 CHECK (frequency_days >= 0),
  method TEXT NOT NULL DEFAULT '',
  restore_method TEXT NOT NULL DEFAULT '',
  media TEXT NOT NULL DEFAULT '',
  offline INTEGER NOT NULL DEFAULT 0,
  generations INTEGER NOT NULL DEFAULT 0 CHECK (generations >= 0)
);
