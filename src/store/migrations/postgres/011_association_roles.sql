-- PostgreSQL form of src/store/migrations/011_association_roles.sql.
-- An association's accounts live in the schema medbcp_association, made of
-- the same tables as a facility's; their roles are association-admin
-- (協会管理者) and association-viewer (協会閲覧). Which roles an account of a
-- given schema may hold is the application's rule (app/users.cc), and a
-- session whose role does not fit its schema is refused (app/sessions.cc).
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('admin', 'editor', 'staff', 'viewer', 'association-admin', 'association-viewer'));
