-- The roles of an association's own accounts (協会管理者, 協会閲覧) are
-- stored on PostgreSQL only, in the association's schema beside its
-- facilities (src/store/migrations/postgres/011_association_roles.sql). A
-- SQLite file is one clinic and never holds them, so its users table keeps
-- its check of the four clinic roles; this version changes nothing here.
SELECT 1;
